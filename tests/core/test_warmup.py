"""A server process loads its views and catalogues once and freezes them out of collection."""

import gc
import importlib
import os
import subprocess
import sys

import pytest


@pytest.fixture
def unfrozen():
    """Give the test process back its normal collector, whatever the test froze."""
    yield
    gc.unfreeze()


def test_the_wsgi_entry_warms_up_and_freezes_what_it_loaded(unfrozen):
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    wsgi = importlib.reload(importlib.import_module("nghiquyet.wsgi"))
    assert callable(wsgi.application)
    frozen = gc.get_freeze_count()
    assert frozen > 10_000
    views = importlib.import_module("nghiquyet.targets.views")
    # Frozen objects sit in the permanent generation, which no collection walks.
    assert not any(obj is views.dashboard for obj in gc.get_objects())


def test_a_server_process_loads_the_word_charts_library_before_forking():
    code = (
        "import sys, django; django.setup(); from nghiquyet.core.warmup import warm_up; "
        "before = 'cairosvg' in sys.modules; warm_up(); print(before, 'cairosvg' in sys.modules)"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "nghiquyet.settings"}
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.split() == ["False", "True"]
