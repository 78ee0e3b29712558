"""The candidate bounds as the screener runs them: ``survivors`` keeps exactly the names that pass
both bounds, candidates sum their shared weight one term at a time, and a misspelt word's
postings are the union of its slip keys'."""

from __future__ import annotations

import numpy as np
import pytest

from tendertrace.screen import Screener, bound, sample_screener
from tendertrace.screen import factors as f
from tendertrace.screen.index import _union, skeleton, slip_keys
from tendertrace.screen.names import content_tokens, translate

QUERIES = ["中国科学技术大学苏州高等研究院", "哈尔滨工业大学（深圳）", "Haerbin Gongye Daxue", "Beijing Sensetime Technology",
           "China Electronics Technology Group 14th Research Institute", "Hikvison Digital", "Harbin Insitute of Technology"]


@pytest.fixture(scope="module")
def sample() -> Screener:
    return sample_screener()


def _queries(sample: Screener) -> list[str]:
    return QUERIES + [e.name for e in sample.entries[:80]]


def test_survivors_are_the_names_both_bounds_let_through(sample: Screener) -> None:
    index = sample.index
    checked = 0
    for query in _queries(sample):
        for tr in translate(query):
            tokens = content_tokens(tr.text)
            if not tokens:
                continue
            terms = index.terms(tokens)
            found = bound.candidates(index, terms)
            for floor, need in ((sample.threshold - f.ALIAS_MARGIN, sample.threshold),
                                (sample.threshold - f.ALIAS_MARGIN, sample.threshold - f.ALIAS_MARGIN)):
                keep = bound.shared_bound(index, terms, found) >= floor
                keep &= bound.reach(index, terms, found) * index.weights[found.names] >= need - f.ROUNDING
                assert bound.survivors(index, terms, found, floor, need).tolist() == found.names[keep].tolist()
                checked += int(keep.sum())
    assert checked > 50


def test_shared_weight_is_summed_per_name_as_a_running_sum(sample: Screener) -> None:
    """Each name's shared weight is the sum, in the query's word order, of the IDF of the blocking
    words it has: names tied on it stay tied, so the cap keeps the same names."""
    index = sample.index
    multi = 0
    for query in _queries(sample):
        for tr in translate(query):
            tokens = content_tokens(tr.text)
            if not tokens:
                continue
            terms = index.terms(tokens)
            found = bound.candidates(index, terms, cap=10**9)
            rare = [(t, p) for t in terms.weights if (p := index.blocking(t)) is not None
                    and len(p) <= f.COMMON_POSTINGS and len(t) > 1]
            if len(rare) < 2:
                continue
            multi += 1
            assumed = sum(index.weight_of(t) for t in terms.weights if t not in {t for t, _ in rare})
            expected: dict[int, float] = {}
            for t, postings in rare:
                for n in postings.tolist():
                    expected[n] = expected.get(n, 0.0) + index.weight_of(t)
            assert found.names.tolist() == sorted(expected)
            assert found.shared.tolist() == [expected[n] + assumed for n in sorted(expected)]
    assert multi > 10


def test_a_misspelt_word_blocks_on_the_union_of_its_slip_keys(sample: Screener) -> None:
    index = sample.index
    assert _union([np.array([1, 4, 9], dtype=np.int32), np.array([2, 4, 10], dtype=np.int32)]).tolist() == [1, 2, 4, 9, 10]
    word = "hikvtology"  # neither it nor its skeleton is indexed; its first four letters (Hikvision's)
    assert word not in index.postings and skeleton(word) not in index.postings  # and last four (technology's) are
    keys = [k for k in slip_keys(word) if k in index.postings]
    assert len(keys) == 2
    found = index.blocking(word)
    assert found is not None and found.dtype == np.int32
    assert found.tolist() == np.union1d(*[index.postings[k] for k in keys]).tolist()
    assert index.blocking("zzzzzzzzqqq") is None
