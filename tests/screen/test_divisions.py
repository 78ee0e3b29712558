"""Local organs under a listed organ of their prefecture or city, through the GB/T 2260 divisions."""

from __future__ import annotations

import pytest

from tendertrace.model import ListEntry
from tendertrace.screen import Screener
from tendertrace.screen.divisions import divisions, organ_parents, without_designation

ENTRIES = [
    ListEntry("aksu", "EL", "Aksu District Public Security Bureau", ["阿克苏地区公安局"], "China"),
    ListEntry("nanjing", "EL", "Nanjing Municipal Public Security Bureau", ["南京市公安局"], "China"),
    ListEntry("kuitun", "EL", "Kuitun Municipal Public Security Bureau", ["奎屯市公安局"], "China"),
    ListEntry("wujiaqu", "EL", "Wujiaqu Municipality Public Security Bureau", ["五家渠市公安局"], "China"),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(ENTRIES)


def test_the_table_reads_a_county_up_to_its_province() -> None:
    table = divisions()
    county = table.by_name["温宿县"][0]
    prefecture = table.parent(county)
    assert prefecture is not None and prefecture.name == "阿克苏地区"
    province = table.parent(prefecture)
    assert province is not None and province.name == "新疆维吾尔自治区" and table.parent(province) is None


def test_organ_parents_go_up_with_the_organ_of_each_level() -> None:
    assert organ_parents("温宿县公安局") == ["阿克苏地区公安局", "新疆维吾尔自治区公安厅"]
    assert organ_parents("北京市海淀区公安分局") == ["北京市公安局"]  # a municipality has a 局, not a 厅
    assert organ_parents("温宿县看守所")[0] == "温宿县公安局"
    assert organ_parents("温宿县人民医院") == []


@pytest.mark.parametrize("query", ["温宿县公安局", "阿克苏市公安局", "拜城县看守所", "阿克苏地区拘留所",
                                   "南京市鼓楼区公安分局", "南京市江宁区公安分局", "江苏省南京市玄武区公安分局"])
def test_a_county_organ_is_an_affiliate_of_its_listed_prefecture_organ(screener: Screener, query: str) -> None:
    hit = screener.best(query)
    assert hit is not None and hit.relation == "affiliate" and hit.query == query
    assert hit.entry.id == ("nanjing" if "南京" in query else "aksu")


@pytest.mark.parametrize("query", [
    "鼓楼区公安分局",          # a district name several cities share names none of them
    "苏州市公安局",            # another city's bureau of the same kind
    "苏州市姑苏区公安分局",      # a district of another city
    "南京市鼓楼区教育局",        # the same district, another kind of organ
    "温宿县人民医院",
    "江苏省公安厅",            # the parent is not its listed child
])
def test_no_hit_for_sisters_other_kinds_or_parents(screener: Screener, query: str) -> None:
    assert screener.best(query) is None


def test_a_county_level_city_listed_itself_stays_itself(screener: Screener) -> None:
    hit = screener.best("奎屯市公安局")
    assert hit is not None and hit.entry.id == "kuitun" and hit.relation == "self"


def test_a_corps_division_governing_a_city_names_the_city_body(screener: Screener) -> None:
    assert without_designation("第六师五家渠市公安局") == "五家渠市公安局"
    assert without_designation("新疆生产建设兵团第六师五家渠市公安局") == "五家渠市公安局"
    assert without_designation("第六师中学") is None  # no division after it
    hit = screener.best("第六师五家渠市公安局")
    assert hit is not None and hit.entry.id == "wujiaqu" and hit.relation == "self"
    hit = screener.best("第一师阿克苏市公安局看守所")
    assert hit is not None and hit.entry.id == "aksu" and hit.relation == "affiliate"


@pytest.mark.parametrize("query", ["Wensu County Public Security Bureau", "Baicheng County Detention Center",
                                   "Kuche City Public Security Bureau"])
def test_a_county_organ_written_in_english_is_an_affiliate_too(screener: Screener, query: str) -> None:
    hit = screener.best(query)
    assert hit is not None and hit.entry.id == "aksu" and hit.relation == "affiliate" and hit.query == query


@pytest.mark.parametrize("query", ["Heping District Public Security Bureau",  # two cities have a 和平区
                                   "Wensu County Hospital", "Gusu District Public Security Bureau"])
def test_no_english_reading_for_shared_names_other_organs_or_other_cities(screener: Screener, query: str) -> None:
    assert screener.best(query) is None
