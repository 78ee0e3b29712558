"""With no notice date, chips are classified on the earliest and latest plausible dates."""

from __future__ import annotations

from datetime import date

from tendertrace.rules import classify_text, earliest_plausible_date


def test_the_earliest_plausible_date_is_the_first_rule() -> None:
    assert earliest_plausible_date() == date(2022, 8, 26)


def test_a_chip_controlled_on_both_dates_is_controlled() -> None:
    [item] = classify_text("采购GPU服务器，8块A100", None)
    assert item.date_unknown and item.controlled and item.compute_finding
    assert item.reason.startswith("date unknown") and "2022-08-26" in item.reason


def test_a_chip_controlled_only_on_the_latest_date_is_not_called_controlled() -> None:
    [item] = classify_text("采购H20服务器4台", None)
    assert item.date_unknown and not item.controlled
    assert "not controlled" in item.reason and date.today().isoformat() in item.reason


def test_a_dated_notice_is_not_flagged() -> None:
    [item] = classify_text("采购H20服务器4台", date(2025, 6, 1))
    assert not item.date_unknown and "date unknown" not in item.reason


def test_an_undated_chip_is_not_earlier_than_its_announcement() -> None:
    [item] = classify_text("采购GPU服务器，每台8块B300", None)
    assert item.date_unknown and item.controlled and "2025-03-18" in item.reason


def test_a_notice_dated_before_the_chip_existed_is_flagged() -> None:
    [item] = classify_text("采购GPU服务器，每台8块B300", date(2024, 5, 1))
    assert "before the chip was announced" in item.reason
