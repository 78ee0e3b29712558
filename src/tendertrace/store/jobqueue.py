"""Background scans of uploaded documents. The upload is stored before the request returns, so a
server that stops mid-scan loses nothing: a job whose heartbeat has stopped is queued again."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine

from . import job_files, jobs, now

STALE_AFTER = timedelta(minutes=5)


def create_job(engine: Engine, files: list[tuple[str, bytes]], records: list[str], submitted_by: str) -> str:
    """Store an upload -- files as bytes, JSON documents as their JSON lines -- and queue it."""
    job_id = secrets.token_hex(8)
    rows = [{"job_id": job_id, "name": name, "kind": "file", "data": data} for name, data in files]
    rows += [{"job_id": job_id, "name": f"record-{i}", "kind": "record", "data": line.encode("utf-8", "replace")}
             for i, line in enumerate(records, 1)]
    with engine.begin() as conn:
        conn.execute(jobs.insert(), {"id": job_id, "status": "queued", "submitted_by": submitted_by,
                                     "created_at": now(), "inputs": len(rows), "processed": 0, "failed": 0,
                                     "skipped": 0})
        if rows:
            conn.execute(job_files.insert(), rows)
    return job_id


def claim_job(engine: Engine) -> str | None:
    """Take the oldest queued job (or one whose worker died); None when there is none. The
    conditional update makes two servers on one database never take the same job."""
    stale = now() - STALE_AFTER
    claimable = (jobs.c.status == "queued") | ((jobs.c.status == "running") & (jobs.c.heartbeat_at < stale))
    with engine.begin() as conn:
        candidates = conn.execute(select(jobs.c.id).where(claimable).order_by(jobs.c.created_at).limit(5)).scalars().all()
    for job_id in candidates:
        with engine.begin() as conn:
            taken = conn.execute(
                jobs.update().where(jobs.c.id == job_id, claimable)
                .values(status="running", started_at=now(), heartbeat_at=now())
            ).rowcount
        if taken:
            return job_id
    return None


def job_inputs(engine: Engine, job_id: str) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(select(job_files).where(job_files.c.job_id == job_id).order_by(job_files.c.id)).mappings()
        return [dict(r) for r in rows]


def _counts(documents: list[dict[str, Any]]) -> dict[str, int]:
    return {s: sum(1 for d in documents if d["status"] == s) for s in ("processed", "failed", "skipped")}


def heartbeat(engine: Engine, job_id: str, documents: list[dict[str, Any]]) -> None:
    """The job is alive, with the documents it has stored so far."""
    with engine.begin() as conn:
        conn.execute(jobs.update().where(jobs.c.id == job_id).values(heartbeat_at=now(), **_counts(documents)))


def finish_job(engine: Engine, job_id: str, documents: list[dict[str, Any]], error: str | None = None) -> None:
    """Mark a job done (or failed, with the error); its stored files are no longer needed."""
    with engine.begin() as conn:
        conn.execute(jobs.update().where(jobs.c.id == job_id).values(
            status="failed" if error else "done", finished_at=now(), heartbeat_at=now(), error=error,
            documents=documents, **_counts(documents)))
        if not error:
            conn.execute(job_files.delete().where(job_files.c.job_id == job_id))


def get_job(engine: Engine, job_id: str) -> dict[str, Any] | None:
    with engine.connect() as conn:
        row = conn.execute(select(jobs).where(jobs.c.id == job_id)).mappings().first()
        return dict(row) if row else None
