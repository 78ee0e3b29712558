"""Group members by trade name: a company at a listed company's place under its trade name."""

from __future__ import annotations

import pytest

from tendertrace.model import ListEntry
from tendertrace.screen import Screener
from tendertrace.screen.tradename import _pick, sibling_of

ENTRIES = [ListEntry("hik", "EL", "Hangzhou Hikvision Digital Technology Co., Ltd.", ["Hikvision"], "China")]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(ENTRIES)


def test_a_company_with_the_place_and_trade_name_of_a_listed_one_is_its_affiliate(screener: Screener) -> None:
    assert sibling_of("杭州海康威视安防工程有限公司") == "杭州海康威视数字技术股份有限公司"
    hit = screener.best("杭州海康威视安防工程有限公司")
    assert hit is not None and hit.entry.id == "hik" and hit.relation == "affiliate"
    assert hit.score < 1.0 and "trade name" in hit.explanation


@pytest.mark.parametrize("query", [
    "杭州海康威视控股有限公司",     # the owner of the companies of its name, not one of them
    "杭州海康威视投资有限公司",
    "宁波海康威视安防工程有限公司",   # another place: a trade name is protected only where it is registered
    "杭州新海康威视安防工程有限公司",  # another trade name that holds the listed one
    "杭州海康威视安防工程研究院",     # not a company
    "江苏南大软件科技有限公司",       # a university's short name used as a trade name
])
def test_no_sibling_for_owners_other_places_other_trade_names_or_institutions(query: str) -> None:
    assert sibling_of(query) is None


def test_the_listed_name_itself_is_no_sibling() -> None:
    assert sibling_of("杭州海康威视数字技术股份有限公司") is None


@pytest.mark.parametrize(("query", "listed"), [
    # a member registered without a place shares the listed place-less group head's trade name
    ("科大讯飞医疗信息技术有限公司", "科大讯飞股份有限公司"),
    ("北方华创真空技术有限公司", "北方华创科技集团股份有限公司"),
    # the listed trade name followed by more of the member's own words, at the listed one's place
    ("杭州海康威视萤石网络有限公司", "杭州海康威视数字技术股份有限公司"),
])
def test_members_without_a_place_or_extending_the_trade_name(query: str, listed: str) -> None:
    assert sibling_of(query) == listed


@pytest.mark.parametrize("query", [
    "宁波海康威视萤石网络有限公司",  # the extended trade name at another place
    "曙光乳业集团有限公司",          # a place-less company heading a group of its own
    "熊猫乳品集团股份有限公司",
    "中船物流有限公司",              # 中船, 中交: a state group's short name, not one company's trade name
    "中交物流有限公司",
    "长城汽车股份有限公司",          # the listed 长城 company has a place; a place-less namesake is another
    "科大讯飞控股有限公司",          # the owner of the companies of its name
])
def test_no_member_for_other_places_own_groups_or_state_group_short_names(query: str) -> None:
    assert sibling_of(query) is None


def test_of_two_listed_companies_of_one_trade_name_the_joint_stock_one_heads_the_group() -> None:
    named = {"Parent": "江苏某某光电股份有限公司", "Child": "江苏某某海缆系统有限公司"}
    assert _pick(named) == "江苏某某光电股份有限公司"
    assert _pick({"A": "江苏某某光电股份有限公司", "B": "江苏某某电缆股份有限公司"}) is None
