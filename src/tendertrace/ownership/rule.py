"""The Affiliates rule's state on a date, from its row in ``knowledge/rules.yaml``.

The row gives the rule's effective date and its suspensions; the rule is back in force the day
after a suspension ends. An extension of the suspension is a change of that row alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Literal

from ..knowledge.schema import rule_rows

RULE_ID = "affiliates-2025-09"
RuleState = Literal["in force", "suspended", "not yet made", "date unknown"]


@dataclass(frozen=True, slots=True)
class Suspension:
    start: date
    end: date  # the last day of the suspension: the rule is back the day after
    citation: str


@dataclass(frozen=True, slots=True)
class AffiliatesRule:
    effective: date
    citation: str
    lists: frozenset[str]  # the lists whose parties' ownership counts
    share_min: float  # percent held, alone or together, that makes an affiliate
    suspensions: tuple[Suspension, ...]

    def state(self, on: date | None) -> RuleState:
        if on is None:
            return "date unknown"
        if on < self.effective:
            return "not yet made"
        if any(s.start <= on <= s.end for s in self.suspensions):
            return "suspended"
        return "in force"

    def describe(self, on: date | None) -> str:
        """The state on ``on``, dated and cited, as a finding says it."""
        state = self.state(on)
        if state == "in force":
            back = [s for s in self.suspensions if on is not None and s.end < on]
            again = f", back in force since {(back[-1].end + timedelta(days=1)).isoformat()}" if back else ""
            return f"Affiliates rule in force on {on} ({self.citation}{again})"
        if state == "suspended":
            s = next(s for s in self.suspensions if on is not None and s.start <= on <= s.end)
            return (f"Affiliates rule suspended on {on} ({s.start.isoformat()} to {s.end.isoformat()}: {s.citation}): "
                    "a red flag to check, not a licence requirement on that date")
        if state == "not yet made":
            return (f"Affiliates rule not yet made on {on} (effective {self.effective.isoformat()}, {self.citation}): "
                    "then only the listed entity itself was restricted")
        return f"notice undated: the Affiliates rule ({self.citation}) applies only from {self.effective.isoformat()}"


@cache
def affiliates_rule() -> AffiliatesRule:
    row = next(r for r in rule_rows() if r.id == RULE_ID)
    return AffiliatesRule(
        effective=row.effective, citation=row.citation,
        lists=frozenset(row.lists), share_min=float(row.share_min or 0.0),
        suspensions=tuple(Suspension(s.start, s.end, s.citation or row.citation) for s in row.suspended),
    )
