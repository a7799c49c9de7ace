"""Officials named in an article, with the offices the article gives them.

Articles introduce people in four ways, all handled here:
"Lê Quốc Phong - Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy" (name - offices),
"Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh - Nguyễn Văn Được" (offices - name),
"Phó Bí thư Tỉnh ủy Lâm Minh Đằng" (offices then name) and
"đồng chí Ngô Chí Cường, Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy".
A name is a run of capitalised syllables that starts with a Vietnamese family name;
that one constraint keeps bodies ("Ban Chấp hành") and places out. Bylines and photo
credits carry no office, so they never become people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import gazetteer
from .text import LOWER, UPPER, Doc

# A capitalised word, "H'Yim" included, that is not the start of an acronym: in
# "Trưởng Đoàn ĐBQH" the "Đ" of "ĐBQH" is no syllable of a name.
CAPITAL_WORD = rf"[{UPPER}][{LOWER}]*(?:'[{UPPER}]?[{LOWER}]+)?(?![{UPPER}])"
_CAPITAL_RUN = re.compile(
    rf"(?=[{UPPER}])(?<![{UPPER}{LOWER}'])({CAPITAL_WORD}(?:\s{CAPITAL_WORD})+)"
)

_SURNAME_LIST = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Giàng Lâm Đinh "
    "Mai Trương Đoàn Đào Cao Lương Hà Tô Tạ Chu Thái Lò Sùng Vàng Lầu Hầu Thào Mùa Quàng "
    "Điêu Cầm Triệu Nông Lục Ma Hứa Kiều Trịnh Lưu Từ Thạch Kim Danh Châu Khổng Tăng Phùng "
    "Âu Lạc Quách Tống Vương Vi Mạc Doãn Giáp Khúc Lại Chế Bế Sầm Mông Nhữ Ninh Phí Lã "
    "Y Ksor Rơ Siu Nay Rah Đàm Tòng Lường Ông Bạch Thân Ngọ Viên Mã Bàn Chảo Sa Sơn Tiêu "
    "Trầm Diệp Hàn Ân Kha Cù Trình Bồ Cấn Nghiêm Mẫn Đồng Vừ Hờ Tráng Hạng Sồng Chang Cứ "
    "Phàn Tẩn Vì Lù Ly Khuất La Tôn Quan Vy "
    # Central Highlands and Khmer families, written first or last in the name.
    "Kpă Kpuih Rmah Rcom Êban Hđơk Byă Niê Nie Mlô Ayun Kbuôr Kbuôl Adrơng Bkrông Êđăk "
    "Kdoh Kđoh Bdap Hlong Hmok Knul Mdrang Nđu Siêng Điểu Yă "
    "Alăng Bhling Zơrâm Pơloong Briu Arất Clâu Coor Rahlan Rơô Ksơr H "
    # Northern mountain families.
    "Chẩu Lộc Lăng Nịnh Phàng Sình Hoàng Bạc Lèo Lỳ Pờ Chẻo Dìu "
    # Less common Kinh families.
    "Phương Lữ Quản Khương Mạch Bành Ung Nhan Thiều Đổng Dư Tào Nhâm Cổ Mạnh Lều Quế Tiết "
    "Đậu Nghe Hảng Chá Cà"
)
# A sentence may open with the honorific before the name: "Ông Phạm Quốc Bảo cho biết".
_HONORIFICS = frozenset({"Ông", "Bà"})
SURNAMES = frozenset(_SURNAME_LIST.split())
# Names of people that are used as names of things (an ideology, streets, schools).
_NOT_NAMES = frozenset({"Hồ Chí Minh"})

OFFICE = (
    # Abbreviated memberships: "UVBCHTW", "UV BTV Tỉnh ủy", "TUV", "ĐBQH".
    r"UV\s?BCH\s?T[WƯ]|UVBCHTW|UVT[WƯ]|UV\s?BTV|UV\s?BCH|TUV|ĐBQH"
    # "Phó chủ tịch" as some sites write it.
    r"|(?:(?:[Nn]guyên|[Qq]uyền)\s+)?Phó\s+(?:chủ tịch|bí thư|giám đốc|trưởng ban|chủ nhiệm)"
    r"|(?:(?:[Nn]guyên|[Qq]uyền|Hàm)\s+)?(?:Phó\s+)?(?:Tổng\s+)?"
    r"(?:Bí thư|Chủ tịch|Thủ tướng|Bộ trưởng|Thứ trưởng|Giám đốc|Trưởng [Bb]an|Trưởng [Đđ]oàn"
    r"|Trưởng phòng|Trưởng [Cc]ông an|Chánh [Vv]ăn phòng|Chánh án|Chánh [Tt]hanh tra|Vụ trưởng"
    r"|Cục trưởng|Viện trưởng|Chủ nhiệm|Chỉ huy trưởng|Chính ủy|Tư lệnh"
    r"|Tổng [Tt]hư ký|Hiệu trưởng|Tổng [Bb]iên tập|Ủy viên|Đại biểu Quốc hội|Trưởng"
    r"|Kiểm toán trưởng)"
    r"|(?:Tỉnh|Thành|Huyện|Thị|Quận|Đảng) ủy viên"
    # Lower case after a name: "ông …, ủy viên Trung ương Đảng tái đắc cử …".
    r"|ủy viên (?=Trung ương|T\.?Ư|Bộ Chính trị|Ban )"
)
_OFFICE_START = re.compile(rf"(?=[{UPPER}nqủ])(?:{OFFICE})(?![{LOWER}])")
_OFFICE_AT = re.compile(rf"^\s*(?:[Đđ]ồng chí\s+)?(?:{OFFICE})(?![{LOWER}])")

# Verbs and links that end an office phrase ("Bí thư Tỉnh ủy phát biểu …").
_STOP = re.compile(
    r"\s(?:chủ trì|đồng chủ trì|cùng|phát biểu|cho rằng|cho biết|đề nghị|nhấn mạnh|yêu cầu|dự"
    r"|tham dự|đánh giá|kết luận|biểu dương|chỉ đạo|khẳng định|trình bày|báo cáo|điều hành|tại"
    r"|về|đã|sẽ|và|với|lưu ý|giới thiệu|thông qua|làm việc|thăm|trao|tặng|chúc mừng|ghi nhận"
    r"|đề xuất|thống nhất|quán triệt|phát động|có|được|nêu|tiếp thu|giải trình|ký|cảm ơn"
    r"|mong muốn|chia sẻ|động viên|khai mạc|bế mạc|đọc|công bố|trả lời|là|cũng|đến|khi|để"
    r"|nhận|đi|làm|trong|theo|thay mặt|gửi|ở|từ|do|vì|khẳng|khuyến khích|chỉ ra|đồng thời"
    r"|lãnh đạo|phân tích|kêu gọi|quán|hoan nghênh|mong|đánh|phụ trách|tổ chức|điều"
    r"|tái đắc cử|tái cử|đắc cử|giữ chức|gồm)(?=\s|$|[,.;:])"
)
_MAX_OFFICES = 6
_MAX_RUN = 10  # a name and a place before it; longer runs are headings, not names
_PIECE_END = re.compile(r"[;.:\n()\"]|\s[-–]\s")


@dataclass(frozen=True)
class Mention:
    """One appearance of a name: where it is and the offices given there."""

    name: str
    start: int
    end: int
    positions: tuple[str, ...]


def _name_in_run(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The personal name inside a run of capitalised words, as offsets, or None.

    A leading place name is dropped ("Lâm Đồng Trần Đức Quận" is Trần Đức Quận, of
    Lâm Đồng), and so is anything after an office word ("… Được Bí thư").
    """
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", doc.text[start:end])]
    words = words[:_MAX_RUN]
    tokens = [doc.search[a:b] for a, b in words]
    for i in range(1, len(tokens)):
        if _OFFICE_AT.match(doc.search[words[i][0] : words[-1][1]]):
            words, tokens = words[:i], tokens[:i]
            break
    # Ê Đê and Jrai names open with a gender marker and end with the family name:
    # "H'Yim Kđoh", "Y Biêr Niê".
    first = next((i for i, t in enumerate(tokens) if t in SURNAMES or t.startswith("H'")), None)
    if first is None:
        return None
    if tokens[first] in _HONORIFICS and len(tokens) - first >= 3:
        first += 1
    for cut in range(min(len(tokens) - 2, 3), 0, -1):
        if tokens[cut] in SURNAMES and gazetteer.is_place(" ".join(tokens[first:cut])):
            first = cut
            break
    words = words[first:]
    if not 2 <= len(words) <= 5:
        return None
    name = doc.text[words[0][0] : words[-1][1]]
    if name in _NOT_NAMES or gazetteer.is_place(name):
        return None
    return words[0][0], words[-1][1]


