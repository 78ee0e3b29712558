"""What the screener keeps between queries and works out ahead of them must not change an answer:
the per-name caches return what the functions compute afresh, the candidates' name numbers in
numpy's index type bound exactly as the stored int32 postings do, the bounds never drop a name
the scorer would put at or above the threshold, and the static tables load with the index."""

from __future__ import annotations

import csv

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tendertrace.screen import Screener, abbrev, bound, sample_screener
from tendertrace.screen import factors as f
from tendertrace.screen import names as names_module
from tendertrace.screen.names import (
    COMPATIBLE_FORMS,
    _alias_rows,
    _aliases,
    alias,
    content_tokens,
    core_zh,
    fold_zh,
    form_kind,
    translate,
)
from tendertrace.screen.score import score, sim

from ..conftest import SHARED

DEV = SHARED / "eval" / "screening_dev.csv"


@pytest.fixture(scope="module")
def sample() -> Screener:
    return sample_screener()


def _table_names() -> list[str]:
    return sorted({fold_zh(r.zh) for r in _alias_rows()})


def _alias_afresh(folded: str) -> tuple[str, str, str] | None:
    """The alias-table row as the table's keys give it: the name, else its core under each
    compatible legal form -- without the kept answers and the check of the cores first."""
    table = _aliases()
    if folded in table:
        return table[folded]
    core = core_zh(folded)
    kinds = COMPATIBLE_FORMS[form_kind.__wrapped__(folded)]  # type: ignore[attr-defined]
    return next((table[f"core:{core}|{kind}"] for kind in kinds if f"core:{core}|{kind}" in table), None)


def _labelled() -> list[str]:
    if not DEV.exists():
        return []
    return [row["query"] for row in csv.DictReader(DEV.open(encoding="utf-8"))]


@given(st.sampled_from(_table_names()), st.integers(0, 8), st.sampled_from(["", "有限公司", "股份有限公司", "集团有限公司", "研究所"]))
@settings(max_examples=300, deadline=None)
def test_kept_alias_lookups_are_the_lookups_afresh(name: str, cut: int, form: str) -> None:
    """Every table name, cut short and given another legal form: the kept answer is the computed one."""
    head = name[: max(2, len(name) - cut)] + form
    assert alias(head) == _alias_afresh(head)
    assert form_kind(head) == form_kind.__wrapped__(head)  # type: ignore[attr-defined]
    assert alias(head) == alias(head)  # asked twice, answered alike


def test_candidate_numbers_bound_as_the_stored_postings_do(sample: Screener) -> None:
    index = sample.index
    checked = 0
    for query in [e.name for e in sample.entries[:80]] + ["中国科学技术大学苏州高等研究院", "Hikvison Digital"]:
        for tr in translate(query):
            tokens = content_tokens(tr.text)
            if not tokens:
                continue
            terms = index.terms(tokens)
            found = bound.candidates(index, terms)
            if not len(found):
                continue
            assert found.names.dtype == np.intp
            stored = bound.Candidates(found.names.astype(np.int32), found.shared, found.short_shared)
            for floor, need in ((sample.threshold - f.ALIAS_MARGIN, sample.threshold),
                                (sample.threshold - f.ALIAS_MARGIN, sample.threshold - f.ALIAS_MARGIN)):
                assert (bound.survivors(index, terms, found, floor, need).tolist()
                        == bound.survivors(index, terms, stored, floor, need).tolist())
                checked += 1
    assert checked > 50


@pytest.mark.skipif(not DEV.exists(), reason="needs ../shared/eval/screening_dev.csv")
@given(st.data())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_bounds_never_drop_a_name_that_scores_at_the_threshold(sample: Screener, data: st.DataObject) -> None:
    """Over labelled names (and their leading parts, as parents are screened): every candidate
    whose score times its form weight reaches the threshold survives both bounds -- where the words
    it matches are the query's own. (A fuzzy pair whose consonant skeletons differ, "Northwestern
    Polytechnical" / "Northwest Polytechnic", is not counted as shared by the first bound beyond
    ``BOUND_SLACK``: such a name can be dropped, as it always has been; that is an accuracy question.)"""
    query = data.draw(st.sampled_from(_labelled()))
    query = query[: data.draw(st.integers(2, max(2, len(query))))]
    index = sample.index
    floor = sample.threshold - f.ALIAS_MARGIN
    for tr in translate(query):
        tokens = content_tokens(tr.text)
        if not tokens:
            continue
        terms = index.terms(tokens)
        found = bound.candidates(index, terms, cap=10**9)
        kept = set(bound.survivors(index, terms, found, floor, sample.threshold).tolist())
        for n in found.names.tolist():
            name = index.names[n]
            fuzzy = any(t not in name.tokens and any(sim(t, y) for y in name.tokens) for t in tokens)
            if not fuzzy and score(terms, name.terms).score * name.weight >= sample.threshold:
                assert n in kept, (query, tr.text, name.text)


def test_static_tables_load_with_the_index_not_on_the_first_query(sample: Screener) -> None:
    abbrev.rules.cache_clear()
    names_module.glossary_words.cache_clear()
    Screener(sample.entries[:20])
    assert abbrev.rules.cache_info().currsize == 1
    assert names_module.glossary_words.cache_info().currsize == 1
