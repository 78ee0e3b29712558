"""Every way of naming a store that cannot be opened ends a command with one line and exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

CLI = [sys.executable, "-m", "tendertrace.cli"]
TIMEOUT = 120  # seconds: a command that only fails to reach its store
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PASSWORD = "s3cretpw"


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "80"}
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=TIMEOUT, env=env, cwd=cwd)


def _bad_stores(tmp: Path) -> dict[str, tuple[list[str], str]]:
    (tmp / "some.txt").write_text("a text file, not a database\n" * 50, encoding="utf-8")
    return {
        "unknown scheme": (["scan", str(EXAMPLES), "-q", "--db", "foo://bar/baz"], "unknown kind of database"),
        "missing folder": (["documents", "--db", "/nonexistent/dir/x.db"], "does not exist"),
        "a folder": (["documents", "--db", str(tmp)], "is a folder"),
        "no server": (["documents", "--db", f"postgresql+psycopg://u:{PASSWORD}@127.0.0.1:1/x?connect_timeout=2"],
                      "cannot reach the database"),
        "not a database": (["documents", "--db", "some.txt"], "not a SQLite database"),
        "no driver": (["documents", "--db", f"mysql://u:{PASSWORD}@127.0.0.1/x"], "driver"),
        "serve": (["serve", "--db", "foo://x"], "unknown kind of database"),
    }


@pytest.mark.parametrize("case", ["unknown scheme", "missing folder", "a folder", "no server", "not a database",
                                  "no driver", "serve"])
def test_a_store_that_cannot_be_opened_is_one_line_and_exit_2(tmp_path: Path, case: str) -> None:
    args, said = _bad_stores(tmp_path)[case]
    done = _run(*args, cwd=tmp_path)
    lines = [ln for ln in (done.stderr + done.stdout).splitlines() if ln.strip()]
    assert done.returncode == 2, done.stderr
    assert len(lines) == 1, done.stderr
    assert said in lines[0] and "Traceback" not in lines[0]
    assert PASSWORD not in done.stderr + done.stdout
    assert "serving" not in done.stderr  # serve refuses before announcing anything


def test_a_password_is_never_printed_by_a_scan(tmp_path: Path) -> None:
    from tendertrace.cli_support import display_url

    assert PASSWORD not in display_url(f"postgresql+psycopg://u:{PASSWORD}@db/x")
    assert display_url("tendertrace.db") == "tendertrace.db"
