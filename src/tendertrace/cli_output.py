"""The one writer of the CLI: every command's rows go through :func:`output_rows`, in the
``--format`` the user chose among those the command supports (``cli_support.OutputFormat``)."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from rich.table import Table

from .cli_support import OutputFormat, stdout_console
from .text.fold import display_fold


def cell(value: Any) -> str:
    """One value as a table, CSV or Markdown cell shows it."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return display_fold(str(value))  # ⼤学 shown as 大学; the store keeps what the document wrote


def output_rows(rows: Sequence[Mapping[str, Any]], fmt: OutputFormat, columns: Sequence[str], *, title: str = "",
                document: Any = None, show_lines: bool = False) -> None:
    """Print ``rows`` as a table, CSV or Markdown (their ``columns``), as JSON lines (each row
    whole), or as one JSON document: ``document`` when the command's JSON is more than its rows
    (a finding's full record, a classification with its date), else the rows."""
    if fmt == OutputFormat.JSON:
        print(json.dumps(rows if document is None else document, ensure_ascii=False, indent=2, default=str))
        return
    if fmt == OutputFormat.JSONL:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False, default=str))
        return
    cells = [[cell(row.get(c)) for c in columns] for row in rows]
    if fmt == OutputFormat.CSV:
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(columns)
        writer.writerows(cells)
        sys.stdout.write(buf.getvalue())
        return
    if fmt == OutputFormat.MD:
        print("| " + " | ".join(columns) + " |")
        print("|" + "---|" * len(columns))
        for line in cells:
            print("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in line) + " |")
        return
    table = Table(title=title or None, show_lines=show_lines)
    for c in columns:
        table.add_column(c, overflow="fold")
    for line in cells:
        table.add_row(*line)
    stdout_console().print(table)
