"""Kangxi radicals (⼤ U+2F24 for 大), as PDF text layers emit them, are shown as the ideographs
they stand for in every table, and kept as written in the stored text (the evidence)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tendertrace import store
from tendertrace.cli import app
from tendertrace.findings import build_findings
from tendertrace.report import factbox_markdown, html_report
from tendertrace.text.fold import display_fold, match_text

RADICAL_DA = "\u2f24"  # ⼤, KANGXI RADICAL BIG
NOTICE = (f"发布时间：2024年5月1日\n采购人：四川{RADICAL_DA}学\n"
          "采购需求：租用A100 GPU服务器，海外AWS账号，预算金额：100万元\n")


def test_display_fold_keeps_the_length_and_only_folds_radicals() -> None:
    text = f"四川{RADICAL_DA}学（AWS）"
    assert display_fold(text) == "四川大学（AWS）" and len(display_fold(text)) == len(text)
    assert match_text(text)[2] == "大"  # matching folded them already


def test_tables_show_the_ideograph_and_the_store_keeps_the_radical(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notice.txt").write_text(NOTICE, encoding="utf-8")
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    scanned = runner.invoke(app, ["scan", str(tmp_path / "in"), "--db", db, "-q", "--format", "csv"])
    assert scanned.exit_code == 0, scanned.output
    assert "四川大学" in scanned.stdout and RADICAL_DA not in scanned.stdout
    engine = store.connect(db)
    (doc,) = store.iter_documents(engine, with_text=True)
    assert f"四川{RADICAL_DA}学" in doc["text"]  # the evidence is what the document wrote
    findings = build_findings(engine)
    assert findings and RADICAL_DA not in html_report(findings, engine)
    assert "四川大学" in factbox_markdown(findings) and RADICAL_DA not in factbox_markdown(findings)
    assert any(RADICAL_DA in e.text for f in findings for e in f.evidence) or \
        any(RADICAL_DA in b for f in findings for b in f.buyer)