def _name_in_run_of(doc: Doc, start: int, end: int) -> bool:
    """Whether a personal name appears between two offsets."""
    return any(
        _name_in_run(doc, start + m.start(), start + m.end())
        for m in _CAPITAL_RUN.finditer(doc.search[start:end])
    )


def _offices_after(doc: Doc, pos: int) -> list[str]:
    """Offices listed right after a name: " - A, B" or ", A, B", up to a verb or ";"."""
    m = re.match(r"\s?(?:-|,|\()\s?", doc.search[pos:])
    if not m:
        return []
    pos += m.end()
    offices: list[str] = []
    limit = min(len(doc.search), pos + 300)
    while pos < limit and len(offices) < _MAX_OFFICES:
        rest = doc.search[pos : pos + 200]
        end = _PIECE_END.search(rest)
        piece = rest[: end.start()] if end else rest
        comma = piece.find(",")
        if comma >= 0:
            piece = piece[:comma]
        stop = _STOP.search(piece)
        if stop:
            piece = piece[: stop.start()]
        text = doc.cut(pos, pos + len(piece))
        if _CAPITAL_RUN.search(piece) and _name_in_run_of(doc, pos, pos + len(piece)):
            break  # the next person's name: their offices are theirs
        if _OFFICE_AT.match(piece):
            offices.append(text)
        elif (
            offices and text and text[0].isupper() and not _name_in_run(doc, pos, pos + len(piece))
        ):
            offices[-1] = f"{offices[-1]}, {text}"
        else:
            break
        if stop or comma < 0:
            break
        pos += comma + 1
    return [o for o in offices if o]


