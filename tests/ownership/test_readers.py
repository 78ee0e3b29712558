"""Each ownership format reads into links with names, shares and sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from tendertrace.ownership import OwnershipFormatError, lei_names, parse_share, read_file

from .conftest import FIXTURES, links_of


@pytest.mark.parametrize(("written", "percent"), [
    ("51%", 51.0), ("51", 51.0), ("0.51", 51.0), ("51 percent", 51.0), ("50,5%", 50.5), (0.25, 25.0),
    (75, 75.0), ("1", 1.0), ("", None), ("n/a", None), ("150", None), (None, None),
])
def test_shares_read_as_percentages(written: object, percent: float | None) -> None:
    assert parse_share(written) == percent


def test_plain_csv_keeps_names_in_any_script_and_the_source_column() -> None:
    links = links_of("holdings.csv")
    first = links[0]
    assert (first.parent, first.child, first.share) == ("中国电子科技集团公司第十四研究所", "南京示例电子有限公司", 100.0)
    assert first.source.startswith("illustrative sample")
    assert [link.share for link in links][:4] == [100.0, 30.0, 25.0, 40.0]


def test_ftm_ownership_takes_the_names_of_the_entities_it_points_at() -> None:
    [link] = links_of("ownership.ftm.jsonl")
    assert link.parent == "Hangzhou Hikvision Digital Technology Co., Ltd." and link.parent_aliases == ["海康威视"]
    assert link.child == "Example Vision Systems (Shenzhen) Co., Ltd."
    assert link.child_aliases == ["示例视觉系统（深圳）有限公司"] and link.share == 51.0
    assert link.parent_id == "co-hik" and "own-1" in link.source


def test_gleif_csv_names_leis_from_level_1_and_drops_the_ultimate_parent_a_direct_one_covers() -> None:
    assert lei_names(FIXTURES / "gleif_lei.csv")["EXAMPLESUGONLEI00001"] == "Sugon"
    links = links_of("gleif_rr.csv")
    assert [(x.parent, x.child, x.share, x.kind) for x in links] == [
        ("Sugon", "Example Sugon Cloud Computing Co. Ltd.", 75.0, "ownership"),
        ("Sugon", "Example Sugon Data Services Co. Ltd.", None, "consolidation"),
    ]
    assert links[0].child_aliases == ["EXAMPLECHILDLEI00001"]


def test_gleif_ultimate_parent_counts_for_a_child_without_a_direct_one(tmp_path: Path) -> None:
    rows = (FIXTURES / "gleif_rr.csv").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "rr.csv"
    path.write_text("\n".join([rows[0], rows[3]]) + "\n", encoding="utf-8")
    [link] = read_file(path, lei_names(FIXTURES / "gleif_lei.csv"))
    assert link.parent == "Sugon" and link.share == 75.0 and "IS_ULTIMATELY_CONSOLIDATED_BY" in link.source


def test_gleif_api_json_relationship_records() -> None:
    [link] = links_of("gleif_rr.json")
    assert (link.parent, link.child, link.share) == ("Sugon", "EXAMPLECHILDLEI00003", 60.0)


def test_an_unknown_csv_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(OwnershipFormatError):
        read_file(path)
