"""The one place tests find the seed articles, their gold records and the scorer.

They live beside the repository (``../shared``), not inside it, so a fresh clone has
none: every test that needs them asks here and is skipped, with the reason, when
they are absent. ``NGHIQUYET_SHARED`` names the folder when it is elsewhere.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NGHIQUYET_SHARED") or ROOT.parent / "shared")
SEEDS = SHARED / "seeds"
GOLD = SHARED / "extraction" / "gold"
SCORER = SHARED / "extraction" / "score.py"

ABSENT = (
    f"the seed articles are not beside the repository ({SHARED}); "
    "set NGHIQUYET_SHARED to the folder that holds seeds/ and extraction/"
)

#: Marks a test (or module) that reads the seed articles, the gold and the scorer.
needs_shared = pytest.mark.skipif(
    not (SEEDS.is_dir() and GOLD.is_dir() and SCORER.is_file()), reason=ABSENT
)


def seed_paths() -> list[Path]:
    """Every seed article, in order; empty when they are absent."""
    return sorted(SEEDS.glob("*.txt"))


def _one(folder: Path, prefix: str, suffix: str) -> Path:
    found = sorted(folder.glob(f"{prefix}_*{suffix}"))
    if not found:
        pytest.skip(ABSENT)
    return found[0]


def seed_text(prefix: str) -> str:
    """The text of seed article ``prefix`` (e.g. "001"); skips the test when absent."""
    return _one(SEEDS, prefix, ".txt").read_text(encoding="utf-8")


def gold(prefix: str) -> dict:
    """The gold record of seed article ``prefix``; skips the test when absent."""
    return json.loads(_one(GOLD, prefix, ".json").read_text(encoding="utf-8"))
