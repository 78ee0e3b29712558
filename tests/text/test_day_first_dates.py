"""A year-last numeric date (05/08/2024) is read day first, as Hong Kong, British and Chinese English
notices write it, unless its second part cannot be a month; a code or a version is no date."""

from __future__ import annotations

from datetime import date

import pytest

from tendertrace.text.dates import find_date


@pytest.mark.parametrize(("text", "expected"), [
    ("Date: 05/08/2024", date(2024, 8, 5)),
    ("Closing date 31.12.2023", date(2023, 12, 31)),
    ("Date: 08/25/2024", date(2024, 8, 25)),
    ("5-8-2024", date(2024, 8, 5)),
])
def test_day_first(text: str, expected: date) -> None:
    found = find_date(text)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize("text", ["v1.2.2024", "编号12/05/20245", "05/08-2024", "13/13/2024"])
def test_not_a_date(text: str) -> None:
    assert find_date(text) is None
