"""Mentions that matter for export control, found by sourced patterns (knowledge/*.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..ingest.textnorm import fold_pattern
from ..knowledge import load_yaml
from ..model import Mention

# Characters that may not stand right before a chip name ("XA100", "id-A40", "#h200") or after it.
# The check before a match is done in Python, not as a regex lookbehind: a pattern that starts with
# a literal lets the regex engine search for it directly, which makes a scan about ten times faster.
_CHIP_BEFORE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.#=")
_WORD_BEFORE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
_EDGE_AFTER = r"(?![A-Za-z0-9_])"
_CONTEXT_CHARS = 24


@cache
def _counts() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, float], str]:
    conf = load_yaml("mentions.yaml")["counts"]
    return (re.compile(fold_pattern(conf["before_chip"])), re.compile(fold_pattern(conf["after_chip"])),
            re.compile(fold_pattern(conf["servers"])), {k: float(v) for k, v in conf["token_scale"].items()},
            fold_pattern(conf["per_server"]))


@dataclass(frozen=True, slots=True)
class _Pattern:
    kind: str
    regex: re.Pattern[str]
    normalized: str
    needs_context: bool = False
    not_after: frozenset[str] = frozenset()  # characters that may not precede a match
    number_before: re.Pattern[str] | None = None  # a quantity that must stand right before the match


@cache
def _patterns() -> tuple[_Pattern, ...]:
    out: list[_Pattern] = []
    for chip in load_yaml("accelerators.yaml"):
        kind = "domestic_chip" if chip.get("domestic") else "chip"
        for alias in sorted(chip["aliases"], key=len, reverse=True):
            body = r"\s*".join(re.escape(fold_pattern(part)) for part in alias.split())
            out.append(_Pattern(kind, re.compile(body + _EDGE_AFTER), chip["id"], bool(chip.get("ambiguous")),
                                _CHIP_BEFORE))
    for provider in load_yaml("providers.yaml"):
        for pat in provider["patterns"]:
            out.append(_Pattern("cloud_provider", _ascii_edged(pat), provider["id"], False, _WORD_BEFORE))
        for partner in provider.get("china_partners", []):
            out.append(_Pattern("cloud_provider", re.compile(re.escape(fold_pattern(partner))), provider["id"]))
    for model in load_yaml("models.yaml"):
        for pat in model["patterns"]:
            out.append(_Pattern("ai_model", _ascii_edged(pat), model["id"], False, _WORD_BEFORE))
    words = load_yaml("mentions.yaml")
    for kind in ("cloud_account", "gpu_rental", "api_tokens"):
        for row in words[kind]:
            before = re.compile(row["number_before"]) if row.get("number_before") else None
            out.append(_Pattern(kind, re.compile(fold_pattern(row["pattern"])), row["normalized"], number_before=before))
    return tuple(out)


def _ascii_edged(pattern: str) -> re.Pattern[str]:
    """A pattern that may not run on into neighbouring Latin letters or digits.

    The character before is checked by the caller. ``\\b`` would not do: Python counts CJK characters as word characters, so ``海外AWS`` has no
    word boundary before ``AWS``.
    """
    return re.compile(r"(?:" + fold_pattern(pattern) + r")(?![A-Za-z0-9_])")


@cache
def _vendor_context() -> re.Pattern[str]:
    return re.compile(fold_pattern(load_yaml("mentions.yaml")["vendor_context"]))


def find_mentions(text: str) -> list[Mention]:
    """Every mention in ``text`` (the matching text), longest first where they overlap."""
    found: list[Mention] = []
    context = _vendor_context()
    for pat in _patterns():
        for m in pat.regex.finditer(text):
            start, end = m.span()
            if end <= start or (pat.not_after and start > 0 and text[start - 1] in pat.not_after):
                continue
            if pat.needs_context:
                window = text[max(0, start - _CONTEXT_CHARS): end + _CONTEXT_CHARS]
                if not context.search(window):
                    continue
            normalized = pat.normalized
            count = servers_count = None
            if pat.kind in ("chip", "domestic_chip"):
                count = _chip_count(text, start, end)
                servers_count = _servers_holding(text, start) if count else None
            elif pat.kind == "gpu_rental":
                servers = _counts()[2].search(text[max(0, start - 12): end + 12])
                count = int(servers.group(1)) if servers else None
            elif pat.kind == "api_tokens" and pat.number_before is not None:
                quantity = pat.number_before.search(text[max(0, start - 24): start])
                if not quantity:
                    continue
                start -= len(quantity.group(0))
                number = float(quantity.group(1)) * _counts()[3].get(quantity.group(2) or "", 1)
                if number < 1000:  # "1 token" is a word, not a purchase
                    continue
                count = int(number)
                normalized = f"{count} tokens"
            found.append(Mention(pat.kind, text[start:end], normalized, start, end, count, servers_count))
    return _longest_first(found)


def _servers_holding(text: str, start: int, reach: int = 40) -> int | None:
    """How many servers, when the chip count before ``start`` is per server (每台)."""
    _, _, servers, _, per_server = _counts()
    window = text[max(0, start - reach): start]
    cut = window.rfind(per_server)
    if cut < 0:
        return None
    found = list(servers.finditer(window[:cut]))
    return int(found[-1].group(1)) if found else None


def _chip_count(text: str, start: int, end: int) -> int | None:
    count_before, count_after, _, _, _ = _counts()
    before = count_before.search(text[max(0, start - 16): start])
    if before:
        return int(before.group(1))
    after = count_after.search(text[end: end + 16])
    if after:
        return int(after.group(1) or after.group(2))
    return None


def _longest_first(mentions: list[Mention]) -> list[Mention]:
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for m in mentions:
        if kept and m.start < kept[-1].end and m.kind == kept[-1].kind:
            continue
        if any(k.start <= m.start and m.end <= k.end and k.kind == m.kind for k in kept[-4:]):
            continue
        kept.append(m)
    return kept
