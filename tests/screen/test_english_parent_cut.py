"""The parent a Latin sub-unit's name is written under is a name of its own: never a prefix that ends
with a connector ("Centre for" of "Centre for Artificial Intelligence Research") nor a lone word of an
organisation's kind ("Centre"), which would match any listed "X Center"."""

from __future__ import annotations

from tendertrace.model import ListEntry
from tendertrace.screen import Screener
from tendertrace.screen.relation import parents

ENTRIES = [
    ListEntry("ctr", "EL", "LLC Center", [], "Russia", address="Moscow, Russia."),
    ListEntry("isp", "EL", "Lanwave Cloud Group", [], "China", address="Jinan, China."),
]


def test_a_parent_never_ends_with_a_connector_nor_is_a_kind_word() -> None:
    got = parents("Centre for Artificial Intelligence Research")
    assert "Centre for" not in got and "Centre" not in got
    assert "Centre for Artificial Intelligence" in got


def test_a_centre_of_another_name_is_no_hit_on_a_listed_center() -> None:
    assert Screener(ENTRIES).best("Centre for Artificial Intelligence Research") is None


def test_a_rare_first_word_still_stands_for_its_group() -> None:
    hit = Screener(ENTRIES).best("Lanwave Cloud Group Information Technology")
    assert hit is not None and hit.entry.id == "isp"
