"""The evidence of a compute finding, read from the words around a mention (knowledge/evidence.yaml).

A compute finding needs three things in one item, sentence or table row:

- a **compute object**: an accelerator, a GPU server, a cloud instance, a compute service or
  rental, model access or tokens, a cloud account;
- a **US signal**: a named US chip, a US vendor or brand, a US cloud or model provider, a generic
  "US-made / imported high-end GPU", or a per-chip rate at or above a controlled chip's figures;
- a **route**, read from the verb and the object: buy, rent, subscribe, recharge, renew, access
  overseas.

A line of the matching text is one item or table row (tables are read one row per line); the
paragraph around a mention is the text within :data:`PARAGRAPH_REACH` characters of it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from ..knowledge import files as knowledge
from ..model import Mention, Route
from ..text.fold import fold_pattern, line_end, line_start
from .context import NOT_STATED, scope_of

# How far from a mention the same item or paragraph still reaches: a table row with its cells, or a
# numbered requirement with its sub-clauses, fits in 160 characters of Chinese text.
PARAGRAPH_REACH = 160
# The opening of a notice that holds its title: a title names the procurement's verb ("采购",
# "租赁", "中标") when the item lines do not.
TITLE_CHARS = 240


@dataclass(frozen=True, slots=True)
class _Vocab:
    objects: dict[str, re.Pattern[str]]
    routes: dict[str, re.Pattern[str]]
    china_operated: re.Pattern[str]
    benchmark_before: re.Pattern[str]
    benchmark_after: re.Pattern[str]
    domestic: re.Pattern[str]
    named_model: re.Pattern[str]
    cpu_only: re.Pattern[str]
    record_route: re.Pattern[str]
    model_benchmark: re.Pattern[str]


@cache
def vocab() -> _Vocab:
    conf = knowledge.evidence()
    return _Vocab(
        # case apart: an English heading in capitals ("PURCHASE ORDER", "GPU SERVER") says what its words say
        {k: re.compile(fold_pattern(v), re.I) for k, v in conf.compute_objects.items()},
        {k: re.compile(fold_pattern(v), re.I) for k, v in conf.routes.items()},
        re.compile(fold_pattern(conf.china_operated)),
        re.compile(fold_pattern(conf.benchmark_before)),
        re.compile(fold_pattern(conf.benchmark_after)),
        re.compile(fold_pattern(conf.domestic_marker)),
        re.compile(fold_pattern(conf.named_model)),
        re.compile(fold_pattern(conf.cpu_only)),
        re.compile(fold_pattern(conf.record_route)),
        re.compile(fold_pattern(conf.model_benchmark)),
    )


def line_span(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The line (item, table row) holding ``text[start:end]``, at most :data:`LINE_REACH`
    characters either side of it: a page flattened into one line has no item lines."""
    return line_start(text, start), line_end(text, start if end is None else end)


def mentions_between(mentions: list[Mention], lo: int, hi: int) -> list[Mention]:
    """The mentions starting in ``[lo, hi)``; ``mentions`` is sorted by start, as
    :func:`~tendertrace.extract.mentions.find_mentions` returns them, so this is a bisection and a
    slice, not a scan of every mention (a page naming a chip 20,000 times stays linear)."""
    first = bisect_left(mentions, lo, key=_start)
    last = bisect_left(mentions, hi, lo=first, key=_start)
    return mentions[first:last]


def _start(m: Mention) -> int:
    return m.start


# A section heading of Chinese prose (一、时间线, 三、对国内用户意味着什么, 第二章 采购需求): a paragraph
# never reaches into the next section, nor back past its own section's heading.
_SECTION_HEADING = re.compile(r"(?m)^[ \t]*(?:[一二三四五六七八九十]{1,3}[、.．]|第[一二三四五六七八九十\d]{1,3}[章节部分])")


def paragraph_span(text: str, start: int, end: int, reach: int = PARAGRAPH_REACH) -> tuple[int, int]:
    """The text within ``reach`` characters of a mention, inside its section."""
    lo, hi = max(0, start - reach), min(len(text), end + reach)
    for m in _SECTION_HEADING.finditer(text, lo, hi):
        if m.start() <= line_start(text, start):
            lo = m.start()
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi


def objects_in(text: str, lo: int, hi: int, serving: list[tuple[int, int]] | None = None) -> set[str]:
    """The compute-object classes named in ``text[lo:hi]``: hardware, cloud, general, account, model,
    purpose; a cloud word inside a service the buyer offers to others (``serving``) names none."""
    serving = _serving(text, lo, hi) if serving is None else serving
    return {name for name, pattern in vocab().objects.items()
            if (any(not _inside(m.start(), m.end(), serving) for m in pattern.finditer(text, lo, hi))
                if name == "cloud" and serving else pattern.search(text, lo, hi))}


