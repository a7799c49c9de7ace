"""Scoring extractions against annotated articles, by the rules of the extraction contract.

    python -m nghiquyet.extraction.scoring PREDICTIONS.jsonl --gold DIR [-v]

The project keeps its own development corpus (tests/extraction/corpus: composed
articles with gold JSON beside them) and scores it here, so that the corpus can be
measured wherever the project is checked out. The matching rules are the contract's:
figures match on comparator, value, upper bound and unit (money compared in đồng),
documents on type and symbol or number, people on the name, summaries on total and
achieved, task groups on count and a label contained in the other; meeting fields and
page fields are counted as accuracies. The last line is "overall F1 = X", the mean of
the per-part F1 scores and the field accuracy.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

_SCALES = {"nghìn tỷ": 1e12, "ngàn tỷ": 1e12, "nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6}
_SCALES |= {"tỷ": 1e9, "tỉ": 1e9}
_CURRENCIES = {"đồng": "đồng", "vnđ": "đồng", "vnd": "đồng", "đ": "đồng", "usd": "usd"}
_CURRENCIES |= {"đô la mỹ": "usd"}
_MEETING_FIELDS = ("kind", "session", "term", "extended", "date", "venue", "duration_days")
_PAGE_FIELDS = ("title", "published", "province")

Item = dict[str, Any]


def _norm(value: Any) -> str | None:
    if value is None:
        return None
    return " ".join(unicodedata.normalize("NFC", str(value)).casefold().split())


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _quantity(value: Any, unit: Any) -> tuple[float | None, str]:
    """(value, unit) with money brought to units of its currency."""
    number, written = _number(value), _norm(unit) or ""
    if number is None:
        return None, written
    if written in ("%", "phần trăm"):
        return number, "%"
    if written in _CURRENCIES:
        return number, _CURRENCIES[written]
    for scale in sorted(_SCALES, key=len, reverse=True):
        rest = written.removeprefix(scale + " ")
        if rest != written and rest in _CURRENCIES:
            return number * _SCALES[scale], _CURRENCIES[rest]
    return number, written


def _same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _same_unit(a: str, b: str) -> bool:
    """Equal units, or a count unit written shorter in one ("lao động" in "lượt lao động")."""
    if a == b:
        return True
    money_or_share = ("%", "đồng", "usd")
    if not a or not b or a in money_or_share or b in money_or_share:
        return False
    return f" {b} " in f" {a} " or f" {a} " in f" {b} "


def figures_match(gold: Item, found: Item) -> bool:
    gv, gu = _quantity(gold.get("value"), gold.get("unit"))
    fv, fu = _quantity(found.get("value"), found.get("unit"))
    gm, _ = _quantity(gold.get("value_max"), gold.get("unit"))
    fm, _ = _quantity(found.get("value_max"), found.get("unit"))
    return (
        gold.get("comparator") == found.get("comparator")
        and _same_number(gv, fv)
        and _same_number(gm, fm)
        and _same_unit(gu, fu)
    )


def _document_ids(ref: Item) -> set[str]:
    return {i for i in (_norm(ref.get("symbol")), _norm(ref.get("number"))) if i}


def is_identified(ref: Item) -> bool:
    """A congress resolution needs its congress; any other document a symbol or number."""
    if ref.get("type") == "nghi_quyet_dai_hoi":
        return bool(ref.get("congress"))
    return bool(_document_ids(ref))


def documents_match(gold: Item, found: Item) -> bool:
    if gold.get("type") != found.get("type"):
        return False
    if gold.get("type") == "nghi_quyet_dai_hoi":
        return (_norm(gold.get("congress")), gold.get("level")) == (
            _norm(found.get("congress")),
            found.get("level"),
        )
    return bool(_document_ids(gold) & _document_ids(found))


def summaries_match(gold: Item, found: Item) -> bool:
    return (gold.get("total"), gold.get("achieved")) == (found.get("total"), found.get("achieved"))


def people_match(gold: Item, found: Item) -> bool:
    return _norm(gold.get("name")) == _norm(found.get("name"))


def groups_match(gold: Item, found: Item) -> bool:
    gl, fl = _norm(gold.get("label")) or "", _norm(found.get("label")) or ""
    return (
        gold.get("count") == found.get("count") and bool(gl) and bool(fl) and (gl in fl or fl in gl)
    )


PARTS: list[tuple[str, Callable[[Item, Item], bool]]] = [
    ("targets", figures_match),
    ("results", figures_match),
    ("summaries", summaries_match),
    ("documents", documents_match),
    ("people", people_match),
    ("task_groups", groups_match),
]


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def f1(self) -> float:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else float(not self.fn)
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def row(self, name: str) -> str:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else float(not self.fn)
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return (
            f"{name:<14}{self.tp:>5}{self.fp:>5}{self.fn:>5}"
            f"{precision:>8.3f}{recall:>8.3f}{self.f1():>8.3f}"
        )


def _pair(
    gold: list[Item], found: list[Item], match: Callable[[Item, Item], bool]
) -> tuple[int, list[Item], list[Item]]:
    """Greedy one-to-one pairing: (pairs, gold items missed, found items left over)."""
    free = list(found)
    missed = []
    for g in gold:
        hit = next((f for f in free if match(g, f)), None)
        if hit is None:
            missed.append(g)
        else:
            free.remove(hit)
    return len(gold) - len(missed), missed, free


def _field_ok(key: str, gold: Any, found: Any) -> bool:
    if key == "date" and isinstance(gold, str) and gold.startswith("--"):
        return isinstance(found, str) and found[-5:] == gold[-5:]
    if key == "venue":
        return _norm(gold) == _norm(found)
    if key == "duration_days":
        return _number(found) is not None and _same_number(float(gold), _number(found))
    return gold == found


def score(golds: list[Item], predictions: dict[str, Item], out: TextIO, verbose: bool) -> float:
    """Print the score table for `golds` against `predictions`; return the overall F1."""
    tallies = {name: Tally() for name, _ in PARTS}
    chairs = Tally()
    fields: dict[str, list[int]] = {}
    for gold in golds:
        name = gold["document"]
        found = predictions.get(name, {})
        for part, match in PARTS:
            gitems = [i for i in gold.get(part) or [] if part != "documents" or is_identified(i)]
            fitems = [i for i in found.get(part) or [] if isinstance(i, dict)]
            if part == "documents":
                fitems = [i for i in fitems if is_identified(i)]
            pairs, missed, extra = _pair(gitems, fitems, match)
            tallies[part].tp += pairs
            tallies[part].fp += len(extra)
            tallies[part].fn += len(missed)
            if verbose:
                for item in missed:
                    out.write(f"{name}: {part} missed: {item.get('text') or item.get('name')}\n")
                for item in extra:
                    out.write(f"{name}: {part} false: {json.dumps(item, ensure_ascii=False)}\n")
        found_meetings = [m for m in found.get("meetings") or [] if isinstance(m, dict)]
        for i, meeting in enumerate(gold.get("meetings") or []):
            other = found_meetings[i] if i < len(found_meetings) else {}
            for key in _MEETING_FIELDS:
                if meeting.get(key) is None and key not in ("kind", "extended"):
                    continue
                counts = fields.setdefault(f"meeting {key}", [0, 0])
                counts[0] += _field_ok(key, meeting.get(key), other.get(key))
                counts[1] += 1
            wanted = {_norm(n) for n in meeting.get("chairs", [])}
            given = {_norm(n) for n in other.get("chairs") or [] if isinstance(n, str)}
            chairs.tp += len(wanted & given)
            chairs.fp += len(given - wanted)
            chairs.fn += len(wanted - given)
        for key in _PAGE_FIELDS:
            if gold.get(key) is not None:
                ok = _norm(gold[key]) == _norm(found.get(key))
                counts = fields.setdefault(key, [0, 0])
                counts[0] += ok
                counts[1] += 1
                if verbose and not ok:
                    out.write(f"{name}: {key} wanted {gold[key]!r}, got {found.get(key)!r}\n")
    out.write(f"{'part':<14}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}\n")
    f1s = []
    for part, tally in [*tallies.items(), ("meeting chairs", chairs)]:
        out.write(tally.row(part) + "\n")
        f1s.append(tally.f1())
    for key, (ok, total) in fields.items():
        out.write(f"{key:<22} {ok}/{total}\n")
    accuracy = sum(ok for ok, _ in fields.values()) / max(1, sum(n for _, n in fields.values()))
    f1s.append(accuracy)
    out.write(f"{'field accuracy':<22} {accuracy:.3f}\n")
    overall = sum(f1s) / len(f1s)
    out.write(f"overall F1 = {overall:.3f}\n")
    return overall


def main(argv: list[str] | None = None, out: TextIO = sys.stdout) -> float:
    parser = argparse.ArgumentParser(description="Score extractions against gold articles.")
    parser.add_argument("predictions", help="JSON Lines from `nghiquyet extract` ('-': stdin)")
    parser.add_argument("--gold", required=True, help="directory of gold .json files")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and false hits")
    args = parser.parse_args(argv)
    text = (
        sys.stdin.read()
        if args.predictions == "-"
        else Path(args.predictions).read_text(encoding="utf-8")
    )
    predictions = {}
    for line in text.splitlines():
        if line.strip():
            record = json.loads(line)
            predictions[Path(str(record.get("document", ""))).name] = record
    golds = [
        json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(args.gold).glob("*.json"))
    ]
    return score(golds, predictions, out, args.verbose)


if __name__ == "__main__":
    main()
