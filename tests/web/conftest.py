from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from tendertrace import store
from tendertrace.store.tokens import create_token
from tendertrace.web import Settings, create_app

from ..conftest import PG_URL, _fresh_pg

# A server process imports the whole package and opens its store before it answers; on a loaded
# two-core machine that has taken 50 s, so the fixture waits well beyond it before failing.
SERVER_START_SECONDS = 180


class Api:
    """A test client on a real app (background job thread included) with a write token."""

    def __init__(self, client: TestClient, url: str) -> None:
        self.client, self.url = client, url
        self.engine = client.app.state.engine  # type: ignore[attr-defined]
        self.token, _ = create_token(self.engine, "alice", "write")
        self.auth = {"Authorization": f"Bearer {self.token}"}

    def upload(self, files: list[tuple[str, bytes]] | None = None, json: Any = None, **kw: Any) -> Any:
        if json is not None:
            return self.client.post("/api/documents", json=json, headers=self.auth, **kw)
        return self.client.post("/api/documents", files=[("files", f) for f in files or []], headers=self.auth, **kw)

    def wait(self, job: dict[str, Any], timeout: float = 120) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        status: dict[str, Any] = {}
        while time.monotonic() < deadline:
            response = self.client.get(job["status_url"])
            if response.status_code == 503:  # the database is away for a moment: ask again
                time.sleep(0.1)
                continue
            status = response.json()
            if status["status"] in ("done", "failed"):
                return status
            time.sleep(0.1)
        raise AssertionError(f"job {job['id']} did not finish: {status}")

    def scan(self, files: list[tuple[str, bytes]]) -> dict[str, Any]:
        response = self.upload(files)
        assert response.status_code == 202, response.text
        return self.wait(response.json())


def make_api(url: str, **settings: Any) -> Iterator[Api]:
    app = create_app(Settings(db=url, **settings))
    with TestClient(app) as client:
        yield Api(client, url)
    store.connect(url).dispose()


@pytest.fixture
def api(any_db: str) -> Iterator[Api]:
    yield from make_api(any_db)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def served(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A real ``tendertrace serve`` process on a free port, with a write token made by the CLI, on
    SQLite and on PostgreSQL when TENDERTRACE_TEST_PG names a server."""
    tmp = tmp_path_factory.mktemp("ui")
    if request.param == "postgresql":
        if not PG_URL:
            pytest.skip("no PostgreSQL server: set TENDERTRACE_TEST_PG (.ci/run starts one)")
        db = _fresh_pg(PG_URL)
    else:
        db = f"sqlite:///{tmp / 'ui.db'}"
    cli = [sys.executable, "-m", "tendertrace.cli"]
    made = subprocess.run([*cli, "tokens", "create", "alice", "--db", db], capture_output=True, text=True, check=True)
    token = made.stdout.strip().splitlines()[-1]
    port = _free_port()
    log = (tmp / "serve.log").open("w")  # a file, not a pipe: an unread pipe would fill and block the server
    proc = subprocess.Popen([*cli, "serve", "--db", db, "--port", str(port)], stdout=log, stderr=subprocess.STDOUT,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail(f"server did not start: {(tmp / 'serve.log').read_text()}")
    yield {"base": base, "token": token, "db": db, "tmp": str(tmp), "log": str(tmp / "serve.log")}
    proc.terminate()
    proc.wait(timeout=30)
    log.close()


