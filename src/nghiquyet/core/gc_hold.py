"""Holding off Python's full garbage collections while a bulk write builds its rows.

An Excel import keeps every row it reads alive until it saves them: the sheet's rows,
the new targets and figures, their judgements, some fifty objects a row. Python's
full collection walks every live object, and runs again each time their number has
grown by a quarter: importing 20,000 rows in a command (no frozen start-up objects,
unlike a server, see :mod:`nghiquyet.core.warmup`) made seven full collections that
took 1.5 s of a 14 s import, a tenth of it, to find no garbage. While a hold lasts
the young collections go on as ever, so short-lived cycles are still freed; only
the walks over everything wait, and the first one after the hold finds whatever
the rows left behind.

Thresholds are the process's, shared by its threads: the first hold raises the
full collection's, the last one to end puts back what it found.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: Young collections between two full ones while a hold lasts: in effect none.
HELD = 2**30

_lock = threading.Lock()
_holds = 0
_saved: tuple[int, int, int] = gc.get_threshold()


@contextmanager
def full_collections_held() -> Iterator[None]:
    """No full garbage collection during the block (young ones go on), then as before.

    Holds may overlap (two imports in two threads) or nest: the thresholds come back
    when the last one ends.
    """
    global _holds, _saved
    with _lock:
        if _holds == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(_saved[0], _saved[1], HELD)
        _holds += 1
    try:
        yield
    finally:
        with _lock:
            _holds -= 1
            if _holds == 0:
                gc.set_threshold(*_saved)
