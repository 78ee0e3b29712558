"""The team server: a JSON API and a server-rendered review UI over the same store as the CLI.

``create_app`` builds the FastAPI application; ``tendertrace serve`` runs it with uvicorn.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__, store
from ..ingest import Limits
from ..screen.readings import warm_name_symbols
from ..service import ServiceError
from ..service_lists import Rescreener
from ..store import jobqueue
from . import api, feeds, ui
from .runner import JobPool, ScreenerCache
from .security import BodyLimit, RefusedCharacters, SecurityHeaders

log = logging.getLogger("tendertrace.web")

RETRY_AFTER_SECONDS = 5  # told to clients while the database is unreachable


@dataclass
class Settings:
    db: str = "tendertrace.db"
    public_reads: bool = True  # False: reading findings, documents and screening needs a token too
    max_request_bytes: int = 64 * 1024 * 1024  # the whole request, all files of an upload together
    limits: Limits = field(default_factory=Limits)  # per-document limits, as for `scan`
    background: bool = True  # scan uploads in a background thread
    secure_cookies: bool = False  # set behind HTTPS
    job_workers: int = 2  # uploads scanned at once: one heavy job does not hold up the rest
    lease_seconds: float = jobqueue.DEFAULT_LEASE.total_seconds()  # a dead server's job is taken after this
    rescreen_poll: float = 10.0  # seconds between checks for a list loaded by another process (re-screen then)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    engine = store.connect(settings.db)
    screeners = ScreenerCache(engine)
    rescreener = Rescreener(engine, settings.rescreen_poll)
    pool = (JobPool(engine, screeners, settings.limits, settings.job_workers, timedelta(seconds=settings.lease_seconds))
            if settings.background else None)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # rigour's name tagger costs seconds on its first use: load it now, not in a request
        threading.Thread(target=warm_name_symbols, name="tendertrace-warm", daemon=True).start()
        if pool is not None:
            pool.start()
            rescreener.start()  # also finishes a re-screening a crash stopped
        yield
        if pool is not None:
            rescreener.stop()
            pool.stop()

    app = FastAPI(
        title="tendertrace", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
        description="Findings of attempts to reach export-controlled US AI compute and models in procurement "
                    "documents, screening against the US lists, and analyst review.",
    )
    app.state.engine = engine
    app.state.settings = settings
    app.state.screeners = screeners
    app.state.jobs = pool
    app.state.wake_runner = pool.wake if pool is not None else (lambda: None)
    app.state.rescreener = rescreener
    # after a list load: the background thread re-screens; without one (tests) the request does
    app.state.after_list_change = rescreener.wake if pool is not None else rescreener.run_pending
    app.include_router(api.router)
    app.include_router(ui.router)
    app.include_router(feeds.router)
    app.mount("/static", StaticFiles(directory=Path(__file__).with_name("static")), name="static")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
            return JSONResponse({"error": {"status": exc.status_code, "message": str(exc.detail)}},
                                status_code=exc.status_code, headers=getattr(exc, "headers", None))
        return ui.error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(ServiceError)
    async def service_error(request: Request, exc: ServiceError) -> Response:
        """A domain error of the service layer: its status, as JSON under /api, as a page elsewhere."""
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": {"status": exc.status, "message": exc.message}}, status_code=exc.status)
        return ui.error_page(request, exc.status, exc.message)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        details = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg")} for e in exc.errors()]
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": {"status": 422, "message": "invalid request", "details": details}},
                                status_code=422)
        return ui.error_page(request, 422, "; ".join(f"{d['where']}: {d['problem']}" for d in details))

    @app.exception_handler(SQLAlchemyError)
    async def database_error(request: Request, exc: SQLAlchemyError) -> Response:
        """The database is away (503, try again) or refused a statement (500): a short answer,
        never the SQL or its parameters; the detail goes to the log."""
        down = store.unavailable(exc)
        if down:
            log.warning("database unreachable on %s: %s", request.url.path, type(getattr(exc, "orig", None) or exc).__name__)
        else:
            log.error("database error on %s", request.url.path, exc_info=exc)
        status = 503 if down else 500
        message = "the database is unreachable; try again shortly" if down else "internal error: database"
        headers = {"Retry-After": str(RETRY_AFTER_SECONDS)} if down else None
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": {"status": status, "message": message}}, status_code=status, headers=headers)
        return ui.error_page(request, status, message, offline=True, headers=headers)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        message = f"internal error: {type(exc).__name__}"
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": {"status": 500, "message": message}}, status_code=500)
        return ui.error_page(request, 500, message, offline=True)

    app.add_middleware(RefusedCharacters)
    app.add_middleware(BodyLimit, limit=settings.max_request_bytes)
    app.add_middleware(SecurityHeaders)
    return app


__all__ = ["create_app", "Settings"]
