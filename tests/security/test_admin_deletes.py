"""Deleting in the admin is the soft delete of the services: nothing cascades, all comes back."""

import datetime as dt

from django.urls import reverse

from nghiquyet.documents.models import Document
from nghiquyet.meetings.models import Meeting
from nghiquyet.meetings.services import meeting_create
from nghiquyet.orgs.models import Body, Term
from nghiquyet.targets.models import Actual, PeriodLock, Target
from nghiquyet.targets.services import period_lock_set
from nghiquyet.tasks.models import Task
from nghiquyet.tasks.services import task_create


def url_of(obj, view: str) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_{view}", args=[obj.pk])


def changelist(model) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def restore(client, obj):
    return client.post(
        changelist(type(obj)) + "?deleted=yes",
        {"action": "restore_selected", "_selected_action": [obj.pk]},
        follow=True,
    )


def test_deleting_a_target_keeps_it_and_its_figures_until_restored(office_client, office, home):
    confirmation = office_client.get(url_of(home.target, "delete"))
    # The confirmation names the target alone: its figures are not going anywhere.
    assert "Actual" not in str(confirmation.context["deleted_objects"])
    response = office_client.post(url_of(home.target, "delete"), {"post": "yes"}, follow=True)
    assert "vào mục đã xóa; có thể khôi phục lại." in response.content.decode()
    target = Target.all_objects.get(pk=home.target.pk)
    assert target.deleted_at is not None
    assert not Target.objects.filter(pk=target.pk).exists()
    assert Actual.objects.filter(pk=home.approved.pk, target=target).exists()
    assert target.history.first().history_user == office

    listed = office_client.get(changelist(Target) + "?deleted=yes")
    assert target in listed.context["cl"].result_list
    assert target not in office_client.get(changelist(Target)).context["cl"].result_list

    assert "Đã khôi phục 1 mục." in restore(office_client, target).content.decode()
    target.refresh_from_db()
    assert target.deleted_at is None
    assert target.actuals.get() == home.approved
    assert [h.history_type for h in target.history.all()[:3]] == ["~", "~", "+"]


def test_deleting_a_document_keeps_its_targets_and_figures(office_client, home):
    office_client.post(url_of(home.resolution, "delete"), {"post": "yes"})
    document = Document.all_objects.get(pk=home.resolution.pk)
    assert document.deleted_at is not None
    assert Target.objects.filter(pk=home.target.pk, document=document).exists()
    assert Actual.objects.filter(pk=home.approved.pk).exists()
    restore(office_client, document)
    document.refresh_from_db()
    assert document.deleted_at is None


def test_the_bulk_delete_action_is_the_soft_delete_too(office_client, home):
    office_client.post(
        changelist(Target),
        {"action": "delete_selected", "_selected_action": [home.target.pk], "post": "yes"},
    )
    assert Target.all_objects.get(pk=home.target.pk).deleted_at is not None
    assert Actual.objects.filter(pk=home.approved.pk).exists()


def test_the_office_cannot_delete_another_provinces_target(office_client, foreign):
    response = office_client.post(url_of(foreign.target, "delete"), {"post": "yes"})
    assert response.status_code == 403
    assert Target.objects.filter(pk=foreign.target.pk).exists()


def test_the_office_cannot_restore_another_provinces_deleted_document(
    office_client, foreign, laichau, client_for
):
    client_for(laichau.office).post(url_of(foreign.resolution, "delete"), {"post": "yes"})
    restore(office_client, foreign.resolution)
    assert Document.all_objects.get(pk=foreign.resolution.pk).deleted_at is not None


def test_a_figure_cannot_be_deleted_in_the_admin(office_client, home):
    response = office_client.post(url_of(home.approved, "delete"), {"post": "yes"})
    assert response.status_code == 403
    assert Actual.objects.filter(pk=home.approved.pk).exists()


def test_tasks_and_meetings_are_deleted_softly_and_restored(office_client, office, dongthap, home):
    task = task_create(
        user=office,
        document=home.resolution,
        title="Rà soát, sắp xếp trụ sở dôi dư sau hợp nhất",
        lead=dongthap.bodies["so_tai_chinh"],
        start_on=dt.date(2025, 7, 1),
        deadline=dt.date(2025, 12, 31),
    )
    meeting = meeting_create(
        user=office,
        body=dongthap.bodies["bch"],
        title="Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 5",
        starts_on=dt.date(2025, 12, 20),
        ends_on=dt.date(2025, 12, 20),
        duration_days=1,
    )
    for obj in (task, meeting):
        office_client.post(url_of(obj, "delete"), {"post": "yes"})
    assert Task.all_objects.get(pk=task.pk).deleted_at is not None
    assert Meeting.all_objects.get(pk=meeting.pk).deleted_at is not None
    for obj in (task, meeting):
        restore(office_client, obj)
    assert Task.objects.filter(pk=task.pk).exists()
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_the_administrator_deletes_and_restores_any_provinces_document(root, client_for, foreign):
    client = client_for(root)
    client.post(url_of(foreign.resolution, "delete"), {"post": "yes"})
    assert Document.all_objects.get(pk=foreign.resolution.pk).deleted_at is not None
    restore(client, foreign.resolution)
    assert Document.objects.filter(pk=foreign.resolution.pk).exists()


def test_an_agency_with_offices_and_terms_is_not_deleted_along_with_them(office_client, dongthap):
    party = dongthap.bodies["tinh_uy"]
    response = office_client.post(url_of(party, "delete"), {"post": "yes"})
    assert response.status_code == 200
    assert response.context["protected"]
    assert Body.objects.filter(pk=party.pk).exists()
    assert Term.objects.filter(body=party).exists()


def test_a_deadline_without_exceptions_is_deleted_and_its_history_kept(
    office_client, office, dongthap
):
    lock = period_lock_set(
        user=office, province=dongthap.province, period="2025", deadline=dt.date(2026, 1, 15)
    )
    office_client.post(url_of(lock, "delete"), {"post": "yes"})
    assert not PeriodLock.objects.filter(pk=lock.pk).exists()
    assert lock.history.model.objects.filter(id=lock.pk, history_type="-").exists()
