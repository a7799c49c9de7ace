"""Demo reviews: the six-month and year reports on the demo province's resolution.

They are defined, not generated: the list page offers each as DOCX and PDF, written
from the targets and tasks the other apps' demos loaded, one click away.
"""

from nghiquyet.core.demo_calendar import demo_calendar
from nghiquyet.documents.models import Document
from nghiquyet.orgs.personas import ProvinceSetup
from nghiquyet.reports.models import Report
from nghiquyet.reports.services import report_create
from nghiquyet.targets.demo import SYMBOL

#: (body key, period): the Standing Committee's Party reports and the UBND's state one.
DEMO_REVIEWS = [("tinh_uy", "2024-H1"), ("tinh_uy", "2024"), ("ubnd", "2024")]


def load(setup: ProvinceSetup) -> list[Report]:
    resolution = Document.objects.filter(
        province=setup.province, symbol=SYMBOL, deleted_at__isnull=True
    ).first()
    if resolution is None:
        return []
    return [
        report_create(
            user=setup.office,
            body=setup.bodies[key],
            resolution=resolution,
            period=demo_calendar().text(period),
        )
        for key, period in DEMO_REVIEWS
    ]
