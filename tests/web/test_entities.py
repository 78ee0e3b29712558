"""Entity pages: every notice and finding naming a party across cases, and the suppliers serving
several buyers with findings drawn as an inline SVG network (API and UI)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import escape, unescape
from urllib.parse import urlencode

from .conftest import Api
from .test_api import notice

SUPPLIER = "北京云智算科技有限公司"
LONE = "上海算力服务有限公司"
BUYER_A, BUYER_B = "华东理工大学", "西南交通大学"


def scan_cases(api: Api) -> None:
    api.scan([
        ("a.html", notice(BUYER_A, SUPPLIER, "2024-03-01", "华东理工大学GPU服务器采购"), "text/html"),
        ("b.html", notice(BUYER_B, SUPPLIER, "2024-04-01", "西南交通大学GPU服务器采购"), "text/html"),
        ("c.html", notice("華東理工大學", LONE, "2024-05-01", "华东理工大学算力平台采购"), "text/html"),
    ])


def test_the_api_lists_every_notice_and_finding_naming_a_party(api: Api) -> None:
    scan_cases(api)
    page = api.client.get("/api/entity", params={"name": BUYER_A}).json()
    assert page["name"] == BUYER_A and "buyer" in page["roles"]
    assert len(page["findings"]) == 2 and len(page["documents"]) == 2  # the traditional spelling is the same party
    assert "華東理工大學" in page["spellings"]
    assert {c["name"] for c in page["counterparts"]} == {SUPPLIER, LONE}
    supplier = api.client.get("/api/entity", params={"name": SUPPLIER}).json()
    assert supplier["roles"] == ["supplier"] and {c["name"] for c in supplier["counterparts"]} == {BUYER_A, BUYER_B}
    assert api.client.get("/api/entity", params={"name": "无此单位"}).status_code == 404
    assert api.client.get("/api/entity", params={"name": "x" * 501}).status_code == 422


def test_the_api_names_suppliers_serving_several_buyers(api: Api) -> None:
    scan_cases(api)
    body = api.client.get("/api/entities").json()
    (served,) = body["suppliers"]
    assert served["name"] == SUPPLIER and set(served["buyers"]) == {BUYER_A, BUYER_B} and len(served["findings"]) == 2
    everyone = api.client.get("/api/entities", params={"min_buyers": 1}).json()["suppliers"]
    assert {s["name"] for s in everyone} == {SUPPLIER, LONE}
    named = {e["name"] for e in body["entities"]}
    assert {BUYER_A, BUYER_B, SUPPLIER, LONE} <= named
    assert [e["name"] for e in api.client.get("/api/entities", params={"q": "交通"}).json()["entities"]] == [BUYER_B]


def test_a_dismissed_finding_leaves_the_network(api: Api) -> None:
    scan_cases(api)
    items = api.client.get("/api/findings").json()["items"]
    case = next(f["case_id"] for f in items if BUYER_B in f["buyer"])
    api.client.post(f"/api/findings/{case}/reviews", json={"decision": "dismissed", "reason": "not compute"},
                    headers=api.auth)
    assert api.client.get("/api/entities").json()["suppliers"] == []


def test_the_ui_draws_the_network_and_links_every_party(api: Api) -> None:
    scan_cases(api)
    html = api.client.get("/entities").text
    svg = re.search(r"<svg role='img' aria-label='suppliers serving several buyers'.*?</svg>", html, re.S)
    assert svg is not None and "<script" not in html
    tree = ET.fromstring(svg.group(0))
    titles = {t.text for t in tree.iter("{http://www.w3.org/2000/svg}title")}
    assert {BUYER_A, BUYER_B, SUPPLIER} <= titles and LONE not in titles
    links = {unescape(a.get("href") or "") for a in tree.iter("{http://www.w3.org/2000/svg}a")}
    assert "/entity?" + urlencode({"name": SUPPLIER}) in links
    page = api.client.get("/entity", params={"name": SUPPLIER})
    assert page.status_code == 200 and escape(BUYER_A) in page.text and "aria-label='suppliers serving several buyers'" in page.text
    buyer = api.client.get("/entity", params={"name": BUYER_A}).text
    assert buyer.count('href="/findings/') == 2 and buyer.count('href="/documents/') == 2
    finding = api.client.get("/api/findings").json()["items"][0]
    detail = api.client.get(f"/findings/{finding['case_id']}").text
    assert escape("/entity?" + urlencode({"name": finding["buyer"][0]})) in detail
    assert api.client.get("/entity", params={"name": "无此单位"}).status_code == 404
