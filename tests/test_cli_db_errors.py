"""A database error ends a CLI command with one line, never a traceback with SQL and parameters."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

CLI = [sys.executable, "-m", "tendertrace.cli"]
TIMEOUT = 120  # seconds: a command that only fails to reach its store


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=TIMEOUT, env=env)


@pytest.mark.parametrize("store_kind", ["unreachable", "not a database"])
def test_database_errors_are_one_line(tmp_path: Path, store_kind: str) -> None:
    if store_kind == "unreachable":  # port 1 on loopback: nothing listens there
        db = "postgresql+psycopg://nobody:secret@127.0.0.1:1/none?connect_timeout=2"
    else:
        bad = tmp_path / "broken.db"
        bad.write_bytes(b"this is not an SQLite file " * 100)
        db = f"sqlite:///{bad}"
    done = _run("documents", "--db", db)
    lines = [ln for ln in done.stderr.splitlines() if ln.strip()]
    assert done.returncode == 1, done.stderr
    assert len(lines) == 1 and lines[0].startswith("database error"), done.stderr
    assert "Traceback" not in done.stderr and "SELECT" not in done.stderr and "secret" not in done.stderr
