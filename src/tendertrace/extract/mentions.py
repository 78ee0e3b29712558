"""Mentions that matter for export control, found by sourced patterns (knowledge/*.yaml).

A token that also has another sense counts only in its own context (knowledge/senses.yaml): a bare
chip code ("A100") needs a compute word near it and no appliance or radio word, and never takes a
unit after it ("H100 mm"); "Claude" followed by a surname is a person, "GPT" beside a reagent word
is the ALT assay, "AWS" beside a welding word is the American Welding Society. Chips named only by
their maker or origin ("英伟达高端数据中心GPU", "美国产高端AI芯片") are ``generic_chip`` mentions;
per-chip rates ("单卡FP16算力≥989 TFLOPS") are ``chip_spec`` mentions whose ``normalized`` is the
TPP they imply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..knowledge import files as knowledge
from ..knowledge.schema import chip_rows, model_rows, provider_rows
from ..model import Mention
from ..text.fold import fold_pattern
from ..text.fold import line_end as end_of_line
from ..text.fold import line_start as start_of_line
from .literals import longest_word_pattern, required_words

# Characters that may not stand right before a chip name ("XA100", "id-A40", "#h200") or after it.
# The check before a match is done in Python, not as a regex lookbehind: a pattern that starts with
# a literal lets the regex engine search for it directly, which makes a scan about ten times faster.
_CHIP_BEFORE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.#=")
_WORD_BEFORE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
_EDGE_AFTER = r"(?![A-Za-z0-9_])"
_CONTEXT_CHARS = 24


@cache
def _counts() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, float], str]:
    conf = knowledge.mentions().counts
    return (re.compile(fold_pattern(conf.before_chip)), re.compile(fold_pattern(conf.after_chip)),
            re.compile(fold_pattern(conf.servers)), dict(conf.token_scale), fold_pattern(conf.per_server))


@dataclass(frozen=True, slots=True)
class _Pattern:
    kind: str
    regex: re.Pattern[str]
    normalized: str
    needs_context: bool = False
    not_after: frozenset[str] = frozenset()  # characters that may not precede a match
    number_before: re.Pattern[str] | None = None  # a quantity that must stand right before the match
    code: bool = False  # a bare model code ("A100", "H800") that other products also use
    requires: tuple[str, ...] = ()  # words one of which the text must hold for the pattern to run
    # Groups of words read off the regex itself, every match holding one word of each: a text
    # missing a group is not scanned (see extract.literals).
    gate: tuple[tuple[str, ...], ...] = ()

    def __post_init__(self) -> None:
        gate = required_words(self.regex)
        object.__setattr__(self, "gate", (self.requires, *gate) if self.requires else gate)


# A chip alias that is only letters and digits, such as "A100", "H800", "L40S", "MI300X": appliance,
# radio and part numbers use the same shapes.
_CODE = re.compile(r"^[A-Z]{1,3}\d{2,4}[A-Z]{0,2}$")


@dataclass(frozen=True, slots=True)
class _SenseGroup:
    applies: str | tuple[str, str]  # "chip_code", or ("model" | "provider", id), or ("token", word)
    context: re.Pattern[str] | None
    senses: tuple[tuple[str, re.Pattern[str]], ...]


# A line holding a token and fewer other characters than this is a cell or a value under a label:
# the token's context is read on the line before too.
_SHORT_LINE_CHARS = 8


@dataclass(frozen=True, slots=True)
class _Senses:
    window: int
    unit_after: re.Pattern[str]
    dimension_after: re.Pattern[str]
    groups: tuple[_SenseGroup, ...]


@cache
def _senses() -> _Senses:
    conf = knowledge.senses()
    contexts = {name: re.compile(fold_pattern(p)) for name, p in conf.contexts.items()}
    contexts["compute"] = re.compile(fold_pattern(knowledge.evidence().compute_context))
    groups = []
    for g in conf.groups:
        applies = g.applies if isinstance(g.applies, str) else next(iter(g.applies.items()))
        groups.append(_SenseGroup(applies, contexts[g.context] if g.context else None,
                                  tuple((s.sense, re.compile(fold_pattern(s.pattern))) for s in g.senses)))
    return _Senses(conf.window, _at_position(conf.unit_after), _at_position(conf.dimension_after), tuple(groups))


def _at_position(pattern: str) -> re.Pattern[str]:
    """A pattern written with a leading ``^`` ("right after the token"), for ``match(text, pos)``:
    ``match`` anchors at ``pos`` itself, and a ``^`` would match only at the start of the text."""
    return re.compile(fold_pattern(pattern).removeprefix("^"))


def _groups_for(pat: _Pattern, token: str) -> list[_SenseGroup]:
    out = []
    for g in _senses().groups:
        if g.applies == "chip_code" and pat.code:
            out.append(g)
        elif isinstance(g.applies, tuple):
            key, ident = g.applies
            kind = {"model": "ai_model", "provider": "cloud_provider"}.get(key)
            # a token group applies to the bare word only: "Azure", not "Azure OpenAI" or "微软 Azure";
            # a generic phrase applies when it starts with the word ("AMD高端GPU")
            bare = token == ident or (pat.kind == "generic_chip" and token.startswith(ident))
            if (key == "token" and bare) or (pat.kind == kind and pat.normalized == ident):
                out.append(g)
    return out


def other_sense(text: str, start: int, end: int, groups: list[_SenseGroup]) -> str | None:
    """Why the token at ``text[start:end]`` is not what its pattern names, or None when it is.

    The window is the token's own line, ``window`` characters either side: a token counts only with
    its group's context there, and never beside a word of one of its other senses.
    """
    senses = _senses()
    line_start, line_end = start_of_line(text, start), end_of_line(text, end)
    if (end - start) + _SHORT_LINE_CHARS >= line_end - line_start and line_start > 0:
        # a token almost alone on its line ("GPU型号：" above, "A100" below) reads the line before
        line_start = start_of_line(text, line_start - 1)
    lo, hi = max(line_start, start - senses.window), min(line_end, end + senses.window)
    before, after = text[lo:start], text[end:hi]
    window = before + " " + after
    for g in groups:
        for sense, pattern in g.senses:
            # the pattern sees the token too, so "Claude Fontaine" and "《ChatGPT入门》" are read whole;
            # a pattern anchored with $ is read against the text before the token
            if pattern.search(before) or pattern.search(text[lo:hi]):
                return sense
        if g.context is not None and not g.context.search(window):
            return "no compute context near an ambiguous token"
    return None


@cache
def _patterns() -> tuple[_Pattern, ...]:
    out: list[_Pattern] = []
    for chip in chip_rows():
        kind = "domestic_chip" if chip.domestic else "chip"
        for alias in sorted(chip.aliases, key=len, reverse=True):
            body = r"\s*".join(re.escape(fold_pattern(part)) for part in alias.split())
            out.append(_Pattern(kind, re.compile(body + _EDGE_AFTER), chip.id, chip.ambiguous,
                                _CHIP_BEFORE, code=bool(_CODE.match(alias))))
    for provider in provider_rows():
        for pat in provider.patterns:
            out.append(_Pattern("cloud_provider", _ascii_edged(pat), provider.id, False, _WORD_BEFORE))
        for partner in provider.china_partners:
            out.append(_Pattern("cloud_provider", re.compile(re.escape(fold_pattern(partner))), provider.id))
    for model in model_rows():
        for pat in model.patterns:
            out.append(_Pattern("ai_model", _ascii_edged(pat), model.id, False, _WORD_BEFORE))
    words = knowledge.mentions()
    for kind, phrases in (("cloud_account", words.cloud_account), ("gpu_rental", words.gpu_rental),
                          ("api_tokens", words.api_tokens)):
        for row in phrases:
            before = re.compile(row.number_before) if row.number_before else None
            out.append(_Pattern(kind, re.compile(fold_pattern(row.pattern)), row.normalized, number_before=before,
                                requires=tuple(fold_pattern(w) for w in row.requires)))
    generic = knowledge.evidence().generic_us_chip
    triggers = tuple(fold_pattern(w) for chip_row in generic for w in chip_row.requires)
    for chip_row in generic:
        if chip_row.pattern is not None:
            out.append(_Pattern("generic_chip", re.compile(fold_pattern(chip_row.pattern)), chip_row.signal,
                                not_after=_WORD_BEFORE, requires=triggers))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class _Spec:
    rate: re.Pattern[str]  # format, then figure and unit
    rate_after: re.Pattern[str]  # figure and unit, then format
    sparse: re.Pattern[str]
    aggregate: re.Pattern[str]
    per_chip: re.Pattern[str]
    tpp: re.Pattern[str]
    bits: dict[str, int]
    scale: dict[str, float]


@cache
def _spec() -> _Spec:
    conf = knowledge.evidence().spec
    return _Spec(re.compile(fold_pattern(conf.pattern)), re.compile(fold_pattern(conf.pattern_after)),
                 re.compile(fold_pattern(conf.sparse)), re.compile(fold_pattern(conf.aggregate)),
                 re.compile(fold_pattern(conf.per_chip)), re.compile(fold_pattern(conf.tpp)),
                 {fold_pattern(k).upper(): v for k, v in conf.bits.items()}, dict(conf.scale))


# How far before a rate a "单卡" or "整机" word still qualifies it, and how far after it a
# "（稀疏）" or "with sparsity" still belongs to it: the same clause of a spec line.
_SPEC_QUALIFIER_CHARS = 16
# Every rate ends in FLOPS or OPS and every TPP figure names TPP or 总处理性能: a text holding
# none of these is not searched (speed).
_SPEC_WORDS = ("OPS", "ops", "Ops", "TPP", "总处理性能")
# A rate stated with sparsity is twice the dense rate (2:4 structured sparsity).
_SPARSITY_FACTOR = 2.0


def find_specs(text: str) -> list[Mention]:
    """Per-chip rates, each as a ``chip_spec`` mention whose ``normalized`` is the TPP it implies
    (dense rate x bit length, 15 CFR 772), e.g. "单卡FP16算力≥989 TFLOPS" -> "tpp:15824". A figure
    for a whole server or cluster ("整机FP16算力") is not a chip's and is skipped; a figure "with
    sparsity" is halved."""
    spec = _spec()
    out: list[Mention] = []
    if not any(word in text for word in _SPEC_WORDS):
        return out
    found = [(m, m.group(1), m.group(2), m.group(3)) for m in spec.rate.finditer(text)]
    found += [(m, m.group(3), m.group(1), m.group(2)) for m in spec.rate_after.finditer(text)]
    taken: list[tuple[int, int]] = []
    for m, fmt, number, scale in sorted(found, key=lambda f: f[0].start()):
        if any(lo < m.end() and m.start() < hi for lo, hi in taken):
            continue
        before = text[max(start_of_line(text, m.start()), m.start() - _SPEC_QUALIFIER_CHARS): m.start()]
        if spec.aggregate.search(before) and not spec.per_chip.search(before):
            continue
        rate = float(number.replace(",", "")) * spec.scale[scale]
        if spec.sparse.search(text, m.end(), min(len(text), m.end() + _SPEC_QUALIFIER_CHARS)) \
                or spec.sparse.search(m.group(0)):
            rate /= _SPARSITY_FACTOR
        taken.append(m.span())
        out.append(Mention("chip_spec", m.group(0), f"tpp:{rate * spec.bits[fmt.upper()]:.0f}", m.start(), m.end()))
    for m in spec.tpp.finditer(text):
        out.append(Mention("chip_spec", m.group(0), f"tpp:{float(m.group(1).replace(',', '')):.0f}", m.start(), m.end()))
    return out


