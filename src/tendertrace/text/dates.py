"""Dates as notices and records write them, read by one parser.

2024-04-16, 2024/4/16, 2024.04.16, 2024年4月16日, 二〇二四年四月十六日, 16 April 2024, April 16, 2024,
16/04/2024, ISO timestamps and Unix seconds. Nothing here guesses: a text with no complete date has none.
A year-last numeric date is read day first, as Hong Kong, Macau, British and Chinese English notices
write it (05/08/2024 is 5 August), unless its second part cannot be a month (08/25/2024, US order).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

from .numerals import chinese_number, positional_number

# Years a procurement notice can carry: the oldest electronic notices (1990s) to a few years ahead.
FIRST_YEAR = 1990
LAST_YEAR = 2100
# Unix seconds from 1973 on: a smaller number is a count or an id, not a timestamp.
MIN_TIMESTAMP = 10**8
# A part of a numeric date above this is a day, not a month.
MONTHS_IN_YEAR = 12

_MONTHS = {m.lower(): i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"], start=1)}
_MONTHS.update({name[:3]: i for name, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))

# A date inside a code (YX-CG-2024-09-02, NO.2024/05/01) is part of the code, not the notice's date.
NUMERIC = re.compile(r"(?<![0-9_\-/.])(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})(?!\d)")
DAY_FIRST = re.compile(r"(?<![0-9A-Za-z_\-/.])(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})(?![0-9\-/.])")
WRITTEN = re.compile(r"([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
# "5 March 2024", and the 05-Mar-2024 of orders, invoices and shipping papers
DAY_MONTH = re.compile(r"(?<![\dA-Za-z])(\d{1,2})(?:st|nd|rd|th)?(?:\s+|-)(" + _MONTH_ALT + r")\.?,?(?:\s+|-)(\d{4})(?!\d)", re.I)
MONTH_DAY = re.compile(r"\b(" + _MONTH_ALT + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)", re.I)

# Every month name the English patterns read begins with one of these stems. A case-insensitive
# alternation costs its regex tens of milliseconds on a long page with no month in it, where a look
# for the stems in the lower-cased text costs well under one.
_MONTH_STEMS = tuple(sorted({name[:3] for name in _MONTHS}))
# The characters re.IGNORECASE matches to an ASCII letter that str.lower() does not turn into one
# (re._casefix: ſ for s, ı for i): a text holding one is searched by the patterns themselves.
_CASE_EXTRAS = ("\u017f", "\u0131")


def _may_name_month(text: str) -> bool:
    """False only when neither English date pattern can match ``text``: no month stem in any case."""
    if any(ch in text for ch in _CASE_EXTRAS):
        return True
    low = text.lower()
    return any(stem in low for stem in _MONTH_STEMS)


def month_number(name: str) -> int:
    """A matched month name's number; the case-insensitive match may hold ſ or ı for s or i."""
    return _MONTHS[name.lower().replace("\u017f", "s").replace("\u0131", "i")]


def _patterns_for(text: str) -> tuple[re.Pattern[str], ...]:
    """The date patterns that can match ``text``, in order: each one left out has a word the text lacks."""
    written = "年" in text and "月" in text and "日" in text
    english = _may_name_month(text)
    day_first = "/" in text or "." in text or "-" in text
    return tuple(r for r, may in ((NUMERIC, True), (WRITTEN, written), (DAY_MONTH, english), (MONTH_DAY, english),
                                  (DAY_FIRST, day_first)) if may)


def _make(year: int, month: int, day: int) -> date | None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _written(year: str, month: str, day: str) -> date | None:
    """二〇二四年四月十六日 from its three numerals."""
    numbers = (positional_number(year), chinese_number(month), chinese_number(day))
    if numbers[0] is None or numbers[1] is None or numbers[2] is None:
        return None
    return _make(numbers[0], numbers[1], numbers[2])


def find_date(text: str) -> tuple[date, int, int] | None:
    """The first complete date in ``text`` with its span."""
    best: tuple[date, int, int] | None = None
    for regex in _patterns_for(text):
        for m in regex.finditer(text):
            if best is not None and m.start() >= best[1]:
                break
            if regex is NUMERIC:
                value = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            elif regex is WRITTEN:
                value = _written(m.group(1), m.group(2), m.group(3))
            elif regex is DAY_FIRST:
                first, second = int(m.group(1)), int(m.group(3))
                day, month = (second, first) if second > MONTHS_IN_YEAR else (first, second)
                value = _make(int(m.group(4)), month, day)
            elif regex is DAY_MONTH:
                value = _make(int(m.group(3)), month_number(m.group(2)), int(m.group(1)))
            else:
                value = _make(int(m.group(3)), month_number(m.group(1)), int(m.group(2)))
            if value is not None:
                best = (value, m.start(), m.end())
                break
    return best


def parse_date(value: Any, timezone_hours: float = 0) -> date | None:
    """A date from a record value or a piece of text: ISO strings and timestamps, Unix seconds
    (shifted by ``timezone_hours``), or the first date written in the text."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        if value < MIN_TIMESTAMP:
            return None
        return (datetime.fromtimestamp(value, UTC) + timedelta(hours=timezone_hours)).date()
    if not isinstance(value, str) or not value.strip():
        return None
    found = find_date(value)
    return found[0] if found else None


def iso_date(value: str) -> date:
    """A date the knowledge files write (2024-12-02); raises ValueError for anything else."""
    return date.fromisoformat(value)
