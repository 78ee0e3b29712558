"""The Atom feed of alerts (``/feeds/findings.atom``) and the Leads tab (``/leads``).

A feed reader cannot sign in, so with ``--private`` the feed takes a read token as
``?token=tt_...`` (or the usual ``Authorization: Bearer``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode
from xml.sax.saxutils import escape, quoteattr

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response

from ..leads import kinds, refresh_leads
from ..store import alerts as alert_store
from ..store import tokens
from ..store.leads import query_leads
from .security import Caller, ui_reader

router = APIRouter(include_in_schema=False)
FEED_ENTRIES = 100  # the newest alerts a feed shows; readers keep what they have seen
LEADS_PER_PAGE = 25


def _feed_reader(request: Request) -> None:
    if request.app.state.settings.public_reads:
        return
    header = request.headers.get("Authorization", "")
    token = request.query_params.get("token") or (header[7:] if header.lower().startswith("bearer ") else "")
    if not token or tokens.verify_token(request.app.state.engine, token.strip()) is None:
        raise HTTPException(401, "this feed needs a token: /feeds/findings.atom?token=tt_...",
                            headers={"WWW-Authenticate": "Bearer"})


def _iso(value: datetime | None) -> str:
    value = value or datetime.now(UTC)
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()


def atom(entries: list[dict[str, Any]], base: str) -> str:
    """An Atom 1.0 document of alerts, newest first (RFC 4287)."""
    updated = _iso(entries[0]["created_at"]) if entries else _iso(None)
    parts = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">',
             "<title>tendertrace findings</title>", f"<id>{escape(base)}/feeds/findings.atom</id>",
             f"<updated>{updated}</updated>", f'<link rel="self" href={quoteattr(base + "/feeds/findings.atom")}/>']
    for a in entries:
        payload = a.get("payload") or {}
        finding = payload.get("finding", payload)
        link = f"{base}/findings/{a['case_id']}" if a.get("case_id") else base
        title = a.get("title") or finding.get("title") or a["key"]
        if a["kind"] == "finding":
            title = f"[{a.get('score') or 0:.0f}] {title}"
        lines = [f"{k}: {'; '.join(map(str, v)) if isinstance(v, list) else v}"
                 for k in ("date", "buyer", "suppliers", "provider", "route", "chips", "models", "bands", "amount")
                 if (v := finding.get(k)) not in (None, [], "")]
        lines += [f"evidence: {e}" for e in finding.get("evidence", [])]
        parts += ["<entry>", f"<id>urn:tendertrace:alert:{escape(a['key'])}</id>", f"<title>{escape(title)}</title>",
                  f"<updated>{_iso(a['created_at'])}</updated>", f'<link href={quoteattr(link)}/>',
                  f'<category term={quoteattr(a["kind"])}/>',
                  f"<summary>{escape(chr(10).join(lines))}</summary>", "</entry>"]
    parts.append("</feed>")
    return "\n".join(parts)


@router.get("/feeds/findings.atom")
def findings_feed(request: Request, _: None = Depends(_feed_reader)) -> Response:
    # the alerts `tendertrace watch` records on this store (baseline ones too: they are findings)
    entries = alert_store.recent_alerts(request.app.state.engine, limit=FEED_ENTRIES)
    base = str(request.base_url).rstrip("/")
    return Response(atom(entries, base), media_type="application/atom+xml; charset=utf-8")


@router.get("/leads")
def leads_page(request: Request, caller: Caller = Depends(ui_reader)) -> Response:
    from .ui import render

    engine = request.app.state.engine
    refresh_leads(engine)
    params = {k: v for k, v in request.query_params.items() if k in ("kind", "q", "from", "to") and v}
    try:
        page = max(1, int(request.query_params.get("page", "1")))
    except ValueError:
        page = 1
    known = {k.name: k for k in kinds()}
    kind = params.get("kind") if params.get("kind") in known else None
    total, rows = query_leads(engine, kind=kind, text=params.get("q"), date_from=params.get("from"),
                              date_to=params.get("to"), limit=LEADS_PER_PAGE, offset=(page - 1) * LEADS_PER_PAGE)

    def link(**change: Any) -> str:
        merged = {**params, **change}
        return "/leads?" + urlencode({k: v for k, v in merged.items() if v not in (None, "")})

    pages = max(1, -(-total // LEADS_PER_PAGE))
    return render(request, "leads.html", rows=rows, total=total, page=page, pages=pages, params=params,
                  kinds=list(known.values()), link=link)
