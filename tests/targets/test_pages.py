"""The targets pages: dashboard, a target's page, reporting and review, per persona."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nghiquyet.targets import demo, services
from nghiquyet.targets.models import Actual, Target


@pytest.fixture
def resolution(dongthap):
    return demo.load(dongthap)


def target_named(resolution, name: str) -> Target:
    return Target.objects.get(document=resolution, indicator__name=name)


def test_the_office_dashboard_shows_every_target_with_the_summary_sentence(
    client_for, office, resolution
):
    response = client_for(office).get(reverse("targets:dashboard", args=[resolution.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<tr data-status="') == 14
    assert "Ước có 10/14 chỉ tiêu đạt và vượt (trong đó 6 chỉ tiêu vượt)" in html
    assert '<svg class="sparkline"' in html


def test_an_htmx_filter_by_status_returns_only_the_matching_rows(client_for, leader, resolution):
    response = client_for(leader).get(
        reverse("targets:dashboard", args=[resolution.pk]),
        {"period": "2024", "status": "not_achieved"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert "<html" not in html
    assert html.count('<tr data-status="not_achieved"') == 2
    assert 'data-status="exceeded"' not in html


def test_the_dashboard_filters_by_agency_and_field(client_for, office, dongthap, resolution):
    url = reverse("targets:dashboard", args=[resolution.pk])
    health = dongthap.bodies["so_y_te"].pk
    html = client_for(office).get(url, {"period": "2024", "owner": health}).content.decode()
    assert html.count('<tr data-status="') == 1
    html = client_for(office).get(url, {"period": "2024", "sector": "defence"}).content.decode()
    assert html.count('<tr data-status="') == 1


def test_a_reporter_sees_only_its_agencys_targets(client_for, reporter, resolution):
    html = (
        client_for(reporter)
        .get(reverse("targets:dashboard", args=[resolution.pk]))
        .content.decode()
    )
    assert html.count('<tr data-status="') == 6  # the six targets of Sở Tài chính


def test_the_office_of_another_province_cannot_open_the_dashboard(client_for, outsider, resolution):
    response = client_for(outsider).get(reverse("targets:dashboard", args=[resolution.pk]))
    assert response.status_code == 404


def test_a_reporter_enters_and_submits_a_figure_for_its_own_target(
    client_for, reporter, resolution
):
    target = target_named(resolution, "GRDP bình quân đầu người")
    response = client_for(reporter).post(
        reverse("targets:actual_create", args=[target.pk]),
        {"period": "2024-9M", "value": "66,8", "source": "Cục Thống kê", "submit": "1"},
    )
    assert response.status_code == 302
    actual = target.actuals.get(period="2024-9M")
    assert (str(actual.value), actual.status) == ("66.8000", Actual.Status.SUBMITTED)


def test_the_form_says_when_the_period_is_closed(client_for, reporter, resolution):
    target = target_named(resolution, "GRDP bình quân đầu người")
    response = client_for(reporter).post(
        reverse("targets:actual_create", args=[target.pk]),
        {"period": "2024-H1", "value": "44,8", "submit": "1"},
    )
    assert "15/07/2024" in response.content.decode()
    assert not target.actuals.filter(period="2024-H1").exists()


def test_a_reporter_cannot_report_on_another_agencys_target_through_the_page(
    client_for, reporter, resolution
):
    target = target_named(resolution, "Tỷ lệ bao phủ bảo hiểm y tế")
    client = client_for(reporter)
    assert client.get(reverse("targets:actual_create", args=[target.pk])).status_code == 404
    response = client.post(
        reverse("targets:actual_create", args=[target.pk]), {"period": "2024", "value": "99"}
    )
    assert response.status_code == 404
    assert not target.actuals.filter(value=99).exists()


def test_a_reporter_cannot_change_or_submit_another_agencys_figure_through_the_page(
    client_for, reporter, resolution
):
    draft = Actual.objects.get(
        target__indicator__name="Tỷ lệ bao phủ bảo hiểm y tế", status=Actual.Status.DRAFT
    )
    client = client_for(reporter)
    edit = client.post(reverse("targets:actual_edit", args=[draft.pk]), {"value": "99"})
    submit = client.post(reverse("targets:actual_submit", args=[draft.pk]))
    assert (edit.status_code, submit.status_code) == (404, 404)
    draft.refresh_from_db()
    assert (str(draft.value), draft.status) == ("93.1000", Actual.Status.DRAFT)


def test_a_leader_cannot_approve(client_for, leader, resolution):
    submitted = Actual.objects.get(status=Actual.Status.SUBMITTED)
    response = client_for(leader).post(reverse("targets:actual_approve", args=[submitted.pk]))
    assert response.status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == Actual.Status.SUBMITTED


def test_the_office_reviews_returns_and_approves(client_for, office, resolution):
    client = client_for(office)
    submitted = Actual.objects.get(status=Actual.Status.SUBMITTED)
    assert "Tỷ lệ đô thị hóa" in client.get(reverse("targets:review")).content.decode()
    client.post(reverse("targets:actual_return", args=[submitted.pk]), {"reason": "Ghi nguồn"})
    submitted.refresh_from_db()
    assert (submitted.status, submitted.return_reason) == (Actual.Status.RETURNED, "Ghi nguồn")


def test_the_review_queue_is_the_offices_only(client_for, reporter, resolution):
    assert client_for(reporter).get(reverse("targets:review")).status_code == 403


def test_the_target_page_shows_every_figure_and_its_history_link(client_for, office, resolution):
    target = target_named(resolution, "Thu ngân sách nội địa")
    html = (
        client_for(office).get(reverse("targets:target_detail", args=[target.pk])).content.decode()
    )
    assert "thu ngân sách nội địa trên 6.000 tỷ đồng" in html
    assert "6.450" in html and "3.350" in html
    assert reverse("history", args=["targets", "target", target.pk]) in html


def queries_of(client, url: str, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    return len(captured.captured_queries)


def test_the_target_page_reads_the_figures_once_however_many_periods_they_cover(
    client_for, office, resolution
):
    target = target_named(resolution, "Thu ngân sách nội địa")
    client, url = client_for(office), reverse("targets:target_detail", args=[target.pk])
    before = queries_of(client, url)
    for period, value in (("2024-Q1", "1200"), ("2024-Q2", "1750"), ("2024-Q3", "1610")):
        services.actual_create(user=office, target=target, period=period, value=value)
    html = client.get(url).content.decode()
    assert "1.610" in html and "quý III/2024" in html
    assert queries_of(client, url) == before


def test_the_timeliness_page_reads_the_deadlines_once_however_many_agencies_report(
    client_for, office, dongthap, resolution
):
    client, url = client_for(office), reverse("targets:timeliness")
    before = queries_of(client, url, period="2024-H1")
    indicator = Target.objects.filter(document=resolution).first().indicator
    for key in ("so_giao_duc", "so_noi_vu"):
        services.target_create(
            user=office,
            document=resolution,
            indicator=indicator,
            comparator=">=",
            value="10",
            period="2024",
            owner=dongthap.bodies[key],
        )
    html = client.get(url, {"period": "2024-H1"}).content.decode()
    assert "Sở Giáo dục và Đào tạo tỉnh Đồng Tháp" in html and "Sở Nội vụ tỉnh Đồng Tháp" in html
    assert queries_of(client, url, period="2024-H1") == before


def test_the_report_page_lists_the_reporters_targets(client_for, reporter, resolution):
    html = client_for(reporter).get(reverse("targets:report")).content.decode()
    assert "Thu ngân sách nội địa" in html
    assert "Tỷ lệ bao phủ bảo hiểm y tế" not in html


def test_the_timeliness_page_shows_rates_per_agency(client_for, office, resolution):
    html = (
        client_for(office)
        .get(reverse("targets:timeliness"), {"period": "2024-H1"})
        .content.decode()
    )
    assert "Sở Công Thương tỉnh Đồng Tháp" in html
    assert "0%" in html


def test_pages_speak_english_too(client_for, office, resolution):
    client = client_for(office)
    client.cookies["django_language"] = "en"
    html = client.get(reverse("targets:dashboard", args=[resolution.pk])).content.decode()
    assert "An estimated 10 of 14 targets met or exceeded" in html


def test_the_resolution_list_counts_only_the_targets_the_user_may_see(
    client_for, office, reporter, resolution
):
    for user, count in ((office, 14), (reporter, 6)):
        documents = client_for(user).get(reverse("targets:document_list")).context["documents"]
        assert [(d.pk, d.target_count) for d in documents] == [(resolution.pk, count)]


def test_approving_a_figure_says_so_on_the_next_page(client_for, office, resolution):
    submitted = Actual.objects.get(status=Actual.Status.SUBMITTED)
    response = client_for(office).post(
        reverse("targets:actual_approve", args=[submitted.pk]), follow=True
    )
    assert "Số liệu Tỷ lệ đô thị hóa, năm 2024 đã được duyệt" in response.content.decode()


def test_sending_a_figure_says_it_went_to_the_office(client_for, reporter, resolution):
    target = target_named(resolution, "GRDP bình quân đầu người")
    client = client_for(reporter)
    client.post(
        reverse("targets:actual_create", args=[target.pk]),
        {"period": "2024-9M", "value": "66,8", "source": "Cục Thống kê"},
    )
    draft = target.actuals.get(period="2024-9M")
    response = client.post(reverse("targets:actual_submit", args=[draft.pk]), follow=True)
    assert "9 tháng đầu năm 2024 đã được gửi Văn phòng để duyệt" in response.content.decode()
