"""What the CLI, the JSON API and the review UI ask of the store, written once.

Each call takes typed values and returns typed values (:class:`~tendertrace.model.Finding`);
a request that cannot be met raises a :class:`ServiceError` whose ``status`` is the HTTP status
the server answers with (one handler maps them; the CLI prints the message).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from sqlalchemy.engine import Engine

from . import store
from .findings import refresh_findings
from .model import DocumentResult, Finding, Provenance

ReviewFilter = Literal["open", "all", "unreviewed", "confirmed", "dismissed", "suppressed"]
Sort = Literal["score", "date", "amount", "buyer"]
Order = Literal["asc", "desc"]
Decision = Literal["confirmed", "dismissed"]

DATE = r"^\d{4}-\d{2}-\d{2}$"
MAX_PAGE = 1_000_000  # far past any store's last page; bounds the OFFSET a request can ask for
MAX_PER_PAGE = 200  # a page of findings with their evidence stays a few hundred kilobytes
MAX_FILTER_CHARS = 200  # a provider, band, route or search text longer than any real one


class ServiceError(Exception):
    """A request the service cannot meet; ``status`` is its HTTP status."""

    status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(ServiceError):
    status = 404


class InvalidRequest(ServiceError):
    status = 422


@dataclass(frozen=True)
class FindingsQuery:
    """Filters, order and page of a findings list, checked when made."""

    date_from: str | None = None
    date_to: str | None = None
    provider: str | None = None
    band: str | None = None  # 3A090.a, 4A090.a, not controlled, remote access ...
    route: str | None = None
    listed: bool | None = None
    review: ReviewFilter = "open"  # open: neither dismissed nor suppressed
    text: str | None = None  # in the title, buyer or suppliers
    sort: Sort = "score"
    order: Order = "desc"
    page: int = 1
    per_page: int = 50

    def __post_init__(self) -> None:
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is not None and not re.fullmatch(DATE, value):
                raise InvalidRequest(f"'{name}' must be a date, YYYY-MM-DD")
        for name in ("provider", "band", "route", "text"):
            value = getattr(self, name)
            if value is not None and len(value) > MAX_FILTER_CHARS:
                raise InvalidRequest(f"'{name}' is longer than {MAX_FILTER_CHARS} characters")
        for name, kind in (("review", ReviewFilter), ("sort", Sort), ("order", Order)):
            if getattr(self, name) not in get_args(kind):
                raise InvalidRequest(f"'{name}' must be one of {', '.join(get_args(kind))}")
        if not 1 <= self.page <= MAX_PAGE:
            raise InvalidRequest(f"'page' must be from 1 to {MAX_PAGE:,}")
        if not 1 <= self.per_page <= MAX_PER_PAGE:
            raise InvalidRequest(f"'per_page' must be from 1 to {MAX_PER_PAGE}")


@dataclass
class FindingsPage:
    total: int
    page: int
    per_page: int
    items: list[Finding] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def list_findings(engine: Engine, query: FindingsQuery) -> FindingsPage:
    """One page of the stored findings matching the query, and how many match in all."""
    total, items = store.query_findings(
        engine, date_from=query.date_from, date_to=query.date_to, provider=query.provider, band=query.band,
        route=query.route, listed=query.listed, review=query.review, text=query.text, sort=query.sort,
        order=query.order, page=query.page, per_page=query.per_page)
    return FindingsPage(total, query.page, query.per_page, items)


def get_finding(engine: Engine, case_id: str) -> Finding:
    finding = store.get_finding(engine, case_id)
    if finding is None:
        raise NotFound("no such finding")
    return finding


def finding_trail(engine: Engine, finding: Finding) -> list[dict[str, Any]]:
    """The decisions on a finding and on each of its listed-party hits, newest first."""
    subjects = [f"hit:{h.key}" for h in [*finding.listed, *finding.suppressed]]
    return store.review_trail(engine, finding.case_id, subjects)


def record_review(
    engine: Engine, case_id: str, decision: str, reason: str, reviewer: str, hit: str | None = None,
) -> dict[str, Any]:
    """Confirm or dismiss a finding, or dismiss one of its listed-party hits, with a reason.

    A dismissed hit no longer counts in any finding (the same party may stand in others), so the
    findings are rebuilt; a decision on the whole finding changes only its status.
    """
    if decision not in get_args(Decision):
        raise InvalidRequest("decision must be 'confirmed' or 'dismissed'")
    if not reason.strip():
        raise InvalidRequest("a reason is required")
    finding = get_finding(engine, case_id)
    if hit:
        found = next((h for h in [*finding.listed, *finding.suppressed] if h.key == hit), None)
        if found is None:
            raise NotFound("this finding has no such hit")
        subject = f"hit:{hit}"
        detail: dict[str, Any] = {"party": found.party, "entry": found.entry, "entry_id": found.entry_id,
                                  "list": found.list, "relation": found.relation, "score": found.score}
    else:
        subject, detail = f"case:{case_id}", {"title": finding.title, "score": finding.score}
    review = store.add_review(engine, subject, decision, reason, reviewer, case_id, detail)
    if hit:
        refresh_findings(engine)
    else:
        store.set_review_status(engine, case_id, decision)
    return review


def get_document(engine: Engine, doc_id: str) -> dict[str, Any]:
    """A stored document row (text, status, ``result`` as stored) with its ``evidence``."""
    doc = store.get_document(engine, doc_id)
    if doc is None:
        raise NotFound("no such document")
    return {**doc, "evidence": document_evidence(doc)}


def document_result(doc: dict[str, Any]) -> DocumentResult:
    """A stored document's results (empty for a failed document)."""
    return DocumentResult.from_dict(doc["result"]) if doc.get("result") else DocumentResult()


def document_provenance(doc: dict[str, Any]) -> Provenance:
    """A stored document's origin; a row stored before provenance was kept has its path alone."""
    if doc.get("provenance"):
        return Provenance.from_dict(doc["provenance"])
    return Provenance(record_id=doc.get("source_id"), path=doc.get("file") or doc.get("source"))


def document_evidence(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Every span a document's results rest on -- classified items, screened parties -- with its text."""
    body, result = doc.get("text") or "", document_result(doc)
    spans: list[tuple[int, int, str, str | None]] = [
        (c.start, c.end, "item", c.chip or c.model or c.provider or c.route)
        for c in result.classifications if c.start is not None and c.end is not None]
    spans += [(h.start, h.end, "party", f"{h.party} → {h.entry} ({h.list}, {h.relation})")
              for h in result.hits if h.start is not None and h.end is not None]
    return [{"kind": kind, "label": label, "start": start, "end": end, "text": body[start:end]}
            for start, end, kind, label in sorted(spans, key=lambda s: (s[0], s[1]))]
