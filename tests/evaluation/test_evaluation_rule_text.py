"""The rule behind each judgement, in words a clerk can check."""

from decimal import Decimal as D

import pytest

from nghiquyet.evaluation import Comparator as C
from nghiquyet.evaluation import Direction, Kind, Observation, TargetSpec, judge

LESS = Direction.LESS_IS_BETTER


@pytest.mark.parametrize(
    ("spec", "observations", "vi", "en"),
    [
        (
            TargetSpec(C.GE, D("8.5"), kind=Kind.GROWTH, unit="%"),
            [Observation(value=D("8.7"), estimate=True)],
            "vượt: tăng trưởng 8,7% (ước) > 8,5% (chỉ tiêu: 8,5% trở lên; càng cao càng tốt)",
            "exceeded: growth 8.7% (estimate) > 8.5% (target: at least 8.5%; higher is better)",
        ),
        (
            TargetSpec(C.GT, 6_000, unit="tỷ đồng"),
            [Observation(value=5_400)],
            "chưa đạt: mức 5.400 tỷ đồng < 6.000 tỷ đồng "
            "(chỉ tiêu: trên 6.000 tỷ đồng; càng cao càng tốt)",
            "not achieved: level 5,400 tỷ đồng < 6,000 tỷ đồng "
            "(target: above 6,000 tỷ đồng; higher is better)",
        ),
        (
            TargetSpec(C.APPROX, 27, direction=LESS, kind=Kind.SHARE, unit="%"),
            [Observation(value=D("27.3"))],
            "đạt: tỷ lệ 27,3% ≈ 27% (chỉ tiêu: khoảng 27% ±2%; càng thấp càng tốt)",
            "achieved: share 27.3% ≈ 27% (target: about 27% ±2%; lower is better)",
        ),
        (
            TargetSpec(C.RANGE, 5, value_max=6, unit="%"),
            [Observation(value=D("5.5"))],
            "đạt: mức 5,5% trong khoảng 5–6% (chỉ tiêu: từ 5% đến 6%; càng cao càng tốt)",
            "achieved: level 5.5% within 5–6% (target: from 5% to 6%; higher is better)",
        ),
        (
            TargetSpec(C.RANGE, 5, value_max=6, unit="%"),
            [Observation(value=7)],
            "vượt: mức 7% > 6% (chỉ tiêu: từ 5% đến 6%; càng cao càng tốt)",
            "exceeded: level 7% > 6% (target: from 5% to 6%; higher is better)",
        ),
        (
            TargetSpec(C.EQ, D("99.7"), kind=Kind.SHARE, unit="%"),
            [Observation(value=D("99.7"))],
            "đạt: tỷ lệ 99,7% = 99,7% (chỉ tiêu: đạt 99,7%; càng cao càng tốt)",
            "achieved: share 99.7% = 99.7% (target: reach 99.7%; higher is better)",
        ),
        (
            TargetSpec(C.LT, 2, direction=LESS, unit="%"),
            [Observation(value=D("1.6"))],
            "vượt: mức 1,6% < 2% (chỉ tiêu: dưới 2%; càng thấp càng tốt)",
            "exceeded: level 1.6% < 2% (target: below 2%; lower is better)",
        ),
        (
            TargetSpec(C.LE, 15, kind=Kind.GROWTH, unit="%"),
            [Observation(value=12)],
            "đạt: tăng trưởng 12% < 15% (chỉ tiêu: không quá 15%; càng cao càng tốt)",
            "achieved: growth 12% < 15% (target: at most 15%; higher is better)",
        ),
        (
            TargetSpec(C.GE, D("8.5"), kind=Kind.GROWTH, base_value=120, unit="%"),
            [Observation(level=130)],  # 130 ÷ 120 - 1 = 8,333…%
            "chưa đạt: tăng trưởng 8,33% < 8,5% (chỉ tiêu: 8,5% trở lên; càng cao càng tốt)",
            "not achieved: growth 8.33% < 8.5% (target: at least 8.5%; higher is better)",
        ),
        (
            TargetSpec(C.GE, 100),
            [],
            "chưa có số liệu: chưa có báo cáo số thực hiện",
            "no data: no actual has been reported",
        ),
        (
            TargetSpec(C.GE, 8, kind=Kind.GROWTH),
            [Observation(level=108)],
            "chưa có số liệu: thiếu số liệu năm gốc",
            "no data: the base-year value is missing",
        ),
    ],
)
def test_the_rule_reads_in_vietnamese_and_english(spec, observations, vi, en):
    judgement = judge(spec, observations)
    assert judgement.rule == vi
    assert judgement.explain("vi") == vi
    assert judgement.explain("en") == en


def test_every_no_data_reason_has_words_in_both_languages():
    from nghiquyet.evaluation.wording import MISSING_REASONS

    assert set(MISSING_REASONS["vi"]) == set(MISSING_REASONS["en"])
    keys = {"no_observation", "no_figure", "denominator_not_positive", "no_base"}
    assert keys | {"base_not_positive", "no_year"} == set(MISSING_REASONS["vi"])
