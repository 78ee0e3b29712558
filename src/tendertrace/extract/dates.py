"""The date of a notice: the record's, the labelled one, the signature date or the first dated
line. Dates themselves are read by the one parser of the package (``text.dates``)."""

from __future__ import annotations

import re
from datetime import date

from ..model import DateSource
from ..text.dates import find_date

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
