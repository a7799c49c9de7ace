"""Referenced documents: "Chỉ thị số 58-CT/TU, ngày 07/11/2023 của Ban Thường vụ Tỉnh ủy",
"Kế hoạch số 20 ngày 28/11/2023 của Bộ Chính trị", and congress resolutions
("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI", "Nghị quyết Đại hội XIII của Đảng").

A document counts only when the text identifies it: by number or symbol, or, for a
congress resolution, by the congress number. "các nghị quyết của Trung ương" names
no document.
"""

from __future__ import annotations

import re

from .dates import parse_full_date
from .numbers import ROMAN, parse_roman, to_roman
from .records import DocumentRef
from .text import Doc

_TYPES = [
    ("Nghị quyết liên tịch", "nghi_quyet"), ("Nghị quyết", "nghi_quyet"), ("Chỉ thị", "chi_thi"),
    ("Kết luận", "ket_luan"), ("Kế hoạch", "ke_hoach"), ("Chương trình hành động", "chuong_trinh"),
    ("Chương trình", "chuong_trinh"), ("Quyết định", "quyet_dinh"), ("Quy định", "quy_dinh"),
    ("Đề án", "de_an"), ("Báo cáo", "bao_cao"), ("Quy hoạch", "quy_hoach"),
    ("Hướng dẫn", "other"), ("Thông báo", "other"), ("Công văn", "other"), ("Tờ trình", "other"),
    ("Thông tư", "other"), ("Nghị định", "other"), ("Luật", "other"), ("Công điện", "other"),
]  # fmt: skip
_TYPE_BY_WORD = {word.lower(): kind for word, kind in _TYPES}
# Type codes inside a symbol: "58-CT/TU" is a chỉ thị.
_TYPE_BY_CODE = {
    "NQ": "nghi_quyet", "NQLT": "nghi_quyet", "CT": "chi_thi", "KL": "ket_luan",
    "KH": "ke_hoach", "CTr": "chuong_trinh", "CTR": "chuong_trinh", "QĐ": "quyet_dinh",
    "QĐi": "quy_dinh", "ĐA": "de_an", "BC": "bao_cao", "QH": "quy_hoach",
}  # fmt: skip

SYMBOL = r"\d{1,5}[a-z]?(?:/\d{4})?(?:-|/)[A-ZĐ][A-Za-zĐđ]*(?:[-/][A-ZĐ][A-Za-zĐđ0-9]*)*"
# First letter in either case ("Nghị quyết", "nghị quyết"); the rest as written. Matching
# case-sensitively is much faster than IGNORECASE over Vietnamese text.
_TYPE_WORDS = "|".join(f"[{w[0]}{w[0].lower()}]{re.escape(w[1:])}" for w, _ in _TYPES)
_NUMBERED = re.compile(
    rf"(?=[NnCcKkQqĐđBbHhTtLl])(?<![\w])(?P<type>{_TYPE_WORDS})(?:\s+(?:liên tịch|hành động))?"
    rf"\s+(?:(?:số|số hiệu)\s*(?P<symbol>{SYMBOL})|(?P<bare_symbol>{SYMBOL})"
    rf"|số\s*(?P<number>\d{{1,5}}[a-z]?))(?![\w/-])"
)
_NUMBER_CUE = re.compile(r"(?=[s\d])(?:số\s*\d|(?<![\w/-])\d{1,5}[a-z]?(?:/\d{4})?[-/][A-ZĐ])")
_SYMBOL_ONLY = re.compile(
    r"(?<![\w/-])(?P<symbol>\d{1,4}-(?:NQ|CT|KL|CTr|QĐ|QĐi)/(?:TW|TU|HU|BCS|ĐU|TƯ))(?![\w/-])"
)
_DATE_TAIL = re.compile(
    r"^\s*,?\s*(?:ban hành\s+)?ngày\s+(\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{4}"
    r"|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})",
    re.IGNORECASE,
)
_ISSUERS = [
    "Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương", "BCH Trung ương Đảng",
    "BCH Trung ương", "Bộ Chính trị", "Ban Bí thư", "Ban Thường vụ Tỉnh ủy",
    "Ban Thường vụ Thành ủy", "Ban Thường vụ Huyện ủy", "BTV Tỉnh ủy", "BTV Thành ủy",
    "Ban Chấp hành Đảng bộ tỉnh", "BCH Đảng bộ tỉnh", "Thường trực Tỉnh ủy",
    "Thường trực Thành ủy", "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Ủy ban Thường vụ Quốc hội",
    "Quốc hội", "Thủ tướng Chính phủ", "Chính phủ", "Hội đồng nhân dân tỉnh", "HĐND tỉnh",
    "Ủy ban nhân dân tỉnh", "UBND tỉnh", "Ban Cán sự đảng UBND tỉnh", "Trung ương",
]  # fmt: skip
_ISSUER_TAIL = re.compile(
    r"^\s*,?\s*(?:của|do)\s+(" + "|".join(re.escape(i) for i in _ISSUERS) + r")(?![\w])"
)
_TERM_TAIL = re.compile(rf"^\s*\(?khóa\s+(?:{ROMAN}|\d{{1,2}})\)?(?![\w])")

