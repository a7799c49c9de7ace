"""The demo province: what ``make demo`` loads so that every page has something to show.

The province's bodies and staff come from :mod:`nghiquyet.orgs.personas`; each
app that has demo data exposes ``nghiquyet.<app>.demo.load(setup)``, called here
in the order the resolution cycle runs (documents before targets, targets before
reports), all in one transaction.
"""

import datetime as dt
from importlib import import_module

from django.contrib.auth import get_user_model
from django.db import transaction

from nghiquyet.core.demo_calendar import AUTHORED_ON, demo_as_of
from nghiquyet.orgs.models import Place
from nghiquyet.orgs.personas import ProvinceSetup, province_setup
from nghiquyet.orgs.places import places_load

DEMO_PASSWORD = "demo-nghiquyet-2024"
DEMO_PROVINCE = "Đồng Tháp"
OTHER_PROVINCE = "Lai Châu"
APPS_WITH_DEMO = [
    "documents",
    "targets",
    "tasks",
    "meetings",
    "reports",
    "portal",
    "news",
    "feedback",
]
#: Further demo modules of an app, loaded right after its ``demo``.
MORE_DEMOS = {"targets": ["nghiquyet.targets.demo_term", "nghiquyet.targets.demo_last_year"]}
#: The other province gets its own resolution and figures, so that its logins see work.
APPS_OF_OTHER_PROVINCE = ["targets"]
#: Invented names for the other province's staff (the demo province keeps the defaults).
OTHER_PEOPLE = {
    "office": "Hoàng Thị Mai",
    "reporter": "Vũ Đình Khang",
    "leader": "Phùng Văn Hải",
    "inspector": "Lò Thị Duyên",
}


@transaction.atomic
def demo_load(*, as_of: dt.date = AUTHORED_ON) -> list[ProvinceSetup]:
    """Load the map, the demo province and another province, and each app's demo records.

    ``as_of`` is the day the demo should read as of: ``nghiquyet demo`` passes today,
    so that this year's periods are open and tasks fall due around now; tests keep
    the day the records were written for.
    """
    if not Place.objects.exists():
        places_load()
    home = province_setup(DEMO_PROVINCE, username_prefix="dongthap", password=DEMO_PASSWORD)
    other = province_setup(
        OTHER_PROVINCE, username_prefix="laichau", password=DEMO_PASSWORD, people=OTHER_PEOPLE
    )
    user_model = get_user_model()
    if not user_model.objects.filter(username="admin").exists():
        user_model.objects.create_superuser("admin", "admin@localhost", DEMO_PASSWORD)
    with demo_as_of(as_of):
        for app in APPS_WITH_DEMO:
            _app_demo(app).load(home)
            for name in MORE_DEMOS.get(app, []):
                import_module(name).load(home)
        for app in APPS_OF_OTHER_PROVINCE:
            _app_demo(app).load(other)
    return [home, other]


def _app_demo(app: str):
    """The app's demo module (every app in the lists has one)."""
    return import_module(f"nghiquyet.{app}.demo")
