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
