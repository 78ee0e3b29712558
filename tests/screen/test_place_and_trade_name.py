"""A company's place and trade name read apart: 苏州墨川 is "Suzhou Mochuan", as the lists write it,
not one run-together word; a place alone, or with one character after it, stays one word."""

from __future__ import annotations

import pytest

from tendertrace.model import ListEntry
from tendertrace.screen import Screener
from tendertrace.screen.names import translate

ENTRIES = [
    ListEntry("moc", "EL", "Suzhou Mochuan Technology Co., Ltd.", [], "China"),
    ListEntry("moc-av", "EL", "Suzhou Mochuan Aviation Technology Co., Ltd.", [], "China"),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(ENTRIES)


@pytest.mark.parametrize("query", ["苏州墨川科技有限公司", "苏州市墨川科技有限公司"])
def test_place_and_trade_name_are_two_words(query: str) -> None:
    texts = [t.text for t in translate(query)]
    assert any(t.startswith("Suzhou Mochuan ") for t in texts), texts


@pytest.mark.parametrize("query", ["苏州墨川科技有限公司", "苏州市墨川科技有限公司"])
def test_company_with_a_pinyin_trade_name_is_the_listed_one(screener: Screener, query: str) -> None:
    hit = screener.best(query)
    assert hit is not None and (hit.entry.id, hit.relation) == ("moc", "self")


def test_place_with_one_character_after_it_stays_one_word() -> None:
    texts = [t.text for t in translate("苏州甲")]
    assert not any("Suzhou " in t for t in texts), texts
