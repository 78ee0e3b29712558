"""The one low-level date parser: numeric, written Chinese and English dates, timestamps."""

from __future__ import annotations

from datetime import date

import pytest

from tendertrace.text.dates import find_date, iso_date, parse_date


@pytest.mark.parametrize(("text", "value"), [
    ("发布日期：2024-04-16", date(2024, 4, 16)), ("2024年4月16日", date(2024, 4, 16)),
    ("二〇二四年四月十六日", date(2024, 4, 16)), ("二○二三年十二月三十一日", date(2023, 12, 31)),
    ("16 April 2024", date(2024, 4, 16)), ("Sept. 3, 2025", date(2025, 9, 3)),
])
def test_find_date(text: str, value: date) -> None:
    found = find_date(text)
    assert found is not None and found[0] == value
    assert text[found[1]:found[2]].strip("：发布日期")


@pytest.mark.parametrize("text", ["二〇二四年十三月一日", "二〇二四年十十月一日", "编号CG-2024-09-02", "1850年1月1日"])
def test_no_date(text: str) -> None:
    assert find_date(text) is None


def test_parse_date_values() -> None:
    assert parse_date(1_700_000_000) == date(2023, 11, 14)
    assert parse_date(12345) is None  # a count, not a timestamp
    assert parse_date(True) is None
    assert parse_date("  ") is None
    assert iso_date("2026-12-02") == date(2026, 12, 2)
    with pytest.raises(ValueError):
        iso_date("2 December 2026")
