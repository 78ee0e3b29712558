"""Parties and amounts of news prose and of notices' run-on fields, on sentences written for these
tests: a count of winners before the verb, a buyer that announces or holds its tender, amounts said to
be exceeded (余, 多), a purchase's worth, a value its label repeats, a party's next field run on after a
blank, a document cited by title, a title's short name given in full in the body, and English offers
chosen or purchases made from a seller."""

from __future__ import annotations

from tendertrace.extract import extract
from tendertrace.extract.amounts import find_amounts
from tendertrace.extract.award_en import en_award_parties
from tendertrace.ingest import read_input
from tendertrace.model import Extraction


def _extract(text: str, name: str = "n.txt") -> Extraction:
    return extract(next(read_input(text, name=name, source=name)))


def test_winners_counted_before_the_win_verb() -> None:
    ex = _extract("近日，该批采购已由北辰客车有限公司、南江汽车有限责任公司2家国内车企中标，合同随后签订。")
    assert sorted(ex.names("supplier")) == ["北辰客车有限公司", "南江汽车有限责任公司"]


def test_a_buyer_that_announces_its_tender_or_holds_its_tender_meeting() -> None:
    ex = _extract("5月3日，东川公交集团有限公司对外发布新能源公交车采购项目招标公告。")
    assert ex.names("buyer") == ["东川公交集团有限公司"]
    ex = _extract("日前，西岭市消防救援支队召开2024年度消防车辆集中采购招标会，5家企业参加投标。")
    assert ex.names("buyer") == ["西岭市消防救援支队"]


def test_amounts_said_to_be_exceeded_count_their_round_figure() -> None:
    found = [(a[0], a[1]) for a in find_amounts("投入2亿余元，另有300余万元、5万多元、80余元和5万余美元")]
    assert found == [(2e8, "CNY"), (3e6, "CNY"), (5e4, "CNY"), (80.0, "CNY"), (5e4, "USD")]


def test_a_sum_a_buyer_will_put_into_a_purchase_but_not_one_spent_or_appraised() -> None:
    ex = _extract("东川市将投入1.2亿元采购新能源公交车200辆。")
    assert ex.amount is not None and ex.amount.value == 120_000_000 and ex.amount.kind == "budget"
    ex = _extract("该项目截至2024年3月31日已投入募集资金1,712.60万元。\n标的物评估价值：38,500.00元\n")
    assert ex.amount is None


def test_a_value_that_its_line_labels_again() -> None:
    # 成交供应商名称： with its value on the next line, written 包为“X”的成交供应商：Y
    ex = _extract("成交公告\n二、成交供应商名称：\n包为“实训设备”的成交供应商：南江教学设备有限公司，成交金额：186000元\n")
    assert ex.names("supplier") == ["南江教学设备有限公司"]


def test_a_party_field_runs_on_into_the_next_after_a_blank() -> None:
    ex = _extract("中标公告\n一、采购人名称：东川市教育局 采购人地址：东川市人民路1号 采购人联系方式：0000-0000000\n"
                  "中标供应商名称：南江信息技术有限公司  2.中标供应商地址：东川市凤凰路8号\n")
    assert ex.names("buyer") == ["东川市教育局"]
    assert ex.names("supplier") == ["南江信息技术有限公司"]


def test_the_issuer_of_a_document_cited_by_title_is_no_party() -> None:
    ex = _extract("成交结果公告\n成交供应商：南江信息技术有限公司\n代理机构按《东川市发展改革委办公厅关于招标代理服务收费有关问题的通知》"
                  "规定向成交人收取服务费。\n")
    assert "东川市发展改革委办公厅" not in ex.names("buyer")


def test_a_title_names_the_buyer_short_and_the_body_in_full() -> None:
    ex = _extract("北湖学校（初中部）体育器材采购项目成交公告\n\n上海市松江区北湖学校《体育器材采购项目》竞争性谈判，成交结果公布如下：\n"
                  "1、成交供应商：南江教学设备有限公司\n2、成交金额：408000元\n")
    assert ex.names("buyer") == ["上海市松江区北湖学校"]


def _award(text: str) -> dict[str, str]:
    return {text[p.start:p.end]: p.role for p in en_award_parties(text)}


def test_an_offer_chosen_or_a_purchase_made_names_the_seller() -> None:
    assert _award("The board voted to approve the bid from Prairie Fire Apparatus in the amount of $612,000.") == {
        "Prairie Fire Apparatus": "supplier"}
    assert _award("Members noted the district was making the purchase from Lakeside Bus Sales.") == {
        "Lakeside Bus Sales": "supplier"}
    # a bid only opened or received is no award
    assert _award("The first bid opened was from Prairie Fire Apparatus at $612,000.") == {}
