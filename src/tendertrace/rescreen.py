"""Re-screening: every stored party against the lists as they are now, without reading a document
again, and what changed since the previous screening.

A party's hits are compared by the entries and relations they name: a party with hits where it
had none is **new**, one whose entries or relations differ is **changed**, one that lost every
hit is **cleared**. The findings are then rebuilt, and those whose score moved are reported with
the hits. Each run is kept as an event (``store.listversions``); the hits and the event are
written in one transaction, so a run stopped before its findings were compared is finished by
the next one, from the scores kept with the event.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, update
from sqlalchemy.engine import Engine

from . import __version__, store
from .findings import hit_key, refresh_findings
from .model import (
    ChangeKind,
    Classification,
    DocumentResult,
    Finding,
    HitChange,
    HitRef,
    ListedHit,
    RescreenReport,
    ScoreChange,
)
from .pipeline import code_fingerprint, nexus_of, pipeline_version, screen_parties
from .rules import classify_extraction
from .screen.matcher import Screener
from .store import listversions
from .text.fold import match_text

KINDS: tuple[ChangeKind, ...] = ("new", "changed", "cleared")
UPDATE_BATCH = 500  # document rows rewritten per statement batch


def _refs(hits: list[ListedHit]) -> dict[str, list[HitRef]]:
    """A document's hits by party (folded as a hit's key folds it), each entry and relation once."""
    by_party: dict[str, dict[tuple[str, str, str], HitRef]] = defaultdict(dict)
    for h in hits:
        party = hit_key(h.party, "")
        by_party[party].setdefault(_same_entry(h.list, h.entry, h.relation),
                                   HitRef(h.entry, h.entry_id or h.entry, h.list, h.relation, h.score))
    return {p: sorted(refs.values(), key=lambda r: (r.list, r.entry_id, r.relation)) for p, refs in by_party.items()}


def _same_entry(list_code: str, entry: str, relation: str) -> tuple[str, str, str]:
    """What makes two hits the same: the list, the entry's name and the relation. Entry ids are
    not compared: two sources of one list (a CSL download, the BIS JSON) number the same entry
    differently, and a reload from the other source is no change."""
    return list_code, hit_key(entry, ""), relation


def _compare(doc_id: str, old: list[ListedHit], new: list[ListedHit]) -> list[HitChange]:
    before, after = _refs(old), _refs(new)
    names = {hit_key(h.party, ""): (h.party, h.role) for h in [*old, *new]}
    changes = []
    for party in sorted(set(before) | set(after)):
        was, now = before.get(party, []), after.get(party, [])
        same = ({_same_entry(r.list, r.entry, r.relation) for r in was}
                == {_same_entry(r.list, r.entry, r.relation) for r in now})
        if same:
            continue
        kind: ChangeKind = "new" if not was else "cleared" if not now else "changed"
        name, role = names[party]
        changes.append(HitChange(kind, name, role, doc_id, was, now))
    return changes


def _current_code() -> str:
    return f"{__version__}+{code_fingerprint()}+"


def rescreen(engine: Engine, screener: Screener, list_version: int | None = None,
             lists: frozenset[str] | None = None) -> RescreenReport:
    """Re-screen every stored party with ``screener``; store the new hits, the event and the
    rebuilt findings; what changed. ``list_version`` is the number of the lists screened against
    (the newest version of the store the lists came from). An unfinished earlier run is finished
    first, so its findings' changes are not lost."""
    pending = listversions.last_event(engine, finished=False)
    if pending is not None:
        finish(engine, pending, lists)
    previous = listversions.last_event(engine, finished=True)
    started = store.now()
    scores_before = listversions.finding_scores(engine)
    if not scores_before:  # findings never built in this store: build them as they stand
        scores_before = {f.case_id: f.score for f in refresh_findings(engine, lists)}
    versions = screener.versions()
    new_version = pipeline_version(screener)
    code = _current_code()
    rows: list[dict[str, Any]] = []
    changes: list[HitChange] = []
    parties = documents = 0
    for doc in store.iter_documents(engine, status="processed"):
        if not doc.get("result"):
            continue
        result = DocumentResult.from_dict(doc["result"])
        documents += 1
        parties += len(result.extraction.parties)
        hits = screen_parties(result.extraction, screener, result.rules_date)
        changes += _compare(doc["id"], result.hits, hits)
        stored_by = doc.get("pipeline_version") or ""
        if bool(hits) != bool(result.hits) and stored_by.startswith(code):
            # a listed party ties a document to China whatever its text says (pipeline.process): when
            # the first hit comes or the last goes, its items are classified again from its text
            result.classifications = _reclassify(engine, doc["id"], result, hits)
        result.hits, result.lists = hits, versions
        # a row this code stored is now what a scan with these lists would store: a later scan skips it
        rows.append({"doc_id": doc["id"], "old_version": stored_by, "new_result": result.to_dict(),
                     "new_flagged": result.flagged,
                     "new_version": new_version if stored_by.startswith(code) else stored_by or None})
    # a row a scan or an upload stored again meanwhile (another version) holds newer results: kept
    statement = (update(store.documents)
                 .where(store.documents.c.id == bindparam("doc_id"),
                        func.coalesce(store.documents.c.pipeline_version, "") == bindparam("old_version"))
                 .values(result=bindparam("new_result"), flagged=bindparam("new_flagged"),
                         pipeline_version=bindparam("new_version")))
    with engine.begin() as conn:
        for start in range(0, len(rows), UPDATE_BATCH):
            conn.execute(statement, rows[start:start + UPDATE_BATCH])
        counts = {k: sum(1 for c in changes if c.kind == k) for k in KINDS}
        event_id = listversions.add_event(conn, {
            "list_version": list_version,
            "previous_version": previous["list_version"] if previous else None,
            "started_at": started, "finished_at": None, "parties": parties, "documents": documents,
            "lists": versions, "counts": counts, "changes": [c.to_dict() for c in changes],
            "scores_before": scores_before, "findings": None,
        })
    event = listversions.get_event(engine, event_id)
    if event is None:  # pragma: no cover - written in the transaction just committed
        raise RuntimeError(f"re-screening event {event_id} was not stored")
    return finish(engine, event, lists)


