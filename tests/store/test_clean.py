"""Every string reaching the store is made storable in one place, and a refused row fails alone."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from tendertrace import store
from tendertrace.store import jobqueue
from tendertrace.store.clean import clean_text, clean_value, refused

STRING_COLUMNS = ("source", "source_id", "file", "format", "title", "published", "reason", "text", "encoding",
                  "pipeline_version")


def _row(doc_id: str, **values: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": doc_id, "source": "upload/a", "source_id": "a", "file": "a.html", "format": "html", "title": "t",
        "published": "2024-01-01", "status": "processed", "reason": None, "warnings": [], "text": "body",
        "encoding": "utf-8", "result": None, "pipeline_version": "v1", "scanned_at": store.now(), "flagged": False,
    }
    row.update(values)
    return row


def test_clean_text_removes_nul_and_replaces_lone_surrogates() -> None:
    assert clean_text("a\x00b\ud800c") == "ab\ufffdc"
    clean = "深圳大学 ok"
    assert clean_text(clean) is clean
    assert clean_value({"k\x00": ["x\x00", ("y\udfff", 3)], "n": None}) == {"k": ["x", ("y\ufffd", 3)], "n": None}
    assert refused("a\x00") and refused("\udc80") and not refused("\u202e")


@pytest.mark.parametrize("column", STRING_COLUMNS)
def test_nul_in_any_column_is_stored_cleaned(any_db: str, column: str) -> None:
    engine = store.connect(any_db)
    value = {"format": "h\x00tml", "published": "2024\x00-01-01"}.get(column, f"bad\x00value\ud800 {column}")
    store.save_documents(engine, [_row("d1", **{column: value}), _row("d2")])
    stored = store.get_document(engine, "d1")
    assert stored is not None and stored["status"] == "processed"
    assert stored[column] == clean_text(value) and "\x00" not in stored[column]
    assert store.get_document(engine, "d2") is not None


def test_nul_inside_json_columns_and_other_tables(any_db: str) -> None:
    engine = store.connect(any_db)
    store.save_documents(engine, [_row("d1", warnings=["w\x00arn"], result={"note": "x\x00y", "k\x00": 1})])
    stored = store.get_document(engine, "d1")
    assert stored is not None and stored["warnings"] == ["warn"] and stored["result"] == {"note": "xy", "k": 1}
    job_id = jobqueue.create_job(engine, [("n\x00ame.html", b"<p>\x00</p>")], [], "ali\x00ce")
    job = jobqueue.get_job(engine, job_id)
    assert job is not None and job["submitted_by"] == "alice"
    inputs = jobqueue.job_inputs(engine, job_id)
    assert inputs[0]["name"] == "name.html" and bytes(inputs[0]["data"]) == b"<p>\x00</p>"  # bytes kept as sent


def test_a_refused_row_fails_alone_with_a_short_reason(any_db: str) -> None:
    engine = store.connect(any_db)
    rows = [_row("good1"), _row("bad", source=None, text="secret text of this document"), _row("good2")]
    store.save_documents(engine, rows)
    assert rows[1]["status"] == "failed" and "INSERT" not in rows[1]["reason"] and len(rows[1]["reason"]) <= 200
    with engine.connect() as conn:
        stored = {r.id: r for r in conn.execute(select(store.documents))}
    assert set(stored) == {"good1", "bad", "good2"}
    assert stored["good1"].status == stored["good2"].status == "processed"
    assert stored["bad"].status == "failed" and stored["bad"].text is None and stored["bad"].reason == rows[1]["reason"]
