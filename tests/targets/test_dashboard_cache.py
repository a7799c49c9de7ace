"""With a shared cache a dashboard's body is rendered once and kept until anything it
shows changes; it is never served to someone who may see other targets, nor in the
other language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.orgs.models import Body
from nghiquyet.targets import dashboard_cache, services
from nghiquyet.targets.models import Kind, Verdict
from nghiquyet.targets.verdicts import verdicts_refresh

from .test_judging import new_target

pytestmark = pytest.mark.django_db


def approved(office, target, period, value):
    actual = services.actual_create(user=office, target=target, period=period, value=value)
    return services.actual_approve(user=office, actual=actual)


@pytest.fixture
def figures(office, revenue, coverage):
    """Revenue exceeded (6,250 > 6,000), coverage not met (90 < 94.95)."""
    approved(office, revenue, "2024", "6250")
    approved(office, coverage, "2024", "90")


def page(client, document, **params) -> str:
    response = client.get(reverse("targets:dashboard", args=[document.pk]), params)
    assert response.status_code == 200
    return response.content.decode()


def verdict_reads(client, document, **params) -> int:
    with CaptureQueriesContext(connection) as queries:
        page(client, document, **params)
    return sum('FROM "targets_verdict"' in q["sql"] for q in queries.captured_queries)


def test_a_second_visit_reads_no_verdict(shared_cache, client_for, office, resolution, figures):
    client = client_for(office)
    assert verdict_reads(client, resolution, period="2024") > 0
    assert verdict_reads(client, resolution, period="2024") == 0


def test_without_a_shared_cache_every_visit_reads_the_verdicts(
    client_for, office, resolution, figures
):
    client = client_for(office)
    verdict_reads(client, resolution, period="2024")
    assert verdict_reads(client, resolution, period="2024") > 0


def test_an_approval_shows_at_the_next_visit(
    shared_cache, client_for, office, resolution, revenue, coverage, figures
):
    client = client_for(office)
    assert "Có 1/2 chỉ tiêu đạt và vượt" in page(client, resolution, period="2024")
    approved(office, coverage, "2024", "96")
    assert "Có 2/2 chỉ tiêu đạt và vượt" in page(client, resolution, period="2024")


def test_a_refresh_of_the_stored_verdicts_alone_forgets_the_kept_pages(
    shared_cache, client_for, office, resolution, coverage, figures
):
    """A bulk path writes figures behind the signals and then refreshes the verdicts."""
    client = client_for(office)
    assert "Có 1/2 chỉ tiêu đạt và vượt" in page(client, resolution, period="2024")
    coverage.actuals.filter(period="2024").update(value="96")
    Verdict.objects.filter(target=coverage).delete()
    verdicts_refresh(document=resolution)
    assert "Có 2/2 chỉ tiêu đạt và vượt" in page(client, resolution, period="2024")


def test_a_renamed_agency_shows_at_the_next_visit(
    shared_cache, client_for, office, dongthap, resolution, figures
):
    client = client_for(office)
    page(client, resolution, period="2024")
    agency = dongthap.bodies["so_y_te"]
    agency.short_name = "Sở Y tế tỉnh (tên mới)"
    agency.save()
    assert "Sở Y tế tỉnh (tên mới)" in page(client, resolution, period="2024")


def test_a_page_built_before_a_change_commits_is_not_served_after_it(
    shared_cache, django_capture_on_commit_callbacks, office, resolution, coverage
):
    """A request served while the change was uncommitted read the old rows: the commit
    retires the number its page was kept under."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        approved(office, coverage, "2024", "96")
        during = dashboard_cache._generations(resolution.pk)
    for callback in callbacks:
        callback()
    assert dashboard_cache._generations(resolution.pk) != during


def test_a_figure_of_another_resolution_keeps_this_resolutions_page(
    shared_cache, client_for, office, dongthap, resolution, figures
):
    other = Document.objects.create(
        kind=DocumentKind.NGHI_QUYET, title="Nghị quyết chuyên đề", issuer=resolution.issuer,
        province=resolution.province, status=Document.Status.ADOPTED,
    )  # fmt: skip
    elsewhere = new_target(
        office, other, dongthap, name="Số doanh nghiệp thành lập mới", kind=Kind.COUNT,
        period="2024", comparator=">=", value="500",
    )  # fmt: skip
    client = client_for(office)
    page(client, resolution, period="2024")
    approved(office, elsewhere, "2024", "520")
    assert verdict_reads(client, resolution, period="2024") == 0
    assert verdict_reads(client, other, period="2024") > 0


def test_an_agency_reporter_never_gets_the_page_kept_for_the_office(
    shared_cache, client_for, office, reporter, resolution, figures
):
    assert "Tỷ lệ bao phủ bảo hiểm y tế" in page(client_for(office), resolution, period="2024")
    seen = page(client_for(reporter), resolution, period="2024")
    assert "Thu ngân sách nội địa" in seen
    assert "Tỷ lệ bao phủ bảo hiểm y tế" not in seen


def test_a_page_kept_in_vietnamese_is_not_served_in_english(
    shared_cache, client_for, office, resolution, figures
):
    client = client_for(office)
    assert "Có 1/2 chỉ tiêu đạt và vượt" in page(client, resolution, period="2024")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = page(client, resolution, period="2024")
    assert "1 of 2 targets met or exceeded" in english
    assert "chỉ tiêu đạt và vượt" not in english


def test_the_table_alone_answers_htmx_and_the_whole_page_answers_a_visit(
    shared_cache, client_for, office, resolution, figures
):
    client = client_for(office)
    url = reverse("targets:dashboard", args=[resolution.pk])
    rows = client.get(url, {"period": "2024", "page": "1"}, headers={"HX-Request": "true"})
    whole = client.get(url, {"period": "2024", "page": "1"})
    assert "<html" not in rows.content.decode()
    assert '<tr data-status="' in rows.content.decode()
    assert '<form class="filters"' in whole.content.decode()


def test_a_page_with_a_parameter_it_does_not_know_is_rendered_afresh(
    shared_cache, client_for, office, resolution, figures
):
    client = client_for(office)
    verdict_reads(client, resolution, period="2024", utm="x")
    assert verdict_reads(client, resolution, period="2024", utm="x") > 0


def test_an_agency_deleted_is_forgotten_too(shared_cache, dongthap, resolution):
    before = dashboard_cache._generations(resolution.pk)
    agency = Body.objects.create(province=dongthap.province, kind=Body.Kind.DEPARTMENT, name="Sở")
    agency.delete()
    assert dashboard_cache._generations(resolution.pk) > before
