"""One article in, one `Extraction` out: the order in which the pieces are read.

Spans claimed by summaries ("các chỉ tiêu còn lại đạt từ 41% trở lên") and task groups
are kept out of the figures, and the article's own year (its publication date, else
its meeting) is what "a later year is a plan" is measured against.
"""

from __future__ import annotations

from .dates import discussed_years
from .documents import find_documents_in
from .figures import find_figures
from .furniture import strip_furniture
from .headline import (
    find_published,
    find_title,
    is_date_line,
    place_of_issue,
    strip_appended_date,
)
from .html import Page, looks_like_html, read_page
from .meetings import complete, find_first_conference, find_meeting
from .people import find_mentions, people_from
from .places import find_province
from .records import Extraction, Figure, Person
from .summaries import distinct as distinct_summaries
from .summaries import find_summaries
from .tasks import distinct as distinct_groups
from .tasks import find_task_groups
from .text import Claimed, Doc, looks_vietnamese, normalise, paragraph_spans, sentence_spans

MAX_CHARS = 2_000_000  # longer input is cut: no article is this long, and time stays bounded


def prepare(raw: str, *, html: bool | None = None) -> tuple[str, Page | None]:
    """Plain article text (furniture removed) and the page metadata when input was HTML."""
    raw = raw[:MAX_CHARS]
    page = None
    if html or (html is None and looks_like_html(raw)):
        page = read_page(raw)
        raw = page.text
    return strip_furniture(normalise(raw)), page


def extract(
    raw: str, *, document: str | None = None, html: bool | None = None, fragment: bool = False
) -> Extraction:
    """Read one article (plain text, or a saved HTML page) into records.

    `document` is the name to report (the input file's base name); `html=None` detects
    HTML from the input itself; `fragment=True` reads pasted text that has no headline
    or date line. Text that is not Vietnamese gives empty records.
    """
    text, page = prepare(raw, html=html)
    return extract_prepared(text, page, document=document, fragment=fragment)


def extract_prepared(
    text: str, page: Page | None, *, document: str | None = None, fragment: bool = False
) -> Extraction:
    """`extract` for text that has already been through `prepare` (the CLI checks the
    language of the prepared text first, and should not prepare it twice)."""
    result = Extraction(document=document)
    if not looks_vietnamese(text):
        return result
    lines = text.split("\n")
    title, title_line = (None, -1) if fragment else find_title(lines)
    if page and page.title:
        title = page.title
    if title:
        title = strip_appended_date(title)
    published = (page.published if page else None) or (
        None if fragment else find_published(lines, title_line, discussed_years(text))
    )
    result.title = title
    result.published = published.iso() if published else None

    # A date line is dropped from the body, but the place a resolution was issued at
    # ("Tiền Giang, ngày 15/12/2011") stays: it says which province it is.
    body_lines = [
        "" if i == title_line else place_of_issue(line) if is_date_line(line) else line
        for i, line in enumerate(lines)
    ]
    doc = Doc("\n".join(body_lines))
    headline = Doc(title or "")
    sentences = sentence_spans(doc.text)
    paragraphs = paragraph_spans(doc.text)

    hosts = page.hosts if page else ()
    result.province = find_province(doc, hosts, headline=headline)
    mentions = find_mentions(doc)
    headline_mentions = find_mentions(headline)
    years = discussed_years(doc.search)
    meeting = find_meeting(
        doc,
        sentences,
        mentions,
        headline=headline.search,
        published=published,
        years=years,
    )
    if title:
        # The headline often names what the lead leaves out ("… lần thứ 16 (khóa XV)"),
        # and a one-line input has nothing but its headline.
        from_headline = find_meeting(
            headline, sentence_spans(headline.text), headline_mentions, published=published
        )
        meeting = complete(meeting, from_headline) if meeting else from_headline
    if meeting:
        result.meetings.append(meeting)
    if meeting and meeting.kind == "dai_hoi":
        first = find_first_conference(
            doc, sentences, mentions, meeting, published=published, years=years
        )
        if first:
            result.meetings.append(first)
    result.people = [
        Person(name, positions) for name, positions in people_from(headline_mentions + mentions)
    ]
    # A document may be named only in the headline ("… triển khai Nghị quyết 57-NQ/TW").
    result.documents = find_documents_in(headline, doc)

    summaries = find_summaries(doc)
    groups = find_task_groups(doc)
    result.summaries = distinct_summaries(find_summaries(headline) + summaries)
    result.task_groups = distinct_groups(find_task_groups(headline) + groups)

    reference_year = None
    if published and published.year:
        reference_year = published.year
    elif meeting and meeting.date and not meeting.date.startswith("--"):
        reference_year = int(meeting.date[:4])
    excluded = Claimed(len(doc.text))
    for span in [(f.start, f.end) for f in summaries] + [(g.start, g.end) for g in groups]:
        excluded.add(*span)
    for found in find_figures(
        doc, sentences, paragraphs, excluded=excluded, reference_year=reference_year
    ):
        (result.targets if found.is_target else result.results).append(found.figure)
    # A figure may be stated only in the headline ("… phấn đấu tăng trưởng năm 2025 đạt
    # trên 10%"); one the body states again, even rounded ("ước gần 11.000 tỷ đồng"
    # over "10.967 tỷ đồng"), is listed once.
    for found in find_figures(
        headline,
        sentence_spans(headline.text),
        paragraph_spans(headline.text),
        excluded=Claimed(len(headline.text)),
        reference_year=reference_year,
    ):
        if not any(_restates(found.figure, f) for f in result.targets + result.results):
            (result.targets if found.is_target else result.results).append(found.figure)
    return result


_ROUNDING = 0.05  # a headline rounds a figure by a few per cent at most


def _restates(headline_figure: Figure, body_figure: Figure) -> bool:
    """Whether a headline's figure is a body figure again, as written or rounded."""
    if headline_figure.unit.lower() != body_figure.unit.lower():
        return False
    a, b = float(headline_figure.value), float(body_figure.value)
    return abs(a - b) <= _ROUNDING * max(abs(a), abs(b))
