"""Who may report, submit, approve and return figures: the services refuse everyone else."""

import pytest
from django.core.exceptions import PermissionDenied

from nghiquyet.targets import services
from nghiquyet.targets.models import Actual, Target
from nghiquyet.targets.selectors import target_list


@pytest.fixture
def submitted_coverage(coverage, office):
    """A figure of Sở Y tế, entered and submitted by the office on its behalf."""
    actual = services.actual_create(user=office, target=coverage, period="2024", value="93.1")
    return services.actual_submit(user=office, actual=actual)


def test_a_reporter_cannot_report_on_another_agencys_target(coverage, reporter):
    with pytest.raises(PermissionDenied):
        services.actual_create(user=reporter, target=coverage, period="2024", value="95")
    assert not Actual.objects.exists()


def test_a_reporter_cannot_change_or_submit_another_agencys_figure(coverage, reporter, office):
    draft = services.actual_create(user=office, target=coverage, period="2024-H1", value="91")
    with pytest.raises(PermissionDenied):
        services.actual_update(user=reporter, actual=draft, value="99")
    with pytest.raises(PermissionDenied):
        services.actual_submit(user=reporter, actual=draft)
    draft.refresh_from_db()
    assert (draft.value, draft.status) == (91, Actual.Status.DRAFT)


def test_a_reporter_cannot_approve_or_return_even_its_own_agencys_figure(revenue, reporter):
    actual = services.actual_create(user=reporter, target=revenue, period="2024", value="6450")
    actual = services.actual_submit(user=reporter, actual=actual)
    with pytest.raises(PermissionDenied):
        services.actual_approve(user=reporter, actual=actual)
    with pytest.raises(PermissionDenied):
        services.actual_return(user=reporter, actual=actual, reason="tự trả lại")
    actual.refresh_from_db()
    assert actual.status == Actual.Status.SUBMITTED


def test_a_leader_reads_but_cannot_report_or_approve(revenue, submitted_coverage, leader):
    with pytest.raises(PermissionDenied):
        services.actual_create(user=leader, target=revenue, period="2024", value="1")
    with pytest.raises(PermissionDenied):
        services.actual_approve(user=leader, actual=submitted_coverage)


def test_the_office_of_another_province_cannot_touch_the_figures(
    revenue, submitted_coverage, outsider
):
    with pytest.raises(PermissionDenied):
        services.actual_create(user=outsider, target=revenue, period="2024", value="1")
    with pytest.raises(PermissionDenied):
        services.actual_approve(user=outsider, actual=submitted_coverage)
    with pytest.raises(PermissionDenied):
        services.actual_return(user=outsider, actual=submitted_coverage, reason="x")


def test_only_the_office_changes_targets(revenue, reporter, leader, outsider, office):
    for user in (reporter, leader, outsider):
        with pytest.raises(PermissionDenied):
            services.target_update(user=user, target=revenue, value="1")
    services.target_update(user=office, target=revenue, value="6100")
    revenue.refresh_from_db()
    assert revenue.value == 6100


def test_only_the_office_removes_a_target_and_it_stays_restorable(revenue, reporter, office):
    with pytest.raises(PermissionDenied):
        services.target_delete(user=reporter, target=revenue)
    services.target_delete(user=office, target=revenue)
    assert not target_list(user=office).filter(pk=revenue.pk).exists()
    Target.all_objects.get(pk=revenue.pk).restore()
    assert target_list(user=office).filter(pk=revenue.pk).exists()
