"""The store: documents with their per-stage results, screening lists, reviews.

SQLAlchemy Core over SQLite by default (``sqlite:///tendertrace.db``) or PostgreSQL for a team.
A document's row is written in one transaction with all its results, so a scan killed at any
moment leaves each document either fully stored or absent -- resuming redoes only what is absent.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, create_engine, event, func, inspect, or_, select
from sqlalchemy import text as sql_text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from ..model import Finding, ListEntry
from .clean import clean_value
from .schema import (
    ApiToken,
    Base,
    DocumentRecord,
    FindingRecord,
    Job,
    JobFile,
    ListEntryRecord,
    ListSource,
    OwnershipLinkRecord,
    Review,
    UiSession,
)
from .schema import (
    metadata as metadata,
)


def _table(model: type[Base]) -> Table:
    """A mapped class's table (the ORM types ``__table__`` as any FromClause; it is a Table here)."""
    table = model.__table__
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not mapped to one table")
    return table


documents = _table(DocumentRecord)
list_sources = _table(ListSource)
list_entries = _table(ListEntryRecord)
findings = _table(FindingRecord)
reviews = _table(Review)
api_tokens = _table(ApiToken)
ui_sessions = _table(UiSession)
jobs = _table(Job)
job_files = _table(JobFile)
ownership_links = _table(OwnershipLinkRecord)

log = logging.getLogger("tendertrace.store")

MIGRATIONS = Path(__file__).with_name("migrations")


def connect(url: str | None = None, migrate: bool = True) -> Engine:
    """An engine for a SQLAlchemy URL or a plain path (``tendertrace.db``), its schema migrated to
    the newest revision (workers pass ``migrate=False``: the process that starts them did it)."""
    url = url or "sqlite:///tendertrace.db"
    if "://" not in url:
        url = f"sqlite:///{url}"
    engine = create_engine(url, future=True, json_serializer=_json_dumps, pool_pre_ping=True)
    event.listen(engine, "before_cursor_execute", _clean_writes, retval=True)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

    if migrate:
        upgrade(engine)
    return engine


_WRITES = ("INSERT", "UPDATE")
MAX_ERROR_CHARS = 200  # an error message shown through the API or on a page: one line, no dump


# In JSON written with ASCII escapes, a NUL or a surrogate (alone, or half of a pair that writes
# a character beyond the BMP) can only appear as one of these escapes.
_REFUSED_ESCAPE = re.compile(r"\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})")


def _json_dumps(value: Any) -> str:
    """JSON columns: the strings inside are cleaned like every other column's. The value is written
    first as it is; only when the JSON may hold a refused character (most documents hold none) is it
    written again from the cleaned value, which walks every string."""
    try:
        text = json.dumps(value)
    except TypeError:  # a mapping json cannot write, which cleaning turns into a dict
        return json.dumps(clean_value(value))
    return json.dumps(clean_value(value)) if _REFUSED_ESCAPE.search(text) else text


def _clean_writes(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> tuple[str, Any]:
    """Every INSERT and UPDATE of every table: its string parameters made storable (``store.clean``).
    Reads are left alone, so that a lookup never matches a value it did not ask for."""
    if statement.lstrip()[:6].upper() in _WRITES:
        parameters = clean_value(parameters)
    return statement, parameters


def unavailable(exc: BaseException) -> bool:
    """Whether an error means the database cannot be reached now (retry later), as opposed to a
    statement it refuses (a bad value: retrying cannot help)."""
    if isinstance(exc, OperationalError | InterfaceError | PoolTimeout):
        return True
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)


def short_error(exc: BaseException) -> str:
    """An error as shown to users: a database error is named, never its SQL or parameters (which
    hold other documents' text); the detail belongs in the server log."""
    if isinstance(exc, SQLAlchemyError):
        return "database unavailable" if unavailable(exc) else f"the store refused the value ({type(exc).__name__})"
    first = (str(exc).splitlines() or [""])[0]
    return f"{type(exc).__name__}: {first[:MAX_ERROR_CHARS]}"



