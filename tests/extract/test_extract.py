from __future__ import annotations

import json

import pytest

from tendertrace.extract import extract, find_mentions
from tendertrace.extract.amounts import parse_capital
from tendertrace.ingest import read_input


def _extract(text: str, name: str = "n.txt"):
    doc = next(read_input(text, name=name, source=name))
    return doc, extract(doc)


@pytest.mark.parametrize(("text", "value"), [
    ("贰拾万元整", 200000), ("壹佰万元整", 1000000), ("玖拾柒万零捌佰柒拾叁圆柒角玖分", 970873.79),
    ("叁万元", 30000), ("壹亿贰仟万元", 120000000),
])
def test_capital_amounts(text: str, value: float) -> None:
    assert parse_capital(text) == pytest.approx(value)


def test_award_notice_fields_with_spans() -> None:
    text = ("某某项目中标结果公告\n发布时间：2024年3月20日\n项目编号：ABC-2024-01\n项目名称：云服务器租用服务\n"
            "采购人：深圳大学\n采购代理机构：某某招标有限公司\n中标供应商：成都运达科技股份有限公司\n中标金额：20万元\n")
    doc, ex = _extract(text)
    assert ex.notice_type == "award"
    assert ex.project_number == "ABC-2024-01"
    assert ex.project_name == "云服务器租用服务"
    assert ex.names("buyer") == ["深圳大学"]
    assert ex.names("agency") == ["某某招标有限公司"]
    assert ex.names("supplier") == ["成都运达科技股份有限公司"]
    assert ex.amount and ex.amount.value == 200000 and ex.amount.kind == "awarded"
    assert str(ex.published) == "2024-03-20"
    buyer = ex.parties[0]
    assert doc.text[buyer.span.start:buyer.span.end] == "深圳大学"


def test_consortium_members_are_separate_suppliers() -> None:
    _, ex = _extract("中标结果公告\n中标人: 长阳彤兴工程检测有限公司、葛洲坝集团试验检测有限公司联合体\n")
    assert ex.names("supplier") == ["长阳彤兴工程检测有限公司", "葛洲坝集团试验检测有限公司"]


def test_tender_call_max_price_and_budget() -> None:
    _, ex = _extract("招标公告\n2.4本项目最高投标限价为：1000000元人民币（壹佰万元整）\n投标保证金：叁万元\n")
    assert ex.notice_type == "tender_call"
    assert ex.amount and ex.amount.value == 1000000 and ex.amount.kind == "max_price"
    assert ex.names("supplier") == []


def test_opening_sentence_gives_buyer_and_agency() -> None:
    _, ex = _extract("采购公告\n宁波中基国际招标有限公司受宁波市海曙高新投资控股有限公司的委托，对项目进行公开招标。\n"
                     "受宁波广播电视集团委托，宁波中基国际招标有限公司就AI算力项目进行公开招标。")
    assert "宁波广播电视集团" in ex.names("buyer")


@pytest.mark.parametrize(("text", "kind", "normalized", "count"), [
    ("租用云服务器500台，每台配置8块NVIDIA A100", "chip", "nvidia-a100", 8),
    ("英伟达A100*8服务器", "chip", "nvidia-a100", 8),
    ("8卡H800服务器", "chip", "nvidia-h800", 8),
    ("HGX H20 8-GPU server", "chip", "nvidia-h20", 8),
    ("昇腾910B训练服务器", "domestic_chip", "huawei-ascend-910b", None),
    ("海外AWS账号（用于Claude 3）", "cloud_account", "cloud account", None),
    ("采购Azure OpenAI服务4000万tokens", "api_tokens", "40000000 tokens", 40000000),
    ("部署于亚马逊云科技", "cloud_provider", "aws", None),
])
def test_mentions(text: str, kind: str, normalized: str, count: int | None) -> None:
    from tendertrace.text.fold import match_text

    text = match_text(text)  # mentions are found in the matching text, as the pipeline does
    found = [m for m in find_mentions(text) if m.kind == kind]
    assert found, find_mentions(text)
    assert found[0].normalized == normalized
    assert found[0].count == count
    assert text[found[0].start:found[0].end] == found[0].text


