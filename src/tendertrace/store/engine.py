"""Opening a store: the engine, its migrations (Alembic), and its errors told in one line."""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from .clean import clean_value

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


def head_revision() -> str:
    """The newest schema revision this version of the package migrates a store to."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


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


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True)
