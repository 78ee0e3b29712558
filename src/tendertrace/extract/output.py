"""The extraction record printed by ``tendertrace extract --format jsonl`` and stored by scans."""

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
        "lots": [to_dict(lot) for lot in ex.lots],
        "amount": ex.amount.value if ex.amount else None,
        "amount_kind": ex.amount.kind if ex.amount else None,
        "budget": ex.budget,
        "currency": (ex.amount.currency if ex.amount else None) or (ex.currency if ex.budget or ex.lots else None),
        "published": ex.published.isoformat() if ex.published else None,
        "items": [to_dict(item) for item in ex.items],
        "mentions": [
            {"kind": m.kind, "text": m.text, "normalized": m.normalized, "start": m.start, "end": m.end,
             **({"count": m.count} if m.count is not None else {})}
            for m in ex.mentions
        ],
        "spans": {
            "parties": [{"role": p.role, "name": p.name, "masked": p.masked, "source": p.source,
                         **({"start": p.span.start, "end": p.span.end} if p.span else {})}
                        for p in ex.parties],
            # Where the date came from: record, label, signature, first_dated_line; None when none was found.
            "published": {"source": ex.date_source},
            "amount": {"start": ex.amount.span.start, "end": ex.amount.span.end} if ex.amount and ex.amount.span else None,
            "amounts": [{"value": a.value, "currency": a.currency, "start": a.span.start, "end": a.span.end,
                         "context": [a.context.start, a.context.end]} for a in ex.amounts],
        },
    }
