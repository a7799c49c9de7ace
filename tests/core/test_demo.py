"""``nghiquyet demo`` loads the demo province and a login per role."""

from io import StringIO

import pytest
from django.core.management import call_command

from nghiquyet.core.demo import DEMO_PASSWORD
from nghiquyet.meetings.demo import GUEST_USERNAME
from nghiquyet.orgs.models import Body, Membership
from nghiquyet.targets.models import Target

pytestmark = pytest.mark.django_db


def test_the_demo_creates_a_login_for_every_role_and_prints_them(client):
    out = StringIO()
    call_command("demo", stdout=out)
    printed = out.getvalue()
    members = Membership.objects.filter(body__province__short_name="Đồng Tháp")
    assert {m.role for m in members} == set(Membership.Role.values)
    assert members.filter(body__kind=Body.Kind.INSPECTION_COMMITTEE).exists()
    for member in members:
        assert member.user.username in printed
        signed_in = client.post(
            "/login/", {"username": member.user.username, "password": DEMO_PASSWORD}
        )
        assert signed_in.status_code == 302
        client.logout()
    signed_in = client.post("/login/", {"username": GUEST_USERNAME, "password": DEMO_PASSWORD})
    assert signed_in.status_code == 302
    assert GUEST_USERNAME in printed
    assert DEMO_PASSWORD in printed
    assert "admin" in printed


def test_the_two_provinces_staff_have_different_names_and_both_have_records():
    call_command("demo", stdout=StringIO())
    names = {
        province: {
            m.user.get_full_name()
            for m in Membership.objects.filter(body__province__short_name=province)
        }
        for province in ("Đồng Tháp", "Lai Châu")
    }
    assert len(names["Đồng Tháp"]) == len(names["Lai Châu"]) == 4
    assert not names["Đồng Tháp"] & names["Lai Châu"]
    assert Target.objects.filter(document__province__short_name="Lai Châu").count() == 14


def test_loading_the_demo_twice_creates_nothing_new():
    call_command("demo", stdout=StringIO())
    counts = Membership.objects.count()
    call_command("demo", stdout=StringIO())
    assert Membership.objects.count() == counts
