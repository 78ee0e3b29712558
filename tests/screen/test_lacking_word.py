"""A Chinese name whose glossary translation lacks a rare field word that the listed name keeps
between words they share is another company (中国机械进出口 is not China Precision Machinery
Import/Export), while the listed company written in full still matches."""

from __future__ import annotations

from tendertrace.model import ListEntry
from tendertrace.screen import Screener

ENTRIES = [
    ListEntry("cpmiec", "SDN", "CPMIEC", ["CHINA PRECISION MACHINERY IMPORT/EXPORT CORPORATION"], "China"),
    ListEntry("tju", "EL", "Tianjin University", [], "China"),
    ListEntry("filler1", "EL", "Beijing Aeronautical Manufacturing Technology Research Institute", [], "China"),
    ListEntry("filler2", "EL", "Shanghai Electronics Import and Export Company", [], "China"),
]


def test_a_name_without_the_listed_field_word_is_another_company() -> None:
    screener = Screener(ENTRIES)
    assert not [h for h in screener.screen("中国机械进出口（集团）有限公司") if h.entry.id == "cpmiec"]


def test_the_listed_name_in_full_still_matches() -> None:
    screener = Screener(ENTRIES)
    hits = screener.screen("China Precision Machinery Import-Export Corp.")
    assert hits and hits[0].entry.id == "cpmiec"
