"""A server process loads its views and catalogues once and freezes them out of collection."""

import gc
import importlib

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
