"""The score: symmetric IDF-weighted token agreement between a query's terms and a listed name's.

Tokens agree exactly, or by rapidfuzz ratio >= ``FUZZY_RATIO`` for tokens of four letters or more,
or as an initial and the word it abbreviates. Pure functions over ``index.Terms``.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from . import factors as f
from .index import Terms


@dataclass(frozen=True, slots=True)
class Scored:
    """A name's score against a query and what it is made of."""

    score: float
    query_coverage: float  # the share of the query's weight the name covers (three places)
    name_coverage: float  # the share of the name's weight the query covers (three places)
    lead_mismatch: bool = False  # the query's first word is not in the name: the score was lowered

    def features(self) -> dict[str, Any]:
        out: dict[str, Any] = {"query_coverage": self.query_coverage, "name_coverage": self.name_coverage}
        if self.lead_mismatch:
            out["lead_mismatch"] = f.LEAD_MISMATCH
        return out


def score(query: Terms, name: Terms) -> Scored:
    """Symmetric IDF-weighted agreement of a query's and a name's tokens."""
    q, c = query.tokens, name.tokens
    qg, qt = side(query.pairs, c, name.long)
    cg, ct = side(name.pairs, q, query.long)
    value = (qg + cg) / (qt + ct) if qt + ct else 0.0
    digits = f.SCORE_DIGITS
    query_coverage = round(qg / qt, digits) if qt else 0.0
    name_coverage = round(cg / ct, digits) if ct else 0.0
    if len(q) > 1 and q[0] not in c and not leads_alike(q[0], name.prefixes, name.long):
        # 杭州电子科技大学 is not 电子科技大学: a different leading place is a different organisation.
        return Scored(value * f.LEAD_MISMATCH, query_coverage, name_coverage, True)
    return Scored(value, query_coverage, name_coverage)


def side(pairs: tuple[tuple[str, float], ...], others: Collection[str],
         long_others: dict[str, tuple[str, ...]]) -> tuple[float, float]:
    """How much of one side's weight the other side covers: a shared word fully, a fuzzy variant
    (haerbin/harbin: same initial, length within three, ratio >= 0.85) by its similarity, an
    initial and the word it abbreviates (A. Khamenei / Ali Khamenei) by ``INITIAL_CREDIT``."""
    got = total = 0.0
    initials: set[str] | None = None
    for x, w in pairs:
        total += w
        if x in others:
            got += w
            continue
        best = 0.0
        if len(x) >= f.LONG_WORD_LETTERS:
            lx = len(x)
            for y in long_others.get(x[0], ()):
                if abs(len(y) - lx) <= f.FUZZY_LENGTH_GAP:
                    s = sim(x, y)
                    if s > best:
                        best = s
        if best < f.INITIAL_CREDIT and x.isalpha():
            if initials is None:
                initials = {o for o in others if len(o) == 1}
            if (len(x) == 1 and any(len(o) > 1 and o[0] == x for o in others)) or (len(x) > 1 and x[0] in initials):
                best = f.INITIAL_CREDIT
        got += w * best
    return got, total


def leads_alike(lead: str, prefixes: frozenset[str], long_by_initial: dict[str, tuple[str, ...]]) -> bool:
    """A word of the name shares the query's first word's first four letters (``prefixes``: the
    name's words cut to four letters), or is a fuzzy variant of it (only words of four letters
    or more can be, see ``sim``)."""
    if lead[:f.PREFIX_LETTERS] in prefixes:
        return True
    if len(lead) == 1:  # an initial leads like the word it abbreviates
        return any(p[0] == lead for p in prefixes)
    return len(lead) >= f.LONG_WORD_LETTERS and any(sim(lead, y) for ys in long_by_initial.values() for y in ys)


@lru_cache(maxsize=f.PAIR_CACHE)
def sim(a: str, b: str) -> float:
    """Token similarity: equal, or rapidfuzz ratio >= 0.85 for tokens of four letters or more."""
    if a == b:
        return 1.0
    if len(a) >= f.LONG_WORD_LETTERS and len(b) >= f.LONG_WORD_LETTERS:
        r = fuzz.ratio(a, b) / 100
        if r >= f.FUZZY_RATIO:
            return r
        if _one_stem(a, b):
            return f.STEM_CREDIT
        return f.ONE_EDIT_CREDIT if _one_edit(a, b) else 0.0
    return 0.0


def _one_edit(a: str, b: str) -> bool:
    """A typing slip in a long word (Macron / Marcon, Scholz / Schloz, Putin / Pulin): one letter
    changed, added, dropped or two swapped, in words of ``ONE_EDIT_MIN_LETTERS`` or more that begin
    alike -- so Hunan is not Henan, nor Hubei Hebei."""
    shortest = min(len(a), len(b))
    start = 1 if shortest >= f.ONE_EDIT_LONG_LETTERS else f.ONE_EDIT_SAME_START
    return shortest >= f.ONE_EDIT_MIN_LETTERS and a[:start] == b[:start] and OSA.distance(a, b, score_cutoff=1) <= 1


def _one_stem(a: str, b: str) -> bool:
    """Two endings of one long stem (supercomputer / supercomputing): a shared beginning of at
    least ``STEM_MIN_LETTERS`` letters that leaves at most ``STEM_TAIL`` letters of each."""
    if len(a) < f.STEM_MIN_LETTERS or len(b) < f.STEM_MIN_LETTERS or a[:f.STEM_MIN_LETTERS] != b[:f.STEM_MIN_LETTERS]:
        return False
    shared = f.STEM_MIN_LETTERS
    while shared < min(len(a), len(b)) and a[shared] == b[shared]:
        shared += 1
    return len(a) - shared <= f.STEM_TAIL and len(b) - shared <= f.STEM_TAIL


def matched(token: str, others: list[str] | tuple[str, ...]) -> bool:
    """The token is among the others, or a fuzzy variant of one of them."""
    return token in others or any(sim(token, y) for y in others)


@lru_cache(maxsize=f.WORD_CACHE)
def same_words(a: str, b: str) -> bool:
    """The same words as written ("Technologies" is not "Technology" here)."""
    return re.sub(r"[^\w]+", " ", a.lower()).split() == re.sub(r"[^\w]+", " ", b.lower()).split()


def vouch(values: list[float], threshold: float) -> list[float]:
    """The alias table vouches for one identity: when no listed name reaches the threshold on its
    own, the best ones within ``ALIAS_MARGIN`` of it are raised to it -- not every name near it
    (浪潮集团有限公司 is Inspur Group, not also Inspur (HK) Electronics)."""
    top = max(round(v, f.SCORE_DIGITS) for v in values)
    if top >= threshold or top < threshold - f.ALIAS_MARGIN:
        return values
    return [threshold if round(v, f.SCORE_DIGITS) == top else v for v in values]
