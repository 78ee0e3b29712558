"""Screen: every party against the US lists, across scripts, with an explanation per hit."""

from __future__ import annotations

import warnings

from sqlalchemy.engine import Engine

from .. import store
from .lists import CSL_URL, ListFormatError, iter_sample_files, load_file
from .matcher import DEFAULT_THRESHOLD, Screener

__all__ = ["Screener", "load_screener", "load_file", "ListFormatError", "CSL_URL", "sample_screener",
           "DEFAULT_THRESHOLD"]


class SampleListWarning(UserWarning):
    """Only the small bundled sample list is loaded: most listed parties will not be found."""


def sample_screener(threshold: float = DEFAULT_THRESHOLD) -> Screener:
    entries = [e for path in iter_sample_files() for (_c, _s, _v, items) in load_file(path) for e in items]
    for e in entries:
        e.version = "tendertrace sample (transcribed from 15 CFR 744 Supp. 4)"
    return Screener(entries, threshold, sample=True)


def load_screener(engine: Engine, threshold: float = DEFAULT_THRESHOLD) -> Screener:
    """A screener over the lists in the store; the bundled sample (with a warning) when there are none."""
    entries = store.load_entries(engine)
    if not entries:
        warnings.warn(
            "no screening list loaded: using the small bundled sample of the Entity List. "
            "Run 'tendertrace lists update' (or 'lists load FILE') for the full lists.",
            SampleListWarning, stacklevel=2,
        )
        return sample_screener(threshold)
    return Screener(entries, threshold)
