"""Too many comments, ratings or page views from one address get a polite Vietnamese
page with status 429, and change nothing."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from nghiquyet.feedback.models import PublicComment, Rating
from nghiquyet.feedback.selectors import view_count
from public_records import comment_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("captcha_test_mode")]


def base(article) -> str:
    return f"/feedback/{ContentType.objects.get_for_model(article).pk}/{article.pk}"


def test_the_third_comment_in_a_minute_is_told_to_wait(article, settings):
    settings.FEEDBACK_COMMENT_RATE = "2/m"
    client = Client()
    codes = [client.post(f"{base(article)}/comment/", comment_data()).status_code for _ in "123"]
    assert codes == [302, 302, 429]
    assert PublicComment.objects.count() == 2
    refused = client.post(f"{base(article)}/comment/", comment_data())
    assert "Vui lòng chờ" in refused.content.decode()


def test_another_address_is_not_held_back(article, settings):
    settings.FEEDBACK_COMMENT_RATE = "1/m"
    Client().post(f"{base(article)}/comment/", comment_data())
    other = Client(REMOTE_ADDR="203.113.0.7").post(f"{base(article)}/comment/", comment_data())
    assert other.status_code == 302


def test_ratings_are_limited(article, settings):
    settings.FEEDBACK_RATING_RATE = "1/m"
    first = Client().post(f"{base(article)}/rating/", {"useful": "yes"})
    second = Client().post(f"{base(article)}/rating/", {"useful": "no"})
    assert (first.status_code, second.status_code) == (302, 429)
    assert Rating.objects.count() == 1


def test_page_views_are_limited(article, settings):
    settings.FEEDBACK_VIEW_RATE = "3/m"
    client = Client()
    codes = [client.post(f"{base(article)}/view/").status_code for _ in range(4)]
    assert codes == [204, 204, 204, 429]
    assert view_count(record=article) == 3


def test_behind_a_trusted_proxy_each_forwarded_address_has_its_own_limit(article, settings):
    settings.FEEDBACK_COMMENT_RATE = "1/m"
    settings.TRUSTED_PROXY_COUNT = 1
    url = f"{base(article)}/comment/"
    # nginx appends the address it saw; what stands before it is the visitor's to forge.
    codes = [
        Client(HTTP_X_FORWARDED_FOR=f"198.51.100.1, {visitor}")
        .post(url, comment_data())
        .status_code
        for visitor in ("203.113.0.7", "203.113.0.8", "203.113.0.7")
    ]
    assert codes == [302, 302, 429]
