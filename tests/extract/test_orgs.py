"""The organisation recogniser on sentences written for these tests, one class each."""

from __future__ import annotations

from datetime import date

import pytest

from tendertrace.extract import extract
from tendertrace.extract.dates import document_date
from tendertrace.extract.orgs import OrgName, find_orgs
from tendertrace.model import Document
from tendertrace.text.dates import parse_date
from tendertrace.text.fold import match_text


def orgs(text: str) -> list[OrgName]:
    return find_orgs(text, match_text(text))


def roles(text: str) -> dict[str, str]:
    return {o.name: o.role for o in orgs(text)}


def doc(text: str, published: date | None = None) -> Document:
    return Document(id="t", source="t", format="text", text=text, match_text=match_text(text), published=published)


def test_labelled_buyer_stops_at_the_verb() -> None:
    assert roles("采购人：江南理工大学采购图形工作站十台") == {"江南理工大学": "buyer"}


def test_running_text_subject_that_buys_is_the_buyer() -> None:
    found = roles("国防科技大学采购GPU服务器2台，每台配置8块H100")
    assert found == {"国防科技大学": "buyer"}


def test_user_unit_and_supplier_words() -> None:
    found = roles("用户单位：东海海洋装备研究所；服务商：苏州云迅信息技术有限公司")
    assert found == {"东海海洋装备研究所": "buyer", "苏州云迅信息技术有限公司": "supplier"}


def test_party_a_and_party_b() -> None:
    found = roles("甲方：西岭智能计算研究院    乙方：成都星弧数据科技有限公司")
    assert found == {"西岭智能计算研究院": "buyer", "成都星弧数据科技有限公司": "supplier"}


def test_counterpart_of_a_signed_contract() -> None:
    found = roles("北山大学人工智能研究院与杭州白塔云计算有限公司签订GPU租赁合同")
    assert found == {"北山大学人工智能研究院": "buyer", "杭州白塔云计算有限公司": "supplier"}


def test_disclosure_customer_is_buyer_and_announcer_supplier() -> None:
    text = ("证券代码：300999    证券简称：云枢股份\n云枢数据股份有限公司关于签订日常经营合同的公告\n"
            "近日，公司与南湖大模型研究有限公司签订《算力服务合同》，合同总金额为人民币1.5亿元。")
    found = roles(text)
    assert found["南湖大模型研究有限公司"] == "buyer"
    assert found["云枢数据股份有限公司"] == "supplier"


def test_disclosure_with_bracketed_roles() -> None:
    text = ("本公告乃由恒光控股有限公司（「本公司」）作出。本公司之全资附属公司上海恒光算力科技有限公司（「買方」）"
            "與廣州曜石電子有限公司（「賣方」）訂立採購協議。")
    found = roles(text)
    assert found["上海恒光算力科技有限公司"] == "buyer"
    assert found["廣州曜石電子有限公司"] == "supplier"


def test_news_sentence_keeps_both_coordinated_buyers_and_place_names_with_he() -> None:
    found = roles("据媒体报道，滨江工业大学和呼和浩特和林格尔新区算力运营有限公司近日通过中间商购买了英伟达芯片。")
    assert found == {"滨江工业大学": "buyer", "呼和浩特和林格尔新区算力运营有限公司": "buyer"}


def test_english_notice_purchaser_and_supplied_by() -> None:
    text = ("Purchaser: Remote Sensing Research Institute, Chinese Academy of Sciences\n"
            "The servers shall be supplied by Beijing Polar Computing Co., Ltd. within 60 days.")
    found = roles(text)
    assert found["Remote Sensing Research Institute, Chinese Academy of Sciences"] == "buyer"
    assert found["Beijing Polar Computing Co., Ltd."] == "supplier"


def test_english_press_release_customer() -> None:
    text = ('PRESS RELEASE\nNorthwind Compute Group Co., Ltd. (the "Company") today announced that it has entered '
            "into a computing power service agreement with Lakeside Robotics Technology Co., Ltd. for two years.")
    found = roles(text)
    assert found["Lakeside Robotics Technology Co., Ltd."] == "buyer"
    assert found["Northwind Compute Group Co., Ltd."] == "supplier"


@pytest.mark.parametrize(("text", "name"), [
    ("由采购代理机构向华北电力设计院有限公司发出通知", "华北电力设计院有限公司"),
    ("现对深圳市鹏程云（深圳）科技有限公司的报价进行公示", "深圳市鹏程云（深圳）科技有限公司"),
    ("中国电子科技集团公司第二十八研究所计划采购服务器", "中国电子科技集团公司第二十八研究所"),
    ("中国科学院声学研究所为本项目用户", "中国科学院声学研究所"),
])
def test_boundaries(text: str, name: str) -> None:
    assert name in {o.name for o in orgs(text)}


@pytest.mark.parametrize("text", ["大学生创新创业大赛的全部所有局面", "开展政府采购工作", "图形及深度学习工作站两台",
                                  "本公司及该单位的子公司"])
def test_no_organisation_in_ordinary_words(text: str) -> None:
    assert orgs(text) == []


def test_masked_name_is_kept_and_marked() -> None:
    (found,) = orgs("某单位采购GPU服务器")
    assert found.name == "某单位" and found.masked and found.role == "buyer"


