"""The captcha is the site's own: the visitor works out the sum drawn on the page, and
a wrong or reused answer leaves no comment. These tests solve the real challenge."""

import re

import pytest
from captcha.models import CaptchaStore
from django.test import Client

from nghiquyet.feedback.models import PublicComment
from public_records import comment_data

pytestmark = pytest.mark.django_db


def challenge(client: Client, url: str) -> tuple[str, str]:
    """The key of the captcha drawn on the page, and the answer the site expects."""
    page = client.get(url).content.decode()
    key = re.search(r'name="captcha_0" value="(\w+)"', page).group(1)
    assert f"/captcha/image/{key}/" in page
    return key, CaptchaStore.objects.get(hashkey=key).response


def comment_url(article) -> str:
    from django.contrib.contenttypes.models import ContentType

    return f"/feedback/{ContentType.objects.get_for_model(article).pk}/{article.pk}/comment/"


def test_the_captcha_image_is_served_by_the_site(article):
    client = Client()
    key, _answer = challenge(client, article.get_absolute_url())
    image = client.get(f"/captcha/image/{key}/")
    assert image.status_code == 200
    assert image["Content-Type"] == "image/png"


def test_a_wrong_answer_is_refused_and_a_right_one_holds_the_comment(article):
    client = Client()
    key, answer = challenge(client, article.get_absolute_url())
    wrong = str(int(answer) + 1)
    response = client.post(comment_url(article), comment_data(captcha_0=key, captcha_1=wrong))
    assert response.status_code == 400
    assert "Kết quả phép tính chưa đúng" in response.content.decode()
    assert not PublicComment.objects.exists()

    key, answer = challenge(client, article.get_absolute_url())
    response = client.post(comment_url(article), comment_data(captcha_0=key, captcha_1=answer))
    assert response.status_code == 302
    assert PublicComment.objects.get().status == PublicComment.Status.HELD


def test_a_solved_captcha_cannot_be_used_twice(article):
    client = Client()
    key, answer = challenge(client, article.get_absolute_url())
    client.post(comment_url(article), comment_data(captcha_0=key, captcha_1=answer))
    again = client.post(comment_url(article), comment_data(captcha_0=key, captcha_1=answer))
    assert again.status_code == 400
    assert PublicComment.objects.count() == 1


def test_test_mode_is_off_unless_a_test_asks_for_it(article):
    response = Client().post(comment_url(article), comment_data())
    assert response.status_code == 400
    assert not PublicComment.objects.exists()
