"""Background scans of uploaded documents. The upload is stored before the request returns, so a
server that stops mid-scan loses nothing. A running job is leased: its worker renews the lease
every few seconds and checks it before each write; a job whose lease ran out (its worker died) is
taken by another worker, and the one that lost it stops without writing."""

from __future__ import annotations

import secrets
import socket
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine

from . import job_files, jobs, now

DEFAULT_LEASE = timedelta(seconds=60)  # a dead worker's job waits at most this long before another takes it
CLAIM_CANDIDATES = 5  # jobs tried per claim: another worker may take the first ones at the same moment


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


def new_worker_id() -> str:
    """A worker's name in the leases it holds: unique per server process and worker thread."""
    return f"{socket.gethostname()[:40]}-{secrets.token_hex(6)}"


def claim_job(engine: Engine, worker: str, lease: timedelta = DEFAULT_LEASE) -> str | None:
    """Take a job for ``worker``: a queued one, or a running one whose lease has run out (its
    worker died); None when there is none. Smaller jobs first, then the oldest, so that small
    uploads are not starved behind a large one. The conditional update makes two workers on one
    database never take the same job."""
    expired = now() - lease
    claimable = (jobs.c.status == "queued") | ((jobs.c.status == "running") & (jobs.c.heartbeat_at < expired))
    with engine.begin() as conn:
        candidates = conn.execute(
            select(jobs.c.id).where(claimable).order_by(jobs.c.inputs, jobs.c.created_at).limit(CLAIM_CANDIDATES)
        ).scalars().all()
    for job_id in candidates:
        with engine.begin() as conn:
            taken = conn.execute(
                jobs.update().where(jobs.c.id == job_id, claimable)
                .values(status="running", started_at=now(), heartbeat_at=now(), worker=worker)
            ).rowcount
        if taken:
            return job_id
    return None


def _held(job_id: str, worker: str) -> Any:
    return (jobs.c.id == job_id) & (jobs.c.worker == worker) & (jobs.c.status == "running")


def holds(engine: Engine, job_id: str, worker: str) -> bool:
    """Whether ``worker`` still holds the job's lease (checked before each write of the job)."""
    with engine.connect() as conn:
        return conn.execute(select(jobs.c.id).where(_held(job_id, worker))).first() is not None


def renew(engine: Engine, job_id: str, worker: str, documents: list[dict[str, Any]] | None = None) -> bool:
    """Extend the lease (with the documents stored so far, when given); False when the worker no
    longer holds it: the job was taken by another worker after the lease ran out."""
    values: dict[str, Any] = {"heartbeat_at": now()}
    if documents is not None:
        values.update(_counts(documents))
    with engine.begin() as conn:
        return bool(conn.execute(jobs.update().where(_held(job_id, worker)).values(**values)).rowcount)


def job_inputs(engine: Engine, job_id: str) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(select(job_files).where(job_files.c.job_id == job_id).order_by(job_files.c.id)).mappings()
        return [dict(r) for r in rows]


def _counts(documents: list[dict[str, Any]]) -> dict[str, int]:
    return {s: sum(1 for d in documents if d["status"] == s) for s in ("processed", "failed", "skipped")}


def finish_job(engine: Engine, job_id: str, worker: str, documents: list[dict[str, Any]],
               error: str | None = None) -> bool:
    """Mark a job done (or failed, with the error) if ``worker`` still holds it; its stored files
    are then no longer needed. False when the lease was lost: the job is not finished twice."""
    with engine.begin() as conn:
        finished = conn.execute(jobs.update().where(_held(job_id, worker)).values(
            status="failed" if error else "done", finished_at=now(), heartbeat_at=now(), error=error,
            documents=documents, **_counts(documents))).rowcount
        if finished and not error:
            conn.execute(job_files.delete().where(job_files.c.job_id == job_id))
    return bool(finished)


def get_job(engine: Engine, job_id: str) -> dict[str, Any] | None:
    with engine.connect() as conn:
        row = conn.execute(select(jobs).where(jobs.c.id == job_id)).mappings().first()
        return dict(row) if row else None
