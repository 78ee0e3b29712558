"""Direct, indirect and aggregate ownership by listed parties; cycles; shares that do not reach 50 %."""

from __future__ import annotations

from datetime import date

from tendertrace.ownership import OwnershipLink
from tendertrace.screen import Screener

from .conftest import bound, links_of

CETC14 = "中国电子科技集团公司第十四研究所"
IN_FORCE = date(2025, 10, 15)


def test_direct_ownership_of_100_percent(screener: Screener) -> None:
    [hit] = bound(links_of("holdings.csv"), screener).screen("南京示例电子有限公司", IN_FORCE, "supplier")
    assert hit.relation == "owned" and hit.list == "EL" and "CETC 14" in hit.entry
    assert hit.owned_share == 100.0 and hit.rule_state == "in force" and hit.role == "supplier"
    assert [(s.owner, s.owned, s.share) for s in hit.ownership] == [(CETC14, "南京示例电子有限公司", 100.0)]


def test_aggregate_of_an_indirect_and_a_direct_holding(screener: Screener) -> None:
    # 30 % through a wholly owned subsidiary and 25 % held directly: 55 % in the aggregate.
    [hit] = bound(links_of("holdings.csv"), screener).screen("南京示例雷达技术有限公司", IN_FORCE)
    assert hit.owned_share == 55.0
    assert {(s.owner, s.owned, s.share) for s in hit.ownership} == {
        (CETC14, "南京示例电子有限公司", 100.0), ("南京示例电子有限公司", "南京示例雷达技术有限公司", 30.0),
        (CETC14, "南京示例雷达技术有限公司", 25.0)}
    assert "55 %" in hit.explanation and "90 FR 47201" in hit.explanation


def test_a_minority_holding_is_not_owned(screener: Screener) -> None:
    assert bound(links_of("holdings.csv"), screener).screen("南京示例少数股权有限公司", IN_FORCE) == []


def test_a_cycle_without_a_listed_owner_ends_and_covers_nothing(screener: Screener) -> None:
    index = bound(links_of("holdings.csv"), screener)
    assert index.screen("南京示例甲公司", IN_FORCE) == [] and index.screen("南京示例乙公司", IN_FORCE) == []


def test_a_cycle_below_a_listed_owner_is_covered_once(screener: Screener) -> None:
    links = [OwnershipLink(CETC14, "示例甲", 60.0), OwnershipLink("示例甲", "示例乙", 50.0),
             OwnershipLink("示例乙", "示例甲", 40.0), OwnershipLink("示例乙", "示例丙", 20.0)]
    index = bound(links, screener)
    # 甲: 60 % from the listed institute and 40 % from 乙, which 甲 covers in turn -> 100 %.
    [a] = index.screen("示例甲", IN_FORCE)
    assert a.owned_share == 100.0
    [b] = index.screen("示例乙", IN_FORCE)
    assert b.owned_share == 50.0
    assert index.screen("示例丙", IN_FORCE) == []


def test_aggregate_of_two_listed_owners_each_below_half(screener: Screener) -> None:
    links = [OwnershipLink(CETC14, "示例合资公司", 30.0),
             OwnershipLink("Hangzhou Hikvision Digital Technology Co., Ltd.", "示例合资公司", 20.0)]
    [hit] = bound(links, screener).screen("示例合资公司", IN_FORCE)
    assert hit.owned_share == 50.0 and len({s.owner for s in hit.ownership}) == 2


def test_the_same_holding_from_two_sources_counts_once(screener: Screener) -> None:
    links = [OwnershipLink(CETC14, "示例重复公司", 30.0, "registry"), OwnershipLink(CETC14, "示例重复公司", 30.0, "filing")]
    assert bound(links, screener).screen("示例重复公司", IN_FORCE) == []


def test_the_rule_state_follows_the_document_date(screener: Screener) -> None:
    index = bound(links_of("ownership.ftm.jsonl"), screener)
    states = [index.screen("示例视觉系统（深圳）有限公司", on)[0].rule_state
              for on in (date(2025, 9, 1), date(2025, 10, 1), date(2026, 3, 1), date(2026, 11, 10), None)]
    assert states == ["not yet made", "in force", "suspended", "in force", "date unknown"]


def test_a_consolidation_without_a_share_is_a_lead_not_a_holding(screener: Screener) -> None:
    index = bound(links_of("gleif_rr.csv"), screener)
    [hit] = index.screen("Example Sugon Data Services Co. Ltd.", IN_FORCE)
    assert hit.owned_share is None and "check whether" in hit.explanation
    [held] = index.screen("Example Sugon Cloud Computing Co., Ltd", IN_FORCE)
    assert held.owned_share == 75.0 and held.entry == "Sugon"


def test_no_listed_owner_no_hit(screener: Screener) -> None:
    links = [OwnershipLink("示例无名控股", "示例子公司", 100.0)]
    assert bound(links, screener).screen("示例子公司", IN_FORCE) == []
