"""The JSON API under ``/api``. Reads may be open (``--public-reads``); writes need a token."""

from __future__ import annotations

import builtins
import json
from datetime import date
from pathlib import PurePath
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import SQLAlchemyError
from starlette.datastructures import UploadFile

from .. import service, service_entities, service_lists, store
from ..model import ListedHit
from ..store import jobqueue
from .runner import jsonl_lines
from .security import Caller, api_reader, api_writer, describe

# A stored row's number is an INTEGER column: 32 bits in PostgreSQL (64 in SQLite), so a larger one
# is no row (422) rather than an overflow inside the database.
MAX_ROW_ID = 2**31 - 1
RowId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]

router = APIRouter(prefix="/api")

UPLOAD_TYPES = {".html": "html", ".htm": "html", ".txt": "text", ".text": "text", ".pdf": "pdf", ".docx": "docx",
                ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}
MAX_FILES = 500
MAX_NAMES = 1000


class ScreenRequest(BaseModel):
    names: list[Annotated[str, Field(min_length=1, max_length=500)]] = Field(min_length=1, max_length=MAX_NAMES)


class ScreenHit(BaseModel):
    """A :class:`~tendertrace.model.ListedHit` of a name screened alone (no role, no span)."""

    party: str
    entry: str
    entry_id: str
    list: str
    relation: str
    score: float
    matched_name: str
    explanation: str
    normalized: str = ""
    translations: builtins.list[str] = []  # builtins: ``list`` is a field here
    federal_register: str | None = None
    license_requirement: str | None = None
    list_source: str = ""
    list_version: str | None = None


class ScreenResult(BaseModel):
    query: str
    hits: list[ScreenHit]


class ScreenResponse(BaseModel):
    lists: list[dict[str, Any]]
    sample_list: bool
    results: list[ScreenResult]


class DocumentIn(BaseModel):
    content: str = Field(max_length=64 * 1024 * 1024)
    id: str | None = Field(default=None, max_length=200)
    title: str | None = Field(default=None, max_length=2000)
    published: str | None = Field(default=None, max_length=40)
    source: str | None = Field(default=None, max_length=2000)
    format: Literal["html", "text", "json", "ocds"] | None = None


class DocumentsIn(BaseModel):
    documents: list[DocumentIn] = Field(min_length=1, max_length=10_000)


class JobOut(BaseModel):
    id: str
    status: str
    submitted_by: str | None
    created_at: Any
    finished_at: Any = None
    inputs: int
    processed: int
    failed: int
    skipped: int
    error: str | None = None
    documents: list[dict[str, Any]] | None = None
    status_url: str


class ReviewIn(BaseModel):
    decision: service.Decision
    reason: str = Field(min_length=1, max_length=5000)
    hit: str | None = Field(default=None, max_length=32, description="A listed-party hit's key; the whole finding when absent.")


class FindingsPage(BaseModel):
    total: int
    page: int
    per_page: int
    items: list[dict[str, Any]] = Field(description="Each the finding as ``GET /api/findings/{case_id}`` gives it "
                                                    "(without the audit trail), with its ``url``.")


@router.get("/health", tags=["service"], responses={503: {"description": "The database or the job runner is down."}})
def health(request: Request) -> JSONResponse:
    """The database's reachability and the job workers' states; 503 while either is down. Document
    counts only when reads are public (``--private`` shows none)."""
    engine = request.app.state.engine
    body: dict[str, Any] = {"status": "ok"}
    try:
        body["schema"] = store.schema_revision(engine)
        if request.app.state.settings.public_reads:
            body["documents"] = store.status_counts(engine)
        body["database"] = "up"
    except SQLAlchemyError as exc:
        if not store.unavailable(exc):
            raise
        body["database"] = "down"
    pool = request.app.state.jobs
    jobs_state = pool.status() if pool is not None else {"ok": True, "workers": 0, "states": []}
    body["jobs"] = {k: v for k, v in jobs_state.items() if k != "ok"}
    if body["database"] == "down" or not jobs_state["ok"]:
        body["status"] = "unavailable"
    return JSONResponse(body, status_code=200 if body["status"] == "ok" else 503)


@router.get("/me", tags=["service"])
def me(caller: Caller = Depends(api_reader)) -> dict[str, Any]:
    return describe(caller)


