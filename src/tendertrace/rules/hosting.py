"""Where a server is hosted: a data centre abroad makes the item a rental, not a purchase.

Place names are the Unicode CLDR territory names (through babel) in Chinese and English, minus China
itself (knowledge/hosting.yaml); a place name a few characters before a data-centre word
("新加坡数据中心", "美国弗吉尼亚州的机房") says where the servers stand.
"""

from __future__ import annotations

import re
from functools import cache

from babel import Locale

from ..knowledge import files as knowledge
from ..text.fold import fold_pattern

__all__ = ["hosted_abroad"]


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], int]:
    spec = knowledge.hosting()
    excluded = set(spec.exclude_codes)
    names: set[str] = set(spec.extra_names)
    for locale in ("zh", "en"):
        for code, name in Locale(locale).territories.items():
            if code in excluded or code.isdigit() or not name:
                continue
            names.add(fold_pattern(name))
    # the longest first, so "美国本土外小岛屿" wins over "美国"
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    place = re.compile(rf"(?:{alternation})", re.IGNORECASE)
    return place, re.compile(spec.datacentre), spec.reach


def hosted_abroad(text: str, lo: int, hi: int) -> str | None:
    """The place abroad where the data centre named in ``text[lo:hi]`` stands, or ``None``: a place
    name within the reach before a data-centre word, or an English "data centre in Singapore"."""
    place, datacentre, reach = _patterns()
    for dc in datacentre.finditer(text, lo, hi):
        before = text[max(lo, dc.start() - reach): dc.start()]
        found = list(place.finditer(before))
        if found and not _latin_inside(before, found[-1]):
            return found[-1].group(0)
        after = re.match(rf"\s*(?:in|at|located in)\s+(?:the\s+)?(.{{0,{reach * 2}}})", text[dc.end(): hi])
        if after:
            hit = place.match(after.group(1))
            if hit:
                return hit.group(0)
    return None


def _latin_inside(window: str, match: re.Match[str]) -> bool:
    """A Latin place name inside a longer word ("Omani" in "Romania" is no place): it needs word edges."""
    name = match.group(0)
    if not name.isascii():
        return False
    start, end = match.span()
    return (start > 0 and window[start - 1].isalnum()) or (end < len(window) and window[end].isalnum())
