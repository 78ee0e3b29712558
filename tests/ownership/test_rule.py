"""The Affiliates rule's state on dates either side of each change, from its rules.yaml row."""

from __future__ import annotations

from datetime import date

import pytest

from tendertrace.ownership import affiliates_rule


@pytest.mark.parametrize(("on", "state"), [
    (date(2025, 9, 28), "not yet made"),
    (date(2025, 9, 29), "in force"),
    (date(2025, 11, 9), "in force"),
    (date(2025, 11, 10), "suspended"),
    (date(2026, 6, 1), "suspended"),
    (date(2026, 11, 9), "suspended"),
    (date(2026, 11, 10), "in force"),
    (None, "date unknown"),
])
def test_state_on_each_side_of_each_date(on: date | None, state: str) -> None:
    assert affiliates_rule().state(on) == state


def test_the_rule_cites_its_federal_register_document_and_counts_el_and_meu_owners() -> None:
    rule = affiliates_rule()
    assert "FR Doc 2025-19001" in rule.citation and "90 FR 47201" in rule.citation
    assert rule.lists == {"EL", "MEU"} and rule.share_min == 50.0
    assert "2025-11-10" in rule.describe(date(2026, 1, 1)) and "red flag" in rule.describe(date(2026, 1, 1))
    assert "back in force since 2026-11-10" in rule.describe(date(2026, 12, 1))
    assert "not yet made" in rule.describe(date(2025, 1, 1))