def _ascii_edged(pattern: str) -> re.Pattern[str]:
    """A pattern that may not run on into neighbouring Latin letters or digits.

    Only a match ending in a Latin letter or digit is edged: "谷歌云TPU" is Google Cloud. The
    character before is checked by the caller. ``\\b`` would not do: Python counts CJK characters as word characters, so ``海外AWS`` has no
    word boundary before ``AWS``.
    """
    return re.compile(r"(?:" + fold_pattern(pattern) + r")(?:(?<![A-Za-z0-9_])|(?![A-Za-z0-9_]))")


@cache
def _vendor_context() -> re.Pattern[str]:
    return re.compile(fold_pattern(knowledge.mentions().vendor_context))


@dataclass(frozen=True, slots=True)
class _Gates:
    """Every gate word, and which patterns' gates each word opens: a text opens a pattern's gate
    when it holds a word of every one of the gate's groups."""

    finder: re.Pattern[str]  # the gate words as one trie: at a position, the longest word there
    # word -> (pattern index, group index) of that word and of every gate word it starts with
    # ("A100" holds "A10" at its start): the words found where the finder found this one
    opens: dict[str, tuple[tuple[int, int], ...]]
    always: tuple[tuple[int, int], ...]  # what an empty gate word opens: every text holds it
    sizes: tuple[int, ...]  # per pattern, the number of groups of its gate (0: no gate)
    ungated: tuple[int, ...]  # the patterns with no gate, searched in every text


