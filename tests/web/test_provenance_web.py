"""Uploads keep their file name and upload time; the finding and document pages link to the notice."""

from __future__ import annotations

from html import escape

from .conftest import Api
from .test_api import notice

URL = "https://www.ccgp.gov.cn/cggg/zygg/cjgg/202405/t20240501_1.htm"


def test_an_uploaded_file_keeps_its_name_and_upload_time(api: Api) -> None:
    job = api.scan([("成交公告.html", notice("华东理工大学"), "text/html")])
    doc_id = job["documents"][0]["id"]
    doc = api.client.get(f"/api/documents/{doc_id}", params={"text": False}).json()
    assert doc["provenance"]["upload_name"] == "成交公告.html" and doc["provenance"]["fetched_at"]
    assert doc["provenance"]["path"] is None  # the server's own copy is no origin
    (item,) = api.client.get("/api/findings").json()["items"]
    assert item["documents"][0]["provenance"]["upload_name"] == "成交公告.html"
    page = api.client.get(f"/findings/{item['case_id']}").text
    assert "upload 成交公告.html" in page


def test_a_record_with_an_address_links_back_to_it(api: Api) -> None:
    record = {"id": "ccgp-1", "title": "GPU服务器采购", "published": "2024-05-01", "format": "html", "source": URL,
              "content": notice("西南交通大学").decode("utf-8")}
    response = api.upload(json={"documents": [record]})
    assert response.status_code == 202, response.text
    api.wait(response.json())
    (item,) = api.client.get("/api/findings").json()["items"]
    prov = item["documents"][0]["provenance"]
    assert prov["url"] == URL and prov["record_id"] == "ccgp-1"
    link = f'<a href="{escape(URL)}" rel="noopener noreferrer">'
    assert link in api.client.get(f"/findings/{item['case_id']}").text
    assert link in api.client.get(f"/documents/{item['documents'][0]['id']}").text
