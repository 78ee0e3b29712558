"""The review UI's pages render the stored finding and document without a browser (the Chromium
tests in test_ui.py drive the same pages end to end where Chromium is installed)."""

from __future__ import annotations

from html import escape

from .conftest import Api
from .test_api import EXAMPLE_FILES


def test_list_finding_and_document_pages_show_the_finding(api: Api) -> None:
    api.scan([(p.name, p.read_bytes(), "text/html") for p in EXAMPLE_FILES])
    items = api.client.get("/api/findings").json()["items"]
    page = api.client.get("/").text
    for item in items:
        assert escape("; ".join(item["buyer"])) in page and f"/findings/{item['case_id']}" in page
        detail = api.client.get(f"/findings/{item['case_id']}")
        assert detail.status_code == 200 and "<mark>" in detail.text
        assert all(escape(h["entry"]) in detail.text for h in item["listed"])
        doc = api.client.get(f"/documents/{item['documents'][0]['id']}")
        assert doc.status_code == 200 and escape(item["buyer"][0]) in doc.text
        assert all(escape(h["entry"]) in doc.text for h in item["listed"])


def test_domain_errors_become_error_pages(api: Api) -> None:
    assert api.client.get("/findings/nope").status_code == 404
    assert api.client.get("/documents/nope").status_code == 404
    assert api.client.get("/?review=bogus").status_code == 422
    bad_date = api.client.get("/?from=2024-13")
    assert bad_date.status_code == 422 and "YYYY-MM-DD" in bad_date.text
    assert api.client.get("/api/findings/nope").json() == {"error": {"status": 404, "message": "no such finding"}}
