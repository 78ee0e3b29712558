"""Parties of news reports and company disclosures: consortia, award letters, unnamed customers."""

from __future__ import annotations

from tendertrace.extract import extract
from tendertrace.extract.orgs import find_orgs
from tendertrace.ingest import read_input
from tendertrace.text.fold import match_text


def _roles(text: str) -> tuple[list[str], list[str]]:
    doc = next(read_input(text, name="n.txt", source="n.txt"))
    ex = extract(doc)
    return ex.names("buyer"), ex.names("supplier")


def _role_of(text: str, name: str) -> str:
    return next(o.role for o in find_orgs(text, match_text(text)) if o.name == name)


def test_labelled_consortium_members_are_all_suppliers() -> None:
    text = ("项目评标结果公示\n招标人：北岭数据科技有限公司\n第一中标候选人：\n联合体牵头人：江城建设工程有限公司\n"
            "联合体成员一：青山设计研究院有限公司\n联合体成员二：远川机电安装有限公司\n")
    buyers, suppliers = _roles(text)
    assert buyers == ["北岭数据科技有限公司"]
    assert suppliers == ["江城建设工程有限公司", "青山设计研究院有限公司", "远川机电安装有限公司"]


def test_members_listed_after_a_consortium_label_join_the_winner() -> None:
    text = ("近日，南郊算力中心项目中标结果揭晓，中标单位为西林建工集团有限公司（联合体成员：东湖建设有限公司、"
            "北辰设计院有限公司），项目总投资2亿元。\n")
    assert _roles(text)[1] == ["西林建工集团有限公司", "东湖建设有限公司", "北辰设计院有限公司"]


def test_bracketed_consortium_role_with_a_qualifier() -> None:
    text = ("中标单位包括河西建设集团有限公司（联合体主体）以及青禾系统工程有限公司（联合体成员，某上市公司全资子公司）。\n")
    assert _roles(text)[1] == ["河西建设集团有限公司", "青禾系统工程有限公司"]


def test_a_name_said_to_lead_a_consortium_is_a_supplier() -> None:
    text = "项目分工如下：东港通信技术服务有限公司作为联合体牵头人，负责总体联络。\n"
    assert _role_of(text, "东港通信技术服务有限公司") == "supplier"


def test_a_consortium_word_without_a_name_gives_no_role() -> None:
    text = "投标人须知：联合体成员不得再单独投标。南山科技有限公司负责答疑。\n"
    assert _role_of(text, "南山科技有限公司") == "mentioned"


def test_winner_leading_as_a_joint_head_or_by_its_offered_goods() -> None:
    assert _role_of("消息，华东控股子公司泰和工程设计有限公司作为联合牵头人中标某市算力中心项目。\n",
                    "泰和工程设计有限公司") == "supplier"
    assert _role_of("经投票一致确认：北京楚天科技发展有限公司所投微机以最低价中标。\n", "北京楚天科技发展有限公司") == "supplier"


def test_news_winner_that_became_the_winning_party() -> None:
    text = "东台县第二中学近期公开招标项目中，盐城云帆网络科技有限公司成为学生计算机设备采购项目的中标方，中标金额为48.2万元。\n"
    buyers, suppliers = _roles(text)
    assert suppliers == ["盐城云帆网络科技有限公司"]


def test_award_letter_received_from_the_buyer() -> None:
    text = ("8月13日晚间，西域交建公告，其全资子公司西域轨道交通有限公司于2024年8月12日收到昌南信息科技服务有限公司"
            "发出的《中标通知书》，中标价格约为13亿元。\n")
    assert _roles(text) == (["昌南信息科技服务有限公司"], ["西域轨道交通有限公司"])


def test_a_letter_received_that_is_no_award_gives_no_role() -> None:
    text = "西域轨道交通有限公司于2024年8月12日收到昌南信息科技服务有限公司发出的《问询函》。\n"
    assert _role_of(text, "西域轨道交通有限公司") == "mentioned"
    assert _role_of(text, "昌南信息科技服务有限公司") == "mentioned"


def test_subsidiary_that_signs_with_an_unnamed_customer_is_the_supplier() -> None:
    text = ("证券代码：688000 证券简称：云杉科技\n重要内容提示：\n● 合同类型：云杉科技股份有限公司（以下简称“公司”）的控股子公司"
            "北京云杉智算科技有限公司（以下简称“云杉智算”）与客户签订的《GPU算力服务协议》，合同费用总额为人民币1.7亿元。\n")
    assert _roles(text)[1] == ["北京云杉智算科技有限公司"]


