"""Local organs under the divisions they serve: a county's public security bureau is part of its
prefecture's, and that of its province's (``knowledge/organs_zh.yaml``), read through the PRC's
administrative divisions (``knowledge/divisions_zh.csv``, GB/T 2260, built by
``scripts/build_divisions.py``).

``organ_parents("乌恰县公安局")`` gives the same kind of organ one level up and then two
(克孜勒苏柯尔克孜自治州公安局, 新疆维吾尔自治区公安厅): the screener reports the first one listed as
the query's parent, with relation ``affiliate``. A division name that several divisions share
(鼓楼区) names none of them unless a division written before it (南京市鼓楼区) says which.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from ..knowledge import files as knowledge
from .names import fold_zh, is_chinese, pinyin

# GB/T 2260: two digits of province, two of prefecture, two of county.
PROVINCE_DIGITS = 2
PREFECTURE_DIGITS = 4
# A province-level division whose name ends so is a municipality (北京市): it has no 厅, its organs are 局.
MUNICIPALITY_SUFFIX = "市"
# Short forms of a province's name drop these endings (江苏省 -> 江苏); a division written before the
# organ's own may be written short.
PROVINCE_SUFFIXES = ("省", "市")
# A short form keeps at least two characters: 江苏省 -> 江苏, never a one-character name.
MIN_NAME_CHARS = 2


@dataclass(frozen=True, slots=True)
class Division:
    code: str
    name: str

    @property
    def level(self) -> str:
        if self.code.endswith("0000"):
            return "province"
        return "prefecture" if self.code.endswith("00") else "county"

    def contains(self, other: Division) -> bool:
        if self.level == "province":
            return other.code[:PROVINCE_DIGITS] == self.code[:PROVINCE_DIGITS] and other != self
        if self.level == "prefecture":
            return other.code[:PREFECTURE_DIGITS] == self.code[:PREFECTURE_DIGITS] and other != self
        return False


@dataclass(frozen=True, slots=True)
class OrganKind:
    kind: str
    province: str
    municipality: str
    prefecture: str
    county: tuple[str, ...]
    units: tuple[str, ...]
    source: str

    def word_at(self, division: Division) -> str:
        """The organ's name at a division's level (公安厅 for a province, 公安局 for a city)."""
        if division.level == "province":
            return self.municipality if division.name.endswith(MUNICIPALITY_SUFFIX) else self.province
        return self.prefecture if division.level == "prefecture" else self.county[0]

    def words(self) -> tuple[str, ...]:
        return (self.province, self.municipality, self.prefecture, *self.county)


@dataclass(frozen=True, slots=True)
class Divisions:
    by_code: dict[str, Division]
    by_name: dict[str, tuple[Division, ...]]
    longest: int

    def parent(self, division: Division) -> Division | None:
        """The division one level up; a county a province governs directly (石河子市) is the province's."""
        if division.level == "county":
            up = self.by_code.get(division.code[:PREFECTURE_DIGITS] + "00")
            if up is not None:
                return up
        if division.level != "province":
            return self.by_code.get(division.code[:PROVINCE_DIGITS] + "0000")
        return None

    def leading(self, text: str) -> tuple[Division, int] | None:
        """The most specific division a name begins with, and where its name ends: a chain of
        divisions each inside the one before (新疆维吾尔自治区|喀什地区|莎车县), longest names first.
        None when the last name of the chain is shared by divisions the chain does not tell apart."""
        at, chosen = 0, None
        while True:
            options = self._at(text, at, chosen)
            if not options:
                break
            end, found = options
            if len(found) > 1:
                return None  # 鼓楼区 alone: which city's?
            chosen, at = found[0], end
        return (chosen, at) if chosen is not None else None

    def _at(self, text: str, at: int, inside: Division | None) -> tuple[int, list[Division]] | None:
        for size in range(min(self.longest, len(text) - at), 1, -1):
            found = [d for d in self.by_name.get(text[at:at + size], ()) if inside is None or inside.contains(d)]
            if found:
                return at + size, found
        return None


@cache
def divisions() -> Divisions:
    by_code = {row.code: Division(row.code, row.name) for row in knowledge.divisions()}
    by_name: dict[str, list[Division]] = defaultdict(list)
    for d in by_code.values():
        by_name[d.name].append(d)
        if d.level == "province" and d.name.endswith(PROVINCE_SUFFIXES) and len(d.name) > MIN_NAME_CHARS:
            by_name[d.name[:-1]].append(d)
    return Divisions(by_code, {k: tuple(v) for k, v in by_name.items()}, max(map(len, by_name)))


@cache
def organ_kinds() -> tuple[OrganKind, ...]:
    return tuple(OrganKind(o.kind, o.province, o.municipality, o.prefecture, o.county, o.units, o.source)
                 for o in knowledge.organs().organs)


