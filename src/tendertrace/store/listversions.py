"""List versions and re-screening events: every load, update or removal of a list is kept with its
source, date, entry count and hash; every re-screening of the stored parties with what changed.

The version number is the row id of ``list_versions``: it counts every change to the lists of a
store, so "new since list version N" names one moment of the lists.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Table, func, or_, select
from sqlalchemy.engine import Engine

from ..model import ListEntry
from .schema import Base, FindingRecord, ListEntryRecord, ListSource, ListVersion, RescreenEvent

ACTIONS = ("load", "update", "remove")
DEFAULT_MAX_AGE = timedelta(days=30)  # the Entity List changes every few weeks: older than this, update


def _table(model: type[Base]) -> Table:
    table = model.__table__
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not mapped to one table")
    return table


list_versions = _table(ListVersion)
rescreen_events = _table(RescreenEvent)
_sources = _table(ListSource)
_entries = _table(ListEntryRecord)
_findings = _table(FindingRecord)


def _now() -> datetime:
    from . import now

    return now()


def entries_hash(entries: Iterable[ListEntry]) -> str:
    """The SHA-256 of the entries as stored, in id order: two loads with the same hash hold the same list."""
    digest = hashlib.sha256()
    for entry in sorted(entries, key=lambda e: (e.id, e.name)):
        digest.update(json.dumps(entry.to_dict(), ensure_ascii=False, sort_keys=True).encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def record_version(conn: Connection, key: str, list_code: str, source: str, version: str | None, count: int,
                   digest: str, action: str) -> int:
    """Keep one change to a list (in the caller's transaction); its version number."""
    if action not in ACTIONS:
        raise ValueError(f"action must be one of {', '.join(ACTIONS)}")
    row = {"key": key, "list": list_code, "source": source, "version": version, "count": count, "hash": digest,
           "action": action, "loaded_at": _now()}
    return int(conn.execute(list_versions.insert().returning(list_versions.c.id), row).scalar_one())


def versions(engine: Engine, list_code: str | None = None) -> list[dict[str, Any]]:
    """Every kept list version, oldest first."""
    query = select(list_versions).order_by(list_versions.c.id)
    if list_code:
        query = query.where(list_versions.c.list == list_code)
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def latest_version(engine: Engine) -> int | None:
    """The number of the newest list version of the store, None when no list was ever loaded."""
    with engine.connect() as conn:
        value = conn.execute(select(func.max(list_versions.c.id))).scalar()
    return int(value) if value is not None else None


def current_versions(engine: Engine) -> dict[str, dict[str, Any]]:
    """The newest version of each list source still loaded, by its key."""
    with engine.connect() as conn:
        loaded = {r[0] for r in conn.execute(select(_sources.c.key))}
        rows = conn.execute(select(list_versions).order_by(list_versions.c.id)).mappings().all()
    return {r["key"]: dict(r) for r in rows if r["key"] in loaded}


def remove_list(engine: Engine, name: str) -> list[dict[str, Any]]:
    """Remove every list source that ``name`` names -- a list code (EL), a source key
    (``EL|file.csv``) or a source (the file or URL it was loaded from) -- keeping the removal as a
    version. The sources removed, each with the version number of its removal."""
    with engine.begin() as conn:
        rows = conn.execute(select(_sources).where(or_(
            func.upper(_sources.c.list) == name.strip().upper(), _sources.c.key == name, _sources.c.source == name,
        ))).mappings().all()
        removed = []
        for row in rows:
            conn.execute(_entries.delete().where(_entries.c.source_key == row["key"]))
            conn.execute(_sources.delete().where(_sources.c.key == row["key"]))
            number = record_version(conn, row["key"], row["list"], row["source"], row["version"], 0,
                                    entries_hash([]), "remove")
            removed.append({**dict(row), "removed_in": number})
    return removed


def stale_lists(rows: list[dict[str, Any]], max_age: timedelta = DEFAULT_MAX_AGE,
                at: datetime | None = None) -> list[dict[str, Any]]:
    """The loaded lists (``list_summary`` rows) loaded longer than ``max_age`` ago, each with its ``age_days``."""
    at = at or _now()
    stale = []
    for row in rows:
        loaded = row.get("loaded_at")
        if loaded is None:
            continue
        if loaded.tzinfo is None:  # SQLite gives back naive datetimes: they were written in UTC
            loaded = loaded.replace(tzinfo=at.tzinfo)
        age = at - loaded
        if age > max_age:
            stale.append({**row, "age_days": age.days})
    return stale


# -- re-screening events -------------------------------------------------------------------


def finding_scores(engine: Engine) -> dict[str, float]:
    """The stored findings' scores by case."""
    with engine.connect() as conn:
        return {r[0]: float(r[1]) for r in conn.execute(select(_findings.c.case_id, _findings.c.score))}


def last_event(engine: Engine, finished: bool | None = None) -> dict[str, Any] | None:
    """The newest re-screening event (only finished, or only unfinished, ones when asked)."""
    query = select(rescreen_events).order_by(rescreen_events.c.id.desc()).limit(1)
    if finished is True:
        query = query.where(rescreen_events.c.finished_at.is_not(None))
    elif finished is False:
        query = query.where(rescreen_events.c.finished_at.is_(None))
    with engine.connect() as conn:
        row = conn.execute(query).mappings().first()
    return dict(row) if row else None


def get_event(engine: Engine, event_id: int) -> dict[str, Any] | None:
    with engine.connect() as conn:
        row = conn.execute(select(rescreen_events).where(rescreen_events.c.id == event_id)).mappings().first()
    return dict(row) if row else None


def events(engine: Engine, limit: int = 20) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(select(rescreen_events).order_by(rescreen_events.c.id.desc()).limit(limit)).mappings()
        return [dict(r) for r in rows]


def add_event(conn: Connection, row: dict[str, Any]) -> int:
    """An event written with the re-screened hits, in the caller's transaction; finished later."""
    return int(conn.execute(rescreen_events.insert().returning(rescreen_events.c.id), row).scalar_one())


def finish_event(engine: Engine, event_id: int, findings: list[dict[str, Any]], counts: dict[str, int]) -> None:
    with engine.begin() as conn:
        conn.execute(rescreen_events.update().where(rescreen_events.c.id == event_id)
                     .values(findings=findings, counts=counts, finished_at=_now()))