@cache
def _gates() -> _Gates:
    patterns = _patterns()
    opens: dict[str, set[tuple[int, int]]] = {}
    for i, pat in enumerate(patterns):
        for j, group in enumerate(pat.gate):
            for word in set(group):
                opens.setdefault(word, set()).add((i, j))
    words = sorted(w for w in opens if w)
    # A word found at a position holds there every shorter gate word it starts with.
    held = {w: tuple(sorted({ij for v in words if w.startswith(v) for ij in opens[v]})) for w in words}
    finder = re.compile(longest_word_pattern(words))
    return _Gates(finder, held, tuple(sorted(opens.get("", ()))),
                  tuple(len(pat.gate) for pat in patterns), tuple(i for i, pat in enumerate(patterns) if not pat.gate))


def _open_patterns(text: str) -> list[_Pattern]:
    """The patterns whose gate ``text`` opens, in their order. The gate words are found in one
    pass, a search from every position where the last one started, so that a word inside another
    ("AI" in "OpenAI") or overlapping it is found too."""
    gates = _gates()
    satisfied: dict[int, set[int]] = {}
    for i, j in gates.always:
        satisfied.setdefault(i, set()).add(j)
    seen: set[str] = set()
    search = gates.finder.search
    m = search(text)
    while m is not None:
        word = m.group()
        if word not in seen:
            seen.add(word)
            for i, j in gates.opens[word]:
                satisfied.setdefault(i, set()).add(j)
        m = search(text, m.start() + 1)
    patterns = _patterns()
    opened = [i for i, groups in satisfied.items() if len(groups) == gates.sizes[i]]
    return [patterns[i] for i in sorted([*opened, *gates.ungated])]


