"""Reports of findings: a Reuters-style factbox (Markdown, CSV), a self-contained HTML report and
FollowTheMoney entities for Aleph and OpenSanctions tools."""

from __future__ import annotations

import csv
import io
from typing import Any

from ..findings import Finding, finding_sources, intermediaries
from ..model import ListedHit
from ..text.fold import display_fold
from .ftm import ftm_entities
from .html import html_report

__all__ = ["factbox_rows", "factbox_csv", "factbox_markdown", "html_report", "ftm_entities"]

FACTBOX_COLUMNS = ["entity_zh", "entity_en", "listed", "provider", "intermediary", "item", "quantity", "amount",
                   "month", "route", "evidence", "source"]


def factbox_rows(findings: list[Finding]) -> list[dict[str, Any]]:
    """One row per case, in the shape of Reuters' August 2024 factbox."""
    rows = []
    for f in findings:
        listed_buyer = [h for h in f.listed if h.role == "buyer"]
        items = [*f.chips, *f.models]
        rows.append({
            "entity_zh": "; ".join(f.buyer),
            "entity_en": "; ".join(sorted({h.entry for h in listed_buyer})),
            "listed": "; ".join(_listed_cell(h) for h in f.listed) or "no",
            "provider": "; ".join(f.provider),
            "intermediary": "; ".join(intermediaries(f)),
            "item": "; ".join(items),
            "quantity": f.quantity or "",
            "amount": f"{f.amount:,.2f} {f.currency or ''}".replace(".00 ", " ").strip() if f.amount is not None else "",
            "month": (f.date or "")[:7],
            "route": "; ".join(f.route),
            "evidence": " … ".join(e.text for e in f.evidence[:4]),
            "source": " ; ".join(finding_sources(f)),
        })
    # a factbox is read by people: radicals shown as the ideographs they stand for (⼤学 → 大学)
    return [{k: display_fold(v) for k, v in row.items()} for row in rows]


def _listed_cell(h: ListedHit) -> str:
    """"party: EL self (entry)", with "listed later (date, citation)" and, for an owned party, its
    share and the Affiliates rule's state on the notice's date."""
    notes = [h.entry]
    if h.relation == "owned":
        notes.append(f"{h.owned_share:g} % held" if h.owned_share is not None else "consolidated, share not stated")
        notes.append(f"Affiliates rule {h.rule_state}")
    if h.listed_later:
        notes.append(h.listed_later)
    return f"{h.party}: {h.list} {h.relation} ({', '.join(notes)})"


def factbox_csv(findings: list[Finding]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=FACTBOX_COLUMNS)
    writer.writeheader()
    writer.writerows(factbox_rows(findings))
    return buf.getvalue()


def factbox_markdown(findings: list[Finding]) -> str:
    lines = [f"# tendertrace findings ({len(findings)})", "", "| " + " | ".join(FACTBOX_COLUMNS) + " |",
             "|" + "---|" * len(FACTBOX_COLUMNS)]
    for row in factbox_rows(findings):
        lines.append("| " + " | ".join(str(row[c]).replace("|", "\\|").replace("\n", " ") for c in FACTBOX_COLUMNS) + " |")
    return "\n".join(lines) + "\n"
