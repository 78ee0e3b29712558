"""``tendertrace ownership``: load ownership data, and show what is loaded."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from . import store

ownership_app = typer.Typer(help="Ownership data for the Affiliates rule: load, show.", no_args_is_help=True)
console = Console(stderr=True)
DbOption = Annotated[str, typer.Option("--db", help="SQLAlchemy URL or SQLite path of the store.")]


@ownership_app.command("load")
def ownership_load(
    files: Annotated[list[Path], typer.Argument(
        help="FtM JSON lines (Ownership entities), GLEIF relationship records (CSV or API JSON, with "
             "Level-1 LEI files to name them), or a CSV 'parent, child, share, source'.")],
    db: DbOption = "tendertrace.db",
) -> None:
    """Load ownership files into the store (replacing what the same file loaded before)."""
    from .ownership import load_files

    engine = store.connect(db)
    failed = 0
    for path, count, error in load_files(engine, files):
        if error is not None:
            failed += 1
            console.print(f"[red]cannot load {path}:[/red] {error}", highlight=False)
        elif count == 0:
            console.print(f"{path}: LEI names (GLEIF Level 1), used to name the relationship records", highlight=False)
        else:
            console.print(f"{path}: {count} ownership links", highlight=False)
    if failed == len(files):
        raise typer.Exit(1)


@ownership_app.command("show")
def ownership_show(db: DbOption = "tendertrace.db") -> None:
    """The ownership files loaded, with their link counts."""
    rows = store.ownership_summary(store.connect(db))
    if not rows:
        console.print("no ownership data loaded ('tendertrace ownership load FILE')")
    for row in rows:
        print(f"{row['source']}\t{row['links']} links\tloaded {row['loaded_at']}")
