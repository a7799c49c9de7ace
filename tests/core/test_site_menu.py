"""The main menu, drawn once per process for each thing it depends on, is still each
person's own: their language, the section they are in, and what they may do."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def menu(client: Client, url: str = "/targets/") -> str:
    html = client.get(url).content.decode()
    return re.search(
        r'<ul class="navbar-nav[^"]*">(.*?)</ul>\s*</div>\s*</div>\s*</nav>', html, re.S
    )[1]


def test_staff_see_the_administration_and_no_one_else_does(client_for, reporter):
    admin = get_user_model().objects.create_superuser("quantri", password="mật-khẩu-dài-2026")
    assert "/admin/" in menu(client_for(admin))
    assert "/admin/" not in menu(client_for(reporter))
    assert "/admin/" in menu(client_for(admin))


def test_a_visitor_gets_the_public_menu_after_a_signed_in_person_got_theirs(client_for, office):
    assert "/tasks/" in menu(client_for(office))
    assert "/tasks/" not in menu(Client())


def test_the_menu_speaks_the_language_of_the_page(client_for, office):
    client = client_for(office)
    assert "Chỉ tiêu" in menu(client)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = menu(client)
    assert "Targets" in english
    assert "Chỉ tiêu" not in english


def test_the_section_of_the_page_is_marked_as_current(client_for, office):
    client = client_for(office)
    current = re.findall(
        r'class="nav-link active" aria-current="page" href="([^"]+)"', menu(client)
    )
    assert current == ["/targets/"]
    current = re.findall(
        r'class="nav-link active" aria-current="page" href="([^"]+)"', menu(client, "/tasks/")
    )
    assert current == ["/tasks/"]
