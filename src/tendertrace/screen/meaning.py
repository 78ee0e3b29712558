"""What a list entails, how much a hit on it weighs, and when an entry was added.

The text and the weights live in ``knowledge/list_meanings.yaml``; the dates come from the entry
itself: the Federal Register citations of an Entity List or MEU entry (the earliest one is the
addition: ``"85 FR 34503, 6/5/20. 87 FR 13061, 3/8/22"``), or OFAC's "Listing Date (CMIC)" note.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from ..knowledge import files as knowledge

__all__ = ["first_citation", "list_meaning", "list_weight", "listed_later", "listing_date"]

# A list the meanings file does not describe: its hits count, but for less than an export control,
# since nothing says what it entails.
UNKNOWN_LIST_WEIGHT = 0.5
# "6/5/20", "12/23/2020": Federal Register dates as the Entity List and MEU print them.
_FR_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")
_FR_CITATION = re.compile(r"\d{2,3}\s*FR\s*\d+(?:[,\s]+\d{1,2}/\d{1,2}/\d{2,4})?")
_CMIC_DATE = re.compile(r"Listing Date \(CMIC\):\s*(\d{1,2} [A-Z][a-z]{2} \d{4})")
_TWO_DIGIT_CENTURY = 2000  # the Entity List began in 1997: "97"-"99" are 19xx, the rest 20xx
_LAST_19XX = 96


def _list(code: str) -> knowledge.ListMeaning | None:
    return knowledge.list_meanings().lists.get(code)


def list_authority(code: str) -> str | None:
    """The agency that keeps the list, None for a list the knowledge does not describe."""
    row = _list(code)
    return row.authority if row else None


def list_weight(code: str) -> float:
    """How much a hit on this list counts, against an Entity List hit (1.0)."""
    row = _list(code)
    return row.weight if row else UNKNOWN_LIST_WEIGHT


def list_kind(code: str) -> str | None:
    row = _list(code)
    return row.kind if row else None


def list_meaning(code: str, license_requirement: str | None = None) -> str:
    """What a listing entails, with the entry's own licence requirement and the footnote it cites."""
    row = _list(code)
    if not row:
        return f"{code}: no description of what this list entails; check the list's own terms"
    parts = [" ".join(row.entails.split())]
    if code == "EL" and license_requirement:
        parts.append(f"this entry: {' '.join(license_requirement.split())}")
        parts.extend(f.entails for f in knowledge.list_meanings().footnotes if re.search(f.pattern, license_requirement))
    return "; ".join(parts) + f" [{row.source}]"


def _two_digit(year: int) -> int:
    return year + (1900 if year > _LAST_19XX else _TWO_DIGIT_CENTURY)


def listing_date(code: str, federal_register: str | None, notes: str | None = None,
                 effective: str | None = None) -> date | None:
    """When the entry was added to its list, where the list's data says so; else None."""
    row = _list(code)
    if row is None or row.dates != "added":
        return None
    found: list[date] = []
    for month, day, year in _FR_DATE.findall(federal_register or ""):
        y = int(year) if len(year) == 4 else _two_digit(int(year))
        try:
            found.append(date(y, int(month), int(day)))
        except ValueError:
            continue
    if found:
        return min(found)
    cmic = _CMIC_DATE.search(notes or "")
    if cmic:
        return datetime.strptime(cmic.group(1), "%d %b %Y").date()
    if effective:
        try:
            return date.fromisoformat(effective[:10])
        except ValueError:
            return None
    return None


def first_citation(federal_register: str | None) -> str | None:
    """The Federal Register citation of the entry's addition (its earliest dated one)."""
    cites = [" ".join(c.split()) for c in _FR_CITATION.findall(federal_register or "")]
    if not cites:
        return None

    def when(cite: str) -> tuple[int, int, int]:
        m = _FR_DATE.search(cite)
        if not m:
            return (9999, 0, 0)
        y = int(m.group(3)) if len(m.group(3)) == 4 else _two_digit(int(m.group(3)))
        return (y, int(m.group(1)), int(m.group(2)))

    return min(cites, key=when)


def listed_later(listed_on: date | None, federal_register: str | None, on: date | None) -> str | None:
    """"listed later (2024-12-05, 89 FR 96830)" when the entry was added after ``on``; else None."""
    if listed_on is None or on is None or listed_on <= on:
        return None
    cite = first_citation(federal_register)
    return f"listed later ({listed_on.isoformat()}{', ' + cite if cite else ''})"
