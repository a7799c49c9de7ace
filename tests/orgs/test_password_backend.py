"""Passwords sign people in; what they may do is decided by the access layer only."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def test_a_leader_signs_in_with_the_password_on_the_login_page(leader, password):
    client = Client()
    answer = client.post("/login/", {"username": leader.username, "password": password})
    assert answer.status_code == 302
    assert client.get("/").context["user"] == leader


def test_a_wrong_password_does_not_sign_in(leader):
    client = Client()
    answer = client.post("/login/", {"username": leader.username, "password": "sai-mat-khau"})
    assert answer.status_code == 200
    assert not answer.context["user"].is_authenticated


def test_a_permission_stored_in_djangos_tables_grants_nothing(leader):
    leader.user_permissions.add(Permission.objects.get(codename="add_newsitem"))
    assert not leader.has_perm("news.add_newsitem")


def test_the_office_still_manages_news_through_the_access_layer(office):
    assert office.has_perm("news.add_newsitem")


def test_a_reporters_menu_reads_no_permission_table(client_for, reporter):
    client = client_for(reporter)
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/")
    assert page.status_code == 200
    assert "Đăng xuất" in page.content.decode()
    assert not [q for q in queries.captured_queries if "auth_permission" in q["sql"]]
