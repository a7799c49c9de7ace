"""Demo reviews: the six-month and year reports on the demo province's resolution of
the year, the year report on last year's, and the nine-month, mid-term and end-of-term
reports on its 2021–2025 term resolution.

They are defined, not generated: the list page offers each as DOCX and PDF, written
from the targets and tasks the other apps' demos loaded, one click away.
"""

from nghiquyet.core.demo_calendar import demo_calendar
from nghiquyet.documents.models import Document
from nghiquyet.orgs.personas import ProvinceSetup
from nghiquyet.reports.models import Report
from nghiquyet.reports.services import report_create
from nghiquyet.targets import demo_last_year, demo_term
from nghiquyet.targets.demo import SYMBOL

#: (body key, period, kind or "" for the period's own): the Standing Committee's Party
#: reports and the UBND's state one.
DEMO_REVIEWS = [("tinh_uy", "2024-H1", ""), ("tinh_uy", "2024", ""), ("ubnd", "2024", "")]
LAST_YEAR_REVIEWS = [("tinh_uy", "2023", "")]
TERM_REVIEWS = [
    ("tinh_uy", "2025-9M", ""),
    ("tinh_uy", "2021/2023", "mid_term"),
    ("tinh_uy", "2021/2025", "end_of_term"),
]


def load(setup: ProvinceSetup) -> list[Report]:
    """The reviews; the year's resolution moves with the demo calendar, the ended term does not."""
    calendar = demo_calendar()
    reports = []
    for symbol, reviews, moved in (
        (SYMBOL, DEMO_REVIEWS, calendar.text),
        (demo_last_year.SYMBOL, LAST_YEAR_REVIEWS, calendar.text),
        (demo_term.SYMBOL, TERM_REVIEWS, str),
    ):
        resolution = Document.objects.filter(
            province=setup.province, symbol=symbol, deleted_at__isnull=True
        ).first()
        if resolution is None:
            continue
        reports += [
            report_create(
                user=setup.office,
                body=setup.bodies[key],
                resolution=resolution,
                period=moved(period),
                kind=kind,
            )
            for key, period, kind in reviews
        ]
    return reports
