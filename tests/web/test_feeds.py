"""The Atom feed of alerts (token-protected with --private) and the Leads tab."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from fastapi.testclient import TestClient

from tendertrace import store
from tendertrace.leads import refresh_leads
from tendertrace.pipeline import scan
from tendertrace.store import alerts as alert_store
from tendertrace.store.tokens import create_token
from tendertrace.web import Settings, create_app

ATOM = "{http://www.w3.org/2005/Atom}"
LEAD = "<p>采购人：某市数据局</p><p>项目名称：某市智算中心建设项目</p><p>采购DeepSeek大模型一体机2台，国产昇腾910B加速卡。</p><p>发布日期：2025-07-01</p>"
FIRE = "<p>采购人：某公司</p><p>项目名称：智算中心消防系统维保服务</p><p>发布日期：2025-07-02</p>"


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'feeds.db'}"
    engine = store.connect(url)
    alert_store.add_alert(engine, "finding:c1", "finding", {"alert": "finding", "case_id": "c1", "title": "GPU<租赁>",
                                                            "buyer": ["某大学"], "evidence": ["租用8块A100"]},
                          [], "c1", 72.0, "GPU<租赁>")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "lead.html").write_text(LEAD, encoding="utf-8")
    (tmp_path / "in" / "fire.html").write_text(FIRE, encoding="utf-8")
    scan([str(tmp_path / "in")], engine)
    return url


def _client(db: str, **settings: object) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=db, background=False, **settings))) as client:  # type: ignore[arg-type]
        yield client


def test_feed_lists_alerts_as_atom(db: str) -> None:
    for client in _client(db):
        answer = client.get("/feeds/findings.atom")
        assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/atom+xml")
        feed = ElementTree.fromstring(answer.content)
        entries = feed.findall(f"{ATOM}entry")
        assert len(entries) == 1
        assert entries[0].findtext(f"{ATOM}title") == "[72] GPU<租赁>"  # escaped in the XML, read back whole
        assert entries[0].find(f"{ATOM}link").get("href").endswith("/findings/c1")  # type: ignore[union-attr]
        assert "租用8块A100" in (entries[0].findtext(f"{ATOM}summary") or "")


def test_private_feed_needs_a_token(db: str) -> None:
    token, _ = create_token(store.connect(db), "reader", "read")
    for client in _client(db, public_reads=False):
        assert client.get("/feeds/findings.atom").status_code == 401
        assert client.get("/feeds/findings.atom?token=tt_wrong").status_code == 401
        assert client.get(f"/feeds/findings.atom?token={token}").status_code == 200
        assert client.get("/feeds/findings.atom", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_leads_tab_lists_and_filters(db: str) -> None:
    for client in _client(db):
        page = client.get("/leads")
        assert page.status_code == 200
        assert "某市智算中心建设项目" in page.text and "ai_appliance" in page.text
        assert "消防" not in page.text  # a centre's fire-system service is no lead
        assert "某市智算中心建设项目" not in client.get("/leads?kind=compute_rental").text
        assert "某市智算中心建设项目" in client.get("/leads?kind=domestic_accelerator").text
        assert "No leads" in client.get("/leads?q=nothing-like-this").text
        assert 'href="/leads"' in client.get("/").text  # the tab is in the navigation
    assert refresh_leads(store.connect(db)) == 1
