"""What the extraction tests read: a text as a user's file is read, and its extraction."""

from __future__ import annotations

from tendertrace.extract import extract
from tendertrace.ingest import read_input
from tendertrace.model import Extraction


def ex_of(text: str) -> Extraction:
    doc = next(read_input(text, name="a.txt", source="a.txt"))
    return extract(doc)  # type: ignore[arg-type]
