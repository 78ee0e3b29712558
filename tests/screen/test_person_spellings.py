"""A person's name spelled another way, word by word in the same order: a variant whose first
letter differs (Wladimir / Vladimir), or a transliteration that sounds alike (Husayn / Hussein).
Two surnames that merely share a sound, or a name of a company, are no such spelling."""

from __future__ import annotations

import pytest

from tendertrace.model import ListEntry
from tendertrace.screen import Screener
from tendertrace.screen.relation import sounds_alike, spelled_alike


def one(name: str) -> Screener:
    return Screener([ListEntry("p", "SDN", name, [], "")])


@pytest.mark.parametrize(("query", "listed"), [
    ("Walentin Drozdovsky", "Valentin Drozdovsky"),  # a first letter respelt (W / V)
    ("Karim Husayni", "Karim Husseini"),  # an Arabic name transliterated two ways
    ("Petra Schulzke", "Petra Scholzke"),  # one sound, two vowels
])
def test_a_person_spelled_another_way_is_found(query: str, listed: str) -> None:
    hit = one(listed).best(query)
    assert hit is not None and hit.relation == "self"


@pytest.mark.parametrize(("query", "listed"), [
    ("Ignacio Marquez", "Ignacio Marcos"),  # two surnames with one Metaphone key
    ("Tamaz Maroghashvili", "Tamaz Margoshvili"),  # lengths too far apart
    ("Husayni Muhamad", "Husseini Mohamed"),  # no word agrees as written: found by sound alone
])
def test_a_near_name_is_not_spelled_alike(query: str, listed: str) -> None:
    assert not spelled_alike(query.lower().split(), tuple(listed.lower().split()))
    hit = one(listed).best(query)
    assert hit is None or hit.relation != "self"


def test_sounds_alike() -> None:
    assert sounds_alike("husayn", "hussein")
    assert not sounds_alike("marquez", "marcos")
    assert not sounds_alike("cook", "cock")  # too short to tell by sound


def test_two_surnames_sharing_a_sound_are_no_hit() -> None:
    hit = one("Ignacio Marcos").best("Ignacio Marquez")
    assert hit is None or hit.relation != "self"