def test_customer_that_buys_from_the_company_is_the_buyer() -> None:
    text = ("4月10日，中川通信公告，济北计算中心有限公司（以下简称“济北计算”）向公司采购智能计算中心的算力服务。"
            "本次合同金额为7.3亿元。\n")
    assert _roles(text)[0] == ["济北计算中心有限公司"]


def test_short_name_listed_before_the_contract_role_in_a_bracket() -> None:
    text = ("2024年5月24日，东川通信集团股份有限公司（以下简称“公司”、“乙方”）与北京联安科技有限公司（以下简称“甲方”）"
            "签订《算力技术服务合同》。\n")
    assert _role_of(text, "东川通信集团股份有限公司") == "supplier"


def test_disclosure_that_buys_from_its_counterpart_makes_the_company_the_buyer() -> None:
    text = ("证券代码：688001 证券简称：青松科技\n青松科技股份有限公司关于日常经营合同的进展公告\n"
            "● 青松科技股份有限公司（以下简称“公司”）近日与西讯（重庆）科技有限公司签署了《购销合同之补充协议》。\n")
    assert _roles(text) == (["青松科技股份有限公司"], ["西讯（重庆）科技有限公司"])


def test_winner_with_its_price_before_the_verb() -> None:
    assert _role_of("2020年5月14日中标公告发布，东方可控信息产业有限公司 35298 万元中标。\n", "东方可控信息产业有限公司") == "supplier"


def test_report_of_a_listed_company_announcement_reads_the_contract_kind() -> None:
    text = ("青光科技(002999)于6月26日晚间公告，其控股子公司浙江青光云科技有限公司（简称“青光云”）已与"
            "上海问芯智能科技有限公司（简称“问芯”）签署了总额5.5亿元的销售合同。\n")
    assert _roles(text) == (["上海问芯智能科技有限公司"], ["浙江青光云科技有限公司"])


def test_a_stock_code_without_an_announcement_is_no_disclosure() -> None:
    text = "南岭大学与青光科技(002999)的专家座谈。南岭大学与北岭网络有限公司签订服务器采购合同。\n"
    assert _role_of(text, "北岭网络有限公司") == "supplier"


def test_a_member_takes_the_side_of_the_lead_it_is_bracketed_after() -> None:
    text = ("三、评审结果：第一中标候选人：南港大数据产业发展有限公司（联合体成员：北江通信股份有限公司西城分公司）；"
            "第二中标候选人：东岳信息工程有限公司。\n")
    assert _role_of(text, "北江通信股份有限公司西城分公司") == _role_of(text, "南港大数据产业发展有限公司")


def test_english_results_story_gives_its_buyer_and_its_list_of_winners() -> None:
    # A results story written in English: the buyer "announced the winning bid" or "delivered bidding
    # results", a winner "won the bid", and a list of winners after "Successful bidders are".
    from tests.extract._docs import roles

    found = roles("On May 2, Eastridge Telecom delivered bidding results for GPU servers. Successful bidders are "
                  "including Kestrel, Norvane, H7C, Talmont, etc. The total value was not disclosed.")
    assert found["Eastridge Telecom"] == "buyer"
    assert {n for n, r in found.items() if r == "supplier"} == {"Kestrel", "Norvane", "H7C", "Talmont"}
    found = roles("Westport Mobile announced the winning bid for its AI server project. Lumaris won the bid with "
                  "a total amount of 83 million yuan.")
    assert found["Westport Mobile"] == "buyer"
    assert found["Lumaris"] == "supplier"


def test_a_country_word_opens_a_name_but_is_none_alone() -> None:
    from tests.extract._docs import roles

    assert roles("China Eastlink announced the winning bid for the servers.").get("China Eastlink") == "buyer"
    assert "China" not in roles("Recently, China bought more servers.")


def test_news_of_a_companys_filing_on_its_own_purchase_makes_it_the_buyer() -> None:
    from tests.extract._docs import ex_of

    ex = ex_of("东岭数据(300999)10月21日晚间公告，公司拟斥资不超过40亿元采购服务器资产，增加云算力服务能力。"
               "该交易金额已占公司最近一期经审计净资产的50%以上。")
    assert ex.names("buyer") == ["东岭数据"]
    assert ex.amount is not None and ex.amount.value == 4_000_000_000 and ex.amount.kind == "budget"
    # the customer who buys from the company is no purchase of the company's own
    ex = ex_of("东岭数据(300999)公告，客户向公司采购算力服务，合同金额为1.2亿元。")
    assert "东岭数据" not in ex.names("buyer")


