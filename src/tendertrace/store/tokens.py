"""API tokens and browser sessions. Only SHA-256 digests are stored: a leaked database does not
leak a usable token. The tokens are 256-bit random values, so a plain fast hash is the right tool
(a slow password hash guards low-entropy secrets, which these are not)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine

from . import api_tokens, now, ui_sessions

SCOPES = ("read", "write")
TOKEN_PREFIX = "tt_"
SESSION_HOURS = 12


LAST_USED_EVERY = timedelta(minutes=1)


def _aware(moment: Any) -> Any:
    """SQLite hands back naive datetimes (stored as UTC)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=now().tzinfo)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def create_token(engine: Engine, name: str, scope: str = "write") -> tuple[str, dict[str, Any]]:
    """A new token for ``name``; the token is returned once and never stored."""
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {', '.join(SCOPES)}")
    if not name.strip():
        raise ValueError("a token needs a name (who uses it)")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = {"name": name.strip(), "token_hash": digest(token), "prefix": token[:10], "scope": scope,
           "created_at": now(), "revoked_at": None, "last_used_at": None}
    with engine.begin() as conn:
        row["id"] = conn.execute(api_tokens.insert().returning(api_tokens.c.id), row).scalar_one()
    return token, {k: v for k, v in row.items() if k != "token_hash"}


def verify_token(engine: Engine, token: str | None) -> dict[str, Any] | None:
    """The token's row when it is valid and not revoked. ``last_used_at`` is written at most
    once a minute per token, not on every request."""
    if not token or not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    with engine.connect() as conn:
        row = conn.execute(select(api_tokens).where(api_tokens.c.token_hash == digest(token))).mappings().first()
    if row is None or row["revoked_at"] is not None:
        return None
    used = row["last_used_at"]
    if used is None or _aware(used) < now() - LAST_USED_EVERY:
        with engine.begin() as conn:
            conn.execute(api_tokens.update().where(api_tokens.c.id == row["id"]).values(last_used_at=now()))
    return {k: v for k, v in row.items() if k != "token_hash"}


def list_tokens(engine: Engine) -> list[dict[str, Any]]:
    cols = [c for c in api_tokens.c if c.name != "token_hash"]
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(*cols).order_by(api_tokens.c.id)).mappings()]


def revoke_token(engine: Engine, token_id: int) -> bool:
    with engine.begin() as conn:
        done = conn.execute(api_tokens.update().where(api_tokens.c.id == token_id, api_tokens.c.revoked_at.is_(None))
                            .values(revoked_at=now())).rowcount
        conn.execute(ui_sessions.delete().where(ui_sessions.c.token_id == token_id))
    return bool(done)


def create_session(engine: Engine, token_id: int) -> tuple[str, str]:
    """A browser session for a verified token: (cookie value, CSRF token)."""
    session_id, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    created = now()
    with engine.begin() as conn:
        conn.execute(ui_sessions.delete().where(ui_sessions.c.expires_at < created))
        conn.execute(ui_sessions.insert(), {"id_hash": digest(session_id), "token_id": token_id, "csrf": csrf,
                                            "created_at": created,
                                            "expires_at": created + timedelta(hours=SESSION_HOURS)})
    return session_id, csrf


def get_session(engine: Engine, session_id: str | None) -> dict[str, Any] | None:
    """The session with its token's name and scope, when it exists, has not expired and its token
    is not revoked."""
    if not session_id or len(session_id) > 200:
        return None
    query = (select(ui_sessions.c.csrf, ui_sessions.c.expires_at, api_tokens.c.id, api_tokens.c.name, api_tokens.c.scope)
             .join(api_tokens, api_tokens.c.id == ui_sessions.c.token_id)
             .where(ui_sessions.c.id_hash == digest(session_id), api_tokens.c.revoked_at.is_(None)))
    with engine.connect() as conn:
        row = conn.execute(query).mappings().first()
    if row is None:
        return None
    if _aware(row["expires_at"]) < now():
        return None
    return dict(row)


def end_session(engine: Engine, session_id: str | None) -> None:
    if session_id:
        with engine.begin() as conn:
            conn.execute(ui_sessions.delete().where(ui_sessions.c.id_hash == digest(session_id)))