def _alembic_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the store's schema. A store made before migrations existed (tables, no
    ``alembic_version``) is first marked as the first revision, which is the schema it has."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = _alembic_config()
    with engine.begin() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        if current is not None and current == ScriptDirectory.from_config(config).get_current_head():
            return
        config.attributes["connection"] = conn
        if current is None and inspect(conn).has_table("documents"):
            command.stamp(config, "0001")
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Take the schema back to an older revision (for rolling back a release)."""
    from alembic import command

    config = _alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)


def schema_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


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
LIST_COLUMNS = ("providers", "routes", "bands")


def _encode_list(values: list[str]) -> str:
    return "|" + "".join(f"{v}|" for v in values)


def _decode_list(text: str | None) -> list[str]:
    return [v for v in (text or "").split("|") if v]


def _finding(row: Any) -> Finding:
    """A stored finding: its ``data`` with the current ``review_status`` (kept in its column only)."""
    return Finding.from_dict({**row["data"], "review_status": row["review_status"]})


# The PostgreSQL advisory lock that serialises rebuilds of the findings table (any fixed 64-bit key
# that nothing else in the database uses: "tendertrace findings" in ASCII, cut to fit).
FINDINGS_LOCK = int.from_bytes(b"ttfindng", "big") & 0x7FFFFFFFFFFFFFFF


def replace_findings(engine: Engine, built: list[Finding]) -> None:
    """Store the findings as just built, in one transaction: readers see the old set or the new.
    A row is the finding's ``to_dict`` and the columns that filter and sort it."""
    rows = []
    for f in built:
        data = f.to_dict()
        del data["review_status"]  # the column alone holds it: a review changes it without a rebuild
        rows.append({
            "case_id": f.case_id, "score": f.score, "date": f.date, "title": f.title, "buyer": "; ".join(f.buyer),
            "suppliers": "; ".join(f.suppliers), "providers": _encode_list(f.provider), "routes": _encode_list(f.route),
            "bands": _encode_list(f.bands), "listed": bool(f.listed), "amount": f.amount, "currency": f.currency,
            "review_status": f.review_status, "data": data, "built_at": now(),
        })
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Two job workers may rebuild at once; under READ COMMITTED each would delete the rows it
            # sees and insert its own, and the second insert collides with the first. One lock per
            # store makes the rebuilds take turns (SQLite's write lock already does).
            conn.execute(sql_text("SELECT pg_advisory_xact_lock(:key)"), {"key": FINDINGS_LOCK})
        conn.execute(findings.delete())
        if rows:
            conn.execute(findings.insert(), rows)


FINDING_SORTS = {"score": findings.c.score, "date": findings.c.date, "amount": findings.c.amount,
                 "buyer": findings.c.buyer}


def query_findings(
    engine: Engine, *, date_from: str | None = None, date_to: str | None = None, provider: str | None = None,
    band: str | None = None, route: str | None = None, listed: bool | None = None, review: str = "open",
    text: str | None = None, sort: str = "score", order: str = "desc", page: int = 1, per_page: int = 50,
) -> tuple[int, list[Finding]]:
    """One page of stored findings and the total matching the filters.
    ``review="open"`` means not dismissed or suppressed. Every value reaches SQL as a bound parameter."""
    conditions = []
    if date_from:
        conditions.append(findings.c.date >= date_from)
    if date_to:
        conditions.append(findings.c.date <= date_to)
    for column, value in ((findings.c.providers, provider), (findings.c.routes, route), (findings.c.bands, band)):
        if value:
            conditions.append(column.contains(f"|{value}|", autoescape=True))
    if listed is not None:
        conditions.append(findings.c.listed.is_(listed))
    if review == "open":
        conditions.append(findings.c.review_status.in_(["unreviewed", "confirmed"]))
    elif review != "all":
        conditions.append(findings.c.review_status == review)
    if text:
        like = [c.contains(text, autoescape=True) for c in (findings.c.title, findings.c.buyer, findings.c.suppliers)]
        conditions.append(or_(*like))
    column = FINDING_SORTS.get(sort, findings.c.score)
    ordering = column.asc().nulls_last() if order == "asc" else column.desc().nulls_last()
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(findings).where(*conditions)).scalar_one()
        rows = conn.execute(
            select(findings.c.data, findings.c.review_status).where(*conditions)
            .order_by(ordering, findings.c.case_id).limit(per_page).offset((page - 1) * per_page)
        ).mappings().all()
    return total, [_finding(r) for r in rows]


