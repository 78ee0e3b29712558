"""Person names as documents write them against the lists' full forms: typing slips, short forms
that keep the first and last name, lone middle initials, Arabic chains of names (bin/ben)."""

from __future__ import annotations

import pytest

from tendertrace.model import ListEntry
from tendertrace.screen import Screener
from tendertrace.screen.relation import other_lineage, short_form
from tendertrace.screen.score import sim


def one(name: str) -> Screener:
    return Screener([ListEntry("p", "SDN", name, [], "")])


@pytest.mark.parametrize(("query", "listed"), [
    ("Rodrigo Valtierra", "Rodrigo Valtiera"),  # a letter dropped
    ("Olaf Brunckhorst", "Olaf Brunkchorst"),  # two swapped
    ("TALIB FARHAN OSMANI", "TALIB FARHAN OSMANI"),
])
def test_a_typing_slip_in_a_long_word_still_finds_the_person(query: str, listed: str) -> None:
    assert one(listed).best(query) is not None


def test_a_slip_at_the_start_of_a_short_word_is_another_word() -> None:
    assert sim("hunan", "henan") == 0.0
    assert sim("hubei", "hebei") == 0.0
    assert sim("torvald", "tarvald") > 0  # a long word: its first letter standing is enough


def test_a_short_form_keeps_first_and_last_name_in_order() -> None:
    assert short_form(["qasim", "rahimi"], ("qasim", "nur", "rahimi"))
    assert short_form(["qasim", "nur", "wali", "rahimi"], ("qasim", "rahimi"))
    assert not short_form(["rahimi", "qasim"], ("qasim", "nur", "rahimi"))  # not the same ends
    assert not short_form(["qasim", "rahimi"], ("qasim", "a", "b", "c", "rahimi"))  # too much left out
    assert not short_form(["cloud", "information"], ("cloud", "data", "information"))  # words of a company


def test_a_short_form_is_a_hit_but_a_company_dropping_a_word_is_not() -> None:
    hit = Screener([ListEntry("p", "SDN", "QASIM NURALLAH RAHIMI", [], ""),
                    ListEntry("q", "SDN", "BANDAR TALAL HUMAIDI", [], "")]).best("Qasim Rahimi")
    assert hit and hit.entry.id == "p"


def test_a_lone_middle_initial_weighs_little() -> None:
    hit = one("Randolph, Gena").best("Gena C Randolph")
    assert hit is not None


def test_chains_of_names_differ_by_a_link() -> None:
    assert other_lineage(["salim", "bin", "karim", "rawi"], ("karim", "bin", "salim", "rawi"))
    assert other_lineage(["nasir", "ben", "omar", "ben", "idris"], ("nasir", "ben", "yusuf", "ben", "idris"))
    assert not other_lineage(["salim", "bin", "karim", "rawi"], ("salim", "bin", "karim", "al", "rawi"))
    assert one("SALIM BIN KARIM AL-RAWI").best("KARIM BIN SALIM AL-RAWI") is None
