"""A listed unit written under another name of its parent (the parent renamed, or written by its
full name where the table's unit name writes its short one) is that unit itself, not the parent's
affiliate."""

from __future__ import annotations

import pytest

from tendertrace.model import ListEntry
from tendertrace.screen import Screener
from tendertrace.screen.names import fold_zh, under_another_parent_name

PARENT = "Academy of Military Medical Sciences"
UNIT = "Academy of Military Medical Sciences, Field Blood Transfusion Institution"
ENTRIES = [
    ListEntry("amms", "EL", PARENT, [], "China"),
    ListEntry("blood", "EL", UNIT, [], "China"),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(ENTRIES)


def test_unit_under_the_parents_new_name_is_the_tables_unit() -> None:
    # The table writes the unit under 军事医学科学院; 军事医学研究院 is the same academy's later name.
    assert under_another_parent_name(fold_zh("军事医学研究院野战输血研究所")) == "军事医学科学院野战输血研究所"


@pytest.mark.parametrize("query", ["军事医学研究院某某新设研究所", "军事医学研究院"])
def test_unit_the_table_does_not_know_is_left_alone(query: str) -> None:
    assert under_another_parent_name(fold_zh(query)) is None


@pytest.mark.parametrize("query", ["军事医学研究院野战输血研究所", "中国人民解放军军事科学院军事医学研究院野战输血研究所"])
def test_unit_under_another_parent_name_screens_as_the_unit(screener: Screener, query: str) -> None:
    hit = screener.best(query)
    assert hit is not None and (hit.entry.id, hit.relation) == ("blood", "self")


def test_unknown_unit_under_the_parent_stays_an_affiliate(screener: Screener) -> None:
    hit = screener.best("军事医学研究院某某新设研究所")
    assert hit is not None and (hit.entry.id, hit.relation) == ("amms", "affiliate")