@router.post("/screen", response_model=ScreenResponse, tags=["screening"])
def screen(body: ScreenRequest, request: Request, caller: Caller = Depends(api_reader)) -> dict[str, Any]:
    """Screen names (any script) against the loaded lists; one result per name, hits best first."""
    screener = request.app.state.screeners.get()
    today = date.today()  # a name screened alone: the Affiliates rule's state today

    def hits(name: str) -> list[dict[str, Any]]:
        found = [ListedHit.from_hit(h) for h in screener.screen(name)]
        if not found and getattr(screener, "ownership", None) is not None:
            found = screener.ownership.screen(name, today)
        return [h.to_dict() for h in found]

    results = [{"query": name, "hits": hits(name)} for name in body.names]
    return {"lists": screener.versions(), "sample_list": bool(getattr(screener, "sample", False)), "results": results}


def _inline_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON schema with its ``$defs`` written in place: an ``openapi_extra`` body is
    not registered among the document's components, so a reference would resolve to nothing."""
    schema = model.model_json_schema()
    defs = schema.pop("$defs", {})

    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/"):
                return resolve(defs[ref.rsplit("/", 1)[-1]])
            return {k: resolve(v) for k, v in node.items()}
        if isinstance(node, list):
            return [resolve(v) for v in node]
        return node

    return resolve(schema)


_UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {"schema": {"type": "object", "required": ["files"], "properties": {
                "files": {"type": "array", "items": {"type": "string", "format": "binary"}}}}},
            "application/json": {"schema": _inline_schema(DocumentsIn)},
        },
    }
}


@router.post("/documents", status_code=202, response_model=JobOut, tags=["documents"], openapi_extra=_UPLOAD_BODY)
async def upload_documents(request: Request, caller: Caller = Depends(api_writer)) -> dict[str, Any]:
    """Upload files (multipart, field ``files``: .html .htm .txt .pdf .docx .json .jsonl) or JSON
    documents; they are scanned in the background. Poll the returned ``status_url``. Other file
    types get 415, bodies over the server's limit 413."""
    files, records = await read_upload(request)
    job_id = jobqueue.create_job(request.app.state.engine, files, records, caller.name)
    request.app.state.wake_runner()
    return job_out(jobqueue.get_job(request.app.state.engine, job_id))


async def read_upload(request: Request) -> tuple[list[tuple[str, bytes]], list[str]]:
    """Files and JSON records of an upload, checked against the type and size limits."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        try:
            body = DocumentsIn.model_validate(json.loads(await request.body()))
        except RecursionError as exc:  # nested past the parser's recursion limit: not a documents upload
            raise HTTPException(400, "JSON nested too deeply") from exc
        except ValueError as exc:
            raise HTTPException(422, f"invalid JSON documents: {exc}") from exc
        return [], [json.dumps(d.model_dump(exclude_none=True), ensure_ascii=False) for d in body.documents]
    if kind != "multipart/form-data":
        raise HTTPException(415, "send multipart/form-data with 'files', or application/json with 'documents'")
    limit = request.app.state.settings.limits.max_bytes
    form = await request.form(max_files=MAX_FILES, max_fields=20)
    files: list[tuple[str, bytes]] = []
    records: list[str] = []
    for item in form.getlist("files"):
        if not isinstance(item, UploadFile):
            raise HTTPException(422, "each 'files' part must be a file with a file name (a part without one, or "
                                     "with an empty one, is read as a text field)")
        if not PurePath(item.filename or "").name.strip():
            raise HTTPException(422, "a file part has no file name: name each file (its extension, e.g. .html or "
                                     ".pdf, says how to read it)")
        name = PurePath(item.filename or "").name[:200]
        data = await item.read(limit + 1)
        check_upload(name, data, limit)
        if UPLOAD_TYPES[PurePath(name).suffix.lower()] == "jsonl":
            records += jsonl_lines(data)
        else:
            files.append((name, data))
    if not files and not records:
        raise HTTPException(422, "no files in the upload (multipart field 'files')")
    return files, records


def check_upload(name: str, data: bytes, limit: int) -> None:
    """Only the document types tendertrace reads, and the content must look like its type."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in UPLOAD_TYPES:
        raise HTTPException(415, f"{name}: file type not accepted (accepted: {', '.join(sorted(UPLOAD_TYPES))})")
    if len(data) > limit:
        raise HTTPException(413, f"{name}: over the {limit:,}-byte file limit")
    kind = UPLOAD_TYPES[suffix]
    if kind == "pdf" and not data.lstrip()[:5].startswith(b"%PDF"):
        raise HTTPException(415, f"{name}: not a PDF")
    if kind == "docx" and not data.startswith(b"PK"):
        raise HTTPException(415, f"{name}: not a DOCX (ZIP) file")


