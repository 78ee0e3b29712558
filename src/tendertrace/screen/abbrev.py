"""Chinese short forms (简称) expanded to the full names the alias table and the glossary read.

Tenders write listed parents' units by their short names: 中科院自动化所, 中电科14所, 航天科工二院,
哈工大. The rules live in knowledge/abbreviations_zh.yaml (regular expressions with a template and a
source each) and knowledge/university_short_names_zh.csv (short name, full name, source); this
module only applies them, to a name already folded by ``names.fold_zh``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..knowledge import files as knowledge

# A number in a unit's name: Arabic or Chinese digits (14, 十四, 七〇九), at most five of them.
NUMBER = r"[0-9一二三四五六七八九十百〇零两]{1,5}"
# A university's unit after its short name (北航|计算机学院): one ending so, of at most this many
# characters; a longer or other tail (北大|荒农垦集团, 清华|同方) makes another organisation's name.
MAX_UNIT = 12
UNIT_ENDINGS = ("学院", "研究院", "研究所", "实验室", "研究中心", "医院", "校区")


_LEGAL_FORM = re.compile(r"(?:集团)?(?:股份)?(?:有限)?(?:责任)?公司")


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    template: str
    source: str


@cache
def rules() -> tuple[Rule, ...]:
    return tuple(Rule(r.name, re.compile(r.pattern.replace("{NUM}", NUMBER)), r.template, r.source)
                 for r in knowledge.abbreviations().rules)


@cache
def _universities() -> tuple[dict[str, str], tuple[str, ...]]:
    """Short name -> full name, and the tails a short name may carry (学院, 附属医院 ...)."""
    table = {r.short: r.full for r in knowledge.university_short_names()}
    tails = tuple(sorted(knowledge.abbreviations().university_tails, key=len, reverse=True))
    return table, tails


def expand(folded: str) -> str | None:
    """The full name a short form stands for, or None when no rule reads it."""
    for rule in rules():
        m = rule.pattern.match(folded)
        if m:
            full = rule.template.format(**{k: v or "" for k, v in m.groupdict().items()})
            return full if full != folded else None
    return _university(folded)


def _university(folded: str) -> str | None:
    """哈工大 -> 哈尔滨工业大学; 北航计算机学院 -> 北京航空航天大学计算机学院; 北大荒 stays."""
    table, tails = _universities()
    if folded in table:
        return table[folded]
    # The longest short name the name starts with, followed by a unit of the university.
    for n in range(min(len(folded) - 1, _longest_short_name()), 1, -1):
        full = table.get(folded[:n])
        if not full or folded.startswith(full):
            continue  # 清华大学计算机系 is written in full already
        rest = folded[n:]
        if rest.startswith(tails) or (len(rest) <= MAX_UNIT and rest.endswith(UNIT_ENDINGS)):
            return full + rest
    return None


@cache
def _english_short_forms() -> dict[str, tuple[tuple[str, str], ...]]:
    """(Chinese group name, its English short name) by the name's first two characters, longest
    Chinese name first: a name is compared only with the groups it can start with."""
    forms = sorted(((zh, r.short) for r in knowledge.abbreviations().english_short_forms
                    for zh in r.names), key=lambda f: len(f[0]), reverse=True)
    out: dict[str, list[tuple[str, str]]] = {}
    for zh, short in forms:
        out.setdefault(zh[:2], []).append((zh, short))
    return {k: tuple(v) for k, v in out.items()}


@cache
def _longest_short_name() -> int:
    return max(map(len, _universities()[0]), default=0)


def english_short_form(folded: str) -> tuple[str, str] | None:
    """中国航空工业集团公司雷华电子技术研究所 -> ("AVIC", "雷华电子技术研究所"): the group's English short
    name and the rest of the name, for a name that starts with a state group's Chinese name."""
    for zh, short in _english_short_forms().get(folded[:2], ()):
        if folded.startswith(zh):
            rest = folded[len(zh):]
            # Nothing but a legal form after it (中国航空工业集团|公司) is the group itself.
            return None if not rest or _LEGAL_FORM.fullmatch(rest) else (short, rest)
    return None
