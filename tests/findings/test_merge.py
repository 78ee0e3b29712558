"""Notices of one project become one case."""

from __future__ import annotations

from datetime import date

from tendertrace.findings import merge, result_finding
from tendertrace.model import DocumentResult, Finding

from .conftest import TEXT, hit, item, ref, rental, result


def build(res: DocumentResult, doc_id: str) -> Finding:
    f = result_finding(res, ref(doc_id), TEXT)
    assert f is not None
    return f


def test_notices_with_one_project_number_are_one_case_in_date_order() -> None:
    call = build(result([rental()], published=date(2024, 5, 1), amount=2.0), "call")
    award = build(result([item()], [hit()], notice_type="award", amount=1.0, published=date(2024, 6, 1)), "award")
    [case] = merge([award, call])
    assert case.case_id == call.case_id == award.case_id
    assert [d.id for d in case.documents] == ["call", "award"] and case.date == "2024-06-01"
    assert case.score == max(call.score, award.score) and case.score_parts == award.score_parts
    assert case.amount == 1.0  # the award's amount, not the call's budget
    assert len(case.evidence) == len(call.evidence) + len(award.evidence) and case.listed == award.listed
    assert case.route == ["cloud_rental", "hardware_purchase"] and case.bands == ["3A090.a.1"]  # unions, in date order


def test_without_a_number_the_buyer_and_the_name_make_the_case() -> None:
    first = build(result([item()], number=None, name="算力租赁项目"), "a")
    again = build(result([item()], number=None, name="算力租赁项目（重发）"), "b")
    other = build(result([item()], number=None, name="算力租赁项目", buyer="深圳大学"), "c")
    assert first.case_id == again.case_id != other.case_id
    assert len(merge([first, again, other])) == 2


def test_cases_are_sorted_by_score_then_date() -> None:
    low = build(result([item()], number="P-1"), "a")
    high = build(result([rental()], number="P-2"), "b")
    assert [c.case_id for c in merge([low, high])] == [high.case_id, low.case_id]


def test_a_case_is_suppressed_only_when_all_its_notices_are() -> None:
    suppressed = build(result([], [hit()]), "a")
    suppressed.review_status = "suppressed"
    live = build(result([item()]), "b")
    assert merge([suppressed, live])[0].review_status == "unreviewed"
    assert merge([suppressed])[0].review_status == "suppressed"
