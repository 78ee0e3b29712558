"""Leads: notices that procure AI compute with no US signal, kept per document (``leads.find_leads``).

Every processed document checked gets a row (``kinds`` ``|`` when it holds no lead), so a refresh
reads only documents scanned since their last check.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, String, Table, Text, func, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, mapped_column

from .schema import Base


class LeadRecord(Base):
    __tablename__ = "leads"
    doc_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kinds: Mapped[str] = mapped_column(Text, default="|")  # "|ai_appliance|gpu_server_unnamed|"
    title: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    buyer: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[Any] = mapped_column(JSON, nullable=True)  # [{kind, start, end, text, line}]
    scanned_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # the document's, when checked
    version: Mapped[str | None] = mapped_column(String(32))  # of the lead words and code that checked it


def _table(model: type[Base]) -> Table:
    table = model.__table__
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not mapped to one table")
    return table


leads = _table(LeadRecord)


def checked(engine: Engine, version: str) -> dict[str, datetime | None]:
    """Each document checked by this version, with its scan time when it was checked."""
    with engine.connect() as conn:
        return {r[0]: r[1] for r in conn.execute(select(leads.c.doc_id, leads.c.scanned_at)
                                                 .where(leads.c.version == version))}


def save_leads(engine: Engine, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    ids = [r["doc_id"] for r in rows]
    with engine.begin() as conn:
        conn.execute(leads.delete().where(leads.c.doc_id.in_(ids)))
        conn.execute(leads.insert(), rows)


def drop_missing(engine: Engine, present: set[str]) -> None:
    """Forget the leads of documents no longer stored."""
    with engine.connect() as conn:
        gone = [d for d in conn.execute(select(leads.c.doc_id)).scalars() if d not in present]
    with engine.begin() as conn:
        for start in range(0, len(gone), 500):
            conn.execute(leads.delete().where(leads.c.doc_id.in_(gone[start:start + 500])))


def query_leads(engine: Engine, *, kind: str | None = None, text: str | None = None, date_from: str | None = None,
                date_to: str | None = None, limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """Documents holding a lead, newest first, with the total matching the filters."""
    conditions = [leads.c.kinds != "|"]
    if kind:
        conditions.append(leads.c.kinds.contains(f"|{kind}|", autoescape=True))
    if text:
        conditions.append(or_(leads.c.title.contains(text, autoescape=True),
                              leads.c.buyer.contains(text, autoescape=True)))
    if date_from:
        conditions.append(leads.c.date >= date_from)
    if date_to:
        conditions.append(leads.c.date <= date_to)
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(leads).where(*conditions)).scalar_one()
        rows = conn.execute(select(leads).where(*conditions)
                            .order_by(leads.c.date.desc().nulls_last(), leads.c.doc_id)
                            .limit(limit).offset(offset)).mappings().all()
    out = []
    for r in rows:
        row = dict(r)
        row["kinds"] = [k for k in (row["kinds"] or "").split("|") if k]
        out.append(row)
    return total, out
