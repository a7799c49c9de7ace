"""What a review report says, as plain values every output renders the same way.

The DOCX, the PDF and the HTML preview are three renderings of one `ReportContent`,
so they can never disagree about a figure. `assemble` fills it from the live records;
tests fill it from the evaluation core directly. Nothing here
imports Django: the content is data, not a query.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from nghiquyet.evaluation import Comparator, Judgement, Status, Summary, format_completion
from nghiquyet.evaluation.wording import quantity, target_phrase


class ReportKind(StrEnum):
    """The reviews offices write, from the quarterly report to the end of the term."""

    QUARTER = "quarter"
    SIX_MONTHS = "six_months"
    NINE_MONTHS = "nine_months"
    YEAR = "year"
    MID_TERM = "mid_term"
    END_OF_TERM = "end_of_term"

    @property
    def is_term_review(self) -> bool:
        return self in (ReportKind.MID_TERM, ReportKind.END_OF_TERM)

    @property
    def review_phrase(self) -> str:
        """How the title names the review: "sơ kết giữa nhiệm kỳ", "kết quả thực hiện"."""
        return _REVIEW_PHRASES[self]

    def subtitle(self, resolution_label: str, period_label: str) -> str:
        """The line under "BÁO CÁO", as offices word each review.

        "kết quả 6 tháng đầu năm 2024 thực hiện Nghị quyết số 35-NQ/TU …"; a year or
        term review names the resolution first, and its period only when the
        resolution's own title does not already end with it.
        """
        if self in (ReportKind.QUARTER, ReportKind.SIX_MONTHS, ReportKind.NINE_MONTHS):
            return f"kết quả {period_label} thực hiện {resolution_label}"
        subtitle = f"{self.review_phrase} {resolution_label}"
        if self is ReportKind.YEAR and not resolution_label.endswith(period_label):
            subtitle += f" {period_label}"
        return subtitle

    @property
    def next_period_phrase(self) -> str:
        """What the closing section plans for: the rest of the year, next year, next term."""
        return _NEXT_PERIOD_PHRASES[self]


_REVIEW_PHRASES = {
    ReportKind.QUARTER: "kết quả thực hiện",
    ReportKind.SIX_MONTHS: "kết quả thực hiện",
    ReportKind.NINE_MONTHS: "kết quả thực hiện",
    ReportKind.YEAR: "tổng kết thực hiện",
    ReportKind.MID_TERM: "sơ kết giữa nhiệm kỳ thực hiện",
    ReportKind.END_OF_TERM: "tổng kết nhiệm kỳ thực hiện",
}
_NEXT_PERIOD_PHRASES = {
    ReportKind.QUARTER: "quý tới",
    ReportKind.SIX_MONTHS: "6 tháng cuối năm",
    ReportKind.NINE_MONTHS: "quý IV",
    ReportKind.YEAR: "năm tới",
    ReportKind.MID_TERM: "nửa cuối nhiệm kỳ",
    ReportKind.END_OF_TERM: "nhiệm kỳ tới",
}


class Format(StrEnum):
    """Party documents follow the Party Central Office's guidance; state ones Decree 30."""

    PARTY = "party"
    STATE = "state"

    @property
    def motto(self) -> tuple[str, ...]:
        """The right-hand heading: the Party's name, or the national name and motto."""
        if self is Format.PARTY:
            return ("ĐẢNG CỘNG SẢN VIỆT NAM",)
        return ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


@dataclass(frozen=True)
class Header:
    """The heading block of the first page.

    `upper` is the superior organ (not bold: "ĐẢNG BỘ TỈNH ĐỒNG THÁP", "UBND TỈNH ĐỒNG
    THÁP"), `issuer` the issuing organ (bold: "TỈNH ỦY", "SỞ TÀI CHÍNH"); when the organ's
    own name takes both lines ("ỦY BAN NHÂN DÂN / TỈNH ĐỒNG THÁP") `upper_bold` is set. `symbol` the
    number line ("Số 45-BC/TU", "Số: 45/BC-UBND"), `place_date` the italic line
    ("Đồng Tháp, ngày 10 tháng 7 năm 2024").
    """

    format: Format
    upper: str
    issuer: str
    symbol: str
    place_date: str
    upper_bold: bool = False

    @property
    def motto(self) -> tuple[str, ...]:
        return self.format.motto

    @property
    def national_name(self) -> str:
        return self.motto[0]

    @property
    def motto_line(self) -> str:
        """The underlined second line of a state heading; empty for the Party's."""
        return self.motto[1] if len(self.motto) > 1 else ""


@dataclass(frozen=True)
class TargetRow:
    """One line of the results table: a target, its actual and the verdict."""

    number: int
    indicator: str
    target: str
    actual: str
    completion: str
    status: Status
    estimate: bool
    note: str = ""
    completion_value: Decimal | None = None

    @property
    def status_label(self) -> str:
        return self.status.label("vi")


@dataclass(frozen=True)
class AgencyRow:
    """The tasks of one agency and its "4 không" counts.

    The four failures the Secretary names in seed 001: no initiative, assigned but not
    done or late, slow coordination, deployed without checking.
    """

    agency: str
    total: int
    done: int
    in_progress: int
    late: int
    no_initiative: int = 0
    not_done: int = 0
    slow_coordination: int = 0
    unchecked: int = 0

    @property
    def four_no_total(self) -> int:
        return self.no_initiative + self.not_done + self.slow_coordination + self.unchecked


@dataclass(frozen=True)
class TrendPoint:
    """How many targets were met in an earlier period, for the trend chart."""

    period: str
    met: int
    total: int


