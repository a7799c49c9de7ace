"""Correcting, adopting, deleting and restoring a document."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from nghiquyet.documents.models import Document, DocumentKind, DocumentLink
from nghiquyet.documents.services import (
    document_adopt,
    document_create,
    document_delete,
    document_link,
    document_restore,
    document_update,
)

pytestmark = pytest.mark.django_db


def test_the_office_corrects_a_title_and_the_history_says_who(office, directive):
    document_update(user=office, document=directive, data={"title": "Chỉ thị (đã sửa)"})
    directive.refresh_from_db()
    assert directive.title == "Chỉ thị (đã sửa)"
    assert directive.history.first().history_user == office


def test_a_correction_to_a_duplicate_symbol_changes_nothing(dongthap, office, directive):
    other = document_create(
        user=office,
        kind=DocumentKind.CHI_THI,
        symbol="59-CT/TU",
        issuer=dongthap.bodies["btv"],
        title="Chỉ thị khác",
    )
    with pytest.raises(ValidationError):
        document_update(
            user=office, document=other, data={"symbol": "58-CT/TU", "title": "Đổi tên"}
        )
    other.refresh_from_db()
    assert (other.symbol, other.title) == ("59-CT/TU", "Chỉ thị khác")


@pytest.mark.parametrize("who", ["leader", "reporter", "outsider"])
def test_nobody_but_the_office_corrects_a_document(who, directive, request):
    with pytest.raises(PermissionDenied):
        document_update(
            user=request.getfixturevalue(who), document=directive, data={"title": "Không được"}
        )


def test_a_draft_is_adopted_with_its_symbol_and_date(dongthap, office):
    programme = document_create(
        user=office,
        kind=DocumentKind.CHUONG_TRINH,
        issuer=dongthap.bodies["bch"],
        title="Chương trình hành động thực hiện Nghị quyết số 45",
    )
    document_adopt(
        user=office, document=programme, symbol="12-CTr/TU", issued_on=dt.date(2024, 7, 11)
    )
    programme.refresh_from_db()
    assert programme.status == Document.Status.ADOPTED
    assert (programme.symbol, programme.number) == ("12-CTr/TU", "12")


def test_a_draft_cannot_be_made_public_by_creating_or_editing_it(dongthap, office, directive):
    with pytest.raises(ValidationError) as refused:
        document_create(
            user=office,
            kind=DocumentKind.CHUONG_TRINH,
            issuer=dongthap.bodies["bch"],
            is_public=True,
            title="Dự thảo chương trình hành động",
        )
    assert "is_public" in refused.value.message_dict
    draft = document_create(
        user=office,
        kind=DocumentKind.CHUONG_TRINH,
        issuer=dongthap.bodies["bch"],
        title="Dự thảo chương trình hành động",
    )
    with pytest.raises(ValidationError):
        document_update(user=office, document=draft, data={"is_public": True})
    draft.refresh_from_db()
    assert not draft.is_public


def test_an_adopted_document_cannot_be_adopted_again(office, directive):
    with pytest.raises(ValidationError):
        document_adopt(user=office, document=directive)


def test_adopting_a_replacement_supersedes_the_old_document(dongthap, office, directive):
    new = document_create(
        user=office,
        kind=DocumentKind.CHI_THI,
        issuer=dongthap.bodies["btv"],
        title="Chỉ thị thay thế Chỉ thị số 58-CT/TU",
    )
    document_link(user=office, source=new, target=directive, kind=DocumentLink.Kind.REPLACES)
    directive.refresh_from_db()
    assert directive.status == Document.Status.ADOPTED
    document_adopt(user=office, document=new, symbol="60-CT/TU")
    directive.refresh_from_db()
    assert directive.status == Document.Status.SUPERSEDED


def test_a_deleted_document_disappears_and_comes_back_on_restore(office, directive):
    document_delete(user=office, document=directive)
    assert not Document.objects.filter(pk=directive.pk).exists()
    document_restore(user=office, document=Document.all_objects.get(pk=directive.pk))
    assert Document.objects.filter(pk=directive.pk).exists()


def test_a_deleted_document_is_not_entered_again_but_restored(dongthap, office, directive):
    document_delete(user=office, document=directive)
    with pytest.raises(ValidationError):
        document_create(
            user=office,
            kind=DocumentKind.CHI_THI,
            symbol="58-CT/TU",
            issuer=dongthap.bodies["btv"],
            title="Nhập lại",
        )


def test_a_document_entered_again_since_its_deletion_is_not_restored(dongthap, office, directive):
    """The admin does not go through the services, so a twin can appear there."""
    document_delete(user=office, document=directive)
    Document.objects.create(
        kind=DocumentKind.CHI_THI,
        symbol="58-CT/TU",
        issuer=dongthap.bodies["btv"],
        province=dongthap.province,
        title="Nhập lại trong trang quản trị",
    )
    with pytest.raises(ValidationError):
        document_restore(user=office, document=Document.all_objects.get(pk=directive.pk))


@pytest.mark.parametrize("who", ["leader", "reporter", "outsider"])
def test_only_the_office_deletes_and_restores(who, office, directive, request):
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        document_delete(user=user, document=directive)
    document_delete(user=office, document=directive)
    with pytest.raises(PermissionDenied):
        document_restore(user=user, document=Document.all_objects.get(pk=directive.pk))
