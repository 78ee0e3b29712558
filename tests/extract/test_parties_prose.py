"""Parties named in running prose: periodic reports, provider statements, English news."""

from __future__ import annotations

from tendertrace.extract import extract
from tendertrace.ingest import read_input


def _roles(text: str) -> tuple[list[str], list[str]]:
    doc = next(read_input(text, name="n.txt", source="n.txt"))
    ex = extract(doc)
    return ex.names("buyer"), ex.names("supplier")


def test_annual_report_contract_makes_the_company_the_supplier() -> None:
    text = ("杭州青岚智算科技股份有限公司\n2024年年度报告（摘要）\n\n重大合同：报告期内，公司与南湖计算研究院签订智算平台建设合同，"
            "合同金额0.92亿元，主要内容为提供16台GPU服务器及集群部署。\n")
    assert _roles(text) == (["南湖计算研究院"], ["杭州青岚智算科技股份有限公司"])


def test_disclosure_customer_makes_the_announcer_the_supplier() -> None:
    text = ("证券代码：300999  证券简称：星衡算力\n星衡算力科技股份有限公司关于问询函的回复公告\n"
            "报告期内，算力租赁业务第一名客户为上海澄明智能科技有限公司，双方签订《算力服务合同》，合同金额为人民币1.5亿元。\n")
    buyers, suppliers = _roles(text)
    assert buyers == ["上海澄明智能科技有限公司"]
    assert suppliers == ["星衡算力科技股份有限公司"]


def test_provider_statement_decides_who_supplies() -> None:
    text = ("公告\n2025年3月，西岭云算科技有限公司与东江视觉技术股份有限公司签订算力服务协议，"
            "约定由西岭云算以其自建智算中心的GPU服务器为其模型训练提供算力服务。\n")
    assert _roles(text) == (["东江视觉技术股份有限公司"], ["西岭云算科技有限公司"])


def test_provider_named_after_a_short_name_bracket() -> None:
    text = ("合作签约\n5月8日，北海星算科技有限公司（以下简称“星算科技”）与南岭智能技术有限公司举行合作签约仪式。\n"
            "根据协议，星算科技将依托其海外节点，为南岭智能提供256张GPU的训练算力。\n")
    assert _roles(text) == (["南岭智能技术有限公司"], ["北海星算科技有限公司"])


def test_english_subject_of_signed_with_is_the_other_side() -> None:
    text = ("Start-up books offshore GPUs\n\nWUHAN -- Wuhan Lingxi Robotics Co., Ltd., a maker of warehouse robots, has signed a\n"
            "one-year agreement with Harbourline Compute Pte. Ltd., a Singapore-registered GPU cloud operator.\n")
    assert _roles(text) == (["Wuhan Lingxi Robotics Co., Ltd."], ["Harbourline Compute Pte. Ltd."])


def test_english_provider_verb_and_based_prefix() -> None:
    text = "Under the deal, Malaysia-based Tanjung Compute Sdn. Bhd. will provide 128 GPUs for 12 months.\n"
    _, suppliers = _roles(text)
    assert suppliers == ["Tanjung Compute Sdn. Bhd."]


def test_entrusting_buyer_is_read_when_only_the_agency_is_labelled() -> None:
    text = ("东湖工程咨询有限公司受西塘环保科技有限公司的委托，就西塘环保监测服务进行公开招标。\n"
            "联系方式\n招标代理机构：东湖工程咨询有限公司\n")
    assert _roles(text)[0] == ["西塘环保科技有限公司"]


def test_several_principals_in_one_entrusting_sentence() -> None:
    text = "北岸项目管理有限公司受南湾开发建设有限公司、东江建设集团有限公司的委托，就智能信报箱工程进行公开招标。\n"
    assert _roles(text)[0] == ["南湾开发建设有限公司", "东江建设集团有限公司"]


def test_qualified_buyer_labels_on_following_lines_are_co_buyers() -> None:
    text = ("招标公告\n联系方式\n招标人（项目业主）：南湾开发建设有限公司\n"
            "招标人（总承包单位）：东江建设集团有限公司、北辰建设集团有限公司\n联系人：王老师\n")
    assert _roles(text)[0] == ["南湾开发建设有限公司", "东江建设集团有限公司", "北辰建设集团有限公司"]


def test_the_tendering_party_is_the_buyer_beside_a_project_owner() -> None:
    text = "项目说明\n本项目用户单位为东区技工学校，由东区城建投资有限公司（招标人）负责组织招标。\n"
    assert _roles(text)[0] == ["东区城建投资有限公司"]


def test_a_percent_price_is_no_amount() -> None:
    doc = next(read_input("中标结果公告\n招标人: 东区铁路建设办公室\n中标人: 东方铁路设计集团有限公司\n中标价(%): 98.67\n",
                          name="n.txt", source="n.txt"))
    assert extract(doc).amount is None


def test_an_entrusting_role_word_is_no_buyer() -> None:
    text = "招标公告\n用户单位：东湖智能科技股份有限公司\n招标代理机构：北岸招标咨询有限公司\n北岸招标咨询有限公司受用户单位委托，就GPU服务器采购进行公开招标。\n"
    assert _roles(text)[0] == ["东湖智能科技股份有限公司"]


