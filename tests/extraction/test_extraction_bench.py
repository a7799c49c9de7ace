"""The benchmark runs and prints its figures (speed itself is never asserted)."""

import importlib.util
import io
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "extract.py"


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_extract_under_test", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_benchmark_reports_articles_and_megabytes_per_second(monkeypatch):
    bench = load_bench()
    monkeypatch.setattr(bench, "TARGET_BYTES", 50_000)
    monkeypatch.setenv("NGHIQUYET_SEEDS", str(Path(__file__).parent / "texts"))
    out = io.StringIO()
    bench.run(out)
    report = out.getvalue()
    assert "articles/s" in report and "MB/s" in report
    assert "tests/extraction/texts" in report
    assert "underthesea" in report
