"""Result tables: a header row names its columns; the supplier and amount columns give each row's."""

from __future__ import annotations

from tendertrace.extract import extract
from tendertrace.ingest import read_input
from tendertrace.ingest.html import html_to_text

RESULT_PAGE = """<html><body><h1>某某学院高性能计算服务器采购项目中标（成交）结果公告</h1>
<p>发布日期：2025-11-03</p><p>一、项目编号：HX-2025-077</p><p>二、采购人：某某学院</p><p>三、采购结果</p>
<table><tr><th>序号</th><th>中标（成交）供应商名称</th><th>供应商地址</th><th>中标（成交）金额(万元)</th></tr>
<tr><td>1</td><td>江城数算科技有限公司</td><td>湖北省武汉市洪山区珞喻路1号</td><td>328.5</td></tr></table>
</body></html>"""


def test_a_header_row_of_th_cells_is_not_read_as_label_value_pairs() -> None:
    text = html_to_text(RESULT_PAGE)
    assert "序号 | 中标（成交）供应商名称 | 供应商地址 | 中标（成交）金额(万元)" in text
    assert "序号：" not in text


def test_the_supplier_and_amount_columns_of_a_result_table_are_read() -> None:
    doc = next(read_input(RESULT_PAGE, name="result.html", source="result.html"))
    ex = extract(doc)
    assert ex.notice_type == "award"
    assert ex.names("supplier") == ["江城数算科技有限公司"]
    supplier = next(p for p in ex.parties if p.role == "supplier")
    assert supplier.span and doc.text[supplier.span.start:supplier.span.end] == "江城数算科技有限公司"
    assert ex.amount and ex.amount.value == 3285000 and ex.amount.kind == "awarded"


def test_an_agency_named_before_its_principal_gives_the_buyer_and_the_agency() -> None:
    text = "华东招标咨询有限公司受某市第一人民医院的委托，就医学影像平台建设项目进行公开招标。\n"
    doc = next(read_input(text, name="a.txt", source="a.txt"))
    ex = extract(doc)
    assert ex.names("buyer") == ["某市第一人民医院"]
    assert ex.names("agency") == ["华东招标咨询有限公司"]


def test_the_tendering_party_named_in_the_conditions_paragraph_is_the_buyer() -> None:
    text = ("1．招标条件\n本招标项目某区体育中心改造工程，建设单位为某区体育中心，招标人为某区城市建设投资有限公司，"
            "项目已具备招标条件，现对该项目进行公开招标。\n")
    doc = next(read_input(text, name="b.txt", source="b.txt"))
    assert extract(doc).names("buyer") == ["某区城市建设投资有限公司"]


def test_recharge_and_planned_purchase_amounts_are_read() -> None:
    doc = next(read_input("云服务充值采购公告\n四、充值金额：USD 60,000.00（美元陆万元整）\n", name="c.txt", source="c.txt"))
    ex = extract(doc)
    assert ex.amount and (ex.amount.value, ex.amount.currency) == (60000, "USD")
    doc = next(read_input("单一来源采购公示\n五、拟采购金额：人民币9,180,000.00元\n", name="d.txt", source="d.txt"))
    ex = extract(doc)
    assert ex.amount and ex.amount.value == 9180000 and ex.amount.kind == "budget"


def test_a_tab_separated_result_table_names_its_winner_and_amount() -> None:
    from ._docs import ex_of

    ex = ex_of("某学院运动服采购成交公告\n\n成交结果：\n\n包号\t成交供应商名称\t成交金额(元)\n001\t丹江市滨岸服装厂\t269100.00\n\n"
               "采购单位：某学院\n")
    assert [p.name for p in ex.parties if p.role == "supplier"] == ["丹江市滨岸服装厂"]
    assert ex.amount is not None and ex.amount.value == 269100
