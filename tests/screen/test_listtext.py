"""List entries read as the lists mean them: footnotes as footnotes, citations without empty
parts, OFAC programmes as programmes (never as a licence requirement)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tendertrace.screen import Screener, load_file
from tendertrace.screen.lists import iter_sample_files
from tendertrace.screen.listtext import federal_register, licence_requirement, programs


@pytest.mark.parametrize(("raw", "body", "notes"), [
    ("For all items subject to the EAR. (See §§ 734.9(e) and 744.11 of the EAR) 4",
     "For all items subject to the EAR. (See §§ 734.9(e) and 744.11 of the EAR)", "footnote 4"),
    ("For all items subject to the EAR, see §§ 734.9(e) 1 and 744.11 of the EAR 2",
     "For all items subject to the EAR, see §§ 734.9(e) and 744.11 of the EAR", "footnotes 1, 2"),
    ("All items subject to the EAR. (See §§ 734.9(g),3 746.8(a)(3), and 744.21(b) of the EAR)",
     "All items subject to the EAR. (See §§ 734.9(g), 746.8(a)(3), and 744.21(b) of the EAR)", "footnote 3"),
])
def test_footnote_markers_become_footnotes(raw: str, body: str, notes: str) -> None:
    text = licence_requirement(raw)
    assert text is not None and text.startswith(body) and text.endswith(f"{notes})")


@pytest.mark.parametrize("raw", [
    "For all items subject to the EAR. (See § 744.11 of the EAR)",
    "For all items subject to the EAR. (See §§ 734.9(e)(2) and 744.11 of the EAR)",
    "For items on the CCL and EAR 99 items listed in supplement no. 7 to part 746 of the EAR",
])
def test_section_numbers_are_not_footnotes(raw: str) -> None:
    assert licence_requirement(raw) == raw


def test_federal_register_citations_have_no_empty_part() -> None:
    raw = "80 FR 8527, 2/18/15 | 84 FR 29373, 6/24/19, | 87 FR 38925, 6/30/22"
    assert federal_register(raw) == "80 FR 8527, 2/18/15; 84 FR 29373, 6/24/19; 87 FR 38925, 6/30/22"
    assert federal_register("84 FR 29373, 6/24/19.\n87 FR 62202, 10/13/22") == "84 FR 29373, 6/24/19; 87 FR 62202, 10/13/22"


def test_sdn_programmes() -> None:
    assert programs("SDNTK] [FTO] [SDGT") == ["SDNTK", "FTO", "SDGT"]
    assert programs("-0-") == []


def test_the_sample_list_reads_clean() -> None:
    entries = [e for path in iter_sample_files() for (_c, _s, _v, items) in load_file(path) for e in items]
    for e in entries:
        assert " | " not in (e.federal_register or "") and ", ;" not in (e.federal_register or "")
        assert not (e.license_requirement or "").rstrip().endswith((") 4", "EAR 2", ") 5"))


def test_sdn_csv_programmes_are_not_a_licence_requirement(tmp_path: Path) -> None:
    sdn = tmp_path / "sdn.csv"
    sdn.write_text('4715,"SHINING PATH",-0- ,"SDNTK] [FTO] [SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n',
                   encoding="latin-1")
    ((_code, _src, _ver, (entry,)),) = load_file(sdn)
    assert entry.programs == ["SDNTK", "FTO", "SDGT"] and entry.license_requirement is None
    (hit,) = Screener([entry]).screen("Shining Path")
    assert "OFAC programs: SDNTK, FTO, SDGT" in hit.explanation
    assert "licence requirement" not in hit.explanation


def test_stored_entries_keep_their_programmes(tmp_path: Path) -> None:
    from tendertrace import store
    from tendertrace.model import ListEntry

    engine = store.connect(f"sqlite:///{tmp_path / 't.db'}")
    store.replace_list(engine, "SDN", "sdn.csv", "v", [ListEntry(id="sdn-1", list="SDN", name="X", programs=["SDGT"])])
    assert store.load_entries(engine)[0].programs == ["SDGT"]
