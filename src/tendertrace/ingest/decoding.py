"""Decoding the bytes of an input file into text: UTF-8, UTF-16/32 with a byte-order mark,
GB18030/GBK or Big5, chosen by which decoding reads as text."""

from __future__ import annotations

import codecs

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
# The symbol rows of GB2312 (rows 1-9) and Big5 (A1-A3) that documents use beside their text: Latin-1
# signs (°, ×, ÷), Greek and Cyrillic, general punctuation (—, “”, …), letterlike symbols (℃, №),
# Roman numerals, arrows, mathematical operators, enclosed numbers (①), box drawing (the ┌─┐│ of a
# table exported as text), geometric shapes (■, ▲), stars (★) and bopomofo. Text decoded with the wrong
# encoding lands in none of them more often than in CJK.
_SYMBOL_ROWS = frozenset(o for lo, hi in (
    (0x00A0, 0x0100), (0x0391, 0x0452), (0x2000, 0x2070), (0x2100, 0x2300), (0x2460, 0x2580),
    (0x25A0, 0x2700), (0x3100, 0x3130),
) for o in range(lo, hi))


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
                or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x3134F \
                or o in _SYMBOL_ROWS:  # extensions A to G (GB18030 four-byte); symbols
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
