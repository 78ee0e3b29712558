"""Screen: every party against the US lists, across scripts, with an explanation per hit."""

from __future__ import annotations

import warnings

from sqlalchemy.engine import Engine

from .. import store
from .lists import CSL_URL, ListFormatError, iter_sample_files, load_file
from .matcher import DEFAULT_THRESHOLD, Screener

__all__ = ["Screener", "load_screener", "load_file", "ListFormatError", "CSL_URL", "sample_screener",
           "DEFAULT_THRESHOLD"]


SAMPLE_SIZE = 20  # entries in knowledge/sample_entity_list.csv, named in the warning


class SampleListWarning(UserWarning):
    """Only the small bundled sample list is loaded: most listed parties will not be found."""


def sample_screener(threshold: float = DEFAULT_THRESHOLD) -> Screener:
    entries = [e for path in iter_sample_files() for (_c, _s, _v, items) in load_file(path) for e in items]
    for e in entries:
        e.version = "tendertrace sample (transcribed from 15 CFR 744 Supp. 4)"
    return Screener(entries, threshold, sample=True)


def load_screener(engine: Engine, threshold: float = DEFAULT_THRESHOLD, fallback: Engine | None = None,
                  checked: str = "the store", lists: frozenset[str] | None = None) -> Screener:
    """A screener over the lists in the store, else over those in ``fallback`` (the per-user list
    store the CLI keeps), only those in ``lists`` when given; the bundled sample, with a warning
    naming what was checked, when neither holds a list. Ownership data in the store is bound to it,
    so a party the listed parties own 50 % or more screens as ``owned``."""
    from ..ownership import load_index

    entries = store.load_entries(engine)
    if not entries and fallback is not None:
        entries = store.load_entries(fallback)
    if not entries:
        warnings.warn(
            f"no screening list in {checked};\nscreening uses only the {SAMPLE_SIZE}-entry sample of the Entity List.\n"
            "Run 'tendertrace lists update' (or 'lists load FILE') for the full lists.",
            SampleListWarning, stacklevel=2,
        )
        screener = sample_screener(threshold)
        if lists is not None and "EL" not in lists:
            screener = Screener([], threshold, sample=True)
    else:
        screener = Screener([e for e in entries if lists is None or e.list in lists], threshold)
    index = load_index(engine)
    if index is not None:
        index.bind(screener)
        screener.ownership = index
    return screener
