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


def test_a_subsidiary_named_by_its_short_name_after_its_parent_is_the_buyer() -> None:
    ex = _ex("根据公告，东岭科技控股子公司西岭汇算拟采购100台高性能运算服务器，合同金额约1.68亿元。")
    assert ex.names("buyer") == ["西岭汇算"]
    ex = _ex("东岭科技全资子公司西岭智算于2024年3月1日采购算力服务。")
    assert ex.names("buyer") == ["西岭智算"]
    # a full name after the relation word is read whole as before
    assert _ex("公司全资子公司北京西岭智算科技有限公司拟采购GPU服务器。").names("buyer") == ["北京西岭智算科技有限公司"]


def test_a_bracket_defining_a_short_name_does_not_part_the_signing_pair() -> None:
    ex = _ex("2023年9月27日，东岭智算科技有限公司（以下简称“东岭智算”）与西岭信息技术有限公司（以下简称“西岭信息”）"
             "签订330台GPU服务器采购合同，合同金额为6.93亿元。")
    assert ex.names("buyer") == ["东岭智算科技有限公司"]
    assert ex.names("supplier") == ["西岭信息技术有限公司"]


def test_a_masked_counterpart_after_the_joiner_is_a_name_of_its_own() -> None:
    ex = _ex("2024年1月10日，东岭紫星与H公司签订100块GPU显卡采购合同，合同金额1500万元。")
    assert "东岭紫星与H公司" not in {p.name for p in ex.parties}
    assert "H公司" in ex.names("supplier")


def test_a_list_of_ranks_after_by_names_no_winner() -> None:
    assert _ex("本项目由综合评分第一名、第二名的保险公司分别作为第一中标人和第二中标人。").names("supplier") == []


def test_a_markdown_result_table_under_its_rule_names_the_supplier_and_the_award() -> None:
    ex = _ex("一、项目编号：DL-2025-0199\n二、项目名称：大模型应用研究服务采购\n三、采购结果\n"
             "供应商名称 | 供应商地址 | 评审方法 | 中标(成交)金额 | 评审总得分 |\n---|---|---|---|---|\n"
             "东岭理工大学(西岭) | 西岭市文化路2号 | 综合评分法 | 256,000.00元 | 85.20 |\n")
    assert ex.names("supplier") == ["东岭理工大学(西岭)"]
    assert ex.amount is not None and (ex.amount.value, ex.amount.kind) == (256000, "awarded")


def test_winners_named_with_their_awarded_sums_and_a_pattern_is_no_bureau() -> None:
    ex = _ex("国产生态呈现出更多厂商协同供给格局，东岭昆仑、西岭振宇、南岭计算等厂商中标金额均在6到9亿元区间。")
    assert ex.names("supplier") == ["东岭昆仑", "西岭振宇", "南岭计算"]
    assert not any(p.name.endswith("格局") for p in ex.parties)


def test_a_labelled_name_the_page_cut_short_is_the_whole_name_the_text_writes() -> None:
    ex = _ex("采购单位：东岭师范大学附属xx现代\n采购需求：东岭师范大学附属xx现代职业学校 AIGC 实训室建设项目\n")
    (buyer,) = [p for p in ex.parties if p.role == "buyer"]
    assert buyer.name == "东岭师范大学附属xx现代职业学校"
    assert buyer.span is not None and buyer.span.text == buyer.name
