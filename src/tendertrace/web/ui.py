"""The review UI: server-rendered pages, no script, no CDN; every piece of tender text escaped by
Jinja2's autoescaping (and the evidence highlighter, which escapes before it marks)."""

from __future__ import annotations

from typing import Any, get_args
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from starlette.datastructures import UploadFile

from .. import service, service_entities, service_lists, store
from ..findings import document_origin
from ..report.html import entity_graph_svg, highlight_html
from ..report.network import network_svg
from ..report.templating import environment
from ..store import jobqueue, tokens
from . import api
from .security import (
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    Caller,
    check_csrf,
    check_login_csrf,
    new_login_csrf,
    session_caller,
    ui_reader,
    ui_writer,
)

router = APIRouter(include_in_schema=False)
# The report's environment: one autoescape, one set of display filters (bidi and invisible format
# characters made visible, Kangxi radicals folded) and globals for the pages and the offline report.
templates = Jinja2Templates(env=environment())
PER_PAGE = 25
FILTERS = ("from", "to", "provider", "band", "route", "listed", "review", "q", "sort", "order")



def render(request: Request, name: str, status: int = 200, offline: bool = False,
           headers: dict[str, str] | None = None, **context: Any) -> HTMLResponse:
    """A page; ``offline`` renders it without reading the store (an error page while it is away)."""
    caller = None if offline else session_caller(request)
    settings = request.app.state.settings
    if offline:
        context.setdefault("sample_list", False)
    else:
        context.setdefault("sample_list", bool(getattr(request.app.state.screeners.get(), "sample", False)))
    return templates.TemplateResponse(request, name, {"caller": caller, "public": settings.public_reads, **context},
                                      status_code=status, headers=headers)


def error_page(request: Request, status: int, message: str, offline: bool = False,
               headers: dict[str, str] | None = None) -> Response:
    return render(request, "error.html", status=status, offline=offline, headers=headers, status_code=status,
                  message=message)


@router.get("/", response_class=HTMLResponse)
def findings_page(request: Request, caller: Caller = Depends(ui_reader)) -> Response:
    params = {k: v for k, v in request.query_params.items() if k in FILTERS and v}
    try:
        page = max(1, min(int(request.query_params.get("page", "1")), service.MAX_PAGE))
    except ValueError:
        page = 1
    sort = params.get("sort", "score") if params.get("sort") in get_args(service.Sort) else "score"
    order = "asc" if params.get("order") == "asc" else "desc"
    query = service.FindingsQuery(
        date_from=params.get("from"), date_to=params.get("to"), provider=params.get("provider"),
        band=params.get("band"), route=params.get("route"), listed={"yes": True, "no": False}.get(params.get("listed", "")),
        review=params.get("review", "open"), text=params.get("q"), sort=sort, order=order,  # type: ignore[arg-type]
        page=page, per_page=PER_PAGE)
    found = service.list_findings(request.app.state.engine, query)

    def link(**change: Any) -> str:
        merged = {**params, **{k: v for k, v in change.items()}}
        return "/?" + urlencode({k: v for k, v in merged.items() if v not in (None, "")})

    def sort_link(column: str) -> str:
        flip = "asc" if sort == column and order == "desc" else "desc"
        return link(sort=column, order=flip, page=None)

    since_version, new_cases = service_lists.new_since(request.app.state.engine)
    return render(request, "findings.html", rows=found.items, total=found.total, page=page, pages=found.pages,
                  since_version=since_version, new_cases=new_cases,
                  params=params, review=query.review, sort=sort, order=order,
                  facets=store.finding_facets(request.app.state.engine), link=link, sort_link=sort_link,
                  reviews=get_args(service.ReviewFilter))


@router.get("/findings/{case_id}", response_class=HTMLResponse)
def finding_page(case_id: str, request: Request, caller: Caller = Depends(ui_reader)) -> Response:
    engine = request.app.state.engine
    finding = service.get_finding(engine, case_id)
    texts = {d["id"]: d.get("text") or "" for d in store.iter_documents(
        engine, ids=[d.id for d in finding.documents], with_text=True)}
    documents = []
    for d in finding.documents:
        spans = [(e.start, e.end) for e in finding.evidence if e.document == d.id]
        documents.append({**d.to_dict(), **document_origin(d), "html": Markup(highlight_html(texts.get(d.id, ""), spans))})
    return render(request, "finding.html", f=finding, documents=documents,
                  graph=Markup(entity_graph_svg([finding])), trail=service.finding_trail(engine, finding))


@router.post("/findings/{case_id}/review")
def review(
    case_id: str, request: Request, decision: str = Form(...), reason: str = Form(""), hit: str = Form(""),
    csrf: str = Form(""), caller: Caller = Depends(ui_writer),
) -> Response:
    check_csrf(caller, csrf)
    service.record_review(request.app.state.engine, case_id, decision, reason[:5000], caller.name, hit or None)
    return RedirectResponse(f"/findings/{case_id}#review", status_code=303)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(doc_id: str, request: Request, caller: Caller = Depends(ui_reader)) -> Response:
    doc = service.get_document(request.app.state.engine, doc_id)
    spans = [(e["start"], e["end"]) for e in doc["evidence"]]
    return render(request, "document.html", doc=doc, result=service.document_result(doc), origin=service.document_provenance(doc),
                  html=Markup(highlight_html(doc.get("text") or "", spans, context=10**9)))


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request, caller: Caller = Depends(ui_writer)) -> Response:
    return render(request, "upload.html", types=", ".join(sorted(api.UPLOAD_TYPES)),
                  limit=request.app.state.settings.max_request_bytes)


