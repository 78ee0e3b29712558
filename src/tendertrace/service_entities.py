"""Entity pages: every notice and finding that names a party, across cases, and the suppliers
that serve several buyers with findings (written once for the API and the UI, as
:mod:`tendertrace.service`).

A party is known by its name folded as the screener compares names (simplified, half-width, no
spaces or brackets, lower case), so 中國科學技術大學 and 中国科学技术大学 are one entity page.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy.engine import Engine

from .findings import document_origin, intermediaries
from .model import CaseDocument, DocumentResult, Finding, Provenance
from .screen.names import fold_zh
from .service import InvalidRequest, NotFound
from .store import entities as stored

MAX_NAME_CHARS = 500  # longer than any organisation's name
MIN_BUYERS = 2  # a supplier serving this many buyers with findings is drawn in the network
MAX_NETWORK = 30  # suppliers drawn at most (those with the most buyers, then the highest score)


def entity_key(name: str) -> str:
    return re.sub(r"\s+", "", fold_zh(name)).lower()


@dataclass
class EntityDocument:
    id: str
    title: str | None
    date: str | None
    notice_type: str | None
    roles: list[str]
    link: str | None  # the notice's own address, when known
    label: str  # where it came from, in one line


@dataclass
class EntityFinding:
    case_id: str
    title: str | None
    date: str | None
    score: float
    roles: list[str]
    review_status: str
    routes: list[str]
    listed: bool


@dataclass
class EntityHit:
    entry: str
    list: str
    relation: str
    score: float


@dataclass
class Counterpart:
    name: str
    role: str  # what the counterpart is to this entity's findings: buyer or supplier
    findings: int


@dataclass
class EntityPage:
    name: str
    key: str
    spellings: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    documents: list[EntityDocument] = field(default_factory=list)
    findings: list[EntityFinding] = field(default_factory=list)
    hits: list[EntityHit] = field(default_factory=list)
    counterparts: list[Counterpart] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Intermediary:
    """A supplier of findings and the buyers, providers and findings it is in."""

    name: str
    buyers: list[str]
    providers: list[str]
    findings: list[str]  # case ids
    top_score: float
    between_us_provider: bool  # a supplier standing between a buyer and a US provider in one of them

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _check(name: str) -> str:
    name = name.strip()
    if not name or len(name) > MAX_NAME_CHARS:
        raise InvalidRequest(f"'name' must be 1 to {MAX_NAME_CHARS} characters")
    return name


def _finding_roles(f: Finding, key: str) -> list[str]:
    roles = [role for role, names in (("buyer", f.buyer), ("supplier", f.suppliers)) if any(entity_key(n) == key for n in names)]
    roles += sorted({h.role or "mentioned" for h in f.listed if entity_key(h.party) == key} - set(roles))
    return roles


def entity_page(engine: Engine, name: str) -> EntityPage:
    """Every stored notice and finding naming ``name`` (any spelling that folds to it), its
    listed-party hits and the buyers or suppliers it stands beside in findings."""
    name = _check(name)
    key = entity_key(name)
    page = EntityPage(name=name, key=key)
    spellings: dict[str, None] = {name: None}
    counter: dict[tuple[str, str], set[str]] = defaultdict(set)
    for f in stored.all_findings(engine):
        roles = _finding_roles(f, key)
        if not roles:
            continue
        spellings.update((n, None) for n in [*f.buyer, *f.suppliers, *(h.party for h in f.listed)] if entity_key(n) == key)
        page.findings.append(EntityFinding(f.case_id, f.title, f.date, f.score, roles, f.review_status, list(f.route),
                                           bool(f.listed)))
        if "buyer" in roles:
            for s in f.suppliers:
                counter[(s, "supplier")].add(f.case_id)
        if "supplier" in roles:
            for b in f.buyer:
                counter[(b, "buyer")].add(f.case_id)
    hits: dict[tuple[str, str, str], EntityHit] = {}
    roles_seen: dict[str, None] = {}
    for doc in stored.documents_naming(engine, [*spellings, fold_zh(name)]):
        result = DocumentResult.from_dict(doc["result"])
        parties = [p for p in result.extraction.parties if entity_key(p.name) == key]
        if not parties:
            continue
        spellings.update((p.name, None) for p in parties)
        roles = list(dict.fromkeys(p.role for p in parties))
        roles_seen.update((r, None) for r in roles)
        prov = Provenance.from_dict(doc["provenance"]) if doc.get("provenance") else None
        origin = document_origin(CaseDocument(doc["id"], doc.get("file") or doc.get("source"), doc.get("source_id"),
                                              provenance=prov))
        page.documents.append(EntityDocument(doc["id"], doc.get("title"), doc.get("published"),
                                             result.extraction.notice_type, roles, origin["link"], origin["label"] or doc["id"]))
        for h in result.hits:
            if entity_key(h.party) == key:
                found = hits.get((h.list, h.entry, h.relation))
                if found is None or h.score > found.score:
                    hits[(h.list, h.entry, h.relation)] = EntityHit(h.entry, h.list, h.relation, h.score)
    if not page.findings and not page.documents:
        raise NotFound("no stored notice names this party")
    page.spellings = [s for s in spellings if s != name]
    page.roles = list(dict.fromkeys([*roles_seen, *(r for f in page.findings for r in f.roles)]))
    page.hits = sorted(hits.values(), key=lambda h: (-h.score, h.list, h.entry))
    page.counterparts = sorted((Counterpart(n, role, len(cases)) for (n, role), cases in counter.items()),
                               key=lambda c: (-c.findings, c.name))
    return page


def suppliers_network(engine: Engine, min_buyers: int = MIN_BUYERS) -> list[Intermediary]:
    """The suppliers of stored findings that serve ``min_buyers`` or more buyers with findings,
    those with the most buyers first (dismissed findings left out)."""
    if min_buyers < 1:
        raise InvalidRequest("'min_buyers' must be at least 1")
    by_key: dict[str, dict[str, Any]] = {}
    for f in stored.all_findings(engine):
        if f.review_status in ("dismissed", "suppressed"):
            continue
        between = {entity_key(n) for n in intermediaries(f)}
        for supplier in f.suppliers:
            k = entity_key(supplier)
            entry = by_key.setdefault(k, {"names": Counter(), "buyers": defaultdict(Counter), "providers": {},
                                          "findings": {}, "top": 0.0, "between": False})
            entry["names"][supplier] += 1
            for b in f.buyer:
                entry["buyers"][entity_key(b)][b] += 1
            entry["providers"].update((p, None) for p in f.provider)
            entry["findings"][f.case_id] = None
            entry["top"] = max(entry["top"], f.score)
            entry["between"] = entry["between"] or k in between
    found = [Intermediary(shown_name(e["names"]), [shown_name(b) for b in e["buyers"].values()], list(e["providers"]),
                          list(e["findings"]), e["top"], e["between"])
             for e in by_key.values() if len(e["buyers"]) >= min_buyers]
    found.sort(key=lambda i: (-len(i.buyers), -i.top_score, i.name))
    return found[:MAX_NETWORK]


def shown_name(spellings: Counter[str]) -> str:
    """The spelling a party is listed under: the most frequent, and on a tie the one already in
    the folded form (simplified, half-width) over a traditional or full-width one."""
    return min(spellings, key=lambda n: (-spellings[n], entity_key(n) != n.lower(), n))


def entity_names(engine: Engine, text: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
    """The parties of stored findings (buyers, suppliers, listed parties) with how many findings
    name each and their top score; only those containing ``text`` when given."""
    if text is not None and len(text) > MAX_NAME_CHARS:
        raise InvalidRequest(f"'q' is longer than {MAX_NAME_CHARS} characters")
    wanted = entity_key(text) if text else None
    names: dict[str, dict[str, Any]] = {}
    for f in stored.all_findings(engine):
        named = [(n, "buyer") for n in f.buyer] + [(n, "supplier") for n in f.suppliers]
        named += [(h.party, h.role or "mentioned") for h in f.listed]
        for name, role in named:
            k = entity_key(name)
            if wanted and wanted not in k:
                continue
            row = names.setdefault(k, {"spellings": Counter(), "roles": {}, "findings": set(), "top_score": 0.0,
                                       "listed": False})
            row["spellings"][name] += 1
            row["roles"][role] = None
            row["findings"].add(f.case_id)
            row["top_score"] = max(row["top_score"], f.score)
            row["listed"] = row["listed"] or any(entity_key(h.party) == k for h in f.listed)
    rows = [{"name": shown_name(r["spellings"]), "roles": list(r["roles"]), "findings": len(r["findings"]), "top_score": r["top_score"],
             "listed": r["listed"]} for r in names.values()]
    rows.sort(key=lambda r: (-r["findings"], -r["top_score"], r["name"]))
    return rows[:limit]
