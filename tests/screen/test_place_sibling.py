"""A listed company's trade name with another city is the listed company of that city, where the
list has one whose name is the found one's with the place changed; a unit of it when the query adds
words; a whole company's name with a city branch after it stays that company's affiliate."""

from __future__ import annotations

import pytest

from tendertrace.model import ListEntry
from tendertrace.screen import Screener
from tendertrace.screen.relation import unit_of_whole_company
from tests.screen._hits import best

ENTRIES = [
    ListEntry("qz-bj", "EL", "Quzhiwei Photonic Technology (Beijing) Co., Ltd.", ["Quzhiwei Photonics"], "China"),
    ListEntry("qz-cd", "EL", "Quzhiwei Photonic Technology (Chengdu) Co., Ltd.", [], "China"),
    ListEntry("inst", "EL", "Nuclear Example Technology Research Institute", [], "China"),
    ListEntry("bit", "EL", "Beijing Institute of Technology", [], "China"),
]
# Enough other names for the words every institute has ("technology", "institute") to be common
# and a trade name to be rare, as on the real lists.
FILLER_NAMES = 600
ENTRIES += [ListEntry(f"f{i}", "EL", f"Filler{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}{chr(97 + i // 676)} Technology Research Institute", [], "China")
            for i in range(FILLER_NAMES)]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(ENTRIES)




@pytest.mark.parametrize("query", ["Quzhiwei Photonics (Chengdu)", "Quzhiwei Photonics Chengdu"])
def test_trade_name_with_another_city_is_that_citys_company(screener: Screener, query: str) -> None:
    assert best(screener, query) == ("qz-cd", "self")


def test_trade_name_with_the_city_and_a_unit_is_that_citys_affiliate(screener: Screener) -> None:
    assert best(screener, "Quzhiwei Photonics Chengdu Research and Development Center") == ("qz-cd", "affiliate")


def test_trade_name_with_a_city_no_sibling_has_stays_with_the_found_company(screener: Screener) -> None:
    hit = best(screener, "Quzhiwei Photonics (Wuhan)")
    assert hit is not None and hit[0] == "qz-bj"


def test_sibling_needs_a_rare_word_of_the_found_name(screener: Screener) -> None:
    # "Beijing Institute of Technology" is the institute's words with Beijing, but none of them is rare.
    hit = best(screener, "Nuclear Example Technology Research Institute Beijing Office")
    assert hit is None or hit[0] == "inst"


@pytest.mark.parametrize(("query", "unit"), [
    ("某某光子科技有限公司天津分公司", True),
    ("Example Photonics Co., Ltd. Tianjin Branch", True),
    ("某某光子天津公司", False),
    ("Example Photonics (Tianjin) Co., Ltd.", False),
])
def test_unit_of_whole_company(query: str, unit: bool) -> None:
    assert unit_of_whole_company(query) is unit
