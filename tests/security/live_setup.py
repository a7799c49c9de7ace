"""Builds the data of the concurrency tests inside a freshly migrated server database.

Run as a script by the `live_site` fixture (conftest.py) in the server's environment
(its own database, settings as in production); prints the ids, API keys and session
keys the tests use, as JSON.
"""

import json
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nghiquyet.settings")
django.setup()

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402

from nghiquyet.api.services import api_token_create  # noqa: E402
from nghiquyet.documents.models import Document, DocumentKind  # noqa: E402
from nghiquyet.orgs.personas import province_setup  # noqa: E402
from nghiquyet.orgs.places import places_load  # noqa: E402
from nghiquyet.targets import services  # noqa: E402
from nghiquyet.targets.models import Direction, Kind, Sector  # noqa: E402


def session_of(user) -> str:
    """A signed-in session, as the login page would leave it."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "nghiquyet.orgs.backends.PasswordBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def main() -> None:
    places_load()
    setup = province_setup("Đồng Tháp", username_prefix="dongthap", password="live-password-1")
    office, reporter = setup.users["office"], setup.users["reporter"]
    resolution = Document.objects.create(
        kind=DocumentKind.NGHI_QUYET,
        symbol="12-NQ/TU",
        number="12",
        issuer=setup.bodies["tinh_uy"],
        province=setup.province,
        title="Nghị quyết về nhiệm vụ năm 2024",
        status=Document.Status.ADOPTED,
    )
    targets = []
    for name in (
        "Thu ngân sách nội địa",
        "Vốn đầu tư toàn xã hội",
        "Kim ngạch xuất khẩu",
        "Doanh nghiệp thành lập mới",
        "Tổng mức bán lẻ hàng hóa",
        "Thu hút vốn đầu tư trực tiếp nước ngoài",
    ):
        indicator = services.indicator_create(
            user=office,
            province=setup.province,
            name=name,
            unit="tỷ đồng",
            kind=Kind.LEVEL,
            direction=Direction.MORE_IS_BETTER,
            sector=Sector.ECONOMY,
        )
        targets.append(
            services.target_create(
                user=office,
                document=resolution,
                indicator=indicator,
                comparator=">",
                value="6000",
                period="2024",
                owner=setup.bodies["so_tai_chinh"],
            )
        )
    submitted = [
        (
            services.actual_create(
                user=reporter, target=t, period="2024", value="6100", submit=True
            ).pk,
            t.pk,
        )
        for t in targets[:2]
    ]
    drafts = [
        services.actual_create(user=reporter, target=t, period="2024", value="6000").pk
        for t in targets[2:4]
    ]
    print(
        json.dumps(
            {
                "document": resolution.pk,
                "submitted": submitted,
                "drafts": drafts,
                "free_targets": [t.pk for t in targets[4:]],
                "office_key": api_token_create(user=office, name="live")[1],
                "reporter_key": api_token_create(user=reporter, name="live")[1],
                "office_session": session_of(office),
                "reporter_session": session_of(reporter),
            }
        )
    )


if __name__ == "__main__":
    main()
