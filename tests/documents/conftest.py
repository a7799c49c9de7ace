"""Documents the tests share: central Resolution 45 and a Đồng Tháp directive."""

import datetime as dt

import pytest

from nghiquyet.documents.demo import central_bodies
from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.documents.services import document_create


@pytest.fixture
def central(places):
    return central_bodies()


@pytest.fixture
def resolution_45(central, office):
    """Central Resolution 45, recorded by the province office so it can link to it."""
    return document_create(
        user=office,
        kind=DocumentKind.NGHI_QUYET,
        symbol="45-NQ/TW",
        issuer=central["bch_tw"],
        issued_on=dt.date(2023, 11, 24),
        status=Document.Status.ADOPTED,
        title="Nghị quyết về tiếp tục xây dựng và phát huy vai trò của đội ngũ trí thức",
    )


@pytest.fixture
def directive(dongthap, office):
    """A Đồng Tháp directive, not public: only the province's own people see it."""
    return document_create(
        user=office,
        kind=DocumentKind.CHI_THI,
        symbol="58-CT/TU",
        issuer=dongthap.bodies["btv"],
        issued_on=dt.date(2023, 11, 7),
        status=Document.Status.ADOPTED,
        title="Chỉ thị về tăng cường sự lãnh đạo của Đảng đối với công tác triển khai "
        "Quy hoạch tỉnh thời kỳ 2021 - 2030",
    )


@pytest.fixture
def programme(dongthap, office):
    """An adopted action programme of the province, public on the portal."""
    return document_create(
        user=office,
        kind=DocumentKind.CHUONG_TRINH,
        issuer=dongthap.bodies["bch"],
        status=Document.Status.ADOPTED,
        is_public=True,
        title="Chương trình hành động của Ban Chấp hành Đảng bộ tỉnh thực hiện Nghị quyết số 45",
    )
