"""``tendertrace rescreen``: every stored party against the current lists, without re-scanning,
and what changed since the previous screening -- a thin layer over :mod:`tendertrace.rescreen`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from .cli_support import OutputFormat, display_url, format_option, open_store, user_lists_url

RESCREEN_FORMATS = (OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.CSV)
_console = Console(stderr=True, soft_wrap=True)


def lists_version(db: str) -> int | None:
    """The number of the lists a command on ``db`` screens against: its own store's when it holds
    lists, else the per-user list store's (the order ``_screener`` reads them in)."""
    from . import store
    from .store import listversions

    engine = open_store(db)
    if store.list_summary(engine):
        return listversions.latest_version(engine)
    target = user_lists_url()
    if target != db and ("://" in target or Path(target).exists()):
        return listversions.latest_version(open_store(target))
    return None


def rescreen_command(
    db: Annotated[str, typer.Option("--db", help="SQLAlchemy URL or SQLite path of the store.")] = "tendertrace.db",
    fmt: Annotated[OutputFormat, format_option(*RESCREEN_FORMATS)] = RESCREEN_FORMATS[0],
    lists: Annotated[str | None, typer.Option(
        "--lists", help="Only these lists count, comma-separated (default: all loaded).")] = None,
) -> None:
    """Re-screen every stored party against the current lists (no document is read again): the hits
    new, changed (another entry or relation) and cleared since the previous screening, and the
    findings whose score changed. Kept in the store as an event."""
    from .cli import _lists, _screener
    from .cli_output import output_rows
    from .rescreen import REPORT_COLUMNS, report_rows, rescreen

    engine = open_store(db)
    codes = _lists(lists)
    report = rescreen(engine, _screener(engine, db, lists=codes), lists_version(db), codes)
    if fmt == OutputFormat.JSON:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2, default=str))
        return
    rows = report_rows(report)
    since = f"since list version {report.previous_version}" if report.previous_version else "since the scan"
    counts = report.counts
    _console.print(f"re-screened {report.parties} parties of {report.documents} documents in {display_url(db)} "
                   f"against list version {report.list_version or 'none (sample)'}, {since}: {counts.get('new', 0)} new, "
                   f"{counts.get('changed', 0)} changed, {counts.get('cleared', 0)} cleared; "
                   f"{counts.get('findings', 0)} findings changed score (event {report.event})",
                   markup=False, highlight=False)
    if rows or fmt == OutputFormat.CSV:
        output_rows(rows, fmt, REPORT_COLUMNS, title="changes")
