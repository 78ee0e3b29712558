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

A member may also extend the trade name (江苏亨通|高压海缆 beside 江苏亨通|光电: the registry cuts no
trade name out of the words that follow it). A company registered without a place -- a name the
registry protects nationwide, with its place if any in brackets (先丰|物流（上海）) -- is a member of the
listed place-less company of its trade name when that one heads a group (its name says 集团, or it is
the 股份有限公司 whose shares are listed): a listed subsidiary (新华三|半导体技术) is no parent of the
companies of its name, and a place-less company heading a group itself (熊猫|乳品集团) is
another group. Where two listed companies share the place and trade name, the one
股份有限公司 among them is the group's listed company, which the others belong to.
"""

from __future__ import annotations

import re
from functools import cache

from pypinyin import lazy_pinyin

from ..knowledge import files as knowledge
from .divisions import divisions
from .names import COMPATIBLE_FORMS, _alias_rows, _glossary, core_zh, fold_zh, form_kind, zh_legal_form_only

_COMPANY = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|股份公司|公司)$")
# A trade name has two characters or more (企业名称登记管理规定实施办法, 2023, art. 11).
MIN_TRADE_NAME = 2
# The longest trade name looked for: four characters hold nearly every trade name (海康威视, 亨通).
MAX_TRADE_NAME = 6
# How the names of institutions that are not companies end (orgs.yaml's 高等教育法 and research-unit suffixes).
INSTITUTION_ENDINGS = ("大学", "学院", "学校", "研究院", "研究所", "实验室", "中心", "医院", "科学院")
# Place suffixes a company name may leave out of its division's name (苏州 for 苏州市).
PLACE_SUFFIXES = ("", "市", "省", "县", "区")
# Words that stand where a place stands and need the State Council's approval (企业名称登记管理规定,
# 2020, art. 9): a name that begins so has no trade name of its own to share.
NATIONAL_WORDS = ("中国", "中华", "全国", "国家")
# The first characters of those words: a two-character trade name so begun (中船, 中交, 中兵, 国投) is a
# state group's short name (中国船舶, 国家开发投资), which names the group, not one company of it.
NATIONAL_INITIALS = ("中", "国")
# The legal form of a company whose shares may be listed (公司法 art. 154): a group's listed head.
JOINT_STOCK = "股份有限公司"
GROUP_WORD = "集团"
# How many listed trade names a state group's short name begins (中航: 中航沈飞, 中航电测): one shows it
# is a prefix the group's members share, not one company's trade name.
GROUP_SHORT_NAME_USES = 1


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


def leading_place(folded: str) -> tuple[str, str] | None:
    """The pinyin reading of the division a name opens with, written without its level (武汉北方华创 ->
    ("wuhan", 北方华创)), and the rest of the name; None when it opens with none or only the division."""
    found = _place(folded)
    if found is None:
        return None
    _code, size = found
    if folded[size:size + 1] in PLACE_SUFFIXES:
        return None  # 武汉市北方华创: the written level goes with the place, read by the other rules
    return "".join(lazy_pinyin(folded[:size])).lower(), folded[size:]


def _split(folded: str) -> tuple[str, str, str] | None:
    """(place code, trade name, the rest) of a company's name, or None when it is not one."""
    if not _COMPANY.search(folded):
        return None
    place = _place(folded)
    if place is None:
        return None
    code, end = place
    return _trade_at(folded, code, end)


def _trade_at(folded: str, code: str, end: int) -> tuple[str, str, str] | None:
    """(place code, trade name, the rest) with the trade name starting at ``end``."""
    glossary = _glossary()
    for stop in range(end + MIN_TRADE_NAME, min(end + MAX_TRADE_NAME, len(folded)) + 1):
        rest = folded[stop:]
        if any(rest.startswith(word) for word in _business_words(rest[:2])):
            trade = folded[end:stop]
            if trade in glossary:
                return None  # 北京|科技|有限公司: a line of business, not a trade name
            return code, trade, rest
    return None


def _starts_with_place(folded: str) -> bool:
    """Whether a name begins with any division's name, one several divisions share included."""
    table = divisions().by_name
    return any(folded[:size] + suffix in table
               for size in range(min(len(folded), divisions().longest), 1, -1) for suffix in PLACE_SUFFIXES)


