"""Public pages are served from the cache until a publication or an approval changes them."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from nghiquyet.documents.services import document_unpublish
from nghiquyet.portal.cache import cached
from nghiquyet.targets import services

pytestmark = pytest.mark.django_db


def test_a_second_visit_reads_the_cache_without_querying_the_records(
    published, django_assert_max_num_queries
):
    url = reverse("portal:resolution", args=[published.document.pk])
    client = Client()
    client.get(url)
    with django_assert_max_num_queries(2):
        assert client.get(url).status_code == 200


def test_an_approved_figure_shows_at_once_and_a_submitted_one_never(published, office):
    url = reverse("portal:resolution", args=[published.document.pk])
    client = Client()
    assert "93,1" in client.get(url).content.decode()
    insurance = published.targets["insurance"]
    correction = services.actual_create(user=office, target=insurance, period="2024", value="95.2")
    services.actual_submit(user=office, actual=correction)
    page = client.get(url).content.decode()
    assert "95,2" not in page and "93,1" in page
    services.actual_approve(user=office, actual=correction)
    page = client.get(url).content.decode()
    assert "95,2" in page


def test_taking_a_resolution_off_the_portal_removes_its_cached_page(published, office):
    url = reverse("portal:resolution", args=[published.document.pk])
    client = Client()
    assert client.get(url).status_code == 200
    assert "12-NQ/TU" in client.get(reverse("portal:home")).content.decode()
    document_unpublish(user=office, document=published.document)
    assert client.get(url).status_code == 404
    assert "12-NQ/TU" not in client.get(reverse("portal:home")).content.decode()


def test_each_language_has_its_own_cached_page(published):
    url = reverse("portal:home")
    vi, en = Client(), Client()
    en.cookies["django_language"] = "en"
    assert "Các nghị quyết đang thực hiện" in vi.get(url).content.decode()
    assert "Resolutions in force" in en.get(url).content.decode()
    assert "Các nghị quyết đang thực hiện" in vi.get(url).content.decode()


def test_visitors_sharing_a_cached_page_each_get_their_own_token_for_the_language_switch(
    published,
):
    url = reverse("portal:home")
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    tokens = []
    for client in (first, second):
        page = client.get(url).content.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        assert "portal-csrf-token" not in page
        tokens.append(token)
    assert tokens[0] != tokens[1]
    switched = second.post(
        "/i18n/setlang/", {"language": "en", "next": url, "csrfmiddlewaretoken": tokens[1]}
    )
    assert switched.status_code == 302
    assert "Resolutions in force" in second.get(url).content.decode()


def test_a_signed_in_user_sees_their_own_header_on_a_public_page(published, client_for, office):
    Client().get(reverse("portal:home"))
    page = client_for(office).get(reverse("portal:home")).content.decode()
    assert office.get_full_name() in page
    assert office.get_full_name() not in Client().get(reverse("portal:home")).content.decode()


def test_a_page_built_while_an_approval_commits_is_not_served_after_the_commit(
    published, office, django_capture_on_commit_callbacks
):
    insurance = published.targets["insurance"]
    correction = services.actual_create(user=office, target=insurance, period="2024", value="95.2")
    services.actual_submit(user=office, actual=correction)
    with django_capture_on_commit_callbacks(execute=True):
        services.actual_approve(user=office, actual=correction)
        # A visitor served before the commit sees the rows as they were.
        cached("progress", insurance.pk, build=lambda: "Bảo hiểm y tế: 93,1%")
    after = cached("progress", insurance.pk, build=lambda: "Bảo hiểm y tế: 95,2%")
    assert after == "Bảo hiểm y tế: 95,2%"
