"""Short forms of listed parents' units and of universities, expanded by the knowledge's rules."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from tendertrace.knowledge import load_csv, load_yaml
from tendertrace.screen.abbrev import expand, rules
from tendertrace.screen.names import fold_zh, translate

from ..conftest import LISTS, needs_shared


@pytest.mark.parametrize(("short", "full"), [
    ("中科院自动化所", "中国科学院自动化研究所"),
    ("中国科学院微电子所", "中国科学院微电子研究所"),
    ("中电科14所", "中国电子科技集团公司第14研究所"),
    ("中国电科十四所", "中国电子科技集团公司第十四研究所"),
    ("航天科工二院", "中国航天科工集团有限公司第二研究院"),
    ("航天科技八院", "中国航天科技集团有限公司第八研究院"),
    ("中物院九所", "中国工程物理研究院第九研究所"),
    ("中船重工709所", "中国船舶重工集团有限公司第709研究所"),
    ("中船七〇九所", "中国船舶集团有限公司第七〇九研究所"),
    ("航空工业601所", "中国航空工业集团有限公司第601研究所"),
    ("兵器212所", "中国兵器工业集团有限公司第212研究所"),
    ("哈工大", "哈尔滨工业大学"),
    ("北航计算机学院", "北京航空航天大学计算机学院"),
    ("浙大附属第一医院", "浙江大学附属第一医院"),
    ("哈工大深圳", "哈尔滨工业大学深圳"),
    ("中交三航局", "中交第三航务工程局"),
    ("中交四航局第二工程公司", "中交第四航务工程局第二工程公司"),
    ("中交广航局", "中交广州航道局"),
    ("中交天航局滨海分公司", "中交天津航道局滨海分公司"),
])
def test_short_forms_expand(short: str, full: str) -> None:
    assert expand(short) == full


@pytest.mark.parametrize("name", [
    "中国科学院自动化研究所",  # already in full
    "中国电子科技集团公司第十四研究所",
    "清华大学计算机系",
    "北大荒农垦集团有限公司",  # starts with 北大, is not Peking University
    "清华同方股份有限公司",
    "中科院",  # CAS as a whole is not listed: left alone
    "华为技术有限公司",
    "中交第二航务工程局有限公司",  # in full already
    "中交五航局",  # no such bureau: 航局 is read only after 一 to 四
    "中交北航局",  # and only after the three waterway bureaus' cities
])
def test_names_that_are_no_short_form_stay(name: str) -> None:
    assert expand(name) is None


def test_translation_reads_the_expanded_name() -> None:
    assert "14th Research Institute" in translate("中电科14所")[0].text
    assert translate("哈工程")[0].text == "Harbin Engineering University"


def test_every_rule_has_a_source_and_compiles() -> None:
    for rule in rules():
        assert rule.source.strip() and isinstance(rule.pattern, re.Pattern)
    assert {"short", "full", "source"} <= set(load_csv("university_short_names_zh.csv")[0])
    assert load_yaml("abbreviations_zh.yaml")["university_tails"]


def test_university_table_names_real_universities_once() -> None:
    rows = load_csv("university_short_names_zh.csv")
    assert len({r["short"] for r in rows}) == len(rows)
    for r in rows:
        assert r["source"] and r["full"].endswith("大学") and len(r["short"]) < len(r["full"])


@needs_shared(LISTS / "chinese_names" / "misp_aspi_china_defence_universities.json")
def test_university_full_names_are_known_institutions() -> None:
    """Each full name is an institution ASPI's tracker names, or one the alias or glossary tables read."""
    import json

    data = json.loads((LISTS / "chinese_names" / "misp_aspi_china_defence_universities.json").read_text("utf-8"))
    aspi = {fold_zh(a) for v in data["values"] for a in [v["value"], *(v.get("meta", {}).get("aliases") or [])]
            if re.search(r"[\u4e00-\u9fff]", a)}
    aspi |= {fold_zh(m) for v in data["values"] for m in re.findall(r"[\u4e00-\u9fff]+", v["value"])}
    rows = load_csv("university_short_names_zh.csv")
    known = sum(fold_zh(r["full"]) in aspi for r in rows)
    assert known >= len(rows) // 2  # the rest are civilian universities outside ASPI's defence tracker


def test_csv_parses_with_the_standard_reader() -> None:
    path = Path(__file__).resolve().parents[2] / "src" / "tendertrace" / "knowledge" / "university_short_names_zh.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        assert all(len(row) == 3 for row in csv.reader(handle))


def test_state_group_units_are_also_read_with_the_groups_english_short_name() -> None:
    from tendertrace.screen.abbrev import english_short_form

    assert english_short_form("中国航空工业集团公司雷华电子技术研究所") == ("AVIC", "雷华电子技术研究所")
    assert english_short_form("中国电子科技集团公司第十六研究所") == ("CETC", "第十六研究所")
    assert english_short_form("中国航空工业集团公司") is None  # the group itself: its own name reads it
    assert english_short_form("中航油") is None  # 中航 alone is not AVIC
    texts = [t.text for t in translate("中国航空工业集团公司雷华电子技术研究所")]
    assert any(t.startswith("AVIC Leihua") for t in texts)
