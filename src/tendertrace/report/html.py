"""A self-contained HTML report: no script, no CDN, every piece of tender text escaped.

Charts and the entity graph are inline SVG drawn here, so the file opens offline in any browser.
"""

from __future__ import annotations

import base64
import hashlib
import unicodedata
from collections import Counter
from collections.abc import Iterable
from html import escape

from markupsafe import Markup
from sqlalchemy.engine import Engine

from .. import store
from ..findings import document_origin, intermediaries
from ..model import Finding
from .templating import display_safe as display_safe  # the UI and the tests import it from here
from .templating import environment

# The one content security policy: the server sends it as a header, the report carries it in a meta
# tag (with its inline style's hash, and without frame-ancestors, which a meta tag cannot set).
CSP_DIRECTIVES: dict[str, str] = {
    "default-src": "'none'", "style-src": "'self'", "img-src": "'self' data:", "form-action": "'self'",
    "frame-ancestors": "'none'", "base-uri": "'none'",
}
_HEADER_ONLY = ("frame-ancestors",)


def content_security_policy(inline_styles: Iterable[str] = (), meta: bool = False) -> str:
    """The policy, allowing exactly these inline ``<style>`` blocks (by their SHA-256) when given."""
    directives = dict(CSP_DIRECTIVES)
    hashes = [f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in inline_styles]
    if hashes:
        directives["style-src"] = " ".join([directives["style-src"], *hashes])
    return "; ".join(f"{k} {v}" for k, v in directives.items() if not (meta and k in _HEADER_ONLY))


