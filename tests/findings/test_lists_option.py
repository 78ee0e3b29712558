"""``scan --lists`` and ``report --lists``: only the chosen lists count."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tendertrace.cli import app

from ..conftest import EXAMPLES

runner = CliRunner()


def _listed(output: str) -> set[str]:
    return {h["list"] for f in json.loads(output[output.index("["):]) for h in f["listed"]}


def test_scan_and_report_count_only_the_chosen_lists(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    full = runner.invoke(app, ["scan", str(EXAMPLES), "--db", db, "--format", "json", "-q"])
    assert full.exit_code == 0, full.output
    assert _listed(full.stdout) == {"EL"}  # the bundled sample is the Entity List
    md = tmp_path / "f.md"
    assert runner.invoke(app, ["report", "--db", db, "--md", str(md)]).exit_code == 0
    assert ": EL self (" in md.read_text(encoding="utf-8")
    assert runner.invoke(app, ["report", "--db", db, "--lists", "MEU", "--md", str(md)]).exit_code == 0
    assert ": EL " not in md.read_text(encoding="utf-8")
    none = runner.invoke(app, ["scan", str(EXAMPLES), "--db", db, "--format", "json", "-q", "--lists", "NS-CMIC,SDN"])
    assert none.exit_code == 0, none.output
    assert _listed(none.stdout) == set()
