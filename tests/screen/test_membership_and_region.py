"""Two relation rules on a small list built for them: a membership body named after a listed company
is another organisation, and a bracketed special administrative region where the entry is listed
names the entity itself, while a bracketed city stays a campus or a branch."""

from __future__ import annotations

import pytest

from tendertrace.model import ListEntry
from tendertrace.screen import Screener, load_file

from ..conftest import LISTS, needs_shared
from ._hits import best

ENTRIES = [
    ListEntry("mob", "NS-CMIC", "China Mobile Communications Group Co., Ltd.", ["CHINA MOBILE"], "China"),
    ListEntry("cec", "NS-CMIC", "China Electronics Corporation", ["CEC"], "China"),
    ListEntry("corad", "EL", "Corad Technology Limited", [], "China",
              address="Unit 1306, 13/F, Nanyang Plaza, 57 Hung To Road, Kwun Tong, Hong Kong"),
    ListEntry("hit", "EL", "Harbin Institute of Technology", [], "China", address="92 West Dazhi Street, Harbin"),
    ListEntry("assoc", "EL", "Etalon Scientific and Production Association", [], "Russia"),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(ENTRIES)


@pytest.mark.parametrize("query", ["中国移动通信联合会", "China Mobile Communications Association", "中国电子学会",
                                   "China Mobile Alliance"])
def test_a_membership_body_named_after_a_listed_company_is_no_hit(screener: Screener, query: str) -> None:
    assert best(screener, query) is None


def test_the_company_itself_and_a_listed_association_still_match(screener: Screener) -> None:
    assert best(screener, "中国移动通信集团有限公司") == ("mob", "self")
    assert best(screener, "Etalon Scientific and Production Association") == ("assoc", "self")


def test_a_bracketed_region_where_the_entry_is_listed_is_the_entry(screener: Screener) -> None:
    # 嘉兆科技有限公司 is Corad's Chinese name in the alias table
    assert best(screener, "嘉兆科技有限公司（中国香港）") == ("corad", "self")
    assert best(screener, "嘉兆科技有限公司（深圳）") == ("corad", "affiliate")
    assert best(screener, "哈尔滨工业大学（威海）") == ("hit", "affiliate")


def test_english_abbreviations_of_name_words_read_as_the_words() -> None:
    s = Screener([ListEntry("xl", "EL", "Xi'an Eastpine Innovative Information Technology Co., Ltd.", [], "China")])
    assert best(s, "Xian Eastpine Innovative Info Tech Co Ltd") == ("xl", "self")


@needs_shared(LISTS / "us_lists_nsfreg_2026-07" / "bis_entity_list.json")
def test_a_groups_short_name_after_a_city_is_its_listed_company_there() -> None:
    # 北方华创 is Naura Technology Group's short name in the alias table (its annual report); the Entity
    # List holds the group and its city companies (Wuhan Naura, Shanghai Naura ...)
    entries = [e for *_, es in load_file(LISTS / "us_lists_nsfreg_2026-07" / "bis_entity_list.json") for e in es]
    s = Screener(entries)
    hit = s.best("武汉北方华创")
    assert hit is not None and (hit.entry.name, hit.relation) == ("Wuhan Naura Microelectronics Equipment Co., Ltd.", "self")
    hit = s.best("北方华创")
    assert hit is not None and (hit.entry.name, hit.relation) == ("Naura Technology Group Co., Ltd.", "self")
