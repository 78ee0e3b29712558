"""What a new user meets in the first hour: inputs, the 80-column terminal, where the lists live."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tendertrace.cli import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NARROW = 80  # columns of the terminal a user starts with
runner = CliRunner()


def _invoke(*args: str) -> object:
    return runner.invoke(app, list(args), env={"COLUMNS": str(NARROW)})


@pytest.mark.parametrize("command", ["scan", "extract"])
def test_a_missing_file_is_exit_2_for_scan_and_extract(tmp_path: Path, command: str) -> None:
    result = runner.invoke(app, [command, str(tmp_path / "nope.html"), *(["--db", str(tmp_path / "t.db")]
                                                                         if command == "scan" else [])])
    assert result.exit_code == 2 and "not found" in result.output


@pytest.mark.parametrize("command", ["scan", "extract"])
def test_an_empty_folder_says_so(tmp_path: Path, command: str) -> None:
    empty = tmp_path / "empty"
    (empty / "sub").mkdir(parents=True)
    args = [command, str(empty), *(["--db", str(tmp_path / "t.db"), "-q"] if command == "scan" else [])]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert f"no files in {empty}" in result.output
    assert "no input could be read" not in result.output and "┏" not in result.output


def test_extract_of_unreadable_input_fails(tmp_path: Path) -> None:
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"%PDF-1.4 truncated")
    result = runner.invoke(app, ["extract", str(bad)])
    assert result.exit_code == 1 and "no input could be read" in result.output


NAMES = ["中国科学技术大学苏州高等研究院", "Univ. of Sci. & Tech. of China", "Sugon", "华为", "Acme Widgets Ltd"]


def test_screen_is_compact_at_80_columns_and_explains_on_request(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    compact = _invoke("screen", *NAMES, "--db", db)
    assert compact.exit_code == 0, compact.output
    table = [ln for ln in compact.stdout.splitlines() if ln.startswith(("│", "┃"))]
    assert all(len(ln) <= NARROW for ln in compact.stdout.splitlines())
    assert len(table) <= 3 * len(NAMES)  # a name, and at most two folded lines of it
    assert "via" not in compact.stdout
    explained = _invoke("screen", *NAMES, "--db", db, "--explain")
    assert "explanation" in explained.stdout and "via" in explained.stdout


def test_screen_csv_keeps_the_explanation(tmp_path: Path) -> None:
    result = runner.invoke(app, ["screen", "Sugon", "--db", str(tmp_path / "t.db"), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["explanation"]


def test_documents_pages_newest_first(tmp_path: Path) -> None:
    from tendertrace import store

    db = str(tmp_path / "t.db")
    assert runner.invoke(app, ["scan", str(EXAMPLES), "--db", db, "-q"]).exit_code == 0
    dates = sorted((r["published"] or "" for r in store.iter_documents(store.connect(db))), reverse=True)
    first = runner.invoke(app, ["documents", "--db", db, "--limit", "2", "--format", "json"])
    import json

    shown = json.loads(first.stdout)
    assert [r["published"] or "" for r in shown] == dates[:2]
    second = json.loads(runner.invoke(app, ["documents", "--db", db, "--limit", "2", "--offset", "2",
                                            "--format", "json"]).stdout)
    assert [r["published"] or "" for r in second] == dates[2:4]
    table = _invoke("documents", "--db", db, "--limit", "2")
    assert "--offset 2" in table.output


def test_the_sample_warning_breaks_only_between_sentences(tmp_path: Path) -> None:
    result = _invoke("screen", "Sugon", "--db", str(tmp_path / "t.db"))
    warning = [ln for ln in result.stderr.splitlines() if ln.startswith(("warning", "  "))]
    assert warning and warning[0].startswith("warning: no screening list")
    # each line is a whole clause: it ends with punctuation, or the next starts with 'nor'
    for line, after in zip(warning, [*warning[1:], ""], strict=True):
        assert line.rstrip().endswith((";", ".")) or after.strip().startswith("nor"), warning
    assert "20-entry sample" in result.stderr


def test_lists_go_to_the_per_user_store_that_every_store_reads(tmp_path: Path) -> None:
    from tendertrace.screen.lists import iter_sample_files

    sample = next(iter(iter_sample_files()))
    loaded = runner.invoke(app, ["lists", "load", str(sample)])
    assert loaded.exit_code == 0, loaded.output
    assert "per-user list store" in loaded.output
    for folder in ("a", "b"):  # a scan from any folder, into any store, reads those lists
        (tmp_path / folder).mkdir()
        result = runner.invoke(app, ["screen", "Sugon", "--db", str(tmp_path / folder / "t.db")])
        assert result.exit_code == 0
        assert "sample" not in result.stderr
    shown = runner.invoke(app, ["lists", "show"])
    assert "per-user list store" in shown.output and "EL" in shown.output


def test_lists_load_of_alt_csv_names_sdn_csv_once(tmp_path: Path) -> None:
    alt = tmp_path / "alt.csv"
    alt.write_text('1,2,"a.k.a.","NAME",-0-\n', encoding="utf-8")
    result = runner.invoke(app, ["lists", "load", str(alt), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 1
    assert "load sdn.csv; alt.csv and add.csv beside it are read with it" in result.output
    assert result.output.count(str(alt)) == 1
    missing = runner.invoke(app, ["lists", "load", str(tmp_path / "gone.csv"), "--db", str(tmp_path / "t.db")])
    assert missing.output.count("gone.csv") == 1


def test_help_has_the_glossary() -> None:
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "200"})
    for word in ("cloud_rental", "cloud_account", "hosted_model", "model_api", "hardware_purchase", "3A090",
                 "not a probability"):
        assert word in result.output
