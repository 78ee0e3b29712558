"""Decoding bytes and building the matching text.

The matching text has exactly the length of the visible text, character for character, so a span
found in one is a span of the other: evidence always points at what the user sees.
"""

from __future__ import annotations

import codecs
import unicodedata
from functools import lru_cache

import opencc

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Characters that Big5 text decoded as GB18030 (or the reverse) turns into: rare ideographs and
# private-use code points. Used to choose between two clean decodings of the same bytes.
_CJK_COMMON = range(0x4E00, 0x9FA6)


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept."""


def _plausibility(text: str) -> float:
    """Share of characters that are ASCII, common CJK or CJK punctuation."""
    if not text:
        return 0.0
    good = 0
    for ch in text:
        o = ord(ch)
        if o < 128 or o in _CJK_COMMON or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF \
                or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x3134F:  # extensions A to G (GB18030 four-byte)
            good += 1
    return good / len(text)


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Decode bytes as UTF-8, UTF-16/32 (with BOM), GB18030/GBK or Big5.

    Returns ``(text, encoding, warnings)``. Raises :class:`DecodeError` for binary data.
    """
    warnings: list[str] = []
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc, warnings
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {enc} after byte-order mark: {exc.reason}") from exc
    sample = data[:65536]
    if sample.count(b"\x00") > len(sample) // 10 + 1:
        raise DecodeError("binary data: too many NUL bytes for text")
    try:
        return data.decode("utf-8"), "utf-8", warnings
    except UnicodeDecodeError:
        pass
    # GB18030 decodes almost any byte string, so rank the strict decodings by plausibility.
    candidates: list[tuple[float, str, str]] = []
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_plausibility(text[:20000]), enc, text))
    if candidates:
        score, enc, text = max(candidates, key=lambda c: (c[0], c[1] == "gb18030"))
        if score >= 0.9:
            return text, enc, warnings
    text = data.decode("utf-8", errors="replace")
    if _plausibility(text[:20000]) < 0.7:
        raise DecodeError("no text encoding fits (tried UTF-8, GB18030, Big5): binary or corrupt data")
    warnings.append("mixed or invalid encoding: undecodable bytes replaced with U+FFFD")
    return text, "utf-8", warnings


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


def match_text(text: str) -> str:
    """The matching form of ``text``: same length, simplified Chinese, half-width forms."""
    if text.isascii():
        return text
    return text.translate(_FOLD)


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
