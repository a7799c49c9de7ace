"""The demo province's portal has published news from its meetings, a draft not yet
published, and comments in every state of moderation."""

import pytest
from django.test import Client
from django.utils import timezone

from nghiquyet.core.demo import demo_load
from nghiquyet.feedback.models import PublicComment
from nghiquyet.feedback.selectors import view_count
from nghiquyet.news.models import NewsItem

pytestmark = pytest.mark.django_db


def test_the_demo_portal_has_news_and_comments_in_every_state(places):
    home, _other = demo_load(as_of=timezone.localdate())
    news = NewsItem.objects.filter(province=home.province)
    assert news.filter(is_published=True).count() == 2
    assert news.filter(is_published=False).count() == 1
    states = set(
        PublicComment.objects.filter(province=home.province).values_list("status", flat=True)
    )
    assert states == {"held", "published", "hidden"}
    article = news.filter(is_published=True).order_by("meeting__starts_on").last()
    page = Client().get(article.get_absolute_url()).content.decode()
    assert "Mong tỉnh sớm công bố tiến độ các công trình trọng điểm" in page
    assert "12 bác sĩ/vạn dân được tính cho từng xã" not in page
    assert "Mua bán đất nền" not in page
    assert view_count(record=article) > 0


def test_loading_the_demo_twice_adds_nothing(places):
    demo_load(as_of=timezone.localdate())
    counts = (NewsItem.objects.count(), PublicComment.objects.count())
    demo_load(as_of=timezone.localdate())
    assert (NewsItem.objects.count(), PublicComment.objects.count()) == counts
