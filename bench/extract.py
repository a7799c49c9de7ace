"""Extraction speed on one core: articles/second and MB/second over the seed articles
repeated to at least 5 MB, with underthesea's word segmentation on the same text as a
reference point. Prints figures; asserts nothing.

Seeds come from $NGHIQUYET_SEEDS, else <repo>/../shared/seeds, else the composed
articles under tests/extraction/texts.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TextIO

from nghiquyet.extraction import extract

REPO = Path(__file__).resolve().parents[1]
TARGET_BYTES = 5 * 1024 * 1024


def _articles() -> tuple[list[str], Path]:
    candidates = [
        Path(os.environ["NGHIQUYET_SEEDS"]) if os.environ.get("NGHIQUYET_SEEDS") else None,
        REPO.parent / "shared" / "seeds",
        REPO / "tests" / "extraction" / "texts",
    ]
    for folder in candidates:
        if folder and folder.is_dir():
            texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
            if texts:
                return texts, folder
    raise SystemExit("no seed articles found (set NGHIQUYET_SEEDS)")


def _corpus(texts: list[str]) -> list[str]:
    """The articles repeated until they add up to at least 5 MB of UTF-8."""
    corpus: list[str] = []
    size = 0
    while size < TARGET_BYTES:
        for text in texts:
            corpus.append(text)
            size += len(text.encode("utf-8"))
    return corpus


def _reference(corpus: list[str], out: TextIO) -> None:
    try:
        from underthesea import word_tokenize
    except ImportError:
        out.write("underthesea not installed, reference skipped\n")
        return
    sample = corpus[: max(1, len(corpus) // 10)]
    megabytes = sum(len(t.encode("utf-8")) for t in sample) / 1e6
    start = time.process_time()
    for text in sample:
        word_tokenize(text)
    elapsed = time.process_time() - start
    out.write(
        f"underthesea word_tokenize: {len(sample) / elapsed:,.1f} articles/s, "
        f"{megabytes / elapsed:,.2f} MB/s ({len(sample)} articles, {megabytes:.2f} MB)\n"
    )


def run(out: TextIO) -> None:
    texts, folder = _articles()
    corpus = _corpus(texts)
    megabytes = sum(len(t.encode("utf-8")) for t in corpus) / 1e6
    extract(texts[0])  # builds the gazetteer index once, outside the measurement
    start = time.process_time()
    for text in corpus:
        extract(text)
    elapsed = time.process_time() - start
    out.write(f"seeds: {len(texts)} articles from {folder}\n")
    out.write(
        f"nghiquyet extract: {len(corpus) / elapsed:,.1f} articles/s, "
        f"{megabytes / elapsed:,.2f} MB/s ({len(corpus)} articles, {megabytes:.2f} MB, "
        f"{elapsed:.2f} s CPU, one core)\n"
    )
    _reference(corpus, out)


if __name__ == "__main__":
    import sys

    run(sys.stdout)
