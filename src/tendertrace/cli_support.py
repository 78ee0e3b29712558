"""What the CLI needs beyond its commands: opening a store with a one-line error, showing a URL
without its password, the per-user list store, the terminal width the tables fit, and the one
``--format`` option every command shares."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from . import store

LISTS_ENV = "TENDERTRACE_LISTS_DB"  # overrides where the per-user list store lives
APP_NAME = "tendertrace"
PIPE_WIDTH = 200  # columns of a table written to a pipe or file when COLUMNS does not say otherwise
EXIT_USAGE = 2  # a bad argument or an unusable store: what the user must change, as click exits on usage errors


class OutputFormat(StrEnum):
    """What a command can print; each command takes the few of these that fit its output."""

    TABLE = "table"  # a table sized to the terminal
    JSON = "json"  # one JSON document
    JSONL = "jsonl"  # one JSON object per line, written as each is made
    CSV = "csv"
    MD = "md"  # a Markdown table


def format_option(*supported: OutputFormat) -> Any:
    """The ``--format``/``-f`` option of a command that writes ``supported`` (its first is the
    default): the help lists exactly those, and any other format is a usage error."""
    names = [f.value for f in supported]

    def parse(value: str | OutputFormat) -> OutputFormat:
        if value not in names:
            raise typer.BadParameter(f"{str(value)!r} is not a format of this command: one of {', '.join(names)}")
        return OutputFormat(value)

    return typer.Option("--format", "-f", parser=parse, metavar="[" + "|".join(names) + "]",
                        help="Output format: " + ", ".join(names) + ".")


class StoreOpenError(Exception):
    """A store that cannot be opened, said in one line: what is wrong and how to fix it."""


@dataclass(frozen=True)
class ListStore:
    """Where the screening lists of a command come from, as a user should be told it."""

    url: str
    label: str  # "the store tendertrace.db" or "the per-user list store ~/.local/share/..."


def user_lists_url() -> str:
    """The per-user list store, shared by every results store: ``$TENDERTRACE_LISTS_DB`` when set,
    else ``lists.db`` in the platform's user data folder (``~/.local/share/tendertrace`` on Linux)."""
    override = os.environ.get(LISTS_ENV)
    if override:
        return override
    from platformdirs import user_data_dir

    return str(Path(user_data_dir(APP_NAME, appauthor=False)) / "lists.db")


def display_url(url: str) -> str:
    """A store's URL or path as it may be printed: the password replaced by ***."""
    if "://" not in url:
        return url
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url.split("://", 1)[0] + "://…"


def _sqlite_path(url: str) -> Path | None:
    if "://" not in url:
        return Path(url)
    if url.startswith("sqlite") and url.split("://", 1)[1].startswith("/"):
        rest = url.split("://", 1)[1][1:]
        return Path(rest.split("?", 1)[0]) if rest and rest != ":memory:" else None
    return None


def _check_sqlite_path(url: str, path: Path) -> None:
    shown = display_url(url)
    if path.is_dir():
        raise StoreOpenError(f"--db {shown} is a folder; give a file in it, e.g. --db {path / 'tendertrace.db'}")
    if not path.parent.is_dir():
        raise StoreOpenError(f"--db {shown}: the folder {path.parent} does not exist; create it or choose another path")
    if path.exists():
        with path.open("rb") as handle:
            head = handle.read(16)
        if head and head != b"SQLite format 3\x00":
            raise StoreOpenError(f"--db {shown} is not a SQLite database (a file of another kind); "
                                 "choose a new path or an existing tendertrace store")


def describe_error(url: str, exc: BaseException) -> str:
    """One line for an error met opening ``url``: never SQL, parameters or the password."""
    shown = display_url(url)
    scheme = url.split("://", 1)[0] if "://" in url else "sqlite"
    if isinstance(exc, NoSuchModuleError):
        return (f"--db {shown}: unknown kind of database '{scheme}'; give a SQLite path (tendertrace.db) "
                "or a URL such as postgresql+psycopg://user@host/tendertrace")
    if isinstance(exc, ArgumentError):
        return (f"--db {shown} is not a database URL; give a SQLite path (tendertrace.db) or a URL such as "
                "postgresql+psycopg://user@host/tendertrace")
    if isinstance(exc, ImportError):
        module = getattr(exc, "name", None) or "its driver"
        return (f"--db {shown}: the driver for '{scheme}' is not installed (no module {module}); install a "
                "driver for it, or use a SQLite path or postgresql+psycopg:// (pip install 'psycopg[binary]')")
    reason = _first_line(exc)
    password = _password(url)
    if password:
        reason = reason.replace(password, "***")
    if isinstance(exc, SQLAlchemyError) and store.unavailable(exc):
        return f"cannot reach the database {shown} ({reason}); start its server or check the URL"
    return f"cannot open the store {shown} ({reason})"


def _password(url: str) -> str | None:
    try:
        return make_url(url).password if "://" in url else None
    except ArgumentError:
        return None


def _first_line(exc: BaseException) -> str:
    cause = getattr(exc, "orig", None) or exc
    text = (str(cause).strip().splitlines() or [type(cause).__name__])[0]
    return text[:store.MAX_ERROR_CHARS]


def open_store(url: str, migrate: bool = True) -> Engine:
    """``store.connect`` with every way it can fail turned into a ``StoreOpenError`` of one line."""
    path = _sqlite_path(url)
    if path is not None:
        _check_sqlite_path(url, path)
    try:
        return store.connect(url, migrate=migrate)
    except (SQLAlchemyError, ImportError) as exc:
        raise StoreOpenError(describe_error(url, exc)) from None


def open_lists_store(url: str | None) -> tuple[Engine, ListStore]:
    """The store ``lists`` commands write to: ``--db`` when given, else the per-user list store
    (its folder made on first use)."""
    if url:
        return open_store(url), ListStore(url, f"the store {display_url(url)}")
    target = user_lists_url()
    path = _sqlite_path(target)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    return open_store(target), ListStore(target, f"the per-user list store {display_url(target)}")


def stdout_console() -> Console:
    """Standard output as a console sized at print time: the terminal's width, COLUMNS when set,
    else PIPE_WIDTH."""
    return Console(soft_wrap=True, width=None if sys.stdout.isatty() or "COLUMNS" in os.environ else PIPE_WIDTH)
