"""Findings: documents that reach for controlled compute or restricted models, or name a listed party.

A finding is built from one document's stored results; notices of the same project (same project
number, or same buyer and project name) are merged into one case with a timeline. The score is

    score = 100 * min(1, listed + chips + remote + intermediary + amount + award)

    listed        0.45 x hit score for a listed party (self), 0.35 x hit score for an affiliate
    chips         0.30 when an item is controlled (3A090 / 4A090 / licence letter) on the document's date
    unclassified  0.20 when, instead, a US AI accelerator is named only by maker, origin or spec
                  ("unclassified US AI accelerator, needs review")
    precontrol    0.10 when, instead, a named US chip whose figures meet 3A090 is not controlled on
                  the date (bought before its control applied, or the date is unknown)
    remote        0.30 for a cloud account, rented GPUs or model access from a US provider or model
                  whose maker excludes China; 0.10 for other cloud or model mentions with a chip
    intermediary  0.10 when a supplier stands between the buyer and a US provider
    amount        0.05 when an amount is stated
    award         0.05 when the notice is an award (money spent, not only sought)
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import defaultdict
from typing import Any

from sqlalchemy.engine import Engine

from .. import store
from ..model import Evidence, Finding, to_dict
from ..screen.names import fold_zh

_WEIGHTS = {"self": 0.45, "affiliate": 0.35}
# An unclassified US AI accelerator (named by maker, origin or a spec, not by model) is likely
# controlled but not shown to be: it weighs less than a classified controlled chip (0.30).
_UNCLASSIFIED = 0.20
# A US chip whose figures meet 3A090 bought before its control applied (or on an unknown date):
# the class of chip the controls are about, but no licence was needed then.
_PRECONTROL = 0.10


def hit_key(party: str, entry_id: str) -> str:
    """The stable key of a listed-party hit: the same party name against the same list entry, in
    whatever document and scan -- an analyst's dismissal of it holds for later scans too."""
    folded = re.sub(r"\s+", "", fold_zh(party)).lower()
    return hashlib.sha1(f"{folded}|{entry_id}".encode()).hexdigest()[:16]


