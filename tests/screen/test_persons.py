"""Person names across scripts: Chinese and Korean readings, and given-name symbols."""

from __future__ import annotations

import pytest

from tendertrace.model import ListEntry
from tendertrace.screen import Screener
from tendertrace.screen.persons import chinese_reading, korean_readings

from ..conftest import LISTS, needs_shared


def test_a_chinese_name_reads_surname_and_joined_given_name() -> None:
    assert chinese_reading("习近平") == "Xi Jinping"
    assert chinese_reading("欧阳修") == "Ouyang Xiu"  # a compound surname of the Hundred Family Surnames
    assert chinese_reading("单田芳") == "Shan Tianfang"  # 单 reads Shan as a surname
    assert chinese_reading("中国科学技术大学") is None


def test_korean_readings_of_hangul_and_hanja() -> None:
    assert "kim jong un" in korean_readings("김정은")
    assert "kim jong un" in korean_readings("金正恩")
    assert "park ji sung" in korean_readings("박지성")
    assert korean_readings("习近平") == []  # 习 is no Korean surname


def test_a_person_name_finds_its_listing_across_scripts() -> None:
    screener = Screener([ListEntry("1", "SDN", "Kim Jong Un", [], None), ListEntry("2", "SDN", "Xi Jinping", [], None),
                         ListEntry("3", "SDN", "Mohamed Ali", [], None), ListEntry("4", "SDN", "Alexander Petrov", [], None)])
    assert screener.best("习近平").entry.id == "2"
    assert screener.best("金正恩").entry.id == "1"
    assert screener.best("محمد علي").entry.id == "3"
    assert screener.best("Александр Петров").entry.id == "4"


def test_a_korean_reading_reaches_only_a_korean_listing() -> None:
    screener = Screener([ListEntry("1", "SDN", "Kim Jong Un", [], "North Korea"),
                         ListEntry("2", "SDN", "Kim Jong Un", [], "Peru")])
    assert [h.entry.id for h in screener.screen("金正恩", limit=5)] == ["1"]


@needs_shared(LISTS / "name_matching_benchmarks" / "watchman_cross_script_pairs.csv")
def test_watchman_cross_script_pairs() -> None:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from cross_script import PAIRS, read_pairs

    pairs = read_pairs(PAIRS)
    screener = Screener([ListEntry(str(i), "w", name) for i, name in enumerate(sorted({p["expected"] for p in pairs}))])
    found = {p["query"]: (h := screener.best(p["query"])) is not None and h.entry.name == p["expected"] for p in pairs}
    assert sum(found.values()) >= 18
    assert all(ok for q, ok in found.items() if any("\u4e00" <= ch <= "\u9fff" for ch in q) and len(q) <= 3)


@pytest.mark.parametrize("query", ["李明", "王伟"])
def test_two_character_names_still_read_syllable_by_syllable(query: str) -> None:
    screener = Screener([ListEntry("1", "SDN", "Li Ming", [], None), ListEntry("2", "SDN", "Wang Wei", [], None)])
    assert screener.best(query) is not None
