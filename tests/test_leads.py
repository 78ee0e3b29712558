"""Leads: compute procured with no US signal, by kind, with evidence; findings, excluded lines and
a centre named only as a place are no leads."""

from __future__ import annotations

from pathlib import Path

import pytest

from tendertrace import store
from tendertrace.ingest import read_input
from tendertrace.leads import find_leads, kinds, refresh_leads
from tendertrace.pipeline import process, scan
from tendertrace.store.leads import query_leads


def _kinds(text: str) -> set[str]:
    doc = next(read_input(text, name="a.txt", source="t"))
    return {e.kind for e in find_leads(doc.text, process(doc).to_dict())}  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "expected"), [
    ("某局DeepSeek服务器AI一体机设备采购，预算50万元", {"ai_appliance"}),
    ("智算中心算力租赁服务，采用昇腾910B，共200P", {"computing_centre", "compute_rental", "domestic_accelerator"}),
    ("采购GPU服务器4台，每台8卡", {"gpu_server_unnamed"}),
    ("行业大模型精调及推理套装软件购置", {"model_deployment"}),
    ("某市智算中心建设项目招标公告", {"computing_centre"}),
])
def test_lead_kinds(text: str, expected: set[str]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize("text", [
    "宁波人工智能超算中心物业管理服务",  # the centre as a place
    "国家算力中心10kV电力线路工程",
    "租用云服务器500台，每台配置8块NVIDIA A100，用于上海人工智能实验室",  # a finding, not a lead
    "办公电脑采购项目",
])
def test_no_lead(text: str) -> None:
    assert _kinds(text) == set()


def test_every_kind_has_a_label_and_a_source() -> None:
    for kind in kinds():
        assert kind.label and len(kind.source) > 20 and (kind.patterns or kind.mentions)


def test_refresh_reads_only_new_documents(tmp_path: Path) -> None:
    engine = store.connect(str(tmp_path / "l.db"))
    (tmp_path / "a.txt").write_text("采购人：某市数据局\n某市智算中心建设项目，采购DeepSeek一体机", encoding="utf-8")
    scan([str(tmp_path / "a.txt")], engine)
    assert refresh_leads(engine) == 1
    total, rows = query_leads(engine, kind="ai_appliance")
    assert total == 1 and rows[0]["buyer"] == "某市数据局" and rows[0]["evidence"][0]["line"]
    (tmp_path / "b.txt").write_text("采购GPU服务器2台", encoding="utf-8")
    scan([str(tmp_path / "b.txt")], engine)
    assert refresh_leads(engine) == 2
    assert query_leads(engine, kind="gpu_server_unnamed")[0] == 1
