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
