from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tendertrace import store
from tendertrace.model import ListEntry
from tendertrace.screen import Screener, bound, load_file, load_screener, sample_screener
from tendertrace.screen.names import content_tokens, fold_zh, translate
from tendertrace.screen.score import score

from ..conftest import LISTS, needs_shared

ENTRIES = [
    ListEntry("1", "EL", "University of Science and Technology of China", ["USTC"], "China",
              federal_register="89 FR 41888, 5/14/24", license_requirement="For all items subject to the EAR."),
    ListEntry("2", "EL", "Sichuan University", [], "China", federal_register="77 FR 58006, 9/19/12"),
    ListEntry("3", "EL", "Harbin Institute of Technology", ["HIT"], "China"),
    ListEntry("4", "EL", "Hangzhou Hikvision Digital Technology Co., Ltd.", ["Hikvision"], "China"),
    ListEntry("5", "EL", "China Electronics Technology Group Corporation 14th Research Institute (CETC 14)", [], "China"),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(ENTRIES)


def test_chinese_name_finds_its_english_listing(screener: Screener) -> None:
    hit = screener.best("中国科学技术大学")
    assert hit and hit.entry.name == "University of Science and Technology of China" and hit.relation == "self"
    assert "89 FR 41888" in hit.explanation and "alias table" in hit.explanation


def test_sub_unit_is_reported_as_affiliate_of_its_listed_parent(screener: Screener) -> None:
    hit = screener.best("中国科学技术大学苏州高等研究院")
    assert hit and hit.entry.name == "University of Science and Technology of China"
    assert hit.relation == "affiliate"
    assert "sub-unit" in hit.explanation


def test_traditional_and_legal_form_variants(screener: Screener) -> None:
    assert screener.best("四川大學").entry.name == "Sichuan University"
    assert screener.best("杭州海康威视数字技术有限责任公司").entry.name.startswith("Hangzhou Hikvision")


def test_english_abbreviations_and_variants(screener: Screener) -> None:
    assert screener.best("USTC").entry.name == "University of Science and Technology of China"
    assert screener.best("Univ. of Sci. & Tech. of China").entry.name == "University of Science and Technology of China"
    assert screener.best("HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD").relation == "self"


def test_pinyin_query(screener: Screener) -> None:
    assert screener.best("Sichuan Daxue").entry.name == "Sichuan University"


def test_unlisted_names_do_not_match(screener: Screener) -> None:
    for name in ("深圳大学", "北京大学", "宁波市国际招标有限公司", "Peking University", "哈尔滨理工大学"):
        assert screener.best(name) is None, name


def test_translation_is_explained() -> None:
    forms = translate("中国电子科技集团公司第十四研究所")
    assert any("China Electronics Technology Group Corporation" in t.text for t in forms)
    assert fold_zh("（深圳）有限公司") == "深圳有限公司"


def test_bundled_sample_is_used_with_a_warning(db_url: str) -> None:
    engine = store.connect(db_url)
    with pytest.warns(UserWarning, match="sample"):
        screener = load_screener(engine)
    assert screener.sample and screener.best("四川大学").entry.list == "EL"
    assert all(e.federal_register for e in sample_screener().entries)


def test_csl_csv_loader_reads_the_official_layout(tmp_path: Path) -> None:
    path = tmp_path / "consolidated.csv"
    header = ("_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,"
              "standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,"
              "gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,"
              "dates_of_birth,nationalities,places_of_birth,source_information_url,ids")
    row = ('"abc","Entity List (EL) - Bureau of Industry and Security","","","","Sichuan University","",'
           '"No. 24 South Section 1, Chengdu, CN","77 FR 58006","2012-09-19","","","For all items subject to the EAR.",'
           '"Presumption of denial.","","","","","","","","","Sichuan Univ; SCU","","","","","",""')
    path.write_text(header + "\n" + row + "\n", encoding="utf-8")
    [(code, _source, version, entries)] = load_file(path)
    assert code == "EL" and version == "CSL 2012-09-19"
    assert entries[0].aliases == ["Sichuan Univ", "SCU"] and entries[0].license_policy == "Presumption of denial."


def test_ftm_lines_loader(tmp_path: Path) -> None:
    path = tmp_path / "entities.ftm.json"
    path.write_text(json.dumps({"id": "x1", "schema": "Company", "datasets": ["us_bis_entity"],
                                "properties": {"name": ["Sugon"], "alias": ["Dawning"], "country": ["cn"]}}) + "\n")
    [(code, _s, _v, entries)] = load_file(path)
    assert code == "us_bis_entity" and entries[0].aliases == ["Dawning"]


@needs_shared(LISTS / "csl_format_samples" / "watchman_cslustest_consolidated.csv")
def test_real_csl_rows_and_sdn_files_load() -> None:
    groups = load_file(LISTS / "csl_format_samples" / "watchman_cslustest_consolidated.csv")
    assert sum(len(g[3]) for g in groups) == 13
    assert {g[0] for g in groups} & {"EL", "SDN", "ISN", "UVL"}
    [(code, _s, _v, sdn)] = load_file(LISTS / "ofac_sdn_legacy_2021" / "sdn.csv")
    assert code == "SDN" and len(sdn) > 8000 and any(e.aliases for e in sdn)


@needs_shared(LISTS / "us_lists_nsfreg_2026-07" / "bis_entity_list.json")
def test_full_entity_list_cross_script() -> None:
    entries = []
    for name in ("bis_entity_list.json", "bis_meu.json", "ofac_nscmic.json"):
        for group in load_file(LISTS / "us_lists_nsfreg_2026-07" / name):
            entries.extend(group[3])
    screener = Screener(entries)
    hit = screener.best("中国科学技术大学苏州高等研究院")
    assert hit.entry.name == "University of Science and Technology of China" and hit.relation == "affiliate"
    assert screener.best("深圳大学") is None


def test_a_cached_answer_keeps_every_hit_whatever_limit_was_asked_first() -> None:
    """best() and screen() share the per-query cache: asking for one hit must not cut a later list."""
    entries = [ListEntry("1", "EL", "Sichuan University", [], "China"),
               ListEntry("2", "MEU", "Sichuan University", [], "China")]
    expected = Screener(entries).screen("四川大学", limit=5)
    assert [h.entry.list for h in expected] == ["EL", "MEU"]
    screener = Screener(entries)
    assert screener.best("四川大学").entry.list == "EL"
    assert screener.screen("四川大学", limit=5) == expected


def test_legal_forms_in_any_language_do_not_decide_a_match() -> None:
    screener = Screener([ListEntry("1", "SDN", "Open Joint Stock Company Gazprom", [], "Russia"),
                         ListEntry("2", "EL", "Siemens AG", [], "Germany"),
                         ListEntry("3", "EL", "LL Electronic Limited", [], "China")])
    assert screener.best("OAO Gazprom").entry.id == "1"
    assert screener.best("Siemens Aktiengesellschaft").entry.id == "2"
    # A two-letter form in front is the name itself, not a legal form: "Electronic" alone is not LL Electronic.
    assert screener.best("Electronic") is None
    assert screener.best("LL Electronic Co., Ltd.").entry.id == "3"


def _bounds_hold(screener: Screener, query: str) -> int:
    """For every candidate of every translation, the bounds that skip names before scoring >= the score."""
    index = screener.index
    checked = 0
    for tr in translate(query):
        tokens = content_tokens(tr.text)
        if not tokens:
            continue
        terms = index.terms(tokens)
        found = bound.candidates(index, terms)
        reach = bound.reach(index, terms, found)
        for n, most in zip(found.names.tolist(), reach.tolist(), strict=True):
            name = index.names[n]
            value = score(terms, name.terms).score
            assert most >= value - 1e-6, (query, name.text, most, value)
            checked += 1
    return checked


@pytest.fixture(scope="module")
def sample() -> Screener:
    return sample_screener()


@given(st.lists(st.sampled_from(["University", "Technology", "Harbin", "Haerbin", "Beijing", "Bejing", "Co", "Ltd",
                                 "Institute", "Research", "14th", "China", "Electronics", "Hikvision", "Hikvison",
                                 "Sugon", "Inspur", "Zhongke", "Shuguang", "Li", "Wei", "Defense", "Defence",
                                 "中国", "科学", "大学", "研究所", "深圳", "电子", "科技", "有限公司", "苏州"]),
                min_size=1, max_size=6))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_candidate_bounds_never_fall_below_the_score(sample: Screener, words: list[str]) -> None:
    """The bounds that skip names before scoring must be upper bounds, or a listed party could be missed."""
    _bounds_hold(sample, " ".join(words) if words[0].isascii() else "".join(words))


def test_candidate_bounds_hold_on_the_examples(sample: Screener) -> None:
    names = [e.name for e in sample.entries[:60]] + ["中国科学技术大学苏州高等研究院", "哈尔滨工业大学（深圳）", "Haerbin Gongye Daxue"]
    assert sum(_bounds_hold(sample, name) for name in names) > 100


def test_a_name_written_in_pinyin_finds_its_listing(screener: Screener) -> None:
    hit = screener.best("Hāěrbīn Gōngyè Dàxué")
    assert hit and hit.entry.name == "Harbin Institute of Technology" and hit.relation == "self"
    assert "pinyin of an alias-table name (哈尔滨工业大学" in hit.explanation
    # Read across written words only where they begin and end: 计算 技术, not 计算机 + "shu".
    assert "Computing Technology" in translate("Jisuan Jishu Yanjiusuo")[-1].text
    assert screener.best("Haerbin Ligong Daxue") is None  # 哈尔滨理工大学 is another university
    # Short readings are ambiguous (中芯 SMIC, 中信 CITIC, 中心 all read "zhongxin"): not looked up.
    assert all(t.method != "pinyin-alias" for t in translate("Zhongxin"))


def test_a_name_in_another_script_is_transliterated() -> None:
    screener = Screener([ListEntry("1", "SDN", "Vladimir Vladimirovich Putin", ["Vladimir Putin"], "Russia")])
    hit = screener.best("Владимир Путин")
    assert hit and hit.entry.id == "1" and hit.matched_name == "Vladimir Putin"


def test_dotted_initials_are_one_word() -> None:
    from tendertrace.screen.names import tokens_en

    assert tokens_en("A.B.C. Company") == tokens_en("ABC Company") == ["abc", "company"]
    assert tokens_en("L.X.C Aviation")[0] == "lxc"
    assert tokens_en("Univ. of Sci. & Tech.") == ["university", "of", "science", "and", "technology"]


def test_ordinals_compare_as_numbers() -> None:
    from tendertrace.screen.names import tokens_en

    assert tokens_en("CETC 14th Research Institute") == ["cetc", "14", "research", "institute"]
    screener = Screener([ListEntry("1", "EL", "China Electronics Technology Group Corporation 14th Research "
                                              "Institute (CETC 14)", ["CETC Research Institute 14"], "China")])
    assert screener.best("CETC 14th Research Institute").entry.id == "1"


def test_the_alias_table_vouches_for_one_identity_not_its_sisters() -> None:
    screener = Screener([ListEntry("1", "EL", "Inspur Group Co., Ltd.", [], "China"),
                         ListEntry("2", "EL", "Inspur (HK) Electronics Co., Ltd.", [], "China"),
                         # "Electronics" is a common word on the lists, so it weighs little:
                         *(ListEntry(str(i), "EL", f"{word} Electronics", [], "China") for i, word in
                           enumerate(["Aero", "Bolt", "Cyan", "Delta", "Epsilon", "Forte", "Gamma", "Helix"], 3))])
    assert [h.entry.id for h in screener.screen("浪潮集团有限公司", limit=5)] == ["1"]
