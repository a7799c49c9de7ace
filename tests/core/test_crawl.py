"""Every persona follows every link it is shown, in Vietnamese and in English.

A link a user is shown must lead somewhere they may go: no 403, 404 or 500 behind
any of them, no interface text left in the other language, and no inline style (the
Content-Security-Policy, checked on every page, refuses them). The crawl starts
at the home page, follows same-site GET links breadth first and stops at a bound
per persona and language (query-string variants of one path count a few times).
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from crawling import crawl, demo_personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def personas(places):
    return demo_personas(as_of=timezone.localdate())


def test_every_persona_follows_every_link_it_is_shown_in_both_languages_with_no_inline_style(
    personas,
):
    problems = []
    for name, user in personas.items():
        for language in ("vi", "en"):
            client = Client()
            if user is not None:
                client.force_login(user)
            problems += [f"{name} [{language}]: {p}" for p in crawl(client, language).problems]
    assert not problems, "\n".join(problems)
