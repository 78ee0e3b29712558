"""One document's classification is bounded: a page naming chips thousands of times is read from
its first ``MAX_ITEM_MENTIONS`` item mentions, and the document says so."""

from __future__ import annotations

from tendertrace.ingest import read_input
from tendertrace.model import Document
from tendertrace.pipeline import process
from tendertrace.rules import MAX_ITEM_MENTIONS

LINE = "{n}. 租用GPU云服务器1台，配置NVIDIA A100 80GB，用于模型训练。\n"


def _doc(lines: int) -> Document:
    text = "算力租赁服务采购公告\n发布日期：2025-03-01\n采购人：某某大学\n" + "".join(LINE.format(n=n) for n in range(lines))
    doc = next(iter(read_input(text.encode(), name="page.txt", source="test", fmt="text")))
    assert isinstance(doc, Document)
    return doc


def test_a_page_repeating_a_chip_is_read_from_its_first_item_mentions() -> None:
    doc = _doc(MAX_ITEM_MENTIONS + 300)
    result = process(doc)
    assert result.classifications and all(c.compute_finding for c in result.classifications if c.chip)
    assert any(f"first {MAX_ITEM_MENTIONS:,}" in w for w in doc.warnings)


def test_an_ordinary_notice_has_no_such_note() -> None:
    doc = _doc(3)
    process(doc)
    assert not any("items read from the first" in w for w in doc.warnings)
