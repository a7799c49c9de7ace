"""The demo province: what ``make demo`` loads so that every page has something to show.

The province's bodies and staff come from :mod:`nghiquyet.orgs.personas`; each
app that has demo data exposes ``nghiquyet.<app>.demo.load(setup)``, called here
in the order the resolution cycle runs (documents before targets, targets before
reports), all in one transaction.
"""

from importlib import import_module

from django.contrib.auth import get_user_model
from django.db import transaction

from nghiquyet.orgs.models import Place
from nghiquyet.orgs.personas import ProvinceSetup, province_setup
from nghiquyet.orgs.places import places_load

DEMO_PASSWORD = "demo-nghiquyet-2024"
DEMO_PROVINCE = "Đồng Tháp"
OTHER_PROVINCE = "Lai Châu"
APPS_WITH_DEMO = ["documents", "targets", "tasks", "meetings", "reports"]
#: Further demo modules of an app, loaded right after its ``demo``.
MORE_DEMOS = {"targets": ["nghiquyet.targets.demo_term"]}


@transaction.atomic
def demo_load() -> list[ProvinceSetup]:
    """Load the map, the demo province and another province, and each app's demo records."""
    if not Place.objects.exists():
        places_load()
    home = province_setup(DEMO_PROVINCE, username_prefix="dongthap", password=DEMO_PASSWORD)
    other = province_setup(OTHER_PROVINCE, username_prefix="laichau", password=DEMO_PASSWORD)
    user_model = get_user_model()
    if not user_model.objects.filter(username="admin").exists():
        user_model.objects.create_superuser("admin", "admin@localhost", DEMO_PASSWORD)
    for app in APPS_WITH_DEMO:
        try:
            module = import_module(f"nghiquyet.{app}.demo")
        except ModuleNotFoundError as exc:
            if exc.name != f"nghiquyet.{app}.demo":
                raise
            continue
        module.load(home)
        for name in MORE_DEMOS.get(app, []):
            import_module(name).load(home)
    return [home, other]