def document_finding(doc: dict[str, Any], dismissed: frozenset[str] | set[str] = frozenset()) -> Finding | None:
    """The finding of one stored document, or None when it reaches for nothing of interest.

    Hits whose key is in ``dismissed`` do not count towards the score; they are kept aside in
    ``Finding.suppressed`` so the decision stays visible.
    """
    result = doc.get("result") or {}
    ex = result.get("extraction") or {}
    classes = result.get("classifications") or []
    all_hits = [{**h, "key": hit_key(h["party"], h.get("entry_id") or h["match"])} for h in result.get("hits") or []]
    hits = [h for h in all_hits if h["key"] not in dismissed]
    suppressed = [h for h in all_hits if h["key"] in dismissed]
    text = doc.get("text") or ""
    # -- the compute-finding condition (rules.evidence): only items the rules marked as a compute
    # finding count -- a compute object, a US signal and a route, outside negation or cancellation.
    compute = [c for c in classes if c.get("compute_finding")]
    review = [c for c in compute if c.get("needs_review")]
    # -- end of the compute-finding condition
    controlled = [c for c in compute if c.get("controlled")]
    us_remote = [c for c in compute if c.get("route") not in (None, "hardware_purchase") and (c.get("restriction") or c.get("controlled"))]
    chips = [c for c in compute if c.get("chip") and not c.get("needs_review")]
    models = [c for c in compute if c.get("model") and c.get("restriction")]
    if not (compute or all_hits):
        return None
    parts: dict[str, float] = {}
    if hits:
        parts["listed"] = max(_WEIGHTS.get(h["relation"], 0.3) * h["score"] for h in hits)
    if controlled:
        parts["chips"] = 0.30
    # -- the new score parts: a US AI accelerator named only by maker, origin or spec, needing
    # review; a named chip of the controlled class not (or not surely) controlled on the date
    if review and not controlled:
        parts["unclassified"] = _UNCLASSIFIED
    if not (controlled or review) and any(c.get("chip") for c in compute):
        parts["precontrol"] = _PRECONTROL
    # -- end of the new score parts
    if us_remote or models:
        parts["remote"] = 0.30
    suppliers = ex.get("suppliers") or []
    providers = sorted({c["provider"] for c in classes if c.get("provider")})
    if suppliers and (us_remote or models) and providers:
        parts["intermediary"] = 0.10
    if ex.get("amount") is not None:
        parts["amount"] = 0.05
    if ex.get("notice_type") == "award":
        parts["award"] = 0.05
    score = round(100 * min(1.0, sum(parts.values())), 1)
    evidence: list[Evidence] = []
    for c in classes:
        if c.get("start") is not None and c in compute:
            evidence.append(_evidence(doc["id"], text, c["start"], c["end"]))
    for h in hits:
        if h.get("span"):
            evidence.append(_evidence(doc["id"], text, h["span"][0], h["span"][1]))
    amount_span = ((ex.get("spans") or {}).get("amount")) or None
    if amount_span:
        evidence.append(_evidence(doc["id"], text, amount_span["start"], amount_span["end"]))
    quantity = _quantity(classes)
    return Finding(
        case_id=_case_key(ex, doc),
        documents=[{"id": doc["id"], "file": doc.get("file") or doc.get("source"), "source_id": doc.get("source_id"),
                    "notice_type": ex.get("notice_type"), "date": ex.get("published")}],
        buyer=ex.get("buyer") or [], suppliers=suppliers, provider=providers,
        route=sorted({c["route"] for c in compute if c.get("route")}),
        chips=sorted({c["chip"] for c in chips}), models=sorted({c["model"] for c in models}),
        classification=[{k: c.get(k) for k in ("text", "chip", "model", "count", "tpp", "pd", "band", "controlled", "rule",
                                               "route", "provider", "restriction", "reason", "compute_finding",
                                               "needs_review", "date_unknown", "context")} for c in classes],
        listed=[_listed(h) for h in hits], suppressed=[_listed(h) for h in suppressed],
        amount=ex.get("amount"), currency=ex.get("currency"), date=ex.get("published"), score=score,
        score_parts=parts, evidence=evidence, quantity=quantity, title=doc.get("title") or ex.get("project_name"),
        review_status="suppressed" if not (compute or hits) else "unreviewed",
    )


def _listed(h: dict[str, Any]) -> dict[str, Any]:
    return {"key": h["key"], "party": h["party"], "role": h["role"], "entry": h["match"], "entry_id": h.get("entry_id"),
            "list": h["list"], "relation": h["relation"], "score": h["score"],
            "federal_register": h.get("federal_register"), "list_version": h.get("list_version"),
            "explanation": h.get("explanation")}


def _quantity(classes: list[dict[str, Any]]) -> str | None:
    """"500 servers × 8 A100", "8 × H100", "40,000,000 tokens" -- what the notice says it wants."""
    parts = []
    for c in classes:
        if c.get("chip") and c.get("count"):
            servers = f"{c['servers']} servers × " if c.get("servers") else ""
            parts.append(f"{servers}{c['count']} {c['chip']}")
        elif c.get("chip") and c.get("servers"):
            parts.append(f"{c['servers']} servers with {c['chip']}")
        elif c.get("model") and c.get("count"):
            parts.append(f"{c['count']:,} tokens of {c['model']}")
    return "; ".join(dict.fromkeys(parts)) or None


def _evidence(doc_id: str, text: str, start: int, end: int) -> Evidence:
    return Evidence(doc_id, start, end, text[start:end])