def test_ascend_is_found_in_a_scanned_document() -> None:
    """OpenCC folds 昇 to 升 in the matching text: the knowledge patterns are folded alike."""
    doc, ex = _extract("采购需求：昇腾910B训练服务器8台")
    assert [m.normalized for m in ex.mentions if m.kind == "domestic_chip"] == ["huawei-ascend-910b"]
    assert ex.mentions[0].text == "昇腾910B"


@pytest.mark.parametrize("text", [
    "font-family:微软雅黑;", "中国移动云南公司", "class h200 a100x", "编号A40-2024-003", "ID:XA100B",
])
def test_traps_are_not_mentions(text: str) -> None:
    assert [m for m in find_mentions(text) if m.kind in ("chip", "cloud_provider", "ai_model")] == []


def test_short_chip_names_need_a_vendor_word() -> None:
    assert not [m for m in find_mentions("A10纸张 L4级自动驾驶") if m.kind == "chip"]
    assert [m.normalized for m in find_mentions("NVIDIA L4 GPU卡") if m.kind == "chip"] == ["nvidia-l4"]


def test_ocds_award() -> None:
    import json

    release = {"ocid": "ocds-x", "id": "1", "date": "2014-07-26T00:00:00Z", "tag": ["award"],
               "buyer": {"name": "DEPARTMENT OF X"}, "tender": {"title": "Spare parts", "id": "T-1"},
               "awards": [{"suppliers": [{"name": "ACME LTD"}], "value": {"amount": 24406, "currency": "EUR"}}]}
    doc = next(read_input(json.dumps(release), name="r.json", source="r.json"))
    ex = extract(doc)
    assert ex.notice_type == "award"
    assert ex.names("buyer") == ["DEPARTMENT OF X"] and ex.names("supplier") == ["ACME LTD"]
    assert ex.amount.value == 24406 and ex.amount.currency == "EUR"


def test_an_ocds_republishers_name_is_no_buyer() -> None:
    import json

    release = {"ocid": "ocds-b5fd17-x", "id": "2", "date": "2014-12-17T00:00:00Z", "tag": ["tender"],
               "buyer": {"name": "Spend Network"},
               "tender": {"title": "Framework for meals", "description": "Northmoor District Council is establishing a framework."}}
    ex = extract(next(read_input(json.dumps(release), name="r.json", source="r.json")))
    assert ex.names("buyer") == ["Northmoor District Council"]


def test_a_results_title_opens_with_its_buyer_not_its_winner() -> None:
    doc = next(read_input(json.dumps({"title": "滨湖医科大学第一医院手术室管理系统工程项目", "subtype": "成交",
                                      "spiderCode": "a_gjggzyjypt_gcjs_jggs", "publishTime": 1593696305,
                                      "winner": "滨湖久顺医疗科技有限责任公司", "bidAmount": 8989900,
                                      "detail": "滨湖医科大学第一医院手术室管理系统工程项目 中标人：滨湖久顺医疗科技有限责任公司"}, ensure_ascii=False),
                          name="r.json", source="r.json"))
    ex = extract(doc)
    assert ex.names("buyer") == ["滨湖医科大学第一医院"] and ex.names("supplier") == ["滨湖久顺医疗科技有限责任公司"]
    won = extract(next(read_input("滨湖久顺医疗科技有限责任公司中标滨湖医院项目结果公告\n中标人：滨湖久顺医疗科技有限责任公司\n",
                                  name="n.txt", source="n.txt")))
    assert "滨湖久顺医疗科技有限责任公司" not in won.names("buyer")  # the winner heading the title


def test_candidate_and_result_publicity_is_an_award() -> None:
    doc = next(read_input("东湖公司服务器采购中标候选人及中标结果公示\n中标人：西岭系统集成有限公司，中标价：人民币1,296万元。\n",
                          name="n.txt", source="n.txt"))
    ex = extract(doc)
    assert ex.notice_type == "award" and ex.names("supplier") == ["西岭系统集成有限公司"]
