"""Stored results in the shape of ``model.DocumentResult.to_dict``.

Until now ``documents.result`` held the extraction as the printed record (``buyer``, ``suppliers``
... as name lists, the amount flattened, the spans aside) and each hit with the listed entry's
name under ``match`` and the party's span as a pair. This rewrites every stored result into the
typed shape (parties with their spans, the amount as an object, hits with ``entry``, ``start``
and ``end``) and gives stored findings their ``bands``. The schema does not change.

The conversion is written out here, on plain dicts, so that it stays what it was when later code
changes. Downgrading writes the old shape back.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_documents = sa.table(
    "documents", sa.column("id", sa.String), sa.column("source_id", sa.String), sa.column("file", sa.Text),
    sa.column("text", sa.Text), sa.column("result", sa.JSON),
)
_findings = sa.table("findings", sa.column("case_id", sa.String), sa.column("bands", sa.Text),
                     sa.column("data", sa.JSON))
_ROLES = (("buyer", "buyer"), ("agency", "agency"), ("suppliers", "supplier"))
_HIT_KEYS = ("party", "entry_id", "list", "relation", "score", "matched_name", "role", "normalized", "translations",
             "features", "explanation", "federal_register", "license_requirement", "list_source", "list_version")


def _span(text: str, start: Any, end: Any) -> dict[str, Any] | None:
    if start is None or end is None:
        return None
    return {"start": start, "end": end, "text": text[start:end]}


def typed_result(old: dict[str, Any], text: str) -> dict[str, Any]:
    """A result of revision 0002 in the typed shape (a result already typed is returned as it is)."""
    rec = old.get("extraction") or {}
    if "parties" in rec:
        return old
    spans = rec.get("spans") or {}
    if spans.get("parties") is not None:
        parties = [{"name": p["name"], "role": p["role"], "span": _span(text, p.get("start"), p.get("end"))}
                   for p in spans["parties"]]
    else:
        parties = [{"name": name, "role": role, "span": None} for key, role in _ROLES for name in rec.get(key) or []]
    amount = None
    if rec.get("amount") is not None:
        where = spans.get("amount") or {}
        amount = {"value": rec["amount"], "currency": rec.get("currency") or "", "kind": rec.get("amount_kind"),
                  "span": _span(text, where.get("start"), where.get("end"))}
    extraction = {
        "notice_type": rec.get("notice_type") or "other", "project_name": rec.get("project_name"),
        "project_number": rec.get("project_number"), "parties": parties, "lots": rec.get("lots") or [],
        "amount": amount, "budget": rec.get("budget"), "currency": rec.get("currency"),
        "published": rec.get("published"), "items": rec.get("items") or [], "mentions": rec.get("mentions") or [],
    }
    hits = []
    for h in old.get("hits") or []:
        span = h.get("span") or [None, None]
        hits.append({**{k: h.get(k) for k in _HIT_KEYS}, "entry": h.get("match"), "start": span[0], "end": span[1],
                     "key": None})
    return {**old, "extraction": extraction, "hits": hits,
            "classifications": [_with_compute_flag(c) for c in old.get("classifications") or []]}


# Items of revision 0002 carry no ``compute_finding``: the code of that revision made a finding of a
# controlled item, of remote access that a provider's policy restricts (or to controlled chips) and
# of a restricted model, and the flag says so for them until the next scan classifies them again.
_NEW_ITEM_KEYS = ("compute_finding", "us_signal", "needs_review", "context", "date_unknown")


def _with_compute_flag(c: dict[str, Any]) -> dict[str, Any]:
    if "compute_finding" in c:
        return c
    remote = c.get("route") not in (None, "hardware_purchase") and bool(c.get("restriction") or c.get("controlled"))
    model = bool(c.get("model") and c.get("restriction"))
    return {**c, "compute_finding": bool(c.get("controlled")) or remote or model}


def record_result(new: dict[str, Any], doc: dict[str, Any]) -> dict[str, Any]:
    """A typed result back in the shape of revision 0002."""
    ex = new.get("extraction") or {}
    if "parties" not in ex:
        return new
    parties = ex.get("parties") or []
    amount = ex.get("amount")

    def names(role: str) -> list[str]:
        return [p["name"] for p in parties if p["role"] == role]

    currency = (amount or {}).get("currency") or (ex.get("currency") if ex.get("budget") or ex.get("lots") else None)
    record = {
        "id": doc["id"], "source_id": doc["source_id"], "file": doc["file"], "notice_type": ex.get("notice_type"),
        "project_name": ex.get("project_name"), "project_number": ex.get("project_number"),
        "buyer": names("buyer"), "agency": names("agency"), "suppliers": names("supplier"), "lots": ex.get("lots") or [],
        "amount": amount["value"] if amount else None, "amount_kind": amount["kind"] if amount else None,
        "budget": ex.get("budget"), "currency": currency, "published": ex.get("published"),
        "items": ex.get("items") or [],
        "mentions": [{k: m.get(k) for k in ("kind", "text", "normalized", "start", "end")}
                     | ({"count": m["count"]} if m.get("count") is not None else {}) for m in ex.get("mentions") or []],
        "spans": {
            "parties": [{"role": p["role"], "name": p["name"],
                         **({"start": p["span"]["start"], "end": p["span"]["end"]} if p.get("span") else {})}
                        for p in parties],
            "amount": ({"start": amount["span"]["start"], "end": amount["span"]["end"]}
                       if amount and amount.get("span") else None),
        },
    }
    hits = [{"role": h.get("role"), "party": h.get("party"),
             "span": [h["start"], h["end"]] if h.get("start") is not None else None, "query": h.get("party"),
             "match": h.get("entry"), **{k: h.get(k) for k in _HIT_KEYS if k not in ("party", "role")}}
            for h in new.get("hits") or []]
    classifications = [{k: v for k, v in c.items() if k not in _NEW_ITEM_KEYS} for c in new.get("classifications") or []]
    return {**new, "extraction": record, "hits": hits, "classifications": classifications}


def _rewrite(convert: Any) -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.select(_documents).where(_documents.c.result.is_not(None))).mappings().all()
    for row in rows:
        result = row["result"]
        if not isinstance(result, dict):
            continue
        changed = convert(result, row)
        if changed is not result:
            conn.execute(_documents.update().where(_documents.c.id == row["id"]).values(result=changed))


def upgrade() -> None:
    _rewrite(lambda result, row: typed_result(result, row["text"] or ""))
    conn = op.get_bind()
    for row in conn.execute(sa.select(_findings)).mappings().all():
        data = row["data"]
        if isinstance(data, dict) and "bands" not in data:
            bands = [v for v in (row["bands"] or "").split("|") if v]
            conn.execute(_findings.update().where(_findings.c.case_id == row["case_id"]).values(data={**data, "bands": bands}))


def downgrade() -> None:
    _rewrite(record_result)  # stored findings keep their extra keys: 0002 reads only the keys it knows
