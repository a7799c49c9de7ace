"""The national reads: each province's share of targets met, from a summary refreshed
from the stored verdicts, and one indicator in every commune with its figure in force."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.orgs.selectors import place_communes
from nghiquyet.targets import dashboard, national, services
from nghiquyet.targets.models import Indicator, ProvinceSummary, Verdict
from nghiquyet.targets.summaries import province_summaries_refresh

pytestmark = pytest.mark.django_db


@pytest.fixture
def minister(places):
    """A national administrator: sees every province."""
    return get_user_model().objects.create(username="bo_noi_vu", is_superuser=True)


@pytest.fixture
def poverty(minister):
    return services.indicator_create(
        user=minister,
        name="Tỷ lệ hộ nghèo đa chiều",
        unit="%",
        kind="share",
        direction="less_is_better",
        province=None,
    )


def breakdown(setup) -> Document:
    return Document.objects.create(
        kind=DocumentKind.NGHI_QUYET,
        title=f"Phân bổ chỉ tiêu giảm nghèo năm 2025 cho các xã, phường tỉnh {setup.province}",
        issuer=setup.bodies["tinh_uy"],
        province=setup.province,
        status=Document.Status.ADOPTED,
    )


def commune_targets(setup, indicator, figures: list[list[str]]):
    """One target per commune of ``setup``'s province (≤ 1,5%), each approved figure in
    turn for 2025 (a later one is a correction)."""
    office = setup.users["office"]
    document = breakdown(setup)
    targets = []
    for commune, values in zip(place_communes(setup.province), figures, strict=False):
        target = services.target_create(
            user=office,
            document=document,
            indicator=indicator,
            comparator="<=",
            value="1,5",
            period="2025",
            place=commune,
        )
        for value in values:
            actual = services.actual_create(user=office, target=target, period="2025", value=value)
            services.actual_approve(user=office, actual=actual)
        targets.append(target)
    return document, targets


def store_verdicts(user, document, period: str) -> None:
    """Store the app's own judgements of ``document``'s targets, as stored verdicts are."""
    for verdict in dashboard.target_verdicts(user=user, document=document, period=period):
        judgement = verdict.judgement
        Verdict.objects.update_or_create(
            target_id=verdict.target_id,
            period=period,
            defaults={
                "document": document,
                "status": judgement.status.value,
                "completion": judgement.completion,
                "figure": judgement.figure,
                "rule_key": judgement.rule_key,
                "computed_at": timezone.now(),
            },
        )


def test_the_summary_counts_each_provinces_verdicts_met_and_not(
    dongthap, laichau, poverty, minister
):
    # Đồng Tháp: 1,2% and 1,5% meet "≤ 1,5%", 2,0% does not, a commune with no figure.
    dt_doc, _ = commune_targets(dongthap, poverty, [["1,2"], ["1,5"], ["2,0"], []])
    lc_doc, _ = commune_targets(laichau, poverty, [["3,1"], ["1,0"]])
    store_verdicts(minister, dt_doc, "2025")
    store_verdicts(minister, lc_doc, "2025")

    assert province_summaries_refresh(period="2025") == 2

    shares = {row.province: row for row in national.province_shares(user=minister, period="2025")}
    dt, lc = shares[dongthap.province], shares[laichau.province]
    assert (dt.targets, dt.exceeded, dt.achieved, dt.not_achieved, dt.no_data) == (4, 1, 1, 1, 1)
    assert (dt.met, lc.targets, lc.met) == (2, 2, 1)


def test_a_refresh_drops_deleted_targets_and_follows_a_correction(dongthap, poverty, minister):
    office = dongthap.users["office"]
    document, targets = commune_targets(dongthap, poverty, [["1,2"], ["2,0"]])
    store_verdicts(minister, document, "2025")
    province_summaries_refresh()
    assert ProvinceSummary.objects.get(period="2025").met == 1

    correction = services.actual_create(user=office, target=targets[1], period="2025", value="1,4")
    services.actual_approve(user=office, actual=correction)
    store_verdicts(minister, document, "2025")
    services.target_delete(user=office, target=targets[0])
    province_summaries_refresh(period="2025")

    summary = ProvinceSummary.objects.get(province=dongthap.province, period="2025")
    assert (summary.targets, summary.met) == (1, 1)


def test_a_province_office_sees_only_its_own_provinces_share(dongthap, laichau, poverty, minister):
    dt_doc, _ = commune_targets(dongthap, poverty, [["1,2"]])
    lc_doc, _ = commune_targets(laichau, poverty, [["1,0"]])
    store_verdicts(minister, dt_doc, "2025")
    store_verdicts(minister, lc_doc, "2025")
    province_summaries_refresh(period="2025")

    seen = national.province_shares(user=dongthap.users["office"], period="2025")
    assert [row.province for row in seen] == [dongthap.province]
    assert len(national.province_shares(user=minister, period="2025")) == 2
    assert national.province_shares(user=minister, period="2024") == []


def test_one_indicator_across_communes_gives_each_its_latest_approved_figure(
    dongthap, laichau, poverty, minister
):
    # The second commune's 2,0% was corrected to 1,4%; the third has no figure yet.
    _, targets = commune_targets(dongthap, poverty, [["1,2"], ["2,0", "1,4"], []])
    commune_targets(laichau, poverty, [["3,1"]])

    rows = national.indicator_across_communes(user=minister, indicator=poverty, period="2025")
    mine = {row.target_id: row for row in rows}
    assert len(rows) == 4
    figures = [mine[t.pk].figure for t in targets]
    assert [figure.value if figure else None for figure in figures] == [
        Decimal("1.2"),
        Decimal("1.4"),
        None,
    ]
    assert mine[targets[0].pk].commune == targets[0].place.name
    assert {row.province_id for row in rows} == {dongthap.province.pk, laichau.province.pk}


def test_a_province_office_sees_the_indicator_in_its_own_communes_only(dongthap, laichau, poverty):
    _, targets = commune_targets(dongthap, poverty, [["1,2"], ["1,4"]])
    commune_targets(laichau, poverty, [["3,1"]])

    rows = national.indicator_across_communes(
        user=dongthap.users["office"], indicator=poverty, period="2025"
    )
    assert sorted(row.target_id for row in rows) == sorted(t.pk for t in targets)
    assert (
        national.indicator_across_communes(
            user=dongthap.users["office"], indicator=poverty, period="2024"
        )[0].figure
        is None
    )


def test_an_indicator_nobody_broke_down_has_no_commune(dongthap, minister):
    other = Indicator.objects.create(name="Số xã đạt chuẩn nông thôn mới kiểu mẫu")
    assert national.indicator_across_communes(user=minister, indicator=other, period="2025") == []