def job_out(job: dict[str, Any] | None) -> dict[str, Any]:
    if job is None:
        raise HTTPException(404, "no such job")
    return {**job, "status_url": f"/api/jobs/{job['id']}"}


@router.get("/jobs/{job_id}", response_model=JobOut, tags=["documents"])
def get_job(job_id: str, request: Request, caller: Caller = Depends(api_reader)) -> dict[str, Any]:
    return job_out(jobqueue.get_job(request.app.state.engine, job_id))


@router.get("/findings", response_model=FindingsPage, tags=["findings"])
def list_findings(
    request: Request,
    caller: Caller = Depends(api_reader),
    date_from: Annotated[str | None, Query(alias="from", pattern=service.DATE)] = None,
    date_to: Annotated[str | None, Query(alias="to", pattern=service.DATE)] = None,
    provider: Annotated[str | None, Query(max_length=service.MAX_FILTER_CHARS)] = None,
    band: Annotated[str | None, Query(max_length=service.MAX_FILTER_CHARS,
                                      description="3A090.a, 3A090.b, 4A090.a, not controlled, remote access …")] = None,
    route: Annotated[str | None, Query(max_length=service.MAX_FILTER_CHARS)] = None,
    listed: bool | None = None,
    review: service.ReviewFilter = "open",
    q: Annotated[str | None, Query(max_length=service.MAX_FILTER_CHARS,
                                   description="Text in the title, buyer or suppliers")] = None,
    sort: service.Sort = "score",
    order: service.Order = "desc",
    page: Annotated[int, Query(ge=1, le=service.MAX_PAGE)] = 1,
    per_page: Annotated[int, Query(ge=1, le=service.MAX_PER_PAGE)] = 50,
) -> dict[str, Any]:
    """Findings with filters, sorting and pagination (``review=open`` hides dismissed and suppressed)."""
    query = service.FindingsQuery(date_from=date_from, date_to=date_to, provider=provider, band=band, route=route,
                                  listed=listed, review=review, text=q, sort=sort, order=order, page=page,
                                  per_page=per_page)
    found = service.list_findings(request.app.state.engine, query)
    items = [f.to_dict() | {"url": f"/api/findings/{f.case_id}"} for f in found.items]
    return {"total": found.total, "page": found.page, "per_page": found.per_page, "items": items}


@router.get("/findings/{case_id}", tags=["findings"])
def get_finding(case_id: str, request: Request, caller: Caller = Depends(api_reader)) -> dict[str, Any]:
    """A finding with its evidence, its review status and the audit trail of decisions."""
    engine = request.app.state.engine
    finding = service.get_finding(engine, case_id)
    return finding.to_dict() | {"url": f"/api/findings/{case_id}", "reviews": service.finding_trail(engine, finding)}


@router.post("/findings/{case_id}/reviews", status_code=201, tags=["findings"])
def review_finding(case_id: str, body: ReviewIn, request: Request, caller: Caller = Depends(api_writer)) -> dict[str, Any]:
    """Confirm or dismiss a finding, or one listed-party hit of it; a dismissed hit no longer
    counts in this or any later scan. Every decision is kept with who made it and when."""
    return service.record_review(request.app.state.engine, case_id, body.decision, body.reason, caller.name, body.hit)


@router.get("/documents/{doc_id}", tags=["documents"])
def get_document(
    doc_id: str, request: Request, caller: Caller = Depends(api_reader), text: bool = True,
) -> dict[str, Any]:
    """A stored document: status (or the reason it failed), its extraction, classifications,
    screening hits with their character spans, and its text."""
    doc = service.get_document(request.app.state.engine, doc_id)
    if not text:
        doc.pop("text", None)
    return doc


