"""The one Jinja environment: the HTML report and the review UI render through it.

Autoescaping, the display filters and the globals are set here once, so a page of the UI and
the offline report show a name the same way: escaped, with each invisible format character as a
visible ``[U+202E]`` mark and Kangxi radicals as their ideographs.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from ..findings import intermediaries
from ..text.fold import display_fold

# Where the templates are: the report's own, then the UI's pages (one loader finds both).
PACKAGE = Path(__file__).resolve().parent.parent
TEMPLATE_DIRS: tuple[Path, ...] = (PACKAGE / "report" / "templates", PACKAGE / "web" / "templates")


@cache
def _invisible() -> re.Pattern[str]:
    """Unicode's format characters (category Cf): bidi overrides and isolates, zero-width marks,
    soft hyphen, BOM, tags -- invisible, yet able to reorder or disguise a name on screen."""
    chars = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"]
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]")


def _visible_mark(match: re.Match[str]) -> str:
    return f"[U+{ord(match.group()):04X}]"


def display_safe(value: Any) -> Any:
    """A value as shown to a person: each format character replaced by a visible ``[U+202E]``
    mark, Kangxi radicals and compatibility ideographs as their ideographs (markup stays markup;
    other values as given). Stored text keeps the original: this is for display only, the
    evidence is unchanged."""
    if not isinstance(value, str):
        return value
    shown = display_fold(_invisible().sub(_visible_mark, str(value)))
    return Markup(shown) if isinstance(value, Markup) else shown


def entity_url(name: str) -> str:
    """The review UI's page of a party: every notice and finding naming it."""
    return "/entity?" + urlencode({"name": name})


@cache
def environment() -> Environment:
    """The shared environment, built once per process."""
    env = Environment(
        loader=FileSystemLoader([str(d) for d in TEMPLATE_DIRS]),
        autoescape=True,  # every template here is HTML: tender text is always escaped
        finalize=display_safe,  # every value a template prints passes through the display marks
    )
    env.filters["display_safe"] = display_safe
    env.filters["display_fold"] = display_fold
    env.globals["intermediaries"] = intermediaries  # suppliers between the buyer and a US provider
    env.globals["entity_url"] = entity_url  # a party's page in the review UI
    return env
