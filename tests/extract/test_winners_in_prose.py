"""Winners named in running text: the verb after the name (以…中标, 由…中标, 被确定为中标人), a
company announcing its own award, and English "awarded … to X for US$…"."""

from __future__ import annotations

import pytest

from tests.extract._docs import ex_of


@pytest.mark.parametrize("text", [
    "江城大学GPU服务器采购项目结果公告\n江城数算科技有限公司以498万元中标江城大学GPU服务器采购项目。",
    "江城大学GPU服务器采购项目中标公告\n采购人：江城大学\n本项目由江城数算科技有限公司中标，中标价498万元。",
    "江城大学GPU服务器采购项目中标结果公告\n采购人：江城大学\n中标候选人江城数算科技有限公司被确定为中标人。中标金额：498万元",
    "江城数算科技有限公司关于中标江城大学GPU服务器采购项目的公告\n近日，公司收到江城大学发出的《中标通知书》，"
    "确认公司为江城大学GPU服务器采购项目的中标单位，中标金额为人民币498万元。",
    "关于项目中标的自愿性信息披露公告\n江城数算科技有限公司（以下简称“公司”）近日收到《中标通知书》，"
    "公司中标江城大学GPU服务器采购项目，中标金额498万元。",
])
def test_the_winner_in_prose_is_the_supplier_and_its_price_the_amount(text: str) -> None:
    ex = ex_of(text)
    assert ex.names("supplier") == ["江城数算科技有限公司"]
    assert "江城大学" in ex.names("buyer")
    assert ex.amount is not None and ex.amount.value == 4_980_000


@pytest.mark.parametrize("text", [
    "江城大学GPU服务器采购项目中标候选人公示\n招标人：江城大学\n现将中标候选人公示如下，中标结果以中标通知书为准。",
    "江城大学中标结果公告\n采购人：江城大学\n中标金额：498万元",
])
def test_a_label_or_a_notice_word_after_a_name_makes_no_winner(text: str) -> None:
    assert ex_of(text).names("supplier") == []


def test_an_english_award_names_the_winner_the_awarding_body_and_the_price() -> None:
    ex = ex_of("Contract award notice\nThe University of Jiangcheng awarded the contract for GPU servers to "
               "Jiangcheng Computing Co., Ltd. for US$680,000.")
    assert ex.names("supplier") == ["Jiangcheng Computing Co., Ltd."]
    assert ex.names("buyer") == ["University of Jiangcheng"]
    assert ex.amount is not None and (ex.amount.value, ex.amount.currency) == (680_000, "USD")


@pytest.mark.parametrize("text", [
    "财经快讯\n记者获悉，东湖数算股份有限公司日前与南岸信息技术有限公司签订设备采购合同，购入32台GPU服务器。",
    "东湖数算股份有限公司近日与南岸信息技术有限公司正式签订采购合同，金额约8000万元。",
])
def test_the_subject_of_a_signing_with_a_supplier_is_the_buyer(text: str) -> None:
    ex = ex_of(text)
    assert ex.names("buyer") == ["东湖数算股份有限公司"]
    assert ex.names("supplier") == ["南岸信息技术有限公司"]
