"""Short forms the rules of abbreviations_zh.yaml read: province + operator (宁夏电信) is the operator's
provincial company, 中共X委员会 is X's party committee; on entries written for these tests."""

from __future__ import annotations

from tendertrace.model import ListEntry
from tendertrace.screen import Screener


def _screener() -> Screener:
    entries = [
        ListEntry("t-1", "NS-CMIC", "China Telecom Corporation Limited", aliases=["中国电信股份有限公司"], country="CN"),
        ListEntry("t-2", "NS-CMIC", "China Mobile Limited", country="CN"),
    ]
    return Screener(entries)


def test_a_province_and_an_operator_is_its_provincial_company() -> None:
    hit = _screener().best("宁夏电信")
    assert hit is not None and hit.entry.name == "China Telecom Corporation Limited" and hit.relation == "affiliate"
    assert "short form" in hit.explanation


def test_another_word_before_the_operator_is_no_province() -> None:
    hit = _screener().best("天河电信器材")
    assert hit is None or "short form" not in hit.explanation


def test_a_branch_after_the_operator_is_its_branch_and_a_company_of_its_own_is_not() -> None:
    hit = _screener().best("宁夏电信银川分公司")
    assert hit is not None and hit.relation == "affiliate" and "short form" in hit.explanation
    hit = _screener().best("北京电信规划设计院有限公司")
    assert hit is None or "short form" not in hit.explanation


def test_a_party_committee_written_in_full_is_a_part_of_its_body() -> None:
    screener = Screener([ListEntry("t-3", "EL", "Harbin Engineering University", aliases=["哈尔滨工程大学"], country="CN")])
    hit = screener.best("中共哈尔滨工程大学委员会")
    assert hit is not None and hit.entry.name == "Harbin Engineering University" and hit.relation == "affiliate"
    assert screener.best("中共中央委员会") is None


def test_the_internal_bodies_of_an_institute_are_its_parts() -> None:
    screener = Screener([ListEntry("t-4", "EL", "54th Research Institute of China", aliases=["中国电子科技集团公司第五十四研究所"],
                                   country="CN")])
    for unit in ("研究生部", "工会委员会", "党委"):
        hit = screener.best("中国电子科技集团公司第五十四研究所" + unit)
        assert hit is not None and hit.relation == "affiliate" and hit.score == 1.0, unit
