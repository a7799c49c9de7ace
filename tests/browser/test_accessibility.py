"""axe-core finds no serious or critical violation on the pages each role works in,
and none of them scrolls sideways on a 1366 px screen.

The demo is loaded as of today, as ``make demo`` does; each persona signs in through
the form and opens the pages of its main job.
"""

import pytest
from django.utils import timezone

from nghiquyet.core.demo import DEMO_PASSWORD, demo_load
from nghiquyet.documents.models import Document
from nghiquyet.meetings.demo import GUEST_USERNAME
from nghiquyet.meetings.models import Meeting

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(page, username):
    page.goto("/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/")


def test_every_roles_pages_pass_axe_without_serious_violations(
    page, places, serious_violations, screenshot
):
    home, _other = demo_load(as_of=timezone.localdate())
    resolution = Document.objects.get(province=home.province, symbol="35-NQ/TU")
    coming = Meeting.objects.get(body=home.bodies["bch"], status=Meeting.Status.PLANNED)
    draft = coming.agenda_items.first().drafts.first()
    journeys = {
        "dongthap_office": [
            "/",
            "/targets/review/",
            f"/targets/documents/{resolution.pk}/",
            f"/documents/{resolution.pk}/",
            "/tasks/",
            "/tasks/four-failures/",
            f"/meetings/{coming.pk}/",
            "/reports/",
        ],
        "dongthap_reporter": ["/", "/targets/report/", "/tasks/requests/"],
        "dongthap_leader": ["/", f"/targets/documents/{resolution.pk}/"],
        GUEST_USERNAME: ["/", f"/meetings/drafts/{draft.pk}/"],
    }
    found = []
    page.set_viewport_size({"width": 1366, "height": 768})
    for username, paths in journeys.items():
        page.context.clear_cookies()
        log_in(page, username)
        screenshot(f"home-{username}")
        for path in paths:
            page.goto(path)
            found += [f"{username} {path}: {v}" for v in serious_violations(page)]
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 1366:
                found.append(f"{username} {path}: scrolls sideways at 1366 px ({width} px wide)")
    assert not found, "\n".join(found)
