"""How names.py reads the generated alias table: whole-name short forms, units after their parent."""

from __future__ import annotations

from tendertrace.knowledge import load_csv
from tendertrace.screen.names import (
    ALIAS_FILES,
    MIN_PIECE_ALIAS,
    alias,
    fold_zh,
    translate,
    whole_alias,
    without_parent,
)


def test_both_alias_files_load_and_the_generated_one_has_rows() -> None:
    assert ALIAS_FILES[0] == "aliases_zh.csv"
    rows = load_csv(ALIAS_FILES[1])
    assert len(rows) >= 150
    assert {"zh", "en", "relation", "list", "source"} <= set(rows[0])


def test_generated_short_names_are_found_only_as_whole_names() -> None:
    short = [r for r in load_csv(ALIAS_FILES[1]) if len(fold_zh(r["zh"])) < MIN_PIECE_ALIAS]
    assert short
    for row in short:
        folded = fold_zh(row["zh"])
        if alias(folded) is None:  # not also a curated row
            assert whole_alias(folded) is not None
    assert translate("九院")[0].method == "alias"


def test_a_listed_unit_after_its_parent_is_read_from_the_unit_on() -> None:
    assert without_parent("中国人民解放军军事科学院军事医学研究院基础医学研究所") == "军事医学研究院基础医学研究所"
    assert translate("中国人民解放军军事科学院军事医学研究院")[0].text == "Academy of Military Medical Sciences"


def test_a_place_in_front_of_a_listed_name_is_no_parent() -> None:
    assert without_parent("杭州电子科技大学") is None  # Hangzhou Dianzi University, not UESTC
    assert without_parent("西安电子科技大学") is None


def test_securities_names_are_sourced_and_their_short_names_found_only_whole() -> None:
    rows = load_csv("listed_securities_zh.csv")
    assert "listed_securities_zh.csv" in ALIAS_FILES and rows
    # a listed company's own names are ``self``; those of a listed group's listed subsidiary ``affiliate``
    assert all(r["source"].strip() and r["relation"] in ("self", "affiliate") for r in rows)
    short = [fold_zh(r["zh"]) for r in rows if len(fold_zh(r["zh"])) < MIN_PIECE_ALIAS]
    assert short
    for folded in short:
        if alias(folded) is None:
            assert whole_alias(folded) is not None
    # a stock short name inside a longer name is no part of it: 中国卫星|网络集团 is another group
    assert all(t.method != "alias" for t in translate("中国卫星网络集团有限公司"))
    assert translate("中国卫星")[0].text == "China Spacesat Co., Ltd."


def test_a_group_is_not_the_joint_stock_company_of_its_name() -> None:
    """Without their legal forms 中国船舶重工集团有限公司 (the group) and 中国船舶重工股份有限公司 (its
    listed company) are one string; the alias table does not take one for the other."""
    listed = alias(fold_zh("中国船舶重工股份有限公司"))
    assert listed is not None
    assert alias(fold_zh("中国船舶重工集团有限公司")) != listed
    # a name whose legal form says neither stands for either
    assert alias(fold_zh("中国船舶重工有限公司")) == listed
