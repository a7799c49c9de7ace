"""The quality gate: the scorer's figures on the seed articles."""

import io
import json
import re
import subprocess
import sys

import pytest

from nghiquyet.extraction.cli import main
from shared_data import SCORER, needs_shared, seed_paths

pytestmark = needs_shared


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    out = io.StringIO()
    main([str(p) for p in seed_paths()], out, io.StringIO())
    predictions = tmp_path_factory.mktemp("seeds") / "seeds.jsonl"
    predictions.write_text(out.getvalue(), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(SCORER), str(predictions)], capture_output=True, text=True, check=True
    )
    return done.stdout


def test_seed_articles_score_at_least_the_gate(scored):
    overall = float(re.search(r"overall F1 = ([\d.]+)", scored).group(1))
    assert overall >= 0.95, scored


def test_every_seed_target_is_found_and_nothing_else(scored):
    row = re.search(r"^targets\s+\d+\s+\d+\s+\d+\s+[\d.]+\s+[\d.]+\s+([\d.]+)$", scored, re.M)
    assert float(row.group(1)) == 1.0, scored


def test_output_serialises_to_the_contract_fields():
    out = io.StringIO()
    main([str(seed_paths()[0])], out, io.StringIO())
    record = json.loads(out.getvalue())
    assert set(record["meetings"][0]) == {
        "kind", "session", "term", "extended", "date", "venue", "duration_days", "chairs",
    }  # fmt: skip