# A model number as a scan's text recognition reads it: the letter O for the digit 0 after a digit
# (A8OO, H1OO, V1OO). Read with the digit, in place: the text keeps its length and every span.
_OCR_MODEL_NUMBER = re.compile(r"(?<![A-Za-z0-9])[A-Z]{1,3}\d[0-9O]*O[0-9O]*(?![A-Za-z0-9])")


def _read_ocr_digits(text: str) -> str:
    if "O" not in text:
        return text
    return _OCR_MODEL_NUMBER.sub(lambda m: m.group(0).replace("O", "0"), text)


def find_mentions(text: str) -> list[Mention]:
    """Every mention in ``text`` (the matching text), longest first where they overlap."""
    text = _read_ocr_digits(text)
    found: list[Mention] = []
    context = _vendor_context()
    for pat in _open_patterns(text):
        for m in pat.regex.finditer(text):
            start, end = m.span()
            # the character before matters only where a Latin name begins ("XAWS", not "租用谷歌云")
            if end <= start or (pat.not_after and start > 0 and text[start - 1] in pat.not_after
                                and text[start] in _WORD_BEFORE):
                continue
            if pat.needs_context:
                window = text[max(0, start - _CONTEXT_CHARS): end + _CONTEXT_CHARS]
                if not context.search(window):
                    continue
            if pat.kind in ("chip", "domestic_chip") and (_senses().unit_after.match(text, end)
                                                          or _senses().dimension_after.match(text, end)):
                continue
            groups = _groups_for(pat, text[start:end])
            if groups and other_sense(text, start, end, groups):
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
            found.append(Mention(pat.kind, text[start:end], normalized, start, end, count, servers_count))  # type: ignore[arg-type]
    found.extend(find_specs(text))
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