def _split_placeless(folded: str) -> tuple[str, str] | None:
    """(trade name, the rest) of a company's name registered without a place, or None."""
    if not _COMPANY.search(folded) or folded.startswith(NATIONAL_WORDS) or _starts_with_place(folded):
        return None
    parts = _trade_at(folded, "", 0)
    return None if parts is None else parts[1:]


def _heads_group(folded: str, rest: str) -> bool:
    return GROUP_WORD in rest or folded.endswith(JOINT_STOCK)


def _pick(named: dict[str, str]) -> str | None:
    """The one listed company of a place and trade name; of several, the one 股份有限公司 (the group's
    listed company, which the others belong to), or None when that does not decide."""
    if len(named) == 1:
        return next(iter(named.values()))
    heads = [zh for zh in named.values() if zh.endswith(JOINT_STOCK)]
    return heads[0] if len(heads) == 1 else None


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
def _listed_placeless() -> dict[str, dict[str, str]]:
    """Trade name -> {English name: Chinese name} of the listed place-less companies heading a group."""
    out: dict[str, dict[str, str]] = {}
    for row in _alias_rows():
        if row.relation != "self":
            continue
        folded = fold_zh(row.zh)
        parts = _split_placeless(folded)
        if parts is not None and _heads_group(folded, parts[1]):
            out.setdefault(parts[0], {}).setdefault(row.en, folded)
    # A trade name that begins two other listed ones (中航 of 中航沈飞 and 中航电测) is a state group's
    # short name, which names the group, not one company of it.
    return {trade: named for trade, named in out.items()
            if not (len(trade) == MIN_TRADE_NAME and trade.startswith(NATIONAL_INITIALS))
            and sum(other.startswith(trade) and other != trade for other in out) < GROUP_SHORT_NAME_USES}


@cache
def _trades_at() -> dict[str, tuple[str, ...]]:
    """Place code -> the listed trade names registered there, longest first."""
    out: dict[str, set[str]] = {}
    for code, trade in _listed():
        out.setdefault(code, set()).add(trade)
    return {code: tuple(sorted(trades, key=len, reverse=True)) for code, trades in out.items()}


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
    if parts is not None:
        code, trade, rest = parts
        named = _listed().get((code, trade), {})
        if not named:
            # the listed trade name followed by more of the member's own (亨通|高压海缆)
            after = folded[len(folded) - len(trade) - len(rest):]
            longer = next((t for t in _trades_at().get(code, ()) if after.startswith(t) and len(after) > len(t)), None)
            if longer is not None:
                trade, rest = longer, after[len(longer):]
                named = _listed()[(code, trade)]
        return _member(named, trade, rest)
    placeless = _split_placeless(folded)
    if placeless is None:
        return None
    trade, rest = placeless
    if _heads_group(folded, rest):
        return None  # 熊猫|乳品集团股份有限公司 heads a group of its own, not a member of 熊猫电子's
    named = _listed_placeless().get(trade, {})
    if not named:
        longer = next((t for t in _placeless_trades() if folded.startswith(t) and len(folded) > len(t)), None)
        if longer is None:
            return None
        trade, rest, named = longer, folded[len(longer):], _listed_placeless()[longer]
    return _member(named, trade, rest)


@cache
def _placeless_trades() -> tuple[str, ...]:
    return tuple(sorted(_listed_placeless(), key=len, reverse=True))


def _member(named: dict[str, str], trade: str, rest: str) -> str | None:
    """The listed company a member of ``trade`` belongs to, unless the query owns (控股, 投资) or the
    trade name is an institution's."""
    if not named or rest.startswith(_owner_words()) or _institution_trade(trade):
        return None
    return _pick(named)


@cache
def _by_name_after_place() -> dict[str, tuple[tuple[str, str, str, str], ...]]:
    """The name after its place, without its legal form (道通智能航空技术) -> (place code, legal form
    kind, English name, Chinese name) of each listed company (``self`` rows) so named."""
    out: dict[str, list[tuple[str, str, str, str]]] = {}
    for row in _alias_rows():
        folded = fold_zh(row.zh)
        if row.relation != "self" or not _COMPANY.search(folded):
            continue
        place = _place(folded)
        if place is None or _trade_at(folded, *place) is None:
            continue
        code, end = place
        out.setdefault(core_zh(folded[end:]), []).append((code, form_kind(folded), row.en, folded))
    return {k: tuple(v) for k, v in out.items()}


