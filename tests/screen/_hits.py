"""What the screening tests compare: the best hit of a query as (entry id, relation)."""

from __future__ import annotations

from tendertrace.screen import Screener


def best(screener: Screener, query: str) -> tuple[str, str] | None:
    hit = screener.best(query)
    return (hit.entry.id, hit.relation) if hit else None
