"""The store: documents with their per-stage results, screening lists, reviews.

SQLAlchemy Core over SQLite by default (``sqlite:///tendertrace.db``) or PostgreSQL for a team.
A document's row is written in one transaction with all its results, so a scan killed at any
moment leaves each document either fully stored or absent -- resuming redoes only what is absent.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    func,
    select,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from ..model import ListEntry

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("source", Text, nullable=False),
    Column("source_id", String(200), index=True),
    Column("file", Text),
    Column("format", String(16)),
    Column("title", Text),
    Column("published", String(10)),
    Column("status", String(16), nullable=False),  # processed | failed
    Column("reason", Text),  # why it failed
    Column("warnings", JSON),
    Column("text", Text),
    Column("encoding", String(32)),
    Column("result", JSON),  # extraction, classifications, hits: see pipeline.DocumentResult
    Column("pipeline_version", String(32)),
    Column("scanned_at", DateTime(timezone=True)),
)

list_sources = Table(
    "list_sources",
    metadata,
    Column("key", String(200), primary_key=True),  # list code + source file, e.g. "EL|bis_entity_list.json"
    Column("list", String(32), nullable=False),
    Column("source", Text, nullable=False),
    Column("version", String(64)),
    Column("count", Integer),
    Column("loaded_at", DateTime(timezone=True)),
)

list_entries = Table(
    "list_entries",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("source_key", String(200), nullable=False, index=True),
    Column("list", String(32), nullable=False),
    Column("name", Text, nullable=False),
    Column("aliases", JSON),
    Column("country", Text),
    Column("address", Text),
    Column("federal_register", Text),
    Column("license_requirement", Text),
    Column("license_policy", Text),
    Column("source", Text),
    Column("version", String(64)),
)

Index("ix_documents_status", documents.c.status)


def connect(url: str | None = None) -> Engine:
    """An engine for a SQLAlchemy URL or a plain path (``tendertrace.db``); tables are created."""
    url = url or "sqlite:///tendertrace.db"
    if "://" not in url:
        url = f"sqlite:///{url}"
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

    metadata.create_all(engine)
    return engine


def now() -> datetime:
    return datetime.now(UTC)


def done_ids(engine: Engine, ids: Iterable[str], version: str) -> set[str]:
    """Which of these documents are already stored by this pipeline version."""
    ids = list(ids)
    if not ids:
        return set()
    with engine.connect() as conn:
        rows = conn.execute(
            select(documents.c.id).where(documents.c.id.in_(ids), documents.c.pipeline_version == version)
        )
        return {r[0] for r in rows}


def save_documents(engine: Engine, rows: list[dict[str, Any]]) -> None:
    """Insert or replace document rows in one transaction.

    Two workers may store the same document (the same content in two batches) at once; the loser
    of that race retries and replaces the winner's identical row.
    """
    if not rows:
        return
    ids = [r["id"] for r in rows]
    for attempt in range(3):
        try:
            with engine.begin() as conn:
                conn.execute(documents.delete().where(documents.c.id.in_(ids)))
                conn.execute(documents.insert(), rows)
            return
        except IntegrityError:
            if attempt == 2:
                raise


def iter_documents(
    engine: Engine, status: str | None = None, ids: list[str] | None = None, with_text: bool = False
) -> Iterator[dict[str, Any]]:
    cols = [c for c in documents.c if with_text or c.name != "text"]
    query = select(*cols).order_by(documents.c.id)
    if status:
        query = query.where(documents.c.status == status)
    if ids is not None:
        query = query.where(documents.c.id.in_(ids))
    with engine.connect() as conn:
        for row in conn.execute(query).mappings():
            yield dict(row)


def get_document(engine: Engine, doc_id: str) -> dict[str, Any] | None:
    with engine.connect() as conn:
        row = conn.execute(select(documents).where(documents.c.id == doc_id)).mappings().first()
        return dict(row) if row else None


def status_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        rows = conn.execute(select(documents.c.status, func.count()).group_by(documents.c.status))
        return {status: count for status, count in rows}


# -- screening lists -------------------------------------------------------------------------


def replace_list(engine: Engine, list_code: str, source: str, version: str, entries: list[ListEntry]) -> int:
    """Store one list from one source, replacing what that source gave before."""
    key = f"{list_code}|{source}"
    with engine.begin() as conn:
        conn.execute(list_entries.delete().where(list_entries.c.source_key == key))
        conn.execute(list_sources.delete().where(list_sources.c.key == key))
        if entries:
            conn.execute(
                list_entries.insert(),
                [
                    {
                        "id": e.id, "source_key": key, "list": e.list, "name": e.name, "aliases": e.aliases,
                        "country": e.country, "address": e.address, "federal_register": e.federal_register,
                        "license_requirement": e.license_requirement, "license_policy": e.license_policy,
                        "source": e.source, "version": e.version,
                    }
                    for e in entries
                ],
            )
        conn.execute(
            list_sources.insert(),
            {"key": key, "list": list_code, "source": source, "version": version, "count": len(entries),
             "loaded_at": now()},
        )
    return len(entries)


def load_entries(engine: Engine) -> list[ListEntry]:
    with engine.connect() as conn:
        rows = conn.execute(select(list_entries).order_by(list_entries.c.id)).mappings().all()
    return [
        ListEntry(
            id=r["id"], list=r["list"], name=r["name"], aliases=list(r["aliases"] or []), country=r["country"],
            address=r["address"], federal_register=r["federal_register"],
            license_requirement=r["license_requirement"], license_policy=r["license_policy"],
            source=r["source"] or "", version=r["version"] or "",
        )
        for r in rows
    ]


def list_summary(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(list_sources).order_by(list_sources.c.key)).mappings()]


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True)
