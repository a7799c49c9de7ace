"""Vietnamese first, English available: every page speaks the language the user chose."""

import pytest
from django.conf import settings
from django.utils import translation


@pytest.mark.parametrize(
    "language,expected,absent",
    [
        ("vi", "Theo dõi thực hiện nghị quyết", "Resolution tracking"),
        ("en", "Resolution tracking", "Theo dõi thực hiện nghị quyết"),
    ],
)
def test_the_login_page_speaks_the_chosen_language(client, db, language, expected, absent):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get("/login/")
    assert response.status_code == 200
    assert expected in response.text
    assert absent not in response.text


def test_vietnamese_is_the_default_language(client, db):
    response = client.get("/login/")
    assert 'lang="vi"' in response.text
    assert "Đăng nhập" in response.text


def test_an_english_browser_still_gets_vietnamese_pages_until_the_user_switches(client, db):
    assert 'lang="vi"' in client.get("/login/", HTTP_ACCEPT_LANGUAGE="en-US,en").text
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert 'lang="en"' in client.get("/login/", HTTP_ACCEPT_LANGUAGE="en-US,en").text


def test_the_api_follows_the_language_the_script_asks_for(client, db):
    response = client.get("/api/orgs/bodies", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 401
    assert response.headers["Content-Language"] == "en"


def test_the_header_offers_both_languages_by_their_own_names(client, db):
    response = client.get("/login/")
    assert "Tiếng Việt" in response.text
    assert "English" in response.text


def test_switching_language_sticks_for_the_next_pages(client, db):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Log in" in client.get("/login/").text
    client.post("/i18n/setlang/", {"language": "vi", "next": "/"})
    assert "Đăng nhập" in client.get("/login/").text


def test_model_labels_are_translated():
    from nghiquyet.orgs.models import Membership

    with translation.override("vi"):
        assert str(Membership.Role.REPORTER.label) == "Cán bộ báo cáo của cơ quan"
    with translation.override("en"):
        assert str(Membership.Role.REPORTER.label) == "Agency reporter"


def test_words_several_apps_use_keep_each_apps_meaning_in_vietnamese():
    """A resolution's title is its "trích yếu" and a target's kind a "mức", not an office's."""
    from nghiquyet.orgs.models import Office, Place
    from nghiquyet.targets.forms import NewResolutionForm
    from nghiquyet.targets.models import Kind

    with translation.override("vi"):
        assert str(NewResolutionForm.base_fields["title"].label) == "Trích yếu"
        assert str(Kind.LEVEL.label) == "mức"
        assert str(Office._meta.get_field("title").verbose_name) == "chức vụ"
        assert str(Place._meta.get_field("level").verbose_name) == "cấp"
