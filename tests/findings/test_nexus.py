"""A scanned document reaches for compute only with a China nexus: a foreign purchase makes no
compute finding unless a listed party stands among its parties."""

from __future__ import annotations

from tendertrace.findings import compute_items
from tendertrace.ingest import read_input
from tendertrace.model import ListEntry
from tendertrace.pipeline import process
from tendertrace.screen import Screener

NOTICE = ("CONTRACT AWARD NOTICE\nAuthority: {buyer}\nTitle: Supply of GPU compute nodes\n"
          "Description: supply of six 8-GPU servers based on NVIDIA HGX H100 for the {buyer} data centre, "
          "Eastmere, United Kingdom.\nAwarded supplier: Fenwick Systems Ltd\nDate of this notice: 16 February 2024\n")
SCREENER = Screener([ListEntry("el-1", "EL", "Northgate Advanced Computing Institute", [], "Russia")])


def compute_of(buyer: str) -> list:
    doc = next(read_input(NOTICE.format(buyer=buyer), name="n.txt", source="n.txt"))
    return compute_items(process(doc, SCREENER).classifications)  # type: ignore[arg-type]


def test_a_foreign_buyer_with_no_tie_makes_no_compute_finding() -> None:
    assert compute_of("University of Eastmere") == []


def test_a_listed_buyer_ties_the_same_purchase() -> None:
    assert compute_of("Northgate Advanced Computing Institute")


def test_a_party_named_by_a_prc_proper_name_ties_the_purchase() -> None:
    """An English notice that names no PRC place in its text: a party whose English name holds a
    PRC university's or division's proper name (Tsinghua, Urumqi) is the tie."""
    assert compute_of("Tsinghua University")
    assert compute_of("Urumqi Vocational University")


def test_a_word_that_only_translates_a_place_is_no_tie() -> None:
    """东方 is the city Dongfang; its glossary gloss "Oriental" is an English word, not a PRC name."""
    assert compute_of("Oriental Institute of Eastmere") == []
