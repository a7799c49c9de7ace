"""A consistent copy of the database, and putting one back.

SQLite runs in WAL mode: recent changes live in the ``-wal`` file beside the
database, so copying the database file alone loses them and copying both while a
writer is busy gives a torn copy. SQLite's backup API copies one consistent
snapshot, WAL included, while the site keeps serving. PostgreSQL is dumped by
``pg_dump`` in its custom format and put back by ``pg_restore`` in one transaction.
Uploaded files (MEDIA_ROOT) are plain files: copy that folder beside the backup.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import connections
from django.utils.translation import gettext as _

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"


def _vendor(using: str) -> str:
    return connections[using].vendor


def _pg_command(program: str, using: str) -> tuple[list[str], dict[str, str]]:
    """The program's path and the environment that points it at the database."""
    path = shutil.which(program)
    if path is None:
        raise ValidationError(
            _("%(program)s is not installed; install the PostgreSQL client tools.")
            % {"program": program}
        )
    db = connections[using].settings_dict
    env = {**os.environ, "PGDATABASE": db["NAME"], "PGUSER": db.get("USER") or ""}
    for key, var in (("PASSWORD", "PGPASSWORD"), ("HOST", "PGHOST"), ("PORT", "PGPORT")):
        if db.get(key):
            env[var] = str(db[key])
    return [path], env


def _run(command: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise ValidationError(done.stderr.strip() or done.stdout.strip())


def database_backup(*, path: Path, using: str = "default") -> Path:
    """Write a consistent copy of the database to ``path`` (replaced only once complete)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    if _vendor(using) == "sqlite":
        connection = connections[using]
        connection.ensure_connection()
        target = sqlite3.connect(partial)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    elif _vendor(using) == "postgresql":
        command, env = _pg_command("pg_dump", using)
        _run([*command, "--format=custom", "--no-owner", f"--file={partial}"], env)
    else:
        raise ValidationError(_("Backups support SQLite and PostgreSQL only."))
    partial.replace(path)
    return path


def _check_backup(path: Path, magic: bytes) -> None:
    if not path.is_file():
        raise ValidationError(_("No backup file at %(path)s.") % {"path": path})
    with path.open("rb") as file:
        if not file.read(len(magic)) == magic:
            raise ValidationError(
                _("%(path)s is not a backup of this kind of database.") % {"path": path}
            )


def database_restore(*, path: Path, using: str = "default") -> None:
    """Replace the whole database by the backup at ``path``."""
    path = Path(path)
    if _vendor(using) == "sqlite":
        _check_backup(path, SQLITE_MAGIC)
        connection = connections[using]
        connection.ensure_connection()
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    elif _vendor(using) == "postgresql":
        _check_backup(path, PG_MAGIC)
        connections[using].close()
        command, env = _pg_command("pg_restore", using)
        _run(
            [
                *command,
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                f"--dbname={env['PGDATABASE']}",
                str(path),
            ],
            env,
        )
    else:
        raise ValidationError(_("Backups support SQLite and PostgreSQL only."))
