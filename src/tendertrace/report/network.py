"""The suppliers that serve several buyers with findings, drawn as a small network in inline SVG
(no script): buyers on the left, the suppliers in the middle, the providers they reach on the
right -- the layout and edge routing of the report's entity graph."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import Protocol

from .html import BOX_H, BOX_W, BOX_X, COL_W, LABEL_PAD, ROW_H, TOP, _edge_path, _fit

COLUMNS = ("buyer", "supplier", "provider")
SUPPLIER_FILL, SUPPLIER_STROKE = "#fde68a", "#b45309"  # a supplier between a buyer and a US provider stands out
BOX_FILL, BOX_STROKE = "#e0ecff", "#3b82f6"


class Served(Protocol):
    name: str
    buyers: list[str]
    providers: list[str]
    between_us_provider: bool


def network_svg(suppliers: Sequence[Served], link: Callable[[str], str] | None = None) -> str:
    """One box per buyer, supplier and provider, an edge from each buyer to each supplier serving
    it and from each supplier to each provider it reaches; with ``link``, every box links to the
    address ``link(name)`` gives (an entity page)."""
    rows: list[dict[str, int]] = [{}, {}, {}]
    edges: set[tuple[int, str, int, str]] = set()
    between: set[str] = set()
    for s in suppliers:
        rows[1].setdefault(s.name, len(rows[1]))
        if s.between_us_provider:
            between.add(s.name)
        for buyer in s.buyers:
            rows[0].setdefault(buyer, len(rows[0]))
            edges.add((0, buyer, 1, s.name))
        for provider in s.providers:
            rows[2].setdefault(provider, len(rows[2]))
            edges.add((1, s.name, 2, provider))
    height = max((len(c) for c in rows), default=1) * ROW_H + 40
    parts = [f"<text x='{col * COL_W + 10}' y='16' font-weight='bold' font-size='12'>{title}</text>"
             for col, title in enumerate(COLUMNS)]
    for a, source, b, target in sorted(edges):
        parts.append(f"<path d='{_edge_path(a, rows[a][source], b, rows[b][target])}' fill='none' stroke='#94a3b8'/>")
    for col, column in enumerate(rows):
        for name, row in column.items():
            top = row * ROW_H + TOP
            fill, stroke = (SUPPLIER_FILL, SUPPLIER_STROKE) if col == 1 and name in between else (BOX_FILL, BOX_STROKE)
            box = (f"<title>{escape(name)}</title><rect x='{col * COL_W + BOX_X}' y='{top}' width='{BOX_W}' "
                   f"height='{BOX_H}' rx='4' fill='{fill}' stroke='{stroke}'/><text x='{col * COL_W + BOX_X + LABEL_PAD}' "
                   f"y='{top + 14}' font-size='11'>{escape(_fit(name, BOX_W - 2 * LABEL_PAD))}</text>")
            if link is not None and col < 2:  # a provider has no entity page
                parts.append(f"<a href='{escape(link(name))}'>{box}</a>")
            else:
                parts.append(f"<g>{box}</g>")
    return (f"<svg role='img' aria-label='suppliers serving several buyers' width='{len(COLUMNS) * COL_W}' "
            f"height='{height}' xmlns='http://www.w3.org/2000/svg'>{''.join(parts)}</svg>")
