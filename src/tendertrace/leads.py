"""Leads: notices that procure AI compute with no US signal -- 智算中心 builds, 算力租赁 with
domestic chips, DeepSeek 一体机, GPU servers with no chip named. Not findings (nothing in them
reaches US compute), but what a journalist follows. The words are in ``knowledge/leads.yaml``;
the rental and domestic-chip kinds are the mentions extraction already found.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from . import store
from .knowledge import files as knowledge
from .store import leads as lead_store
from .text.fold import line_end, line_start, match_text

EVIDENCE_PER_KIND = 3  # spans kept per kind and document: enough to show why, few enough to read
LINE_CHARS = 240  # the evidence line shown, cut to this many characters around the span


@dataclass(frozen=True)
class LeadKind:
    name: str
    label: str
    source: str
    patterns: tuple[re.Pattern[str], ...]
    mentions: frozenset[str]
    needs_procurement: bool
    no_chip: bool


@dataclass(frozen=True)
class LeadEvidence:
    kind: str
    start: int
    end: int
    text: str
    line: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "text": self.text, "line": self.line}


@cache
def kinds() -> tuple[LeadKind, ...]:
    return tuple(LeadKind(name, spec.label, " ".join(spec.source.split()),
                          tuple(re.compile(p) for p in spec.patterns), frozenset(spec.mentions),
                          spec.needs_procurement, spec.no_chip)
                 for name, spec in knowledge.leads().kinds.items())


@cache
def _words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    words = knowledge.leads()
    return words.procurement, words.exclude


def _line(text: str, start: int, end: int) -> tuple[int, int]:
    return line_start(text, start), line_end(text, end)


def find_leads(text: str, result: dict[str, Any] | None, title: str | None = None) -> list[LeadEvidence]:
    """The lead evidence of one document (its text and its stored ``result``); none when the
    document is a compute finding (a US signal) or holds no lead word outside excluded lines."""
    result = result or {}
    classes = result.get("classifications") or []
    if any(c.get("compute_finding") for c in classes):
        return []
    mentions = (result.get("extraction") or {}).get("mentions") or []
    if any(m.get("kind") in ("cloud_provider", "cloud_account") for m in mentions) and any(
            c.get("us_signal") for c in classes):
        return []
    procurement, exclude = _words()
    folded = match_text(text) if text else ""
    named_chip = any(m.get("kind") in ("chip", "domestic_chip", "generic_chip", "chip_spec") for m in mentions)
    found: list[LeadEvidence] = []
    sources = [(folded, 0)] + ([(match_text(title), -1)] if title and title not in text else [])
    for kind in kinds():
        if kind.no_chip and named_chip:
            continue
        spans: list[tuple[int, int, str]] = []
        for m in mentions:
            if m.get("kind") in kind.mentions:
                spans.append((int(m["start"]), int(m["end"]), "text"))
        for pattern in kind.patterns:
            for body, where in sources:
                for match in pattern.finditer(body):
                    spans.append((match.start(), match.end(), "title" if where < 0 else "text"))
                    if len(spans) > 4 * EVIDENCE_PER_KIND:
                        break
        kept = 0
        for start, end, origin in sorted(set(spans)):
            body = folded if origin == "text" else match_text(title or "")
            shown = text if origin == "text" else (title or "")
            a, b = _line(body, start, end)
            line = body[a:b]
            if any(w in line for w in exclude):
                continue
            if kind.needs_procurement and not any(w in line for w in procurement):
                continue
            lo, hi = max(a, start - LINE_CHARS // 2), min(b, end + LINE_CHARS // 2)
            found.append(LeadEvidence(kind.name, start if origin == "text" else -1, end if origin == "text" else -1,
                                      shown[start:end], shown[lo:hi].strip()))
            kept += 1
            if kept >= EVIDENCE_PER_KIND:
                break
    return found


@cache
def leads_version() -> str:
    """A hash of the lead words and this code: a change re-checks every document."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(json.dumps(dataclasses.asdict(knowledge.leads()), sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()[:32]


def _buyer(result: dict[str, Any]) -> str | None:
    parties = (result.get("extraction") or {}).get("parties") or []
    names = [p["name"] for p in parties if p.get("role") == "buyer" and p.get("name")]
    return "; ".join(dict.fromkeys(names)) or None


def refresh_leads(engine: Engine) -> int:
    """Check the documents scanned since their last check; returns how many documents hold a lead."""
    version = leads_version()
    checked = lead_store.checked(engine, version)
    scanned = store_scan_times(engine)
    stale = [d for d, at in scanned.items() if d not in checked or checked[d] != at]
    rows = []
    for doc in (d for start in range(0, len(stale), SAVE_BATCH)
                for d in store.iter_documents(engine, ids=stale[start:start + SAVE_BATCH], with_text=True)):
        result = doc.get("result") or {}
        evidence = find_leads(doc.get("text") or "", result, doc.get("title"))
        rows.append({"doc_id": doc["id"], "kinds": "|" + "".join(f"{k}|" for k in dict.fromkeys(e.kind for e in evidence)),
                     "title": doc.get("title"), "date": doc.get("published"), "buyer": _buyer(result),
                     "evidence": [e.to_dict() for e in evidence], "scanned_at": doc["scanned_at"],
                     "version": version})
        if len(rows) >= SAVE_BATCH:
            lead_store.save_leads(engine, rows)
            rows = []
    lead_store.save_leads(engine, rows)
    lead_store.drop_missing(engine, set(scanned))
    total, _ = lead_store.query_leads(engine, limit=1)
    return total


SAVE_BATCH = 500  # lead rows written per transaction, and documents read per query


def store_scan_times(engine: Engine) -> dict[str, Any]:
    """Each processed document's scan time, without its text."""
    from sqlalchemy import select

    table = store.documents
    with engine.connect() as conn:
        return {r[0]: r[1] for r in conn.execute(select(table.c.id, table.c.scanned_at).where(table.c.status == "processed"))}
