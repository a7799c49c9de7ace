"""axe-core finds no serious or critical violation on any page the crawler reaches, for
every persona in Vietnamese and in English, and none of them scrolls sideways on a
1366 px screen.

The demo is loaded as of today, as ``make demo`` does. The crawler (the same one as
tests/core/test_crawl.py) lists the pages each persona is shown; the browser signs in
through the login form and runs axe on its home page and on every kind of page (record
numbers aside) not yet checked in that language.
"""

import time

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from crawling import crawl, demo_personas, url_pattern
from nghiquyet.core.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(page, username):
    page.goto("/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/")


def test_every_page_the_crawler_reaches_passes_axe_for_every_persona_in_both_languages(
    page, live_server, places, serious_violations, screenshot
):
    personas = demo_personas(as_of=timezone.localdate())
    found, checked, done = [], 0, set()
    started = time.monotonic()
    page.set_viewport_size({"width": 1366, "height": 768})
    for name, user in personas.items():
        for language in ("vi", "en"):
            client = Client()
            if user is not None:
                client.force_login(user)
            kinds: dict[str, str] = {}
            for url in crawl(client, language).pages:
                kind = (language, url_pattern(url))
                if url == "/" or kind not in done:
                    done.add(kind)
                    kinds.setdefault(url_pattern(url), url)
            page.context.clear_cookies()
            page.context.add_cookies(
                [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
            )
            if user is not None:
                log_in(page, user.username)
                screenshot(f"home-{name}-{language}")
            for url in kinds.values():
                page.goto(url)
                checked += 1
                found += [f"{name} [{language}] {url}: {v}" for v in serious_violations(page)]
                width = page.evaluate("document.documentElement.scrollWidth")
                if width > 1366:
                    found.append(f"{name} [{language}] {url}: {width} px wide at 1366 px")
    print(f"axe ran on {checked} pages in {time.monotonic() - started:.0f} s")
    assert checked > 60
    assert not found, "\n".join(found)
