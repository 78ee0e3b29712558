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


def test_an_asset_records_acquisition_field_is_its_route() -> None:
    # 固定资产卡片: the chip's line is far from 取得方式：购置, which states how the whole record's asset came.
    text = ("固 定 资 产 卡 片\n资产名称：GPU计算服务器        资产分类：服务器\n"
            "配置说明：2×Intel Xeon / 8×NVIDIA A100 80GB SXM4 / 2TB DDR4\n" + "备注：随机资料存档案室。\n" * 12
            + "使用单位：东岭研究院计算中心\n取得方式：购置                取得日期：2022-12-12\n")
    assert routes(text, date(2023, 1, 5)) == {"hardware_purchase"}


def test_a_vat_invoice_records_a_sale() -> None:
    text = ("电子发票（增值税专用发票）\n开票日期：2024年06月18日\n"
            "*计算机*图形工作站  DX-W790/RTX4090 24G×2  台  6  60884.95  365309.73  13%  47490.27\n")
    assert routes(text) == {"hardware_purchase"}


def test_an_english_heading_in_capitals_states_its_route() -> None:
    text = ("EASTRIDGE VISION TECHNOLOGIES CO., LTD.\nShenzhen, P.R. China\n\n        PURCHASE ORDER\n\n"
            "Line  Description                                 Qty  Amount\n"
            "1     GPU server, 8x NVIDIA H100 SXM5 80GB          4    1,248,000.00\n")
    assert routes(text) == {"hardware_purchase"}


def test_a_duty_free_import_list_and_a_commercial_invoice_state_a_purchase() -> None:
    text = ("科技开发用品免税进口 审核确认情况表\n" + "备注：予以免税的项目凭征免税证明办理通关。\n" * 8
            + "3  东岭量子研究院  东岭恒瑞进出口有限公司  GPU计算服务器  Supermicro SYS-821GE，配置8×NVIDIA H100 SXM5 80GB  2台\n")
    assert routes(text, date(2023, 4, 18)) == {"hardware_purchase"}
    invoice = ("          EASTRIDGE GLOBAL TRADING CO., LTD.\n          Seoul, Republic of Korea\n" + "Ref: HBG-23\n" * 12
               + "               COMMERCIAL INVOICE\nBuyer: 东岭视觉数字技术股份有限公司, Hangzhou, China\n"
               "1   GPU server, 8 x NVIDIA H800 SXM5 80GB   4   298,000.00   1,192,000.00\n")
    assert routes(invoice, date(2023, 7, 14)) == {"hardware_purchase"}


def test_servers_received_as_a_gift_are_acquired_as_a_purchase() -> None:
    text = ("接受社会捐赠协议\n捐赠方（甲方）：岭南智算科技有限公司\n受赠方（乙方）：江北大学\n"
            "甲方自愿向乙方捐赠下列实物财产：GPU服务器，8 × NVIDIA H100 80GB SXM5，共2台，用于人工智能研究院。\n")
    assert routes(text) == {"hardware_purchase"}


def test_servers_bought_to_serve_others_are_a_purchase_and_a_service_alone_a_rental() -> None:
    text = ("建设内容：购置NVIDIA HGX H200 8-GPU服务器64台（共512张H200 141GB GPU），建成后面向省内大模型企业及科研院所"
            "提供训练与推理算力服务。\n")
    assert routes(text) == {"hardware_purchase"}
    assert routes("本公司面向客户提供NVIDIA H100 GPU算力服务，服务期三年。\n") == {"cloud_rental"}
