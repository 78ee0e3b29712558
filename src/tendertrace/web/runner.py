"""The server's background work: scanning uploads, and keeping one screener over the current lists."""

from __future__ import annotations

import logging
import threading
import time
import warnings
from datetime import timedelta
from typing import Any

from sqlalchemy.engine import Engine

from .. import store
from ..findings import refresh_findings
from ..ingest import Limits, RawInput, content_id
from ..pipeline import BatchRunner, pipeline_version
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
            # Ownership data is bound to the screener too: loading some rebuilds it.
            key += [(r["source"], "ownership", r["links"], str(r["loaded_at"])) for r in store.ownership_summary(self.engine)]
            self._checked = time.monotonic()
            if self._screener is None or key != self._key:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # the sample's warning is shown in the UI instead
                    self._screener = load_screener(self.engine)
                self._key = key
            return self._screener


def job_raw_inputs(job_id: str, rows: list[dict[str, Any]], uploaded_at: str | None = None) -> list[RawInput]:
    """The stored upload as pipeline inputs: files as bytes, JSON documents as corpus lines; each
    keeps the name it was uploaded under and when (its provenance)."""
    raws = []
    for index, row in enumerate(rows, 1):
        source = f"upload/{job_id}/{row['name']}"
        if row["kind"] == "record":
            raws.append(RawInput("", source, source, lineno=index, line=row["data"].decode("utf-8"),
                                 fetched_at=uploaded_at))
        else:
            raws.append(RawInput(content_id(row["data"]), source, source, data=bytes(row["data"]),
                                 upload_name=row["name"], fetched_at=uploaded_at))
    return raws


JOB_BATCH = 8  # documents stored per write of a job: the lease is checked before each, so a lost lease wastes little
MAX_RENEW_INTERVAL = 5.0  # seconds between lease renewals at most ("every few seconds")
RENEWALS_PER_LEASE = 4  # a short lease is renewed this often within its length, so one late renewal does not lose it
FIRST_BACKOFF = 0.5  # seconds before the first retry when the database is unreachable
MAX_BACKOFF = 30.0  # the retry interval doubles up to this while the database stays away


class LeaseLost(Exception):
    """Another worker took the job after this one's lease ran out: stop without writing."""


class LeaseKeeper(threading.Thread):
    """Renews a job's lease every few seconds while its worker scans, however long one batch takes."""

    def __init__(self, engine: Engine, job_id: str, worker: str, lease: timedelta) -> None:
        super().__init__(name=f"tendertrace-lease-{job_id}", daemon=True)
        self.engine, self.job_id, self.worker = engine, job_id, worker
        self.interval = min(MAX_RENEW_INTERVAL, lease.total_seconds() / RENEWALS_PER_LEASE)
        self.lost = threading.Event()
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(self.interval):
            try:
                if not jobqueue.renew(self.engine, self.job_id, self.worker):
                    self.lost.set()
                    return
            except Exception:  # the database is away: the worker meets it too, and retries the job
                log.debug("cannot renew the lease of job %s", self.job_id, exc_info=True)

    def stop(self) -> None:
        self._done.set()


def _summary(done: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: d.get(k) for k in ("id", "status", "reason", "source")} for d in done]


def run_job(engine: Engine, job_id: str, screeners: ScreenerCache, limits: Limits, worker: str,
            lease: timedelta = jobqueue.DEFAULT_LEASE) -> bool:
    """Scan one job held by ``worker`` into the store; False when its lease was lost to another
    worker (nothing more is written). An error of the job ends it as failed with a short reason
    (the detail goes to the log); an unreachable database raises, so that the caller retries the
    job when it is back -- documents stored before are then skipped, never stored twice."""
    done: list[dict[str, Any]] = []
    keeper = LeaseKeeper(engine, job_id, worker, lease)
    keeper.start()

    def check() -> None:
        if keeper.lost.is_set() or not jobqueue.holds(engine, job_id, worker):
            raise LeaseLost

    try:
        job = jobqueue.get_job(engine, job_id) or {}
        created = job.get("created_at")
        raws = job_raw_inputs(job_id, jobqueue.job_inputs(engine, job_id), created.isoformat() if created else None)
        screener = screeners.get()
        runner = BatchRunner(screener, pipeline_version(screener), limits, engine=engine)
        for start in range(0, len(raws), JOB_BATCH):
            check()
            done += runner.store(list(raws[start:start + JOB_BATCH]))
            if not jobqueue.renew(engine, job_id, worker, done):
                raise LeaseLost
        check()
        refresh_findings(engine)
    except LeaseLost:
        log.warning("job %s: lease lost to another worker; stopped without finishing it", job_id)
        return False
    except Exception as exc:
        if store.unavailable(exc):
            raise
        log.exception("job %s failed", job_id)
        return jobqueue.finish_job(engine, job_id, worker, _summary(done), error=store.short_error(exc))
    finally:
        keeper.stop()
    return jobqueue.finish_job(engine, job_id, worker, _summary(done))