def _reclassify(engine: Engine, doc_id: str, result: DocumentResult, hits: list[ListedHit]) -> list[Classification]:
    row = store.get_document(engine, doc_id) or {}
    text = row.get("text") or ""
    return classify_extraction(result.extraction, match_text(text), result.rules_date, nexus=nexus_of(hits))


def finish(engine: Engine, event: dict[str, Any], lists: frozenset[str] | None = None) -> RescreenReport:
    """Rebuild the findings from the re-screened hits and keep, with the event, those whose score moved."""
    built = refresh_findings(engine, lists)
    case_of = {d.id: f.case_id for f in built for d in f.documents}
    changes = [HitChange.from_dict(c) for c in event["changes"]]
    for change in changes:
        change.case_id = case_of.get(change.document)
    moved = score_changes(event["scores_before"], built)
    counts: dict[str, int] = {k: sum(1 for c in changes if c.kind == k) for k in KINDS}
    counts["findings"] = len(moved)
    listversions.finish_event(engine, event["id"], [m.to_dict() for m in moved], counts)
    with engine.begin() as conn:  # the case of each change, known once the findings are rebuilt
        conn.execute(update(listversions.rescreen_events).where(listversions.rescreen_events.c.id == event["id"])
                     .values(changes=[c.to_dict() for c in changes]))
    done = listversions.get_event(engine, event["id"])
    finished = done["finished_at"] if done else None
    return RescreenReport(
        event=event["id"], list_version=event["list_version"], previous_version=event["previous_version"],
        documents=event["documents"], parties=event["parties"], changes=changes, findings=moved, counts=counts,
        finished_at=finished.isoformat() if isinstance(finished, datetime) else None)


def score_changes(before: dict[str, float], after: list[Finding]) -> list[ScoreChange]:
    """The findings whose score differs, appeared or disappeared, biggest move first."""
    now = {f.case_id: f for f in after}
    moved = []
    for case_id in sorted(set(before) | set(now)):
        old, new = before.get(case_id), now[case_id].score if case_id in now else None
        if old != new:
            moved.append(ScoreChange(case_id, now[case_id].title if case_id in now else None, old, new))
    moved.sort(key=lambda m: -abs((m.after or 0.0) - (m.before or 0.0)))
    return moved


def report_of(event: dict[str, Any]) -> RescreenReport:
    """A stored event as the report ``rescreen`` printed."""
    finished = event.get("finished_at")
    return RescreenReport(
        event=event["id"], list_version=event["list_version"], previous_version=event["previous_version"],
        documents=event["documents"], parties=event["parties"],
        changes=[HitChange.from_dict(c) for c in event["changes"] or []],
        findings=[ScoreChange.from_dict(m) for m in event["findings"] or []], counts=dict(event["counts"] or {}),
        finished_at=finished.isoformat() if isinstance(finished, datetime) else None)


def new_since(engine: Engine) -> tuple[int | None, set[str]]:
    """The list version of the latest finished re-screening and the cases whose hits it made new
    or changed: what the findings page marks "new since list version N"."""
    event = listversions.last_event(engine, finished=True)
    if event is None:
        return None, set()
    cases = {c.get("case_id") for c in event["changes"] or [] if c.get("kind") in ("new", "changed")}
    return event["list_version"], {c for c in cases if c}


def report_rows(report: RescreenReport) -> list[dict[str, Any]]:
    """The report flattened for a table or CSV: one row per changed party, then one per moved finding."""
    def cell(refs: list[HitRef]) -> str:
        return "; ".join(f"{r.entry} ({r.list}, {r.relation}, {r.score:g})" for r in refs)

    rows: list[dict[str, Any]] = [
        {"kind": c.kind, "party": c.party, "role": c.role or "", "before": cell(c.before), "after": cell(c.after),
         "document": c.document, "case_id": c.case_id or "", "score_before": "", "score_after": ""}
        for c in report.changes]
    rows += [{"kind": "score", "party": "", "role": "", "before": "", "after": m.title or "", "document": "",
              "case_id": m.case_id, "score_before": "" if m.before is None else m.before,
              "score_after": "" if m.after is None else m.after} for m in report.findings]
    return rows


REPORT_COLUMNS = ["kind", "party", "role", "before", "after", "document", "case_id", "score_before", "score_after"]
