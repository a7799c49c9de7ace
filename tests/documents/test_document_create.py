"""Recording a document: symbols checked, duplicates refused, only the office may do it."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.documents.services import document_create

pytestmark = pytest.mark.django_db


def create(user, issuer, **fields):
    values = {
        "kind": DocumentKind.CHI_THI,
        "symbol": "58-CT/TU",
        "issued_on": dt.date(2023, 11, 7),
        "title": "Chỉ thị về tăng cường sự lãnh đạo của Đảng đối với Quy hoạch tỉnh",
    }
    values.update(fields)
    return document_create(user=user, issuer=issuer, **values)


def test_the_office_records_a_directive_with_its_number_taken_from_the_symbol(dongthap, office):
    document = create(office, dongthap.bodies["btv"], symbol=" 58 - ct/tu ")
    document.refresh_from_db()
    assert (document.symbol, document.number) == ("58-CT/TU", "58")
    assert document.province == dongthap.province
    assert document.status == Document.Status.DRAFT
    assert document.history.get().history_user == office


def test_a_duplicate_symbol_of_the_same_issuer_is_refused_and_nothing_changes(
    dongthap, office, directive
):
    before = list(Document.all_objects.values_list("pk", "title"))
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        create(office, dongthap.bodies["btv"], title="Một bản nhập trùng")
    assert error.value.message_dict["symbol"] == [
        "Văn bản 58-CT/TU của Ban Thường vụ Tỉnh ủy Đồng Tháp đã có trong hệ thống."
    ]
    assert list(Document.all_objects.values_list("pk", "title")) == before


def test_the_same_symbol_of_another_issuer_is_another_document(dongthap, office, directive):
    other = create(office, dongthap.bodies["tinh_uy"])
    assert other.pk != directive.pk


def test_a_deleted_duplicate_points_to_restoring_it(dongthap, office, directive):
    directive.soft_delete()
    with translation.override("en"), pytest.raises(ValidationError) as error:
        create(office, dongthap.bodies["btv"])
    assert "restore" in error.value.message_dict["symbol"][0]


def test_a_symbol_that_contradicts_the_kind_is_refused_and_nothing_is_saved(dongthap, office):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        create(office, dongthap.bodies["btv"], kind=DocumentKind.KE_HOACH)
    assert "Directive" in error.value.message_dict["symbol"][0]
    assert not Document.all_objects.exists()


def test_a_symbol_naming_another_issuer_is_refused(dongthap, office):
    with pytest.raises(ValidationError) as error:
        create(office, dongthap.bodies["ubnd"], symbol="58-CT/TU")
    assert "symbol" in error.value.message_dict


def test_a_state_style_plan_of_the_peoples_committee_is_accepted(dongthap, office):
    plan = create(
        office,
        dongthap.bodies["ubnd"],
        kind=DocumentKind.KE_HOACH,
        symbol="123/KH-UBND",
        title="Kế hoạch thực hiện Chương trình hành động năm 2024",
    )
    assert (plan.symbol, plan.number) == ("123/KH-UBND", "123")


def test_every_field_problem_is_reported_together(dongthap, office):
    with pytest.raises(ValidationError) as error:
        create(office, dongthap.bodies["btv"], title="  ", issued_on=dt.date(2999, 1, 1))
    assert {"title", "issued_on"} <= set(error.value.message_dict)


def test_a_term_of_another_province_is_refused(dongthap, laichau, office):
    with pytest.raises(ValidationError) as error:
        create(office, dongthap.bodies["btv"], term=laichau.term)
    assert "term" in error.value.message_dict


def test_a_central_resolution_is_public_and_belongs_to_no_province(resolution_45):
    assert resolution_45.province is None
    assert resolution_45.is_public


@pytest.mark.parametrize("who", ["reporter", "leader", "outsider"])
def test_only_the_provinces_office_records_its_documents(who, dongthap, laichau, request):
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        create(user, dongthap.bodies["btv"])
    assert not Document.all_objects.exists()


@pytest.mark.parametrize("who", ["reporter", "leader"])
def test_reporters_and_leaders_do_not_record_central_documents(who, central, request):
    with pytest.raises(PermissionDenied):
        create(
            request.getfixturevalue(who),
            central["bct"],
            kind=DocumentKind.KET_LUAN,
            symbol="01-KL/TW",
        )


def test_the_search_text_finds_a_title_typed_without_diacritics(directive):
    assert "chi thi" in directive.search_text
    assert "quy hoach tinh" in directive.search_text
