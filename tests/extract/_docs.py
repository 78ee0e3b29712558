"""What the extraction tests read: a text as a user's file is read, and its extraction."""

from __future__ import annotations

from tendertrace.extract import extract
from tendertrace.ingest import read_input
from tendertrace.model import Extraction


def ex_of(text: str) -> Extraction:
    doc = next(read_input(text, name="a.txt", source="a.txt"))
    return extract(doc)  # type: ignore[arg-type]


def roles(text: str) -> dict[str, str]:
    """Each organisation the recogniser finds in ``text``, with the role it reads (the last, for a name met twice)."""
    from tendertrace.extract.orgs import find_orgs
    from tendertrace.text.fold import match_text

    return {o.name: o.role for o in find_orgs(text, match_text(text))}
