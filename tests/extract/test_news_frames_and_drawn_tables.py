"""News of an operator's centralised procurement names its buyer by the verb that opens or closes
it (启动…集采, 完成…的集采) and its winners in a list after 由; tables drawn with box-drawing bars or
aligned with ideographic spaces are read, their columns measured on the text as written. Texts
written for these tests."""

from __future__ import annotations

from tendertrace.extract import extract
from tendertrace.extract.tables import find_tables
from tendertrace.model import Document
from tendertrace.text.fold import match_text


def _ex(text: str):  # type: ignore[no-untyped-def]
    return extract(Document(id="t", source="t", format="text", text=text))


def test_the_operator_that_launches_a_centralised_procurement_is_its_buyer() -> None:
    ex = _ex("今日，中国移动启动2027-2028年人工智能服务器产品集采，将采购人工智能服务器3000台。")
    assert ex.names("buyer") == ["中国移动"]
    ex = _ex("截至月底，中国电信完成2026到2027年AI推理型服务器的集采。")
    assert ex.names("buyer") == ["中国电信"]


def test_a_company_completing_a_delivery_buys_nothing() -> None:
    assert _ex("浪潮信息完成了服务器的交付。").names("buyer") == []


def test_every_winner_of_a_list_after_the_word_for_by() -> None:
    ex = _ex("其中，类CUDA生态设备由中兴通讯、新华三和浪潮计算机中标，合计约8.5亿元。")
    assert ex.names("supplier") == ["中兴通讯", "新华三", "浪潮计算机"]


def test_a_table_drawn_with_box_drawing_bars() -> None:
    text = ("┌────┬──────────────┬──────────┐\n│包号│采购内容      │预算金额（元）│\n├────┼──────────────┼──────────┤\n"
            "│1   │GPU云服务器租赁 │1,200,000.00  │\n└────┴──────────────┴──────────┘\n")
    (table,) = find_tables(text)
    assert [c.text for c in table.header.cells] == ["包号", "采购内容", "预算金额（元）"]
    assert [m.value for m in table.rows[0].money] == [1200000.0]


def test_a_table_aligned_with_ideographic_spaces() -> None:
    text = ("\u3000\u3000序号\u3000\u3000项目\u3000\u3000\u3000\u3000\u3000\u3000投资金额（万元）\n"
            "\u3000\u30001\u3000\u3000GPU训练服务器\u3000\u3000\u300010,880.00\n")
    (table,) = find_tables(text)
    assert [m.value for r in table.rows for m in r.money] == [108800000.0]


def test_an_aligned_table_is_measured_on_the_text_as_written_not_its_folded_form() -> None:
    # folding makes the row's full-width brackets and commas half-width: in the folded text its last two
    # cells would both fall under the header's 数量
    text = ("序号  申报单位    进口产品名称及主要规格                      数量  预算金额（万元）\n"
            "1     东岭医院    256排螺旋CT                                 1台   1,650.00\n"
            "2     东岭大学    GPU服务器（每台8×L40S，双路CPU，1TB内存）   3台   420.00\n")
    folded = match_text(text)
    assert len(folded) == len(text)
    values = [m.value for t in find_tables(folded, text) for r in t.rows for m in r.money]
    assert values == [16500000.0, 4200000.0]
