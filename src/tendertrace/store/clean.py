"""The one place where values are made storable: every string written to the store, in any column
of any table and inside JSON columns, passes :func:`clean_value` (installed on every engine by
:func:`tendertrace.store.connect`).

PostgreSQL refuses NUL in text (and JSON) and any string that is not valid UTF-8; Python strings
can carry both (a NUL in an uploaded title, a lone surrogate from a mis-decoded file). NUL is
removed, as ingest already does for document text; a lone surrogate becomes U+FFFD.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# NUL and the UTF-16 surrogate range: the code points PostgreSQL text cannot hold.
_REFUSED = re.compile("[\x00\ud800-\udfff]")
_REPLACEMENT = "\ufffd"


def _replace(match: re.Match[str]) -> str:
    return "" if match.group() == "\x00" else _REPLACEMENT


def clean_text(text: str) -> str:
    """``text`` without NUL, its lone surrogates replaced; the same object when nothing changes."""
    if _REFUSED.search(text) is None:
        return text
    return _REFUSED.sub(_replace, text)


def clean_value(value: Any) -> Any:
    """A value (string, mapping, list or tuple, nested) with every string cleaned; other values as given."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, Mapping):
        return {clean_value(k): clean_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_value(v) for v in value]
    if isinstance(value, tuple):
        return tuple(clean_value(v) for v in value)
    return value


def refused(text: str) -> bool:
    """Whether ``text`` holds a character the store would refuse (a request parameter is then rejected)."""
    return _REFUSED.search(text) is not None
