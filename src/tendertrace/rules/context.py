"""Context that cancels or lowers a mention: negation, prohibition, replacement, existing equipment,
and cancelled procurements (knowledge/context.yaml).

A cue opens a scope that runs forward to the end of its clause: a full stop, a semicolon, the end of
the line, or a comma outside brackets. "不得采用境外云服务（包括但不限于AWS、Microsoft Azure）" puts
both providers in a ``negated`` scope; "国产化替代，弃用英伟达A100" puts the A100 in a ``replaced``
scope; a 终止公告 cancels the whole document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from ..ingest.textnorm import fold_pattern
from ..knowledge import load_yaml

Effect = Literal["negated", "replaced", "existing", "compatible"]

_OPEN = "([（【[《"
_CLOSE = ")]）】]》"


@dataclass(frozen=True, slots=True)
class Scope:
    """Characters ``start``..``end`` of the text stand under ``cue`` with ``effect``."""

    start: int
    end: int
    effect: Effect
    cue: str


@dataclass(frozen=True, slots=True)
class _Conf:
    cues: tuple[tuple[Effect, re.Pattern[str]], ...]
    end: re.Pattern[str]
    comma: re.Pattern[str]
    cancellation: re.Pattern[str]
    existing_end: re.Pattern[str]
    topic: re.Pattern[str]


@cache
def _conf() -> _Conf:
    conf = load_yaml("context.yaml")
    cues = tuple((row["effect"], re.compile(fold_pattern(row["pattern"]))) for row in conf["scopes"])
    return _Conf(cues, re.compile(fold_pattern(conf["scope_end"])), re.compile(conf["scope_comma"]),
                 re.compile(fold_pattern(conf["cancellation"])), re.compile(fold_pattern(conf["existing_end"])),
                 re.compile(fold_pattern(conf["topic_procurement"])))


def _clause_end(text: str, start: int) -> int:
    """Where a scope opened at ``start`` ends: the clause end, a comma outside brackets, or the line end."""
    conf = _conf()
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    hard = conf.end.search(text, start, line_end)
    stop = hard.start() if hard else line_end
    depth = 0
    for i in range(start, stop):
        ch = text[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and conf.comma.match(ch):
            return i
    return stop


def find_scopes(text: str, lo: int = 0, hi: int | None = None) -> list[Scope]:
    """Every negation, replacement and existing-equipment scope opened in ``text[lo:hi]``, in text
    order (a scope may run on past ``hi`` to the end of its clause)."""
    hi = len(text) if hi is None else hi
    out: list[Scope] = []
    for effect, pattern in _conf().cues:
        for m in pattern.finditer(text, lo, hi):
            end = _clause_end(text, m.end())
            if effect == "existing":
                turn = _conf().existing_end.search(text, m.end(), end)
                end = turn.start() if turn else end
            out.append(Scope(m.end(), end, effect, m.group(0)))
    out.sort(key=lambda s: (s.start, s.end))
    return out


def scope_at(scopes: list[Scope], start: int, end: int) -> Scope | None:
    """The scope covering the mention at ``start``..``end``, the nearest cue first."""
    covering = [s for s in scopes if s.start <= start and end <= s.end]
    return max(covering, key=lambda s: s.start) if covering else None


# How far back from a mention a cue can open its scope: a clause is shorter than a line, and a
# long line (a page flattened into one) is read only this far back.
SCOPE_REACH = 200


def scope_of(text: str, start: int, end: int) -> Scope | None:
    """The scope covering the mention at ``start``..``end``: only the cues of its own line, up to
    :data:`SCOPE_REACH` characters before it, are read."""
    lo = max(text.rfind("\n", 0, start) + 1, start - SCOPE_REACH)
    return scope_at(find_scopes(text, lo, start), start, end)


# How far into a notice its title stands (the heading lines before the body).
TITLE_REACH = 200


def topic_procurement(project_name: str | None, text: str) -> str | None:
    """The words saying that the procurement's object is a course, training or publications (a
    培训服务 or 图书采购 project), found in its project name or its heading; None otherwise."""
    for where in (project_name or "", text[:TITLE_REACH]):
        m = _conf().topic.search(where)
        if m:
            return m.group(0)
    return None


def cancellation(text: str, notice_type: str | None) -> str | None:
    """The words that cancel the whole procurement (a 终止 or 废标 notice), or None."""
    m = _conf().cancellation.search(text)
    if m:
        return m.group(0)
    return "cancellation notice" if notice_type == "cancellation" else None
