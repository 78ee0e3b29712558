"""The extraction record printed by ``tendertrace extract`` and scored by the extraction evaluation.

This is a view for people and for the shared evaluation's field definitions (``buyer``,
``suppliers`` ... as lists of names, the amount flattened), not a serialisation: a scan stores
:meth:`tendertrace.model.Extraction.to_dict`, which rebuilds the extraction with its spans.
"""

from __future__ import annotations

from typing import Any

from ..model import Document, Extraction, to_dict


def extraction_record(doc: Document, ex: Extraction) -> dict[str, Any]:
    """The documented JSON shape (field definitions of the shared evaluation README)."""
    return {
        "id": doc.id,
        "source_id": doc.source_id,
        "file": doc.file,
        "notice_type": ex.notice_type,
        "project_name": ex.project_name,
        "project_number": ex.project_number,
        "buyer": ex.names("buyer"),
        "agency": ex.names("agency"),
        "suppliers": ex.names("supplier"),
        "lots": to_dict(ex.lots),
        "amount": ex.amount.value if ex.amount else None,
        "amount_kind": ex.amount.kind if ex.amount else None,
        "budget": ex.budget,
        "currency": ex.stated_currency(),
        "published": ex.published.isoformat() if ex.published else None,
        "items": to_dict(ex.items),
        "mentions": [
            {"kind": m.kind, "text": m.text, "normalized": m.normalized, "start": m.start, "end": m.end,
             **({"count": m.count} if m.count is not None else {})}
            for m in ex.mentions
        ],
    }
