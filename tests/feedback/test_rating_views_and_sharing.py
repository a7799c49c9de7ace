"""“Bài viết có hữu ích không?” once per visitor session, a view count that skips
crawlers, and share links that load nothing from the networks."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from nghiquyet.feedback.models import ViewCount
from nghiquyet.feedback.selectors import rating_totals, view_count

pytestmark = pytest.mark.django_db


def base(article) -> str:
    return f"/feedback/{ContentType.objects.get_for_model(article).pk}/{article.pk}"


def test_a_visitor_answers_once_per_session(article):
    visitor = Client()
    visitor.post(f"{base(article)}/rating/", {"useful": "yes", "next": "/public/news/"})
    again = visitor.post(f"{base(article)}/rating/", {"useful": "no"}, follow=True)
    assert "Bạn đã trả lời" in again.content.decode()
    Client().post(f"{base(article)}/rating/", {"useful": "no"})
    totals = rating_totals(record=article)
    assert (totals.useful, totals.not_useful) == (1, 1)
    page = visitor.get(article.get_absolute_url()).content.decode()
    assert "Bài viết có hữu ích không?" in page
    assert "Bạn đã trả lời. Cảm ơn bạn." in page


def test_a_rating_that_is_neither_yes_nor_no_is_refused(article):
    Client().post(f"{base(article)}/rating/", {"useful": "maybe"})
    totals = rating_totals(record=article)
    assert (totals.useful, totals.not_useful) == (0, 0)


def test_each_reading_adds_one_view_but_crawlers_do_not(article):
    reader = Client()
    reader.post(f"{base(article)}/view/")
    reader.post(f"{base(article)}/view/")
    Client(HTTP_USER_AGENT="Mozilla/5.0 (compatible; Googlebot/2.1)").post(f"{base(article)}/view/")
    assert view_count(record=article) == 2
    assert ViewCount.objects.count() == 1
    assert "Đã xem 2 lần" in reader.get(article.get_absolute_url()).content.decode()


def test_a_draft_is_never_counted(dongthap):
    from public_records import news_item_of

    draft = news_item_of(dongthap)
    assert Client().post(f"{base(draft)}/view/").status_code == 404
    assert not ViewCount.objects.exists()


def test_share_links_are_plain_links_to_the_networks(article):
    page = Client().get(article.get_absolute_url()).content.decode()
    address = f"http%3A%2F%2Ftestserver%2Fpublic%2Fnews%2F{article.pk}%2F"
    assert f"https://www.facebook.com/sharer/sharer.php?u={address}" in page
    assert f"https://zalo.me/share?url={address}" in page
    assert "mailto:?subject=" in page
    assert "facebook.net" not in page and "sp.zalo.me" not in page
