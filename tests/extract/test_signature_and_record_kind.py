"""A notice signed at its foot by its issuer names its buyer; an agency's signature does not; a
record's own kind (jianyu's subtype 合同) outranks a call read from a project title; a figure over a
period of several years is that period's total. Texts written for these tests."""

from __future__ import annotations

import json

from tendertrace.extract import extract
from tendertrace.ingest import read_input
from tendertrace.model import Document, Extraction


def _ex(text: str) -> Extraction:
    return extract(Document(id="t", source="t", format="text", text=text))


_CALL = ("关于采购深度学习服务器的询价公告\n一、项目概况\n本单位拟采购深度学习服务器2台，每台配置8块GPU。\n"
         "二、报价要求\n报价截止时间：2025年3月10日17:00，逾期不予受理。\n三、联系方式\n联系人：王老师\n电话：0551-XXXX\n\n")


def test_the_organisation_signing_a_notice_above_its_date_is_the_buyer() -> None:
    ex = _ex(_CALL + "东岭理工大学计算机学院\n2025年3月1日\n")
    assert ex.names("buyer") == ["东岭理工大学计算机学院"]


def test_a_seal_word_after_the_signature_and_a_date_in_numerals() -> None:
    ex = _ex(_CALL + "西岭市数据资源管理局（盖章）\n二〇二五年三月一日\n")
    assert ex.names("buyer") == ["西岭市数据资源管理局"]


def test_an_agency_signing_the_notice_is_not_the_buyer() -> None:
    ex = _ex(_CALL + "东岭中正招标咨询有限公司\n2025年3月1日\n")
    assert "东岭中正招标咨询有限公司" not in ex.names("buyer")


def test_a_name_with_no_date_under_it_is_no_signature() -> None:
    ex = _ex(_CALL + "东岭理工大学计算机学院\n欢迎各供应商参与。\n")
    assert ex.names("buyer") == []


def test_a_labelled_buyer_stays_the_buyer() -> None:
    ex = _ex("询价公告\n采购人：东岭理工大学\n本单位拟采购服务器2台。\n报价截止时间：2025年3月10日\n联系人：王老师\n电话：XXXX\n\n"
             "东岭理工大学计算机学院\n2025年3月1日\n")
    assert ex.names("buyer") == ["东岭理工大学"]


def test_a_contract_record_titled_by_its_project_names_its_supplier() -> None:
    record = {"title": "西溪医院手术行为管理系统采购项目", "publishTime": 1630459001, "spiderCode": "x", "subtype": "合同",
              "buyer": "西溪医院", "agency": "东岭国际招标有限公司", "bidAmount": 2151000,
              "winner": "松岭医疗设备有限公司", "detail": "合同编号：2021-02780/HT1 合同基本情况"}
    doc = next(read_input(json.dumps(record, ensure_ascii=False), name="r.json", source="r.json"))
    ex = extract(doc)  # type: ignore[arg-type]
    assert ex.notice_type == "award"
    assert ex.names("supplier") == ["松岭医疗设备有限公司"]
    assert ex.amount is not None and ex.amount.value == 2151000


def test_a_ceiling_over_two_years_is_the_total_a_ceiling_per_year_a_rate() -> None:
    ex = _ex("1.3 预算/采购控制价：\n本次预算/采购控制价总价（含税）为人民币60万元/两年，报统一的折扣率。\n")
    assert ex.amount is not None and ex.amount.value == 600000
    assert _ex("预算金额：60万元/年\n").amount is None


def test_a_winner_field_holding_a_fragment_of_the_page_names_no_supplier() -> None:
    record = {"title": "西溪医院更衣柜采购项目", "publishTime": 1673955926, "spiderCode": "x", "subtype": "成交",
              "buyer": "西溪医院", "winner": "股份", "winnerInfo": [{"winner": "股份"}], "bidAmount": 1850853}
    doc = next(read_input(json.dumps(record, ensure_ascii=False), name="r.json", source="r.json"))
    assert extract(doc).names("supplier") == []  # type: ignore[arg-type]


def test_a_name_holding_the_word_for_jointly() -> None:
    from tendertrace.extract.orgs import find_orgs

    names = {o.name for o in find_orgs("本项目由中国联合网络通信有限公司东岭市分公司承建，采购人：北京联合大学。")}
    assert names == {"中国联合网络通信有限公司东岭市分公司", "北京联合大学"}
    # ... and the same word between two names parts them
    assert {o.name for o in find_orgs("东岭大学联合西岭数智科技有限公司共建智算平台")} == {"东岭大学", "西岭数智科技有限公司"}


def test_a_winner_field_running_on_into_the_page_keeps_the_company_and_one_repeating_the_buyer_is_none() -> None:
    base = {"title": "西溪医院手术室系统采购项目合同", "publishTime": 1673955926, "spiderCode": "x", "subtype": "合同",
            "buyer": "西溪医院"}
    doc = next(read_input(json.dumps({**base, "winner": "松岭医疗科技有限公司东岭市滨江区大道号座-室"}, ensure_ascii=False),
                          name="r.json", source="r.json"))
    assert extract(doc).names("supplier") == ["松岭医疗科技有限公司"]  # type: ignore[arg-type]
    doc = next(read_input(json.dumps({**base, "winner": "西溪医院"}, ensure_ascii=False), name="r.json", source="r.json"))
    assert extract(doc).names("supplier") == []  # type: ignore[arg-type]
    doc = next(read_input(json.dumps({**base, "winner": "东岭区胜威办公家具店"}, ensure_ascii=False), name="r.json", source="r.json"))
    assert extract(doc).names("supplier") == ["东岭区胜威办公家具店"]  # type: ignore[arg-type]


def test_a_call_whose_title_opens_with_its_buyer_names_it() -> None:
    record = {"publishOneType": "PROCUREMENT", "companyTypeName": "新疆", "publishDate": "2025-10-14 10:00:00",
              "name": "中国移动新疆公司2025年变频氟泵空调集成采购_招标公告"}
    doc = next(read_input(json.dumps(record, ensure_ascii=False), name="r.json", source="r.json"))
    assert extract(doc).names("buyer") == ["中国移动新疆公司"]  # type: ignore[arg-type]


def test_a_title_opened_by_an_agency_or_a_company_announcing_its_award_names_no_buyer() -> None:
    from tendertrace.extract.orgs import title_buyer

    assert title_buyer("东岭国际招标有限公司关于西岭医院设备采购项目的招标公告") is None
    assert title_buyer("东岭数智科技股份有限公司关于中标智算中心项目的公告") is None
    assert title_buyer("西岭大学智算平台建设项目询价公告") == "西岭大学"
