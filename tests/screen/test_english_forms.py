"""English forms of listed names: initialisms, China/Chinese, reordered and abbreviated names."""

from __future__ import annotations

import pytest

from tendertrace.model import ListEntry
from tendertrace.screen import Screener

from ._hits import best

ENTRIES = [
    ListEntry("hit", "EL", "Harbin Institute of Technology", [], "China"),
    ListEntry("higon", "EL", "Higon Information Technology", [], "China"),  # also H-I-T, but a company
    ListEntry("nudt", "EL", "National University of Defense Technology (NUDT)", [], "China"),
    ListEntry("caep", "EL", "Chinese Academy of Engineering Physics", [], "China"),
    ListEntry("iop", "EL", "Chinese Academy of Sciences, Institute of Physics", ["IOPCAS"], "China"),
    ListEntry("ime", "EL", "Chinese Academy of Sciences Institute of Microelectronics",
              ["CAS Institute of Microelectronics"], "China"),
    ListEntry("cetc", "NS-CMIC", "China Electronics Technology Group Corporation", ["CETC"], "China"),
    ListEntry("cetc54", "EL", "54th Research Institute of China",
              ["China Electronics Technology Group Corp. (CETC) 54th Research Institute"], "China"),
    ListEntry("scu", "EL", "Sichuan University", [], "China"),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(ENTRIES)


def test_initialisms_the_list_gives_or_the_name_spells(screener: Screener) -> None:
    assert screener.best("NUDT").entry.id == "nudt"
    assert screener.best("HIT").entry.id == "hit"  # the only institution among the names spelling H-I-T
    assert screener.best("CAEP").entry.id == "caep"


def test_a_parents_initialism_inside_a_name_is_not_the_units_own(screener: Screener) -> None:
    assert [h.entry.id for h in screener.screen("CETC", limit=5)] == ["cetc"]
    assert screener.best("CETC 54th Research Institute").entry.id == "cetc54"


def test_china_academy_is_chinese_academy(screener: Screener) -> None:
    hit = screener.best("China Academy of Engineering Physics")
    assert hit and hit.entry.id == "caep" and hit.score == 1.0


@pytest.mark.parametrize("query", ["Institute of Physics, CAS", "CAS Institute of Physics",
                                   "Institute of Physics, Chinese Academy of Sciences",
                                   "Chinese Acad. of Sci. Inst. of Physics"])
def test_reordered_and_abbreviated_names(screener: Screener, query: str) -> None:
    hit = screener.best(query)
    assert hit and hit.entry.id == "iop" and hit.relation == "self"


@pytest.mark.parametrize("query", ["West China Hospital, Sichuan University", "Sichuan University West China Hospital"])
def test_a_hospital_of_a_university_is_its_affiliate(screener: Screener, query: str) -> None:
    hit = screener.best(query)
    assert hit and hit.entry.id == "scu" and hit.relation == "affiliate"


def test_words_run_together_or_split_and_titles() -> None:
    screener = Screener([ListEntry("1", "SDN", "Vladimir Putin", [], "Russia"), ListEntry("2", "EL", "Siemens AG", [], "Germany"),
                         ListEntry("3", "SDN", "Rami Makhlouf", [], "Syria"), ListEntry("4", "EL", "Goodwill Company", [], "x")])
    assert screener.best("VladimirPutin").entry.id == "1"
    assert screener.best("SiemensAG").entry.id == "2"
    assert screener.best("Dr. Rami Makhlouf").entry.id == "3"
    assert screener.best("Good Will Company").entry.id == "4"


def test_two_names_that_each_keep_a_word_of_their_own_are_two_parties() -> None:
    screener = Screener([ListEntry("1", "SDN", "AYMAN SABAWI IBRAHIM HASAN AL-TIKRITI", [], "Iraq")])
    assert screener.best("AYMAN SABAWI IBRAHIM HASAN AL-DULAIMI") is None
    assert screener.best("Ayman Sabawi Ibrahim Hasan al-Tikriti").entry.id == "1"


def test_an_initial_stands_for_its_word() -> None:
    screener = Screener([ListEntry("1", "SDN", "Ali Khamenei", [], "Iran"),
                         ListEntry("2", "SDN", "Hans Joachim Friedrich", [], "Germany")])
    assert screener.best("A. Khamenei").entry.id == "1"
    assert screener.best("Hans J Friedrich").entry.id == "2"
    assert screener.best("B. Khamenei") is None  # another initial is another person


def test_a_patronymic_weighs_little() -> None:
    screener = Screener([ListEntry("1", "SDN", "Nikolai Platonovich Patrushev", [], "Russia")])
    assert screener.best("Nikolai Patrushev").entry.id == "1"
    assert screener.best("Nikolai Petrov") is None


def test_a_legal_form_alone_names_no_one() -> None:
    # SDN lists "PTE" as an alias of an Iranian company; a consignee cell read as "Pte Ltd" is
    # Singapore's legal form, not that company.
    screener = Screener([ListEntry("pte", "SDN", "POUYAN TABAAN ENERGY", ["PTE"], "Iran"),
                         ListEntry("ltd", "EL", "Sino Tech Ltd", [], "China")])
    for form in ("Pte Ltd", "Pte. Ltd.", "Co., Ltd.", "Sdn. Bhd.", "LLC", "Limited"):
        assert screener.screen(form) == [], form
    assert screener.best("PTE").entry.id == "pte"  # the alias itself still finds it
    assert screener.best("Sino Tech Ltd").entry.id == "ltd"


def test_a_listed_brand_written_after_its_registration_place() -> None:
    # A Chinese registered name opens with its place; the list's English often drops it. The place
    # must be one of the entry's listed addresses.
    screener = Screener([
        ListEntry("ifx", "EL", "Intellifusion", [], "China", address="Longgang District, Shenzhen, China."),
        ListEntry("bit", "EL", "Beijing Institute of Technology", [], "China", address="Beijing, China"),
    ])
    assert screener.best("Shenzhen Intellifusion Co., Ltd.").entry.id == "ifx"
    assert screener.best("Shenzhen Intellifusion").entry.id == "ifx"
    assert screener.screen("Wuhan Intellifusion Co., Ltd.") == []  # not a place it is listed at
    assert screener.screen("Institute of Technology") == []  # a generic name left after the place names no one


def test_a_romanised_listing_is_found_from_its_chinese_name_and_its_pinyin() -> None:
    # The list writes a Chinese company's name in pinyin, syllables grouped word by word ("Pishan Haishi
    # Yong'an"); its Chinese name composes to one run of pinyin, which is cut into the listed words.
    screener = Screener([
        ListEntry("ps", "EL", "Pishan Haishi Yong'an Electronic Technology Co., Ltd.", [], "China"),
        ListEntry("sz", "EL", "Suzhou Huawei Investment Co., Ltd.", [], "China"),
        ListEntry("hw", "EL", "Huawei Technologies Co., Ltd.", ["Huawei"], "China"),
        ListEntry("nd", "EL", "Suzhou Nanda Optoelectronic Materials Co., Ltd.", [], "China"),
    ])
    assert screener.best("皮山海视永安电子技术有限公司").entry.id == "ps"
    assert screener.best("Pishan Haishi Yong'an Dianzi Jishu Youxian Gongsi").entry.id == "ps"
    # a known trade name inside a longer name is read word by word too (华为 in 苏州华为投资)
    assert screener.best("苏州华为投资有限公司").entry.id == "sz"
    # pinyin syllables stay with the word they were written in ("Suzhou Nanda", not "suzhounan da")
    hit = screener.best("Suzhou Nanda Guangdian Cailiao Youxian Gongsi")
    assert hit is not None and (hit.entry.id, hit.relation) == ("nd", "self")


def test_a_legal_form_in_pinyin_is_no_sub_unit() -> None:
    from tendertrace.screen.relation import parents

    assert "Beijing Fujirui Guangdian Keji" not in parents("Beijing Fujirui Guangdian Keji Gufen Youxian Gongsi")
    assert "Beijing Fujirui" in parents("Beijing Fujirui Guangdian Keji Gufen Youxian Gongsi")


def test_short_forms_of_telecommunication_and_communication() -> None:
    screener = Screener([
        ListEntry("hj", "EL", "Beijing Huanjia Telecommunication Co., Ltd.", [], "China"),
        ListEntry("gg", "EL", "Changzhou Guoguang Data Communications Co., Ltd.", [], "China"),
    ])
    assert best(screener, "Beijing Huanjia Telecom Co Ltd") == ("hj", "self")
    assert best(screener, "Changzhou Guoguang Data Comm") == ("gg", "self")


def test_an_aliass_initials_are_no_name_of_the_entry() -> None:
    # "Jiangsu Carbon Element Technology" translates 碳元科技 word for word: nobody calls it JCET, and
    # a company that is called so (JCET Group) is another.
    screener = Screener([ListEntry("ty", "EL", "Tanyuan Technology Co. Ltd.", ["Jiangsu Carbon Element Technology"], "China"),
                         ListEntry("uestc", "EL", "University of Electronic Science and Technology of China", [], "China")])
    assert best(screener, "JCET Group Co., Ltd.") is None
    assert best(screener, "UESTC") == ("uestc", "self")


def test_a_name_written_in_both_scripts_is_the_entry_itself() -> None:
    screener = Screener([
        ListEntry("lz", "EL", "LINKZOL (Beijing) Technology Co., Ltd.", ["Lianzhong Cluster (Beijing) Technology Co., Ltd."], "China"),
        ListEntry("gy", "EL", "Guangzhou Guangyou Communications Equipment Co., Ltd.", [], "China"),
    ])
    assert best(screener, "LINKZOL联众集群科技") == ("lz", "self")
    assert best(screener, "OTHERCO北京联众集群科技有限公司") is None  # a Latin word the entry's names do not hold
    # 器材 composes as Equipment: the listed name written in full
    assert best(screener, "广州市广有通讯器材有限公司") == ("gy", "self")


PLURAL_ENTRIES = [
    ListEntry("gas", "EL", "Shandong Feiyuan Gas Co., Ltd.", [], "China"),
    ListEntry("heavy", "EL", "Guangxin Shipbuilding and Heavy Industry Co., Ltd.", [], "China"),
    ListEntry("it", "EL", "Urumqi Tianyao Weiye Information Technology Service Co., Ltd.", [], "China"),
    ListEntry("opto", "EL", "Beijing Opto-Electronics Technology Company", [], "China"),
    ListEntry("super", "EL", "Shanghai Supercomputing Technology Co., Ltd.", [], "China"),
]


@pytest.mark.parametrize(("query", "expected"), [
    ("Shandong Feiyuan Gases Co.", "gas"),  # a plural of the name's word
    ("Guangxin Shipbuilding & Heavy Industries Co.", "heavy"),  # & for and, -ies for -y
    ("Urumqi Tianyao Weiye IT Services Co., Ltd.", "it"),  # IT for Information Technology
    ("Beijing Optoelectronic Technology Co.", "opto"),  # a hyphenated compound written as one word
    ("Shanghai Super Computing Technology Company Limited", "super"),  # a compound written as two words
])
def test_plurals_compounds_and_initialisms_of_a_listed_name(query: str, expected: str) -> None:
    assert best(Screener(PLURAL_ENTRIES), query) == (expected, "self")


def test_an_initialism_read_as_a_word_is_no_plural() -> None:
    entry = ListEntry("air", "EL", "Aerospace Information Research Institute, Chinese Academy of Sciences", ["AIRCAS"], "China")
    assert best(Screener([entry]), "AIR-CAS") == ("air", "self")
