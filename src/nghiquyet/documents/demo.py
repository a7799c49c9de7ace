"""The documents the seed articles name, recorded for the demo province.

Đồng Tháp's BCH conference of 11/7/2024 (seed 000) discussed draft action
programmes implementing central Resolutions 45 and 42 and Politburo Plan 20; the
term resolution of its 11th congress frames them. Long An's Standing Committee
issued Directive 58-CT/TU on 07/11/2023 (seed 003) while carrying out Politburo
Conclusion 01-KL/TW. Loading twice changes nothing: each document is looked up
by issuer and symbol (or title, for those without a symbol) first.
"""

import datetime as dt

from django.contrib.auth import get_user_model

from nghiquyet.documents.models import Document, DocumentKind, DocumentLink
from nghiquyet.documents.selectors import document_find
from nghiquyet.documents.services import document_create, document_link
from nghiquyet.orgs.models import Body, Place, Term
from nghiquyet.orgs.personas import ProvinceSetup

Kind = DocumentKind
CENTRAL_BODIES = {
    "bch_tw": "Ban Chấp hành Trung ương Đảng",
    "bct": "Bộ Chính trị",
    "bbt": "Ban Bí thư",
}


def central_bodies() -> dict[str, Body]:
    """The central Party organs that issue the documents provinces implement."""
    return {
        key: Body.objects.get_or_create(
            province=None,
            name=name,
            defaults={"kind": Body.Kind.CENTRAL, "issuer_code": "TW"},
        )[0]
        for key, name in CENTRAL_BODIES.items()
    }


def _record(user, *, issuer: Body, title: str, symbol: str = "", **fields) -> Document:
    existing = (
        document_find(issuer=issuer, symbol=symbol)
        if symbol
        else Document.objects.filter(issuer=issuer, title=title).first()
    )
    if existing:
        return existing
    return document_create(user=user, issuer=issuer, title=title, symbol=symbol, **fields)


def _link(user, source: Document, target: Document, kind: str) -> None:
    if not DocumentLink.objects.filter(source=source, target=target, kind=kind).exists():
        document_link(user=user, source=source, target=target, kind=kind)


def load(setup: ProvinceSetup) -> None:
    """Central documents, the demo province's congress resolution and its action programmes."""
    office = setup.office
    central = central_bodies()
    adopted = Document.Status.ADOPTED

    nq45 = _record(
        office,
        issuer=central["bch_tw"],
        kind=Kind.NGHI_QUYET,
        symbol="45-NQ/TW",
        issued_on=dt.date(2023, 11, 24),
        status=adopted,
        title="Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII về "
        "tiếp tục xây dựng và phát huy vai trò của đội ngũ trí thức đáp ứng yêu cầu phát "
        "triển đất nước nhanh và bền vững trong giai đoạn mới",
    )
    nq42 = _record(
        office,
        issuer=central["bch_tw"],
        kind=Kind.NGHI_QUYET,
        symbol="42-NQ/TW",
        issued_on=dt.date(2023, 11, 24),
        status=adopted,
        title="Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII về "
        "tiếp tục đổi mới, nâng cao chất lượng chính sách xã hội, đáp ứng yêu cầu sự "
        "nghiệp xây dựng và bảo vệ Tổ quốc trong giai đoạn mới",
    )
    kh20 = _record(
        office,
        issuer=central["bct"],
        kind=Kind.KE_HOACH,
        symbol="20-KH/TW",
        issued_on=dt.date(2023, 11, 28),
        status=adopted,
        title="Kế hoạch của Bộ Chính trị thực hiện Nghị quyết số 45-NQ/TW",
    )
    admin = _administrator()
    if admin is not None:
        # A link between two central documents changes central data: only an administrator.
        _link(admin, kh20, nq45, DocumentLink.Kind.IMPLEMENTS)
    _record(
        office,
        issuer=central["bct"],
        kind=Kind.KET_LUAN,
        symbol="01-KL/TW",
        issued_on=dt.date(2021, 5, 18),
        status=adopted,
        title="Kết luận của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW về đẩy "
        "mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    )

    bch = setup.bodies["bch"]
    congress_term, _ = Term.objects.get_or_create(
        body=setup.bodies["tinh_uy"], number="XI", defaults={"start_year": 2020, "end_year": 2025}
    )
    _record(
        office,
        issuer=bch,
        kind=Kind.NGHI_QUYET_DAI_HOI,
        term=congress_term,
        status=adopted,
        is_public=True,
        title="Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020 - 2025",
    )
    for resolution, plan, subject in (
        (nq45, kh20, "Nghị quyết số 45-NQ/TW về đội ngũ trí thức"),
        (nq42, None, "Nghị quyết số 42-NQ/TW về chính sách xã hội"),
    ):
        programme = _record(
            office,
            issuer=bch,
            kind=Kind.CHUONG_TRINH,
            term=congress_term,
            title=f"Chương trình hành động của Ban Chấp hành Đảng bộ tỉnh thực hiện {subject}",
        )
        _link(office, programme, resolution, DocumentLink.Kind.IMPLEMENTS)
        if plan:
            _link(office, programme, plan, DocumentLink.Kind.IMPLEMENTS)
    if admin is not None:
        _long_an_directive(admin)


def _administrator():
    return get_user_model().objects.filter(is_superuser=True).order_by("pk").first()


def _long_an_directive(admin) -> None:
    """Directive 58-CT/TU of Long An (seed 003), kept on Long An and so rolled up to Tây Ninh.

    No demo clerk works for Tây Ninh, so the administrator records it.
    """
    long_an = Place.objects.filter(
        level=Place.Level.PROVINCE, map=Place.Map.LEGACY, short_name="Long An"
    ).first()
    if long_an is None:
        return
    btv, _ = Body.objects.get_or_create(
        province=long_an,
        name="Ban Thường vụ Tỉnh ủy Long An",
        defaults={"kind": Body.Kind.STANDING_COMMITTEE, "issuer_code": "TU"},
    )
    _record(
        admin,
        issuer=btv,
        kind=Kind.CHI_THI,
        symbol="58-CT/TU",
        issued_on=dt.date(2023, 11, 7),
        status=Document.Status.ADOPTED,
        is_public=True,
        title="Chỉ thị về tăng cường sự lãnh đạo của Đảng đối với công tác triển khai Quy "
        "hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm 2050",
    )