def _case_key(ex: dict[str, Any], doc: dict[str, Any]) -> str:
    number = (ex.get("project_number") or "").strip()
    if number:
        key = f"no:{number}"
    else:
        name = re.sub(r"[\s()（）\-—_]|重发|重招|第[一二三四五\d]次", "", ex.get("project_name") or doc.get("title") or doc["id"])
        key = f"name:{'|'.join(sorted(ex.get('buyer') or []))}:{name}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def merge(findings: list[Finding]) -> list[Finding]:
    """Notices of one project become one case: documents in date order, the union of facts, the top score."""
    by_case: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_case[f.case_id].append(f)
    merged = []
    for case_id, group in by_case.items():
        group.sort(key=lambda f: (f.date or "", f.documents[0]["id"]))
        base = max(group, key=lambda f: f.score)
        award = next((f for f in reversed(group) if f.documents[0].get("notice_type") == "award"), None)
        merged.append(Finding(
            case_id=case_id, documents=[d for f in group for d in f.documents],
            buyer=_union(f.buyer for f in group), suppliers=_union(f.suppliers for f in group),
            provider=_union(f.provider for f in group), route=_union(f.route for f in group),
            chips=_union(f.chips for f in group), models=_union(f.models for f in group),
            classification=[c for f in group for c in f.classification],
            listed=[h for f in group for h in f.listed],
            amount=(award or base).amount, currency=(award or base).currency, date=group[-1].date,
            score=base.score, score_parts=base.score_parts, evidence=[e for f in group for e in f.evidence],
            quantity="; ".join(dict.fromkeys(f.quantity for f in group if f.quantity)) or None, title=base.title,
            suppressed=[h for f in group for h in f.suppressed],
            review_status="suppressed" if all(f.review_status == "suppressed" for f in group) else "unreviewed",
        ))
    merged.sort(key=lambda f: (-f.score, f.date or "", f.case_id))
    return merged


def _union(lists: Any) -> list[Any]:
    seen: dict[Any, None] = {}
    for items in lists:
        for item in items:
            seen.setdefault(item, None)
    return list(seen)


def build_findings(engine: Engine) -> list[Finding]:
    """All findings in the store, merged into cases, highest score first, with the analysts'
    latest decisions applied: a dismissed hit no longer counts, a reviewed case has its status."""
    decisions = store.latest_decisions(engine)
    dismissed = {s.removeprefix("hit:") for s, d in decisions.items() if s.startswith("hit:") and d["decision"] == "dismissed"}
    found = []
    for doc in store.iter_documents(engine, status="processed", with_text=True, flagged_only=True):
        finding = document_finding(doc, dismissed)
        if finding:
            found.append(finding)
    merged = merge(found)
    for f in merged:
        decision = decisions.get(f"case:{f.case_id}")
        if decision:
            f.review_status = decision["decision"]
    return merged


def refresh_findings(engine: Engine) -> list[Finding]:
    """Build the findings and store them for the API and the review UI to filter and page."""
    built = build_findings(engine)
    store.replace_findings(engine, [finding_record(f) for f in built])
    return built


def item_band(item: dict[str, Any]) -> str:
    """The band of a classified item: its ECCN band, else "remote access" or "not controlled"."""
    if item.get("band"):
        return str(item["band"])
    return "remote access" if item.get("route") not in (None, "hardware_purchase") else "not controlled"


def finding_bands(f: Finding) -> list[str]:
    """The bands of a finding's chip and model items ("3A090.a", "not controlled", "remote access" ...)."""
    return sorted({item_band(c) for c in f.classification if c.get("chip") or c.get("model")})


def finding_record(f: Finding) -> dict[str, Any]:
    """The ``findings`` row of a finding; its review status is kept in the column alone."""
    data = to_dict(f)
    del data["review_status"]
    return {
        "case_id": f.case_id, "score": f.score, "date": f.date, "title": f.title, "buyer": "; ".join(f.buyer),
        "suppliers": "; ".join(f.suppliers), "providers": f.provider, "routes": f.route,
        "bands": finding_bands(f), "listed": bool(f.listed), "amount": f.amount, "currency": f.currency,
        "review_status": f.review_status, "data": data, "built_at": store.now(),
    }


def finding_row(f: Finding) -> dict[str, Any]:
    return {
        "case_id": f.case_id, "date": f.date, "buyer": f.buyer, "suppliers": f.suppliers, "provider": f.provider,
        "route": f.route, "chips": f.chips, "models": f.models,
        "listed": [f"{h['party']} → {h['entry']} ({h['list']}, {h['relation']})" for h in f.listed],
        "amount": f"{f.amount:,.0f} {f.currency or ''}".strip() if f.amount is not None else "", "score": f.score,
    }


def finding_from_dict(data: dict[str, Any]) -> Finding:
    """A stored finding (``findings.data``) back as a :class:`Finding`."""
    names = {f.name for f in dataclasses.fields(Finding)}
    values = {k: v for k, v in data.items() if k in names}
    values["evidence"] = [Evidence(**e) for e in data.get("evidence") or []]
    return Finding(**values)
