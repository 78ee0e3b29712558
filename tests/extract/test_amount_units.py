"""Amounts in the units and under the labels notices use: 千元 and a bare 亿 after a label, a unit
line above a table whose column a label names, a project's total investment only when nothing else
is stated, English labels, and never a deposit, fee or unit price."""

from __future__ import annotations

import pytest

from tendertrace.extract import extract
from tendertrace.extract.amounts import find_amounts
from tendertrace.model import Document
from tendertrace.text.fold import match_text

HEAD = "采购人：北方航天工程学院\n"
TAIL = "\n公告日期：2024年6月3日"


def amount_of(text: str, title: str = "GPU服务器采购公告") -> tuple[float | None, str | None]:
    ex = extract(Document(id="a", source="a.txt", format="text", title=title, text=text, match_text=match_text(text)))
    return (ex.amount.value, ex.amount.currency) if ex.amount else (None, None)


@pytest.mark.parametrize(("body", "value"), [
    ("成交金额：3,560千元", 3_560_000),
    ("预算金额：52.5千元", 52_500),
    ("总预算：1.2亿", 120_000_000),
    ("预算金额：人民币 356.8 万元", 3_568_000),
    ("（单位：千元）\n序号 | 货物名称 | 预算金额\n1 | GPU服务器 | 2,600", 2_600_000),
    ("（单位：亿元）\n项目 | 内容 | 预算金额\n智算中心 | 采购GPU服务器 | 3.6", 360_000_000),
    ("序号 | 货物名称 | 数量 | 预算金额（千元）\n1 | GPU服务器 | 4台 | 896.5", 896_500),
])
def test_units_of_yuan(body: str, value: float) -> None:
    assert amount_of(HEAD + body + TAIL)[0] == pytest.approx(value)


@pytest.mark.parametrize(("body", "value"), [
    # a total investment is the amount of a notice that states nothing else and buys nothing itself
    ("建设内容：采购GPU服务器\n项目总投资：12.5亿元", 1_250_000_000),
    # a budget beside it is the notice's amount
    ("项目总投资：12.5亿元\n本次采购预算：3,800万元", 38_000_000),
    ("本次采购预算：3,800万元\n项目总投资：12.5亿元", 38_000_000),
])
def test_total_investment_only_as_a_last_resort(body: str, value: float) -> None:
    assert amount_of(HEAD + body + TAIL, "智算中心建设项目审批公告")[0] == pytest.approx(value)


@pytest.mark.parametrize("title", ["智算中心项目设计招标公告", "GPU服务器采购公告", "智算中心项目造价咨询服务公告"])
def test_a_procurement_is_not_priced_by_its_project_investment(title: str) -> None:
    """A tender for a project's works or services states the project's investment beside it: the
    procurement's own price is another figure, or none."""
    assert amount_of(HEAD + "项目总投资：12.5亿元" + TAIL, title)[0] is None


def test_a_table_column_of_investment_under_a_unit_line() -> None:
    text = HEAD + "（单位：亿元）\n项目 | 内容 | 总投资\n智算中心 | 部署GPU服务器 | 3.6" + TAIL
    assert amount_of(text, "智算中心建设项目审批公告")[0] == pytest.approx(360_000_000)


@pytest.mark.parametrize(("body", "value", "currency"), [
    ("Amount: US$ 850,000", 850_000, "USD"),
    ("Contract sum: RMB 3,800,000", 3_800_000, "CNY"),
    ("The budget is HK$3.5 million.", 3_500_000, "HKD"),
])
def test_english_labels(body: str, value: float, currency: str) -> None:
    text = "Purchaser: Guangdong Marine Research Institute\nSupply of GPU servers\n" + body + "\nDate: 2024-06-03"
    assert amount_of(text, "Contract Award") == (pytest.approx(value), currency)


@pytest.mark.parametrize("body", [
    "Deposit amount: RMB 50,000",
    "Amount of tender fee: RMB 500",
    "Bid bond amount: US$ 5,000",
])
def test_english_deposits_and_fees_are_no_amount(body: str) -> None:
    text = "Purchaser: Guangdong Marine Research Institute\nSupply of GPU servers\n" + body + "\nDate: 2024-06-03"
    assert amount_of(text, "Invitation to Tender")[0] is None


@pytest.mark.parametrize(("text", "value"), [
    ("模型参数规模达到1750亿参数。", None),  # a bare 亿 counts parameters: no money without a label
    ("采购金额为3,560千元。", 3_560_000),
])
def test_figures_of_running_text(text: str, value: float | None) -> None:
    found = [a[0] for a in find_amounts(text)]
    assert found == ([] if value is None else [pytest.approx(value)])


@pytest.mark.parametrize(("text", "value", "currency"), [
    ("CNY 12m", 12_000_000, "CNY"),
    ("RMB5mn", 5_000_000, "CNY"),
    ("HK$3.5m", 3_500_000, "HKD"),
    ("US$1.5bn", 1_500_000_000, "USD"),
    ("12 million US dollars", 12_000_000, "USD"),
    ("2 million Hong Kong dollars", 2_000_000, "HKD"),
])
def test_english_abbreviations_after_a_currency(text: str, value: float, currency: str) -> None:
    assert [(a[0], a[1]) for a in find_amounts(text)] == [(pytest.approx(value), currency)]


@pytest.mark.parametrize("text", ["长度12m", "面积300 m2", "间距 5m，高度 3m"])
def test_a_length_is_no_money(text: str) -> None:
    """m after a bare figure is a metre; a figure is never read short of its digits (12m is not 1)."""
    assert find_amounts(text) == []


@pytest.mark.parametrize("text", ["成交金额：12m", "采购预算：300 m"])
def test_m_is_millions_only_after_a_currency(text: str) -> None:
    from tendertrace.extract.amounts import MONEY
    found = MONEY.search(text)
    assert found is None or found.group("unit") is None
