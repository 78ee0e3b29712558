"""English writings of listed names read as classes: Hong Kong spelled four ways, plurals, hyphens,
a parent's initials, a unit written with its parent after a comma; and a group is not its company."""

from __future__ import annotations

import pytest

from tendertrace.model import ListEntry
from tendertrace.screen import Screener
from tendertrace.screen.names import tokens_en
from tests.screen._hits import best

ENTRIES = [
    ListEntry("dgt", "EL", "DGT Technology (HK) Co., Limited", [], "China"),
    ListEntry("woke", "EL", "Woke Trading Hongkong Limited", [], "China"),
    ListEntry("nata", "EL", "Jiangsu Nata Optoelectronic Material Co., Ltd.", [], "China"),
    ListEntry("air", "EL", "Aerospace Information Research Institute, Chinese Academy of Sciences", ["AIRCAS"], "China"),
    ListEntry("niaot", "EL", "Nanjing Institute of Astronomical Optics and Technology", ["NIAOT"], "China"),
    ListEntry("amms-ime", "EL", "Academy of Military Medical Sciences, Institute of Microbiology and Epidemiology",
              [], "China"),
    ListEntry("sio2", "MEU", "Second Institute of Oceanography, Ministry of Natural Resources", [], "China"),
    ListEntry("iop", "EL", "Chinese Academy of Sciences, Institute of Physics", [], "China"),
    ListEntry("scu", "EL", "Sichuan University", [], "China"),
    ListEntry("csicl", "NS-CMIC", "China Shipbuilding Industry Company Limited", [], "China"),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(ENTRIES)




def test_hong_kong_written_as_hk_hongkong_or_two_words_is_one_word() -> None:
    assert tokens_en("X (HK) Ltd") == tokens_en("X (Hong Kong) Ltd") == tokens_en("X H.K. Ltd")[:1] + ["hongkong", "ltd"]
    assert "hongkong" in tokens_en("Woke Trading Hongkong Limited")


def test_a_bracketed_hong_kong_is_the_listed_hk_not_a_branch(screener: Screener) -> None:
    assert best(screener, "DGT Technology (Hong Kong) Company Limited") == ("dgt", "self")
    assert best(screener, "Woke Trading (HK) Ltd") == ("woke", "self")


def test_plurals_of_the_vocabulary_fold_but_names_and_non_plurals_stay() -> None:
    assert tokens_en("Materials Sciences Observatories") == ["material", "science", "observatory"]
    assert tokens_en("Heavy Industries IT Services Missiles") == ["heavy", "industry", "information", "technology",
                                                                   "service", "missile"]
    assert tokens_en("Physics Autonomous Jones Siemens") == ["physics", "autonomous", "jones", "siemens"]


def test_hyphenated_words_are_joined_where_the_lists_write_one_word(screener: Screener) -> None:
    assert best(screener, "Jiangsu Nata Opto-electronic Materials Co Ltd") == ("nata", "self")
    assert best(screener, "AIR-CAS") == ("air", "self")


def test_a_unit_written_with_its_parent_after_a_comma_is_the_unit(screener: Screener) -> None:
    assert best(screener, "NIAOT, Chinese Academy of Sciences") == ("niaot", "self")
    assert best(screener, "Nanjing Institute of Astronomical Optics & Technology, National Astronomical "
                           "Observatories, CAS") == ("niaot", "self")


def test_a_parents_initials_learned_from_the_listed_name(screener: Screener) -> None:
    assert best(screener, "Institute of Microbiology and Epidemiology, AMMS") == ("amms-ime", "self")
    assert best(screener, "State Key Laboratory of Satellite Ocean Environment Dynamics, Second Institute of "
                           "Oceanography, MNR") == ("sio2", "affiliate")


def test_a_parent_after_the_comma_must_be_the_listed_parent(screener: Screener) -> None:
    # The listed name writes CAS as the parent: another parent after the comma is another institute.
    assert best(screener, "Institute of Physics, Peking University") is None
    # A unit of a listed university stays its affiliate.
    assert best(screener, "West China Hospital, Sichuan University") == ("scu", "affiliate")


def test_a_group_is_not_the_listed_company_of_its_words(screener: Screener) -> None:
    assert best(screener, "中国船舶重工集团有限公司") is None


def test_a_number_sign_before_a_units_number_is_left_out() -> None:
    assert tokens_en("CSSC No.703 Institute") == tokens_en("CSSC 703rd Institute")
    assert tokens_en("No Limits") == ["no", "limits"]  # a word, not a sign, when no number follows


def test_a_bracketed_place_another_of_the_entrys_names_has_restates_it() -> None:
    entries = [ListEntry("spacety", "EL", "Spacety Co., Ltd.",
                         ["Changsha Tianyi Space Science and Technology Research Institute"], "China")]
    hit = Screener(entries).best("Spacety Company Limited (Changsha)")
    assert hit is not None and hit.relation == "self"
    hit = Screener(entries).best("Spacety Company Limited (Wuhan)")
    assert hit is not None and hit.relation == "affiliate"
