"""``nghiquyet demo`` loads the demo province and a login per role."""

from io import StringIO

import pytest
from django.core.management import call_command

from nghiquyet.core.demo import DEMO_PASSWORD
from nghiquyet.orgs.models import Membership

pytestmark = pytest.mark.django_db


def test_the_demo_creates_a_login_for_every_role_and_prints_them(client):
    out = StringIO()
    call_command("demo", stdout=out)
    printed = out.getvalue()
    for role in Membership.Role:
        member = Membership.objects.filter(role=role, body__province__short_name="Đồng Tháp").get()
        assert member.user.username in printed
        signed_in = client.post(
            "/login/", {"username": member.user.username, "password": DEMO_PASSWORD}
        )
        assert signed_in.status_code == 302
        client.logout()
    assert DEMO_PASSWORD in printed
    assert "admin" in printed


def test_loading_the_demo_twice_creates_nothing_new():
    call_command("demo", stdout=StringIO())
    counts = Membership.objects.count()
    call_command("demo", stdout=StringIO())
    assert Membership.objects.count() == counts
