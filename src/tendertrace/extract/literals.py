"""The words a regular expression cannot match without: a cheap gate before a pattern is run.

``required_words(pattern)`` reads the pattern's syntax tree and returns groups of literal strings:
every match of the pattern contains at least one string of each group. A text that holds no string
of some group cannot match, and a ``str.__contains__`` per word is far cheaper than a regex scan that
has no literal to search for (a pattern opening with an optional group tries every position).

The reading is conservative: what it cannot prove (a case-blind pattern, a class of characters, a
repetition that may be empty, a back-reference) gives no group, never a wrong one.
"""

from __future__ import annotations

import re
import re._constants as sre  # type: ignore[import-not-found]  # the parser behind re.compile
import re._parser as sre_parse  # type: ignore[import-not-found]
from collections.abc import Iterable
from typing import Any

# Sets of exact strings are multiplied out along a sequence only up to this many strings: more
# would cost more to test than the scan they save.
MAX_STRINGS = 64
# A group of words is kept only when its shortest word is at least this long: a single character
# ("云", "T") is in almost every text and gates nothing.
MIN_WORD = 2
# At most this many groups are kept per pattern, the most selective first.
MAX_GROUPS = 3

_Strings = frozenset[str]


def _best(groups: list[_Strings]) -> list[_Strings]:
    """The groups worth testing, most selective first (longest shortest word, then fewest words)."""
    useful = {_minimal(g) for g in groups if g and "" not in g}
    useful = {g for g in useful if min(map(len, g)) >= MIN_WORD}
    return sorted(useful, key=lambda g: (-min(map(len, g)), len(g), sorted(g)))[:MAX_GROUPS]


def _minimal(group: _Strings) -> _Strings:
    """A group without the words that hold another of its words: the shorter one decides alone."""
    return frozenset(w for w in group if not any(o != w and o in w for o in group))


def _node(op: Any, av: Any, ignorecase: bool) -> tuple[_Strings | None, list[_Strings]]:
    """(the exact strings this node matches, when few; groups every match of it must hold one of)."""
    if op is sre.LITERAL:
        return (None, []) if ignorecase else (frozenset((chr(av),)), [])
    if op is sre.IN:
        chars: set[str] = set()
        for item_op, item in av:
            if item_op is sre.LITERAL:
                chars.add(chr(item))
            elif item_op is sre.RANGE and item[1] - item[0] < MAX_STRINGS:
                chars.update(chr(c) for c in range(item[0], item[1] + 1))
            else:  # NEGATE, CATEGORY, wide ranges
                return None, []
        return (None, []) if ignorecase or not chars else (frozenset(chars), [])
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return frozenset(("",)), []  # zero-width: a run of exact strings goes on through it
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return _sequence(sub, ignorecase or bool(add_flags & sre.SRE_FLAG_IGNORECASE))
    if op is sre.ATOMIC_GROUP:
        return _sequence(av, ignorecase)
    if op is sre.BRANCH:
        results = [_sequence(alt, ignorecase) for alt in av[1]]
        exacts = [e for e, _ in results]
        union = frozenset[str]().union(*exacts) if all(e is not None for e in exacts) else None  # type: ignore[arg-type]
        each = [_best([*groups, *([e] if e is not None else [])]) for e, groups in results]
        if all(each):
            return union, [frozenset[str]().union(*(b[0] for b in each))]
        return union, []
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        exact, groups = _sequence(sub, ignorecase)
        if lo == 0:
            return (exact | {""} if exact is not None and hi == 1 else None), []
        inner = [*groups, *([exact] if exact is not None else [])]
        return (exact if lo == hi == 1 else None), inner
    return None, []  # ANY, NOT_LITERAL, CATEGORY, GROUPREF, conditionals


def _sequence(items: Any, ignorecase: bool) -> tuple[_Strings | None, list[_Strings]]:
    """A sequence of nodes: runs of exact strings multiplied out, and every node's own groups."""
    groups: list[_Strings] = []
    run: _Strings | None = frozenset(("",))
    broken = False
    for op, av in items:
        exact, inner = _node(op, av, ignorecase)
        groups.extend(inner)
        if exact is not None and run is not None and len(run) * len(exact) <= MAX_STRINGS:
            run = frozenset(a + b for a in run for b in exact)
            continue
        if run is not None:
            groups.append(run)
        broken = True
        run = exact
    if run is not None:
        groups.append(run)
    return (None if broken else run), groups


def required_words(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], ...]:
    """Groups of literal strings, every match of ``pattern`` holding at least one of each group."""
    if pattern.flags & re.IGNORECASE:
        return ()
    tree = sre_parse.parse(pattern.pattern, pattern.flags)
    _exact, groups = _sequence(tree, False)
    return tuple(tuple(sorted(g)) for g in _best(groups))


def could_match(text: str, groups: tuple[tuple[str, ...], ...]) -> bool:
    """Whether ``text`` holds a word of every group (always, with no group)."""
    return all(any(word in text for word in group) for group in groups)


_Trie = dict[str, "_Trie"]  # a character -> the words' rest after it ("" -> {}: a word ends here)


def longest_word_pattern(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words`` and, where several start at one position,
    the longest, as an alternation of them longest first does: a trie, one branch per first
    character, then per next one, so that a position is compared with a few characters rather
    than with every word. With no word (the empty one is left out) it matches nowhere."""
    trie: _Trie = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: _Trie) -> str:
        alternatives = [re.escape(ch) + branch(child) for ch, child in sorted(node.items()) if ch]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body  # a word ends here: the longer ones are tried first

    return branch(trie) or "(?!)"  # (?!) matches nowhere
