"""Every persona follows every link it is shown, in Vietnamese and in English.

A link a user is shown must lead somewhere they may go: no 403, 404 or 500 behind
any of them, and no interface text left in the other language. The crawl starts
at the home page, follows same-site GET links breadth first and stops at a bound
per persona and language (query-string variants of one path count a few times).
"""

from __future__ import annotations

import re
from collections import Counter, deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from nghiquyet.core.demo import demo_load
from nghiquyet.meetings.demo import GUEST_USERNAME

pytestmark = pytest.mark.django_db

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
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._hidden += 1
        href = dict(attrs).get("href")
        if tag == "a" and href and not href.startswith(("mailto:", "tel:", "javascript:")):
            self.links.append(href)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.text.append(data)


def crawl(client: Client, language: str) -> list[str]:
    """Visit what the client is shown from the home page; the problems found."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    problems: list[str] = []
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
        page = _Page()
        page.feed(response.content.decode())
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
    return problems


@pytest.fixture
def personas(places):
    """Every demo login, the administrator and the invited guest, plus a visitor."""
    home, other = demo_load(as_of=timezone.localdate())
    accounts = get_user_model().objects
    return {
        **{f"dongthap_{key}": user for key, user in home.users.items()},
        "laichau_office": other.office,
        "admin": accounts.get(username="admin"),
        "guest": accounts.get(username=GUEST_USERNAME),
        "visitor": None,
    }


def test_every_persona_follows_every_link_it_is_shown_in_both_languages(personas):
    problems = []
    for name, user in personas.items():
        for language in ("vi", "en"):
            client = Client()
            if user is not None:
                client.force_login(user)
            problems += [f"{name} [{language}]: {p}" for p in crawl(client, language)]
    assert not problems, "\n".join(problems)
