"""An anonymous visitor crawls the whole public site and never meets a private record.

The crawl starts at the home page, the portal and the API's public endpoints, in
Vietnamese and in English, follows every same-site link (pages, CSV, JSON, the zip,
the widgets) and opens every file. No response may hold a private resolution, a
draft, a figure that was not approved (however it is written), an agency's note or
return reason, a task, or the login or name of anyone on the staff.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from nghiquyet.documents.models import Document
from nghiquyet.targets.models import Indicator, Target

from .conftest import MARKERS

pytestmark = pytest.mark.django_db

MAX_RESPONSES = 400
NOT_PUBLIC_SITE = re.compile(r"^/(admin/|static/|media/|logout/|i18n/|login/)")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name in ("href", "src", "action"):
            if values.get(name) and tag in ("a", "iframe", "link", "img"):
                self.links.append(values[name])


def _forbidden() -> dict[str, re.Pattern]:
    """Every private string, and each unapproved figure as either language writes it."""
    words = {name: re.escape(text) for name, text in MARKERS.items() if not text.isdigit()}
    for name, digits in MARKERS.items():
        if digits.isdigit():
            vi, en = f"{int(digits):,}".replace(",", "."), f"{int(digits):,}"
            words[name] = "|".join(re.escape(form) for form in {digits, vi, en})
    for user in get_user_model().objects.all():
        words[f"login {user.username}"] = re.escape(user.username)
        if user.get_full_name().strip():
            words[f"name of {user.username}"] = re.escape(user.get_full_name().strip())
    return {name: re.compile(pattern) for name, pattern in words.items()}


def _texts(url: str, response) -> list[tuple[str, str]]:
    """The response's text, or each file's inside a zip."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/zip"):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return [(f"{url}!{n}", archive.read(n).decode("utf-8")) for n in archive.namelist()]
    return [(url, content.decode("utf-8", errors="replace"))]


def _seeds() -> list[str]:
    documents = Document.all_objects.values_list("pk", flat=True)
    targets = Target.all_objects.values_list("pk", flat=True)
    indicators = Indicator.objects.values_list("pk", flat=True)
    return [
        "/",
        "/public/",
        "/api/documents/",
        "/api/targets/targets",
        "/api/targets/indicators",
        *(f"/api/documents/{pk}" for pk in documents),
        *(f"/api/targets/evaluations?document_id={pk}" for pk in documents),
        *(f"/public/resolutions/{pk}/" for pk in documents),
        *(f"/public/embed/resolutions/{pk}/" for pk in documents),
        *(f"/api/targets/targets/{pk}" for pk in targets),
        *(f"/api/targets/targets/{pk}/actuals" for pk in targets),
        *(f"/public/indicators/{pk}/" for pk in indicators),
        *(f"/public/indicators/{pk}/data.csv" for pk in indicators),
        *(f"/public/embed/indicators/{pk}/" for pk in indicators),
    ]


def crawl(language: str) -> tuple[dict[str, str], list[str]]:
    """Every text the anonymous visitor is served, by URL, and any server error met."""
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    served: dict[str, str] = {}
    errors: list[str] = []
    seen: set[str] = set()
    queue = deque(_seeds())
    while queue and len(seen) < MAX_RESPONSES:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code >= 500:
            errors.append(f"{url}: {response.status_code}")
        if response.status_code in (301, 302):
            queue.append(response["Location"])
        for where, text in _texts(url, response):
            served[where] = text
        if "text/html" in response.get("Content-Type", ""):
            parser = _Links()
            parser.feed(served[url])
            for link in parser.links:
                target = urldefrag(urljoin(url, link))[0]
                parts = urlsplit(target)
                if parts.netloc or NOT_PUBLIC_SITE.match(parts.path):
                    continue
                queue.append(target)
    return served, errors


@pytest.mark.parametrize("language", ["vi", "en"])
def test_nothing_private_appears_anywhere_on_the_public_site(published, language):
    served, errors = crawl(language)
    assert not errors, errors
    everything = "\n".join(served.values())
    # The crawl did reach the published data, in every kind of response.
    assert "12-NQ/TU" in everything and "Cục Thống kê tỉnh Đồng Tháp" in everything
    kinds = {
        "home": "/public/",
        "resolution": f"/public/resolutions/{published.document.pk}/",
        "indicator csv": "data.csv",
        "indicator json": "data.json",
        "zip": "data.zip!figures.csv",
        "widget": "/public/embed/",
        "api": "/api/targets/targets",
    }
    missing = [kind for kind, part in kinds.items() if not any(part in url for url in served)]
    assert not missing, missing
    found = [
        f"{name} in {url}"
        for name, pattern in _forbidden().items()
        for url, text in served.items()
        if pattern.search(text)
    ]
    assert not found, "\n".join(found[:30])
