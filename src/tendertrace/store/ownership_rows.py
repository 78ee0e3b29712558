"""Ownership links: replaced by source, read back, summarised."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from .engine import now
from .tables import (
    ownership_links,
)


def replace_ownership(engine: Engine, source: str, links: list[dict[str, Any]]) -> int:
    """Store the ownership links of one file (``ownership.OwnershipLink.to_dict``), replacing what it gave before."""
    with engine.begin() as conn:
        conn.execute(ownership_links.delete().where(ownership_links.c.source_key == source))
        if links:
            columns = {c.name for c in ownership_links.c} - {"id"}
            at = now()
            conn.execute(ownership_links.insert(), [
                {k: v for k, v in {**link, "source_key": source, "loaded_at": at}.items() if k in columns} for link in links])
    return len(links)


def load_ownership(engine: Engine) -> list[dict[str, Any]]:
    """Every stored ownership link, in load order, as the dicts ``replace_ownership`` took."""
    with engine.connect() as conn:
        rows = conn.execute(select(ownership_links).order_by(ownership_links.c.id)).mappings().all()
    return [{k: v for k, v in r.items() if v is not None and k not in ("id", "source_key", "loaded_at")} for r in rows]


def ownership_summary(engine: Engine) -> list[dict[str, Any]]:
    """Each ownership file loaded, with its link count."""
    with engine.connect() as conn:
        rows = conn.execute(select(ownership_links.c.source_key, func.count(), func.max(ownership_links.c.loaded_at))
                            .group_by(ownership_links.c.source_key).order_by(ownership_links.c.source_key)).all()
    return [{"source": r[0], "links": r[1], "loaded_at": r[2]} for r in rows]
