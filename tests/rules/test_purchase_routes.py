"""Hardware a buyer purchases stays a hardware purchase when the text around it speaks of hosting,
leasing or renting in other senses: a finance lease (the lessor buys the servers the lessee takes
delivered), a "data-centre grade" card (a class of product, not a place abroad), and a company's
plans to rent compute out to its own customers in the paragraph of its purchase."""

from __future__ import annotations

from datetime import date

from tendertrace.model import Classification
from tendertrace.rules import classify_text

ON = date(2024, 9, 2)


def routes(text: str, on: date = ON) -> set[str | None]:
    found: list[Classification] = [c for c in classify_text(text, on) if c.compute_finding]
    assert found
    return {c.route for c in found}


def test_a_finance_lease_of_servers_is_a_purchase() -> None:
    text = ("关于开展算力设备融资租赁业务的公告\n承租人：青川数智科技有限公司\n出租人：江北融资租赁有限公司\n"
            "出卖人：南岸信息技术有限公司\n租赁物：NVIDIA H100 八卡GPU服务器 12台，由出租人按承租人指定向出卖人购买，租期36个月。\n")
    assert routes(text) == {"hardware_purchase"}


def test_an_ordinary_lease_of_gpu_servers_stays_a_rental() -> None:
    text = "GPU服务器租赁项目\n租用NVIDIA H100 八卡GPU服务器 12台，租期12个月，按月支付租金。\n"
    assert routes(text) == {"cloud_rental"}


def test_a_data_centre_grade_us_card_is_not_hosted_abroad() -> None:
    text = ("训练服务器采购需求\n采购标的：训练服务器2台，每台配置8块美国产高端GPU（数据中心级，显存不低于80GB），"
            "不接受国产加速卡替代。\n")
    assert routes(text) == {"hardware_purchase"}


def test_a_server_in_a_data_centre_abroad_is_still_a_rental() -> None:
    text = "采购NVIDIA H100 GPU服务器8台，部署于新加坡数据中心，由服务商远程提供使用。\n"
    assert routes(text) == {"cloud_rental"}


def test_a_buy_on_the_items_line_is_not_made_a_rental_by_the_buyers_business() -> None:
    text = ("青川数智科技有限公司近日与南岸信息技术有限公司签订合同，采购32台搭载NVIDIA H100的八卡服务器，"
            "预计年底前到货。\n"
            "公司表示正积极拓展算力租赁与云计算业务。\n")
    assert "hardware_purchase" in routes(text)
