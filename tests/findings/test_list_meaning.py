"""The listed part by what the list entails, by listing date and by the Affiliates rule's state."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from tendertrace.findings import (
    LISTED_LATER_SHARE,
    LISTED_WEIGHTS,
    OWNED_STATE_SHARE,
    UNSTATED_SHARE,
    result_finding,
)
from tendertrace.model import Finding, ListedHit, OwnershipStep
from tendertrace.screen.meaning import list_weight

from .conftest import TEXT, hit, item, ref, result


def finding(*args: object, lists: frozenset[str] | None = None, **kwargs: object) -> Finding:
    built = result_finding(result(*args, **kwargs), ref(), TEXT, lists=lists)  # type: ignore[arg-type]
    assert built is not None
    return built


def on_list(code: str, **values: object) -> ListedHit:
    return dataclasses.replace(hit(), list=code, **values)  # type: ignore[arg-type]


def test_an_ns_cmic_only_hit_is_a_low_score_note_beside_an_entity_list_hit() -> None:
    nscmic = finding([], [on_list("NS-CMIC")])
    el = finding([], [on_list("EL")])
    assert nscmic.score_parts["listed"] == pytest.approx(LISTED_WEIGHTS["self"] * list_weight("NS-CMIC"))
    assert nscmic.score < el.score / 2
    [h] = nscmic.listed
    assert "investment ban" in h.meaning and "not an export control" in h.meaning


def test_with_both_lists_the_entity_list_hit_decides() -> None:
    f = finding([], [on_list("NS-CMIC"), on_list("EL", entry_id="el-2")])
    assert f.score_parts["listed"] == pytest.approx(LISTED_WEIGHTS["self"])


def test_an_entry_added_after_the_notice_is_listed_later_and_scores_as_such() -> None:
    later = on_list("EL", listed_on=date(2024, 12, 5), federal_register="89 FR 96830, 12/5/24")
    f = finding([], [later], published=date(2024, 5, 10))
    [h] = f.listed
    assert h.listed_later == "listed later (2024-12-05, 89 FR 96830, 12/5/24)"
    assert f.score_parts["listed"] == pytest.approx(LISTED_WEIGHTS["self"] * LISTED_LATER_SHARE)
    before = finding([], [later], published=date(2025, 1, 2))
    assert before.listed[0].listed_later is None and before.score_parts["listed"] == pytest.approx(LISTED_WEIGHTS["self"])


@pytest.mark.parametrize("state", ["in force", "suspended", "not yet made", "date unknown"])
def test_an_owned_party_weighs_by_the_rule_state(state: str) -> None:
    owned = on_list("EL", relation="owned", rule_state=state, owned_share=60.0,
                    ownership=[OwnershipStep("Listed Parent", "四川大学", 60.0, "registry")])
    f = finding([], [owned])
    assert f.score_parts["listed"] == pytest.approx(LISTED_WEIGHTS["owned"] * OWNED_STATE_SHARE[state])


def test_the_suspended_rule_makes_an_owned_party_a_note_below_a_listed_one() -> None:
    suspended = finding([], [on_list("EL", relation="owned", rule_state="suspended", owned_share=60.0)])
    in_force = finding([], [on_list("EL", relation="owned", rule_state="in force", owned_share=60.0)])
    listed = finding([], [on_list("EL")])
    assert suspended.score < in_force.score < listed.score


def test_an_unstated_share_halves_the_owned_weight() -> None:
    f = finding([], [on_list("EL", relation="owned", rule_state="in force", owned_share=None)])
    assert f.score_parts["listed"] == pytest.approx(LISTED_WEIGHTS["owned"] * UNSTATED_SHARE)


def test_only_the_chosen_lists_count() -> None:
    hits = [on_list("NS-CMIC"), on_list("EL", entry_id="el-2")]
    only = finding([item()], hits, lists=frozenset({"NS-CMIC"}))
    assert [h.list for h in only.listed] == ["NS-CMIC"]
    assert result_finding(result([], [on_list("NS-CMIC")]), ref(), TEXT, lists=frozenset({"EL"})) is None
