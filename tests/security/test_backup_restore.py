"""``nghiquyet backup`` and ``nghiquyet restore``: a round trip on the real database.

Runs on SQLite (a file database in WAL mode, as installed) and, when DATABASE_URL
names PostgreSQL, on PostgreSQL through pg_dump and pg_restore.
"""

import json
import subprocess
import sys

NQ = [sys.executable, "-m", "nghiquyet"]
PEOPLE = [
    ("vanphong_dongthap", "Nguyễn Thị Hồng"),
    ("stc_dongthap", "Trần Văn Minh"),
    ("thuongtruc_dongthap", "Lê Quốc Bình"),
]


def nq(env: dict, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*NQ, *args], env=env, capture_output=True, text=True, input=stdin)


def shell(env: dict, code: str) -> str:
    done = nq(env, "shell", "-v", "0", "-c", "from django.contrib.auth.models import User\n" + code)
    assert done.returncode == 0, done.stderr
    return done.stdout


def people(env: dict) -> list[list[str]]:
    return json.loads(
        shell(
            env,
            "import json\n"
            "print(json.dumps(list(User.objects.order_by('username')"
            ".values_list('username', 'first_name'))))",
        )
    )


def test_a_backup_brings_back_deleted_and_changed_records(cli_env, tmp_path):
    shell(cli_env, f"for name, full in {PEOPLE!r}: User.objects.create_user(name, first_name=full)")
    before = people(cli_env)
    assert len(before) == 3
    backup = tmp_path / "saoluu" / "nghiquyet.backup"
    done = nq(cli_env, "backup", str(backup))
    assert done.returncode == 0, done.stderr
    assert backup.stat().st_size > 0
    shell(
        cli_env,
        "User.objects.filter(username='stc_dongthap').delete()\n"
        "User.objects.filter(username='vanphong_dongthap').update(first_name='Đã sửa')\n"
        "User.objects.create_user('nguoi_moi')",
    )
    assert people(cli_env) != before
    done = nq(cli_env, "restore", str(backup), "--no-input")
    assert done.returncode == 0, done.stderr
    assert people(cli_env) == before


def test_restoring_a_file_that_is_not_a_backup_is_refused_and_changes_nothing(cli_env, tmp_path):
    shell(cli_env, "User.objects.create_user('vanphong_dongthap')")
    fake = tmp_path / "anh.backup"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200)
    done = nq(cli_env, "restore", str(fake), "--no-input")
    assert done.returncode != 0
    assert "không phải là bản sao lưu" in done.stderr
    assert people(cli_env) == [["vanphong_dongthap", ""]]


def test_restore_asks_first_and_a_no_changes_nothing(cli_env, tmp_path):
    backup = tmp_path / "nghiquyet.backup"
    assert nq(cli_env, "backup", str(backup)).returncode == 0
    shell(cli_env, "User.objects.create_user('nguoi_moi')")
    done = nq(cli_env, "restore", str(backup), stdin="không\n")
    assert done.returncode != 0
    assert people(cli_env) == [["nguoi_moi", ""]]