@router.post("/upload")
async def upload(request: Request, caller: Caller = Depends(ui_writer)) -> Response:
    form = await request.form(max_files=api.MAX_FILES, max_fields=20)
    check_csrf(caller, str(form.get("csrf") or ""))
    files, records = await api.read_upload(request)
    job_id = jobqueue.create_job(request.app.state.engine, files, records, caller.name)
    request.app.state.wake_runner()
    return RedirectResponse(f"/jobs/{job_id}", status_code=303)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(job_id: str, request: Request, caller: Caller = Depends(ui_reader)) -> Response:
    job = jobqueue.get_job(request.app.state.engine, job_id)
    if job is None:
        raise HTTPException(404, "no such job")
    return render(request, "job.html", job=job)


@router.get("/lists", response_class=HTMLResponse)
def lists_page(request: Request, caller: Caller = Depends(ui_reader)) -> Response:
    overview = service_lists.lists_overview(request.app.state.engine)
    return render(request, "lists.html", **overview, loaded=request.query_params.get("loaded"),
                  list_types=", ".join(service_lists.LIST_TYPES))


@router.post("/lists/load")
async def load_list(request: Request, caller: Caller = Depends(ui_writer)) -> Response:
    """A writer loads a list file; the stored parties are re-screened against it."""
    form = await request.form(max_files=1, max_fields=5)
    check_csrf(caller, str(form.get("csrf") or ""))
    item = form.get("file")
    if not isinstance(item, UploadFile):
        raise HTTPException(422, "choose a list file")
    loaded = await api.load_uploaded_list(request, item)
    return RedirectResponse("/lists?" + urlencode({"loaded": sum(row["count"] for row in loaded)}), status_code=303)


@router.post("/lists/remove")
def remove_list(request: Request, name: str = Form(...), csrf: str = Form(""),
                caller: Caller = Depends(ui_writer)) -> Response:
    check_csrf(caller, csrf)
    service_lists.remove_list(request.app.state.engine, name)
    request.app.state.after_list_change()
    return RedirectResponse("/lists", status_code=303)


@router.get("/rescreens/{event_id}", response_class=HTMLResponse)
def rescreen_page(event_id: api.RowId, request: Request, caller: Caller = Depends(ui_reader)) -> Response:
    return render(request, "rescreen.html", report=service_lists.get_rescreen(request.app.state.engine, event_id))


def entity_link(name: str) -> str:
    return "/entity?" + urlencode({"name": name})


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, caller: Caller = Depends(ui_reader)) -> Response:
    engine = request.app.state.engine
    q = (request.query_params.get("q") or "").strip()[:service_entities.MAX_NAME_CHARS] or None
    suppliers = service_entities.suppliers_network(engine)
    return render(request, "entities.html", q=q, entities=service_entities.entity_names(engine, q), suppliers=suppliers,
                  network=Markup(network_svg(suppliers, entity_link)) if suppliers else None,
                  min_buyers=service_entities.MIN_BUYERS)


@router.get("/entity", response_class=HTMLResponse)
def entity_page(request: Request, name: str = "", caller: Caller = Depends(ui_reader)) -> Response:
    page = service_entities.entity_page(request.app.state.engine, name)
    served = [s for s in service_entities.suppliers_network(request.app.state.engine, 1)
              if service_entities.entity_key(s.name) == page.key]
    return render(request, "entity.html", e=page,
                  network=Markup(network_svg(served, entity_link)) if served and len(served[0].buyers) > 1 else None)


def _login_form(request: Request, next: str, status: int = 200, message: str | None = None) -> Response:
    """The sign-in form with a fresh double-submit CSRF token (cookie and hidden field)."""
    csrf = new_login_csrf()
    response = render(request, "login.html", status=status, login_csrf=csrf, next=_safe_next(next), message=message)
    response.set_cookie(LOGIN_CSRF_COOKIE, csrf, httponly=True, samesite="strict",
                        secure=request.app.state.settings.secure_cookies, max_age=3600)
    return response


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/") -> Response:
    return _login_form(request, next)


@router.post("/login")
def login(request: Request, token: str = Form(""), csrf: str = Form(""), next: str = Form("/")) -> Response:
    check_login_csrf(request.cookies.get(LOGIN_CSRF_COOKIE), csrf)
    row = tokens.verify_token(request.app.state.engine, token.strip())
    if row is None:
        return _login_form(request, next, 401, "That token is not valid or has been revoked.")
    session_id, _ = tokens.create_session(request.app.state.engine, row["id"])
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(SESSION_COOKIE, session_id, httponly=True, samesite="strict",
                        secure=request.app.state.settings.secure_cookies, max_age=tokens.SESSION_HOURS * 3600)
    response.delete_cookie(LOGIN_CSRF_COOKIE)
    return response


@router.post("/logout")
def logout(request: Request, csrf: str = Form("")) -> Response:
    caller = session_caller(request)
    if caller is not None:
        check_csrf(caller, csrf)
        tokens.end_session(request.app.state.engine, request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


def _safe_next(target: str) -> str:
    """Only a local path: never an open redirect to another site."""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"

