"""The HTTP API on a real store (SQLite, and PostgreSQL when TENDERTRACE_TEST_PG is set), with
the background job thread scanning uploads as it does in production."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import select, text

from tendertrace import store
from tendertrace.store import jobqueue
from tendertrace.store.tokens import create_token

from ..conftest import EXAMPLES
from .conftest import Api, make_api

EXAMPLE_FILES = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".html", ".txt"))
NOTICE = """<html><body><h1>{title}</h1><p>采购人：{buyer}</p><p>成交供应商：{supplier}</p>
<p>采购内容：GPU服务器8台，每台配置8块NVIDIA H100 SXM</p><p>成交金额：￥3,200,000元</p><p>发布日期：{date}</p></body></html>"""


def notice(buyer: str, supplier: str = "北京某某科技有限公司", date: str = "2024-05-01", title: str = "服务器采购成交公告") -> bytes:
    return NOTICE.format(buyer=buyer, supplier=supplier, date=date, title=title).encode("utf-8")


def test_health_and_openapi(api: Api) -> None:
    health = api.client.get("/api/health").json()
    assert health["status"] == "ok" and health["schema"] == "0007"
    spec = api.client.get("/openapi.json").json()
    assert {"/api/screen", "/api/documents", "/api/findings", "/api/findings/{case_id}", "/api/documents/{doc_id}",
            "/api/jobs/{job_id}"} <= set(spec["paths"])
    assert "multipart/form-data" in spec["paths"]["/api/documents"]["post"]["requestBody"]["content"]


def test_screen_batch_across_scripts(api: Api) -> None:
    names = ["中国科学技术大学苏州高等研究院", "西北工业大学", "Univ. of Sci. & Tech. of China", "苹果公司"]
    body = api.client.post("/api/screen", json={"names": names}).json()
    assert body["sample_list"] is True and body["lists"]
    by_query = {r["query"]: r["hits"] for r in body["results"]}
    assert [r["query"] for r in body["results"]] == names
    suzhou = by_query["中国科学技术大学苏州高等研究院"][0]
    assert suzhou["relation"] == "affiliate" and "University of Science and Technology of China" in suzhou["entry"]
    assert by_query["西北工业大学"][0]["entry"] == "Northwestern Polytechnical University"
    assert by_query["西北工业大学"][0]["federal_register"]
    assert by_query["苹果公司"] == []


def test_clear_json_errors(api: Api) -> None:
    bad = api.client.post("/api/screen", json={"names": []})
    assert bad.status_code == 422 and bad.json()["error"]["message"] == "invalid request"
    assert bad.json()["error"]["details"][0]["where"].startswith("body")
    assert api.client.post("/api/screen", json={"names": ["x"] * 1001}).status_code == 422
    missing = api.client.get("/api/findings/nope")
    assert missing.status_code == 404 and missing.json() == {"error": {"status": 404, "message": "no such finding"}}
    assert api.client.get("/api/findings", params={"from": "yesterday"}).status_code == 422
    assert api.client.get("/api/findings", params={"per_page": 0}).status_code == 422


def test_writes_need_a_write_token(api: Api) -> None:
    files = [("files", ("a.html", notice("深圳大学"), "text/html"))]
    assert api.client.post("/api/documents", files=files).status_code == 401
    wrong = api.client.post("/api/documents", files=files, headers={"Authorization": "Bearer tt_not-a-token"})
    assert wrong.status_code == 401 and "invalid" in wrong.json()["error"]["message"]
    reader, _ = create_token(api.engine, "reader", "read")
    read_only = api.client.post("/api/documents", files=files, headers={"Authorization": f"Bearer {reader}"})
    assert read_only.status_code == 403
    assert api.client.get("/api/me", headers={"Authorization": f"Bearer {reader}"}).json()["name"] == "reader"


def test_tokens_are_hashed_at_rest(api: Api) -> None:
    with api.engine.connect() as conn:
        rows = conn.execute(select(store.api_tokens)).mappings().all()
    assert rows and all(api.token not in json.dumps({k: str(v) for k, v in r.items()}) for r in rows)
    assert hashlib.sha256(api.token.encode()).hexdigest() in {r["token_hash"] for r in rows}


def test_private_reads(any_db: str) -> None:
    for api in make_api(any_db, public_reads=False):
        assert api.client.get("/api/findings").status_code == 401
        assert api.client.post("/api/screen", json={"names": ["x"]}).status_code == 401
        assert api.client.get("/api/findings", headers=api.auth).status_code == 200
        assert api.client.get("/").status_code == 401


def test_upload_limits(any_db: str) -> None:
    for api in make_api(any_db, max_request_bytes=200_000):
        big = api.upload([("big.html", b"<p>" + b"x" * 300_000 + b"</p>", "text/html")])
        assert big.status_code == 413 and "limit" in big.json()["error"]["message"]
        exe = api.upload([("tool.exe", b"MZ\x90\x00", "application/octet-stream")])
        assert exe.status_code == 415 and "not accepted" in exe.json()["error"]["message"]
        fake_pdf = api.upload([("notice.pdf", b"<html>not a pdf</html>", "application/pdf")])
        assert fake_pdf.status_code == 415
        assert api.client.post("/api/documents", content=b"hello", headers={**api.auth, "content-type": "text/plain"}
                               ).status_code == 415
        with api.engine.connect() as conn:  # nothing refused was queued
            assert conn.execute(select(store.jobs)).first() is None


def test_upload_scan_findings_and_document(api: Api) -> None:
    files = [(p.name, p.read_bytes(), "text/html") for p in EXAMPLE_FILES]
    files.append(("broken.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "application/pdf"))
    job = api.scan(files)
    assert job["status"] == "done" and job["inputs"] == len(files)
    assert job["failed"] == 1 and job["processed"] == len(files) - 1, job
    failed = next(d for d in job["documents"] if d["status"] == "failed")
    assert "broken.pdf" in failed["source"] and failed["reason"]
    page = api.client.get("/api/findings").json()
    assert page["total"] == 4
    shenzhen = next(i for i in page["items"] if i["buyer"] == ["深圳大学"])
    assert shenzhen["provider"] == ["Amazon Web Services"] and shenzhen["route"] == ["cloud_account"]
    finding = api.client.get(shenzhen["url"]).json()
    assert {k: v for k, v in finding.items() if k != "reviews"} == shenzhen  # one shape in the list and the detail
    assert finding["suppliers"] == ["成都运达科技股份有限公司"] and finding["amount"] == 200000
    doc = api.client.get(f"/api/documents/{finding['documents'][0]['id']}").json()
    for ev in [*finding["evidence"], *doc["evidence"]]:
        assert doc["text"][ev["start"]:ev["end"]] == ev["text"]
    assert {"A100", "H100 SXM"} <= {e["label"] for e in doc["evidence"] if e["kind"] == "item"}
    assert {"A100", "H100"} <= {ev["text"] for ev in finding["evidence"]} | {
        c["chip"] for c in finding["classification"] if c.get("chip")}
    again = api.scan(files)  # re-running is idempotent
    assert again["skipped"] == len(files) and api.client.get("/api/findings").json()["total"] == 4


def test_upload_json_documents_and_jsonl(api: Api) -> None:
    docs = {"documents": [{"id": "r1", "title": "算力租赁", "published": "2024-06-18",
                           "content": "采购人：中国科学技术大学苏州高等研究院\n租用云服务器500台，每台配置8块NVIDIA A100"}]}
    job = api.wait(api.upload(json=docs).json())
    assert job["processed"] == 1
    record = {"id": "j1", "content": "采购人：四川大学\n采购内容：Azure OpenAI 服务 4000万tokens"}
    lines = json.dumps(record, ensure_ascii=False).encode() + b"\n{broken\n"
    job = api.wait(api.upload([("batch.jsonl", lines, "application/x-ndjson")]).json())
    assert job["processed"] == 1 and job["failed"] == 1
    assert "bad JSON-lines record" in next(d["reason"] for d in job["documents"] if d["status"] == "failed")
    listed = api.client.get("/api/findings", params={"listed": "true"}).json()
    assert {b for i in listed["items"] for b in i["buyer"]} >= {"中国科学技术大学苏州高等研究院", "四川大学"}


def test_filters_sorting_pagination(api: Api) -> None:
    api.scan([(p.name, p.read_bytes(), "text/html") for p in EXAMPLE_FILES])
    get = lambda **p: api.client.get("/api/findings", params=p).json()  # noqa: E731
    assert [i["buyer"] for i in get(provider="Microsoft Azure")["items"]] == [["四川大学"]]
    assert all("cloud_account" in i["route"] for i in get(route="cloud_account")["items"])
    assert get(band="4A090.a")["total"] >= 1 and all("4A090.a" in i["bands"] for i in get(band="4A090.a")["items"])
    assert {i["date"] for i in get(**{"from": "2024-05-01", "to": "2024-12-31"})["items"]} <= {"2024-05-10", "2024-06-18"}
    scores = [i["score"] for i in get(sort="score", order="asc")["items"]]
    assert scores == sorted(scores)
    dates = [i["date"] for i in get(sort="date", order="desc")["items"]]
    assert dates == sorted(dates, reverse=True)
    first, second = get(per_page=2, page=1), get(per_page=2, page=2)
    assert first["total"] == 4 and len(first["items"]) == 2 and len(second["items"]) == 2
    assert not {i["case_id"] for i in first["items"]} & {i["case_id"] for i in second["items"]}
    assert get(q="深圳")["total"] == 1
    assert get(provider="%")["total"] == 0  # a LIKE wildcard is matched literally
    for hostile in ("'; DROP TABLE findings; --", "\" OR 1=1 --", "深圳' OR '1'='1"):  # bound parameters only
        assert get(q=hostile)["total"] == 0 and get(provider=hostile)["total"] == 0
    assert get()["total"] == 4


def test_review_persists_suppresses_later_hits_and_keeps_an_audit_trail(api: Api) -> None:
    api.scan([("a.html", notice("西北工业大学", title="第一次采购"), "text/html")])
    item = api.client.get("/api/findings").json()["items"][0]
    finding = api.client.get(item["url"]).json()
    hit = finding["listed"][0]
    assert hit["entry"] == "Northwestern Polytechnical University"
    score_before = finding["score"]
    url = f"/api/findings/{item['case_id']}/reviews"
    assert api.client.post(url, json={"decision": "dismissed", "reason": "x", "hit": hit["key"]}).status_code == 401
    assert api.client.post(url, json={"decision": "maybe", "reason": "x"}, headers=api.auth).status_code == 422
    assert api.client.post(url, json={"decision": "dismissed", "reason": ""}, headers=api.auth).status_code == 422
    made = api.client.post(url, json={"decision": "dismissed", "reason": "a namesake, not the listed university",
                                      "hit": hit["key"]}, headers=api.auth)
    assert made.status_code == 201 and made.json()["reviewer"] == "alice"
    after = api.client.get(item["url"]).json()
    assert after["listed"] == [] and after["suppressed"][0]["key"] == hit["key"] and after["score"] < score_before
    assert after["reviews"][0]["reason"] == "a namesake, not the listed university"
    # A later scan of another notice naming the same party: the hit stays suppressed.
    api.scan([("b.html", notice("西北工业大学", title="第二次采购", date="2024-07-01"), "text/html")])
    later = api.client.get("/api/findings", params={"from": "2024-07-01"}).json()["items"][0]
    later_finding = api.client.get(later["url"]).json()
    assert later["case_id"] != item["case_id"] and later_finding["listed"] == []
    assert later_finding["suppressed"][0]["key"] == hit["key"] and later["listed"] == []
    # Confirm a case; the latest decision counts, every decision stays in the trail.
    api.client.post(url, json={"decision": "confirmed", "reason": "H100 servers bought"}, headers=api.auth)
    api.client.post(url, json={"decision": "dismissed", "reason": "duplicate of another case"}, headers=api.auth)
    api.client.post(url, json={"decision": "confirmed", "reason": "not a duplicate after all"}, headers=api.auth)
    final = api.client.get(item["url"]).json()
    assert final["review_status"] == "confirmed"
    assert [r["decision"] for r in final["reviews"]] == ["confirmed", "dismissed", "confirmed", "dismissed"]
    assert all(r["reviewer"] == "alice" and r["decided_at"] for r in final["reviews"])
    assert api.client.get("/api/findings", params={"review": "confirmed"}).json()["total"] == 1
    assert store.latest_decisions(api.engine)[f"case:{item['case_id']}"]["reason"] == "not a duplicate after all"


def test_a_job_left_running_by_a_dead_server_is_taken_again(api: Api) -> None:
    job_id = jobqueue.create_job(api.engine, [("a.html", notice("深圳大学"))], [], "alice")
    with api.engine.begin() as conn:  # as if a server took it and died an hour ago
        conn.execute(text("UPDATE jobs SET status = 'running', worker = 'gone', heartbeat_at = :t WHERE id = :id"),
                     {"t": store.now() - jobqueue.DEFAULT_LEASE * 60, "id": job_id})
    api.client.app.state.wake_runner()  # type: ignore[attr-defined]
    done = api.wait({"id": job_id, "status_url": f"/api/jobs/{job_id}"})
    assert done["status"] == "done" and done["processed"] == 1


@pytest.mark.parametrize("path", ["/api/findings", "/", "/findings/x", "/api/documents/x"])
def test_security_headers(api: Api, path: str) -> None:
    response = api.client.get(path)
    assert "script-src" not in response.headers["content-security-policy"]
    assert response.headers["content-security-policy"].startswith("default-src 'none'")
    assert response.headers["x-content-type-options"] == "nosniff"


def test_example_files_present() -> None:
    assert len(EXAMPLE_FILES) == 5 and all(isinstance(p, Path) for p in EXAMPLE_FILES)


def test_screen_reports_an_owned_party_once_ownership_is_loaded(api: Api) -> None:
    from pathlib import Path

    from tendertrace.ownership import load_files

    name = "南京示例雷达技术有限公司"
    assert api.client.post("/api/screen", json={"names": [name]}).json()["results"][0]["hits"] == []
    holdings = Path(__file__).resolve().parents[1] / "ownership" / "fixtures" / "holdings.csv"
    load_files(api.engine, [holdings])
    api.client.app.state.screeners.ttl = 0  # type: ignore[attr-defined]
    [hit] = api.client.post("/api/screen", json={"names": [name]}).json()["results"][0]["hits"]
    assert hit["relation"] == "owned" and "55 %" in hit["explanation"] and "Affiliates rule" in hit["explanation"]
