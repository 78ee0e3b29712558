"""Screening lists: each list's entries replaced by a load, read back, summarised."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine

from ..model import ListEntry
from .engine import now
from .tables import (
    list_entries,
    list_sources,
)


def replace_list(engine: Engine, list_code: str, source: str, version: str, entries: list[ListEntry],
                 action: str = "load") -> int:
    """Store one list from one source, replacing what that source gave before; the load is kept as
    a list version (``store.listversions``: source, date, count, hash)."""
    from .listversions import entries_hash, record_version

    key = f"{list_code}|{source}"
    with engine.begin() as conn:
        conn.execute(list_entries.delete().where(list_entries.c.source_key == key))
        conn.execute(list_sources.delete().where(list_sources.c.key == key))
        if entries:
            columns = {c.name for c in list_entries.c}
            conn.execute(list_entries.insert(), [
                {k: v for k, v in {**e.to_dict(), "source_key": key}.items() if k in columns} for e in entries])
        conn.execute(
            list_sources.insert(),
            {"key": key, "list": list_code, "source": source, "version": version, "count": len(entries),
             "loaded_at": now()},
        )
        record_version(conn, key, list_code, source, version, len(entries), entries_hash(entries), action)
    return len(entries)


def load_entries(engine: Engine) -> list[ListEntry]:
    with engine.connect() as conn:
        rows = conn.execute(select(list_entries).order_by(list_entries.c.id)).mappings().all()
    # An empty column (NULL) reads as the field's default: no aliases, no source, no version.
    return [ListEntry.from_dict({k: v for k, v in r.items() if v is not None}) for r in rows]


def list_summary(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(list_sources).order_by(list_sources.c.key)).mappings()]
