"""A bidder's own sealed papers name their bidder, a division path in brackets after a name is its
address, and a university's faculty (学部) is an organisation. Sentences written for these tests."""

from __future__ import annotations

from tendertrace.extract import extract
from tendertrace.model import Document


def _parties(text: str) -> dict[str, str]:
    ex = extract(Document(id="t", source="t", format="text", text=text))
    return {p.name: p.role for p in ex.parties}


def test_a_sealed_bidder_of_its_own_deviation_table_is_the_supplier() -> None:
    got = _parties("技术规格偏离表\n项目名称：实训室建设项目\n采购人：东岭职业学院\n投标人：西岭数码科技有限公司（盖章）\n"
                   "1 | GPU：NVIDIA GeForce RTX 4090 ×2 | 无偏离\n")
    assert got == {"东岭职业学院": "buyer", "西岭数码科技有限公司": "supplier"}


def test_a_blank_template_names_no_bidder() -> None:
    got = _parties("投标函\n致：东岭职业学院\n投标人：（盖章）\n日期：\n")
    assert "supplier" not in got.values()


def test_a_division_path_in_brackets_is_the_address_a_bare_place_the_campus() -> None:
    assert _parties("采购人：东岭船舶研究所（武汉市武昌区）\n").get("东岭船舶研究所") == "buyer"
    assert _parties("采购人：哈尔滨工业大学（威海）\n").get("哈尔滨工业大学（威海）") == "buyer"


def test_a_faculty_is_an_organisation_and_a_clause_word_before_it_is_not() -> None:
    got = _parties("版权所有 © 天津大学智能与计算学部 地址：天津市津南区\n接入方式学部统一API网关。\n")
    assert "天津大学智能与计算学部" in got
    assert not any(n.startswith("接入方式") for n in got)


def test_a_total_written_as_its_computation_is_the_figure_after_the_equals_sign() -> None:
    ex = extract(Document(id="t", source="t", format="text",
                          text="2.2 本补充协议新增服务费总额为：256卡 × 12个月 × 4,500元 = 人民币壹仟叁佰捌拾贰万肆仟元整（¥13,824,000.00）。\n"))
    assert ex.amount is not None and ex.amount.value == 13_824_000
    ex = extract(Document(id="t", source="t", format="text", text="中标金额：8台×12.5万元=100万元\n"))
    assert ex.amount is not None and ex.amount.value == 1_000_000


def test_a_recharge_receipts_settlement_is_its_amount() -> None:
    ex = extract(Document(id="t", source="t", format="text",
                          text="云账户充值确认单\n客户名称：东岭智能科技有限公司\n本次充值额度：USD 20,000.00\n本次结算金额（含税）：人民币 143,600.00 元\n"))
    assert ex.amount is not None and ex.amount.value == 143_600
