"""The Alembic migrations build exactly the schema the models describe, on SQLite and PostgreSQL,
and a store made before migrations existed is carried forward without losing a row."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from tendertrace import store


def _diff(engine) -> list:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(ctx, store.metadata)


def test_migrated_schema_matches_models(any_db: str) -> None:
    engine = store.connect(any_db)
    assert store.schema_revision(engine) == "0002"
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
    assert store.schema_revision(engine) == "0002"
    assert _diff(engine) == []
    doc = store.get_document(engine, "d1")
    assert doc is not None and doc["text"] == "正文" and doc["flagged"] is None
