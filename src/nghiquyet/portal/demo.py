"""Demo publication: the office publishes the year's resolution and the 2021–2025 term
resolution, and the mid-term review of the term adopted on it, so that the demo
province's public portal shows two resolutions with reviews and approved figures.

Everything goes through the services, as the office's buttons would.
"""

from nghiquyet.documents.models import Document
from nghiquyet.documents.services import document_adopt, document_publish
from nghiquyet.orgs.personas import ProvinceSetup
from nghiquyet.reports.models import Kind, Report
from nghiquyet.reports.services import report_generate
from nghiquyet.targets import demo, demo_term

PUBLISHED = [demo.SYMBOL, demo_term.SYMBOL]


def load(setup: ProvinceSetup) -> list[Document]:
    """Publish the two resolutions and the term's mid-term review; later calls change nothing."""
    office = setup.office
    published = []
    for symbol in PUBLISHED:
        resolution = Document.objects.filter(province=setup.province, symbol=symbol).first()
        if resolution is None:
            continue
        if not resolution.is_public:
            resolution = document_publish(user=office, document=resolution)
        published.append(resolution)
    review = Report.objects.filter(
        resolution__province=setup.province,
        resolution__symbol=demo_term.SYMBOL,
        kind=Kind.MID_TERM,
    ).first()
    if review is not None and review.document is None:
        report_generate(user=office, report=review)
        review.refresh_from_db()
        document = document_adopt(user=office, document=review.document)
        published.append(document_publish(user=office, document=document))
    return published
