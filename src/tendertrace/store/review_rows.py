"""Reviews: an analyst's decisions on findings and hits, and their audit trail."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.engine import Engine

from .engine import now
from .tables import (
    reviews,
)


def add_review(
    engine: Engine, subject: str, decision: str, reason: str, reviewer: str, case_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Record a decision; rows are never updated or deleted, so they are the audit trail."""
    if decision not in ("confirmed", "dismissed"):
        raise ValueError("decision must be 'confirmed' or 'dismissed'")
    if not reason.strip():
        raise ValueError("a reason is required")
    row = {"subject": subject, "case_id": case_id, "decision": decision, "reason": reason.strip(),
           "reviewer": reviewer, "decided_at": now(), "detail": detail}
    with engine.begin() as conn:
        row["id"] = conn.execute(reviews.insert().returning(reviews.c.id), row).scalar_one()
    return row


def latest_decisions(engine: Engine) -> dict[str, dict[str, Any]]:
    """The latest decision on every reviewed subject (``case:ID`` or ``hit:KEY``)."""
    latest: dict[str, dict[str, Any]] = {}
    with engine.connect() as conn:
        for row in conn.execute(select(reviews).order_by(reviews.c.decided_at, reviews.c.id)).mappings():
            latest[row["subject"]] = dict(row)
    return latest


def review_trail(engine: Engine, case_id: str | None = None, subjects: list[str] | None = None) -> list[dict[str, Any]]:
    """Who decided what and when, newest first: a case's decisions and those on its hits."""
    query = select(reviews).order_by(reviews.c.decided_at.desc(), reviews.c.id.desc())
    if case_id is not None or subjects:
        query = query.where(or_(reviews.c.case_id == case_id, reviews.c.subject.in_(subjects or [])))
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


# -- screening lists -------------------------------------------------------------------------