@dataclass
class ReportContent:
    """Everything one review report says, in the order offices write it."""

    kind: ReportKind
    header: Header
    subtitle: str
    period_label: str
    resolution_label: str
    introduction: str
    assessment: list[str]
    target_rows: list[TargetRow]
    summary: Summary
    summary_sentence: str
    agency_rows: list[AgencyRow]
    limitations: list[str]
    next_tasks: list[str]
    trend: list[TrendPoint] = field(default_factory=list)
    signer_capacity: str = ""
    signer_title: str = ""
    signer_name: str = ""
    recipients: list[str] = field(default_factory=list)
    title: str = "BÁO CÁO"
    #: The "(ước)" footnote under the results table, empty when no estimate was used.
    estimate_note: str = ""

    @property
    def headings(self) -> dict[str, str]:
        """Section headings: the same in every output, worded for the report's kind."""
        return {
            "assessment": "I. ĐÁNH GIÁ CHUNG",
            "targets": "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
            "tasks": "III. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CỦA CÁC CƠ QUAN, ĐƠN VỊ",
            "limitations": "IV. HẠN CHẾ, YẾU KÉM",
            "next_tasks": (
                f"V. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM {self.kind.next_period_phrase.upper()}"
            ),
        }

    @property
    def status_counts(self) -> list[tuple[Status, int]]:
        """Targets per status, in the order the chart and the summary name them; "chưa
        hết kỳ" only in the in-year reports that have such targets."""
        counts = [(status, self.summary.count(status)) for status in Status]
        return [(s, n) for s, n in counts if n or s is not Status.IN_PROGRESS]


def target_row(number: int, indicator: str, judgement: Judgement) -> TargetRow:
    """A results-table line from a judgement, written as a report prints it."""
    spec = judgement.spec
    if judgement.figure is None:
        actual = "–"
    elif judgement.milestone is not None:
        actual = judgement.milestone.label("vi")
    else:
        actual = quantity(judgement.figure, spec.unit, "vi")
        if judgement.estimate:
            actual += " (ước)"
    completion = _completion_text(judgement)
    # The tolerance of "khoảng" is the evaluation's rule, not the resolution's words.
    target = (
        f"khoảng {quantity(spec.value, spec.unit, 'vi')}"
        if spec.comparator is Comparator.APPROX
        else target_phrase(spec, "vi")
    )
    return TargetRow(
        number=number,
        indicator=indicator,
        target=target,
        actual=actual,
        completion=completion,
        status=judgement.status,
        estimate=judgement.estimate,
        completion_value=judgement.completion,
    )


def _completion_text(judgement: Judgement) -> str:
    """The completion as printed; a target not met never reads "100%" through rounding."""
    if judgement.completion is None:
        return "–"
    if judgement.status is Status.NOT_ACHIEVED and judgement.completion >= 100:
        return "< 100%"
    return format_completion(judgement.completion, "vi")


#: Up to this many targets not met are named one by one among the limitations.
LIMITATIONS_LISTED = 10


def limitations_from(rows: list[TargetRow], agencies: list[AgencyRow]) -> list[str]:
    """The shortcomings the figures show: targets not met, no data, late tasks.

    The author adds causes; the list only states what the records prove.
    """
    short = [row for row in rows if row.status is Status.NOT_ACHIEVED]
    if len(short) <= LIMITATIONS_LISTED:
        items = [
            f"Chỉ tiêu {row.indicator} chưa đạt: thực hiện {row.actual}, "
            f"chỉ tiêu {row.target} (đạt {row.completion})."
            for row in short
        ]
    else:
        # A long list would repeat the results table; name the furthest behind instead.
        lowest = sorted(
            short, key=lambda row: (row.completion_value is None, row.completion_value or 0)
        )[:LIMITATIONS_LISTED]
        named = "; ".join(f"{row.indicator} (đạt {row.completion})" for row in lowest)
        items = [
            f"Có {len(short)} chỉ tiêu chưa đạt (chi tiết tại bảng kết quả), thấp nhất là: {named}."
        ]
    missing = [row.indicator for row in rows if row.status is Status.NO_DATA]
    if missing:
        items.append(f"Chưa có số liệu đánh giá chỉ tiêu: {', '.join(missing)}.")
    late = [agency for agency in agencies if agency.late]
    if late:
        named = ", ".join(f"{agency.agency} ({agency.late})" for agency in late)
        total = sum(agency.late for agency in late)
        items.append(f"Còn {total} nhiệm vụ chậm tiến độ, tại: {named}.")
    return items


def assessment_draft(
    kind: ReportKind, period_label: str, resolution_label: str, summary: Summary, sentence: str
) -> list[str]:
    """A first paragraph for the author to rewrite: the overall picture in the figures.

    The overall assessment is the author's judgement; the draft only gives the
    numbers it must agree with, in the register offices use.
    """
    opening = (
        f"{period_label[:1].upper()}{period_label[1:]}, các cấp ủy, tổ chức đảng, chính quyền, "
        f"Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội đã tập trung lãnh đạo, chỉ đạo "
        f"triển khai thực hiện {resolution_label}."
    )
    if summary.total == 0:
        return [opening]
    share = Decimal(summary.met * 100) / summary.total
    tone = (
        "đạt kết quả tích cực"
        if share >= 80
        else "cơ bản đạt yêu cầu"
        if share >= 50
        else "còn nhiều khó khăn"
    )
    return [opening, f"Nhìn chung, việc thực hiện các chỉ tiêu {tone}. {sentence}"]
