"""In a real browser, the pages and the API docs work under the Content-Security-Policy
and ask nothing of any other site (offices run on closed networks)."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from nghiquyet.targets import demo

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def resolution(places, dongthap):
    return demo.load(dongthap)


def watch(page, live_server):
    """Records CSP violations reported by the browser and requests to other hosts."""
    seen = {"violations": [], "foreign": []}
    own_host = urlsplit(live_server.url).netloc
    page.on(
        "console",
        lambda msg: (
            seen["violations"].append(msg.text) if "Content Security Policy" in msg.text else None
        ),
    )
    page.on(
        "request",
        lambda req: (
            seen["foreign"].append(req.url)
            if req.url.startswith("http") and urlsplit(req.url).netloc != own_host
            else None
        ),
    )
    return seen


def test_the_dashboard_and_the_api_docs_run_under_the_policy_from_the_site_alone(
    page, live_server, resolution, office, password
):
    seen = watch(page, live_server)
    page.goto("/login/")
    page.get_by_label("Tên đăng nhập").fill(office.username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/")
    page.goto(f"/targets/documents/{resolution.pk}/?period=2024")
    expect(page.locator("#targets-table")).to_be_visible()
    page.goto("/api/docs")
    # Swagger UI's large script takes a while to start on a busy machine.
    expect(page.locator(".opblock").first).to_be_visible(timeout=30_000)
    assert seen["violations"] == []
    assert seen["foreign"] == []
