"""The job runner under faults: a database that goes away mid-job, two servers on one queue, a
server that dies holding a job, a heavy job beside small ones."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from sqlalchemy import func, make_url, select, text

from tendertrace import pipeline, store
from tendertrace.store import jobqueue

from ..conftest import PG_URL, _fresh_pg
from .conftest import Api, make_api
from .faults import DatabaseSwitch, SlowProcess, TcpCut

OUTAGE_SECONDS = 1.5  # long enough for several failed retries of the runner
PG_PORT = 5432  # PostgreSQL's default, when the URL names none
SLACK_SECONDS = 1.0  # a loaded test machine's delay on top of the lease and the runner's poll


def _docs(prefix: str, n: int) -> dict[str, Any]:
    return {"documents": [{"id": f"{prefix}{i}", "title": f"服务器采购 {prefix}{i}",
                           "content": f"采购人：某某大学{prefix}{i}\n采购内容：服务器，配置NVIDIA A100 {i}"}
                          for i in range(n)]}


def _stored(api: Api) -> int:
    with api.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(store.documents)).scalar_one()


def _job(api: Api, job_id: str) -> dict[str, Any]:
    return {"id": job_id, "status_url": f"/api/jobs/{job_id}"}


def test_the_runner_survives_a_database_outage_mid_job(any_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    switch: DatabaseSwitch | None = None

    def outage(n: int) -> None:  # the database goes away under the 5th document, back after a while
        if n == 5 and switch is not None:
            switch.off()
            threading.Timer(OUTAGE_SECONDS, switch.on).start()

    slow = SlowProcess(pipeline.process, 0.05, outage)
    monkeypatch.setattr(pipeline, "process", slow)
    for api in make_api(any_db, job_workers=1):
        switch = DatabaseSwitch(api.engine)
        jobs = [api.upload(json=_docs(p, 12)).json() for p in ("a", "b", "c")]
        deadline = time.monotonic() + OUTAGE_SECONDS
        seen_down = False
        while time.monotonic() < deadline + OUTAGE_SECONDS:
            health = api.client.get("/api/health")
            if health.status_code == 503:
                seen_down = True
                assert health.json()["database"] == "down" or "waiting for the database" in health.json()["jobs"]["states"]
                page = api.client.get("/")  # the UI's own error page, not JSON
                assert page.status_code == 503 and page.headers["content-type"].startswith("text/html")
                assert "database is unreachable" in page.text
                break
            time.sleep(0.05)
        assert seen_down
        finished = [api.wait(job, timeout=60) for job in jobs]
        switch.remove()
        assert [j["status"] for j in finished] == ["done"] * 3, finished
        assert all(j["processed"] + j["skipped"] == 12 and j["failed"] == 0 for j in finished)
        assert _stored(api) == 36 and len(slow.calls) == 36  # every document stored, each once (one row per id)
        assert api.client.get("/api/health").status_code == 200
        assert all(r.is_alive() for r in api.client.app.state.jobs.runners)  # type: ignore[attr-defined]


def test_two_servers_and_a_slow_batch_run_the_job_once(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    lease = 1.0  # seconds; the job takes about three leases to scan
    slow = SlowProcess(pipeline.process, 0.25)
    monkeypatch.setattr(pipeline, "process", slow)
    db = f"sqlite:///{tmp_path / 'two.db'}"
    first, second = make_api(db, lease_seconds=lease, job_workers=1), make_api(db, lease_seconds=lease, job_workers=1)
    a, b = next(first), next(second)
    try:
        job = a.upload(json=_docs("s", 12)).json()
        b.client.app.state.wake_runner()  # type: ignore[attr-defined]
        done = a.wait(job, timeout=60)
        assert done["status"] == "done" and done["processed"] == 12
        assert max(slow.calls.values()) == 1 and len(slow.calls) == 12  # no document scanned twice
    finally:
        for gen in (first, second):
            next(gen, None)


def test_a_dead_servers_job_is_resumed_within_the_lease(any_db: str) -> None:
    lease = 1.0
    for api in make_api(any_db, lease_seconds=lease, job_workers=1):
        job_id = jobqueue.create_job(api.engine, [], [], "alice")
        with api.engine.begin() as conn:  # a server took it a moment ago, then was killed
            conn.execute(text("UPDATE jobs SET status = 'running', worker = 'killed', heartbeat_at = :t WHERE id = :id"),
                         {"t": store.now(), "id": job_id})
        started = time.monotonic()
        done = api.wait(_job(api, job_id), timeout=30)
        taken = time.monotonic() - started
        poll = api.client.app.state.jobs.runners[0].poll  # type: ignore[attr-defined]
        assert done["status"] == "done" and taken < lease + poll + SLACK_SECONDS


def test_a_worker_that_lost_its_lease_writes_nothing(db_url: str) -> None:
    from tendertrace.ingest import Limits
    from tendertrace.web.runner import ScreenerCache, run_job

    engine = store.connect(db_url)
    job_id = jobqueue.create_job(engine, [], ['{"id": "x", "content": "采购人：某某大学"}'], "alice")
    assert jobqueue.claim_job(engine, "first") == job_id
    with engine.begin() as conn:  # its lease ran out and another worker took the job
        conn.execute(text("UPDATE jobs SET worker = 'second' WHERE id = :id"), {"id": job_id})
    assert run_job(engine, job_id, ScreenerCache(engine), Limits(), "first") is False
    job = jobqueue.get_job(engine, job_id)
    assert job is not None and job["status"] == "running" and job["worker"] == "second"
    assert not jobqueue.finish_job(engine, job_id, "first", [])
    assert store.get_document(engine, "x") is None


def test_a_heavy_job_does_not_hold_up_small_ones(any_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    slow = SlowProcess(pipeline.process, 0.1)
    monkeypatch.setattr(pipeline, "process", slow)
    for api in make_api(any_db, job_workers=2):
        heavy = api.upload(json=_docs("h", 60)).json()
        small = [api.upload(json=_docs(f"s{i}-", 1)).json() for i in range(3)]
        for job in small:
            assert api.wait(job, timeout=30)["status"] == "done"
        assert api.client.get(heavy["status_url"]).json()["status"] == "running"
        assert api.wait(heavy, timeout=120)["processed"] == 60



@pytest.mark.skipif(not PG_URL, reason="no PostgreSQL server: set TENDERTRACE_TEST_PG (.ci/run starts one)")
def test_postgresql_going_away_under_a_running_job(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real thing: every connection to PostgreSQL dropped and refused mid-job, then back."""
    assert PG_URL is not None
    url = make_url(_fresh_pg(PG_URL))
    relay = TcpCut(url.host or "127.0.0.1", url.port or PG_PORT)
    cut_at = threading.Event()

    def outage(n: int) -> None:
        if n == 5:
            cut_at.set()

    slow = SlowProcess(pipeline.process, 0.05, outage)
    monkeypatch.setattr(pipeline, "process", slow)
    proxied = url.set(host="127.0.0.1", port=relay.port).render_as_string(hide_password=False)
    try:
        for api in make_api(proxied, job_workers=1):
            jobs = [api.upload(json=_docs(p, 12)).json() for p in ("a", "b", "c")]
            assert cut_at.wait(30)
            relay.cut()
            deadline = time.monotonic() + 20
            while api.client.get("/api/health").status_code != 503:
                assert time.monotonic() < deadline, "health never reported the outage"
                time.sleep(0.05)
            time.sleep(OUTAGE_SECONDS)
            relay.restore()
            finished = [api.wait(job, timeout=90) for job in jobs]
            assert [j["status"] for j in finished] == ["done"] * 3, finished
            assert _stored(api) == 36 and len(slow.calls) == 36
            assert api.client.get("/api/health").status_code == 200
    finally:
        relay.close()
