"""The Alembic migrations build exactly the schema the models describe, on SQLite and PostgreSQL,
a store made before migrations existed is carried forward without losing a row, and results
stored in an older shape are rewritten into the current one (and back on a downgrade)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.engine import Engine

from tendertrace import store
from tendertrace.findings import document_finding
from tendertrace.model import DocumentResult


def _diff(engine) -> list:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(ctx, store.metadata)


def test_migrated_schema_matches_models(any_db: str) -> None:
    engine = store.connect(any_db)
    assert store.schema_revision(engine) == store.head_revision()
    assert _diff(engine) == []


def test_downgrade_and_upgrade_again(any_db: str) -> None:
    engine = store.connect(any_db)
    store.downgrade(engine, "0001")
    assert store.schema_revision(engine) == "0001"
    assert "findings" not in inspect(engine).get_table_names()
    store.upgrade(engine)
    assert _diff(engine) == []


def test_store_made_before_migrations_is_carried_forward(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = create_engine(url)
    # The schema tendertrace 0.1 created without Alembic, with one stored document.
    with old.begin() as conn:
        conn.execute(text(
            "CREATE TABLE documents (id VARCHAR(64) NOT NULL, source TEXT NOT NULL, source_id VARCHAR(200), "
            "file TEXT, format VARCHAR(16), title TEXT, published VARCHAR(10), status VARCHAR(16) NOT NULL, "
            "reason TEXT, warnings JSON, text TEXT, encoding VARCHAR(32), result JSON, "
            "pipeline_version VARCHAR(32), scanned_at DATETIME, PRIMARY KEY (id))"))
        conn.execute(text("CREATE INDEX ix_documents_source_id ON documents (source_id)"))
        conn.execute(text("CREATE INDEX ix_documents_status ON documents (status)"))
        conn.execute(text("CREATE TABLE list_sources (key VARCHAR(200) NOT NULL, list VARCHAR(32) NOT NULL, "
                          "source TEXT NOT NULL, version VARCHAR(64), count INTEGER, loaded_at DATETIME, PRIMARY KEY (key))"))
        conn.execute(text(
            "CREATE TABLE list_entries (id VARCHAR(64) NOT NULL, source_key VARCHAR(200) NOT NULL, "
            "list VARCHAR(32) NOT NULL, name TEXT NOT NULL, aliases JSON, country TEXT, address TEXT, "
            "federal_register TEXT, license_requirement TEXT, license_policy TEXT, source TEXT, version VARCHAR(64), "
            "PRIMARY KEY (id))"))
        conn.execute(text("CREATE INDEX ix_list_entries_source_key ON list_entries (source_key)"))
        conn.execute(text("INSERT INTO documents (id, source, status, text) VALUES ('d1', 'a.html', 'processed', '正文')"))
    old.dispose()
    engine = store.connect(url)
    assert store.schema_revision(engine) == store.head_revision()
    assert _diff(engine) == []
    doc = store.get_document(engine, "d1")
    assert doc is not None and doc["text"] == "正文" and doc["flagged"] is None


FIXTURE = Path(__file__).with_name("fixtures") / "results_0002.json"


def _old_rows() -> list[dict[str, Any]]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))["rows"]


def _store_at_0002(url: str) -> Engine:
    """A store at revision 0002 holding the fixture's documents as that revision stored them."""
    engine = store.connect(url)
    store.downgrade(engine, "0002")
    with engine.begin() as conn:
        conn.execute(store.documents.insert(), [
            {**{k: r["document"][k] for k in ("id", "source", "source_id", "file", "title", "text", "result")},
             "status": "processed", "flagged": True, "pipeline_version": "0.1.0+old"} for r in _old_rows()])
    return engine


def _within(stored: Any, full: Any) -> bool:
    """Every key ``stored`` has, ``full`` has with the same value (it may have more: defaults)."""
    if isinstance(stored, dict):
        return isinstance(full, dict) and all(k in full and _within(v, full[k]) for k, v in stored.items())
    if isinstance(stored, list):
        return isinstance(full, list) and len(stored) == len(full) and all(map(_within, stored, full))
    return bool(stored == full)


def test_stored_results_are_rewritten_into_the_typed_shape(tmp_path: Path) -> None:
    engine = _store_at_0002(f"sqlite:///{tmp_path / 'old.db'}")
    store.upgrade(engine)
    assert store.schema_revision(engine) == store.head_revision()
    by_id = {d["id"]: d for d in store.iter_documents(engine, with_text=True)}
    for old in _old_rows():
        doc = by_id[old["document"]["id"]]
        result = DocumentResult.from_dict(doc["result"])
        assert _within(doc["result"], result.to_dict())  # the typed result holds all that was stored
        record = old["document"]["result"]["extraction"]
        assert result.extraction.names("buyer") == record["buyer"]
        assert result.extraction.names("supplier") == record["suppliers"]
        assert (result.extraction.amount.value if result.extraction.amount else None) == record["amount"]
        assert [h.entry for h in result.hits] == [h["match"] for h in old["document"]["result"]["hits"]]
        for party in result.extraction.parties:
            assert party.span is not None and doc["text"][party.span.start:party.span.end] == party.name


def test_migrated_results_give_the_findings_the_old_code_built(tmp_path: Path) -> None:
    engine = _store_at_0002(f"sqlite:///{tmp_path / 'old.db'}")
    store.upgrade(engine)
    built = {f.documents[0].id: f for f in (document_finding(d) for d in store.iter_documents(engine, with_text=True)) if f}
    for old in _old_rows():
        f, want = built[old["document"]["id"]], old["finding"]
        assert (f.case_id, f.score, f.score_parts, f.amount, f.currency) == (
            want["case_id"], want["score"], want["score_parts"], want["amount"], want["currency"])
        assert [[e.start, e.end, e.text] for e in f.evidence] == want["evidence"]
        assert [[h.party, h.entry, h.relation, h.score] for h in f.listed] == want["listed"]
        assert (f.buyer, f.suppliers) == (want["buyer"], want["suppliers"])


def test_downgrade_writes_the_old_shape_back(tmp_path: Path) -> None:
    engine = _store_at_0002(f"sqlite:///{tmp_path / 'old.db'}")
    store.upgrade(engine)
    store.downgrade(engine, "0002")
    with engine.connect() as conn:  # the columns 0002 has: the models' newer ones are gone
        rows = conn.execute(select(store.documents.c.id, store.documents.c.result)).all()
    by_id = {doc_id: result for doc_id, result in rows}
    for old in _old_rows():
        assert by_id[old["document"]["id"]] == old["document"]["result"]
