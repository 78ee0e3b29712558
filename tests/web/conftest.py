from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tendertrace import store
from tendertrace.store.tokens import create_token
from tendertrace.web import Settings, create_app


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
        while time.monotonic() < deadline:
            status = self.client.get(job["status_url"]).json()
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