REPORT_TEMPLATE = "report.html"

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC",sans-serif;margin:0;color:#1d2433;background:#f6f7f9}
header{background:#1d2433;color:#fff;padding:1.2rem 2rem}header h1{margin:0;font-size:1.4rem}
main{padding:1rem 2rem;max-width:1200px}section{background:#fff;border:1px solid #dde1e7;border-radius:6px;padding:1rem 1.2rem;margin:1rem 0}
.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{background:#fff;border:1px solid #dde1e7;border-radius:6px;padding:.8rem 1.2rem;min-width:9rem}
.card b{display:block;font-size:1.6rem}table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #e6e8ec;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f2f5}.score{font-weight:bold}.hi{color:#b42318}.mid{color:#b54708}mark{background:#fde68a;padding:0 .1rem}
pre.doc{white-space:pre-wrap;font-size:.85rem;background:#fafafa;border:1px solid #eee;padding:.6rem;max-height:28rem;overflow:auto}
.charts{display:flex;gap:1rem;flex-wrap:wrap}.chart{flex:1 1 320px}small{color:#5b6474}.reason{font-size:.8rem;color:#5b6474}
"""


UNDATED = "undated"
MAX_BARS = 12  # bars a chart of categories shows (the largest); a chart of months shows every month


def _bar_chart(title: str, counts: Counter[str], in_order: bool = False) -> str:
    """Horizontal bars: the largest categories first, or (``in_order``) every key in its own order
    with ``undated`` last -- months read as a timeline."""
    if in_order:
        items = sorted(counts.items(), key=lambda kv: (kv[0] == UNDATED, kv[0]))
    else:
        items = counts.most_common(MAX_BARS)
    if not items:
        return f"<div class='chart'><h3>{escape(title)}</h3><p><small>no data</small></p></div>"
    width, bar_h, gap, label_w = 420, 18, 6, 150
    top = max(v for _, v in items)
    height = len(items) * (bar_h + gap) + 10
    bars = []
    for i, (label, value) in enumerate(items):
        y = i * (bar_h + gap) + 5
        w = int((width - label_w - 40) * value / top) if top else 0
        bars.append(
            f"<text x='{label_w - 6}' y='{y + 13}' text-anchor='end' font-size='11'>{escape(_fit(str(label), label_w - 10))}</text>"
            f"<rect x='{label_w}' y='{y}' width='{max(w, 1)}' height='{bar_h}' fill='#3b82f6'/>"
            f"<text x='{label_w + w + 4}' y='{y + 13}' font-size='11'>{value}</text>"
        )
    return (f"<div class='chart'><h3>{escape(title)}</h3><svg role='img' aria-label='{escape(title)}' "
            f"width='{width}' height='{height}' xmlns='http://www.w3.org/2000/svg'>{''.join(bars)}</svg></div>")


# Widths at font-size 11 (px): a wide (CJK) character about a full em, any other about 0.6 em.
WIDE_CHAR_PX, NARROW_CHAR_PX = 11.0, 6.6


def _text_width(text: str) -> float:
    return sum(WIDE_CHAR_PX if unicodedata.east_asian_width(ch) in "WF" else NARROW_CHAR_PX for ch in text)


def _fit(text: str, width: float) -> str:
    """``text`` cut, with an ellipsis, to what fits in ``width`` pixels at font-size 11."""
    if _text_width(text) <= width:
        return text
    out = ""
    for ch in text:
        if _text_width(out + ch + "…") > width:
            break
        out += ch
    return out + "…"


# The entity graph's layout (px): a column per role, a row per name.
ROW_H, COL_W, BOX_W, BOX_H, BOX_X, TOP = 26, 250, 176, 20, 6, 24
LABEL_PAD = 6  # text inset inside a box


def _edge_path(a: int, ra: int, b: int, rb: int) -> str:
    """An edge routed between the boxes: out of the source box's right side, down or up in the
    gutter after its column, along the gap between two rows across any skipped column, down or up
    in the gutter before the target column, into the target box's left side. It never crosses a
    box, so a rental with no intermediary does not seem to pass through one."""
    x1, y1 = a * COL_W + BOX_X + BOX_W, ra * ROW_H + TOP + BOX_H // 2
    x2, y2 = b * COL_W + BOX_X, rb * ROW_H + TOP + BOX_H // 2
    out_gutter = x1 + (COL_W - BOX_W) // 2
    if b == a + 1:
        return f"M{x1},{y1} H{out_gutter} V{y2} H{x2}"
    lane = rb * ROW_H + TOP - (ROW_H - BOX_H) // 2  # the gap just above the target's row
    in_gutter = x2 - (COL_W - BOX_W) // 2
    return f"M{x1},{y1} H{out_gutter} V{lane} H{in_gutter} V{y2} H{x2}"


def entity_graph_svg(findings: list[Finding]) -> str:
    """buyer -> intermediary -> provider -> item, one column each; an edge skips an empty role
    along the gaps between boxes (dashed), and a long name is cut to its box (full name on hover)."""
    columns: list[dict[str, int]] = [{}, {}, {}, {}]
    edges: set[tuple[int, str, int, str]] = set()
    for f in findings[:40]:
        chain = [f.buyer or ["(buyer unknown)"], intermediaries(f), f.provider or [], [*f.chips, *f.models]]
        for col, names in enumerate(chain):
            for name in names:
                columns[col].setdefault(name, len(columns[col]))
        for a in range(3):
            if not chain[a]:
                continue
            b = a + 1
            while b < 4 and not chain[b]:
                b += 1
            if b < 4:
                for source in chain[a]:
                    for target in chain[b]:
                        edges.add((a, source, b, target))
    height = max((len(c) for c in columns), default=1) * ROW_H + 40
    parts = []
    titles = ["buyer", "intermediary", "provider", "item"]
    for col, title in enumerate(titles):
        parts.append(f"<text x='{col * COL_W + 10}' y='16' font-weight='bold' font-size='12'>{title}</text>")
    for a, source, b, target in sorted(edges):
        dash = "" if b == a + 1 else " stroke-dasharray='4 3'"
        path = _edge_path(a, columns[a][source], b, columns[b][target])
        parts.append(f"<path d='{path}' fill='none' stroke='#94a3b8'{dash}/>")
    for col, column in enumerate(columns):
        for name, row in column.items():
            top = row * ROW_H + TOP
            shown = _fit(name, BOX_W - 2 * LABEL_PAD)
            parts.append(f"<g><title>{escape(name)}</title>"
                         f"<rect x='{col * COL_W + BOX_X}' y='{top}' width='{BOX_W}' height='{BOX_H}' rx='4' "
                         f"fill='#e0ecff' stroke='#3b82f6'/>"
                         f"<text x='{col * COL_W + BOX_X + LABEL_PAD}' y='{top + 14}' font-size='11'>{escape(shown)}</text></g>")
    return (f"<svg role='img' aria-label='entity graph' width='{4 * COL_W}' height='{height}' "
            f"xmlns='http://www.w3.org/2000/svg'>{''.join(parts)}</svg>")


def highlight_html(text: str, spans: list[tuple[int, int]], context: int = 600) -> str:
    """The document text around its evidence, escaped, with the evidence marked."""
    if not text:
        return ""
    spans = sorted({(s, e) for s, e in spans if 0 <= s < e <= len(text)})
    if not spans:
        return escape(text[:context * 2])
    lo = max(0, spans[0][0] - context)
    hi = min(len(text), spans[-1][1] + context)
    out, pos = [], lo
    for s, e in spans:
        if s < pos:
            continue
        out.append(escape(text[pos:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        pos = e
    out.append(escape(text[pos:hi]))
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(text) else ""
    return prefix + "".join(out) + suffix


def _money(f: Finding) -> str:
    return f"{f.amount:,.0f} {f.currency or ''}".strip() if f.amount is not None else ""


def _score_class(score: float) -> str:
    return "hi" if score >= 60 else "mid" if score >= 30 else ""


def html_report(findings: list[Finding], engine: Engine | None = None) -> str:
    """The whole report as one page, rendered by the shared template environment."""
    texts: dict[str, str] = {}
    if engine is not None:
        ids = sorted({d.id for f in findings for d in f.documents})
        for doc in store.iter_documents(engine, ids=ids, with_text=True):
            texts[doc["id"]] = doc.get("text") or ""
    months = Counter((f.date or UNDATED)[:7] for f in findings)
    providers = Counter(p for f in findings for p in f.provider)
    # a band is what a chip is under the rules; how it is reached (rented, an account) is a route
    bands = Counter(c.band or "not controlled" for f in findings for c in f.classification if c.chip)
    routes = Counter(r for f in findings for r in f.route)
    documents = [
        [{**d.to_dict(), **document_origin(d), "html": Markup(highlight_html(
            texts.get(d.id, ""), [(e.start, e.end) for e in f.evidence if e.document == d.id]))}
         for d in f.documents]
        for f in findings
    ]
    counts = {
        "listed": sum(1 for f in findings if f.listed),
        "controlled": sum(1 for f in findings if any(c.controlled for c in f.classification)),
        "remote": sum(1 for f in findings if set(f.route) - {"hardware_purchase"}),
    }
    charts = [Markup(_bar_chart("Findings per month", months, in_order=True)),
              Markup(_bar_chart("By provider", providers)), Markup(_bar_chart("By chip band", bands)),
              Markup(_bar_chart("By route", routes))]
    page = environment().get_template(REPORT_TEMPLATE).render(
        findings=findings, documents=documents, counts=counts, charts=charts,
        graph=Markup(entity_graph_svg(findings)), css=Markup(_CSS),
        csp=content_security_policy([_CSS], meta=True), money=_money, score_class=_score_class)
    return str(page)
