"""Parties of English reports of a tender's result, on sentences written for these tests: winners
after a passive supply verb and a descriptor, winners as the subjects of share verbs and coordinated
before them, the buyer named by its procurement's possessive, a short form of a longer name, and the
Chinese result and consortium statements."""

from __future__ import annotations

from tendertrace.extract import extract
from tendertrace.model import Document

from ._docs import roles


def _parties(text: str) -> dict[str, str]:
    ex = extract(Document(id="t", source="t", format="text", text=text))
    return {p.name: p.role for p in ex.parties}


def test_winners_after_a_passive_supply_verb_and_a_descriptor() -> None:
    got = roles("Most of the 40,000 servers will be supplied by domestic vendors Eastfield, Q7C and nFabric.")
    assert {n: got.get(n) for n in ("Eastfield", "Q7C", "nFabric")} == {"Eastfield": "supplier", "Q7C": "supplier", "nFabric": "supplier"}


def test_winners_as_subjects_of_share_verbs_and_the_names_before_them() -> None:
    got = roles("Based on the disclosed packages, Rivergate, K9 Systems, and Talon Compute emerged as the winners of the round.")
    assert got.get("Rivergate") == got.get("K9 Systems") == got.get("Talon Compute") == "supplier"
    assert roles("Rivergate won the most, securing shares in nine packages.").get("Rivergate") == "supplier"


def test_the_owner_of_a_procurement_named_by_its_possessive_buys() -> None:
    got = roles("Two-thirds of Westlake Mobile's new $1 billion server tender is set to go to local companies.")
    assert got.get("Westlake Mobile") == "buyer"


def test_a_us_vendors_orders_are_its_sales_not_a_purchase() -> None:
    assert roles("Nvidia's H20 orders from Chinese firms rose in the quarter.").get("Nvidia") != "buyer"


def test_a_buyer_that_released_its_result_with_a_time_word() -> None:
    got = _parties("Westlake Unicom yesterday released the bid-winning announcement for its AI server project. "
                   "Redpine won the bid with 300 million yuan. Redpine had earlier won an order from Eastern Mobile.")
    assert got.get("Westlake Unicom") == "buyer"
    assert got.get("Redpine") == "supplier"


def test_a_short_english_form_is_the_longer_name_it_opens() -> None:
    got = _parties("Service provider: Hollowbrook Digital Infrastructure Group Co., Ltd.\n"
                   "Hollowbrook Digital won the contract for GPU rental.")
    assert "Hollowbrook Digital" not in got
    assert got.get("Hollowbrook Digital Infrastructure Group Co., Ltd.") == "supplier"


def test_an_institution_word_alone_is_no_buyer() -> None:
    assert "Centre" not in roles("The Centre's tender for GPU servers closes on 1 May.")


def test_a_result_that_names_its_winning_vendor() -> None:
    assert roles("专家组进行了认真审核，确认江岭数智科技有限公司为中标商。").get("江岭数智科技有限公司") == "supplier"
    assert roles("经评审，江岭数智科技有限公司为中标候选人。").get("江岭数智科技有限公司") != "supplier"


def test_a_labelled_winners_consortium_members_are_suppliers_too() -> None:
    got = _parties("招标单位：南岭数字科技发展有限公司\n中标金额：3,176.00万元\n"
                   "中标单位：东岭创新互联网股份有限公司（联合体成员：北岭建投集团股份有限公司、西岭建筑设计研究院有限公司）\n")
    assert got.get("北岭建投集团股份有限公司") == got.get("西岭建筑设计研究院有限公司") == "supplier"
    assert not any("联合体成员" in n for n in got)


def test_a_consortium_lead_and_the_writers_own_institution_open_no_name() -> None:
    got = _parties("公司作为牵头人与北岭建投集团股份有限公司组成投标联合体参与投标。")
    assert "牵头人与北岭建投集团股份有限公司" not in got
    got = _parties("本次采购由我校信息科学技术学院提出需求。")
    assert "我校信息科学技术学院" not in got


def test_a_go_between_named_by_a_report_is_the_supplier() -> None:
    got = roles("The orders were placed on Monday with an intermediary called Eastbay Supply Chain, and 64 servers are due in June.")
    assert got.get("Eastbay Supply Chain") == "supplier"


def test_buyers_listed_with_a_descriptor_and_winners_in_the_present_tense() -> None:
    assert "Tsinglan University" in roles("The buyers include the state-run Tsinglan University, which has military ties.")
    got = roles("The public sector accelerates AI adoption as Zhiwen and iSpark emerge as winners.")
    assert got.get("Zhiwen") == got.get("iSpark") == "supplier"


def test_a_run_opened_by_a_verb_is_no_winner() -> None:
    assert roles("确认公司为该项目的中标单位，预计该项目中标金额为人民币7,900万元。") == {}


def test_a_joint_stock_companys_service_contract_tells_what_it_sells() -> None:
    got = roles("合同内容显示，东岭通信集团股份有限公司与西岭超算中心有限公司签订《算力服务合同》。")
    assert got == {"东岭通信集团股份有限公司": "supplier", "西岭超算中心有限公司": "buyer"}
    got = roles("东岭通信集团股份有限公司与西岭计算科技有限公司签订《采购合同》。")
    assert got == {"东岭通信集团股份有限公司": "buyer", "西岭计算科技有限公司": "supplier"}


def test_a_name_written_twice_is_no_short_form_of_itself() -> None:
    from tendertrace.extract.orgs import find_orgs

    found = find_orgs('Harbourline Data Limited (the "Employer") invites tenders for GPU systems.\n© 2024 Harbourline Data Limited.')
    assert [(o.name, o.role) for o in found] == [("Harbourline Data Limited", "buyer"), ("Harbourline Data Limited", "mentioned")]
