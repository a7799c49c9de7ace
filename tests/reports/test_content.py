"""Lines of the results table and the generated paragraphs, from the evaluation core."""

from nghiquyet.evaluation import Comparator, Observation, Status, TargetSpec, judge
from nghiquyet.reports.content import AgencyRow, ReportKind, limitations_from, target_row
from shared_data import gold


def test_a_target_just_short_never_prints_a_rounded_up_hundred_percent():
    spec = TargetSpec(comparator=Comparator.EQ, value="99.7", unit="%")
    row = target_row(1, "tỷ lệ hộ được sử dụng điện", judge(spec, [Observation(value="99.6999")]))
    assert row.status is Status.NOT_ACHIEVED
    # as many decimals as it takes to stay below 100%, the same figure as on the dashboard
    assert row.completion == "99,9999%"


def test_an_estimate_is_marked_after_the_figure():
    spec = TargetSpec(comparator=Comparator.GT, value=6000, unit="tỷ đồng")
    row = target_row(1, "thu ngân sách", judge(spec, [Observation(value=6350, estimate=True)]))
    assert row.actual == "6.350 tỷ đồng (ước)"
    assert row.estimate


def test_about_targets_read_as_the_resolution_wrote_them():
    spec = TargetSpec(comparator=Comparator.APPROX, value=27, unit="%")
    assert target_row(1, "tỷ trọng", judge(spec)).target == "khoảng 27%"


def test_limitations_name_targets_not_met_missing_figures_and_late_agencies():
    short = TargetSpec(comparator=Comparator.GE, value="8.5", unit="%")
    rows = [
        target_row(1, "GRDP tăng trưởng", judge(short, [Observation(value="7.2")])),
        target_row(2, "tỷ lệ đô thị hóa", judge(short)),
    ]
    agencies = [AgencyRow("Sở Công Thương", total=5, done=2, in_progress=1, late=2)]
    items = limitations_from(rows, agencies)
    assert items[0].startswith("Chỉ tiêu GRDP tăng trưởng chưa đạt: thực hiện 7,2%")
    assert "tỷ lệ đô thị hóa" in items[1]
    assert items[2] == "Còn 2 nhiệm vụ chậm tiến độ, tại: Sở Công Thương (2)."


def test_each_kind_plans_for_its_own_next_period(content):
    assert ReportKind.SIX_MONTHS.next_period_phrase == "6 tháng cuối năm"
    assert ReportKind.MID_TERM.review_phrase.startswith("sơ kết giữa nhiệm kỳ")
    assert content.headings["next_tasks"].endswith("NĂM TỚI")


def test_many_targets_not_met_are_summed_up_with_the_furthest_behind_named():
    spec = TargetSpec(comparator=Comparator.GE, value=100)
    rows = [
        target_row(n, f"chỉ tiêu {n}", judge(spec, [Observation(value=50 + n)]))
        for n in range(1, 31)
    ]
    (item,) = limitations_from(rows, [])
    assert item.startswith("Có 30 chỉ tiêu chưa đạt (chi tiết tại bảng kết quả), thấp nhất là: ")
    assert "chỉ tiêu 1 (đạt 51%); chỉ tiêu 2 (đạt 52%)" in item
    assert "chỉ tiêu 11 " not in item


def test_a_six_month_review_names_its_period_before_the_resolution():
    label = "Nghị quyết số 35-NQ/TU ngày 04/01/2024 của Tỉnh ủy Đồng Tháp về nhiệm vụ năm 2024"
    assert ReportKind.SIX_MONTHS.subtitle(label, "6 tháng đầu năm 2024") == (
        "kết quả 6 tháng đầu năm 2024 thực hiện " + label
    )
    assert ReportKind.YEAR.subtitle(label, "năm 2024") == "tổng kết thực hiện " + label
    assert ReportKind.END_OF_TERM.subtitle("Nghị quyết Đại hội", "nhiệm kỳ 2020–2025") == (
        "tổng kết nhiệm kỳ thực hiện Nghị quyết Đại hội"
    )


def test_the_report_fixture_targets_are_those_of_seed_001s_gold_record(seed_001_targets):
    expected = [
        {key: target[key] for key in ("indicator", "comparator", "value", "unit")}
        for target in gold("001")["targets"]
    ]
    assert seed_001_targets == expected
