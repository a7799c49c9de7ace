"""Following every link a signed-in person is shown, as the crawler test and the
accessibility test both do."""

from __future__ import annotations

import re
from collections import Counter, deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from nghiquyet.core.demo import demo_load
from nghiquyet.meetings.demo import GUEST_USERNAME

MAX_PAGES = 80
MAX_VARIANTS = 3
#: Not pages: the admin's own screens (beyond its index), files, the API, signing out.
SKIP = re.compile(r"^/(admin/.+|api/|static/|media/|logout/|i18n/)|\.(xlsx|docx|pdf)$")

#: Interface text that shows a page was not translated, per language shown.
UNTRANSLATED = {
    "vi": re.compile(
        r"\b(Log out|Log in|Home|Submitted|Approved|Returned|Exceeded|Not met|Forbidden|"
        r"Not Found|Server Error|History of)\b"
    ),
    "en": re.compile(r"Đăng xuất|Trang chủ|Lịch sử thay đổi|\bquý [IVX]+/\d{4}"),
}


class _Page(HTMLParser):
    """The links and the visible text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.text: list[str] = []
        self.inline_styles: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._hidden += 1
        if tag == "style" or any(name == "style" for name, _value in attrs):
            self.inline_styles.append(self.get_starttag_text() or tag)
        href = dict(attrs).get("href")
        if tag == "a" and href and not href.startswith(("mailto:", "tel:", "javascript:")):
            self.links.append(href)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.text.append(data)


@dataclass
class Crawl:
    """What one visit found: the problems, and the pages that answered with HTML."""

    problems: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)


def crawl(client: Client, language: str) -> Crawl:
    """Visit what the client is shown from the home page."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    result = Crawl()
    problems = result.problems
    seen: set[str] = set()
    variants: Counter[str] = Counter()
    queue = deque([("/", "start")])
    while queue and len(seen) < MAX_PAGES:
        url, came_from = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code in (301, 302):
            continue
        if response.status_code != 200:
            problems.append(f"{response.status_code} {url} (linked from {came_from})")
            continue
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        result.pages.append(url)
        policy = response.get("Content-Security-Policy", "")
        if not re.search(r"style-src 'self'(;|$)", policy):
            problems.append(f"style-src of the Content-Security-Policy is {policy!r} on {url}")
        page = _Page()
        page.feed(response.content.decode())
        if page.inline_styles:
            problems.append(f"inline style {page.inline_styles[0]!r} on {url}")
        text = " ".join(" ".join(page.text).split())
        if found := UNTRANSLATED[language].search(text):
            problems.append(f"untranslated {found.group(0)!r} on {url}")
        for href in page.links:
            target = urldefrag(urljoin(url, href)).url
            parts = urlsplit(target)
            if parts.netloc not in ("", "testserver") or SKIP.search(parts.path):
                continue
            local = parts.path + (f"?{parts.query}" if parts.query else "")
            if local in seen:
                continue
            if parts.query:
                variants[parts.path] += 1
                if variants[parts.path] > MAX_VARIANTS:
                    continue
            queue.append((local, url))
    return result


def url_pattern(url: str) -> str:
    """The page's kind: its path with record numbers and query values blanked."""
    parts = urlsplit(url)
    path = re.sub(r"/\d+(?=/|\.|$)", "/N", parts.path)
    keys = sorted({pair.split("=", 1)[0] for pair in parts.query.split("&") if pair})
    return path + (f"?{'&'.join(keys)}" if keys else "")


def demo_personas(*, as_of) -> dict:
    """Every demo login, the administrator and the invited guest, plus a visitor (None)."""
    home, other = demo_load(as_of=as_of)
    accounts = get_user_model().objects
    return {
        **{f"dongthap_{key}": user for key, user in home.users.items()},
        "laichau_office": other.office,
        "admin": accounts.get(username="admin"),
        "guest": accounts.get(username=GUEST_USERNAME),
        "visitor": None,
    }