def listed_with_place(query: str) -> str | None:
    """The Chinese name of the one listed company that the query's company name is, written without
    its registration place (道通智能航空技术股份有限公司 for the listed 深圳市道通智能航空技术股份有限公司)
    or with its place written another way (深圳 for 深圳市): the same name after the place, in a
    compatible legal form, and the same place where the query writes one. None when no listed
    company, or more than one (two places' companies of one name), is so named, and for a name of
    the alias tables itself."""
    folded = fold_zh(query)
    if folded in _listed_names() or not _COMPANY.search(folded):
        return None
    table, core = _by_name_after_place(), core_zh(folded)
    if not any(core[start:] in table for start in range(min(len(core), divisions().longest + 1))):
        return None  # no listed company's name after its place ends this name: no place to look for
    place = _place(folded)
    if place is not None:
        code, end = place
        rest = folded[end:]
    elif _split_placeless(folded) is not None:
        code, rest = "", folded
    else:
        return None
    kinds = COMPATIBLE_FORMS[form_kind(folded)]
    found = {en: zh for at, kind, en, zh in table.get(core_zh(rest), ())
             if kind in kinds and (not code or at == code)}
    return next(iter(found.values())) if len(found) == 1 else None


# The shortest trade name read alone as its company's short name: four characters (深网视界, 烽火星空)
# are nearly always one company's; two or three are often several (海思, 道通) or a word.
MIN_SHORT_NAME_ALONE = 4


@cache
def _by_trade() -> dict[str, dict[str, str]]:
    """Trade name -> {English name: Chinese name} of the listed companies with it, at any place."""
    out: dict[str, dict[str, str]] = {}
    for (_code, trade), named in _listed().items():
        out.setdefault(trade, {}).update({en: zh for en, zh in named.items() if en not in out.get(trade, {})})
    return out


def listed_short_name(query: str) -> str | None:
    """深网视界 -> 深圳市深网视界科技有限公司: a name that is nothing but the trade name of one listed
    company (at least ``MIN_SHORT_NAME_ALONE`` characters, no glossary word, no institution's
    name) is that company's short name. None when two listed companies share it."""
    folded = fold_zh(query)
    if len(folded) < MIN_SHORT_NAME_ALONE or folded in _glossary() or folded in _listed_names():
        return None
    named = _by_trade().get(folded)
    if not named or _institution_trade(folded):
        return None
    return _pick(named)


MIN_FIELD_WORD = 2  # characters: the field word written after a trade name in a short name (生物, 电子)


def listed_short_form(query: str) -> str | None:
    """擎科生物 -> 北京擎科生物科技股份有限公司: a listed company's trade name with the first words of its
    line of business and no place nor legal form (神戎电子, 川东船舶重工), the usual short name (简称)
    of a company, is that company -- where the words stop where a word of its name stops and one
    listed company alone has the trade name so followed. None otherwise."""
    folded = fold_zh(query)
    if folded in _listed_names() or _COMPANY.search(folded):
        return None
    found: dict[str, str] = {}
    for size in range(MIN_TRADE_NAME, min(MAX_TRADE_NAME, len(folded) - MIN_FIELD_WORD) + 1):
        trade, words = folded[:size], folded[size:]
        named = _by_trade().get(trade)
        if not named or trade in _glossary() or _institution_trade(trade):  # the table first: it is the cheap test
            continue
        for en, zh in named.items():
            parts = _split(zh)
            if parts is None or not parts[2].startswith(words):
                continue
            after = parts[2][len(words):]
            if zh_legal_form_only(after) or any(after.startswith(w) for w in _business_words(after[:2])):
                found.setdefault(en, zh)
    return next(iter(found.values())) if len(found) == 1 else None


def warm() -> None:
    """Build the place and trade-name table now, with the index, not on the first name screened."""
    _by_name_after_place()
    _by_trade()
    _listed()
    _listed_placeless()
    _trades_at()
    _placeless_trades()
    _listed_names()
    _other_names()
    _by_initial()
    _owner_words()
