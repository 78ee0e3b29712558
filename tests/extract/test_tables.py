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