def finding_facets(engine: Engine) -> dict[str, list[str]]:
    """The providers, routes and bands present, for the filter menus."""
    facets: dict[str, set[str]] = {name: set() for name in LIST_COLUMNS}
    with engine.connect() as conn:
        for row in conn.execute(select(*[findings.c[name] for name in LIST_COLUMNS])):
            for name, value in zip(LIST_COLUMNS, row, strict=True):
                facets[name].update(_decode_list(value))
    return {k: sorted(v) for k, v in facets.items()}


def set_review_status(engine: Engine, case_id: str, status: str) -> None:
    with engine.begin() as conn:
        conn.execute(findings.update().where(findings.c.case_id == case_id).values(review_status=status))


def get_finding(engine: Engine, case_id: str) -> Finding | None:
    """A stored finding, with its current review status."""
    with engine.connect() as conn:
        row = conn.execute(
            select(findings.c.data, findings.c.review_status).where(findings.c.case_id == case_id)
        ).mappings().first()
    return _finding(row) if row else None


def add_review(
    engine: Engine, subject: str, decision: str, reason: str, reviewer: str, case_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Record a decision; rows are never updated or deleted, so they are the audit trail."""
    if decision not in ("confirmed", "dismissed"):
        raise ValueError("decision must be 'confirmed' or 'dismissed'")
    if not reason.strip():
        raise ValueError("a reason is required")
    row = {"subject": subject, "case_id": case_id, "decision": decision, "reason": reason.strip(),
           "reviewer": reviewer, "decided_at": now(), "detail": detail}
    with engine.begin() as conn:
        row["id"] = conn.execute(reviews.insert().returning(reviews.c.id), row).scalar_one()
    return row


def latest_decisions(engine: Engine) -> dict[str, dict[str, Any]]:
    """The latest decision on every reviewed subject (``case:ID`` or ``hit:KEY``)."""
    latest: dict[str, dict[str, Any]] = {}
    with engine.connect() as conn:
        for row in conn.execute(select(reviews).order_by(reviews.c.decided_at, reviews.c.id)).mappings():
            latest[row["subject"]] = dict(row)
    return latest


def review_trail(engine: Engine, case_id: str | None = None, subjects: list[str] | None = None) -> list[dict[str, Any]]:
    """Who decided what and when, newest first: a case's decisions and those on its hits."""
    query = select(reviews).order_by(reviews.c.decided_at.desc(), reviews.c.id.desc())
    if case_id is not None or subjects:
        query = query.where(or_(reviews.c.case_id == case_id, reviews.c.subject.in_(subjects or [])))
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


# -- screening lists -------------------------------------------------------------------------


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


def replace_ownership(engine: Engine, source: str, links: list[dict[str, Any]]) -> int:
    """Store the ownership links of one file (``ownership.OwnershipLink.to_dict``), replacing what it gave before."""
    with engine.begin() as conn:
        conn.execute(ownership_links.delete().where(ownership_links.c.source_key == source))
        if links:
            columns = {c.name for c in ownership_links.c} - {"id"}
            at = now()
            conn.execute(ownership_links.insert(), [
                {k: v for k, v in {**link, "source_key": source, "loaded_at": at}.items() if k in columns} for link in links])
    return len(links)


def load_ownership(engine: Engine) -> list[dict[str, Any]]:
    """Every stored ownership link, in load order, as the dicts ``replace_ownership`` took."""
    with engine.connect() as conn:
        rows = conn.execute(select(ownership_links).order_by(ownership_links.c.id)).mappings().all()
    return [{k: v for k, v in r.items() if v is not None and k not in ("id", "source_key", "loaded_at")} for r in rows]


def ownership_summary(engine: Engine) -> list[dict[str, Any]]:
    """Each ownership file loaded, with its link count."""
    with engine.connect() as conn:
        rows = conn.execute(select(ownership_links.c.source_key, func.count(), func.max(ownership_links.c.loaded_at))
                            .group_by(ownership_links.c.source_key).order_by(ownership_links.c.source_key)).all()
    return [{"source": r[0], "links": r[1], "loaded_at": r[2]} for r in rows]


def list_summary(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(list_sources).order_by(list_sources.c.key)).mappings()]


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True)
