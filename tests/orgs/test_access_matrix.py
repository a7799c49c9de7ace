"""Who may see and change what: every role against records of its own and another province.

Two kinds of record are checked: a body (which carries an agency, so reporters
are limited to their own) and an office held in a body (province-wide, no agency).
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from nghiquyet.orgs.access import Action, can, can_create, get_for, scope
from nghiquyet.orgs.models import Body, Office, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(dongthap, laichau):
    person = Person.objects.create(full_name="Nguyễn Văn A")
    return {
        "own_agency": dongthap.bodies["so_tai_chinh"],
        "own_other_agency": dongthap.bodies["so_y_te"],
        "other_province": laichau.bodies["so_tai_chinh"],
        "own_office": Office.objects.create(
            person=person, body=dongthap.bodies["tinh_uy"], title="Bí thư"
        ),
        "other_office": Office.objects.create(
            person=person, body=laichau.bodies["tinh_uy"], title="Bí thư"
        ),
    }


def persona(name, dongthap, laichau, django_user_model):
    if name == "admin":
        return django_user_model.objects.create_superuser("root", "r@x.vn", "pw-123456-root")
    if name == "public":
        return AnonymousUser()
    if name == "outsider":
        return laichau.users["office"]
    return dongthap.users[name]


# (persona, record, may view, may change)
MATRIX = [
    ("admin", "own_agency", True, True),
    ("admin", "other_province", True, True),
    ("admin", "other_office", True, True),
    ("office", "own_agency", True, True),
    ("office", "own_other_agency", True, True),
    ("office", "own_office", True, True),
    ("office", "other_province", False, False),
    ("office", "other_office", False, False),
    ("leader", "own_agency", True, False),
    ("leader", "own_other_agency", True, False),
    ("leader", "own_office", True, False),
    ("leader", "other_province", False, False),
    ("leader", "other_office", False, False),
    ("reporter", "own_agency", True, True),
    ("reporter", "own_other_agency", False, False),
    ("reporter", "own_office", True, False),
    ("reporter", "other_province", False, False),
    ("reporter", "other_office", False, False),
    ("outsider", "own_agency", False, False),
    ("outsider", "own_office", False, False),
    ("outsider", "other_province", True, True),
    ("public", "own_agency", False, False),
    ("public", "own_office", False, False),
    ("public", "other_province", False, False),
]


@pytest.mark.parametrize("who,what,may_view,may_change", MATRIX)
def test_role_matrix(
    who, what, may_view, may_change, dongthap, laichau, records, django_user_model
):
    user = persona(who, dongthap, laichau, django_user_model)
    obj = records[what]
    assert can(user, Action.VIEW, obj) is may_view
    assert can(user, Action.CHANGE, obj) is may_change
    assert scope(type(obj).objects.all(), user).filter(pk=obj.pk).exists() is may_view
    assert user.has_perm(f"{obj._meta.app_label}.change_{obj._meta.model_name}", obj) is may_change


@pytest.mark.parametrize("who,what,may_view,may_change", MATRIX)
def test_get_for_hides_invisible_records_and_refuses_changes(
    who, what, may_view, may_change, dongthap, laichau, records, django_user_model
):
    user = persona(who, dongthap, laichau, django_user_model)
    obj = records[what]
    if not may_view:
        with pytest.raises(Http404):
            get_for(type(obj), user, Action.VIEW, pk=obj.pk)
        return
    assert get_for(type(obj), user, Action.VIEW, pk=obj.pk) == obj
    if may_change:
        assert get_for(type(obj), user, Action.CHANGE, pk=obj.pk) == obj
    else:
        with pytest.raises(PermissionDenied):
            get_for(type(obj), user, Action.CHANGE, pk=obj.pk)


def test_only_the_office_creates_province_records_and_reporters_their_agencys(
    dongthap, laichau, office, reporter, leader, outsider
):
    province = dongthap.province
    own = dongthap.bodies["so_tai_chinh"].pk
    assert can_create(office, Office, province=province)
    assert not can_create(leader, Office, province=province)
    assert not can_create(outsider, Office, province=province)
    assert not can_create(reporter, Office, province=province)
    assert can_create(reporter, Body, province=province, agency_id=own)
    assert not can_create(
        reporter, Body, province=province, agency_id=dongthap.bodies["so_y_te"].pk
    )


def test_every_role_reads_public_records_of_other_provinces_but_changes_none(
    dongthap, laichau, django_user_model
):
    from nghiquyet.documents.models import Document, DocumentKind

    central = Document.objects.create(
        kind=DocumentKind.NGHI_QUYET,
        number="45",
        symbol="45-NQ/TW",
        title="Nghị quyết số 45",
        status=Document.Status.ADOPTED,
        is_public=True,
    )
    for who in ("office", "leader", "reporter", "outsider", "public"):
        user = persona(who, dongthap, laichau, django_user_model)
        assert can(user, Action.VIEW, central), who
        assert not can(user, Action.CHANGE, central), who


def test_the_office_of_a_merged_province_manages_its_predecessors_records(places):
    import datetime as dt

    from nghiquyet.orgs.personas import province_setup
    from nghiquyet.orgs.selectors import place_find_province

    tay_ninh = province_setup("Tây Ninh", username_prefix="tayninh", password="pw-tay-ninh-1")
    long_an = place_find_province("Long An", on=dt.date(2023, 1, 1))
    old_body = Body.objects.create(
        province=long_an, name="Tỉnh ủy Long An", kind=Body.Kind.PARTY_COMMITTEE
    )
    assert can(tay_ninh.office, Action.CHANGE, old_body)


def test_the_body_list_page_shows_only_the_users_province(client_for, office, laichau):
    response = client_for(office).get("/orgs/bodies/")
    assert response.status_code == 200
    assert "Sở Tài chính tỉnh Đồng Tháp" in response.text
    assert "Lai Châu" not in response.text


def test_an_outsider_gets_404_for_another_provinces_body(client_for, outsider, dongthap):
    body = dongthap.bodies["so_tai_chinh"]
    assert client_for(outsider).get(f"/orgs/bodies/{body.pk}/").status_code == 404
