"""The text of list entries as the lists publish it, read into what it says.

- The Entity List's licence requirement (15 CFR 744 Supp. 4, as eCFR text) carries footnote
  markers glued to the words they annotate: "§§ 734.9(e) 1 and 744.11 of the EAR 2",
  "(See § 744.11 of the EAR) 4", "734.9(g)3". They are the supplement's footnotes (the
  foreign-direct-product rules that extend "items subject to the EAR" for that entity), not
  part of the sentence: they are taken out and named once at the end.
- Federal Register citations come one a line or joined with " | ", some with a trailing comma or
  full stop ("84 FR 29373, 6/24/19, | 87 FR ..."): they are split, trimmed and joined with "; ".
- OFAC's legacy sdn.csv writes an entry's programmes as the inside of "[SDNTK] [FTO] [SDGT]"
  with its outer brackets lost ("SDNTK] [FTO] [SDGT"); the CSL writes them "SDNTK; FTO".
"""

from __future__ import annotations

import re

# A footnote marker: a number of one digit (the supplement numbers its footnotes 1 to 9) after a
# paragraph letter's closing bracket (and its comma), after "of the EAR" or after a closing bracket,
# standing before a word boundary, never part of a section number ("734.9(e) 1 and", "EAR) 4",
# "EAR 2", "734.9(g),3 746.8"; not "734.9(e)(2)", "EAR 99").
FOOTNOTE = re.compile(
    r"(?:(?<=\))|(?<=\),)|(?<=\bEAR))\s*(?P<n>[1-9])(?![\d.(])(?=\s|,|;|\)|$)"
)
CITATION_SPLIT = re.compile(r"\s*(?:\||\n|;)\s*")
PROGRAM_SPLIT = re.compile(r"[\[\];,]+")
FOOTNOTE_NOTE = "Supp. No. 4 to part 744 footnote"  # how a removed marker is named


def licence_requirement(text: str | None) -> str | None:
    """The licence requirement without its footnote markers, the footnotes named at the end:
    "For all items subject to the EAR, see §§ 734.9(e) and 744.11 of the EAR (Supp. No. 4 to
    part 744 footnotes 1, 2)"."""
    if not text or not text.strip():
        return None
    notes: list[str] = []

    def take(m: re.Match[str]) -> str:
        if m.group("n") not in notes:
            notes.append(m.group("n"))
        return ""

    body = re.sub(r"\s{2,}", " ", FOOTNOTE.sub(take, text.strip())).strip()
    if not notes:
        return body
    plural = "s" if len(notes) > 1 else ""
    return f"{body} ({FOOTNOTE_NOTE}{plural} {', '.join(notes)})"


def federal_register(text: str | None) -> str | None:
    """Federal Register citations, one per part, no empty part, joined with '; '."""
    if not text:
        return None
    parts = [p.strip().strip(",.").strip() for p in CITATION_SPLIT.split(text)]
    kept = [p for p in parts if p]
    return "; ".join(kept) or None


def programs(text: str | None) -> list[str]:
    """OFAC programme codes from "SDNTK] [FTO] [SDGT", "[SDGT]" or "SDNTK; FTO"."""
    if not text:
        return []
    codes = [p.strip() for p in PROGRAM_SPLIT.split(text)]
    seen: list[str] = []
    for code in codes:
        if code and code != "-0-" and code not in seen:
            seen.append(code)
    return seen


def programs_text(codes: list[str]) -> str | None:
    """How programmes are shown: "OFAC programs: SDNTK, FTO, SDGT"."""
    return f"OFAC programs: {', '.join(codes)}" if codes else None
