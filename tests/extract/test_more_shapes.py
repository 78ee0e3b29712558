"""Parties and amounts in further document kinds: leases, donations, customs declarations,
Taiwan award notices, related-party deals, judgements, quotations, marketplace orders, contract
party tables, USD results. Each document is written for its test; each test states its class."""

from __future__ import annotations

from tendertrace.extract import extract
from tendertrace.ingest import read_input
from tendertrace.model import Extraction


def _extract(text: str, name: str = "n.txt") -> Extraction:
    doc = next(read_input(text, name=name, source=name))
    return extract(doc)


def _amount(ex: Extraction):
    return (ex.amount.value, ex.amount.currency) if ex.amount else None


def test_finance_lease_lessee_is_the_buyer_and_lessor_the_supplier() -> None:
    # 融资租赁 (民法典 第七百三十五条): the 承租人 takes the leased thing, the 出租人 provides it.
    text = ("关于开展GPU服务器融资租赁业务的公告\n"
            "一、交易概述\n承租人：青崖智算科技有限公司\n出租人：海澄融资租赁有限公司\n"
            "租赁物：GPU服务器32台（每台配置8块加速卡）\n租赁本金：人民币6,800万元\n租赁期限：36个月\n")
    ex = _extract(text)
    assert ex.names("buyer") == ["青崖智算科技有限公司"]
    assert ex.names("supplier") == ["海澄融资租赁有限公司"]
    assert _amount(ex) == (68000000, "CNY")


def test_donation_recipient_is_the_buyer_and_donor_the_supplier() -> None:
    # 接受捐赠公示: 受赠方 receives, 捐赠方 gives; the 捐赠价值 is the value of what passes.
    text = ("接受捐赠公示\n受赠方：南嘉理工大学\n捐赠方：北屿智能装备有限公司\n"
            "捐赠物资：AI训练服务器4台\n捐赠价值：人民币陆拾万元整（¥600,000.00）\n公示期：2025年3月1日至3月7日\n")
    ex = _extract(text)
    assert ex.names("buyer") == ["南嘉理工大学"]
    assert ex.names("supplier") == ["北屿智能装备有限公司"]
    assert _amount(ex) == (600000, "CNY")


def test_customs_declaration_consignee_is_the_buyer() -> None:
    # 报关单 (海关进出口货物报关单填制规范): 境内收货人 takes the goods; 申报单位 is the broker, no buyer.
    text = ("中华人民共和国海关进口货物报关单\n境内收货人：东岚微电子研究院\n境外发货人：Harbor Peak Trading Ltd.\n"
            "申报单位：宁川报关服务有限公司\n商品名称：图形处理器模组\n数量：16\n申报总价：USD 412,000.00\n")
    ex = _extract(text)
    assert ex.names("buyer") == ["东岚微电子研究院"]
    assert ex.names("supplier") == ["Harbor Peak Trading Ltd."]
    assert _amount(ex) == (412000, "USD")


def test_taiwan_award_notice_in_traditional_script() -> None:
    # 決標公告 (政府採購法): 採購機關 / 機關名稱 the buyer, 得標廠商 the winner, 決標金額 the amount.
    text = ("決標公告\n機關名稱：嘉禾縣立科技大學\n標案名稱：高效能運算伺服器採購\n"
            "得標廠商：鼎曜資訊股份有限公司\n決標金額：新臺幣3,450,000元\n")
    ex = _extract(text)
    assert ex.names("buyer") == ["嘉禾县立科技大学"] or ex.names("buyer") == ["嘉禾縣立科技大學"]
    assert [n for n in ex.names("supplier")] in (["鼎曜资讯股份有限公司"], ["鼎曜資訊股份有限公司"])
    assert ex.amount is not None and ex.amount.value == 3450000


def test_related_party_purchase_names_the_related_party_as_supplier() -> None:
    # 关联交易公告 (上海证券交易所科创板股票上市规则 第七章): the company buys from its 关联方.
    text = ("证券代码：688999  证券简称：芯澜科技\n芯澜科技股份有限公司关于向关联方采购算力服务暨关联交易的公告\n"
            "本公司及董事会全体成员保证公告内容不存在虚假记载。\n"
            "一、关联交易概述\n公司拟向关联方采购算力服务。\n关联方名称：澜涛算力科技有限公司\n"
            "交易金额：不超过人民币2,400万元\n")
    ex = _extract(text)
    assert ex.names("buyer") == ["芯澜科技股份有限公司"]
    assert ex.names("supplier") == ["澜涛算力科技有限公司"]
    assert _amount(ex) == (24000000, "CNY")


