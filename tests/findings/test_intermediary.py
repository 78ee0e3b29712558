"""An intermediary is a supplier between the buyer and a US provider; a case lists each hit once."""

from __future__ import annotations

from datetime import date

from tendertrace.findings import intermediaries, merge, result_finding
from tendertrace.model import DocumentResult, Finding
from tendertrace.report import factbox_rows

from .conftest import TEXT, hit, item, ref, rental, result


def build(res: DocumentResult, doc_id: str = "d1") -> Finding:
    f = result_finding(res, ref(doc_id), TEXT)
    assert f is not None
    return f


def test_a_supplier_of_a_us_rental_is_an_intermediary() -> None:
    f = build(result([rental()], supplier=True))
    assert intermediaries(f) == ["某某科技有限公司"]
    assert factbox_rows([f])[0]["intermediary"] == "某某科技有限公司"


def test_a_supplier_with_no_us_provider_is_no_intermediary() -> None:
    f = build(result([item()], supplier=True))  # chips bought outright from a supplier
    assert f.suppliers == ["某某科技有限公司"] and intermediaries(f) == []
    assert factbox_rows([f])[0]["intermediary"] == ""
    domestic = build(result([rental(provider="Alibaba Cloud", restriction=None, controlled=False)], supplier=True))
    assert intermediaries(domestic) == []


def test_a_hit_repeated_by_two_notices_of_a_case_is_listed_once() -> None:
    call = build(result([rental()], [hit()], published=date(2024, 5, 1)), "call")
    award = build(result([rental()], [hit()], notice_type="award", published=date(2024, 6, 1)), "award")
    [case] = merge([call, award])
    assert len(case.listed) == 1 and case.listed[0].key == call.listed[0].key
    other = build(result([rental()], [hit(entry="Other", entry_id="el-2")], published=date(2024, 6, 2)), "other")
    [case] = merge([call, award, other])
    assert len(case.listed) == 2  # another entry for the same party is another hit
