"""``tendertrace rules``: the rules in force on a date, and a chip's classification across every
change of the rules -- a thin layer over :mod:`tendertrace.rules.timeline`."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from typing import Annotated

import typer
from rich.table import Table

from .cli_support import OutputFormat, format_option, stdout_console
from .rules.timeline import chip_timeline, find_chip, rule_rows

RULES_FORMATS = (OutputFormat.TABLE, OutputFormat.JSON)  # the rules as a table, or as JSON


def rules_command(
    on: Annotated[str | None, typer.Option("--date", help="Show the rules' state on this date (YYYY-MM-DD); default today.")] = None,
    chip_name: Annotated[str | None, typer.Option("--chip", help="A chip's classification across every rule change (e.g. H20, MI308X).")] = None,
    show_all: Annotated[bool, typer.Option("--all", help="Also rows not yet in force or ended on the date.")] = False,
    fmt: Annotated[OutputFormat, format_option(*RULES_FORMATS)] = RULES_FORMATS[0],
) -> None:
    """The US AI-chip rules in force on a date with their citations, or one chip across every rule change."""
    try:
        day = date.fromisoformat(on) if on else date.today()
    except ValueError as exc:
        raise typer.BadParameter("--date must be YYYY-MM-DD") from exc
    if chip_name:
        chip_id = find_chip(chip_name)
        if chip_id is None:
            typer.echo(f"no chip named {chip_name!r} in knowledge/accelerators.yaml", err=True)
            raise typer.Exit(1)
        steps = chip_timeline(chip_id, until=day)
        if fmt == OutputFormat.JSON:
            print(json.dumps({"chip": chip_id, "steps": [asdict(s) for s in steps]}, ensure_ascii=False, indent=2, default=str))
            return
        table = Table(title=f"{chip_id} across every rule change to {day.isoformat()}", show_lines=True)
        for col in ("from", "band", "controlled", "rule", "reason"):
            table.add_column(col, overflow="fold")
        for s in steps:
            table.add_row(s.start.isoformat(), s.band or "-", "yes" if s.controlled else "no", s.rule or "-", s.reason)
        stdout_console().print(table)
        return
    rows = [r for r in rule_rows(day) if show_all or r.state in ("in force", "suspended")]
    if fmt == OutputFormat.JSON:
        print(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2, default=str))
        return
    table = Table(title=f"US AI-chip and remote-access rules on {day.isoformat()}", show_lines=True)
    for col in ("effective", "kind", "state", "citation", "what it changes for China", "how tendertrace applies it"):
        table.add_column(col, overflow="fold")
    for r in rows:
        dates = r.effective.isoformat() + (f"\ncompliance {r.compliance.isoformat()}" if r.compliance else "")
        dates += f"\nuntil {r.until.isoformat()}" if r.until else ""
        table.add_row(dates, r.kind, r.state, r.citation, r.changes_for_china, r.applies)
    stdout_console().print(table)
