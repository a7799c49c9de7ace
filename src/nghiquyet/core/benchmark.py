"""The throwaway database every benchmark under ``bench/`` measures in.

A benchmark loads thousands of rows: it must never touch the office's own database,
nor a test run's. It gets a fresh one of the configured kind (a temporary SQLite
file, or a PostgreSQL database named after the process) that is dropped afterwards,
whatever happens.
"""

from __future__ import annotations

import os
import tempfile
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from django.db import connection
from django.test.utils import setup_test_environment


@contextmanager
def throwaway_database(out: TextIO, title: str) -> Iterator[str]:
    """Create the database, say so on ``out`` under ``title``, yield its name, drop it."""
    warnings.filterwarnings("ignore", "No directory at", UserWarning)
    settings_dict = connection.settings_dict
    temp_file = None
    if connection.vendor == "sqlite":
        handle, temp_file = tempfile.mkstemp(prefix="nghiquyet-bench-", suffix=".sqlite3")
        os.close(handle)
        settings_dict.setdefault("TEST", {})["NAME"] = temp_file
    else:
        settings_dict.setdefault("TEST", {})["NAME"] = f"nghiquyet_bench_{os.getpid()}"
    old_name = settings_dict["NAME"]
    setup_test_environment()
    started = time.perf_counter()
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    out.write(f"{title} on {connection.vendor} (throwaway database {name})\n")
    out.write(f"  schema created in {time.perf_counter() - started:.1f} s\n")
    try:
        yield name
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        if temp_file:
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(temp_file + suffix):
                    os.remove(temp_file + suffix)
        out.write("  throwaway database dropped\n")
