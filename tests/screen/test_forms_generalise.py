"""Classes of name variants screening must read on names it was not built around: brackets that
restate the entity, ordinals written as words, one stem's endings, pinyin run together. Each
test uses a small list of invented entries, so only the class is exercised."""

from __future__ import annotations

import pytest

from tendertrace.model import ListEntry
from tendertrace.screen import Screener
from tendertrace.screen.score import sim

ENTRIES = [
    ListEntry("inst9", "EL", "Northland Aerospace Group Corporation No. 9 Institute", [], "China",
              address="12 Lake Road, Wuhan, Hubei, China; and 3 Hill Road, Xiamen, China"),
    ListEntry("grp", "NS-CMIC", "Northland Aerospace Group Corporation Limited", [], "China"),
    ListEntry("third", "EL", "Northland Aerospace Group Corporation Third Academy", [], "China"),
    ListEntry("scc", "EL", "National Supercomputer Center Qingyuan", [], "China"),
    ListEntry("lab", "EL", "Bao Lin Laboratory", [], "China"),
    ListEntry("uni", "EL", "Harbin Polar University", [], "China",
              address="1 Main Street, Harbin, China; and 2 Sea Road, Weihai, China"),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(ENTRIES)


@pytest.mark.parametrize("query", [
    "Northland Aerospace Group Corporation No. 9 Institute (NAGC-9)",  # an initialism
    "Northland Aerospace Group Corporation No. 9 Institute (Wuhan)",  # the entity's own seat
    "Northland Aerospace Group Corporation Limited (NORTHLAND)",
])
def test_a_bracket_that_restates_the_entity_keeps_it_self(screener: Screener, query: str) -> None:
    hit = screener.best(query)
    assert hit and hit.relation == "self" and hit.query == query


def test_a_bracketed_place_elsewhere_is_still_a_campus(screener: Screener) -> None:
    hit = screener.best("Harbin Polar University (Weihai)")  # a later address: a campus, not the seat
    assert hit and hit.entry.id == "uni" and hit.relation == "affiliate"


def test_ordinal_words_and_numbers_are_one_designation(screener: Screener) -> None:
    hit = screener.best("Northland Aerospace Group Corporation 3rd Academy")
    assert hit and hit.entry.id == "third" and hit.relation == "self"
    # ... and a different number is a sister unit, not the listed one.
    other = screener.best("Northland Aerospace Group Corporation Fourth Academy")
    assert other is None or other.entry.id != "third"


def test_two_endings_of_one_stem_agree() -> None:
    assert sim("supercomputing", "supercomputer") > 0
    assert sim("electronic", "electrical") == 0  # a shared beginning too short to be one stem
    assert sim("communication", "communist") == 0


def test_supercomputing_finds_supercomputer(screener: Screener) -> None:
    hit = screener.best("National Supercomputing Center Qingyuan")
    assert hit and hit.entry.id == "scc" and hit.relation == "self"


def test_pinyin_run_together_finds_the_syllables_the_list_writes_apart(screener: Screener) -> None:
    hit = screener.best("Baolin Laboratory")
    assert hit and hit.entry.id == "lab"
    assert screener.best("Baolun Laboratory") is None  # no such syllables on the list


GROUPED = [
    ListEntry("unit", "MEU", "Eastport Marine Design and Research Institute", [], "China"),
    ListEntry("psb", "EL", "Lakeshire Production Corps Public Security Bureau", [], "China"),
]


@pytest.fixture(scope="module")
def grouped() -> Screener:
    return Screener(GROUPED)


def test_a_unit_written_after_its_groups_initialism_is_the_unit(grouped: Screener) -> None:
    hit = grouped.best("EMG Eastport Marine Design & Research Institute")
    assert hit and hit.entry.id == "unit" and hit.relation == "self"
    assert "group 'EMG'" in hit.explanation


def test_only_an_initialism_in_front_is_read_as_a_group() -> None:
    from tendertrace.screen.relation import group_prefixes

    assert group_prefixes("Westport Eastport Marine Design Institute") == []  # a word, not an initialism
    assert group_prefixes("EM Eastport Marine Design Institute") == []  # two letters: too short
    assert group_prefixes("EMG Eastport") == []  # one word left is no unit


def test_a_chinese_group_prefix_needs_a_known_group() -> None:
    from tendertrace.screen.relation import group_prefixes

    assert group_prefixes("某某某某上海飞机设计研究院") == []  # no name the alias table knows in front
    assert group_prefixes("中国商飞上海飞机设计研究院") == [("中国商飞", "上海飞机设计研究院")]


def test_a_park_or_base_of_a_centre_is_a_sub_unit() -> None:
    from tendertrace.screen.relation import parents

    # 科技 would otherwise continue the centre's own name; 科技园 is a park of it.
    assert "国家超级计算济南中心" in parents("国家超级计算济南中心科技园")
    assert "国家超级计算济南中心" not in parents("国家超级计算济南中心科技")


def test_a_bureau_is_a_parent_of_its_stations() -> None:
    from tendertrace.screen.relation import parents

    assert "某某市公安局" in parents("某某市公安局新湖派出所")


UNITS = [
    ListEntry("phys", "EL", "Northland Academy of Sciences, Institute of Optics", [], "China"),
    ListEntry("other", "EL", "Eastport Copper Mining Company", [], "China"),
    ListEntry("third", "EL", "Westmoor Glass Works", [], "China"),
]


def test_a_unit_that_puts_a_distinguishing_word_before_the_listed_units_is_another_unit() -> None:
    screener = Screener(UNITS)
    assert screener.best("Northland Academy of Sciences Institute of Optics").entry.id == "phys"
    # A sister institute: its own place word stands before the words it shares.
    assert screener.best("Northland Academy of Sciences Eastport Institute of Optics") is None
    # An address after the unit's name is not a name of its own.
    hit = screener.best("Northland Academy of Sciences Institute of Optics Eastport")
    assert hit is None or hit.entry.id == "phys"


def test_a_holding_is_not_the_listed_operating_company_of_its_name() -> None:
    from tendertrace.screen.relation import holding_of

    assert holding_of("Hubei Huake Holdings Co. Ltd.", "Hubei Huake Microelectronics")
    assert not holding_of("Hubei Huake Microelectronics Co. Ltd.", "Hubei Huake Microelectronics")
    assert not holding_of("Hubei Huake Holdings", "Hubei Huake Holdings Group")  # the holding itself
    screener = Screener([ListEntry("op", "EL", "Hubei Huake Microelectronics", [], "China")])
    assert screener.best("湖北华科控股有限公司") is None
    hit = screener.best("湖北华科微电子有限公司")
    assert hit and hit.entry.id == "op"
