"""``ownership load`` then ``screen`` and ``scan``: an owned party reported with its path and the rule's state."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tendertrace.cli import app

from .conftest import FIXTURES

runner = CliRunner()
ALL = [str(FIXTURES / n) for n in ("holdings.csv", "ownership.ftm.jsonl", "gleif_lei.csv", "gleif_rr.csv", "gleif_rr.json")]
NOTICE = "项目名称：示例GPU服务器采购（{day}）\n采购人：{buyer}\n发布日期：{day}\n采购内容：NVIDIA H100 GPU服务器2台\n"


def _load(db: Path) -> None:
    result = runner.invoke(app, ["ownership", "load", *ALL, "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "holdings.csv: 6 ownership links" in result.output and "LEI names" in result.output
    shown = runner.invoke(app, ["ownership", "show", "--db", str(db)])
    assert "gleif_rr.csv\t2 links" in shown.stdout


def test_screen_reports_an_owned_party_with_the_rule_state_on_the_date(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    _load(db)
    out = runner.invoke(app, ["screen", "南京示例雷达技术有限公司", "--db", str(db), "--date", "2026-01-01", "--format", "json"])
    assert out.exit_code == 0, out.output
    [row] = json.loads(out.stdout)
    [hit] = row["hits"]
    assert hit["relation"] == "owned" and hit["owned_share"] == 55.0 and hit["rule_state"] == "suspended"
    assert len(hit["ownership"]) == 3


def test_ownership_load_fails_on_a_file_of_no_known_format(tmp_path: Path) -> None:
    bad = tmp_path / "x.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    result = runner.invoke(app, ["ownership", "load", str(bad), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 1 and "cannot load" in result.output


def _scan(tmp_path: Path, db: Path, day: str, buyer: str = "南京示例电子有限公司") -> dict:
    docs = tmp_path / day
    docs.mkdir()
    (docs / "notice.txt").write_text(NOTICE.format(buyer=buyer, day=day), encoding="utf-8")
    out = runner.invoke(app, ["scan", str(docs), "--db", str(db), "--format", "json", "-q"])
    assert out.exit_code == 0, out.output
    findings = [f for f in json.loads(out.stdout[out.stdout.index("["):])
                if any(d["file"].endswith(f"{day}/notice.txt") for d in f["documents"])]
    assert len(findings) == 1
    return findings[0]


def test_scan_scores_an_owned_buyer_by_the_rule_state_on_the_notice_date(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    _load(db)
    parts = {}
    for day in ("2025-06-01", "2025-10-15", "2026-03-01", "2026-12-01"):
        f = _scan(tmp_path, db, day)
        [hit] = [h for h in f["listed"] if h["relation"] == "owned"]
        assert hit["party"] == "南京示例电子有限公司" and hit["role"] == "buyer" and "CETC 14" in hit["entry"]
        assert "Entity List" in hit["meaning"]
        parts[day] = (hit["rule_state"], f["score_parts"]["listed"])
    assert [s for s, _ in parts.values()] == ["not yet made", "in force", "suspended", "in force"]
    assert parts["2025-10-15"][1] == parts["2026-12-01"][1] > parts["2026-03-01"][1] > parts["2025-06-01"][1]