def _serving(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans of the compute services the buyer offers to others (routes.serve)."""
    serve = vocab().routes.get("serve")
    return [(m.start(), m.end()) for m in serve.finditer(text, lo, hi)] if serve is not None else []


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def routes_in(text: str, lo: int, hi: int, serving: list[tuple[int, int]] | None = None) -> set[str]:
    """The route words of ``text[lo:hi]``: buy, rent, subscribe, recharge, renew, overseas -- those
    that stand in no negation or replacement ("不涉及境外云服务" states no overseas route), and no
    rental words of a service the buyer offers to others (``serving``: 提供…算力服务)."""
    serving = _serving(text, lo, hi) if serving is None else serving
    out = set()
    for name, pattern in vocab().routes.items():
        if any(_stated(text, m.start(), m.end()) for m in pattern.finditer(text, lo, hi)
               if not (name == "rent" and _inside(m.start(), m.end(), serving))):
            out.add(name)
    return out


def record_routes(text: str) -> set[str]:
    """The route words of a record's acquisition field (取得方式：购置), wherever the record states it."""
    m = vocab().record_route.search(text)
    return routes_in(text, m.start(), m.end()) if m else set()


def _stated(text: str, start: int, end: int) -> bool:
    scope = scope_of(text, start, end)
    return scope is None or scope.effect not in NOT_STATED


def route_for(objects: set[str], verbs: set[str], kinds: set[str], provider_us: bool) -> Route | None:
    """The route of an item from its objects, its verbs and the mentions beside it.

    An account or subscription on a US provider (or an explicit cloud account) is a cloud account;
    renting, a compute service, a cloud instance or overseas compute is a rental; otherwise buying is
    a hardware purchase. With no verb at all there is no route.
    """
    account = "cloud_account" in kinds or ("account" in objects and provider_us)
    if account:
        return "cloud_account"
    if "finance_lease" in verbs and not ("gpu_rental" in kinds or "cloud" in objects or "overseas" in verbs):
        return "hardware_purchase"  # the lessor buys the hardware for the lessee, who takes it delivered
    rents = "rent" in verbs or "serve" in verbs and "buy" not in verbs
    if "gpu_rental" in kinds or rents or "cloud" in objects or "overseas" in verbs:
        return "cloud_rental"
    if provider_us and objects & {"hardware", "general", "purpose"}:
        return "cloud_rental"
    if "buy" in verbs:
        return "hardware_purchase"
    return None


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a stretch of text says about an item: its compute objects, route words and the kinds
    of the mentions in it."""

    objects: frozenset[str]
    verbs: frozenset[str]
    kinds: frozenset[str]

    @property
    def has_route(self) -> bool:
        return bool(self.verbs or self.kinds & {"gpu_rental", "cloud_account"} or "cloud" in self.objects)


def evidence_in(text: str, lo: int, hi: int, mentions: list[Mention], skip: Mention | None = None) -> Evidence:
    """The evidence of ``text[lo:hi]``. An "overseas cloud" mention ("境外云计算资源") is overseas
    access, not an account."""
    kinds: set[str] = set()
    serving = _serving(text, lo, hi)
    verbs = routes_in(text, lo, hi, serving)
    for o in mentions_between(mentions, lo, hi):
        if o is skip or o.kind == "gpu_rental" and _inside(o.start, o.end, serving):
            continue  # (a rental the buyer offers to others: 面向…企业提供算力服务)
        if o.kind == "cloud_account" and o.normalized == "overseas cloud":
            verbs.add("overseas")
        else:
            kinds.add(o.kind)
    return Evidence(frozenset(objects_in(text, lo, hi, serving)), frozenset(verbs), frozenset(kinds))


def is_benchmark(text: str, m: Mention) -> bool:
    """"不低于H100", "性能相当于A100", "H100同等及以上": the chip sets a floor and is not what is bought."""
    v = vocab()
    lo, hi = line_span(text, m.start, m.end)
    return bool(v.benchmark_before.search(text[max(lo, m.start - 24): m.start])
                or v.benchmark_after.match(text[m.end: min(hi, m.end + 16)]))


# The sentence of a model's mention: back to and on to one of these.
_SENTENCE_STOP = re.compile(r"[。；;！!？?\n]")


def model_benchmark(text: str, m: Mention) -> str | None:
    """The comparison word of the sentence (or table row) naming a model as a benchmark, where the
    sentence states no route of its own to the model (调用, 接入, 购买 …); None otherwise."""
    stops = [s.end() for s in _SENTENCE_STOP.finditer(text, max(0, m.start - 200), m.start)]
    lo = stops[-1] if stops else max(0, m.start - 200)
    nxt = _SENTENCE_STOP.search(text, m.end, m.end + 200)
    hi = nxt.start() if nxt else min(len(text), m.end + 200)
    found = vocab().model_benchmark.search(text, lo, hi)
    if found is None or routes_in(text, lo, hi):
        return None
    return found.group(0)


def china_operated(text: str, lo: int, hi: int) -> str | None:
    """The words showing a US provider's China operation (21Vianet, a China region) in ``text[lo:hi]``."""
    m = vocab().china_operated.search(text, lo, hi)
    return m.group(0) if m else None


def china_operated_matches(text: str) -> list[re.Match[str]]:
    """Every place ``text`` names a US provider's China operation."""
    return list(vocab().china_operated.finditer(text))


def named_model(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` names a US maker's card by product line and model code."""
    return bool(vocab().named_model.search(text, lo, hi))


def domestic_marker(text: str, lo: int, hi: int) -> bool:
    return bool(vocab().domestic.search(text, lo, hi))


def cpu_only(text: str, lo: int, hi: int) -> str | None:
    """The words stating that the instance of ``text[lo:hi]`` holds no accelerator ("无GPU", "仅CPU")."""
    m = vocab().cpu_only.search(text, lo, hi)
    return m.group(0) if m else None