def test_issuer_heading_is_buyer_and_every_other_org_is_mentioned() -> None:
    text = "白鹭湾智能装备研究院\nGPU服务器租赁服务询价公告\n\n供应商须在江城市公共资源交易中心递交响应文件。"
    ex = extract(doc(text))
    assert ex.names("buyer") == ["白鹭湾智能装备研究院"]
    mentioned = [p for p in ex.parties if p.role == "mentioned"]
    assert [p.name for p in mentioned] == ["江城市公共资源交易中心"]
    assert all(p.span is not None and text[p.span.start: p.span.end] == p.name for p in ex.parties)


def test_extract_fills_buyer_from_running_text_only_when_labels_give_none() -> None:
    ex = extract(doc("采购人：青石大学\n项目概况：青石大学计算中心与白云数据科技有限公司签订合同。"))
    assert ex.names("buyer") == ["青石大学"]
    assert "白云数据科技有限公司" in {p.name for p in ex.parties}


def test_dates_in_order_record_label_signature_first_line() -> None:
    text = "一、项目于2024年3月2日立项\n发布日期：2024-03-05\n特此公告。\n某研究所\n2024年3月6日"
    assert document_date(date(2024, 3, 1), date(2024, 3, 5), text) == (date(2024, 3, 1), "record")
    assert document_date(None, date(2024, 3, 5), text) == (date(2024, 3, 5), "label")
    assert document_date(None, None, text) == (date(2024, 3, 6), "signature")
    assert document_date(None, None, "BEIJING, December 2, 2024 -- the Company said") == (
        date(2024, 12, 2), "first_dated_line")
    assert document_date(None, None, "no date here, only 2024 and 3.5") == (None, None)


@pytest.mark.parametrize(("value", "expected"), [
    ("2024年4月15日", date(2024, 4, 15)), ("2024/4/15", date(2024, 4, 15)), ("15 April 2024", date(2024, 4, 15)),
    ("二〇二四年四月十五日", date(2024, 4, 15)), ("2024-02-30", None), ("", None), (12, None),
])
def test_one_date_parser(value: object, expected: date | None) -> None:
    assert parse_date(value) == expected


def test_extraction_records_where_its_date_came_from() -> None:
    ex = extract(doc("询价公告\n发布时间：2025年1月9日\n内容"))
    assert (ex.published, ex.date_source) == (date(2025, 1, 9), "label")
    assert extract(doc("询价公告，无日期")).date_source is None


def test_amount_of_the_row_not_its_neighbour() -> None:
    text = "序号 | 名称 | 金额\n1 | 办公桌椅 | 12.5万元\n2 | GPU服务器（8卡H100） | 680万元\n3 | 打印机 | 3万元"
    ex = extract(doc(text))
    row = text.index("GPU服务器")
    at = ex.amount_at(row, row + 5)
    assert at is not None and at.value == 6_800_000
    sentence = "项目包括机房装修，金额20万元。另采购算力服务，合同金额为人民币1.2亿元。"
    ex = extract(doc(sentence))
    pos = sentence.index("算力服务")
    at = ex.amount_at(pos, pos + 4)
    assert at is not None and at.value == 120_000_000


def test_a_notice_naming_thousands_of_organisations_screens_the_first_ones() -> None:
    from tendertrace.extract import MAX_MENTIONED

    names = "、".join(f"第{'一二三四五六七八九'[i % 9]}测绘院{'甲乙丙丁戊己庚辛壬癸'[i // 9 % 10]}{'子丑寅卯辰巳午未申酉'[i // 90 % 10]}"
                      f"{'金木水火土'[i // 900 % 5]}研究所" for i in range(MAX_MENTIONED + 50))
    d = doc("参加单位：" + names)
    ex = extract(d)
    assert sum(p.role == "mentioned" for p in ex.parties) == MAX_MENTIONED
    assert any("not screened" in w for w in d.warnings)


def test_ordinals_with_ling_and_script_change_end_names() -> None:
    assert "中国航天科工集团有限公司第二〇七研究所" in {o.name for o in orgs("中国航天科工集团有限公司第二〇七研究所采购服务器")}
    assert roles("title: 东湖智慧物流服务中心GPU云主机租用项目成交公告") == {"东湖智慧物流服务中心": "buyer"}


def test_sole_supplier_of_a_single_source_notice() -> None:
    found = roles("经论证，杭州云川信息技术有限公司为该设备在华东地区的唯一授权服务商，拟采用单一来源方式采购。")
    assert found == {"杭州云川信息技术有限公司": "supplier"}


def test_date_labels_that_end_a_longer_label_and_publicity_periods() -> None:
    assert extract(doc("单一来源论证\n专家论证意见发布日期：2025年2月3日")).published == date(2025, 2, 3)
    assert extract(doc("中标结果公示\n五、公示期：2024年9月2日至2024年9月4日")).published == date(2024, 9, 2)


@pytest.mark.parametrize(("text", "names"), [
    ("由电力公司负责实施，中心东坡区分中心配合", []),
    ("中国科学院采购服务器", ["中国科学院"]),
    ("本次由中国电子科技集团有限公司承担", ["中国电子科技集团有限公司"]),
])
def test_fragments_are_no_names_but_institutions_of_glossary_words_are(text: str, names: list[str]) -> None:
    assert [o.name for o in orgs(text)] == names
