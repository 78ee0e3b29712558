"""The relation rules of screening, each on a small list built for it."""

from __future__ import annotations

import pytest

from tendertrace.model import ListEntry
from tendertrace.screen import Screener

ENTRIES = [
    ListEntry("ustc", "EL", "University of Science and Technology of China", ["USTC"], "China"),
    ListEntry("hit", "EL", "Harbin Institute of Technology",
              ["Harbin Institute of Technology, Weihai Institute of Industrial Technology"], "China"),
    ListEntry("tju", "EL", "Tianjin University", [], "China"),
    ListEntry("aoe", "EL", "Academy of Optoelectronics, Chinese Academy of Sciences", [], "China"),
    ListEntry("semi", "EL", "Institute of Semiconductors, Chinese Academy of Sciences", [], "China"),
    ListEntry("iop", "EL", "Chinese Academy of Sciences, Institute of Physics", ["IOPCAS"], "China"),
    ListEntry("cetc14", "EL", "China Electronics Technology Group Corporation 14th Research Institute (CETC 14)",
              [], "China"),
    ListEntry("cetc", "NS-CMIC", "China Electronics Technology Group Corporation", [], "China"),
    ListEntry("sendero", "SDN", "SENDERO LUMINOSO", ["PEOPLE'S LIBERATION ARMY", "SL"], "Peru"),
    ListEntry("hik-hk", "EL", "Hikvision (HK)", [], "China"),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(ENTRIES)


@pytest.mark.parametrize("query", ["中国科学技术大学（本级）", "中国科学技术大学（采购中心）", "中国科学技术大学（校本部）",
                                   "中国科学技术大学(机关)", "中国科学技术大学本级"])
def test_a_self_marker_names_the_listed_entity_itself(screener: Screener, query: str) -> None:
    hit = screener.best(query)
    assert hit and hit.entry.id == "ustc" and hit.relation == "self" and hit.query == query


@pytest.mark.parametrize("query", ["哈尔滨工业大学（威海）", "哈尔滨工业大学（深圳）", "哈尔滨工业大学威海分校"])
def test_a_campus_is_an_affiliate(screener: Screener, query: str) -> None:
    hit = screener.best(query)
    assert hit and hit.entry.id == "hit" and hit.relation == "affiliate"


def test_a_bracket_the_listed_name_has_is_the_listing_itself() -> None:
    screener = Screener([ListEntry("1", "EL", "Sichuan University (Chengdu)", [], "China"),
                         ListEntry("2", "EL", "Sichuan University", [], "China")])
    hit = screener.best("四川大学（成都）")
    assert hit and hit.entry.id == "1" and hit.relation == "self"


def test_a_parent_is_not_its_listed_child(screener: Screener) -> None:
    assert screener.best("中国科学院") is None
    hits = screener.screen("中国电子科技集团", limit=5)
    assert [h.entry.id for h in hits] == ["cetc"]  # CETC itself, never its 14th Research Institute


def test_sister_institutes_are_no_hit(screener: Screener) -> None:
    assert screener.best("中国科学院化学研究所") is None
    # CETC's 13th institute is a unit of listed CETC, never its listed 14th.
    assert [(h.entry.id, h.relation) for h in screener.screen("中国电子科技集团公司第十三研究所", limit=5)] == [
        ("cetc", "affiliate")]
    assert screener.best("中国电子科技集团公司第十四研究所").entry.id == "cetc14"
    assert screener.best("中国科学院物理研究所").entry.id == "iop"


def test_a_near_name_is_no_hit(screener: Screener) -> None:
    assert screener.best("天津工业大学") is None
    assert screener.best("天津大学").entry.id == "tju"


def test_a_chinese_name_reaches_a_foreign_listing_only_through_an_exact_alias(screener: Screener) -> None:
    assert screener.best("中国人民解放军陆军研究院") is None
    assert screener.best("中国人民解放军") is None
    # A Latin-script query is not bound by the rule.
    assert screener.best("People's Liberation Army").entry.id == "sendero"
    # The entry's own Chinese alias is exact.
    own = Screener([ListEntry("x", "SDN", "Example Trading FZE", ["示例贸易公司"], "United Arab Emirates")])
    assert own.best("示例贸易公司").entry.id == "x"


def test_a_unit_is_not_the_listed_unit_whose_name_adds_a_distinguishing_word() -> None:
    screener = Screener([ListEntry("1", "EL", "China Academy of Science—Shenyang Institute of Automation", [], "China"),
                         *(ListEntry(str(i), "EL", f"{w} Research Institute", [], "China")
                           for i, w in enumerate(["Alpha", "Beta", "Gamma", "Delta", "Omega"], 2))])
    assert screener.best("中国科学院自动化研究所") is None
    assert screener.best("中国科学院沈阳自动化研究所").entry.id == "1"
    assert screener.best("Chinese Academy of Sciences Shenyang Institute of Automation").entry.id == "1"


def test_a_designation_or_acronym_in_brackets_restates_an_english_name() -> None:
    screener = Screener([
        ListEntry("norinco", "NS-CMIC", "China North Industries Group Corporation Limited", [], "China"),
        ListEntry("cadi", "EL", "Chengdu Aircraft Design and Research Institute", [], "China"),
    ])
    hit = screener.best("China North Industries Group Corporation Limited (NORINCO)")
    assert hit is not None and hit.relation == "self"
    hit = screener.best("Chengdu Aircraft Design and Research Institute (611 Institute)")
    assert hit is not None and hit.relation == "self"
    hit = screener.best("Chengdu Aircraft Design and Research Institute (Shenyang)")
    assert hit is not None and hit.relation == "affiliate"  # a place the listed name lacks: a branch


CHAIN_ENTRIES = [
    ListEntry("sia", "EL", "China Academy of Science—Shenyang Institute of Automation", [], "China"),
    ListEntry("simit", "EL", "Chinese Academy of Sciences' Shanghai Institute of Microsystem and Information Technology",
              [], "China"),
]


@pytest.mark.parametrize(("query", "entry", "relation"), [
    ("中国科学院沈阳分院沈阳自动化研究所", "sia", "self"),          # the branch academy between group and unit
    ("中国科学院上海分院上海微系统与信息技术研究所", "simit", "self"),
    ("中国科学院沈阳分院沈阳自动化研究所机器人学研究室", "sia", "affiliate"),
])
def test_a_unit_written_with_its_parent_chain_is_the_listed_unit(query: str, entry: str, relation: str) -> None:
    hit = Screener(CHAIN_ENTRIES).best(query)
    assert hit is not None and hit.entry.id == entry and hit.relation == relation


@pytest.mark.parametrize("query", ["中国科学院沈阳分院", "中国科学院上海分院", "中国科学院沈阳分院沈阳计算技术研究所"])
def test_the_middle_unit_alone_or_a_sister_under_it_is_no_hit(query: str) -> None:
    assert Screener(CHAIN_ENTRIES).best(query) is None


@pytest.mark.parametrize("query", [
    "哈尔滨工业大学软件学院",        # a school named by a word that elsewhere continues a name (软件)
    "天津大学信息与通信工程学院",
    "哈尔滨工业大学电子与信息工程学院",
])
def test_a_field_school_after_a_whole_university_name_is_its_unit(screener: Screener, query: str) -> None:
    hit = screener.best(query)
    assert hit is not None and hit.relation == "affiliate" and hit.entry.id in {"hit", "tju"}


def test_a_field_word_after_a_name_that_is_not_a_whole_institution_continues_it() -> None:
    from tendertrace.screen.relation import parents
    assert "天津大学" in parents("天津大学软件学院")
    assert "中国电子" not in parents("中国电子技术标准化研究院")  # CEC's name goes on; not a CEC unit
    assert "天津" not in parents("天津软件学院")
