"""Classes of writings of listed names: Chinese digits written place by place, a unit's own number
in brackets, a company written with a place after its legal form, and their near misses."""

from __future__ import annotations

import pytest

from tendertrace.model import ListEntry
from tendertrace.screen import Screener
from tendertrace.screen.names import translate
from tendertrace.screen.relation import name_and_place, own_designation, unit_number
from tests.screen._hits import best

ENTRIES = [
    ListEntry("t583", "EL", "Hangzhou 583 Optical Instruments Co., Ltd.", [], "China"),
    ListEntry("i805", "EL", "Example Group (EG) 805th Research Institute", [], "China"),
    ListEntry("sino", "EL", "Qilong Photonics Limited", [], "China",
              address="Room 5, 8 Canton Road, Tsim Sha Tsui, Kowloon, Hong Kong."),
    ListEntry("sino-sg", "EL", "Qilong Photonics Pte. Ltd.", [], "Singapore", address="1 Marina Way, Singapore."),
    ListEntry("mira", "EL", "Mirafeng Sensor Technology Co., Ltd.", [], "China",
              address="No. 9 Keyuan Road, Nanshan District, Shenzhen, China; and Unit 3, 12 Lam Lok Street, Kowloon Bay, Hong Kong."),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(ENTRIES)




# -- Chinese digits written place by place ------------------------------------------------------

@pytest.mark.parametrize(("name", "number"), [
    ("杭州五八三光学仪器有限公司", "583"),
    ("某某二〇五厂", "205"),
    ("某某五〇厂", "50"),  # a zero makes a run of two a number
])
def test_digits_written_place_by_place_read_as_arabic(name: str, number: str) -> None:
    assert any(number in t.text.split() for t in translate(name))


@pytest.mark.parametrize("name", ["三一重工股份有限公司", "九三学社", "四川零售有限公司"])
def test_two_digits_or_a_zero_word_stay_words(name: str) -> None:
    assert not any(any(ch.isdigit() for ch in t.text) for t in translate(name))


def test_company_with_its_number_in_chinese_digits_is_the_listed_company(screener: Screener) -> None:
    assert best(screener, "杭州五八三光学仪器有限公司") == ("t583", "self")
    assert best(screener, "杭州五八四光学仪器有限公司") != ("t583", "self")


# -- a unit's own number in brackets ------------------------------------------------------------

@pytest.mark.parametrize(("word", "number"), [("805所", 805), ("第八〇五研究所", 805), ("十四所", 14), ("二院", 2),
                                              ("深圳", None), ("805", None)])
def test_unit_number_of_a_designation_alone(word: str, number: int | None) -> None:
    assert unit_number(word) == number


def test_own_designation_is_the_listed_number_only() -> None:
    listed = "Example Group (EG) 805th Research Institute"
    assert own_designation("（第八〇五研究所）".strip("（）"), listed)
    assert not own_designation("806所", listed)
    assert not own_designation("Shenzhen", listed)


def test_bracketed_own_number_keeps_the_unit_self() -> None:
    # The alias table is not needed: the unit is read through its designation and its own number.
    screener = Screener([ListEntry("u", "EL", "805th Research Institute", [], "China")])
    bare = screener.best("第八〇五研究所")
    assert bare is not None and bare.relation == "self"
    bracketed = screener.best("第八〇五研究所（805所）")
    assert bracketed is not None and (bracketed.entry.id, bracketed.relation) == ("u", "self")


# -- a company written with a place after its legal form ----------------------------------------

@pytest.mark.parametrize(("query", "split"), [
    ("Qilong Photonics Ltd., Hong Kong", ("Qilong Photonics Ltd.", ["hongkong"])),
    ("Mirafeng Sensor Technology Co., Ltd. (Shenzhen)", ("Mirafeng Sensor Technology Co., Ltd.", ["shenzhen"])),
    ("Mirafeng Sensor Technology Co., Ltd., Kowloon Bay", ("Mirafeng Sensor Technology Co., Ltd.", ["kowloon", "bay"])),
])
def test_name_and_place_splits_a_place_after_the_legal_form(query: str, split: tuple[str, list[str]]) -> None:
    assert name_and_place(query) == split


@pytest.mark.parametrize("query", [
    "Mirafeng Sensor Technology, Shenzhen",  # no legal form before the place
    "Mirafeng Sensor Technology Co., Ltd., Shenzhen Branch",  # a unit, not a place
    "Harbin Institute of Technology (Shenzhen)",
    "中国某某有限公司（深圳）",
])
def test_name_and_place_needs_a_legal_form_and_a_place(query: str) -> None:
    assert name_and_place(query) is None


def test_company_with_a_listed_place_is_the_listed_company(screener: Screener) -> None:
    assert best(screener, "Qilong Photonics Ltd., Hong Kong") == ("sino", "self")
    assert best(screener, "Qilong Photonics Ltd., Singapore") == ("sino-sg", "self")
    assert best(screener, "Mirafeng Sensor Technology Co., Limited (Hong Kong)") == ("mira", "self")
    assert best(screener, "Mirafeng Sensor Technology Co., Ltd. (Shenzhen)") == ("mira", "self")


def test_company_with_a_place_not_listed_stays_an_affiliate(screener: Screener) -> None:
    assert best(screener, "Mirafeng Sensor Technology Co., Ltd. (Chengdu)") == ("mira", "affiliate")


# -- a trade name plus one character is another trade name --------------------------------------

def test_known_short_name_lengthened_by_one_character_is_another_company() -> None:
    from tendertrace.screen.names import lengthened_trade_name

    assert lengthened_trade_name("海思", "科医药集团股份有限公司")
    assert not lengthened_trade_name("海思", "光电子有限公司")  # the rest begins a known word
    assert not lengthened_trade_name("海思", "科医药研究中心")  # no company's legal form
    assert not lengthened_trade_name("中国科学院", "紫金山天文台")


def test_lengthened_trade_name_is_no_affiliate_of_the_listed_one() -> None:
    screener = Screener([ListEntry("hs", "EL", "HiSilicon Technologies Co., Ltd", [], "China")])
    assert screener.best("海思光电子有限公司") is not None  # a unit of the known name still reaches it
    for query in ("海思科医药集团股份有限公司", "海思邦材料科技有限公司"):
        assert screener.best(query) is None


# -- a numbered unit with its city; another of its names in a long bracket ----------------------

UNITS = [
    ListEntry("swi", "EL", "Northern Institute of Radio Technology", ["EXG 12th Research Institute"], "China",
              address="No. 3 Renmin Road, Xi'an, China."),
    ListEntry("nav", "EL", "Example Group (EXG) 809th Research Institute",
              ["Dalian Marine Navigation Equipment Research Institute"], "China", address="No. 1 Binhai Road, Dalian, China."),
]


def test_numbered_unit_is_a_name_a_place_may_follow() -> None:
    from tendertrace.screen.relation import numbered_unit

    assert numbered_unit("EXG 12th Institute") and numbered_unit("EXG 809 Research Institute")
    assert not numbered_unit("Harbin Institute of Technology") and not numbered_unit("Shenzhen 12 Technology")
    assert name_and_place("EXG 12th Institute, Xi'an") == ("EXG 12th Institute", ["xian"])
    assert name_and_place("EXG 12th Institute, Dalian") == ("EXG 12th Institute", ["dalian"])


def test_numbered_unit_with_its_listed_city_is_the_unit() -> None:
    screener = Screener(UNITS)
    hit = screener.best("EXG 12th Institute, Xi'an")
    assert hit is not None and (hit.entry.id, hit.relation) == ("swi", "self")
    elsewhere = screener.best("EXG 12th Institute, Chengdu")
    assert elsewhere is None or elsewhere.relation != "self"


def test_another_whole_name_in_a_long_bracket_restates_the_unit() -> None:
    screener = Screener(UNITS)
    query = "EXG 809 Institute (Dalian Marine Navigation Equipment Research Institute)"
    assert len(query[query.index("(") + 1:-1]) > 40
    hit = screener.best(query)
    assert hit is not None and (hit.entry.id, hit.relation) == ("nav", "self")


# -- a listed unit written under its parent's longer name ---------------------------------------

def test_unit_written_under_the_parents_longer_name_reads_as_the_unit() -> None:
    from tendertrace.screen.names import alias, without_parent

    # The alias table writes AMMS's institutes under its short name 军事医学科学院; the full name
    # 中国人民解放军军事医学科学院 is another row of the same academy.
    unit = "军事医学科学院毒物药物研究所"
    assert alias(unit) is not None
    assert without_parent("中国人民解放军" + unit) == unit
    assert without_parent("中国人民解放军军事医学科学院某某研究所") is None  # no listed unit after it


def test_unit_under_the_parents_longer_name_is_self() -> None:
    from tendertrace.screen.names import alias

    english = alias("军事医学科学院军事兽医研究所")
    assert english is not None
    screener = Screener([ListEntry("vet", "EL", english[0], [], "China"),
                         ListEntry("amms", "EL", "Academy of Military Medical Sciences", [], "China")])
    assert best(screener, "中国人民解放军军事医学科学院军事兽医研究所") == ("vet", "self")
    assert best(screener, "中国人民解放军军事医学科学院某某研究所") == ("amms", "affiliate")


def test_a_variant_of_a_listed_unit_word_adds_no_sub_unit() -> None:
    from tendertrace.screen.relation import adds_subunit

    assert not adds_subunit(["field", "blood", "institute"], ("field", "blood", "institution"))
    assert adds_subunit(["field", "blood", "institution", "branch"], ("field", "blood", "institution"))


# -- a listed company written without its registration place ------------------------------------

def test_listed_company_found_without_its_place_or_with_it_written_another_way() -> None:
    from tendertrace.screen.tradename import listed_with_place

    listed = "杭州海康威视数字技术股份有限公司"
    assert listed_with_place("海康威视数字技术股份有限公司") == listed
    assert listed_with_place("杭州市海康威视数字技术股份有限公司") == listed  # 杭州市 for 杭州
    assert listed_with_place("海康威视数字技术有限公司") == listed  # a compatible legal form
    assert listed_with_place(listed) is None  # the alias tables read it already
    assert listed_with_place("南京海康威视数字技术股份有限公司") is None  # another place's company
    assert listed_with_place("海康威视数字技术集团有限公司") is None  # a group is not the listed company
    assert listed_with_place("海康威视数字技术研究院") is None  # no company


def test_company_without_its_place_is_the_listed_company() -> None:
    screener = Screener([ListEntry("hik", "EL", "Hangzhou Hikvision Digital Technology Co. Ltd.", [], "China")])
    assert best(screener, "海康威视数字技术有限公司") == ("hik", "self")
    other = screener.best("南京海康威视数字技术股份有限公司")
    assert other is None or other.relation != "self"


# -- a numbered unit indexed without its group's initialism -------------------------------------

def test_group_initialism_dropped_only_before_a_numbered_unit() -> None:
    from tendertrace.screen.index import without_group_initialism

    assert without_group_initialism("EXG 12th Research Institute") == "12th Research Institute"
    assert without_group_initialism("EXG 5th Academy, 503 Institute") == "5th Academy, 503 Institute"
    assert without_group_initialism("EXG Institute of Physics") is None  # no number: a field many groups share
    assert without_group_initialism("EX 12th Research Institute") is None  # two capitals are no group
    assert without_group_initialism("OOO 12th Research Institute") is None  # a legal form is no group
    assert without_group_initialism("EXG 12 Lenina Street Building 4 Office 5 Institute") is None  # an address


def test_numbered_unit_without_its_group_reaches_it_below_its_published_names() -> None:
    from tendertrace.screen.factors import GROUP_LESS_WEIGHT

    screener = Screener([ListEntry("u12", "EL", "Northern Radio Institute", ["EXG 12th Research Institute"], "China"),
                         ListEntry("u13", "EL", "Southern Radio Institute", ["EXG 13th Research Institute"], "China")])
    hit = screener.best("12th Research Institute")
    assert hit is not None and (hit.entry.id, hit.relation) == ("u12", "self") and hit.score == GROUP_LESS_WEIGHT
    full = screener.best("EXG 12th Research Institute")
    assert full is not None and full.entry.id == "u12" and full.score > GROUP_LESS_WEIGHT
    other = screener.best("OTG 12th Research Institute")  # another group's 12th institute
    assert other is None or other.relation != "self"


# -- a composed translation reaching a listed proper name only as a slip ------------------------

def test_composed_pinyin_one_letter_off_a_listed_name_is_another_name() -> None:
    from tendertrace.screen.names import translate as tr

    composed = [t.text for t in tr("天地系统有限公司") if t.method == "glossary"]
    assert composed and "Tiandi" in composed[0]
    slipped = Screener([ListEntry("ty", "EL", "Tiandy Systems Co., Ltd.", [], "China"),
                        ListEntry("x", "EL", "Unrelated Optics Co., Ltd.", [], "China")])
    assert slipped.best("天地系统有限公司") is None
    spelled = Screener([ListEntry("td", "EL", "Tiandi Systems Co., Ltd.", [], "China"),
                        ListEntry("x", "EL", "Unrelated Optics Co., Ltd.", [], "China")])
    assert best(spelled, "天地系统有限公司") == ("td", "self")
    assert best(slipped, "Tiandi Systems Co., Ltd.") == ("ty", "self")  # as written, a slip still counts


# -- a listed company's trade name written alone -------------------------------------------------

def test_trade_name_alone_is_the_one_listed_company_with_it() -> None:
    from tendertrace.screen.names import alias
    from tendertrace.screen.tradename import listed_short_name

    listed = listed_short_name("海兰寰宇")
    assert listed is not None and listed.endswith("海兰寰宇海洋信息科技有限公司")
    assert listed_short_name("智谱华章") is None  # two places' companies share it
    assert listed_short_name("海兰") is None  # too short to be one company's
    assert listed_short_name("信息科技") is None  # a line of business, no trade name
    row = alias(listed)
    assert row is not None
    screener = Screener([ListEntry("hl", "EL", row[0], [], "China")])
    hit = screener.best("海兰寰宇")
    from tendertrace.screen.factors import SHORT_NAME_SCORE

    assert hit is not None and (hit.entry.id, hit.relation, hit.score) == ("hl", "self", SHORT_NAME_SCORE)


# -- a state group's member written without the group's short name -------------------------------

def test_member_written_without_its_groups_short_name() -> None:
    from tendertrace.knowledge import files as knowledge
    from tendertrace.screen.names import with_member_prefix

    prefixes = {row.prefix for row in knowledge.abbreviations().member_prefixes}
    assert prefixes and all(row.source.strip() for row in knowledge.abbreviations().member_prefixes)
    assert with_member_prefix("广州航道局有限公司") == "中交广州航道局有限公司"
    assert with_member_prefix("中交广州航道局有限公司") is None  # written with it already
    assert with_member_prefix("成都航道局有限公司") is None  # no such member in the alias tables
    assert with_member_prefix("科技有限公司") is None


def test_member_without_its_prefix_is_self() -> None:
    from tendertrace.screen.names import alias

    row = alias("中交广州航道局有限公司")
    assert row is not None
    screener = Screener([ListEntry("gz", "EL", row[0], [], "China")])
    assert best(screener, "广州航道局有限公司") == ("gz", "self")
