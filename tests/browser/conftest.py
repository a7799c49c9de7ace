"""A real Chromium, driven by Playwright, against the live test server.

Debian's Chromium is used (a test tool's own browser download cannot work here);
without it every browser test is skipped, and ``make test`` says so.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = os.environ.get("NGHIQUYET_SCREENSHOTS", "build/screenshots")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.skip(f"Chromium not installed at {CHROMIUM}")
    # Django's async-unsafe guard trips on Playwright's event loop in the test thread.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def screenshot(page):
    """Save a screenshot under build/screenshots for a person to look at."""

    def take(name: str) -> str:
        os.makedirs(ARTIFACTS, exist_ok=True)
        path = os.path.join(ARTIFACTS, f"{name}.png")
        page.screenshot(path=path, full_page=True)
        return path

    return take


#: axe-core 4.14.1 (MPL-2.0, from the npm package ``axe-core``), run inside the page.
AXE = os.path.join(os.path.dirname(__file__), "axe.min.js")
with open(AXE, encoding="utf-8") as _axe:
    AXE_SOURCE = _axe.read()


@pytest.fixture
def serious_violations():
    """The serious and critical WCAG 2.1 AA violations axe-core finds on the current page."""

    def check(page) -> list[str]:
        # Evaluated through the browser's debugging protocol, not as a <script> tag, so
        # the site's Content-Security-Policy (no inline scripts) stays on while axe runs.
        page.evaluate(AXE_SOURCE)
        return page.evaluate(
            """async () => {
                const result = await axe.run(document, {
                    runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
                });
                return result.violations
                    .filter(v => v.impact === "serious" || v.impact === "critical")
                    .map(v => `${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(" "))
                        .join(" | ")}`);
            }"""
        )

    return check
