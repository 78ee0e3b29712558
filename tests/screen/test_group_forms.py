"""A group and a company of one name: a query that says group ranks the group's listed name first
(and one that does not, the company's); a pinyin name that keeps only 集团 / 股份 of its legal form
reads as the alias-table row of that form."""

from __future__ import annotations

import pytest

from tendertrace.model import ListEntry
from tendertrace.screen import Screener
from tendertrace.screen.names import translate
from tendertrace.screen.relation import says_group

ENTRIES = [
    ListEntry("co", "EL", "Lanhe Harbour Construction Company Ltd.", [], "China"),
    ListEntry("grp", "NS-CMIC", "Lanhe Harbour Construction Group (Limited)", [], "China"),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(ENTRIES)


@pytest.mark.parametrize(("query", "expected"), [
    ("Lanhe Harbour Construction Group Co., Ltd.", "grp"),
    ("Lanhe Harbour Construction Co., Ltd.", "co"),
])
def test_group_word_decides_a_tie(screener: Screener, query: str, expected: str) -> None:
    hit = screener.best(query)
    assert hit is not None and hit.entry.id == expected


@pytest.mark.parametrize(("name", "group"), [
    ("某某建设集团有限公司", True), ("某某建设集团", True), ("某某建设股份有限公司", False),
    ("Example Holdings Group", True), ("Example Company Ltd.", False),
])
def test_says_group(name: str, group: bool) -> None:
    assert says_group(name) is group


def test_pinyin_with_only_the_group_word_reads_as_the_group() -> None:
    # 中国海洋石油集团有限公司 is a row of the alias table; the pinyin leaves out 有限公司.
    found = [t.text for t in translate("Zhongguo Haiyang Shiyou Jituan") if t.method == "pinyin-alias"]
    assert found == ["China National Offshore Oil Corporation"]
