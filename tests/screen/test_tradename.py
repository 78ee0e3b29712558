"""Group members by trade name: a company at a listed company's place under its trade name."""

from __future__ import annotations

import pytest

from tendertrace.model import ListEntry
from tendertrace.screen import Screener
from tendertrace.screen.tradename import sibling_of

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
