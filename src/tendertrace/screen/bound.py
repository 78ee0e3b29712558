"""Candidate bounding: the listed names a query's terms can reach, and an upper bound of the score
each can reach, so that only names that can end at or above the threshold are scored.

Both bounds must stay upper bounds of ``score.score`` (a test checks it), or a listed party could
be missed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import factors as f
from .index import NameIndex, Terms

_NO_NAMES = np.zeros(0, dtype=np.int32)
_NO_WEIGHTS = np.zeros(0)


@dataclass(frozen=True, slots=True)
class Candidates:
    """Name numbers (ascending), the IDF each shares with the query, and the query's weight in
    words under four letters that each may have."""

    names: np.ndarray
    shared: np.ndarray
    short_shared: np.ndarray

    def __len__(self) -> int:
        return len(self.names)


def candidates(index: NameIndex, query: Terms, cap: int = f.CANDIDATE_CAP) -> Candidates:
    """Names sharing a rare word (or its consonant skeleton) with the query, with the IDF shared.

    Common words ("china", "university") do not block -- a name sharing only those cannot reach
    the threshold when the query has a rare word -- but their weight is counted as shared, so the
    upper bound stays an upper bound. At most ``cap`` names: those sharing most; the short-word
    weight counts those the query blocks on where found, the others everywhere.
    """
    distinct = query.weights.keys()
    rare: list[tuple[str, np.ndarray]] = []
    for tok in distinct:
        postings = index.blocking(tok)
        # An initial is never blocked on: it also matches the words it abbreviates.
        if postings is not None and len(postings) <= f.COMMON_POSTINGS and len(tok) > 1:
            rare.append((tok, postings))
    if rare:
        blocked = {t for t, _ in rare}
        assumed = sum(index.weight_of(t) for t in distinct if t not in blocked)
    else:  # only common words: block on them after all
        rare = [(t, index.postings[t]) for t in distinct if t in index.postings]
        blocked = {t for t, _ in rare}
        assumed = 0.0
    if not rare:
        return Candidates(_NO_NAMES, _NO_WEIGHTS, _NO_WEIGHTS)
    short_assumed = sum(w for t, w in query.weights.items() if len(t) < f.LONG_WORD_LETTERS and t not in blocked)
    if len(rare) == 1:  # one word's postings are already in order, each name once
        tok, found = rare[0]
        shared = np.full(len(found), index.weight_of(tok) + assumed)
        short_shared = np.full(len(found), (query.weights[tok] if len(tok) < f.LONG_WORD_LETTERS else 0.0) + short_assumed)
    else:
        # Each word's postings hold a name once: the names sharing any of the words, ascending, and
        # the weight each receives, summed per name in the order of the concatenated postings --
        # the order of ``rare``, one term at a time -- so ties between names stay ties.
        names = np.concatenate([p for _, p in rare])
        counts = [len(p) for _, p in rare]
        ordered = np.sort(names)
        first = np.empty(len(ordered), dtype=bool)
        first[0] = True
        np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
        found = ordered[first]
        run = found.searchsorted(names)  # each posting's name, as a number among ``found``
        idf = np.array([index.weight_of(t) for t, _ in rare]).repeat(counts)  # (np.repeat on a list wraps it through an exception)
        shared = np.bincount(run, weights=idf) + assumed
        short_weights = [query.weights[t] if len(t) < f.LONG_WORD_LETTERS else 0.0 for t, _ in rare]
        if any(short_weights):
            short = np.array(short_weights).repeat(counts)
            short_shared = np.bincount(run, weights=short, minlength=len(found)) + short_assumed
        else:
            short_shared = np.full(len(found), short_assumed)
    if len(found) > cap:
        best = np.lexsort((found, -shared))[:cap]  # most shared first; on a tie the earlier name
        best.sort()
        found, shared, short_shared = found[best], shared[best], short_shared[best]
    # Postings are stored as int32; the bounds gather a dozen per-name arrays at these numbers,
    # and numpy converts an int32 index to its own index type on every gather: converted once here.
    return Candidates(found.astype(np.intp), shared, short_shared)


def survivors(index: NameIndex, query: Terms, found: Candidates, floor: float, need: float) -> np.ndarray:
    """The candidates (name numbers) both bounds let through: ``shared_bound`` at least ``floor``
    and ``reach`` times the name's form weight at least ``need``, less the rounding of scores --
    the two bounds worked out over the same per-name arrays."""
    if not len(found):
        return found.names
    names = found.names
    weights = index.weights[names]
    denominator = query.total + index.totals[names]
    keep = 2 * found.shared / denominator * weights + f.BOUND_SLACK >= floor
    if not keep.any():
        return names[keep]
    keep &= _reachable(index, query, found) / denominator * weights >= need - f.ROUNDING
    return names[keep]


def shared_bound(index: NameIndex, query: Terms, found: Candidates) -> np.ndarray:
    """The score each candidate can reach from the words it shares with the query (both sides
    count a shared word; ``BOUND_SLACK`` covers fuzzy pairs whose two spellings weigh differently),
    times the name's form weight."""
    return 2 * found.shared / (query.total + index.totals[found.names]) * index.weights[found.names] + f.BOUND_SLACK


def reach(index: NameIndex, query: Terms, found: Candidates) -> np.ndarray:
    """An upper bound of ``score.score`` for many names at once: a word of four letters or more can
    only be matched by one of the same initial (fully at best), a shorter word only by itself.
    Only the columns of the query's initials are read, one name array each."""
    return _reachable(index, query, found) / (query.total + index.totals[found.names])


def _reachable(index: NameIndex, query: Terms, found: Candidates) -> np.ndarray:
    """The weight of the query and the name together that a match can cover, per candidate."""
    names = found.names
    reachable = found.short_shared + index.short_weight[names]
    for column, (long, present) in _initial_columns(index, query).items():
        if long:  # the query's long words of this initial, reached by any long word the name has of it
            reachable += index.long_present[column][names] * long
        if present:  # an initial or a long word of the query reaches the name's long words of its initial
            reachable += index.long_columns[column][names]  # each name's weight in long words of this initial
    return reachable


def _initial_columns(index: NameIndex, query: Terms) -> dict[int, tuple[float, bool]]:
    """By initial column: the query's weight in words of four letters or more, and whether it has
    a word (or an initial) of it."""
    out: dict[int, tuple[float, bool]] = {}
    for tok, w in query.weights.items():
        long = len(tok) >= f.LONG_WORD_LETTERS
        column = index.initial_column.get(tok[0]) if long or len(tok) == 1 else None
        if column is not None:  # else short, or no listed name has a long word with this initial
            weight, _ = out.get(column, (0.0, True))
            out[column] = (weight + w if long else weight, True)  # an initial reaches the long words it may abbreviate
    return out
