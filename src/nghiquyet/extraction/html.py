"""Saved news pages to article text.

readability-lxml finds the article block; two gaps are closed here. Provincial sites
often put the lead paragraph (the sapo, which holds the date, the body, the session
and the chairs) in its own box above the article block, so a lead that the main
block lacks is put back in front of it. And readability keeps counters and share bars
that sit inside the block, so its output goes through the same furniture filter as
plain text (in the engine). The headline, publication date and site name come from
the page's metadata, which news sites fill in reliably.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlparse

import lxml.html
from lxml import etree
from readability import Document

from .dates import PartialDate, parse_full_date

_BLOCKS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article",
    "blockquote", "figcaption", "header", "footer", "table", "ul", "ol", "dd", "dt", "pre",
}  # fmt: skip
_DROP = [
    "script",
    "style",
    "noscript",
    "form",
    "button",
    "iframe",
    "svg",
    "audio",
    "video",
    "input",
    "select",
    "textarea",
]
_LEAD_CLASS = re.compile(
    r"sapo|lead|chapeau|summary|description|intro|tomtat|tom-tat|excerpt", re.I
)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    published: PartialDate | None
    hosts: tuple[str, ...]


def looks_like_html(raw: str) -> bool:
    head = raw[:2000].lower()
    return (
        "<html" in head
        or "<body" in head
        or "<!doctype html" in head
        or (head.lstrip().startswith("<") and ("<p" in head or "<div" in head))
    )


def _text_of(element: lxml.html.HtmlElement) -> str:
    """Visible text with a line break after every block, as a reader sees it."""
    for node in list(element.iter(*_DROP)):
        node.drop_tree()
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        if node.tag == "br":
            node.tail = "\n" + (node.tail or "")
        elif node.tag in _BLOCKS:
            node.tail = "\n" + (node.tail or "")
            if node.text:
                node.text = "\n" + node.text
    text = element.text_content()
    return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())


def _meta(tree: lxml.html.HtmlElement, *names: str) -> str | None:
    for name in names:
        for node in tree.xpath(
            f'//meta[@property="{name}" or @name="{name}" or @itemprop="{name}"]'
        ):
            content = (node.get("content") or "").strip()
            if content:
                return content
    return None


def _published(tree: lxml.html.HtmlElement) -> PartialDate | None:
    stamp = _meta(tree, "article:published_time", "datePublished", "pubdate", "date", "dc.date")
    if stamp is None:
        times = tree.xpath("//time[@datetime]/@datetime")
        stamp = times[0] if times else None
    if stamp:
        m = _ISO_DATE.search(stamp)
        if m:
            return PartialDate(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return parse_full_date(stamp)
    return None


def _hosts(tree: lxml.html.HtmlElement, url: str | None) -> tuple[str, ...]:
    candidates = [url, _meta(tree, "og:url")]
    candidates += tree.xpath('//link[@rel="canonical"]/@href')
    hosts = []
    for candidate in candidates:
        if candidate:
            host = urlparse(candidate).hostname
            if host:
                hosts.append(host)
    return tuple(dict.fromkeys(hosts))


def _headline_node(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    for xpath in ("//h1", "//*[contains(@class,'title')][self::h2 or self::h3]"):
        for node in tree.xpath(xpath):
            if len(node.text_content().split()) >= 3:
                return node
    return None


def _headline(tree: lxml.html.HtmlElement, fallback: str) -> str | None:
    node = _headline_node(tree)
    title = node.text_content() if node is not None else _meta(tree, "og:title") or fallback
    return " ".join(title.split()) if title else None


def _kicker(tree: lxml.html.HtmlElement) -> str | None:
    """The line above the headline that introduces it ("Hội nghị lần thứ 4 …:"), which
    often names the meeting's session and term.
    """
    node = _headline_node(tree)
    if node is None:
        return None
    before = node.getprevious()
    if before is None or not isinstance(before.tag, str):
        return None
    text = " ".join(before.text_content().split())
    return text if text.endswith(":") and len(text.split()) >= 3 else None


def _leads(tree: lxml.html.HtmlElement) -> list[str]:
    """Lead paragraphs: boxes classed as a sapo, and the first paragraph after the headline."""
    leads = []
    for node in tree.iter():
        if not isinstance(node.tag, str):
            continue
        classes = f"{node.get('class', '')} {node.get('id', '')}"
        if node.tag in ("p", "div", "h2", "strong") and _LEAD_CLASS.search(classes):
            text = " ".join(node.text_content().split())
            if len(text) > 40:
                leads.append(text)
    headings = tree.xpath("//h1")
    if headings:
        following = headings[0].xpath("following::p[string-length(normalize-space()) > 60][1]")
        if following:
            leads.append(" ".join(following[0].text_content().split()))
    return list(dict.fromkeys(leads))


def read_page(raw: str, url: str | None = None) -> Page:
    """The article of a saved page as plain lines: headline, lead, body."""
    try:
        tree = lxml.html.fromstring(raw)
    except (etree.ParserError, ValueError):
        return Page(text="", title=None, published=None, hosts=())
    document = Document(raw)
    try:
        summary = document.summary(html_partial=True)
        body = _text_of(lxml.html.fromstring(summary)) if summary.strip() else ""
    except (etree.ParserError, ValueError, TypeError):
        body = ""
    title = _headline(tree, document.short_title())
    flat_body = " ".join(body.split())
    leads = [lead for lead in _leads(tree) if lead[:80] not in flat_body]
    kicker = _kicker(tree)
    lines = [kicker] if kicker and kicker not in flat_body else []
    lines += ([title] if title and title not in body else []) + leads + [body]
    return Page(
        text="\n".join(line for line in lines if line),
        title=title,
        published=_published(tree),
        hosts=_hosts(tree, url),
    )
