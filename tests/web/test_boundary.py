"""Hostile input at the server's boundary: NUL in metadata and parameters, deep JSON, errors
that must not leak SQL or other documents' text."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import ProgrammingError

from tendertrace import store
from tendertrace.web import runner

from .conftest import Api, make_api

FIELDS = ("id", "title", "published", "source", "content")


def _doc(i: int, **planted: str) -> dict[str, Any]:
    doc = {"id": f"n{i}", "title": f"服务器采购 {i}", "published": "2024-05-01", "source": f"portal-{i}",
           "content": f"采购人：某某大学{i}\n采购内容：服务器一批，配置NVIDIA A100"}
    doc.update(planted)
    return doc


def test_nul_in_each_metadata_field_fails_nothing(api: Api) -> None:
    docs = [_doc(i, **{field: f"{_doc(i)[field]}\x00x"}) for i, field in enumerate(FIELDS)] + [_doc(99)]
    job = api.wait(api.upload(json={"documents": docs}).json())
    assert job["status"] == "done" and job["error"] is None
    assert job["processed"] == len(docs) and job["failed"] == 0, job
    with api.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(store.documents)).scalar_one() == len(docs)
        titles = list(conn.execute(select(store.documents.c.title)).scalars())
    assert not any("\x00" in (t or "") for t in titles) and "服务器采购 1x" in titles


@pytest.mark.parametrize("url", ["/api/findings?q=%00abc", "/api/findings?provider=a%00", "/api/documents/a%00b",
                                 "/api/jobs/%00", "/?q=%00", "/documents/a%00b"])
def test_nul_in_query_or_path_parameters_is_422(api: Api, url: str) -> None:
    response = api.client.get(url)
    assert response.status_code == 422, response.text
    assert "NUL" in response.json()["error"]["message"]


def test_job_errors_are_short_and_leak_nothing(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = "另一份文件的正文 other document's text"

    def refuse(_engine: Any) -> None:
        raise ProgrammingError(f"INSERT INTO findings VALUES ('{secret}')", {"title": secret}, Exception("syntax"))

    monkeypatch.setattr(runner, "refresh_findings", refuse)
    job = api.wait(api.upload(json={"documents": [_doc(1)]}).json())
    assert job["status"] == "failed" and job["error"]
    assert len(job["error"]) <= store.MAX_ERROR_CHARS and "\n" not in job["error"]
    assert secret not in job["error"] and "INSERT" not in job["error"]


def test_deeply_nested_json_upload_is_400(api: Api) -> None:
    depth = 100_000
    body = '{"documents": ' + "[" * depth + "]" * depth + "}"
    response = api.client.post("/api/documents", content=body.encode(),
                               headers={**api.auth, "content-type": "application/json"})
    assert response.status_code == 400 and "nested" in response.json()["error"]["message"]
    assert api.client.get("/api/health").status_code == 200


def test_health_under_private_shows_no_counts(any_db: str) -> None:
    for app_api in make_api(any_db, public_reads=False):
        health = app_api.client.get("/api/health")
        assert health.status_code == 200 and "documents" not in health.json()
        assert health.json()["database"] == "up"
    for app_api in make_api(any_db):
        assert "documents" in app_api.client.get("/api/health").json()



def test_a_file_without_a_name_is_told_so(api: Api) -> None:
    for name in ("", "/"):
        response = api.upload([(name, b"<p>x</p>", "text/html")])
        assert response.status_code == 422 and "file name" in response.json()["error"]["message"], name
