"""Two units of one parent of different kinds (an institute and an academy of one academy of
sciences) are two units: no hit, however alike their fields. "Research Institute", the reading of
both 研究院 and 研究所, is no kind of its own."""

from __future__ import annotations

import pytest

from tendertrace.model import ListEntry
from tendertrace.screen import Screener
from tendertrace.screen.relation import other_kind_of_unit


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener([ListEntry("acad", "EL", "Academy of Remote Sensing, Chinese Academy of Sciences", [], "China")])


def test_institute_of_the_same_field_is_another_unit(screener: Screener) -> None:
    assert screener.best("中国科学院遥感技术研究所") is None


def test_academy_read_as_research_institute_still_reaches_the_academy(screener: Screener) -> None:
    hit = screener.best("中国科学院遥感研究院")
    assert hit is not None and hit.entry.id == "acad"


@pytest.mark.parametrize(("query", "name", "other"), [
    (("lanhe", "academy", "sciences", "photonic", "institute"), ("academy", "photonics", "lanhe", "academy", "sciences"), True),
    (("lanhe", "academy", "sciences", "photonic", "research", "institute"),
     ("academy", "photonics", "lanhe", "academy", "sciences"), False),
    (("institute", "photonics", "lanhe", "academy", "sciences"), ("lanhe", "academy", "sciences", "institute", "photonics"), False),
    (("lanhe", "university", "institute", "photonics"), ("lanhe", "university"), False),
    (("lanhe", "photonics", "institute"), ("lanhe", "photonics", "academy"), False),  # no shared parent kind
])
def test_other_kind_of_unit(query: tuple[str, ...], name: tuple[str, ...], other: bool) -> None:
    assert other_kind_of_unit(query, name) is other
