"""Dates as notices and records write them, read by one parser.

2024-04-16, 2024/4/16, 2024.04.16, 2024年4月16日, 二〇二四年四月十六日, 16 April 2024, April 16, 2024,
ISO timestamps and Unix seconds. Nothing here guesses: a text with no complete date has none.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

from ..model import DateSource

# Years a procurement notice can carry: the oldest electronic notices (1990s) to a few years ahead.
FIRST_YEAR = 1990
LAST_YEAR = 2100
# Unix seconds from 1973 on: a smaller number is a count or an id, not a timestamp.
MIN_TIMESTAMP = 10**8
# The signature date of a Chinese notice or disclosure stands on its own line under the signer
# (GB/T 9704-2012 成文日期), within the last lines of the text.
SIGNATURE_LINES = 12

_MONTHS = {m.lower(): i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"], start=1)}
_MONTHS.update({name[:3]: i for name, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_CN_NUM = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

# A date inside a code (YX-CG-2024-09-02, NO.2024/05/01) is part of the code, not the notice's date.
NUMERIC = re.compile(r"(?<![0-9_\-/.])(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})(?!\d)")
WRITTEN = re.compile(r"([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
DAY_MONTH = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?\s+(" + _MONTH_ALT + r")\.?,?\s+(\d{4})(?!\d)", re.I)
MONTH_DAY = re.compile(r"\b(" + _MONTH_ALT + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)", re.I)


def _make(year: int, month: int, day: int) -> date | None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _cn_small(text: str) -> int:
    """一 … 三十一 as a number."""
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_NUM[tens] if tens else 1) * 10 + (_CN_NUM[ones] if ones else 0)
    return _CN_NUM[text]


def find_date(text: str) -> tuple[date, int, int] | None:
    """The first complete date in ``text`` with its span."""
    best: tuple[date, int, int] | None = None
    for regex in (NUMERIC, WRITTEN, DAY_MONTH, MONTH_DAY):
        for m in regex.finditer(text):
            if best is not None and m.start() >= best[1]:
                break
            if regex is NUMERIC:
                value = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            elif regex is WRITTEN:
                year = int("".join(str(_CN_NUM[c]) for c in m.group(1)))
                value = _make(year, _cn_small(m.group(2)), _cn_small(m.group(3)))
            elif regex is DAY_MONTH:
                value = _make(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
            else:
                value = _make(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2)))
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


def signature_date(text: str) -> tuple[date, int] | None:
    """The date on a line of its own among the last lines (the date under a notice's signer)."""
    lines = text.rstrip().split("\n")
    pos = len(text.rstrip())
    for line in reversed(lines[-SIGNATURE_LINES:]):
        pos -= len(line) + 1
        stripped = line.strip()
        found = find_date(stripped)
        place = _SIGNATURE_PLACE.match(stripped)
        starts = found is not None and (found[1] == 0 or place is not None and found[1] == place.end())
        if found and starts and (len(stripped) - found[2] <= 1 or stripped[found[2]:].lstrip().startswith("/")):
            return found[0], pos + 1 + line.find(stripped)
    return None


# A place before the signature date ("香港，2025年10月14日", "Beijing, 3 May 2024"); a bilingual
# signature repeats the date after a slash.
_SIGNATURE_PLACE = re.compile(r"[\u3400-\u9fffA-Za-z ]{2,12}[，,]\s*")


def first_dated_line(text: str) -> tuple[date, int] | None:
    found = find_date(text)
    return (found[0], found[1]) if found else None


def document_date(
    record: date | None, labelled: date | None, text: str
) -> tuple[date | None, DateSource | None]:
    """The notice's date and where it came from: the record's metadata, the 发布日期 label, the
    signature date, the first dated line; (None, None) when the text gives none."""
    if record is not None:
        return record, "record"
    if labelled is not None:
        return labelled, "label"
    signed = signature_date(text)
    if signed is not None:
        return signed[0], "signature"
    first = first_dated_line(text)
    if first is not None:
        return first[0], "first_dated_line"
    return None, None
