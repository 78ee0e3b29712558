"""The server keeps list versions and re-screens the stored parties after a list load (through
the API, the UI, or `lists load --db` from another process), and the findings page says what is
new since that list version."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tendertrace.cli import app as cli_app

from ..cli.test_rescreen import BRANCH, UNICOM, write_list
from .conftest import Api, make_api
from .test_api import EXAMPLE_FILES


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Api]:
    yield from make_api(f"sqlite:///{tmp_path / 's.db'}", rescreen_poll=0.2)


def wait_rescreen(api: Api, version: int, timeout: float = 60) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        events = api.client.get("/api/lists/versions").json()["rescreens"]
        done = [e for e in events if e["list_version"] == version and e["finished_at"]]
        if done:
            return api.client.get(f"/api/rescreens/{done[0]['id']}").json()
        time.sleep(0.1)
    raise AssertionError(f"no re-screening against list version {version}")


def sign_in(api: Api) -> str:
    """A browser session for the write token; the CSRF value the pages' forms carry."""
    form = api.client.get("/login").text
    login_csrf = re.search(r'name="csrf" value="([^"]+)"', form)
    assert login_csrf
    response = api.client.post("/login", data={"token": api.token, "csrf": login_csrf.group(1), "next": "/lists"},
                               follow_redirects=False)
    assert response.status_code == 303
    page = api.client.get("/lists").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page)
    assert csrf
    return csrf.group(1)


def test_a_list_loaded_through_the_api_rescreens_the_stored_parties(server: Api, tmp_path: Path) -> None:
    server.scan([(p.name, p.read_bytes(), "text/html") for p in EXAMPLE_FILES])
    path = write_list(tmp_path / "el.csv", [{"name": UNICOM}])
    refused = server.client.post("/api/lists", files={"file": ("el.csv", path.read_bytes(), "text/csv")})
    assert refused.status_code == 401  # writes need a token
    loaded = server.client.post("/api/lists", files={"file": ("el.csv", path.read_bytes(), "text/csv")},
                                headers=server.auth)
    assert loaded.status_code == 201, loaded.text
    (row,) = loaded.json()["loaded"]
    assert row["list"] == "EL" and row["count"] == 1 and row["source"] == "upload:el.csv"
    report = wait_rescreen(server, row["list_version"])
    new = [c for c in report["changes"] if c["kind"] == "new"]
    assert [c["party"] for c in new] == [BRANCH] and report["findings"]
    finding = server.client.get(f"/api/findings/{new[0]['case_id']}").json()
    assert any(h["party"] == BRANCH and h["entry"] == UNICOM for h in finding["listed"])

    page = server.client.get("/").text
    assert f"new since list version {row['list_version']}" in page and "id=\"new-since\"" in page
    overview = server.client.get("/api/lists/versions").json()
    assert overview["lists"][0]["list_version"] == row["list_version"] and len(overview["lists"][0]["hash"]) == 64

    removed = server.client.delete("/api/lists/EL", headers=server.auth)
    assert removed.status_code == 200 and removed.json()["removed"][0]["removed_in"] == row["list_version"] + 1
    cleared = wait_rescreen(server, row["list_version"] + 1)
    assert any(c["kind"] == "cleared" and c["party"] == BRANCH for c in cleared["changes"])


def test_a_bad_list_file_is_refused_with_a_reason(server: Api, tmp_path: Path) -> None:
    bad = server.client.post("/api/lists", files={"file": ("names.csv", b"a,b\n1,2\n", "text/csv")}, headers=server.auth)
    assert bad.status_code == 422 and "CSV" in bad.json()["error"]["message"]
    wrong = server.client.post("/api/lists", files={"file": ("list.exe", b"MZ", "application/octet-stream")},
                               headers=server.auth)
    assert wrong.status_code == 422
    assert server.client.get("/api/lists/versions").json()["versions"] == []


def test_a_writer_loads_and_removes_a_list_from_the_ui(server: Api, tmp_path: Path) -> None:
    server.scan([(p.name, p.read_bytes(), "text/html") for p in EXAMPLE_FILES])
    anonymous = server.client.get("/lists").text
    assert "Sign in" in anonymous and 'action="/lists/load"' not in anonymous
    csrf = sign_in(server)
    path = write_list(tmp_path / "el.csv", [{"name": UNICOM}])
    forged = server.client.post("/lists/load", data={"csrf": "nope"}, files={"file": ("el.csv", path.read_bytes())},
                                follow_redirects=False)
    assert forged.status_code == 403
    loaded = server.client.post("/lists/load", data={"csrf": csrf}, files={"file": ("el.csv", path.read_bytes())},
                                follow_redirects=False)
    assert loaded.status_code == 303 and loaded.headers["location"] == "/lists?loaded=1"
    report = wait_rescreen(server, 1)
    page = server.client.get("/lists").text
    assert "upload:el.csv" in page and f'href="/rescreens/{report["event"]}"' in page
    detail = server.client.get(f"/rescreens/{report['event']}").text
    assert escape(BRANCH) in detail and "badge new" in detail
    server.client.post("/lists/remove", data={"csrf": csrf, "name": "EL|upload:el.csv"}, follow_redirects=False)
    assert "upload:el.csv" not in server.client.get("/lists").text.split('id="versions"')[0]


def test_a_list_loaded_by_another_process_is_rescreened(server: Api, tmp_path: Path) -> None:
    server.scan([(p.name, p.read_bytes(), "text/html") for p in EXAMPLE_FILES])
    path = write_list(tmp_path / "el.csv", [{"name": UNICOM}])
    result = CliRunner().invoke(cli_app, ["lists", "load", str(path), "--db", server.url])
    assert result.exit_code == 0, result.output
    report = wait_rescreen(server, 1)
    assert any(c["kind"] == "new" and c["party"] == BRANCH for c in report["changes"])


def test_lists_page_warns_about_an_old_list(server: Api, tmp_path: Path) -> None:
    from datetime import timedelta

    from sqlalchemy import update

    from tendertrace import store

    path = write_list(tmp_path / "el.csv", [{"name": UNICOM}])
    server.client.post("/api/lists", files={"file": ("el.csv", path.read_bytes())}, headers=server.auth)
    with server.engine.begin() as conn:
        conn.execute(update(store.list_sources).values(loaded_at=store.now() - timedelta(days=40)))
    assert "loaded 40 days ago, over 30" in server.client.get("/lists").text
    assert server.client.get("/api/lists/versions?max_age=60").json()["lists"][0]["stale_days"] is None
