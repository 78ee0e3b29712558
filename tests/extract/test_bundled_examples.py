"""The bundled examples extract as a reader of them would: type, parties, spans and titles."""

from __future__ import annotations

from pathlib import Path

import pytest

from tendertrace.extract import extract
from tendertrace.ingest import iter_documents, read_input

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _example(name: str):
    doc = next(d for d in iter_documents([EXAMPLES / name]))
    return doc, extract(doc)


def test_single_source_example_names_its_proposed_supplier() -> None:
    doc, ex = _example("ningbo_parking_tencent_cloud.html")
    assert doc.title == "智慧停车服务平台云服务项目单一来源采购公示"
    assert ex.notice_type == "single_source"
    assert ex.names("supplier") == ["中国联合网络通信有限公司宁波市分公司"]
    # no fragment of the supplier's name is screened as a party of its own
    assert [p.name for p in ex.parties if p.role == "mentioned"] == []


def test_self_procurement_remark_is_no_agency() -> None:
    _, ex = _example("shenzhen_university_aws.html")
    assert ex.names("agency") == []
    assert ex.names("buyer") == ["深圳大学"]


@pytest.mark.parametrize("value", ["深圳大学（自行采购）", "自行组织", "自行采购"])
def test_agency_field_saying_self_procured(value: str) -> None:
    doc = next(read_input(f"采购公告\n采购人：深圳大学\n采购代理机构：{value}\n", name="n.txt", source="n.txt"))
    names = extract(doc).names("agency")
    assert names == []


def test_mention_spans_start_and_end_on_text() -> None:
    for name in ("shenzhen_university_aws.html", "ustc_suzhou_gpu_rental.html", "sichuan_university_azure_openai.txt"):
        doc, ex = _example(name)
        for m in ex.mentions:
            assert m.text == m.text.strip() and m.text, (name, m)
            assert doc.text[m.start:m.end] == m.text


def test_html_file_takes_its_title_element() -> None:
    html = "<html><head><title> 某大学GPU服务器采购&amp;安装公告 </title></head><body><p>采购人：某大学</p></body></html>"
    doc = next(read_input(html.encode(), name="x.html", source="x.html"))
    assert doc.title == "某大学GPU服务器采购&安装公告"
    assert "GPU服务器采购" not in doc.text  # the head is not body text


def test_text_file_is_titled_by_its_project_name() -> None:
    doc = next(read_input("发布时间：2024年5月1日\n项目名称：算力租赁服务项目\n采购人：某研究院\n".encode(), name="x.txt", source="x.txt"))
    extract(doc)
    assert doc.title == "算力租赁服务项目"


NSCMIC = Path(__file__).resolve().parents[3] / "shared" / "data" / "lists" / "us_lists_nsfreg_2026-07" / "ofac_nscmic.json"


@pytest.mark.skipif(not NSCMIC.exists(), reason="needs ../shared/data/lists (the NS-CMIC list)")
def test_single_source_example_supplier_screens_as_china_unicom_on_nscmic() -> None:
    from tendertrace.screen import Screener
    from tendertrace.screen.lists import load_file

    _, ex = _example("ningbo_parking_tencent_cloud.html")
    screener = Screener([e for *_, entries in load_file(NSCMIC) for e in entries])
    hits = screener.screen(ex.names("supplier")[0])
    assert hits and hits[0].entry.list == "NS-CMIC" and "China United Network" in hits[0].entry.name
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    assert "NS-CMIC" in readme and "no US provider, chip or listed party" not in readme