_CONGRESS = re.compile(r"(?=[Nn])Nghị quyết\s+Đại hội(?![\w])", re.IGNORECASE)
_CONGRESS_SCOPE_END = re.compile(r"[,;.:()\n]|\s(?:và|về|đã|để|nhằm|với|trong|gắn)\s")
_CONGRESS_NUMBER = re.compile(rf"(?:lần thứ\s+)?(?<![\w])({ROMAN}|\d{{1,2}})(?![\w])")
_LEVEL_TW = re.compile(r"toàn quốc|của Đảng(?!\s+bộ)|Đảng lần|Đảng toàn", re.IGNORECASE)
# Case matters here: "Đảng bộ Lai Châu" is a province, "Đảng bộ huyện" is not.
# "Đại hội Đảng bộ lần thứ XI" in a provincial article is the province's own congress.
_LEVEL_PROVINCE = re.compile(r"[Đđ]ảng bộ\s+(?:tỉnh|thành phố|[A-ZĐ]|lần\b)")
_ALSO_CONGRESS = re.compile(
    r"^\s*và\s+(Đại hội(?:[^,;.:()\n]{0,50}?))(?=[,;.:()\n]|\s(?:và|về)\s|$)"
)
_PERIOD_TAIL = re.compile(r"^\s*,?\s*nhiệm kỳ\s+\d{4}\s?-\s?\d{4}")


def _number_of(symbol: str) -> str:
    return re.match(r"\d+[a-z]?", symbol).group()


def _type_of_symbol(symbol: str) -> str:
    for code in re.split(r"[-/]", symbol)[1:]:
        if code in _TYPE_BY_CODE:
            return _TYPE_BY_CODE[code]
    return "other"


def _numbered_matches(doc: Doc) -> list[re.Match[str]]:
    """Matches of _NUMBERED, looked for only around numbers (few) rather than at every
    word that could start a document type (many)."""
    matches: list[re.Match[str]] = []
    for cue in _NUMBER_CUE.finditer(doc.search):
        if matches and cue.start() < matches[-1].end():
            continue
        m = _NUMBERED.search(doc.search, max(0, cue.start() - 45), cue.end() + 60)
        if (
            m
            and m.start() <= cue.start() < m.end()
            and (not matches or m.start() >= matches[-1].end())
        ):
            matches.append(m)
    return matches


