import io
import json
import subprocess
import sys

from nghiquyet.extraction.cli import main

ARTICLE = (
    "Hội nghị Tỉnh ủy Bến Tre lần thứ 20\n"
    "Sáng 15/12/2023, Hội nghị Tỉnh ủy Bến Tre lần thứ 20 khai mạc. Năm 2024, tỉnh phấn đấu "
    "tăng trưởng GRDP 7% trở lên.\n"
)


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


def test_it_prints_one_json_line_per_input_in_input_order(tmp_path):
    first, second = tmp_path / "b.txt", tmp_path / "a.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text(ARTICLE.replace("Bến Tre", "Trà Vinh"), encoding="utf-8")
    status, out, _ = run(str(first), str(second))
    lines = [json.loads(line) for line in out.splitlines()]
    assert status == 0
    assert [x["document"] for x in lines] == ["b.txt", "a.txt"]
    assert [x["province"] for x in lines] == ["Bến Tre", "Trà Vinh"]
    assert lines[0]["targets"][0]["value"] == 7


def test_a_directory_stands_for_its_text_and_html_files_sorted(tmp_path):
    for name in ("b.txt", "a.html", "c.md"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    _, out, _ = run(str(tmp_path))
    assert [json.loads(line)["document"] for line in out.splitlines()] == ["a.html", "b.txt"]


def test_json_format_prints_one_array(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    _, out, _ = run(str(path), "--format", "json")
    [record] = json.loads(out)
    assert set(record) == {
        "document", "title", "published", "province", "meetings", "people", "documents",
        "targets", "results", "summaries", "task_groups",
    }  # fmt: skip


def test_an_unreadable_file_is_reported_in_vietnamese_first_and_processing_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    status, out, err = run(str(tmp_path / "missing.txt"), str(good))
    records = [json.loads(line) for line in out.splitlines()]
    assert status == 1
    assert err.startswith("Không đọc được tệp")
    assert "Cannot read file" in err
    assert records[0]["document"] == "missing.txt"
    assert records[0]["meetings"] == [] and records[0]["targets"] == []
    assert records[1]["meetings"]


def test_non_vietnamese_input_gives_a_message_and_empty_lists(tmp_path):
    path = tmp_path / "english.txt"
    path.write_text("The council met on Monday and approved the budget.", encoding="utf-8")
    status, out, err = run(str(path))
    record = json.loads(out)
    assert status == 0
    assert "không có nội dung tiếng Việt" in err
    assert record["title"] is None and record["people"] == []


def test_binary_input_does_not_stop_the_batch(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 4)
    _, out, _ = run(str(path))
    assert json.loads(out)["document"] == "image.txt"


def test_the_module_runs_as_a_program(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "nghiquyet.extraction", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout)["meetings"][0]["session"] == 20


def test_the_nghiquyet_command_wraps_the_same_cli_without_a_database(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "nghiquyet", "extract", str(path), str(tmp_path / "gone.txt")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["document"] for r in records] == ["a.txt", "gone.txt"]
    assert done.returncode == 1
    assert "Không đọc được tệp" in done.stderr
    assert not list(tmp_path.glob("*.sqlite3"))


def test_a_file_saved_as_utf16_is_read(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes(ARTICLE.encode("utf-16"))
    _, out, err = run(str(path))
    assert json.loads(out)["province"] == "Bến Tre"
    assert err == ""
