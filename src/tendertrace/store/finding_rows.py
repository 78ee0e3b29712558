"""Findings: replaced as a whole by each build, queried, sorted and faceted."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy import text as sql_text
from sqlalchemy.engine import Engine

from ..model import Finding
from .engine import now
from .tables import (
    findings,
)

LIST_COLUMNS = ("providers", "routes", "bands")


def _encode_list(values: list[str]) -> str:
    return "|" + "".join(f"{v}|" for v in values)


def _decode_list(text: str | None) -> list[str]:
    return [v for v in (text or "").split("|") if v]


def _finding(row: Any) -> Finding:
    """A stored finding: its ``data`` with the current ``review_status`` (kept in its column only)."""
    return Finding.from_dict({**row["data"], "review_status": row["review_status"]})


# The PostgreSQL advisory lock that serialises rebuilds of the findings table (any fixed 64-bit key
# that nothing else in the database uses: "tendertrace findings" in ASCII, cut to fit).
FINDINGS_LOCK = int.from_bytes(b"ttfindng", "big") & 0x7FFFFFFFFFFFFFFF


def replace_findings(engine: Engine, built: list[Finding]) -> None:
    """Store the findings as just built, in one transaction: readers see the old set or the new.
    A row is the finding's ``to_dict`` and the columns that filter and sort it."""
    rows = []
    for f in built:
        data = f.to_dict()
        del data["review_status"]  # the column alone holds it: a review changes it without a rebuild
        rows.append({
            "case_id": f.case_id, "score": f.score, "date": f.date, "title": f.title, "buyer": "; ".join(f.buyer),
            "suppliers": "; ".join(f.suppliers), "providers": _encode_list(f.provider), "routes": _encode_list(f.route),
            "bands": _encode_list(f.bands), "listed": bool(f.listed), "amount": f.amount, "currency": f.currency,
            "review_status": f.review_status, "data": data, "built_at": now(),
        })
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Two job workers may rebuild at once; under READ COMMITTED each would delete the rows it
            # sees and insert its own, and the second insert collides with the first. One lock per
            # store makes the rebuilds take turns (SQLite's write lock already does).
            conn.execute(sql_text("SELECT pg_advisory_xact_lock(:key)"), {"key": FINDINGS_LOCK})
        conn.execute(findings.delete())
        if rows:
            conn.execute(findings.insert(), rows)


FINDING_SORTS = {"score": findings.c.score, "date": findings.c.date, "amount": findings.c.amount,
                 "buyer": findings.c.buyer}


def query_findings(
    engine: Engine, *, date_from: str | None = None, date_to: str | None = None, provider: str | None = None,
    band: str | None = None, route: str | None = None, listed: bool | None = None, review: str = "open",
    text: str | None = None, sort: str = "score", order: str = "desc", page: int = 1, per_page: int = 50,
) -> tuple[int, list[Finding]]:
    """One page of stored findings and the total matching the filters.
    ``review="open"`` means not dismissed or suppressed. Every value reaches SQL as a bound parameter."""
    conditions = []
    if date_from:
        conditions.append(findings.c.date >= date_from)
    if date_to:
        conditions.append(findings.c.date <= date_to)
    for column, value in ((findings.c.providers, provider), (findings.c.routes, route), (findings.c.bands, band)):
        if value:
            conditions.append(column.contains(f"|{value}|", autoescape=True))
    if listed is not None:
        conditions.append(findings.c.listed.is_(listed))
    if review == "open":
        conditions.append(findings.c.review_status.in_(["unreviewed", "confirmed"]))
    elif review != "all":
        conditions.append(findings.c.review_status == review)
    if text:
        like = [c.contains(text, autoescape=True) for c in (findings.c.title, findings.c.buyer, findings.c.suppliers)]
        conditions.append(or_(*like))
    column = FINDING_SORTS.get(sort, findings.c.score)
    ordering = column.asc().nulls_last() if order == "asc" else column.desc().nulls_last()
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(findings).where(*conditions)).scalar_one()
        rows = conn.execute(
            select(findings.c.data, findings.c.review_status).where(*conditions)
            .order_by(ordering, findings.c.case_id).limit(per_page).offset((page - 1) * per_page)
        ).mappings().all()
    return total, [_finding(r) for r in rows]


def finding_facets(engine: Engine) -> dict[str, list[str]]:
    """The providers, routes and bands present, for the filter menus."""
    facets: dict[str, set[str]] = {name: set() for name in LIST_COLUMNS}
    with engine.connect() as conn:
        for row in conn.execute(select(*[findings.c[name] for name in LIST_COLUMNS])):
            for name, value in zip(LIST_COLUMNS, row, strict=True):
                facets[name].update(_decode_list(value))
    return {k: sorted(v) for k, v in facets.items()}


def set_review_status(engine: Engine, case_id: str, status: str) -> None:
    with engine.begin() as conn:
        conn.execute(findings.update().where(findings.c.case_id == case_id).values(review_status=status))


def get_finding(engine: Engine, case_id: str) -> Finding | None:
    """A stored finding, with its current review status."""
    with engine.connect() as conn:
        row = conn.execute(
            select(findings.c.data, findings.c.review_status).where(findings.c.case_id == case_id)
        ).mappings().first()
    return _finding(row) if row else None
