"""The rules as a compliance engineer reads them: every row of rules.yaml with its state on a date,
and one chip's classification across every change of the rules (``tendertrace rules``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from ..knowledge.schema import RuleRow as Rule
from ..text.fold import fold_pattern
from . import chip, chips, classify_chip, earliest_plausible_date, in_window, rules

__all__ = ["ChipStep", "RuleRow", "chip_timeline", "find_chip", "rule_rows", "rule_state", "rules_in_force"]

State = Literal["in force", "suspended", "ended", "not yet in force"]


@dataclass(frozen=True, slots=True)
class RuleRow:
    """One row of rules.yaml and its state on a date."""

    id: str
    kind: str
    effective: date
    published: date | None
    compliance: date | None
    until: date | None
    citation: str
    summary: str
    changes_for_china: str
    applies: str
    verified: str
    note: str
    state: State


def _state(row: Rule, on: date) -> State:
    if row.effective > on:
        return "not yet in force"
    if any(s.start <= on <= s.end for s in row.suspended):
        return "suspended"
    return "in force" if in_window(row, on) else "ended"


def rule_state(rule_id: str, on: date) -> State:
    """The state of one rules.yaml row on a date ("in force", "suspended", "ended", "not yet in
    force"): e.g. ``rule_state("affiliates-2025-09", d)`` for the 50 % ownership rule."""
    return _state(rules()[rule_id], on)


def rule_rows(on: date) -> list[RuleRow]:
    """Every rule, letter, policy and proposal of rules.yaml with its state on ``on``, oldest first."""
    out = [
        RuleRow(id=row.id, kind=row.kind, effective=row.effective, published=row.published,
                compliance=row.compliance, until=row.until, citation=row.citation, summary=row.summary,
                changes_for_china=row.changes_for_china, applies=row.applies, verified=row.verified, note=row.note,
                state=_state(row, on))
        for row in rules().values()
    ]
    return sorted(out, key=lambda r: (r.effective, r.id))


def rules_in_force(on: date) -> list[RuleRow]:
    """The rows in force or suspended on ``on`` (a suspended rule is still the law that returns)."""
    return [r for r in rule_rows(on) if r.state in ("in force", "suspended")]


@dataclass(frozen=True, slots=True)
class ChipStep:
    """A chip's classification from ``start`` until the next step."""

    start: date
    band: str | None
    controlled: bool
    rule: str | None
    reason: str


def _change_dates(chip_id: str) -> list[date]:
    """Every date on which a rule, letter or policy can change a chip's classification."""
    days = {r.effective for r in rules().values()}
    days |= {r.until for r in rules().values() if r.until}
    c = chip(chip_id)
    days |= {d for d in (c.early_effective, c.announced) if d}
    return sorted(days)


def chip_timeline(chip_id: str, until: date | None = None) -> list[ChipStep]:
    """The chip's classification on each date the rules change, from the first rule (or the chip's
    announcement, when later) to ``until`` (default today); a date that changes nothing is merged."""
    last = until or date.today()
    announced = chip(chip_id).announced
    first = max(earliest_plausible_date(), announced) if announced else earliest_plausible_date()
    steps: list[ChipStep] = []
    for day in [first, *(d for d in _change_dates(chip_id) if first < d <= last)]:
        cls = classify_chip(chip_id, day)
        if steps and (steps[-1].band, steps[-1].controlled, steps[-1].rule, steps[-1].reason) == (
                cls.band, cls.controlled, cls.rule, cls.reason):
            continue
        steps.append(ChipStep(day, cls.band, cls.controlled, cls.rule, cls.reason))
    return steps


def find_chip(name: str) -> str | None:
    """The accelerators.yaml id of a chip named by id, name or alias (any case, full- or half-width)."""
    key = fold_pattern(name).casefold().replace(" ", "")
    for chip_id, row in chips().items():
        names = [chip_id, row.name, f"{row.vendor} {row.name}", *row.aliases]
        if any(fold_pattern(n).casefold().replace(" ", "") == key for n in names):
            return chip_id
    return None
