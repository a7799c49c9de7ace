"""The four verdicts a target can receive for a period."""

from enum import StrEnum

from nghiquyet.evaluation.language import pick


class Status(StrEnum):
    """Verdict on one target for one period.

    The values are stable codes for URLs, CSS classes and the API; the labels are
    the words reports print.
    """

    EXCEEDED = "exceeded"
    ACHIEVED = "achieved"
    NOT_ACHIEVED = "not_achieved"
    NO_DATA = "no_data"
    #: An in-year figure against an annual target with no estimate for the year: progress
    #: ("đạt 75,3% kế hoạch năm"), not a verdict.
    IN_PROGRESS = "in_progress"

    def label(self, language: str = "vi") -> str:
        """The word a report prints for this status: "vượt", "đạt", …"""
        return pick(STATUS_LABELS, language)[self]

    @property
    def is_met(self) -> bool:
        """True for the statuses reports count as "đạt và vượt"."""
        return self in (Status.EXCEEDED, Status.ACHIEVED)

    @property
    def rank(self) -> int | None:
        """Order of merit (higher is better); None for no data, which is not a grade."""
        return _RANKS.get(self)


STATUS_LABELS: dict[str, dict[Status, str]] = {
    "vi": {
        Status.EXCEEDED: "vượt",
        Status.ACHIEVED: "đạt",
        Status.NOT_ACHIEVED: "chưa đạt",
        Status.NO_DATA: "chưa có số liệu",
        Status.IN_PROGRESS: "chưa hết kỳ",
    },
    "en": {
        Status.EXCEEDED: "exceeded",
        Status.ACHIEVED: "achieved",
        Status.NOT_ACHIEVED: "not achieved",
        Status.NO_DATA: "no data",
        Status.IN_PROGRESS: "period not over",
    },
}

_RANKS = {Status.NOT_ACHIEVED: 0, Status.ACHIEVED: 1, Status.EXCEEDED: 2}