def test_a_contracts_value_in_prose_is_its_amount() -> None:
    from tests.extract._docs import ex_of

    ex = ex_of("近日，子公司浙江西岭云科技有限公司已与上海北屿智能科技有限公司签署了总额高达5.54亿元的算力服务销售合同。")
    assert ex.amount is not None and ex.amount.value == 554_000_000


def test_a_reference_to_a_partys_units_is_not_part_of_its_name() -> None:
    from tests.extract._docs import ex_of

    ex = ex_of("（三）招标人：东岭网络通信有限公司及省分公司、西岭数字科技有限公司等子公司\n")
    assert ex.names("buyer") == ["东岭网络通信有限公司", "西岭数字科技有限公司"]


def test_english_list_of_buyers_gives_each_buyer() -> None:
    from tests.extract._docs import roles

    found = roles("Among the buyers were the Eastmoor Academy of Sciences, the Norland Artificial Intelligence "
                  "Institute, Westvale Earthquake Administration and Kestrel Labs.")
    assert {n for n, r in found.items() if r == "buyer"} >= {
        "Eastmoor Academy of Sciences", "Norland Artificial Intelligence Institute", "Westvale Earthquake Administration"}


def test_the_buyer_that_announces_its_result_outranks_one_named_in_passing() -> None:
    from tests.extract._docs import ex_of

    ex = ex_of("On March 6, Westport Unicom announced the winning bid for its model factory project. Lumaris won the "
               "bid. Lumaris's chip unit previously won a procurement order from Eastport Mobile.")
    assert ex.names("buyer") == ["Westport Unicom"]


def test_a_clauses_object_that_opens_with_a_verb_is_no_name() -> None:
    from ._docs import roles

    assert roles("关联交易的主要内容包括租赁厂房及办公室、采购商品及服务、销售商品及服务等。") == {}


def test_an_agency_that_issues_the_award_letter_is_the_agency() -> None:
    from ._docs import roles

    got = roles("近日，云岭科技股份有限公司收到滨海省机电设备招标有限公司发出的《成交通知书》，公司为该项目的成交单位。")
    assert got.get("滨海省机电设备招标有限公司") == "agency"
    got = roles("近日，云岭科技股份有限公司收到滨海市数据集团有限公司发出的《中标通知书》。")
    assert got.get("滨海市数据集团有限公司") == "buyer"


def test_a_bill_greets_its_customer_and_is_signed_by_its_supplier() -> None:
    from ._docs import ex_of

    ex = ex_of("尊敬的江北船舶研究所：\n\n您通过我司开立的海外云账户 2024 年 10 月费用已出账，明细如下：\n\n"
               "序号  服务                      用量            金额\n1     GPU实例(8×H100)         312 实例小时    30,675.84\n"
               "      本期合计                                  38,760.25\n\n请于 2024 年 11 月 20 日前付款至我司账户。\n\n"
               "上海岚拓云计算服务有限公司 账单中心\n")
    assert {p.name: p.role for p in ex.parties if p.role != "mentioned"} == {
        "江北船舶研究所": "buyer", "上海岚拓云计算服务有限公司": "supplier"}
    assert ex.amount is not None and ex.amount.value == 38760.25


def test_a_reports_own_unit_buys_and_a_spaced_date_opens_no_name() -> None:
    from ._docs import ex_of

    ex = ex_of("# 信息科周工作报告（2024 年第 37 周）\n\n> 单位：滨江市第二人民医院 信息科\n\n"
               "推理服务器采购已完成院内比选，9 月 12 日与滨州医信科技有限公司签订采购合同：GPU 推理服务器 2 台，合同金额 128.60 万元。\n")
    assert ex.notice_type == "other"
    assert {p.name: p.role for p in ex.parties if p.role != "mentioned"} == {
        "滨江市第二人民医院": "buyer", "滨州医信科技有限公司": "supplier"}


def test_an_end_user_statement_names_its_buyer_and_the_seller_it_writes_to() -> None:
    from ._docs import ex_of

    ex = ex_of("最终用户和最终用途说明\n致（To）：北京滨衡科技有限公司\n我单位因科研需要，向贵公司采购下列物项，现说明如下：\n"
               "一、最终用户\n最终用户为我单位本身。\n最终用户（盖章）：北京滨湖材料研究院有限公司\n")
    assert {p.name: p.role for p in ex.parties if p.role != "mentioned"} == {
        "北京滨湖材料研究院有限公司": "buyer", "北京滨衡科技有限公司": "supplier"}


