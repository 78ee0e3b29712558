"""The date of a notice: the record's, the labelled one, the signature date, a news report's
dateline or the first dated line. Dates themselves are read by the one parser of the package (``text.dates``)."""

from __future__ import annotations

import re
from datetime import date

from ..model import DateSource
from ..text.dates import find_date, month_number
from ..text.fold import match_text

# The signature date of a Chinese notice or disclosure stands on its own line under the signer
# (GB/T 9704-2012 成文日期), within the last lines of the text.
SIGNATURE_LINES = 12


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


# A news report's dateline stands in its lead: within this many characters of the text's start.
DATELINE_REACH = 300
# The dateline forms of news prose, which give a month and day and often no year: a wire report's
# "SHANGHAI, Aug 5 (Reuters) -" (a date, the agency in brackets, a dash), a Chinese agency's
# "新华社北京8月5日电", a site's "观点网讯：4月27日，" / "C114讯 1月30日消息" / "金融界12月3日消息".
_EN_DATELINE = re.compile(
    r"\b(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?P<day>\d{1,2})"
    r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?\s*\([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?\)\s*[-–—]")
_ZH_DATELINE = re.compile(
    r"(?:(?P<year>(?:19|20)\d{2})年)?(?P<mon>\d{1,2})月(?P<day>\d{1,2})日(?:电|消息)"
    r"|讯\s*[:：]?\s*(?:(?P<year2>(?:19|20)\d{2})年)?(?P<mon2>\d{1,2})月(?P<day2>\d{1,2})日")


def dateline_date(text: str) -> tuple[date, int] | None:
    """A news report's dateline in its lead, before any full date of the text. A dateline without a
    year takes the year that puts it nearest the first full date after it: a report names what it
    reports and what is due within months of its own day (a dateline of 3 January beside a signing
    of 28 December is the next year; beside a deadline of 31 December, the same one)."""
    lead = text[:DATELINE_REACH]
    m = _EN_DATELINE.search(lead)
    if m is not None:
        month, day, year = month_number(m.group("mon")), int(m.group("day")), m.group("year")
    else:
        m = _ZH_DATELINE.search(lead)
        if m is None:
            return None
        month = int(m.group("mon") or m.group("mon2"))
        day = int(m.group("day") or m.group("day2"))
        year = m.group("year") or m.group("year2")
    first = find_date(text)
    if first is not None and first[1] < m.start():
        return None  # a full date stands before the dateline (a page's own publication line)
    try:
        if year is not None:
            return date(int(year), month, day), m.start()
        if first is None:
            return None
        ref = first[0]
        years = [y for y in (ref.year - 1, ref.year, ref.year + 1) if _is_day(y, month, day)]
        if not years:
            return None  # not a day of the calendar (2月30日)
        return min((date(y, month, day) for y in years), key=lambda d: abs((d - ref).days)), m.start()
    except ValueError:
        return None  # not a day of the calendar (2月30日)


def _is_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


# A sentence that says when the text itself was issued: "本年报由董事会于二零二五年三月二十七日批准刊发",
# "本公告于2024年5月8日发布", "This announcement was published on 8 May 2024". The verbs of issuing
# (上市公司信息披露管理办法: 披露, 刊登; GB/T 9704-2012: 印发) after the date, within one clause.
_ISSUED = re.compile(r"(?:批准)?(?:刊发|刊登|刊载|印发|发布|公布|披露|公告)(?![^。\n]{0,4}(?:日期|时间|之日))"
                     r"|\b(?:was|were|is)\s+(?:published|issued|released|dated)\b", re.I)
# How far before its verb the date of an issuing sentence may stand ("于二零二五年三月二十七日批准刊发").
ISSUED_REACH = 30
# The texts whose own issue a sentence states: a report, an announcement, a notice, this document.
_ISSUED_SUBJECT = re.compile(r"本(?:年报|年度报告|报告|公告|通知|公示|文件|通告)|[Tt]his (?:announcement|report|notice|circular|document)")


def issued_date(text: str) -> tuple[date, int] | None:
    """The date a sentence of the text gives as its own issue (本公告于…发布)."""
    folded = match_text(text)  # the same length: 刊發 reads as 刊发
    for m in _ISSUED.finditer(folded):
        start = max(0, m.start() - ISSUED_REACH, text.rfind("。", 0, m.start()) + 1, text.rfind("\n", 0, m.start()) + 1)
        clause = folded[start: m.start()]
        if not _ISSUED_SUBJECT.search(clause):
            continue
        found = find_date(clause)
        if found is not None:
            return found[0], start + found[1]
        after = folded[m.end(): m.end() + ISSUED_REACH]
        found = find_date(after) if m.group(0)[:1].isascii() else None
        if found is not None:
            return found[0], m.end() + found[1]
    return None


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
    lead = dateline_date(text)
    if lead is not None:
        return lead[0], "dateline"
    issued = issued_date(text)
    if issued is not None:
        return issued[0], "issued"
    first = first_dated_line(text)
    if first is not None:
        return first[0], "first_dated_line"
    return None, None
