"""The score of one document's finding, part by part: each test pins a part's weight and its
condition, so a change to either fails here."""

from __future__ import annotations

import pytest

from tendertrace.findings import hit_key, result_finding, score_parts
from tendertrace.model import Finding

from .conftest import TEXT, hit, item, ref, rental, result


def finding(*args: object, dismissed: frozenset[str] = frozenset(), **kwargs: object) -> Finding:
    built = result_finding(result(*args, **kwargs), ref(), TEXT, dismissed=dismissed)  # type: ignore[arg-type]
    assert built is not None
    return built


def test_a_listed_party_itself_scores_045_of_its_hit_score() -> None:
    f = finding([], [hit(score=0.9)])
    assert f.score_parts == {"listed": pytest.approx(0.405)} and f.score == 40.5


def test_an_affiliate_scores_035_of_its_hit_score() -> None:
    f = finding([], [hit(relation="affiliate", score=0.8)])
    assert f.score_parts == {"listed": pytest.approx(0.28)} and f.score == 28.0


def test_only_the_best_hit_counts() -> None:
    f = finding([], [hit(score=0.9), hit(party="某某科技有限公司", relation="affiliate", score=1.0, entry_id="el-2")])
    assert f.score_parts["listed"] == pytest.approx(0.405) and len(f.listed) == 2


def test_a_controlled_chip_scores_030() -> None:
    assert finding([item()]).score_parts == {"chips": 0.30}


def test_a_chip_below_the_thresholds_bought_outright_is_no_finding() -> None:
    # The rules mark no compute item for a chip below the thresholds (no US signal of controlled compute).
    assert result_finding(result([item(controlled=False, band=None, compute_finding=False)]), ref(), TEXT) is None


def test_a_named_chip_of_the_controlled_class_before_its_control_scores_precontrol() -> None:
    assert finding([item(controlled=False)]).score_parts == {"precontrol": 0.10}


def test_an_unclassified_us_accelerator_scores_020_and_names_no_chip() -> None:
    f = finding([item(chip=None, controlled=False, band=None, needs_review=True)])
    assert f.score_parts == {"unclassified": 0.20} and f.chips == []


def test_only_items_the_rules_mark_as_compute_count() -> None:
    # A negated or cancelled mention stays in the classification but makes no finding.
    assert result_finding(result([item(compute_finding=False, context="negated: 不得采用")]), ref(), TEXT) is None


def test_restricted_remote_access_scores_030_and_controlled_chips_030_more() -> None:
    f = finding([rental()])
    assert f.score_parts == {"chips": 0.30, "remote": 0.30} and f.score == 60.0
    assert f.route == ["cloud_rental"] and f.provider == ["Amazon Web Services"]


def test_remote_access_a_provider_allows_is_no_remote_part() -> None:
    allowed = rental(controlled=False, restriction=None, compute_finding=False)  # as the rules mark it
    assert result_finding(result([allowed]), ref(), TEXT) is None
    assert "remote" not in score_parts(result([]).extraction, [rental(controlled=False, restriction=None)], [])


def test_a_model_whose_maker_excludes_china_is_remote_access() -> None:
    f = finding([item("Azure OpenAI", chip=None, model="Azure OpenAI", controlled=False, band=None,
                      route="hosted_model", provider="Microsoft Azure", restriction="not in China")])
    assert f.score_parts == {"remote": 0.30} and f.models == ["Azure OpenAI"]


def test_a_supplier_between_buyer_and_us_provider_is_an_intermediary() -> None:
    assert finding([rental()], supplier=True).score_parts["intermediary"] == 0.10
    assert "intermediary" not in finding([item()], supplier=True).score_parts  # no remote access: no intermediary


def test_a_stated_amount_and_an_award_score_005_each() -> None:
    f = finding([item()], amount=1_000_000.0, notice_type="award")
    assert f.score_parts == {"chips": 0.30, "amount": 0.05, "award": 0.05} and f.score == 40.0
    assert f.amount == 1_000_000.0 and f.currency == "CNY"


def test_the_parts_add_up_and_the_score_is_capped_at_100() -> None:
    f = finding([rental()], [hit(score=1.0)], supplier=True, amount=1.0, notice_type="award")
    assert sum(f.score_parts.values()) == pytest.approx(1.25) and f.score == 100.0
    assert finding([rental()], supplier=True, amount=1.0, notice_type="award").score == 80.0


def test_a_dismissed_hit_no_longer_counts_and_stays_visible() -> None:
    key = hit_key("四川大学", "el-1")
    f = finding([item()], [hit()], dismissed=frozenset({key}))
    assert f.listed == [] and [h.key for h in f.suppressed] == [key] and f.score_parts == {"chips": 0.30}
    alone = finding([], [hit()], dismissed=frozenset({key}))
    assert alone.score == 0.0 and alone.review_status == "suppressed"


def test_every_evidence_span_is_the_text_it_points_at() -> None:
    f = finding([rental()], [hit()], amount=1.0)
    assert {e.text for e in f.evidence} == {"租用云服务器", "四川大学", "100万元"}
    assert all(TEXT[e.start:e.end] == e.text and e.document == "d1" for e in f.evidence)


def test_the_quantity_reads_servers_and_chips() -> None:
    assert finding([rental(servers=500)]).quantity == "500 servers × 8 A100"
