"""A one-word name (an initialism or a brand) written with a city -- after a comma, in brackets or
as the next word -- is the listed entity itself where its listed address names that city."""

from __future__ import annotations

import pytest

from tendertrace.model import ListEntry
from tendertrace.screen import Screener
from tendertrace.screen.relation import name_and_place, one_word_name

ENTRIES = [
    ListEntry("lmc", "EL", "Lanhe Microsystems Company Limited", ["LMSC"], "China",
              address="No. 8 Gaoxin Road, East Lake High-Tech Zone, Wuhan, China."),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(ENTRIES)


@pytest.mark.parametrize("query", ["LMSC Wuhan", "LMSC, Wuhan", "LMSC (Wuhan)"])
def test_one_word_name_with_its_listed_city_is_the_entity(screener: Screener, query: str) -> None:
    hit = screener.best(query)
    assert hit is not None and (hit.entry.id, hit.relation) == ("lmc", "self")


def test_one_word_name_with_another_city_is_not_the_entity_itself(screener: Screener) -> None:
    hit = screener.best("LMSC, Chengdu")
    assert hit is None or hit.relation != "self"


@pytest.mark.parametrize(("query", "split"), [
    ("LMSC Wuhan", ("LMSC", ["wuhan"])),
    ("LMSC Robotics", None),  # not a city
    ("Institute Wuhan", None),  # a kind of organisation, not a name
])
def test_name_and_place_of_one_word_names(query: str, split: tuple[str, list[str]] | None) -> None:
    assert name_and_place(query) == split


def test_one_word_name() -> None:
    assert one_word_name("LMSC") and not one_word_name("Lanhe Microsystems") and not one_word_name("University")
