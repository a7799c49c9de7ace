"""The meeting an article reports: which body met, which session, when, where, how long,
and who presided.

The body is read from the words that name the meeting ("Hội nghị Ban Chấp hành Đảng bộ
tỉnh lần thứ 17", "Kỳ họp thứ 20, HĐND tỉnh khóa X", "phiên họp thường kỳ UBND tỉnh");
when those words name no body ("Hội nghị lần thứ 4"), from the clause that organised
it ("Ban Chấp hành Đảng bộ tỉnh tổ chức …"), and last from the headline ("Thường trực
Tỉnh ủy cho ý kiến …"). Participants introduced by "với", "cùng" are not the body.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .dates import PartialDate, find_event_dates, infer_year
from .meeting_details import CHAIR, VENUE, chairs_in, duration_in
from .numbers import NUMBER_WORD, ROMAN, parse_count, to_roman
from .people import Mention
from .records import Meeting
from .text import Doc

_ANCHOR = re.compile(
    # "Trung tâm Hội nghị tỉnh", "Cung Hội nghị" are places, not meetings.
    r"(?=[hkpcđHKPCĐ])(?<![\w])(?<!Trung tâm )(?<!trung tâm )(?<!Cung )"
    r"(?:hội nghị|kỳ họp|phiên họp|phiên thường kỳ|phiên chuyên đề"
    r"|cuộc họp|họp báo|đại hội)(?![\w])",
    re.IGNORECASE,
)
# A congress is a meeting of a Party organisation ("Đại hội đại biểu Đảng bộ tỉnh lần thứ
# XVI"); the national congress and a congress's resolution cited in passing are not.
# "đại hội đảng bộ cơ sở", "đại hội Đảng bộ các cấp" are congresses below the province.
_CONGRESS_BODY = re.compile(
    r"^(?:\s+đại biểu)?\s+Đảng bộ(?!\s+(?:cơ sở|các cấp|cấp|xã|phường|thị trấn|huyện|quận"
    r"|thị xã|bộ phận|trực thuộc))",
    re.IGNORECASE,
)
# "tổ chức thành công 7 kỳ họp", "tại các kỳ họp": a count of meetings names none of them.
_COUNTED = re.compile(r"(?:\d+|hai|ba|bốn|sáu|bảy|tám|chín|mười)\s+$", re.IGNORECASE)
_CONGRESS_ACTS = re.compile(
    r"\s(?:diễn ra|khai mạc|bế mạc|đã|được tổ chức|sẽ|thành công|làm việc|tiến hành)\b"
)
# "Đại hội đại biểu Đảng bộ tỉnh …" in a headline names a congress, not the committee.
_CONGRESS_NAME = re.compile(r"Đại hội(?:\s+đại biểu)?\s+Đảng bộ(?:\s+tỉnh)?", re.IGNORECASE)
_SPAN_SENTENCES = 6  # a meeting's span is stated near its first mention
_LEAD_SENTENCES = 3  # the sentences that say what the article reports
_BODY_MEETS = re.compile(
    r"(?=[BTUỦ])(Ban Thường vụ (?:Tỉnh|Thành) ủy|Thường trực (?:Tỉnh|Thành) ủy"
    r"|UBND (?:tỉnh|thành phố)|Ủy ban nhân dân (?:tỉnh|thành phố)|Thường trực HĐND tỉnh)"
    r" họp(?= (?:cho|bàn|nghe|xem|thông|đánh|về|phiên|định kỳ|thường kỳ|chuyên đề))"
)
# A meeting that documents are prepared for is a later one: "… trình Hội nghị Ban Chấp
# hành Đảng bộ tỉnh cuối năm".
_LATER = re.compile(r"(?:trình|chuẩn bị cho|chuẩn bị|sắp tới của)\s*$", re.IGNORECASE)
_CITED = re.compile(r"(?:nghị quyết|NQ|văn kiện|tinh thần|chào mừng|hướng tới|trước)\s*$", re.I)

# Longest names first: "Ban Thường vụ Tỉnh ủy" must not be read as "Tỉnh ủy".
_BODIES = [
    (r"Thường trực (?:Tỉnh|Thành) ủy", "thuong_truc"),
    (r"Ban Thường vụ|BTV", "btv"),
    (r"Ban Chấp hành Trung ương|BCH Trung ương|Trung ương Đảng", "other"),
    (r"Ban Chấp hành|BCH|(?<!Ban Thường vụ )(?<!BTV )(?:Tỉnh|Thành) ủy|Đảng bộ tỉnh", "bch"),
    (r"Thường trực HĐND|Thường trực Hội đồng nhân dân", "other"),
    (r"HĐND|Hội đồng nhân dân", "hdnd"),
    (r"UBND|Ủy ban nhân dân", "ubnd"),
    (r"Quốc hội", "other"),
]
_BODY_RE = re.compile("|".join(f"(?P<k{i}>{p})" for i, (p, _) in enumerate(_BODIES)))
_KINDS = [kind for _, kind in _BODIES]

# Words after the meeting noun that end its name ("… lần thứ 16 tổng kết …").
_NAME_END = re.compile(
    # "Thông tin tại Hội nghị, ông X – Trưởng Ban Tuyên giáo Tỉnh ủy …": a person opens
    # another clause.
    r"[.;:\n]|,\s(?:ông|bà|đồng chí)\s"
    r"|\s(?:tổng kết|thông qua|bàn|cho ý kiến|thảo luận|đánh giá|xem xét|để|nhằm|về"
    r"|với|cùng|đã|diễn ra|tại|vào|do|chủ trì|được|triển khai|quán triệt|sơ kết|thực hiện"
    r"|lấy ý kiến|góp ý|nghe|biểu quyết|khai mạc|bế mạc|kết thúc|trình|có|là|nêu|làm việc"
    r"|tiến hành|thống nhất|ban hành|sẽ|và|trực tuyến|nhằm|năm \d{4})(?=[\s,.;:]|$)"
)
_ORGANISER_END = re.compile(
    r"\s(?:tổ chức(?: khai mạc)?|khai mạc(?: trọng thể)?|triệu tập|họp|tiến hành)\s*$"
)
# "lần thứ 17", "Kỳ họp thứ Mười", and without "thứ" in digits: "Kỳ họp 9", "lần 2".
_SESSION = re.compile(
    rf"(?:lần|kỳ họp|phiên họp|phiên)\s+(?:thứ\s+(\d{{1,3}}|{ROMAN}|{NUMBER_WORD})"
    rf"|(\d{{1,3}}|{ROMAN}))(?![\w])",
    re.IGNORECASE,
)
# "khóa XIV", "Khóa XI", "khóa 6" (terms are Roman numerals however they are written).
_TERM = re.compile(rf"(?:[Kk]hóa|KHÓA)\s+({ROMAN}|\d{{1,2}})(?![\w])")
# A term written just before the meeting noun: "HĐND TỈNH KHÓA VIII - KỲ HỌP THỨ 3".
_TERM_BEFORE = re.compile(rf"(?:[Kk]hóa|KHÓA)\s+({ROMAN}|\d{{1,2}})\s*[-,–]?\s*$")
_EXTENDED = re.compile(r"mở rộng", re.IGNORECASE)


class _Shifted:
    """A match seen from the start of its sentence rather than of the text."""

    def __init__(self, match: re.Match[str], offset: int) -> None:
        self._match, self._offset = match, offset

    def start(self) -> int:
        return self._match.start() - self._offset

    def end(self) -> int:
        return self._match.end() - self._offset

    def group(self) -> str:
        return self._match.group()


@dataclass
class _Candidate:
    kind: str
    start: int
    sentence: tuple[int, int]
    session: int | None
    term: str | None
    extended: bool
    press: bool = False


def _roman(written: str) -> str:
    """ "6" and "VI" are the same term; the contract writes terms in Roman numerals."""
    return to_roman(int(written)) if written.isdigit() else written.upper()


def _body_kind(window: str, *, last: bool = False) -> str | None:
    matches = list(_BODY_RE.finditer(window))
    if not matches:
        return None
    m = matches[-1] if last else matches[0]
    return next(_KINDS[i] for i, value in enumerate(m.groups()) if value is not None)


def _anchors_by_sentence(
    doc: Doc, sentences: list[tuple[int, int]]
) -> dict[tuple[int, int], list[re.Match[str]]]:
    """Meeting nouns found in one pass over the text, grouped by sentence."""
    starts = [a for a, _ in sentences]
    grouped: dict[tuple[int, int], list[re.Match[str]]] = {}
    for anchor in _ANCHOR.finditer(doc.search):
        i = bisect_right(starts, anchor.start()) - 1
        if i >= 0 and anchor.end() <= sentences[i][1]:
            grouped.setdefault(sentences[i], []).append(anchor)
    return grouped


def _candidates(doc: Doc, sentences: list[tuple[int, int]], headline: str) -> list[_Candidate]:
    found = []
    lead = set(sentences[:_LEAD_SENTENCES])
    for (a, b), anchors in _anchors_by_sentence(doc, sentences).items():
        sentence = doc.search[a:b]
        for found_anchor in anchors:
            anchor = _Shifted(found_anchor, a)
            tail = sentence[anchor.end() : anchor.end() + 200]
            cut = _NAME_END.search(tail)
            name = tail[: cut.start()] if cut else tail
            noun = anchor.group().lower()
            if _LATER.search(sentence[max(0, anchor.start() - 20) : anchor.start()]):
                continue
            if _COUNTED.search(sentence[max(0, anchor.start() - 12) : anchor.start()]):
                continue
            kind = _body_kind(name)
            if noun == "đại hội":
                before = sentence[max(0, anchor.start() - 80) : anchor.start()]
                # "Đảng bộ TP Hải Phòng tổ chức khai mạc Đại hội đại biểu lần thứ 16".
                organised = _ORGANISER_END.search(before) and "Đảng bộ" in before
                # "Đại hội diễn ra từ ngày 14-16/10" under a headline that names the
                # congress is that congress.
                named_above = (
                    headline
                    and _CONGRESS_NAME.search(headline)
                    and doc.text[a + anchor.start()] == "Đ"
                    and _CONGRESS_ACTS.match(tail)
                )
                if not (_CONGRESS_BODY.match(tail) or organised or named_above) or _CITED.search(
                    before
                ):
                    continue
                kind = "dai_hoi"
            elif noun == "họp báo":
                kind = "other"
            organiser = ""
            if kind is None:
                before = sentence[max(0, anchor.start() - 200) : anchor.start()]
                if _ORGANISER_END.search(before):
                    kind = _body_kind(before, last=True)
                    organiser = before if kind else ""
            if kind is None and anchor.group().lower() == "kỳ họp":
                kind = "hdnd"
            if kind is None and headline:
                kind = _body_kind(_CONGRESS_NAME.sub(" ", headline))
            if (
                kind is None
                and noun == "hội nghị"
                and (a, b) in lead
                and find_event_dates(sentence)
            ):
                # "… tại Hội nghị rút kinh nghiệm đại hội điểm, ngày 7-4-2015": a dated
                # conference in the lead whose body is not named is still a meeting.
                kind = "other"
            if kind is None:
                continue
            session = _SESSION.search(anchor.group() + " " + name)
            # The name may stop at its year ("kỳ họp thường lệ cuối năm 2025 HĐND tỉnh khoá
            # XV"): the term is looked for a little further, then just before the noun.
            term = (
                _TERM.search(name)
                or _TERM.search(organiser)
                or _TERM.search(re.split(r"[.;:\n]", tail[:60])[0])
                or _TERM_BEFORE.search(sentence[max(0, anchor.start() - 30) : anchor.start()])
            )
            found.append(
                _Candidate(
                    kind=kind,
                    start=a + anchor.start(),
                    sentence=(a, b),
                    # A press conference about a session is not that session.
                    session=parse_count(session.group(1) or session.group(2))
                    if session and noun != "họp báo"
                    else None,
                    term=_roman(term.group(1)) if term else None,
                    extended=bool(_EXTENDED.search(name)),
                    press=noun == "họp báo",
                )
            )
    # "Ban Thường vụ Tỉnh ủy họp cho ý kiến …": the body meets without a meeting noun.
    starts = [a for a, _ in sentences]
    for m in _BODY_MEETS.finditer(doc.search):
        i = bisect_right(starts, m.start()) - 1
        if i >= 0:
            kind = _body_kind(m.group(1)) or "other"
            found.append(_Candidate(kind, m.start(), sentences[i], None, None, False))
    return sorted(found, key=lambda c: c.start)


def complete(meeting: Meeting, other: Meeting | None) -> Meeting:
    """Fill what `meeting` leaves unknown from another mention of the same meeting."""
    if other is None or other.kind != meeting.kind:
        return meeting
    if meeting.session is not None and other.session not in (None, meeting.session):
        return meeting
    meeting.session = meeting.session or other.session
    meeting.term = meeting.term or other.term
    meeting.extended = meeting.extended or other.extended
    meeting.date = meeting.date or other.date
    meeting.venue = meeting.venue or other.venue
    meeting.duration_days = meeting.duration_days or other.duration_days
    meeting.chairs = meeting.chairs or other.chairs
    return meeting


def find_meeting(
    doc: Doc,
    sentences: list[tuple[int, int]],
    mentions: list[Mention],
    *,
    headline: str = "",
    published: PartialDate | None = None,
    years: list[int] | None = None,
) -> Meeting | None:
    """The main meeting of the article, or None when it reports none.

    The first meeting the text names (headline and lead first) is the main one; later
    mentions of the same kind fill in what the first left out (session, term).
    """
    candidates = _candidates(doc, sentences, headline)
    if not candidates:
        return None
    # A provincial meeting first: "Hội nghị Trung ương 8" is usually cited, not reported;
    # but an article that opens on a press conference reports that press conference.
    main = (
        candidates[0]
        if candidates[0].press
        else next((c for c in candidates if c.kind != "other"), candidates[0])
    )
    # A first mention without a number (a photo caption) leaves it to a later one
    # ("… lần thứ 22 (mở rộng)").
    session = main.session or next(
        (c.session for c in candidates if c.kind == main.kind and c.session), None
    )
    related = [c for c in candidates if c.kind == main.kind and c.session in (None, session)]
    term = next((c.term for c in related if c.term), None)
    extended = any(c.extended for c in related)

    ordered = sorted({c.sentence for c in related})
    lead = [s for s in sentences if s[0] >= main.sentence[0]][:4]
    date_sentences = [main.sentence] + [s for s in ordered + lead if s != main.sentence]
    when = None
    days = None
    for a, b in date_sentences:
        dates = find_event_dates(doc.search[a:b])
        if dates:
            when, days = dates[0].start, dates[0].days
            break
    if when is not None and not days:
        # "Chiều nay 23/9, … phiên trù bị …. Đại hội diễn ra từ ngày 22-24/9": a day
        # inside a stated span is one sitting of the meeting the span dates.
        for a, b in date_sentences[:_SPAN_SENTENCES]:
            span = next((d for d in find_event_dates(doc.search[a:b]) if d.days), None)
            if (
                span
                and span.start.month == when.month
                and (span.start.day <= when.day < span.start.day + span.days)
            ):
                when, days = span.start, span.days
                break
    date = None
    if when is not None:
        date = when.with_year(infer_year(when, published, years or [])).iso()

    venue = None
    for a, b in date_sentences:
        m = VENUE.search(doc.search, a, b)
        if m:
            venue = doc.cut(m.start(1), m.end(1))
            break

    # The first sentence that names who presided ("Sở X chủ trì, phối hợp…" names no one).
    chairs: list[str] = []
    for sentence in sentences:
        if CHAIR.search(doc.search, *sentence):
            chairs = chairs_in(doc, mentions, sentence)
            if chairs:
                break
    return Meeting(
        kind=main.kind,
        session=session,
        term=term,
        extended=extended,
        date=date,
        venue=venue,
        duration_days=duration_in(doc, sentences) or days,
        chairs=chairs,
    )


# "Hội nghị lần thứ nhất Ban Chấp hành Đảng bộ tỉnh khóa XVI", "Ban Chấp hành Đảng bộ tỉnh
# khóa XVI họp Hội nghị lần thứ nhất": the new committee's first conference, held during
# the congress to elect the standing committee and the secretary.
_FIRST_CONFERENCE = re.compile(
    rf"Hội nghị (?:lần )?thứ (?:nhất|1|I)\s+(?:của\s+)?Ban Chấp hành Đảng bộ[^.;:\n]{{0,60}}?"
    rf"[Kk]hóa\s+(?P<term>{ROMAN}|\d{{1,2}})(?![\w])"
    rf"|Ban Chấp hành Đảng bộ[^.;:\n]{{0,60}}?[Kk]hóa\s+(?P<term2>{ROMAN}|\d{{1,2}})(?![\w])"
    r"[^.;:\n]{0,40}?Hội nghị (?:lần )?thứ (?:nhất|1|I)(?![\w])",
)


def find_first_conference(
    doc: Doc,
    sentences: list[tuple[int, int]],
    mentions: list[Mention],
    congress: Meeting,
    *,
    published: PartialDate | None = None,
    years: list[int] | None = None,
) -> Meeting | None:
    """The new committee's first conference a congress article reports beside the
    congress, dated by its own sentence or, held "cùng ngày", by the congress."""
    m = _FIRST_CONFERENCE.search(doc.search)
    if m is None:
        return None
    starts = [a for a, _ in sentences]
    i = bisect_right(starts, m.start()) - 1
    sentence = sentences[i] if i >= 0 else (0, len(doc.search))
    dates = find_event_dates(doc.search[sentence[0] : sentence[1]])
    if dates:
        when = dates[0].start
        date = when.with_year(infer_year(when, published, years or [])).iso()
    else:
        date = congress.date
    chairs = chairs_in(doc, mentions, sentence) if CHAIR.search(doc.search, *sentence) else []
    return Meeting(
        kind="bch",
        session=1,
        term=_roman(m.group("term") or m.group("term2")),
        extended=False,
        date=date,
        venue=None,
        duration_days=None,
        chairs=chairs,
    )
