"""``tendertrace watch --once`` end to end: a folder watched, new documents only, alerts recorded."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tendertrace import store
from tendertrace.cli import app
from tendertrace.store import alerts as alert_store

from .conftest import FINDING_HTML, LEAD_HTML


def test_watch_once_scans_new_documents_only(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.html").write_text(FINDING_HTML, encoding="utf-8")
    db = str(tmp_path / "w.db")
    runner = CliRunner()
    first = runner.invoke(app, ["watch", str(folder), "--once", "--db", db, "--min-score", "0", "--alert-backlog"])
    assert first.exit_code == 0, first.output
    assert "stored 1 new" in first.output
    (folder / "b.html").write_text(LEAD_HTML, encoding="utf-8")
    second = runner.invoke(app, ["watch", str(folder), "--once", "--db", db])
    assert "stored 1 new, 0 known" in second.output and "1 leads" in second.output
    engine = store.connect(db)
    assert store.status_counts(engine) == {"processed": 2}
    assert any(a["kind"] == "finding" for a in alert_store.recent_alerts(engine))
    leads = runner.invoke(app, ["leads", "--db", db, "--format", "csv"])
    assert leads.exit_code == 0 and "computing_centre" in leads.output


def test_bad_source_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["watch", str(tmp_path / "missing"), "--once", "--db", str(tmp_path / "w.db")])
    assert result.exit_code == 2 and "no such file or folder" in result.output


def test_webhook_needs_its_secret(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("TENDERTRACE_WEBHOOK_SECRET", raising=False)
    result = CliRunner().invoke(app, ["watch", str(tmp_path), "--once", "--db", str(tmp_path / "w.db"),
                                      "--webhook", "http://127.0.0.1:9/"])
    assert result.exit_code != 0 and "TENDERTRACE_WEBHOOK_SECRET" in result.output