def test_name_label_on_the_heading_line_and_an_address_bracket() -> None:
    assert _roles("成交结果公告\n七、采购人信息：名称：东山县应急管理局　地址：东山县府前路1号\n")[0] == ["东山县应急管理局"]
    assert _roles("中标公告\n五、采购人：南湖理工大学（南湖市金寨路96号）\n")[0] == ["南湖理工大学"]


def test_a_purchasing_platform_is_no_buying_verb() -> None:
    text = ("东海微电子与信息技术研究所\n云计算资源服务竞争性谈判公告\n\n一、采购内容\n云服务器租用一项。\n"
            "二、谈判文件获取：登录东海科学院采购平台下载。\n")
    assert _roles(text)[0] == ["东海微电子与信息技术研究所"]


def test_english_notice_labels_and_institution_first_names() -> None:
    text = ("CONTRACT AWARD NOTICE\n\nAuthority        : University of Eastmoor (Procurement Services)\n"
            "Supplier         : Fenland Research Systems Ltd\nValue of contract: GBP 880,000 excluding VAT\n")
    assert _roles(text) == (["University of Eastmoor"], ["Fenland Research Systems Ltd"])
    text = "REQUEST FOR QUOTATION\n\nIssuing party: Harbour Data (Singapore) Pte. Ltd.\nScope: GPU instances.\n"
    assert _roles(text)[0] == ["Harbour Data (Singapore) Pte. Ltd."]


def test_a_result_naming_its_winner_in_prose() -> None:
    text = "成交公告\n经评审小组评审，确定西江信息技术有限公司为成交供应商，合同金额1.12亿元。\n采购人：东岭大学\n"
    buyers, suppliers = _roles(text)
    assert suppliers == ["西江信息技术有限公司"]
    # the first-ranked candidate is the winner (招标投标法实施条例 第五十五条), the second is not
    text = "经评审，西江信息技术有限公司为第一中标候选人。\n"
    assert _roles(text)[1] == ["西江信息技术有限公司"]
    text = "经评审，西江信息技术有限公司为第二中标候选人。\n"
    assert _roles(text)[1] == []


def test_a_listing_record_with_common_keys_and_unit_strings() -> None:
    record = ('{"title": "某研究所空调维保服务询价结果", "buyer": "东江工程研究院计算所", "winner": "东江恒温机电工程有限公司",'
              ' "budget": "32.00万元", "amount": "29.75万元", "publishtime": "2024-08-19 09:41:05", "content": "成交金额29.75万元。"}')
    doc = next(read_input(record, name="r.txt", source="r.txt"))
    ex = extract(doc)
    assert ex.notice_type == "award"
    assert ex.names("buyer") == ["东江工程研究院计算所"] and ex.names("supplier") == ["东江恒温机电工程有限公司"]
    assert ex.amount is not None and ex.amount.value == 297500 and ex.budget == 320000


def test_supply_unit_label_names_the_supplier() -> None:
    assert _roles("成交结果公告\n采购人：东湖大学\n供货单位：南岭电子科技有限公司\n")[1] == ["南岭电子科技有限公司"]


def test_project_budget_table_names_its_carrying_unit_as_buyer() -> None:
    text = "“智能计算平台”建设项目经费预算表\n项目承担单位：西岭大学\n填报日期：2024年3月15日\n金额单位：万元\n"
    assert _roles(text)[0] == ["西岭大学"]
    assert _roles("某平台项目预算明细表\n申报单位：东湖大学\n编制日期：2025年4月8日\n")[0] == ["东湖大学"]


def test_a_result_record_with_only_a_budget_takes_the_awarded_amount_of_its_text() -> None:
    record = ('{"title": "某研究院API调用额度采购项目成交公告", "buyer": "东江智能语言研究院", "winner": "东江云启信息科技有限公司",'
              ' "budget": "25.00万元", "content": "成交供应商：东江云启信息科技有限公司，成交金额：24.50万元。"}')
    ex = extract(next(read_input(record, name="r.txt", source="r.txt")))
    assert ex.amount is not None and (ex.amount.value, ex.amount.kind) == (245000, "awarded")


def test_a_us_vendor_is_a_party_only_where_a_clause_says_it_sells() -> None:
    from tendertrace.extract.orgs import find_orgs
    from tendertrace.text.fold import match_text

    def got(text: str) -> list[tuple[str, str]]:
        return [(o.name, o.role) for o in find_orgs(text, match_text(text))]

    # "Recently," opens the sentence; the vendor sells in the clause
    assert got("Recently, Tencent purchased H20 chips from Nvidia, worth several billion yuan.") == [
        ("Tencent", "buyer"), ("Nvidia", "supplier")]
    assert ("英伟达", "supplier") in got("东岭大学向英伟达采购GPU服务器2台。")
    # a headline's brand and a provider of a service are no parties
    headline = "豪掷近7亿买英伟达算力服务器\n江城科技股份有限公司发布公告称，全资子公司购买330台服务器。"
    assert all(n != "英伟达" for n, _ in got(headline))
    assert all(n != "Amazon" for n, _ in got("Chinese entities use cloud services provided by Amazon to reach chips."))
