"""A draft voted through becomes the adopted document, linked back to the meeting."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.meetings.selectors import meeting_for_document
from nghiquyet.meetings.services import (
    agenda_item_add_draft,
    agenda_item_record_adopted,
    comment_add,
    draft_adopt,
    draft_revise,
    vote_record,
)

pytestmark = pytest.mark.django_db


def adopt_by_vote(office, item, in_favour=44):
    return vote_record(
        user=office,
        agenda_item=item,
        present=45,
        in_favour=in_favour,
        against=0,
        abstain=45 - in_favour,
    )


def test_the_whole_flow_from_draft_to_adopted_document(draft, item, reporter, office):
    comment_add(user=reporter, draft=draft, text="Bổ sung chỉ tiêu bác sĩ/vạn dân.")
    draft_revise(user=office, draft=draft, text=draft.document.text + "\n(đã tiếp thu)")
    adopt_by_vote(office, item)
    document = draft_adopt(user=office, draft=draft, number="18", symbol="18-CTr/TU")
    document.refresh_from_db()
    assert document.status == Document.Status.ADOPTED
    assert document.symbol == "18-CTr/TU"
    assert document.issued_on == dt.date(2024, 7, 11)
    assert document.issuer == item.meeting.body
    assert [v.number for v in document.versions.order_by("number")] == [1, 2, 3]
    assert document.versions.get(number=3).text.endswith("(đã tiếp thu)")
    assert meeting_for_document(document=document) == item.meeting


def test_a_draft_whose_vote_failed_stays_a_draft(draft, item, office):
    adopt_by_vote(office, item, in_favour=25)
    with pytest.raises(ValidationError, match="chưa được biểu quyết thông qua"):
        draft_adopt(user=office, draft=draft, symbol="18-CTr/TU")
    draft.document.refresh_from_db()
    assert draft.document.status == Document.Status.DRAFT


def test_a_draft_without_a_vote_is_not_adopted(draft, office):
    with pytest.raises(ValidationError):
        draft_adopt(user=office, draft=draft)


def test_the_symbol_of_another_document_is_refused(draft, item, office, dongthap):
    Document.objects.create(
        kind=DocumentKind.CHUONG_TRINH,
        title="Chương trình khác",
        symbol="18-CTr/TU",
        issuer=dongthap.bodies["bch"],
        province=dongthap.province,
        status=Document.Status.ADOPTED,
    )
    adopt_by_vote(office, item)
    with pytest.raises(ValidationError, match="18-CTr/TU"):
        draft_adopt(user=office, draft=draft, symbol="18-CTr/TU")


def test_an_adopted_document_takes_no_more_comments(draft, item, office, reporter):
    adopt_by_vote(office, item)
    draft_adopt(user=office, draft=draft)
    with pytest.raises(PermissionDenied):
        comment_add(user=reporter, draft=draft, text="Muộn rồi")


@pytest.mark.parametrize("persona", ["reporter", "leader"])
def test_only_the_office_adopts(draft, item, office, dongthap, persona):
    adopt_by_vote(office, item)
    with pytest.raises(PermissionDenied):
        draft_adopt(user=dongthap.users[persona], draft=draft)


def test_a_generated_report_goes_on_the_agenda_as_its_own_item(meeting, office, dongthap):
    report = Document.objects.create(
        kind=DocumentKind.BAO_CAO,
        title="Báo cáo kết quả thực hiện Chương trình hành động năm 2024, 6 tháng đầu năm",
        text="Có 7/24 chỉ tiêu đạt và vượt Nghị quyết.",
        province=dongthap.province,
    )
    draft = agenda_item_add_draft(
        user=office, meeting=meeting, document=report, presenter=dongthap.bodies["btv"]
    )
    assert draft.agenda_item.order == 1
    assert draft.sent_version.text == "Có 7/24 chỉ tiêu đạt và vượt Nghị quyết."
    assert "Báo cáo kết quả" in draft.agenda_item.title


def test_an_adopted_document_cannot_be_put_before_a_meeting_as_a_draft(meeting, office, dongthap):
    adopted = Document.objects.create(
        kind=DocumentKind.NGHI_QUYET,
        title="Nghị quyết năm 2024",
        province=dongthap.province,
        status=Document.Status.ADOPTED,
    )
    with pytest.raises(ValidationError):
        agenda_item_add_draft(
            user=office, meeting=meeting, document=adopted, presenter=dongthap.bodies["btv"]
        )


def test_a_resolution_already_in_the_register_is_linked_to_the_meeting_that_adopted_it(
    item, office, dongthap
):
    resolution = Document.objects.create(
        kind=DocumentKind.NGHI_QUYET,
        title="Nghị quyết về nhiệm vụ năm 2024",
        province=dongthap.province,
        issuer=dongthap.bodies["tinh_uy"],
        status=Document.Status.ADOPTED,
    )
    with pytest.raises(ValidationError):
        agenda_item_record_adopted(user=office, agenda_item=item, document=resolution)
    adopt_by_vote(office, item)
    agenda_item_record_adopted(user=office, agenda_item=item, document=resolution)
    assert meeting_for_document(document=resolution) == item.meeting


def test_a_draft_cannot_be_recorded_as_already_adopted(item, draft, office):
    adopt_by_vote(office, item)
    with pytest.raises(ValidationError):
        agenda_item_record_adopted(user=office, agenda_item=item, document=draft.document)
