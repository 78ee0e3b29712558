"""Extract: a document's notice facts and export-control mentions, each with its span."""

from __future__ import annotations

from ..model import Document, Extraction
from .fields import extract_fields
from .mentions import find_mentions

__all__ = ["extract", "find_mentions"]


def extract(doc: Document) -> Extraction:
    """Everything the later stages need from one document."""
    ex = extract_fields(doc)
    ex.mentions = find_mentions(doc.match_text or doc.text)
    for mention in ex.mentions:
        mention.text = doc.text[mention.start: mention.end]
    return ex