def test_a_bidder_gaining_ground_in_tenders_does_not_buy() -> None:
    from ._docs import roles

    assert roles("这种深度绑定让华为在后续招标中占据先机。").get("华为") != "buyer"


def test_news_of_a_result_won_whole_and_of_a_consortium() -> None:
    from ._docs import ex_of, roles

    ex = ex_of("衢江公交集团有限公司30辆公交车公开招标采购完成。经过评标委员会评审，滨州宇通客车股份有限公司以各标项综合得分最高独中两元，"
               "中标总金额为1992万元。\n")
    assert "滨州宇通客车股份有限公司" in ex.names("supplier") and ex.amount is not None and ex.amount.value == 19_920_000
    got = roles("某市信息化项目公布中标结果，滨海智元科技有限公司与山东省滨海工程有限公司组成的联合体成功中标。")
    assert got.get("滨海智元科技有限公司") == got.get("山东省滨海工程有限公司") == "supplier"


def test_the_winner_signs_with_the_one_it_won_from() -> None:
    from ._docs import roles

    got = roles("滨远股份公告其全资子公司滨海公路机械有限公司在获得“城市管理机械设备采购项目”中标通知书后，"
                "于近日正式与滨海市城市建设控股集团有限公司签订《设备采购合同》。")
    assert got == {"滨海公路机械有限公司": "supplier", "滨海市城市建设控股集团有限公司": "buyer"}


def test_a_company_that_tenders_itself_buys_in_its_disclosure() -> None:
    from ._docs import ex_of

    ex = ex_of("滨原高速公路股份有限公司关于关联方中标本公司BT投融资建设项目的公告\n"
               "公司作为招标人的机场高速改扩建工程BT项目开标，滨南省公路工程局集团有限公司通过公开竞标的方式获得中标资格，"
               "公司于近日向其发出中标通知书。\n")
    assert ex.names("buyer") == ["滨原高速公路股份有限公司"]


def test_a_publisher_of_its_own_procurement_and_a_sum_with_its_unit_field() -> None:
    from ._docs import ex_of

    ex = ex_of("一体电脑采购项目成交通告\n滨海商通科技有限公司于2011年09月8日 在阳光电子采购平台发布的采购一体电脑采购项目，经过询价采购程序，"
               "最终确认采购结果如下：\n成交供应商名称：北京滨人方创科技有限公司\n")
    assert ex.names("buyer") == ["滨海商通科技有限公司"]
    ex = ex_of("中标（成交）结果公告 中标（成交）供应商名称： 武汉市滨亚科技有限公司 中标（成交）价格： 121.5 价格单位： 万元 价格币种： 人民币\n")
    assert ex.amount is not None and ex.amount.value == 1_215_000


def test_a_trip_notices_own_unit_and_the_foreign_company_it_signs_with() -> None:
    from ._docs import ex_of

    ex = ex_of("关于赴新加坡商务洽谈团组的因公出国（境）任务公示\n发布者：国际合作处 发布日期：2025-03-27\n"
               "派出单位：滨江电子研究所（合肥市蜀山区滨江西路658号）\n"
               "出访任务：与Harbourline Compute Pte. Ltd.洽谈并签署《GPU算力租用服务协议》，由对方为我所提供NVIDIA H100 GPU共256卡。\n")
    assert {p.name: p.role for p in ex.parties if p.role != "mentioned"} == {
        "滨江电子研究所": "buyer", "Harbourline Compute Pte. Ltd.": "supplier"}


def test_an_agent_entrusted_to_open_an_account_is_the_supplier() -> None:
    from ._docs import roles

    assert roles("经所务会审议，委托 上海滨洋云途信息技术有限公司 代为开通 AWS 海外区域企业账号 2 个。").get(
        "上海滨洋云途信息技术有限公司") == "supplier"


def test_news_of_a_filing_names_its_company_by_its_stock_code() -> None:
    from ._docs import roles

    got = roles("滨铁股份(300999)3月12日晚间公告，公司近日收到滨川路桥建设集团股份有限公司物资分公司发来的《中标通知书》，"
                "该通知确认公司为滨川路桥盛通建筑工程有限公司城乡融合建设项目的中标单位。")
    assert got.get("滨铁股份") == "supplier"
    assert got.get("滨川路桥建设集团股份有限公司物资分公司") == "buyer"
    assert got.get("滨川路桥盛通建筑工程有限公司") != "supplier"
