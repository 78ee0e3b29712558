"""Readings of person names written in Chinese characters or Hangul, as lists romanise them.

A Chinese name is a surname (one character, or a compound surname of the Hundred Family
Surnames) and a given name whose syllables English writes as one word: 习近平 -> Xi Jinping, not
"xi jin ping". Chinese characters of a Korean name read as Korean (金正恩 -> Kim Jong Un): the
surname from a table of Korean surnames, the given name through the hanja library's readings.
Hangul is romanised syllable by syllable, in the three spellings lists use: the Revised
Romanization (jeong, eun), the DPRK's and McCune-Reischauer's without their marks (jong, un),
and the popular South Korean one (jung, sung).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from ..knowledge import files as knowledge
from .names import fold_zh, pinyin

_WORDS = knowledge.person_names()
COMPOUND_SURNAMES = frozenset(_WORDS.compound_surnames_zh)
SURNAME_READINGS: Mapping[str, str] = _WORDS.surname_readings_zh
_HAN_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_HANGUL_NAME = re.compile(r"^[\uac00-\ud7a3]{2,4}(?:\s[\uac00-\ud7a3]{1,3})?$")
KOREAN_GIVEN_SYLLABLES = 2  # Korean names are a one-syllable surname and a two-syllable given name

# Revised Romanization of Korean (Ministry of Culture and Tourism, 2000): initial consonants,
# vowels and final consonants in the order of the Unicode Hangul syllable block.
_INITIALS = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h")
_VOWELS = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu",
           "eu", "ui", "i")
_FINALS = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng",
           "t", "t", "k", "t", "p", "t")
_SYLLABLE_BASE, _VOWEL_SPAN, _FINAL_SPAN = 0xAC00, 21 * 28, 28
# The spellings other than the Revised Romanization, as vowel rewrites of it: the DPRK's and
# McCune-Reischauer's without breves (ŏ -> o, ŭ -> u) and the popular South Korean one (eo -> u).
_STYLES: tuple[tuple[tuple[str, str], ...], ...] = (
    (),
    (("eo", "o"), ("eu", "u")),
    (("eo", "u"), ("eu", "eu")),
)


@cache
def _korean_surnames() -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """Romanisations by Hangul surname, and the Hangul of each hanja surname."""
    latin = {row.hangul: row.latin for row in _WORDS.korean_surnames}
    hangul = {row.hanja: row.hangul for row in _WORDS.korean_surnames}
    return latin, hangul


def chinese_reading(name: str) -> str | None:
    """习近平 -> "Xi Jinping", 欧阳修 -> "Ouyang Xiu": a name of two to four Chinese characters."""
    folded = fold_zh(name)
    if not _HAN_NAME.match(folded):
        return None
    cut = 2 if folded[:2] in COMPOUND_SURNAMES and len(folded) > 2 else 1
    surname, given = folded[:cut], folded[cut:]
    family = SURNAME_READINGS.get(surname) or "".join(pinyin(surname))
    return f"{family.capitalize()} {''.join(pinyin(given)).capitalize()}"


def korean_readings(name: str) -> list[str]:
    """Romanisations of a Korean person's name written in Hangul (김정은) or in hanja (金正恩),
    each as surname and given-name syllables: "kim jong un", "kim jeong eun", ..."""
    text = name.strip()
    latin, hangul_of = _korean_surnames()
    if _HANGUL_NAME.match(text):
        syllables = text.replace(" ", "")
    elif _HAN_NAME.match(text) and len(text) == 1 + KOREAN_GIVEN_SYLLABLES and text[0] in hangul_of:
        given = _hanja_hangul(text[1:])
        if not given:
            return []
        syllables = hangul_of[text[0]] + given
    else:
        return []
    surname, given_syllables = syllables[0], syllables[1:]
    families = latin.get(surname) or (_romanize(surname),)
    out: list[str] = []
    for style in _STYLES:
        given = " ".join(_restyle(_romanize(s), style) for s in given_syllables)
        for family in families[:2] if style else families:
            reading = f"{family} {given}"
            if reading not in out:
                out.append(reading)
    return out


def _romanize(syllable: str) -> str:
    code = ord(syllable) - _SYLLABLE_BASE
    if not 0 <= code < 11172:
        return syllable
    initial, rest = divmod(code, _VOWEL_SPAN)
    vowel, final = divmod(rest, _FINAL_SPAN)
    return _INITIALS[initial] + _VOWELS[vowel] + _FINALS[final]


def _restyle(romanized: str, style: tuple[tuple[str, str], ...]) -> str:
    for old, new in style:
        romanized = romanized.replace(old, new)
    return romanized


def _hanja_hangul(text: str) -> str | None:
    """The Korean readings of hanja, from the hanja library (absent: no Korean reading)."""
    module = _hanja_module()
    if module is None:
        return None
    out = module.translate(text, "substitution")
    return out if all("\uac00" <= ch <= "\ud7a3" for ch in out) else None


def warm() -> None:
    """Load the Korean surname table and the hanja library's reading table (about half a second of
    YAML, read on its first call) now rather than on the first person name screened."""
    _korean_surnames()
    _hanja_hangul("金")


@cache
def _hanja_module() -> Any:
    try:
        import hanja  # type: ignore[import-untyped]  # the library ships no type hints
    except ImportError:  # an optional reading: without the library, hanja names read as Chinese only
        return None
    return hanja
