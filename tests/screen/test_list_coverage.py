"""Every Chinese name of the knowledge screens back to its own listed entry on the real lists."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from tendertrace.model import ListEntry
from tendertrace.screen import Screener

from ..conftest import LISTS, ROOT, needs_shared

US_LISTS = LISTS / "us_lists_nsfreg_2026-07"
pytestmark = needs_shared(US_LISTS / "bis_entity_list.json")


@cache
def coverage() -> ModuleType:
    """bench/list_coverage.py, which holds the checks the bench prints."""
    spec = importlib.util.spec_from_file_location("list_coverage", ROOT / "bench" / "list_coverage.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["list_coverage"] = module
    spec.loader.exec_module(module)
    return module


@cache
def checked() -> tuple[list, list]:
    bench = coverage()
    entries = bench.load_lists(US_LISTS)
    return entries, bench.check_rows(entries, Screener(entries))


def test_every_chinese_name_screens_back_to_its_entry_with_its_relation() -> None:
    _entries, checks = checked()
    assert len(checks) >= 300  # the curated table and the generated one together
    failures = [f"{c.zh} [{c.relation}] want {c.en} got {c.got}" for c in checks if not c.ok]
    assert not failures, "\n".join(failures)


def test_generated_rows_all_reach_a_listed_entry() -> None:
    """A generated row exists because its entity is on one of the four lists: each must find one."""
    from tendertrace.knowledge import load_csv

    _entries, checks = checked()
    reached = {(c.zh, c.en) for c in checks if c.source_file == "aliases_zh_sources.csv"}
    rows = load_csv("aliases_zh_sources.csv")
    assert rows
    assert {(r["zh"], r["en"]) for r in rows} == reached


def test_affiliate_rows_come_back_as_affiliates_not_as_the_parent_itself() -> None:
    _entries, checks = checked()
    affiliates = [c for c in checks if c.relation == "affiliate" and c.source_file == "aliases_zh_sources.csv"]
    assert len(affiliates) >= 50
    assert all("affiliate" in c.got for c in affiliates)


def test_glossary_and_pinyin_produce_the_lists_vocabulary() -> None:
    bench = coverage()
    entries, checks = checked()
    rows = bench.coverage(entries, checks)
    for code, row in rows.items():
        assert row.entries > 0, code
        assert row.screened_back == row.with_zh, code
        assert bench.share(row.words) >= bench.WORD_TARGET, (code, row.words)


@pytest.mark.parametrize(("word", "kind"), [("shenzhen", "pinyin"), ("university", "glossary"),
                                            ("semiconductors", "glossary"), ("hikvision", "brand")])
def test_word_classes(word: str, kind: str) -> None:
    assert coverage().word_class(word) == kind


def test_generated_alias_file_is_what_the_script_builds() -> None:
    """aliases_zh_sources.csv is generated: rebuilding it from ../shared gives the same bytes."""
    spec = importlib.util.spec_from_file_location("build_aliases", ROOT / "scripts" / "build_aliases.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_aliases"] = module
    spec.loader.exec_module(module)
    rows, report = module.build(LISTS.parent.parent)
    shipped = (ROOT / "src" / "tendertrace" / "knowledge" / "aliases_zh_sources.csv").read_text(encoding="utf-8")
    assert module.render(rows) == shipped
    assert report.matched and report.unmatched  # it reports what it could not tie to a listed entry
    assert not report.ambiguous


def test_generated_rows_each_name_a_source_and_a_list() -> None:
    from tendertrace.knowledge import load_csv

    for row in load_csv("aliases_zh_sources.csv"):
        assert row["source"].startswith(("ASPI China Defence Universities Tracker (CC0): https://", "OFAC ",
                                         "Consolidated Screening List")), row
        assert set(row["list"].split("|")) <= {"EL", "MEU", "NS-CMIC", "1260H", "SDN", "CSL"}, row
        assert row["relation"] in ("self", "affiliate")


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(checked()[0])


@pytest.mark.parametrize(("query", "expected", "relation"), [
    ("中国人民解放军军事科学院军事医学研究院", "Academy of Military Medical Sciences", "self"),  # the unit after its parent
    ("中国人民解放军军事科学院军事医学研究院基础医学研究所",
     "Academy of Military Medical Sciences, Institute of Basic Medicine", "self"),
    ("中电科14所", "China Electronics Technology Group Corporation 14th Research Institute (CETC 14)", "self"),
    ("中科院微电子所", "Chinese Academy of Sciences Institute of Microelectronics", "self"),
    ("航天科技八院", "China Aerospace Science and Technology Corporation (CASC) 8th Academy", "self"),
    ("哈工程", "Harbin Engineering University", "self"),
    ("中国航空工业集团公司雷华电子技术研究所", "AVIC Leihua Electronic Technology Research Institute (LETRI)", "self"),
    ("中国人民解放军国防科技大学并行与分布处理国家重点实验室", "National University of Defense Technology (NUDT)",
     "affiliate"),
])
def test_named_units_reach_their_entries(screener: Screener, query: str, expected: str, relation: str) -> None:
    hit = screener.best(query)
    assert hit is not None and hit.entry.name == expected and hit.relation == relation, hit


@pytest.mark.parametrize("query", [
    "杭州电子科技大学",  # a place in front of a listed university's name is another university
    "中国航天员科研训练中心",  # holds CASC's short name 中国航天, is the PLA's astronaut centre
    "中科院",  # CAS as a whole is not listed
    "北大荒农垦集团有限公司",
])
def test_names_that_only_contain_a_listed_name_do_not_hit(screener: Screener, query: str) -> None:
    hit = screener.best(query)
    assert hit is None, hit


def _entry(name: str, *aliases: str) -> ListEntry:
    return ListEntry(id=name, list="EL", name=name, aliases=list(aliases), country="China")


def test_an_entry_composes_when_its_name_or_an_alias_is_all_glossary_and_pinyin_words() -> None:
    bench = coverage()
    brand = _entry("Beijing Skyverse Technology Co., Ltd.")
    by_alias = _entry("Beijing HiFar Technology Co., Ltd.", "Beijing Huatian Haifeng Technology Co., Ltd.")
    literal = _entry("Shenzhen Institute of Automation")
    assert bench.blocking_words(bench.name_words(brand.name)) == ("skyverse",)
    assert bench.blocking_words(bench.name_words(literal.name)) == ()
    rows = bench.coverage([brand, by_alias, literal], [])
    el = rows["EL"]
    assert el.entries == 3 and el.with_zh == 0
    assert el.composable == 2  # the HiFar entry composes through its pinyin alias
    assert [(e.name, words) for e, words in el.uncomposable] == [(brand.name, ("skyverse",))]


def test_the_uncomposable_entries_are_written_with_their_blocking_words(tmp_path: Path) -> None:
    bench = coverage()
    rows = bench.coverage([_entry("Beijing Skyverse Technology Co., Ltd.", "Nanolighting")], [])
    out = tmp_path / "uncomposable.tsv"
    assert bench.write_uncomposable(rows, out) == 1
    header, line = out.read_text(encoding="utf-8").splitlines()
    assert header.split("\t") == ["list", "id", "name", "aliases", "blocking"]
    assert line.split("\t") == ["EL", "Beijing Skyverse Technology Co., Ltd.", "Beijing Skyverse Technology Co., Ltd.",
                                "Nanolighting", "skyverse"]


# The State Council's ministries and commissions (国务院组成部门, www.gov.cn), none of them listed: a
# composed English name that shares most words with a listed name but keeps a word of its own, as the
# listed one does ("Ministry of Industry and Information Technology" against CETC 14's cut-short alias
# "Ministry of Information Industry Electronics"), is another body.
MINISTRIES = ("外交部", "国防部", "国家发展和改革委员会", "教育部", "科学技术部", "工业和信息化部", "国家民族事务委员会", "公安部", "国家安全部", "民政部",
              "司法部", "财政部", "人力资源和社会保障部", "自然资源部", "生态环境部", "住房和城乡建设部", "交通运输部", "水利部", "农业农村部", "商务部",
              "文化和旅游部", "国家卫生健康委员会", "退役军人事务部", "应急管理部", "中国人民银行", "审计署")


@pytest.mark.parametrize("ministry", MINISTRIES)
def test_a_ministry_reaches_no_listed_unit(screener: Screener, ministry: str) -> None:
    assert screener.best(ministry) is None
