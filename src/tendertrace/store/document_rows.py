"""Documents with their results: stored in one transaction each, listed, counted."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from .engine import log, now, short_error, unavailable
from .tables import (
    documents,
)


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


RACE_RETRIES = 3  # two workers storing the same document at once: the loser retries this often


def _replace_rows(engine: Engine, rows: list[dict[str, Any]]) -> None:
    ids = [r["id"] for r in rows]
    for attempt in range(RACE_RETRIES):
        try:
            with engine.begin() as conn:
                conn.execute(documents.delete().where(documents.c.id.in_(ids)))
                conn.execute(documents.insert(), rows)
            return
        except IntegrityError:
            if attempt == RACE_RETRIES - 1:
                raise


def save_documents(engine: Engine, rows: list[dict[str, Any]]) -> None:
    """Insert or replace document rows in one transaction.

    Two workers may store the same document (the same content in two batches) at once; the loser
    of that race retries and replaces the winner's identical row. A row the database refuses
    fails alone: the batch is then written row by row, and each refused row is stored as a failed
    document with a short reason -- its dict is changed in place, so the caller's summary says so.
    An unreachable database raises (the caller retries the whole batch later).
    """
    if not rows:
        return
    try:
        _replace_rows(engine, rows)
        return
    except SQLAlchemyError as exc:
        if unavailable(exc):
            raise
    for row in rows:
        try:
            _replace_rows(engine, [row])
        except SQLAlchemyError as exc:
            if unavailable(exc):
                raise
            log.warning("document %s refused by the store: %s", row.get("id"), exc)
            failed = _refused_row(row, short_error(exc))
            _replace_rows(engine, [failed])
            row.clear()
            row.update(failed)


def _refused_row(row: dict[str, Any], reason: str) -> dict[str, Any]:
    """What is kept of a document the store refused: who it was and why, none of its content."""
    source = row.get("source")
    return {"id": row["id"], "source": source if isinstance(source, str) else "", "source_id": None, "file": None,
            "format": None, "title": None, "published": None, "status": "failed", "reason": reason, "warnings": [],
            "text": None, "encoding": None, "result": None, "pipeline_version": row.get("pipeline_version"),
            "scanned_at": now(), "flagged": False, "provenance": row.get("provenance")}


def iter_documents(
    engine: Engine, status: str | None = None, ids: list[str] | None = None, with_text: bool = False,
    flagged_only: bool = False,
) -> Iterator[dict[str, Any]]:
    cols = [c for c in documents.c if with_text or c.name != "text"]
    query = select(*cols).order_by(documents.c.id)
    if status:
        query = query.where(documents.c.status == status)
    if flagged_only:  # NULL: stored before the column existed, so maybe
        query = query.where(or_(documents.c.flagged.is_(True), documents.c.flagged.is_(None)))
    if ids is not None:
        query = query.where(documents.c.id.in_(ids))
    with engine.connect() as conn:
        for row in conn.execute(query).mappings():
            yield dict(row)


def recent_documents(engine: Engine, status: str | None = None, limit: int | None = None,
                     offset: int = 0) -> list[dict[str, Any]]:
    """Stored documents without their text, newest first: by notice date (undated last), then by
    when they were scanned; ``limit`` and ``offset`` page through them."""
    cols = [c for c in documents.c if c.name not in ("text", "result")]
    query = select(*cols).order_by(documents.c.published.desc().nulls_last(),
                                   documents.c.scanned_at.desc().nulls_last(), documents.c.id)
    if status:
        query = query.where(documents.c.status == status)
    query = query.offset(max(0, offset))
    if limit is not None:
        query = query.limit(limit)
    with engine.connect() as conn:
        return [dict(row) for row in conn.execute(query).mappings()]


def get_document(engine: Engine, doc_id: str) -> dict[str, Any] | None:
    with engine.connect() as conn:
        row = conn.execute(select(documents).where(documents.c.id == doc_id)).mappings().first()
        return dict(row) if row else None


def status_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        rows = conn.execute(select(documents.c.status, func.count()).group_by(documents.c.status))
        return {status: count for status, count in rows}


# -- findings and reviews ------------------------------------------------------------------


# Columns holding a list as "|a|b|", so that a filter is one portable LIKE "%|a|%".
