"""A soak of the team server: mixed load for a while, a fault in the middle, nothing lost.

    python bench/soak.py [--minutes 10] [--clients 6] [--pg-wipe URL]

Starts ``tendertrace serve`` on loopback over a fresh store and drives it with ``--clients``
threads: screening, finding lists and details, and uploads of real corpus records (each record
once, a few per upload as JSON lines). Halfway through the database goes away for
``--outage`` seconds -- on PostgreSQL (``--pg-wipe``, a database this script may wipe) every
connection through a loopback relay is cut and refused; on SQLite, which has no server, the
server process is killed and a new one started instead. At the end it waits for every job and
prints requests, errors by kind and p50/p95/p99 per route, then the store's document count against
the number of records uploaded; they must be equal (exit status 1 otherwise). Every request goes
to 127.0.0.1 and the run stops by itself.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import CORPUS, require  # noqa: E402

RECORDS_PER_UPLOAD = 5
MAX_REQUESTS = 200_000  # a bound on the run whatever the clock says
JOB_WAIT_SECONDS = 600  # after the load, every job must finish within this
REQUEST_TIMEOUT = 30.0
RETRY_PAUSE = 0.2  # seconds a client waits after a failed connection
WEIGHTS = {"screen": 3, "findings": 3, "finding": 2, "upload": 2}


class Soak:
    def __init__(self, base: str, token: str, records: list[str], names: list[str]) -> None:
        self.base, self.token, self.names = base, token, names
        self.records = records
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: Counter[tuple[str, str]] = Counter()
        self.jobs: list[str] = []
        self.uploaded = 0
        self.requests = 0
        self.case_ids: list[str] = []

    def _take_records(self) -> list[str]:
        with self.lock:
            batch, self.records = self.records[:RECORDS_PER_UPLOAD], self.records[RECORDS_PER_UPLOAD:]
        return batch

    def one(self, client: httpx.Client, rng: random.Random) -> None:
        route = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
        batch: list[str] = []
        started = time.perf_counter()
        try:
            if route == "screen":
                response = client.post("/api/screen", json={"names": rng.sample(self.names, min(3, len(self.names)))})
            elif route == "findings":
                response = client.get("/api/findings", params={"page": rng.randint(1, 3), "per_page": 20})
                if response.status_code == 200:
                    with self.lock:
                        self.case_ids = [i["case_id"] for i in response.json()["items"]] or self.case_ids
            elif route == "finding":
                case = rng.choice(self.case_ids) if self.case_ids else "none"
                response = client.get(f"/api/findings/{case}")
            else:
                batch = self._take_records()
                if not batch:
                    return
                body = ("\n".join(batch) + "\n").encode()
                response = client.post("/api/documents", files=[("files", ("soak.jsonl", body, "application/x-ndjson"))],
                                       headers={"Authorization": f"Bearer {self.token}"})
                if response.status_code == 202:
                    with self.lock:
                        self.jobs.append(response.json()["status_url"])
                        self.uploaded += len(batch)
                    batch = []
        except httpx.HTTPError as exc:
            self._record(route, started, type(exc).__name__)
            time.sleep(RETRY_PAUSE)  # the server is away: a client waits a moment, as a person would
            return
        finally:
            if batch:  # not accepted: these records go back to be uploaded later
                with self.lock:
                    self.records = batch + self.records
        ok = response.status_code < 400 or (route == "finding" and response.status_code == 404)
        self._record(route, started, None if ok else str(response.status_code))

    def _record(self, route: str, started: float, error: str | None) -> None:
        with self.lock:
            self.requests += 1
            self.latency[route].append(time.perf_counter() - started)
            if error:
                self.errors[(route, error)] += 1


def _serve(db: str, port: int, log: Any, workers: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "tendertrace.cli", "serve", "--db", db, "--port", str(port), "--job-workers", str(workers)]
    return subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})


def _ready(base: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    sys.exit("the server did not become healthy")


def _records(limit: int) -> tuple[list[str], list[str]]:
    """Real corpus records, each distinct in content, and party names from them to screen."""
    seen: set[str] = set()
    records, names = [], []
    with gzip.open(require(CORPUS), "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec.get("content") in seen:
                continue
            seen.add(rec.get("content"))
            records.append(json.dumps(rec, ensure_ascii=False))
            if rec.get("buyer_unit"):
                names.append(str(rec["buyer_unit"])[:200])
            if len(records) >= limit:
                break
    return records, names or ["华为技术有限公司", "中科曙光", "北京某某科技有限公司"]


def _percentile(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--outage", type=float, default=10.0, help="seconds the database (or the server) is away")
    parser.add_argument("--records", type=int, default=2000, help="corpus records to upload at most")
    parser.add_argument("--job-workers", type=int, default=2)
    parser.add_argument("--pg-wipe", help="a PostgreSQL URL whose database this soak may wipe")
    args = parser.parse_args()

    from sqlalchemy import create_engine, func, make_url, select, text

    from tendertrace import store
    from tests.web.faults import TcpCut

    tmp = Path(tempfile.mkdtemp(prefix="tendertrace-soak-"))
    relay = None
    if args.pg_wipe:
        url = make_url(args.pg_wipe)
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        engine.dispose()
        relay = TcpCut(url.host or "127.0.0.1", url.port or 5432)
        real_db = url.render_as_string(hide_password=False)
        db = url.set(host="127.0.0.1", port=relay.port).render_as_string(hide_password=False)
    else:
        real_db = db = f"sqlite:///{tmp / 'soak.db'}"
    store.connect(real_db).dispose()
    cli = [sys.executable, "-m", "tendertrace.cli"]
    made = subprocess.run([*cli, "tokens", "create", "soak", "--db", real_db], capture_output=True, text=True, check=True)
    token = made.stdout.strip().splitlines()[-1]
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    log = (tmp / "serve.log").open("wb")
    server = _serve(db, port, log, args.job_workers)
    _ready(base)
    records, names = _records(args.records)
    soak = Soak(base, token, records, names)
    end = time.monotonic() + args.minutes * 60
    fault_at = time.monotonic() + args.minutes * 30
    halt = threading.Event()

    def client_loop(seed: int) -> None:
        rng = random.Random(seed)
        with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT) as client:
            while not halt.is_set() and time.monotonic() < end and soak.requests < MAX_REQUESTS:
                soak.one(client, rng)

    threads = [threading.Thread(target=client_loop, args=(i,), daemon=True) for i in range(args.clients)]
    for t in threads:
        t.start()
    time.sleep(max(0.0, fault_at - time.monotonic()))
    if relay is not None:
        print(f"database away for {args.outage:g} s (every connection cut)", flush=True)
        relay.cut()
        time.sleep(args.outage)
        relay.restore()
    else:
        print(f"server killed, restarted after {args.outage:g} s", flush=True)
        server.kill()
        server.wait()
        time.sleep(args.outage)
        server = _serve(db, port, log, args.job_workers)
        _ready(base)
    for t in threads:
        t.join()
    pending = list(soak.jobs)
    deadline = time.monotonic() + JOB_WAIT_SECONDS
    states: Counter[str] = Counter()
    with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT) as client:
        for job in pending:
            while time.monotonic() < deadline:
                response = client.get(job)
                status = response.json().get("status") if response.status_code == 200 else None
                if status in ("done", "failed"):
                    states[status] += 1
                    break
                time.sleep(0.5)
            else:
                states["unfinished"] += 1
    server.terminate()
    server.wait(timeout=60)
    log.close()
    if relay is not None:
        relay.close()

    print(f"\n{soak.requests:,} requests from {args.clients} clients in {args.minutes:g} min")
    print(f"{'route':<10}{'requests':>10}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for route, values in sorted(soak.latency.items()):
        errors = sum(n for (r, _), n in soak.errors.items() if r == route)
        print(f"{route:<10}{len(values):>10,}{errors:>8,}{_percentile(values, 50) * 1000:>9.0f}"
              f"{_percentile(values, 95) * 1000:>9.0f}{_percentile(values, 99) * 1000:>9.0f}")
    print("errors by kind:", dict(sorted(((f"{r} {k}", n) for (r, k), n in soak.errors.items()))) or "none")
    print("jobs:", dict(states))
    engine = store.connect(real_db, migrate=False)
    with engine.connect() as conn:
        stored = conn.execute(select(func.count()).select_from(store.documents)).scalar_one()
    engine.dispose()
    equal = stored == soak.uploaded
    print(f"records uploaded {soak.uploaded:,}, documents in the store {stored:,}: {'equal' if equal else 'NOT EQUAL'}")
    print(f"server log: {tmp / 'serve.log'}")
    sys.exit(0 if equal and not states["unfinished"] else 1)


if __name__ == "__main__":
    main()
