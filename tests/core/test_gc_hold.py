"""A bulk write holds off full garbage collections, and the collector is as before after it."""

import gc
import threading

import pytest

from nghiquyet.core.gc_hold import HELD, full_collections_held


@pytest.fixture
def thresholds():
    """The test process's thresholds, put back whatever the test did."""
    before = gc.get_threshold()
    yield before
    gc.set_threshold(*before)


def test_a_hold_stops_full_collections_and_keeps_young_ones(thresholds):
    with full_collections_held():
        young, middle, full = gc.get_threshold()
        assert (young, middle) == thresholds[:2]
        assert full == HELD
    assert gc.get_threshold() == thresholds


def test_the_thresholds_come_back_even_when_the_block_fails(thresholds):
    with pytest.raises(RuntimeError), full_collections_held():
        raise RuntimeError("the import was refused")
    assert gc.get_threshold() == thresholds


def test_nested_holds_end_with_the_outer_one(thresholds):
    with full_collections_held():
        with full_collections_held():
            pass
        assert gc.get_threshold()[2] == HELD
    assert gc.get_threshold() == thresholds


def test_overlapping_holds_in_two_threads_put_back_what_the_first_found(thresholds):
    gc.set_threshold(900, 12, 15)
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen = {}

    def first():
        with full_collections_held():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second():
        first_in.wait(5)
        with full_collections_held():
            second_in.set()
            first_out.wait(5)
            seen["after the first ended"] = gc.get_threshold()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert seen["after the first ended"] == (900, 12, HELD)
    assert gc.get_threshold() == (900, 12, 15)
