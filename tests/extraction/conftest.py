"""Shared helpers for the extraction tests (no Django needed)."""

from pathlib import Path

import pytest

HERE = Path(__file__).parent
REPO = HERE.parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def composed_texts() -> dict[str, str]:
    """Articles composed for these tests, in the genre of the seeds."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((HERE / "texts").glob("*.txt"))}
