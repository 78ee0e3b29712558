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


def _unfiltered(text: str):
    """find_date with every pattern searched, none left out: what the filter must never change."""
    from tendertrace.text import dates as d

    best = None
    for regex in (d.NUMERIC, d.WRITTEN, d.DAY_MONTH, d.MONTH_DAY):
        for m in regex.finditer(text):
            if best is not None and m.start() >= best[1]:
                break
            if regex is d.NUMERIC:
                value = d._make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            elif regex is d.WRITTEN:
                value = d._written(m.group(1), m.group(2), m.group(3))
            elif regex is d.DAY_MONTH:
                value = d._make(int(m.group(3)), d.month_number(m.group(2)), int(m.group(1)))
            else:
                value = d._make(int(m.group(3)), d.month_number(m.group(1)), int(m.group(2)))
            if value is not None:
                best = (value, m.start(), m.end())
                break
    return best


@pytest.mark.parametrize("text", [
    "Auguſt 3, 2024",  # ſ matches s case-insensitively, and str.lower() keeps it
    "3 AUGUST 2024 and 2024-05-06", "Signed MAY 5, 2023", "二〇二四年四月十六日", "二〇二四年四月", "no date here",
    "报价截止 2024年3月5日，Dec 1, 2023", "K 5 Dec 2020", "x" * 5000 + "1 Jan 2021", "年月日 " * 50,
])
def test_leaving_out_patterns_never_changes_the_date(text: str) -> None:
    assert find_date(text) == _unfiltered(text)


def test_a_month_written_with_a_long_s_is_read() -> None:
    found = find_date("Auguſt 3, 2024")
    assert found is not None and found[0] == date(2024, 8, 3)