@router.get("/lists", tags=["screening"])
def lists(request: Request, caller: Caller = Depends(api_reader)) -> list[dict[str, Any]]:
    return store.list_summary(request.app.state.engine)


_LIST_BODY = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"], "properties": {"file": {"type": "string", "format": "binary"}}}}}}}


@router.post("/lists", status_code=201, tags=["screening"], openapi_extra=_LIST_BODY)
async def load_list(request: Request, caller: Caller = Depends(api_writer)) -> dict[str, Any]:
    """Load a list file (multipart field ``file``: CSL CSV or JSON, list JSON, FtM JSON lines),
    replacing what a file of that name loaded before. It is kept as a list version, and every
    stored party is re-screened against it (``GET /api/lists/versions`` shows the re-screenings)."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "multipart/form-data":
        raise HTTPException(415, "send multipart/form-data with the list in 'file'")
    form = await request.form(max_files=1, max_fields=5)
    item = form.get("file")
    if not isinstance(item, UploadFile):
        raise HTTPException(422, "the list file goes in the multipart field 'file'")
    return {"loaded": await load_uploaded_list(request, item)}


async def load_uploaded_list(request: Request, item: UploadFile) -> list[dict[str, Any]]:
    """Read an uploaded list file within the file limit, load it as a list version and start the
    re-screening: what the API and the UI's form both do."""
    data = await item.read(request.app.state.settings.limits.max_bytes + 1)
    if len(data) > request.app.state.settings.limits.max_bytes:
        raise HTTPException(413, "the list file is over the file limit")
    loaded = service_lists.load_list(request.app.state.engine, item.filename or "", data)
    request.app.state.after_list_change()
    return loaded


@router.delete("/lists/{name}", tags=["screening"])
def remove_list(name: str, request: Request, caller: Caller = Depends(api_writer)) -> dict[str, Any]:
    """Remove a list (its code, source key or source); kept as a list version, then re-screened."""
    removed = service_lists.remove_list(request.app.state.engine, name)
    request.app.state.after_list_change()
    return {"removed": removed}


@router.get("/lists/versions", tags=["screening"])
def list_versions(request: Request, caller: Caller = Depends(api_reader),
                  max_age: Annotated[int, Query(ge=0, le=36500)] = 30) -> dict[str, Any]:
    """The loaded lists with their version numbers, hashes and age (``stale_days`` past
    ``max_age``), every kept version newest first, and the latest re-screenings."""
    return service_lists.lists_overview(request.app.state.engine, max_age)


@router.get("/rescreens/{event_id}", tags=["screening"])
def get_rescreen(event_id: RowId, request: Request, caller: Caller = Depends(api_reader)) -> dict[str, Any]:
    """One re-screening: the hits new, changed and cleared against the previous list version, and
    the findings whose score changed."""
    return service_lists.get_rescreen(request.app.state.engine, event_id).to_dict()


@router.get("/entities", tags=["entities"])
def entities(request: Request, caller: Caller = Depends(api_reader),
             q: Annotated[str | None, Query(max_length=service_entities.MAX_NAME_CHARS,
                                            description="Text in the party's name")] = None,
             min_buyers: Annotated[int, Query(ge=1, le=1000)] = service_entities.MIN_BUYERS) -> dict[str, Any]:
    """The parties of the stored findings with their finding counts, and the suppliers that serve
    ``min_buyers`` or more buyers with findings (the network the UI draws)."""
    engine = request.app.state.engine
    return {"entities": service_entities.entity_names(engine, q),
            "suppliers": [i.to_dict() for i in service_entities.suppliers_network(engine, min_buyers)]}


@router.get("/entity", tags=["entities"])
def entity(request: Request, caller: Caller = Depends(api_reader),
           name: Annotated[str, Query(min_length=1, max_length=service_entities.MAX_NAME_CHARS)] = "") -> dict[str, Any]:
    """Every stored notice and finding naming a party (any spelling folding to the same name),
    across cases: its roles, listed-party hits, documents with their origins, and the buyers or
    suppliers it stands beside."""
    page = service_entities.entity_page(request.app.state.engine, name)
    return page.to_dict() | {"url": "/api/entity?" + urlencode({"name": page.name})}
