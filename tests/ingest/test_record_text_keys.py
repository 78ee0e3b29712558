"""JSON-lines listing records that hold their text under another key than ``content`` (正文, text) and
name their parties with Chinese keys: records written for this test."""

from __future__ import annotations

import json
from pathlib import Path

from tendertrace.extract import extract
from tendertrace.ingest import iter_documents
from tendertrace.model import Document


def test_a_record_with_its_text_under_zhengwen_and_chinese_keys(tmp_path: Path) -> None:
    record = {"标题": "江城市第一中学电脑采购项目成交公告", "正文": "成交供应商：江城数码科技有限公司；成交金额：8.65万元。",
              "招标单位": "江城市第一中学", "中标单位": "江城数码科技有限公司", "发布时间": "2021-09-07 16:20:11"}
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    docs = list(iter_documents([path]))
    assert len(docs) == 1 and isinstance(docs[0], Document)
    ex = extract(docs[0])
    assert ex.names("buyer") == ["江城市第一中学"]
    assert ex.names("supplier") == ["江城数码科技有限公司"]


def test_a_record_with_no_text_at_all_fails_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps({"标题": "无正文"}, ensure_ascii=False) + "\n", encoding="utf-8")
    (failure,) = list(iter_documents([path]))
    assert not isinstance(failure, Document) and "content" in failure.reason
