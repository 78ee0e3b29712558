"""Group companies by their trade name: a PRC company's name is place + trade name (字号) + line of
business + legal form (企业名称登记管理规定, 2020, art. 6), and a group registers its members under its
own trade name at its own seat -- 苏州科达|系统集成|有限公司 beside the listed 苏州科达|科技|股份有限公司.

``sibling_of(query)`` gives the Chinese name of the listed company (a ``self`` row of the alias
tables ending in a legal form) that has the query's place and trade name, or None. Only the same
place counts (a trade name is protected only within its registration area: 辽宁曙光汽车 is not
北京's 曙光), the query must be a company and its trade name the listed one's exactly (浙江新曙光 is
not 曙光), a trade name of one glossary word (科技, 电子) is no trade name, nor one an institution's
name begins (南大, 复旦: companies of many owners use a university's name), and a holding or
investment company of the name is its owner, not its member.
"""

from __future__ import annotations

import re
from functools import cache

from ..knowledge import files as knowledge
from .divisions import divisions
from .names import _alias_rows, _glossary, fold_zh

_COMPANY = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|股份公司|公司)$")
# A trade name has two characters or more (企业名称登记管理规定实施办法, 2023, art. 11).
MIN_TRADE_NAME = 2
# The longest trade name looked for: four characters hold nearly every trade name (海康威视, 亨通).
MAX_TRADE_NAME = 6
# How the names of institutions that are not companies end (orgs.yaml's 高等教育法 and research-unit suffixes).
INSTITUTION_ENDINGS = ("大学", "学院", "学校", "研究院", "研究所", "实验室", "中心", "医院", "科学院")
# Place suffixes a company name may leave out of its division's name (苏州 for 苏州市).
PLACE_SUFFIXES = ("", "市", "省", "县", "区")


@cache
def _owner_words() -> tuple[str, ...]:
    return knowledge.name_words().holding_words_zh


def _place(folded: str) -> tuple[str, int] | None:
    """The division a company's name begins with (its code) and where its place ends."""
    table = divisions().by_name
    for size in range(min(len(folded) - MIN_TRADE_NAME, divisions().longest), 1, -1):
        head = folded[:size]
        for suffix in PLACE_SUFFIXES:
            found = table.get(head + suffix)
            if found and len(found) == 1:
                return found[0].code, size
    return None


def _split(folded: str) -> tuple[str, str, str] | None:
    """(place code, trade name, the rest) of a company's name, or None when it is not one."""
    if not _COMPANY.search(folded):
        return None
    place = _place(folded)
    if place is None:
        return None
    code, end = place
    glossary = _glossary()
    for stop in range(end + MIN_TRADE_NAME, min(end + MAX_TRADE_NAME, len(folded)) + 1):
        rest = folded[stop:]
        if any(rest.startswith(word) for word in _business_words(rest[:2])):
            trade = folded[end:stop]
            if trade in glossary:
                return None  # 北京|科技|有限公司: a line of business, not a trade name
            return code, trade, rest
    return None


@cache
def _by_initial() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for word in _glossary():
        if len(word) >= MIN_TRADE_NAME:
            out.setdefault(word[:2], []).append(word)
    return {k: tuple(v) for k, v in out.items()}


def _business_words(initial: str) -> tuple[str, ...]:
    return _by_initial().get(initial, ())


@cache
def _listed() -> dict[tuple[str, str], dict[str, str]]:
    """(place code, trade name) -> {English name of a listed company with them: one Chinese name of it}."""
    out: dict[tuple[str, str], dict[str, str]] = {}
    for row in _alias_rows():
        if row.relation != "self":
            continue
        folded = fold_zh(row.zh)
        parts = _split(folded)
        if parts is not None:
            out.setdefault(parts[:2], {}).setdefault(row.en, folded)
    return out


@cache
def _other_names() -> tuple[str, ...]:
    """Names of institutions that are not companies, and university short names (南大, 复旦): a
    trade name one of them begins is the institution's name, used by companies of no one group."""
    names = [fold_zh(r.zh) for r in _alias_rows() if fold_zh(r.zh).endswith(INSTITUTION_ENDINGS)]
    for row in knowledge.university_short_names():
        names += [fold_zh(row.short), fold_zh(row.full)]
    return tuple(names)


@cache
def _institution_trade(trade: str) -> bool:
    return any(name.startswith(trade) for name in _other_names())


@cache
def _listed_names() -> frozenset[str]:
    return frozenset(fold_zh(row.zh) for row in _alias_rows())


def sibling_of(query: str) -> str | None:
    """The listed company whose place and trade name the query's company name has: 苏州科达系统集成
    有限公司 -> 苏州科达科技股份有限公司. None for a name of the alias tables itself, for a holding or
    investment company of the name, and when two listed companies share the place and trade name."""
    folded = fold_zh(query)
    if folded in _listed_names():
        return None
    parts = _split(folded)
    if parts is None:
        return None
    code, trade, rest = parts
    named = _listed().get((code, trade), {})
    if len(named) != 1 or rest.startswith(_owner_words()) or _institution_trade(trade):
        return None
    return next(iter(named.values()))


def warm() -> None:
    """Build the place and trade-name table now, with the index, not on the first name screened."""
    _listed()
    _listed_names()
    _other_names()
    _by_initial()
    _owner_words()
