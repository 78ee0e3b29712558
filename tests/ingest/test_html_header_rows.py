"""A table's header row of label-like cells stays a header when the rows under it are data, not pairs."""

from __future__ import annotations

from tendertrace.extract import extract
from tendertrace.ingest import read_input

HEADER_OVER_DATA = (
    "<html><body><p>招标人为东湖水务集团股份有限公司。</p><table>"
    "<tr><td>标段号</td><td>服务内容</td><td>服务期限</td><td>最高限价</td></tr>"
    "<tr><td>一</td><td>管道检测咨询服务，具体详见第四章</td><td>2026年9月底前完成</td><td>人民币40万元</td></tr>"
    "</table></body></html>"
)
PAIRS = (
    "<html><body><table><tr><td>项目名称</td><td>某项目</td><td>预算金额</td><td>30万元</td></tr>"
    "<tr><td>采购人</td><td>某大学</td><td>代理机构</td><td>某公司</td></tr></table></body></html>"
)


def _doc(html: str):
    return next(read_input(html.encode(), name="x.html", source="x.html"))


def test_header_row_over_data_rows_names_columns() -> None:
    doc = _doc(HEADER_OVER_DATA)
    assert "标段号 | 服务内容 | 服务期限 | 最高限价" in doc.text
    ex = extract(doc)
    assert ex.amount is not None and (ex.amount.value, ex.amount.kind) == (400000, "max_price")


def test_rows_of_label_value_pairs_stay_pairs() -> None:
    text = _doc(PAIRS).text
    assert "项目名称：某项目" in text and "采购人：某大学" in text and "代理机构：某公司" in text