def test_judgement_defendant_unit_is_no_buyer_unless_it_bought() -> None:
    # 刑事判决书: 被告单位 is a party to the case; here it sold (走私) to the buyer named in the facts.
    text = ("刑事判决书\n公诉机关：东港市人民检察院\n被告单位：远舟贸易有限公司\n"
            "经审理查明：被告单位远舟贸易有限公司将走私入境的GPU模组销售给西岭数据科技有限公司。\n"
            "涉案金额：人民币1,250万元\n")
    ex = _extract(text)
    assert ex.names("buyer") == ["西岭数据科技有限公司"]
    names = [p.name for p in ex.parties]
    assert "告单位远舟贸易有限公司" not in names and "远舟贸易有限公司" in names
    assert _amount(ex) == (12500000, "CNY")


def test_quotation_addressee_is_the_buyer_and_quoter_the_supplier() -> None:
    # 报价单: 致：<buyer>, 报价单位 the supplier, 报价总额 the quoted price.
    text = ("报价单\n致：北澜师范大学信息中心\n报价单位：南岸算网科技有限公司\n"
            "项目：GPU云主机租用（12个月）\n报价总额：人民币叁拾捌万元整（¥380,000.00）\n")
    ex = _extract(text)
    assert ex.names("buyer") == ["北澜师范大学信息中心"]
    assert ex.names("supplier") == ["南岸算网科技有限公司"]
    assert _amount(ex) == (380000, "CNY")


def test_marketplace_order_buyer_and_seller() -> None:
    # A cloud-marketplace order (订单号, 买家/卖家, 实付金额).
    text = ("订单详情\n订单号：20250412883712\n买家：东禾智能研究院\n卖家：云岫数据服务有限公司\n"
            "商品：GPU计算型实例 8卡 包月\n实付金额：¥96,000.00\n")
    ex = _extract(text)
    assert ex.names("buyer") == ["东禾智能研究院"]
    assert ex.names("supplier") == ["云岫数据服务有限公司"]
    assert _amount(ex) == (96000, "CNY")


def test_contract_parties_table() -> None:
    # 合同双方 as a table: 甲方（采购方） | X, 乙方（供应方） | Y, 合同总价 | …
    text = ("算力服务合同\n合同双方\n甲方（采购方）\t西澄数智研究院\n乙方（供应方）\t东霖云计算有限公司\n"
            "合同总价\t人民币1,560,000.00元\n")
    ex = _extract(text)
    assert ex.names("buyer") == ["西澄数智研究院"]
    assert ex.names("supplier") == ["东霖云计算有限公司"]
    assert _amount(ex) == (1560000, "CNY")


def test_bid_result_in_usd() -> None:
    # 评标结果公示 of an international tender, priced in US dollars.
    text = ("评标结果公示\n招标人：南浦先进计算研究中心\n中标人：Meridian Systems Pte. Ltd.\n"
            "中标金额：USD 1,280,000.00\n")
    ex = _extract(text)
    assert ex.names("buyer") == ["南浦先进计算研究中心"]
    assert ex.names("supplier") == ["Meridian Systems Pte. Ltd."]
    assert _amount(ex) == (1280000, "USD")


def test_activation_confirmation_signed_by_a_subsidiary() -> None:
    # 开通确认单: 客户名称 the buyer, 服务提供方 the supplier, 月费合计 the amount.
    text = ("云服务开通确认单\n客户名称：北汀数据科技（上海）有限公司\n服务提供方：云禾计算服务有限公司\n"
            "开通资源：GPU云服务器 8卡 × 4台\n合计金额：人民币52,000.00元/月\n客户签章：北汀数据科技（上海）有限公司\n")
    ex = _extract(text)
    assert ex.names("buyer") == ["北汀数据科技（上海）有限公司"]
    assert ex.names("supplier") == ["云禾计算服务有限公司"]


def test_foreign_seller_behind_an_import_agent_is_only_mentioned() -> None:
    # The buyer deals with its 进口代理单位; the 境外供货商 behind it is a supplier only when no agent is named.
    text = ("进口设备采购合同备案\n申请单位：西泽大学计算科学研究院\n进口代理单位：南港外贸发展有限公司\n"
            "境外供货商：Coral Ridge Systems Ltd.\n合同金额：USD 96,000.00\n")
    ex = _extract(text)
    assert ex.names("buyer") == ["西泽大学计算科学研究院"]
    assert ex.names("supplier") == ["南港外贸发展有限公司"]
    assert "Coral Ridge Systems Ltd." in [p.name for p in ex.parties]