@cache
def _designations() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(d.pattern) for d in knowledge.organs().leading_designations)


def _organ(rest: str) -> OrganKind | None:
    """The kind of organ the rest of a name (after its divisions) is, or is a unit of."""
    for kind in organ_kinds():
        if rest.startswith(kind.words()) or rest.endswith(kind.units):
            return kind
    return None


def organ_parents(query: str) -> list[str]:
    """The same kind of organ at the levels above the division a local organ's name begins with,
    nearest first: 乌恰县公安局 -> [克孜勒苏柯尔克孜自治州公安局, 新疆维吾尔自治区公安厅]; a unit of an organ
    (喀什地区看守所) first reads as the organ of its own division (喀什地区公安局)."""
    if not is_chinese(query):
        return []
    folded = fold_zh(query)
    table = divisions()
    found = table.leading(folded)
    if found is None:
        return []
    division, end = found
    rest = folded[end:]
    kind = _organ(rest)
    if kind is None:
        return []
    out = []
    if rest != kind.word_at(division) and not rest.startswith(kind.words()):
        out.append(division.name + kind.word_at(division))  # 喀什地区看守所 -> 喀什地区公安局
    up = table.parent(division)
    while up is not None:
        out.append(up.name + kind.word_at(up))
        up = table.parent(up)
    return out


def without_designation(query: str) -> str | None:
    """A name with a designation before its division's name that names the same body, without it
    (第八师石河子市公安局 -> 石河子市公安局); None when it has none or no division follows it."""
    if not is_chinese(query):
        return None
    folded = fold_zh(query)
    for pattern in _designations():
        m = pattern.match(folded)
        if m and divisions().leading(folded[m.end():]) is not None:
            return folded[m.end():]
    return None


# How English names a county-level division's kind, and the ending of its Chinese name (乌恰县 is
# "Wuqia County", 库车市 "Kuqa City", 天山区 "Tianshan District").
ENGLISH_KINDS = {"county": "县", "city": "市", "municipal": "市", "municipality": "市", "district": "区"}
_ENGLISH_ORGAN = re.compile(r"^(?P<place>[A-Za-z][A-Za-z' -]*?)\s+(?P<kind>County|City|Municipal|Municipality|District)"
                            r"\s+(?P<organ>Public Security (?:Sub-?[Bb]ureau|Branch Bureau|Bureau)|Detention Cent(?:er|re))$",
                            re.IGNORECASE)
_ENGLISH_ORGAN_WORDS = {"detention center": "看守所", "detention centre": "看守所"}


@cache
def _by_reading() -> dict[tuple[str, str], tuple[Division, ...]]:
    """County-level divisions by the pinyin of their name without its ending, and that ending."""
    out: dict[tuple[str, str], list[Division]] = defaultdict(list)
    for d in divisions().by_code.values():
        if d.level == "county" and d.name.endswith(tuple(set(ENGLISH_KINDS.values()))) and len(d.name) > MIN_NAME_CHARS:
            key = "".join(pinyin(d.name[:-1])).lower()
            out[(key, d.name[-1])].append(d)
    return {k: tuple(v) for k, v in out.items()}


def english_organ(query: str) -> str | None:
    """The Chinese name of a county-level organ written in English ("Wuqia County Public Security
    Bureau" -> 乌恰县公安局), when exactly one division of that kind reads so; None otherwise."""
    if is_chinese(query):
        return None
    m = _ENGLISH_ORGAN.match(" ".join(query.replace(",", " ").split()))
    if m is None:
        return None
    place = re.sub(r"[^a-z]", "", m.group("place").lower())
    found = _by_reading().get((place, ENGLISH_KINDS[m.group("kind").lower()]), ())
    if len(found) != 1:
        return None
    organ = m.group("organ").lower()
    word = _ENGLISH_ORGAN_WORDS.get(organ) or ("公安分局" if "sub" in organ or "branch" in organ else "公安局")
    return found[0].name + word


_PLACE_ENDINGS = ("市", "省", "地区", "盟")


@cache
def place_readings() -> frozenset[str]:
    """The pinyin of every province's and prefecture's name without its ending, run together and
    lower case (成都市 -> "chengdu", 西安市 -> "xian"), as the lists write the place of a company."""
    out = set()
    for d in divisions().by_code.values():
        if d.level == "county":
            continue
        name = next((d.name[:-len(e)] for e in _PLACE_ENDINGS if d.name.endswith(e)), d.name)
        if len(name) >= MIN_NAME_CHARS:
            out.add("".join(pinyin(name)).lower())
    return frozenset(out)


def warm() -> None:
    """Load the division table and the organ kinds now, with the index, not on the first name screened."""
    divisions()
    _by_reading()
    place_readings()
    organ_kinds()
    _designations()