class JobRunner(threading.Thread):
    """One worker: takes jobs until stopped, woken at once by a new upload. Nothing ends it: while
    the database is unreachable it waits with a growing back-off (logging the outage once), then
    resumes the job it held; any other error fails only the job."""

    def __init__(self, engine: Engine, screeners: ScreenerCache, limits: Limits, poll: float = 2.0,
                 lease: timedelta = jobqueue.DEFAULT_LEASE, name: str = "tendertrace-jobs") -> None:
        super().__init__(name=name, daemon=True)
        self.engine, self.screeners, self.limits, self.poll, self.lease = engine, screeners, limits, poll, lease
        self.worker = jobqueue.new_worker_id()
        self.wake = threading.Event()
        self._halt = threading.Event()
        self.state = "starting"  # idle | running | waiting for the database | stopped
        self.job: str | None = None
        self._outage_since: float | None = None

    def run(self) -> None:
        backoff = FIRST_BACKOFF
        while not self._halt.is_set():
            try:
                self._step()
            except Exception as exc:  # never let the thread die: wait, then try again
                self._fault(exc)
                self._halt.wait(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF)
                continue
            backoff = FIRST_BACKOFF
            if self._outage_since is not None:
                log.warning("database reachable again after %.0f s; jobs resume", time.monotonic() - self._outage_since)
                self._outage_since = None
        self.state = "stopped"

    def _step(self) -> None:
        """Resume the held job, or take one, or wait for an upload."""
        if self.job is not None and not jobqueue.holds(self.engine, self.job, self.worker):
            self.job = None  # the lease ran out during the outage and another worker has it
        job_id = self.job or jobqueue.claim_job(self.engine, self.worker, self.lease)
        if job_id is None:
            self.state = "idle"
            self.wake.wait(self.poll)
            self.wake.clear()
            return
        self.job, self.state = job_id, "running"
        run_job(self.engine, job_id, self.screeners, self.limits, self.worker, self.lease)
        self.job = None

    def _fault(self, exc: Exception) -> None:
        if store.unavailable(exc):
            self.state = "waiting for the database"
            if self._outage_since is None:  # logged once per outage, not at every retry
                self._outage_since = time.monotonic()
                log.error("database unreachable (%s); retrying with back-off", store.short_error(exc), exc_info=exc)
            return
        self.state = "retrying after an error"
        log.exception("job runner error; retrying")

    def stop(self) -> None:
        self._halt.set()
        self.wake.set()


class JobPool:
    """``workers`` job runners, so that one heavy job does not hold up the rest."""

    def __init__(self, engine: Engine, screeners: ScreenerCache, limits: Limits, workers: int = 2,
                 lease: timedelta = jobqueue.DEFAULT_LEASE, poll: float = 2.0) -> None:
        if workers < 1:
            raise ValueError("at least one job worker")
        self.runners = [JobRunner(engine, screeners, limits, poll, lease, name=f"tendertrace-jobs-{i}")
                        for i in range(1, workers + 1)]

    def start(self) -> None:
        for runner in self.runners:
            runner.start()

    def wake(self) -> None:
        for runner in self.runners:
            runner.wake.set()

    def stop(self, timeout: float = 30) -> None:
        for runner in self.runners:
            runner.stop()
        for runner in self.runners:
            runner.join(timeout=timeout)

    def status(self) -> dict[str, Any]:
        """What health reports: each worker's state; ``ok`` while all live and reach the database."""
        states = [r.state if r.is_alive() or r.state == "starting" else "dead" for r in self.runners]
        bad = {"dead", "waiting for the database"}
        return {"ok": not bad.intersection(states), "workers": len(states), "states": states}


def jsonl_lines(data: bytes) -> list[str]:
    """The records of an uploaded JSON-lines file, unparsed: a bad line ends as a failed document
    with the parser's reason (see ``ingest.materialize``) instead of sinking the upload."""
    return [line for line in data.decode("utf-8", "replace").splitlines() if line.strip()]
