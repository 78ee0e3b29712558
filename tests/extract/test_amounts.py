"""Money in running text and in other currencies: each figure with its unit, scale and currency."""

from __future__ import annotations

import pytest

from tendertrace.extract import extract
from tendertrace.ingest import read_input


def _amount(text: str):
    doc = next(read_input(text, name="n.txt", source="n.txt"))
    ex = extract(doc)
    return (ex.amount.value, ex.amount.currency) if ex.amount else None


@pytest.mark.parametrize(("text", "value", "currency"), [
    ("The approved budget ceiling for this tender is HK$15,600,000 (Hong Kong Dollars).", 15600000, "HKD"),
    ("Value of contract: GBP 1,740,000 excluding VAT", 1740000, "GBP"),
    ("Value of contract: £2,500,000", 2500000, "GBP"),
    ("The contract is worth about US$18.6 million over its term.", 18600000, "USD"),
    ("It had signed a two-year agreement worth 210 million yuan with a computing firm.", 210000000, "CNY"),
    ("for a total of about $18.4 million, the documents show.", 18400000, "USD"),
    ("合同金额：50万美元", 500000, "USD"),
    ("合同金额为1.2亿港元", 120000000, "HKD"),
    ("二、续费金额：人民币148,500.00元", 148500, "CNY"),
    ("合同金额为人民币3.26亿元，服务期三年", 326000000, "CNY"),
])
def test_money_in_prose_and_currencies(text: str, value: float, currency: str) -> None:
    assert _amount(text) == (value, currency)


def test_a_per_unit_ceiling_is_not_the_notice_amount() -> None:
    text = "采购公告\n二、预算金额：人民币壹佰肆拾捌万元整（¥1,480,000.00），其中叉车单台限价33万元，巡逻车每台限价8万元。\n"
    assert _amount(text) == (1480000, "CNY")


def test_worth_without_money_is_no_amount() -> None:
    assert _amount("It is worth noting that 2024 saw 300 new servers installed.") is None


def test_lot_rows_of_a_table_headed_by_a_lot_column_are_lots_not_an_amount() -> None:
    text = ("招标公告\n标段 | 序号 | 企业名称 | 最高限价（万元） | 中标家数\n一 | 1 | 东港投资集团有限公司 | 360.27 | 1家\n"
            "二 | 2 | 东港交通集团有限公司 | 290.96 | 1家\n")
    doc = next(read_input(text, name="n.txt", source="n.txt"))
    ex = extract(doc)
    assert ex.amount is None
    assert [(lot.lot, lot.amount) for lot in ex.lots] == [("标段一", 3602700), ("标段二", 2909600)]


def test_a_lot_table_with_merged_cells_states_no_single_amount() -> None:
    text = ("招标公告\n标段 | 序号 | 企业名称 | 最高限价（万元） | 中标家数 | 服务期限\n"
            "一 | 1 | 东港投资集团有限公司 | 360.27 | 1家 | 2026-2028年度\n二 | 2 | 东港城建集团有限公司 | 290.96 | 1家\n"
            "三 | 3 | 东港通商控股集团有限公司 | 152.66 | 1家\n4 | 东港水务集团有限公司 | 52.60\n合计：205.26\n")
    assert _amount(text) is None
    single = "招标公告\n标段 | 服务内容 | 服务期限 | 最高限价\n一 | 检测服务 | 2026年9月底前 | 人民币40万元\n"
    assert _amount(single) == (400000, "CNY")


def test_disclosure_contract_fee_total_is_the_amount() -> None:
    text = ("证券代码：688000 证券简称：云杉科技\n● 合同类型：公司控股子公司与客户签订的《GPU算力服务协议》，"
            "合同费用总额为人民币17,032.32万元（含税）。\n")
    ex = extract(next(read_input(text, name="n.txt", source="n.txt")))
    assert ex.amount is not None and ex.amount.value == 170323200


def test_award_summary_total_value_is_the_amount() -> None:
    text = "Award\nThe award was officially published on 24th September 2021, with a total value of £495,000.\n"
    ex = extract(next(read_input(text, name="n.txt", source="n.txt")))
    assert ex.amount is not None and ex.amount.value == 495000 and ex.amount.currency == "GBP"
