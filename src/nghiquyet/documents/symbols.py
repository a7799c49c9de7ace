"""Document symbols (số, ký hiệu): "58-CT/TU", "01-KL/TW", "123/KH-UBND", "45/2024/NQ-HĐND".

Two conventions are in use. Party documents write NUMBER-TYPE/ISSUER ("58-CT/TU":
directive 58 of the provincial committee). State documents write
NUMBER[/YEAR]/TYPE-ISSUER ("123/KH-UBND": plan 123 of the People's Committee;
"45/2024/NQ-HĐND" carries the year). The type code names the kind of document,
so a symbol that says CT on a document entered as a plan is a typing mistake
worth stopping before it reaches a report.

The extraction core finds symbols inside running text but exposes no parser for a
symbol on its own, so this module is the one place that reads and checks them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from nghiquyet.documents.models import DocumentKind

#: Type code → kind, in the spelling documents use ("CTr", "QĐi" keep their lower case).
KIND_BY_CODE: dict[str, DocumentKind] = {
    "NQ": DocumentKind.NGHI_QUYET,
    "NQLT": DocumentKind.NGHI_QUYET,
    "CT": DocumentKind.CHI_THI,
    "KL": DocumentKind.KET_LUAN,
    "KH": DocumentKind.KE_HOACH,
    "CTr": DocumentKind.CHUONG_TRINH,
    "QĐ": DocumentKind.QUYET_DINH,
    "QĐi": DocumentKind.QUY_DINH,
    "HD": DocumentKind.HUONG_DAN,
    "BC": DocumentKind.BAO_CAO,
    "TTr": DocumentKind.TO_TRINH,
    "ĐA": DocumentKind.DE_AN,
    "QH": DocumentKind.QUY_HOACH,
}

#: The code a new document of each kind gets; a congress resolution is an NQ too.
CODE_BY_KIND: dict[str, str] = {
    DocumentKind.NGHI_QUYET: "NQ",
    DocumentKind.NGHI_QUYET_DAI_HOI: "NQ",
    DocumentKind.CHI_THI: "CT",
    DocumentKind.KET_LUAN: "KL",
    DocumentKind.KE_HOACH: "KH",
    DocumentKind.CHUONG_TRINH: "CTr",
    DocumentKind.QUYET_DINH: "QĐ",
    DocumentKind.QUY_DINH: "QĐi",
    DocumentKind.HUONG_DAN: "HD",
    DocumentKind.BAO_CAO: "BC",
    DocumentKind.TO_TRINH: "TTr",
    DocumentKind.DE_AN: "ĐA",
    DocumentKind.QUY_HOACH: "QH",
}

#: Kinds a type code may stand for besides its own (NQ also heads a congress resolution).
_ALSO = {"NQ": {DocumentKind.NGHI_QUYET_DAI_HOI}}

#: "TƯ" is the older spelling of the central issuer code "TW".
_ISSUER_ALIASES = {"TƯ": "TW"}

_CANONICAL_CODE = {code.upper(): code for code in KIND_BY_CODE}

_LETTERS = r"[A-Za-zĐđƯưƠơÂâÊêÔôĂă]"
_CODE = rf"{_LETTERS}+"
_ISSUER = rf"{_LETTERS}[A-Za-z0-9ĐđƯưƠơÂâÊêÔôĂă]*(?:-{_LETTERS}[A-Za-z0-9ĐđƯưƠơÂâÊêÔôĂă]*)*"
_NUMBER = r"(?P<number>\d{1,5}[a-z]?)"
_PARTY = re.compile(rf"^{_NUMBER}-(?P<type>{_CODE})/(?P<issuer>{_ISSUER})$")
_STATE = re.compile(rf"^{_NUMBER}(?:/(?P<year>\d{{4}}))?/(?P<type>{_CODE})-(?P<issuer>{_ISSUER})$")


class Style:
    PARTY = "party"
    STATE = "state"


@dataclass(frozen=True)
class Symbol:
    """A parsed symbol: its number, optional year, type code and issuer code."""

    number: str
    type_code: str
    issuer_code: str
    style: str
    year: int | None = None

    def __str__(self) -> str:
        if self.style == Style.PARTY:
            return f"{self.number}-{self.type_code}/{self.issuer_code}"
        year = f"/{self.year}" if self.year else ""
        return f"{self.number}{year}/{self.type_code}-{self.issuer_code}"

    @property
    def kind(self) -> DocumentKind | None:
        """The kind the type code names, None for a code this system does not know (TB, CV)."""
        return KIND_BY_CODE.get(self.type_code)

    def fits(self, kind: str) -> bool:
        """Whether a document of ``kind`` may carry this symbol."""
        if kind == DocumentKind.OTHER:
            return self.kind is None
        return self.kind == kind or kind in _ALSO.get(self.type_code, set())


def _clean(raw: str) -> str:
    """One spelling for what people type: NFC, no spaces, plain hyphens, Đ not Ð."""
    text = unicodedata.normalize("NFC", raw).strip()
    text = re.sub(r"\s+", "", text)
    text = re.sub(r"[‐‑‒–—−]", "-", text)
    return text.replace("Ð", "Đ").replace("ð", "đ")


def _canonical_code(code: str) -> str:
    return _CANONICAL_CODE.get(code.upper(), code.upper())


def _canonical_issuer(code: str) -> str:
    """Issuer codes keep a mixed spelling ("TTg"); all lower case is raised; "TƯ" is "TW"."""
    spelled = code.upper() if code.islower() else code
    return _ISSUER_ALIASES.get(spelled.upper(), spelled)


def symbol_parse(raw: str) -> Symbol:
    """Read a symbol in either convention, or raise ValidationError saying what is expected."""
    text = _clean(raw)
    for style, pattern in ((Style.PARTY, _PARTY), (Style.STATE, _STATE)):
        match = pattern.match(text)
        if match:
            year = match.groupdict().get("year")
            return Symbol(
                number=match["number"],
                type_code=_canonical_code(match["type"]),
                issuer_code=_canonical_issuer(match["issuer"]),
                style=style,
                year=int(year) if year else None,
            )
    raise ValidationError(
        _(
            "“%(symbol)s” is not a document symbol. Write it as number-type/issuer "
            "(58-CT/TU) or number/type-issuer (123/KH-UBND)."
        )
        % {"symbol": raw.strip()},
        code="symbol_format",
    )


def symbol_validate(
    raw: str,
    *,
    kind: str,
    issuer_code: str = "",
    number: str = "",
    year: int | None = None,
) -> Symbol:
    """Parse ``raw`` and check it against what else is known about the document.

    The type code must name ``kind``; the issuer code must be the issuing body's
    (when the body has one); the number must match a number entered separately;
    a year in the symbol must be the year of issue. Every disagreement is a
    ValidationError on the ``symbol`` field.
    """
    symbol = symbol_parse(raw)
    problems = []
    if not symbol.fits(kind):
        problems.append(_kind_mismatch(symbol, kind))
    expected_issuer = _canonical_issuer(_clean(issuer_code)) if issuer_code else ""
    if expected_issuer and symbol.issuer_code.upper() != expected_issuer.upper():
        problems.append(
            _(
                "The symbol %(symbol)s names issuer %(code)s, but the issuing body signs "
                "its documents %(expected)s."
            )
            % {"symbol": symbol, "code": symbol.issuer_code, "expected": issuer_code}
        )
    if number and number.strip().lstrip("0") != symbol.number.lstrip("0"):
        problems.append(
            _("The number %(number)s does not match the symbol %(symbol)s.")
            % {"number": number.strip(), "symbol": symbol}
        )
    if symbol.year and year and symbol.year != year:
        problems.append(
            _(
                "The symbol %(symbol)s carries the year %(symbol_year)s, but the document "
                "is dated %(year)s."
            )
            % {"symbol": symbol, "symbol_year": symbol.year, "year": year}
        )
    if problems:
        raise ValidationError({"symbol": problems})
    return symbol


def _kind_mismatch(symbol: Symbol, kind: str) -> str:
    chosen = DocumentKind(kind).label
    if symbol.kind is None:
        return _(
            "The type code %(code)s in %(symbol)s is not one this system knows; "
            "enter the document as “%(other)s” or correct the code."
        ) % {"code": symbol.type_code, "symbol": symbol, "other": DocumentKind.OTHER.label}
    expected = CODE_BY_KIND.get(kind)
    values = {"symbol": symbol, "named": symbol.kind.label, "code": symbol.type_code}
    values.update(chosen=chosen, expected=expected)
    if expected is None:
        return (
            _(
                "The symbol %(symbol)s is a %(named)s (%(code)s), but the document is entered "
                "as %(chosen)s."
            )
            % values
        )
    return (
        _(
            "The symbol %(symbol)s is a %(named)s (%(code)s), but the document is entered "
            "as %(chosen)s, whose symbols carry %(expected)s."
        )
        % values
    )
