"""``tendertrace rules``: the rules in force on a date, and a chip's classification across every
change of the rules -- a thin layer over :mod:`tendertrace.rules.timeline`."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Annotated

import typer

from .cli_output import output_rows
from .cli_support import OutputFormat, format_option
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
        shown = [{"from": s.start.isoformat(), "band": s.band or "-", "controlled": "yes" if s.controlled else "no",
                  "rule": s.rule or "-", "reason": s.reason} for s in steps]
        output_rows(shown, fmt, ("from", "band", "controlled", "rule", "reason"),
                    title=f"{chip_id} across every rule change to {day.isoformat()}", show_lines=True,
                    document={"chip": chip_id, "steps": [asdict(s) for s in steps]} if fmt == OutputFormat.JSON else None)
        return
    rows = [r for r in rule_rows(day) if show_all or r.state in ("in force", "suspended")]
    shown = []
    for r in rows:
        dates = r.effective.isoformat() + (f"\ncompliance {r.compliance.isoformat()}" if r.compliance else "")
        dates += f"\nuntil {r.until.isoformat()}" if r.until else ""
        shown.append({"effective": dates, "kind": r.kind, "state": r.state, "citation": r.citation,
                      "what it changes for China": r.changes_for_china, "how tendertrace applies it": r.applies})
    output_rows(shown, fmt, ("effective", "kind", "state", "citation", "what it changes for China",
                             "how tendertrace applies it"), title=f"US AI-chip and remote-access rules on {day.isoformat()}",
                show_lines=True, document=[asdict(r) for r in rows] if fmt == OutputFormat.JSON else None)
