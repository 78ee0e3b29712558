"""What watching sources keeps between polls: each source's cursor, the items already taken, and
an inbox of fetched items not yet scanned.

A fetched item is written to the inbox in one transaction with its ``seen`` key, so a watcher
killed after fetching and before scanning finds the item in the inbox on restart, and one killed
before that transaction fetches it again: nothing fetched is lost, nothing is taken twice.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, LargeBinary, String, Table, Text, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from .schema import Base


class WatchSource(Base):
    """One watched source: its cursor (a file offset, HTTP validators, ...) as the source kind keeps it."""

    __tablename__ = "watch_sources"
    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # folder | jsonl | ocds | feed | listing | records
    location: Mapped[str] = mapped_column(Text)  # the path or URL watched
    cursor: Mapped[Any] = mapped_column(JSON, nullable=True)
    polled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)


class WatchSeen(Base):
    """An item a source has already given (a file state, a record id, a detail URL)."""

    __tablename__ = "watch_seen"
    source: Mapped[str] = mapped_column(String(200), primary_key=True)
    key: Mapped[str] = mapped_column(String(512), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class WatchInbox(Base):
    """A fetched item waiting to be scanned: a file's bytes or one corpus-shaped record."""

    __tablename__ = "watch_inbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(String(200), index=True)
    name: Mapped[str] = mapped_column(Text)  # where it came from: a path or URL
    data: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    record: Mapped[Any] = mapped_column(JSON, nullable=True)
    fetched_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


def _table(model: type[Base]) -> Table:
    table = model.__table__
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not mapped to one table")
    return table


watch_sources = _table(WatchSource)
watch_seen = _table(WatchSeen)
watch_inbox = _table(WatchInbox)


def _now() -> datetime:
    return datetime.now(UTC)


def get_cursor(engine: Engine, name: str) -> dict[str, Any]:
    with engine.connect() as conn:
        value = conn.execute(select(watch_sources.c.cursor).where(watch_sources.c.name == name)).scalar()
    return dict(value) if isinstance(value, dict) else {}


def save_cursor(engine: Engine, name: str, kind: str, location: str, cursor: dict[str, Any],
                error: str | None = None) -> None:
    """Record a source's cursor after a poll (and the poll's error, if it had one)."""
    row = {"kind": kind, "location": location, "cursor": cursor, "polled_at": _now(), "last_error": error}
    with engine.begin() as conn:
        done = conn.execute(watch_sources.update().where(watch_sources.c.name == name).values(**row)).rowcount
        if not done:
            conn.execute(watch_sources.insert().values(name=name, **row))


def seen_keys(engine: Engine, name: str, keys: list[str]) -> set[str]:
    """Which of ``keys`` the source has given already."""
    found: set[str] = set()
    with engine.connect() as conn:
        for start in range(0, len(keys), _IN_CHUNK):
            chunk = keys[start:start + _IN_CHUNK]
            found.update(conn.execute(select(watch_seen.c.key).where(
                watch_seen.c.source == name, watch_seen.c.key.in_(chunk))).scalars())
    return found


_IN_CHUNK = 500  # keys per IN (...) query: well under SQLite's 999 bound parameters


def take(engine: Engine, name: str, key: str, item_name: str, data: bytes | None = None,
         record: dict[str, Any] | None = None, cursor: dict[str, Any] | None = None) -> bool:
    """Put one fetched item in the inbox and mark its key seen, in one transaction (with the
    source's cursor when given). False when the key was taken already (another watcher got it)."""
    at = _now()
    try:
        with engine.begin() as conn:
            conn.execute(watch_seen.insert().values(source=name, key=key, seen_at=at))
            conn.execute(watch_inbox.insert().values(source=name, name=item_name, data=data, record=record,
                                                     fetched_at=at))
            if cursor is not None:
                conn.execute(watch_sources.update().where(watch_sources.c.name == name).values(cursor=cursor))
    except IntegrityError:
        return False
    return True


def mark_seen(engine: Engine, name: str, keys: list[str]) -> None:
    """Mark keys seen without fetching them (items a source already gave before watching began)."""
    if not keys:
        return
    fresh = [k for k in keys if k not in seen_keys(engine, name, keys)]
    if fresh:
        at = _now()
        with engine.begin() as conn:
            conn.execute(watch_seen.insert(), [{"source": name, "key": k, "seen_at": at} for k in fresh])


def inbox(engine: Engine, limit: int) -> list[dict[str, Any]]:
    """The oldest items waiting to be scanned."""
    with engine.connect() as conn:
        rows = conn.execute(select(watch_inbox).order_by(watch_inbox.c.id).limit(limit)).mappings().all()
    return [dict(r) for r in rows]


def done(engine: Engine, ids: list[int]) -> None:
    """Drop inbox items once their documents are stored."""
    if ids:
        with engine.begin() as conn:
            conn.execute(watch_inbox.delete().where(watch_inbox.c.id.in_(ids)))


def pending(engine: Engine) -> int:
    with engine.connect() as conn:
        return len(conn.execute(select(watch_inbox.c.id)).all())


def sources(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(watch_sources).order_by(watch_sources.c.name)).mappings()]