def _numbered(doc: Doc) -> list[tuple[int, DocumentRef]]:
    found = []
    taken: list[tuple[int, int]] = []
    for m in _numbered_matches(doc):
        group = "symbol" if m.group("symbol") else "bare_symbol"
        symbol = m.group(group)
        number = _number_of(symbol) if symbol else m.group("number")
        kind = _TYPE_BY_WORD.get(m.group("type").lower(), "other")
        end = m.end()
        date = None
        tail = _DATE_TAIL.match(doc.search[end : end + 60])
        if tail:
            parsed = parse_full_date(tail.group(1).replace(" tháng ", "/").replace(" năm ", "/"))
            date = parsed.iso() if parsed else None
            end += tail.end()
        issuer = None
        tail = _ISSUER_TAIL.match(doc.search[end : end + 80])
        if tail:
            issuer = doc.cut(end + tail.start(1), end + tail.end(1))
            end += tail.end()
            term = _TERM_TAIL.match(doc.search[end : end + 20])
            if term:
                end += term.end()
        found.append(
            (
                m.start(),
                DocumentRef(
                    type=kind,
                    number=number,
                    symbol=doc.text[m.start(group) : m.end(group)] if symbol else None,
                    date=date,
                    issuer=issuer,
                    text=doc.cut(m.start(), end),
                ),
            )
        )
        taken.append((m.start(), m.end()))
    for m in _SYMBOL_ONLY.finditer(doc.search):
        if any(a <= m.start() < b for a, b in taken):
            continue
        symbol = m.group("symbol")
        ref = DocumentRef(type=_type_of_symbol(symbol), number=_number_of(symbol), symbol=symbol)
        ref.text = symbol
        found.append((m.start(), ref))
    return found


def _congress_ref(doc: Doc, start: int, scope: str, text_end: int) -> DocumentRef | None:
    number = None
    for m in _CONGRESS_NUMBER.finditer(scope):
        value = parse_roman(m.group(1)) if not m.group(1).isdigit() else int(m.group(1))
        if value and value < 40:
            number = to_roman(value)
            break
    if number is None:
        return None
    level = "tw" if _LEVEL_TW.search(scope) else "tinh" if _LEVEL_PROVINCE.search(scope) else None
    return DocumentRef(
        type="nghi_quyet_dai_hoi", congress=number, level=level, text=doc.cut(start, text_end)
    )


def _congresses(doc: Doc) -> list[tuple[int, DocumentRef]]:
    found = []
    for m in _CONGRESS.finditer(doc.search):
        rest = doc.search[m.end() : m.end() + 160]
        cut = _CONGRESS_SCOPE_END.search(rest)
        scope = rest[: cut.start()] if cut else rest
        end = m.end() + len(scope)
        period = _PERIOD_TAIL.match(doc.search[end : end + 40])
        ref = _congress_ref(doc, m.start(), scope, end + (period.end() if period else 0))
        if ref:
            found.append((m.start(), ref))
        also = _ALSO_CONGRESS.match(doc.search[end : end + 80])
        if also:
            ref = _congress_ref(doc, end + also.start(1), also.group(1), end + also.end(1))
            if ref:
                found.append((end + also.start(1), ref))
    return found


def _identity(ref: DocumentRef) -> tuple:
    if ref.type == "nghi_quyet_dai_hoi":
        return (ref.type, ref.congress, ref.level)
    return (ref.type, ref.symbol or ref.number)


def find_documents_in(first: Doc, then: Doc) -> list[DocumentRef]:
    """Documents of a headline and then of its body, each once: a document named only in
    the headline counts, and one named in both is listed where it first appears."""
    found = find_documents(first)
    known = {_identity(ref) for ref in found}
    return found + [ref for ref in find_documents(then) if _identity(ref) not in known]


def find_documents(doc: Doc) -> list[DocumentRef]:
    """Each identified document once, in order of first mention; later mentions only
    fill in a date or issuer the first one lacked.
    """
    merged: dict[tuple, DocumentRef] = {}
    by_number: dict[tuple, DocumentRef] = {}
    for _, ref in sorted(_numbered(doc) + _congresses(doc), key=lambda pair: pair[0]):
        known = merged.get(_identity(ref)) or by_number.get((ref.type, ref.number))
        if ref.type != "nghi_quyet_dai_hoi" and known is None and ref.symbol is None:
            known = next(
                (d for d in merged.values() if d.type == ref.type and d.number == ref.number), None
            )
        if known is None:
            merged[_identity(ref)] = ref
            if ref.number:
                by_number[(ref.type, ref.number)] = ref
            continue
        known.date = known.date or ref.date
        known.issuer = known.issuer or ref.issuer
        known.symbol = known.symbol or ref.symbol
    return list(merged.values())
