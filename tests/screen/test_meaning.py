"""What each list entails, its weight, and the date an entry was added (from its Federal Register dates)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tendertrace.screen import load_file
from tendertrace.screen.meaning import first_citation, list_meaning, list_weight, listed_later, listing_date

FOOTNOTE_4 = "For all items subject to the EAR. (See §§ 734.9(e)(2) and 744.11 of the EAR) 4"
FOOTNOTE_1 = "For all items subject to the EAR, see §§ 734.9(e) 1 and 744.11 of the EAR 2"
FOOTNOTE_3 = "For all items subject to the EAR. (See §§ 734.9(g),3 746.8(a)(3), and 744.11 of the EAR)"
FOOTNOTE_5 = "For all items subject to the EAR (See §§ 734.4(a)(9), 734.9(e)(3), and 744.11 of the EAR) 5"


@pytest.mark.parametrize(("requirement", "footnote"), [
    (FOOTNOTE_4, "footnote 4"), (FOOTNOTE_1, "footnote 1"), (FOOTNOTE_3, "footnote 3"), (FOOTNOTE_5, "footnote 5"),
])
def test_an_entity_list_hit_states_its_licence_requirement_and_footnote(requirement: str, footnote: str) -> None:
    text = list_meaning("EL", requirement)
    assert "licence is required" in text and requirement.split(" (")[0] in text and footnote in text
    assert "744.11" in text


def test_an_entry_without_a_footnote_names_none() -> None:
    assert "footnote" not in list_meaning("EL", "For all items subject to the EAR. (See § 744.11 of the EAR)")


def test_each_list_says_what_it_entails() -> None:
    assert "military end user" in list_meaning("MEU") and "744.21" in list_meaning("MEU")
    nscmic = list_meaning("NS-CMIC")
    assert "investment ban" in nscmic and "not an export control" in nscmic
    assert "blocked" in list_meaning("SDN")
    assert "no description" in list_meaning("XYZ")


def test_lists_weigh_by_meaning() -> None:
    assert list_weight("EL") == 1.0 and list_weight("SDN") == 1.0
    assert list_weight("NS-CMIC") < list_weight("1260H") < list_weight("MEU") < list_weight("EL")


@pytest.mark.parametrize(("fr", "added"), [
    ("76 FR 71869, 11/21/11", date(2011, 11, 21)),
    ("85 FR 83799, 12/23/2020", date(2020, 12, 23)),
    ("75 FR 1701, 1/13/10.\n77 FR 24590, 4/25/12", date(2010, 1, 13)),
    ("77 FR 23116\n4/18/12", date(2012, 4, 18)),
    ("64 FR 54520, 10/7/99", date(1999, 10, 7)),
])
def test_the_earliest_federal_register_date_is_the_addition(fr: str, added: date) -> None:
    assert listing_date("EL", fr) == added


def test_ns_cmic_listing_date_comes_from_its_note_and_other_lists_give_none() -> None:
    note = "Target Type: Public Company; Listing Date (CMIC): 03 Jun 2021; Program: CMIC-EO13959"
    assert listing_date("NS-CMIC", None, note, "2021-08-02") == date(2021, 6, 3)
    assert listing_date("1260H", "91 FR 35189 (June 10, 2026)", None, "2026-06-10") is None  # the list's date, not the entry's


def test_listed_later_names_the_date_and_the_citation() -> None:
    fr = "89 FR 96830, 12/5/24. 90 FR 1234, 1/20/25"
    assert first_citation(fr) == "89 FR 96830, 12/5/24"
    assert listed_later(date(2024, 12, 5), fr, date(2024, 6, 1)) == "listed later (2024-12-05, 89 FR 96830, 12/5/24)"
    assert listed_later(date(2024, 12, 5), fr, date(2024, 12, 5)) is None
    assert listed_later(date(2024, 12, 5), fr, None) is None


def test_list_json_entries_carry_their_listing_date(tmp_path: Path) -> None:
    path = tmp_path / "el.json"
    path.write_text(json.dumps({"list_id": "bis-entity-list", "extracted": "2026-07-09", "entities": [
        {"name": "Example Listed Co.", "aliases": [], "country": "China", "address": "Beijing",
         "federal_register": "87 FR 61971, 10/13/22.\n89 FR 96830, 12/5/24", "notes": FOOTNOTE_4}]}), encoding="utf-8")
    [(_code, _source, _version, [entry])] = load_file(path)
    assert entry.listed_on == date(2022, 10, 13)


@pytest.mark.parametrize("code", ["EL", "MEU", "SDN", "NS-CMIC", "1260H", "DPL", "UVL", "FSE", "SSI", "ISN", "DTC", "UFLPA"])
def test_every_list_the_loaders_name_says_what_it_entails_with_a_source(code: str) -> None:
    text = list_meaning(code)
    assert "no description" not in text and text.endswith("]") and 0 < list_weight(code) <= 1
