"""The development corpus: articles composed in the styles of real provincial pages
(tests/extraction/SOURCES.md lists the pages studied), annotated to the contract and
scored by the package's own scorer, so the gate holds wherever the project is checked
out."""

import io
import json
from pathlib import Path

import pytest

from nghiquyet.extraction import extract
from nghiquyet.extraction.scoring import figures_match, score

CORPUS = Path(__file__).parent / "corpus"
GOLDS = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.json"))]


@pytest.fixture(scope="module")
def table():
    predictions = {}
    for gold in GOLDS:
        text = (CORPUS / gold["document"]).read_text(encoding="utf-8")
        predictions[gold["document"]] = extract(text, document=gold["document"]).to_dict()
    out = io.StringIO()
    overall = score(GOLDS, predictions, out, verbose=True)
    return overall, out.getvalue()


def part_f1(table_text, part):
    row = next(line for line in table_text.splitlines() if line.startswith(f"{part} "))
    return float(row.split()[-1])


def test_every_article_of_the_corpus_has_its_text_and_gold():
    assert len(GOLDS) >= 12
    assert all((CORPUS / g["document"]).exists() for g in GOLDS)


def test_the_corpus_scores_at_least_the_gate(table):
    overall, text = table
    assert overall >= 0.95, text


def test_targets_and_results_of_the_corpus_are_found(table):
    _, text = table
    assert part_f1(text, "targets") >= 0.95, text
    assert part_f1(text, "results") >= 0.95, text


def test_the_scorer_counts_a_miss_and_a_false_hit():
    gold = {"document": "a.txt", "targets": [
        {"comparator": ">=", "value": 8.5, "value_max": None, "unit": "%"},
        {"comparator": "=", "value": 34000, "value_max": None, "unit": "tỷ đồng"},
    ]}  # fmt: skip
    found = {"a.txt": {"targets": [
        {"comparator": "=", "value": 34_000_000_000_000, "value_max": None, "unit": "đồng"},
        {"comparator": "=", "value": 8.5, "value_max": None, "unit": "%"},
    ]}}  # fmt: skip
    out = io.StringIO()
    score([gold], found, out, verbose=True)
    assert "targets           1    1    1" in out.getvalue()


def test_money_is_compared_in_dong_and_comparators_must_agree():
    assert figures_match(
        {"comparator": ">", "value": 6, "unit": "nghìn tỷ đồng"},
        {"comparator": ">", "value": 6000, "unit": "tỷ đồng"},
    )
    assert not figures_match(
        {"comparator": ">", "value": 6, "unit": "%"}, {"comparator": ">=", "value": 6, "unit": "%"}
    )
