"""`nghiquyet extract PATH... [--format jsonl|json] [--html]`.

One JSON object per input, in input order; a directory stands for its .txt and .html
files, sorted. An input that cannot be read, or is not Vietnamese, is reported on
stderr (Vietnamese first, then English) and still gets its object, with empty lists,
so a batch never stops half-way and output lines stay aligned with inputs.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TextIO

from .engine import extract_prepared, prepare
from .records import Extraction
from .text import looks_vietnamese

_SUFFIXES = {".txt", ".html", ".htm"}


def _inputs(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend(
                sorted(p for p in path.iterdir() if p.suffix.lower() in _SUFFIXES and p.is_file())
            )
        else:
            files.append(path)
    return files


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nghiquyet extract",
        description="Trích xuất hội nghị, chỉ tiêu, kết quả từ bài viết / "
        "Extract meetings, targets and results from articles.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="tệp .txt/.html hoặc thư mục")
    parser.add_argument("--format", choices=["jsonl", "json"], default="jsonl")
    parser.add_argument(
        "--html", action="store_true", help="đọc mọi đầu vào như HTML / treat input as HTML"
    )
    return parser


def _read(path: Path, stderr: TextIO) -> str | None:
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        stderr.write(f"Không đọc được tệp {path}: {reason} / Cannot read file {path}: {reason}\n")
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")  # saved by some Windows editors
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        stderr.write(
            f"Tệp {path} không phải UTF-8, đã bỏ ký tự lỗi / "
            f"File {path} is not UTF-8, undecodable bytes dropped\n"
        )
        return data.decode("utf-8", errors="replace")


def main(argv: list[str], stdout: TextIO, stderr: TextIO) -> int:
    """Run the command; returns 0, or 1 when some input could not be read."""
    args = _parser().parse_args(argv)
    status = 0
    records = []
    for path in _inputs(args.paths):
        raw = _read(path, stderr)
        html = True if args.html or path.suffix.lower() in (".html", ".htm") else None
        if raw is None:
            status = 1
            record = Extraction(document=path.name)
        else:
            text, page = prepare(raw, html=html)
            if not looks_vietnamese(text):
                stderr.write(
                    f"Tệp {path} không có nội dung tiếng Việt / "
                    f"File {path} has no Vietnamese text\n"
                )
            record = extract_prepared(text, page, document=path.name)
        if args.format == "jsonl":
            stdout.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        else:
            records.append(record.to_dict())
    if args.format == "json":
        stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    return status
