"""Latin words of a name: how an English (or pinyin, or transliterated) name is cut into tokens.

Other scripts than Chinese are transliterated (ICU's transliterators, through normality), marks
are dropped, and what stands for a letter or a word in names as people type them is read as such.
"""

from __future__ import annotations

import re
import unicodedata

from normality import ascii_text

from .fold import is_chinese

_OTHER_SCRIPT = re.compile(r"[\u0370-\u1fff\u3040-\u30ff\uac00-\ud7af]")  # Greek to Ethiopic, Georgian, kana, Hangul
_PUNCT = re.compile(r"[^\w\s]")
_ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")  # 14th -> 14: "CETC 14" is the 14th Research Institute
_DOTTED_INITIALS = re.compile(r"(?<![\w.])(?:[^\W\d_]\.){2,}(?:[^\W\d_](?![\w.]))?")
_TYPOGRAPHIC = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})  # People’s, Int’l: one apostrophe
# A digit between letters stands for the letter it looks like (Ig0r Sech1n); digits at a word's
# edge are numbers (CETC14, 14th).
_LEET = re.compile(r"(?<=[a-z])[0134579]+(?=[a-z])")
_LEET_LETTERS = str.maketrans("0134579", "oieastg")


def strip_marks(text: str) -> str:
    """``text`` without its combining marks (Zhōngguó -> Zhongguo, Müller -> Muller)."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def latin_words(text: str) -> list[str]:
    """Lower-case word tokens of a name in Latin letters, other scripts transliterated, initials
    joined (A.B.C. -> abc), ordinals as numbers (14th -> 14), stopwords kept."""
    if not text.isascii():  # NFKD leaves ASCII as it is
        if _OTHER_SCRIPT.search(text) and not is_chinese(text):
            text = ascii_text(text)  # Cyrillic, Greek, Arabic ... to Latin (ICU's transliterators)
        text = strip_marks(text)
    text = text.lower().translate(_TYPOGRAPHIC)
    text = _LEET.sub(lambda m: m.group(0).translate(_LEET_LETTERS), text)  # ig0r sech1n -> igor sechin
    text = _DOTTED_INITIALS.sub(lambda m: m.group(0).replace(".", ""), text)  # A.B.C., J.P. -> abc, jp
    text = text.replace("&", " and ").replace("—", " ").replace("–", " ")
    text = _PUNCT.sub(" ", text.replace("'", ""))
    return _ORDINAL.sub(r"\1", text).split()
