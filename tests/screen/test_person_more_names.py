"""A listed person's name followed by more of that person's names (a father's or family name the
list leaves out) is the person, not a unit of an organisation of that name; a company's name with
more words, a legal form or a bracket stays an affiliate."""

from __future__ import annotations

import pytest

from tendertrace.model import ListEntry
from tendertrace.screen import Screener
from tendertrace.screen.relation import person_written


def one(name: str) -> Screener:
    return Screener([ListEntry("p", "SDN", name, [], "")])


@pytest.mark.parametrize(("query", "listed"), [
    ("TARIQ NOORZAD SAMI WARDAK", "TARIQ NOORZAD"),  # two more names after the listed two
    ("Halim Qurbani Zahed", "Halim Qurbani"),  # one more
])
def test_a_person_written_with_more_names_is_that_person(query: str, listed: str) -> None:
    hit = one(listed).best(query)
    assert hit is not None and hit.relation == "self"
    assert hit.score < 1.0  # below the name as listed


def test_too_many_added_names_are_not_the_same_person() -> None:
    hit = one("TARIQ NOORZAD").best("TARIQ NOORZAD SAMI WARDAK ALIZAI")
    assert hit is None or hit.relation != "self"


def test_a_name_that_differs_where_the_list_has_it_is_no_hit() -> None:
    assert one("TARIQ NOORZAD").best("TARIQ NASIMI SAMI WARDAK") is None


@pytest.mark.parametrize(("query", "listed"), [
    ("Vellmark Holzwerk (Basel) AG", "Vellmark Holzwerk AG"),  # a bracket and a legal form
    ("Ostrovnye Masterskie Severo OOO", "Ostrovnye Masterskie"),  # a legal form
])
def test_a_company_with_more_words_stays_an_affiliate(query: str, listed: str) -> None:
    hit = one(listed).best(query)
    assert hit is None or hit.relation == "affiliate"


def test_person_written() -> None:
    assert person_written("Halim Qurbani Zahed")
    assert not person_written("Vellmark Holzwerk AG")
    assert not person_written("Ostrovnye Masterskie o.O.O.")
    assert not person_written("Halim Qurbani (Kabul)")
    assert not person_written("哈利姆")
