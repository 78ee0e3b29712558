"""Who may do what, and the guards every request passes: request size, security headers, CSRF.

API callers send ``Authorization: Bearer tt_...``; browsers sign in once with a token and carry a
session cookie (HttpOnly, SameSite=Strict) whose forms must echo the session's CSRF token.
"""

from __future__ import annotations

import hmac
import json
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..report.html import content_security_policy
from ..store import tokens
from ..store.clean import refused

SESSION_COOKIE = "tt_session"
LOGIN_CSRF_COOKIE = "tt_login_csrf"

bearer = HTTPBearer(auto_error=False, description="An API token made with `tendertrace tokens create NAME`.")


@dataclass(frozen=True)
class Caller:
    name: str
    scope: str  # read | write | anonymous
    via: str  # token | session | none
    csrf: str | None = None


ANONYMOUS = Caller("anonymous", "anonymous", "none")


def _from_token(request: Request, credentials: HTTPAuthorizationCredentials | None) -> Caller | None:
    if credentials is None:
        return None
    row = tokens.verify_token(request.app.state.engine, credentials.credentials)
    if row is None:
        raise HTTPException(401, "invalid or revoked API token", headers={"WWW-Authenticate": "Bearer"})
    return Caller(row["name"], row["scope"], "token")


def session_caller(request: Request) -> Caller | None:
    session = tokens.get_session(request.app.state.engine, request.cookies.get(SESSION_COOKIE))
    if session is None:
        return None
    return Caller(session["name"], session["scope"], "session", session["csrf"])


def api_reader(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> Caller:
    """Reads are open unless the server runs with ``--private``."""
    caller = _from_token(request, credentials)
    if caller is not None:
        return caller
    if request.app.state.settings.public_reads:
        return ANONYMOUS
    raise HTTPException(401, "this server requires an API token for reads", headers={"WWW-Authenticate": "Bearer"})


def api_writer(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> Caller:
    caller = _from_token(request, credentials)
    if caller is None:
        raise HTTPException(401, "writes need an API token (tendertrace tokens create NAME)",
                            headers={"WWW-Authenticate": "Bearer"})
    if caller.scope != "write":
        raise HTTPException(403, f"token '{caller.name}' is read-only")
    return caller


def ui_reader(request: Request) -> Caller:
    caller = session_caller(request)
    if caller is not None:
        return caller
    if request.app.state.settings.public_reads:
        return ANONYMOUS
    raise HTTPException(401, "sign in to read")


def check_csrf(caller: Caller, submitted: str | None) -> None:
    """A form post must carry the session's CSRF token (constant-time comparison)."""
    if caller.csrf is None or not submitted or not hmac.compare_digest(caller.csrf, submitted):
        raise HTTPException(403, "CSRF check failed: reload the page and try again")


def check_login_csrf(cookie: str | None, submitted: str | None) -> None:
    """Before there is a session, the sign-in form echoes the value of its own cookie."""
    if not cookie or not submitted or not hmac.compare_digest(cookie, submitted):
        raise HTTPException(403, "CSRF check failed: reload the sign-in page")


def ui_writer(request: Request) -> Caller:
    caller = session_caller(request)
    if caller is None:
        raise HTTPException(401, "sign in to review or upload")
    if caller.scope != "write":
        raise HTTPException(403, f"token '{caller.name}' is read-only")
    return caller


def new_login_csrf() -> str:
    return secrets.token_urlsafe(24)


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes: at once when Content-Length says so, and while
    reading when the body is chunked or the header lies."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.limit
            except ValueError:
                await _json_error(send, 400, "invalid Content-Length header")
                return
            if too_big:
                await _json_error(send, 413, f"request body over the {self.limit:,}-byte limit")
                return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, tracking_send)
        except BodyTooLarge:
            if not started:
                await _json_error(send, 413, f"request body over the {self.limit:,}-byte limit")


async def _json_error(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": {"status": status, "message": message}}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class RefusedCharacters:
    """A path or query parameter holding a character the store refuses (NUL, a lone surrogate)
    gets 422 before any route sees it: such a value can match nothing stored."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and _refused_in(scope):
            await _json_error(send, 422, "a path or query parameter holds a character that is not allowed (NUL)")
            return
        await self.app(scope, receive, send)


def _refused_in(scope: Scope) -> bool:
    query = scope.get("query_string", b"").decode("latin-1")
    values = [scope.get("path", "")] + [v for pair in parse_qsl(query, keep_blank_values=True) for v in pair]
    return any(refused(v) for v in values)


SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    # No script runs in the UI at all; styles come from /static only.
    (b"content-security-policy", content_security_policy().encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in names
                ]
            await send(message)

        await self.app(scope, receive, with_headers)


def describe(caller: Caller) -> dict[str, Any]:
    return {"name": caller.name, "scope": caller.scope, "via": caller.via}
