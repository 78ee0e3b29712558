"""`tendertrace rescreen`, `lists remove` and `lists show --max-age`: list versions and re-screening
the stored parties without reading a document again."""

from __future__ import annotations

import csv
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import update
from typer.testing import CliRunner

from tendertrace import store
from tendertrace.cli import app
from tendertrace.cli_support import user_lists_url
from tendertrace.rescreen import rescreen
from tendertrace.screen import load_screener
from tendertrace.store import listversions

from ..conftest import EXAMPLES, ROOT

runner = CliRunner()
HEADER = next(csv.reader((ROOT / "src/tendertrace/knowledge/sample_entity_list.csv").open(encoding="utf-8")))
UNICOM = "China United Network Communications Group Company Limited"
BRANCH = "中国联合网络通信有限公司宁波市分公司"  # the supplier of examples/ningbo_parking_tencent_cloud.html


def write_list(path: Path, entries: list[dict[str, str]]) -> Path:
    """A list file in the Consolidated Screening List's CSV layout."""
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=HEADER)
        writer.writeheader()
        for n, entry in enumerate(entries):
            writer.writerow({"_id": f"t-{n}", "source": "Entity List (EL) - Bureau of Industry and Security",
                             "type": "Entity", "license_requirement": "For all items subject to the EAR.",
                             "federal_register_notice": "89 FR 1 1/2/24", **entry})
    return path


def run(*args: str) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def rescreen_json(db: str) -> dict[str, Any]:
    return json.loads(run("rescreen", "--db", db, "--format", "json").stdout)


def test_rescreen_reports_new_changed_and_cleared_hits_and_moved_scores(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    run("scan", str(EXAMPLES), "--db", db, "-q")  # screened against the bundled sample: USTC, Sichuan University
    first = rescreen_json(db)
    assert first["changes"] == [] and first["previous_version"] is None and first["list_version"] is None

    run("lists", "load", str(write_list(tmp_path / "a.csv", [{"name": UNICOM}])))
    after_a = rescreen_json(db)
    kinds = {(c["kind"], c["party"]) for c in after_a["changes"]}
    assert ("new", BRANCH) in kinds
    assert {k for k, _ in kinds} == {"new", "cleared"}  # the sample's USTC and Sichuan hits are gone
    assert after_a["list_version"] == 1 and after_a["counts"]["new"] == 1
    moved = {m["case_id"]: m for m in after_a["findings"]}
    unicom_case = next(c["case_id"] for c in after_a["changes"] if c["party"] == BRANCH)
    assert unicom_case in moved and moved[unicom_case]["after"] > (moved[unicom_case]["before"] or 0)

    again = rescreen_json(db)
    assert again["changes"] == [] and again["findings"] == [] and again["previous_version"] == 1

    run("lists", "load", str(write_list(tmp_path / "a.csv", [{"name": UNICOM, "alt_names": BRANCH}])))
    changed = rescreen_json(db)
    (change,) = changed["changes"]
    assert change["kind"] == "changed" and change["before"][0]["relation"] == "affiliate"
    assert change["after"][0]["relation"] == "self" and changed["list_version"] == 2

    removed = run("lists", "remove", "EL")
    assert "list version 3" in removed.output
    cleared = rescreen_json(db)
    assert any(c["kind"] == "cleared" and c["party"] == BRANCH for c in cleared["changes"])

    engine = store.connect(db)
    assert [e["list_version"] for e in reversed(listversions.events(engine))] == [None, 1, 1, 2, 3]


def test_rescreen_prints_a_table_and_csv(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    run("scan", str(EXAMPLES), "--db", db, "-q")
    run("lists", "load", str(write_list(tmp_path / "a.csv", [{"name": UNICOM}])))
    table = runner.invoke(app, ["rescreen", "--db", db], env={"COLUMNS": "400"})
    assert "1 new" in table.stderr and BRANCH in table.stdout
    rows = list(csv.DictReader(run("rescreen", "--db", db, "--format", "csv").stdout.splitlines()))
    assert rows == []  # nothing changed since the previous run
    run("lists", "remove", "EL")
    rows = list(csv.DictReader(run("rescreen", "--db", db, "--format", "csv").stdout.splitlines()))
    assert {r["kind"] for r in rows} >= {"cleared", "score"}


def test_a_rescreened_store_is_not_scanned_again(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    run("scan", str(EXAMPLES), "--db", db, "-q")
    run("lists", "load", str(write_list(tmp_path / "a.csv", [{"name": UNICOM}])))
    run("rescreen", "--db", db)
    rescan = run("scan", str(EXAMPLES), "--db", db, "-q")
    assert "0 processed" in rescan.stderr and "unchanged" in rescan.stderr


def test_a_rescreen_stopped_before_its_findings_were_compared_is_finished(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    run("scan", str(EXAMPLES), "--db", db, "-q")
    run("lists", "load", str(write_list(tmp_path / "a.csv", [{"name": UNICOM}])))
    engine = store.connect(db)
    lists_engine = store.connect(user_lists_url())
    report = rescreen(engine, load_screener(engine, fallback=lists_engine), 1)
    assert report.findings
    with engine.begin() as conn:  # as if killed after the hits were written, before the comparison
        conn.execute(update(listversions.rescreen_events).values(finished_at=None, findings=None))
    rescreen_json(db)
    events = listversions.events(engine)
    assert all(e["finished_at"] is not None for e in events)
    assert [len(e["findings"]) for e in reversed(events)] == [len(report.findings), 0]


def test_lists_versions_are_kept_with_count_and_hash(tmp_path: Path) -> None:
    path = write_list(tmp_path / "a.csv", [{"name": UNICOM}])
    run("lists", "load", str(path))
    run("lists", "load", str(path))
    engine = store.connect(user_lists_url())
    kept = listversions.versions(engine)
    assert [(v["id"], v["list"], v["count"], v["action"]) for v in kept] == [(1, "EL", 1, "load"), (2, "EL", 1, "load")]
    assert kept[0]["hash"] == kept[1]["hash"] and len(kept[0]["hash"]) == 64
    write_list(path, [{"name": UNICOM}, {"name": "Beijing Institute of Technology"}])
    run("lists", "load", str(path))
    assert listversions.versions(engine)[-1]["hash"] != kept[0]["hash"]


def test_lists_remove_an_unknown_list_fails(tmp_path: Path) -> None:
    result = runner.invoke(app, ["lists", "remove", "NOPE"])
    assert result.exit_code == 1 and "no list named 'NOPE'" in result.output


def test_lists_show_warns_about_an_old_list(tmp_path: Path) -> None:
    run("lists", "load", str(write_list(tmp_path / "a.csv", [{"name": UNICOM}])))
    assert "warning" not in run("lists", "show").output
    engine = store.connect(user_lists_url())
    with engine.begin() as conn:
        conn.execute(update(store.list_sources).values(loaded_at=store.now() - timedelta(days=45)))
    shown = run("lists", "show")
    assert "loaded 45 days ago, over --max-age 30" in shown.output
    assert "warning" not in run("lists", "show", "--max-age", "60").output
