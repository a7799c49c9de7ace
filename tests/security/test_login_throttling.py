"""Password and key guessing is stopped after five failures, on every door.

Before, 30 wrong passwords in a row went through without delay and the right one
was accepted straight after, at the login page and at /admin/login/ alike.
"""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from nghiquyet.api.services import api_token_create

pytestmark = pytest.mark.django_db

GUESSES = 30
LOCKED_VI = "tài khoản này bị tạm khóa từ địa chỉ này trong 15 phút"


def guess(client: Client, url: str, username: str, password: str, times: int = 1):
    for _ in range(times):
        response = client.post(url, {"username": username, "password": password})
    return response


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_thirty_wrong_passwords_lock_the_account_and_the_right_one_is_refused(office, password):
    client = Client()
    first = guess(client, "/login/", office.username, "sai-mat-khau")
    assert first.status_code == 200
    guess(client, "/login/", office.username, "sai-mat-khau", times=GUESSES - 1)
    response = guess(client, "/login/", office.username, password)
    assert response.status_code == 429
    assert not signed_in(client)
    page = response.content.decode()
    assert LOCKED_VI in page
    assert 'class="site-header"' in page


def test_the_lockout_page_speaks_english_to_an_english_reader(office, password):
    client = Client(headers={"accept-language": "en"})
    client.cookies["django_language"] = "en"
    response = guess(client, "/login/", office.username, "wrong", times=6)
    assert response.status_code == 429
    assert "this account is locked from this address for 15 minutes" in (response.content.decode())


def test_four_failures_then_the_right_password_signs_in_and_starts_the_count_again(
    office, password
):
    client = Client()
    guess(client, "/login/", office.username, "wrong", times=4)
    assert guess(client, "/login/", office.username, password).status_code == 302
    assert signed_in(client)
    client.logout()
    guess(client, "/login/", office.username, "wrong", times=4)
    assert guess(client, "/login/", office.username, password).status_code == 302


def test_another_account_from_the_same_address_is_not_locked(office, reporter, password):
    client = Client()
    guess(client, "/login/", office.username, "wrong", times=GUESSES)
    assert guess(client, "/login/", reporter.username, password).status_code == 302


def test_a_forged_forwarded_address_does_not_reset_the_count(office, password):
    client = Client()
    for number in range(GUESSES):
        client.post(
            "/login/",
            {"username": office.username, "password": "wrong"},
            headers={"x-forwarded-for": f"10.0.0.{number}"},
        )
    response = client.post(
        "/login/",
        {"username": office.username, "password": password},
        headers={"x-forwarded-for": "10.0.1.1"},
    )
    assert response.status_code == 429


def test_thirty_wrong_passwords_at_the_admin_lock_the_admin_login_too(db):
    admin = get_user_model().objects.create_superuser("quantri", password="quan-tri-dung-1")
    client = Client()
    guess(client, "/admin/login/", admin.username, "wrong", times=GUESSES)
    response = guess(client, "/admin/login/", admin.username, "quan-tri-dung-1")
    assert response.status_code == 429
    assert LOCKED_VI in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_thirty_wrong_api_tokens_lock_token_sign_in_from_that_address(client, office):
    _token, raw = api_token_create(user=office, name="excel")
    for number in range(GUESSES):
        client.get("/api/orgs/bodies", headers={"authorization": f"Bearer nq_guess{number}"})
    response = client.get("/api/orgs/bodies", headers={"authorization": f"Bearer {raw}"})
    assert response.status_code == 429
    assert LOCKED_VI in response.json()["detail"]


def test_a_few_wrong_api_tokens_leave_the_right_one_working(client, office):
    _token, raw = api_token_create(user=office, name="excel")
    for number in range(4):
        answer = client.get("/api/orgs/bodies", headers={"authorization": f"Bearer x{number}"})
        assert answer.status_code == 401
    response = client.get("/api/orgs/bodies", headers={"authorization": f"Bearer {raw}"})
    assert response.status_code == 200


def test_behind_nginx_one_visitors_guesses_do_not_lock_the_account_for_another(
    office, password, settings
):
    """nginx passes every request from its own address and names the visitor in
    X-Forwarded-For (deploy/nginx): the count follows the visitor."""
    settings.TRUSTED_PROXY_COUNT = 1
    guesser = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.113.10.5")
    colleague = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="14.160.32.7")
    assert guess(guesser, "/login/", office.username, "wrong", times=6).status_code == 429
    assert guess(colleague, "/login/", office.username, password).status_code == 302


def test_behind_nginx_a_forged_forwarded_address_does_not_give_a_fresh_count(
    office, password, settings
):
    """nginx appends the address it saw after whatever the visitor wrote."""
    settings.TRUSTED_PROXY_COUNT = 1
    for attempt in range(6):
        forged = Client(
            REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"10.9.8.{attempt}, 203.113.10.5"
        )
        response = guess(forged, "/login/", office.username, "wrong")
    assert response.status_code == 429
