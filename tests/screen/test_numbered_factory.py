"""A factory named by its number (四一七厂, 417厂) reads "417 Factory", as the lists write numbered
factories; a one- or two-digit word (二厂) is not read as a number."""

from __future__ import annotations

import pytest

from tendertrace.model import ListEntry
from tendertrace.screen import Screener
from tendertrace.screen.names import translate


@pytest.mark.parametrize("query", ["杭州四一七厂", "杭州417厂", "杭州第四一七厂"])
def test_numbered_factory_reads_as_the_number_and_factory(query: str) -> None:
    texts = [t.text for t in translate(query)]
    assert any(t.endswith("417 Factory") for t in texts), texts


def test_two_digit_word_is_not_a_factory_number() -> None:
    texts = [t.text for t in translate("杭州二厂")]
    assert not any("2 Factory" in t for t in texts), texts


def test_numbered_factory_is_the_listed_factory() -> None:
    screener = Screener([ListEntry("f417", "EL", "Hangzhou 417 Factory", [], "China"),
                         ListEntry("f418", "EL", "Hangzhou 418 Factory", [], "China")])
    hit = screener.best("杭州四一七厂")
    assert hit is not None and (hit.entry.id, hit.relation) == ("f417", "self")
