"""A Chinese name whose first readings reach an entry only in part is read word by word too: a known
short name inside it (航空工业, AVIC's) read as its entry's English name must not hide the listed
company the name spells out word by word. Names from the Entity List and MEU sample written here."""

from __future__ import annotations

from tendertrace.model import ListEntry
from tendertrace.screen import Screener


def _screener() -> Screener:
    return Screener([
        ListEntry(id="meu-1", list="MEU", name="Shenyang Xizi Aviation Industry Co., Ltd.", country="China"),
        ListEntry(id="el-1", list="EL", name="Aviation Industry Corporation of China, Ltd.", country="China"),
    ])


def test_a_name_holding_a_listed_short_name_is_read_word_by_word_too() -> None:
    hit = _screener().best("沈阳西子航空工业有限公司")
    assert hit is not None
    assert (hit.entry.name, hit.relation) == ("Shenyang Xizi Aviation Industry Co., Ltd.", "self")


def test_a_lone_surrogate_is_screened_as_a_replacement_character() -> None:
    assert _screener().screen("\ud800") == []
    assert _screener().screen("\ud800 Co., Ltd.") == []
