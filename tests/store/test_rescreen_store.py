"""Re-screening writes only rows nobody stored again meanwhile, and leaves unchanged lists' hits as the scan stored them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from tendertrace import rescreen as rescreen_module
from tendertrace import store
from tendertrace.pipeline import scan
from tendertrace.rescreen import rescreen
from tendertrace.screen import sample_screener
from tendertrace.screen.matcher import Screener

from ..conftest import EXAMPLES


def test_unchanged_lists_change_no_hit(tmp_path: Path) -> None:
    engine = store.connect(f"sqlite:///{tmp_path / 'r.db'}")
    scan([str(EXAMPLES)], engine, screener=sample_screener())
    before = {d["id"]: d["result"]["hits"] for d in store.iter_documents(engine)}
    report = rescreen(engine, sample_screener())
    assert report.changes == [] and report.findings == [] and report.parties > 0
    after = {d["id"]: d["result"]["hits"] for d in store.iter_documents(engine)}
    assert after == before


def test_a_row_stored_again_during_a_rescreen_keeps_its_newer_results(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    engine = store.connect(f"sqlite:///{tmp_path / 'r.db'}")
    scan([str(EXAMPLES)], engine, screener=sample_screener())
    target = next(d for d in store.iter_documents(engine) if d["result"]["hits"])
    real = rescreen_module.screen_parties
    calls: list[int] = []

    def screen_then_restore(*args: Any) -> Any:
        if not calls:  # another process stores the document again, with another version
            with engine.begin() as conn:
                conn.execute(update(store.documents).where(store.documents.c.id == target["id"])
                             .values(pipeline_version="other-version"))
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(rescreen_module, "screen_parties", screen_then_restore)
    rescreen(engine, Screener([], sample=True))  # no entry: every hit it writes is cleared
    rows = {d["id"]: d for d in store.iter_documents(engine)}
    assert rows[target["id"]]["pipeline_version"] == "other-version"
    assert rows[target["id"]]["result"]["hits"] == target["result"]["hits"]
    assert all(not r["result"]["hits"] for i, r in rows.items() if i != target["id"] and r["result"])


UK_NOTICE = """<html><body><h1>Contract award: GPU compute nodes</h1>
<p>Buyer: Imperial College London</p><p>Supplier: Acme Compute Limited</p>
<p>Purchase of 4 GPU servers, each with 8 NVIDIA H100 SXM accelerators, for the research data centre.</p>
<p>Contract value: GBP 1,200,000</p><p>Date: 2024-06-03</p></body></html>"""


def _dump(engine: Any) -> list[tuple[Any, ...]]:
    from tendertrace.findings import build_findings

    return sorted((f.case_id, f.score, tuple(f.route), tuple(c.context or "" for c in f.classification),
                   tuple(h.entry for h in f.listed)) for f in build_findings(engine))


def test_a_first_listed_party_classifies_the_items_as_a_fresh_scan_would(tmp_path: Path) -> None:
    from tendertrace.model import ListEntry

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "uk.html").write_text(UK_NOTICE, encoding="utf-8")
    listed = Screener([ListEntry(id="t-1", list="EL", name="Acme Compute Limited", source="test", version="v")])
    unlisted = Screener([ListEntry(id="t-2", list="EL", name="Zeta Widgets Corporation", source="test", version="v")])
    rescreened = store.connect(f"sqlite:///{tmp_path / 'a.db'}")
    scan([str(tmp_path / "in")], rescreened, screener=unlisted)
    before = _dump(rescreened)
    assert all(not case[1] or "no China nexus" in " ".join(case[3]) for case in before)
    rescreen(rescreened, listed)
    fresh = store.connect(f"sqlite:///{tmp_path / 'b.db'}")
    scan([str(tmp_path / "in")], fresh, screener=listed)
    assert _dump(rescreened) == _dump(fresh) and _dump(fresh) != before
    rescreen(rescreened, unlisted)  # the hit cleared: back to the first scan's classification
    assert _dump(rescreened) == before