def _offices_before(doc: Doc, pos: int) -> list[str]:
    """Offices written just before a name: "Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh - X" or
    "Phó Bí thư Tỉnh ủy X". Reads back to the start of the clause.
    """
    # "(cũ)" after a place ("Chủ tịch HĐND tỉnh Kon Tum (cũ) X") closes no clause.
    head = _FORMER_PLACE.sub(lambda m: " " * len(m.group()), doc.search[max(0, pos - 200) : pos])
    base = max(0, pos - 200)
    m = re.search(r"\s?(?:-\s)?$", head)
    head = head[: m.start()] if m else head
    clause_start = max(head.rfind(ch) for ch in ";.:\n(")
    pieces = []
    cursor = len(head)
    for piece_start in [*[i + 1 for i, ch in enumerate(head) if ch == ","][::-1], clause_start + 1]:
        if piece_start <= clause_start:
            piece_start = clause_start + 1
        piece = head[piece_start:cursor]
        office = None
        for found in _OFFICE_START.finditer(piece):
            if not _STOP.search(piece[found.start() :]):
                office = found
                break
        if office is None:
            break
        pieces.append(doc.cut(base + piece_start + office.start(), base + cursor))
        if office.start() > 0 and piece[: office.start()].strip() not in (
            "",
            "Đồng chí",
            "đồng chí",
        ):
            break
        cursor = piece_start - 1
        if piece_start == clause_start + 1:
            break
    return [p for p in reversed(pieces) if p]


_FORMER_PLACE = re.compile(r"\((?:cũ|mới)\)")
# "các Phó Chủ tịch UBND tỉnh: A, B và C", "các Phó Chủ tịch HĐND tỉnh là ông A và ông B".
_LIST_OFFICE = re.compile(
    rf"((?:{OFFICE})[^:;.\n]{{0,80}}?)(?::|\s(?:là|gồm))\s?(?:(?:ông|bà|đồng chí)\s)?$"
)
_LIST_JOIN = re.compile(r"^\s?(?:,|và|;)\s?(?:(?:ông|bà|đồng chí)\s)?$")


def _office_of_list(doc: Doc, pos: int) -> str | None:
    """The office that heads a list of names, the one nearest the list when a clause
    names several ("Chủ tịch UBND tỉnh X, cùng các Phó Chủ tịch UBND tỉnh: A, B")."""
    floor = max(0, pos - 100)
    for start in reversed([o.start() for o in _OFFICE_START.finditer(doc.search, floor, pos)]):
        m = _LIST_OFFICE.match(doc.search, start, pos)
        if m and m.end() == pos and not _STOP.search(m.group(1)):
            return doc.cut(m.start(1), m.end(1))
    return None


def find_mentions(doc: Doc) -> list[Mention]:
    """Every personal name in the text, in order, with the offices stated beside it."""
    mentions: list[Mention] = []
    list_office = None
    for run in _CAPITAL_RUN.finditer(doc.search):
        span = _name_in_run(doc, run.start(), run.end())
        if span is None:
            continue
        start, end = span
        offices = _offices_before(doc, start) + _offices_after(doc, end)
        if offices:
            list_office = None
        else:
            follows = mentions and _LIST_JOIN.match(doc.search[mentions[-1].end : start])
            list_office = _office_of_list(doc, start) or (list_office if follows else None)
            offices = [list_office] if list_office else []
        mentions.append(Mention(doc.text[start:end], start, end, tuple(offices)))
    return mentions


_ABBREVIATIONS = [
    ("ban chấp hành", "bch"), ("ủy ban nhân dân", "ubnd"), ("hội đồng nhân dân", "hđnd"),
    ("ban thường vụ", "btv"), ("mặt trận tổ quốc", "mttq"),
]  # fmt: skip


def _office_key(office: str) -> str:
    k = gazetteer.key(office)
    for long, short in _ABBREVIATIONS:
        k = k.replace(long, short)
    return k


def people_from(mentions: list[Mention]) -> list[tuple[str, list[str]]]:
    """One entry per person who holds an office, offices merged in order of mention."""
    merged: dict[str, tuple[str, list[str], set[str]]] = {}
    for mention in mentions:
        key = gazetteer.key(mention.name)
        _name, offices, seen = merged.setdefault(key, (mention.name, [], set()))
        for office in mention.positions:
            office_key = _office_key(office)
            if office_key not in seen:
                seen.add(office_key)
                offices.append(office)
    return [(name, offices) for name, offices, _ in merged.values() if offices]
