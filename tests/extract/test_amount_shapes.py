"""Amounts in shapes of their own: a contract amendment's figure after the change, a heading that is
the amount's label with the figure on the line under it, a finance lease's price of the leased goods
on a line that also states a rate, and bare figures of an itemised list under a unit line."""

from __future__ import annotations

import pytest

from tendertrace.findings import result_finding
from tendertrace.ingest import read_input
from tendertrace.model import CaseDocument
from tendertrace.pipeline import process
from tests.extract._docs import ex_of


def finding_amount(text: str) -> float | None:
    doc = next(read_input(text, name="a.txt", source="a.txt"))
    found = result_finding(process(doc), CaseDocument(id="a", file="a.txt"), doc.match_text or doc.text)  # type: ignore[union-attr, arg-type]
    assert found is not None
    return found.amount


def test_an_amendment_states_the_contract_amount_after_the_change() -> None:
    ex = ex_of("合同变更公告\n采购人：西溪智能研究院\n原合同金额：36.00万元\n变更增加金额：9.00万元\n调整后合同金额：45.00万元\n")
    assert ex.amount is not None and ex.amount.value == 450_000


@pytest.mark.parametrize(("text", "value"), [
    ("采购需求公示\n需求单位：西溪智能研究院\n三、预算\n人民币壹佰陆拾万元整。\n", 1_600_000),
    ("采购需求公示\n需求单位：西溪智能研究院\n2. 采购预算\n人民币85万元\n", 850_000),
])
def test_a_heading_label_takes_the_figure_under_it(text: str, value: float) -> None:
    ex = ex_of(text)
    assert ex.amount is not None and ex.amount.value == value


def test_a_lease_price_on_a_line_that_states_a_rate() -> None:
    ex = ex_of("关于设备融资租赁合同签订的公告\n承租人：青川数智科技有限公司\n"
               "租赁物购买价款：3,200万元；租期：24个月；综合年化费率5.1%\n")
    assert ex.amount is not None and ex.amount.value == 32_000_000


def test_a_rate_in_the_labels_own_field_still_is_no_amount() -> None:
    ex = ex_of("询价公告\n采购人：西溪智能研究院\n下浮率报价：3.50万元\n")
    assert ex.amount is None


def test_an_itemised_list_under_a_unit_line_prices_the_compute_line() -> None:
    text = ("2025年部门预算项目支出表\n预算单位：西溪智能研究院            单位：万元\n"
            "项目总金额：210.00\n"
            "（1）数据标注服务                          58.00\n"
            "（2）租用NVIDIA H100 GPU云服务器用于模型训练        96.00\n"
            "（3）会议及差旅                            12.00\n")
    assert finding_amount(text) == pytest.approx(960_000)


def test_a_unit_line_after_long_runs_of_layout_blanks() -> None:
    # PDF text keeps a page's layout as runs of blanks; the unit line is still read, and each run is
    # one attempt of the pattern, not one per blank (runs like these once took seconds per line).
    blanks = " " * 150
    text = ("2025年部门预算项目支出表\n预算单位：西溪智能研究院" + blanks + "单位：万元\n"
            "（1）数据标注服务" + blanks + "58.00\n"
            "（2）租用NVIDIA H100 GPU云服务器用于模型训练" + blanks + "96.00\n")
    assert finding_amount(text) == pytest.approx(960_000)
