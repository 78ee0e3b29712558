"""Building the matching text, and the line around a position.

The matching text has exactly the length of the visible text, character for character, so a span
found in one is a span of the other: evidence always points at what the user sees.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

import numpy as np
import opencc


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def _fold_char(ch: str) -> str:
    """One character folded for matching: NFKC (full-width to half-width), traditional to simplified.

    A fold that would change the length (ligatures, ㎡) keeps the character, to preserve offsets.
    """
    if 0xD800 <= ord(ch) <= 0xDFFF:  # a lone surrogate has no folding (and OpenCC cannot encode it)
        return ch
    folded = unicodedata.normalize("NFKC", ch)
    if len(folded) != 1:
        folded = ch
    simp = _t2s().convert(folded)
    return simp if len(simp) == 1 else folded


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table that folds each character the first time it is seen."""

    def __missing__(self, key: int) -> str:
        ch = chr(key)
        folded = ch if key < 128 else _fold_char(ch)
        self[key] = folded
        return folded


_FOLD = _FoldTable()

# A text of this many characters or more is folded through an array of the Basic Multilingual
# Plane's code points, in numpy, not by ``str.translate``, which looks up each character in a
# Python dict: five times faster on a notice, and no faster on a name.
FOLD_BY_ARRAY_CHARS = 64
_BMP = 0x10000
_FOLDED = np.arange(_BMP, dtype=np.uint32)  # a code point -> its folded one, where _KNOWN says
_KNOWN = np.zeros(_BMP, dtype=bool)
_KNOWN[:128] = True  # ASCII folds to itself


def match_text(text: str) -> str:
    """The matching form of ``text``: same length, simplified Chinese, half-width forms."""
    if text.isascii():
        return text
    if len(text) < FOLD_BY_ARRAY_CHARS:
        return text.translate(_FOLD)
    # UTF-32 is a code point per four bytes; a lone surrogate passes through and folds to itself.
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if int(points.max()) >= _BMP:
        return text.translate(_FOLD)
    new = points[~_KNOWN[points]]
    for point in np.unique(new).tolist() if new.size else ():
        _FOLDED[point] = ord(_FOLD[point])  # written before it is marked known (threads may read it)
        _KNOWN[point] = True
    return _FOLDED[points].tobytes().decode("utf-32-le", "surrogatepass")


def fold_pattern(pattern: str) -> str:
    """A regular expression (or a literal) from the knowledge files, in the matching form.

    Patterns are matched against :func:`match_text`, which folds some simplified characters too
    (OpenCC maps 昇 to 升), so a pattern must be folded the same way. Only CJK ideographs are
    folded: regex syntax is ASCII and stays as it is.
    """
    return "".join(match_text(ch) if "\u3400" <= ch <= "\u9fff" else ch for ch in pattern)


# Blocks of characters that stand for a unified ideograph and that PDF text layers (Chromium's
# among them) emit in its place: Kangxi radicals (⼤ U+2F24 for 大) and the CJK compatibility
# ideographs. Each has a one-character NFKC form, so folding keeps every offset.
DISPLAY_FOLD_BLOCKS = ((0x2F00, 0x2FDF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))


@lru_cache(maxsize=4096)
def _display_char(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


def display_fold(text: str) -> str:
    """``text`` as shown to a person: radicals and compatibility ideographs as the ideographs
    they stand for (⼤学 → 大学), same length, nothing else changed. The stored text keeps the
    original as evidence; matching folds them too (:func:`match_text`)."""
    if text.isascii():
        return text
    return "".join(_display_char(ch) if any(lo <= ord(ch) <= hi for lo, hi in DISPLAY_FOLD_BLOCKS) else ch
                   for ch in text)


# An item line longer than this is a page flattened into one line (a 50 MB single-line page):
# whatever reads "the line around a position" reads at most this many characters either side of
# it, so that reading every mention's line stays linear in the text, not quadratic.
LINE_REACH = 1600


def line_start(text: str, pos: int, reach: int = LINE_REACH) -> int:
    """Where the line holding ``pos`` starts, at most ``reach`` characters before it."""
    floor = max(0, pos - reach)
    found = text.rfind("\n", floor, pos)
    return found + 1 if found >= 0 else floor


def line_end(text: str, pos: int, reach: int = LINE_REACH) -> int:
    """Where the line holding ``pos`` ends (its newline), at most ``reach`` characters after it."""
    ceiling = min(len(text), pos + reach)
    found = text.find("\n", pos, ceiling)
    return found if found >= 0 else ceiling


_HAN = re.compile(r"[\u4e00-\u9fff]")
# What a name comparison ignores: spaces, brackets, quotes, the middle dot and list punctuation.
_NAME_IGNORED = re.compile(r"[\s()（）【】\[\]《》“”\"'·・,，.。、]")


def name_key(name: str) -> str:
    """The form in which two writings of one name are the same: NFKC, without whitespace, case-folded."""
    return "".join(unicodedata.normalize("NFKC", name).split()).casefold()


def is_chinese(text: str) -> bool:
    """Whether ``text`` holds a CJK unified ideograph."""
    return bool(_HAN.search(text))


@cache
def _tw2sp() -> opencc.OpenCC:
    return opencc.OpenCC("tw2sp")  # Taiwan phrases too: 資訊 -> 信息, 軟體 -> 软件


@lru_cache(maxsize=50_000)
def fold_zh(text: str) -> str:
    """Simplified (with Taiwan phrases), half-width, no spaces or brackets: how names are compared."""
    folded = unicodedata.normalize("NFKC", text).encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    if is_chinese(folded):
        folded = _tw2sp().convert(folded)
    folded = match_text(folded)
    return _NAME_IGNORED.sub("", folded)
