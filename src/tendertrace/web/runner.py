"""The server's background work: scanning uploads, and keeping one screener over the current lists."""

from __future__ import annotations

import logging
import threading
import time
import warnings
from typing import Any

from sqlalchemy.engine import Engine

from .. import store
from ..findings import refresh_findings
from ..ingest import Limits, RawInput, content_id
from ..pipeline import BATCH, BatchRunner, pipeline_version
from ..screen import load_screener
from ..screen.matcher import Screener
from ..store import jobqueue

log = logging.getLogger("tendertrace.web")


class ScreenerCache:
    """One screener for the lists in the store, rebuilt when someone loads or updates a list (also
    from another process: the list sources are checked at most every ``ttl`` seconds)."""

    def __init__(self, engine: Engine, ttl: float = 5.0) -> None:
        self.engine, self.ttl = engine, ttl
        self._lock = threading.Lock()
        self._screener: Screener | None = None
        self._key: Any = None
        self._checked = 0.0

    def get(self) -> Screener:
        with self._lock:
            if self._screener is not None and time.monotonic() - self._checked < self.ttl:
                return self._screener
            key = [(r["key"], r["version"], r["count"], str(r["loaded_at"])) for r in store.list_summary(self.engine)]
            self._checked = time.monotonic()
            if self._screener is None or key != self._key:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # the sample's warning is shown in the UI instead
                    self._screener = load_screener(self.engine)
                self._key = key
            return self._screener


def job_raw_inputs(job_id: str, rows: list[dict[str, Any]]) -> list[RawInput]:
    """The stored upload as pipeline inputs: files as bytes, JSON documents as corpus lines."""
    raws = []
    for index, row in enumerate(rows, 1):
        source = f"upload/{job_id}/{row['name']}"
        if row["kind"] == "record":
            raws.append(RawInput("", source, source, lineno=index, line=row["data"].decode("utf-8")))
        else:
            raws.append(RawInput(content_id(row["data"]), source, source, data=bytes(row["data"])))
    return raws


def run_job(engine: Engine, job_id: str, screeners: ScreenerCache, limits: Limits) -> None:
    """Scan one claimed job into the store; any error ends the job as failed with its reason."""
    done: list[dict[str, Any]] = []
    try:
        raws = job_raw_inputs(job_id, jobqueue.job_inputs(engine, job_id))
        screener = screeners.get()
        runner = BatchRunner(screener, pipeline_version(screener), limits, engine=engine)
        for start in range(0, len(raws), BATCH):
            done += runner.store(list(raws[start:start + BATCH]))
            jobqueue.heartbeat(engine, job_id, done)
        refresh_findings(engine)
    except Exception as exc:  # the job fails with its reason; the server goes on
        log.exception("job %s failed", job_id)
        jobqueue.finish_job(engine, job_id, done, error=f"{type(exc).__name__}: {exc}")
        return
    jobqueue.finish_job(engine, job_id, [{k: d.get(k) for k in ("id", "status", "reason", "source")} for d in done])


class JobRunner(threading.Thread):
    """Takes queued jobs one at a time until stopped; woken at once by a new upload."""

    def __init__(self, engine: Engine, screeners: ScreenerCache, limits: Limits, poll: float = 2.0) -> None:
        super().__init__(name="tendertrace-jobs", daemon=True)
        self.engine, self.screeners, self.limits, self.poll = engine, screeners, limits, poll
        self.wake = threading.Event()
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            try:
                job_id = jobqueue.claim_job(self.engine)
            except Exception:  # the database is away for a moment: try again later
                log.exception("cannot claim a job")
                job_id = None
            if job_id:
                run_job(self.engine, job_id, self.screeners, self.limits)
                continue
            self.wake.wait(self.poll)
            self.wake.clear()

    def stop(self) -> None:
        self._halt.set()
        self.wake.set()


def jsonl_lines(data: bytes) -> list[str]:
    """The records of an uploaded JSON-lines file, unparsed: a bad line ends as a failed document
    with the parser's reason (see ``ingest.materialize``) instead of sinking the upload."""
    return [line for line in data.decode("utf-8", "replace").splitlines() if line.strip()]
