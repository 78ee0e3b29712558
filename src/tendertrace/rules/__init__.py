"""Rules: what a chip, server, cloud account or model access is under US export rules on a date.

Chip facts come from knowledge/accelerators.yaml, rules from knowledge/rules.yaml, providers and
models from knowledge/providers.yaml and knowledge/models.yaml. Renting compute or buying model
access is not an export under the EAR: such items are reported as remote-access findings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import Any

from ..extract.mentions import find_mentions
from ..knowledge import files as knowledge
from ..knowledge.schema import (
    Band,
    ChipRow,
    ModelRow,
    ProviderRow,
    RuleRow,
    chip_rows,
    model_rows,
    provider_rows,
    rule_rows,
)
from ..model import Classification, Extraction, Mention, Route
from ..text.fold import fold_pattern, match_text
from .context import (
    NOT_STATED,
    cancellation,
    china_nexus,
    lot_cancellation,
    no_purchase,
    party_nexus,
    scope_of,
    topic_procurement,
)
from .evidence import (
    PARAGRAPH_REACH,
    TITLE_CHARS,
    Evidence,
    china_operated,
    china_operated_matches,
    cpu_only,
    domestic_marker,
    evidence_in,
    is_benchmark,
    line_span,
    mentions_between,
    model_benchmark,
    named_model,
    objects_in,
    paragraph_span,
    record_routes,
    route_for,
    routes_in,
)
from .hosting import hosted_abroad

__all__ = ["MAX_ITEM_MENTIONS", "NOT_AN_EXPORT", "not_an_export", "UNCLASSIFIED", "item_mentions", "Chip", "chip", "chips", "classify_chip", "classify_extraction", "classify_text",
           "earliest_plausible_date", "meets_figures", "rules"]

# The sentence every remote-access item carries, from the EAR's definition of an export (rules.yaml).
_DEFINITION = "ear-export-definition"


Chip = ChipRow  # a row of accelerators.yaml, with its TPP and performance density


@cache
def chips() -> dict[str, ChipRow]:
    return {row.id: row for row in chip_rows()}


def chip(chip_id: str) -> ChipRow:
    return chips()[chip_id]


@cache
def rules() -> dict[str, RuleRow]:
    return {row.id: row for row in rule_rows()}


@cache
def not_an_export() -> str:
    """The sentence every remote-access item carries: the reason of the EAR's definition row."""
    return rules()[_DEFINITION].reason or ""


def __getattr__(name: str) -> str:
    # NOT_AN_EXPORT, read from rules.yaml when first asked for: importing the package reads no file,
    # so a bad knowledge edit is reported by the start-up check, not by an import
    if name == "NOT_AN_EXPORT":
        return not_an_export()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@cache
def providers() -> dict[str, ProviderRow]:
    return {row.id: row for row in provider_rows()}


@cache
def models() -> dict[str, ModelRow]:
    return {row.id: row for row in model_rows()}


# The kinds of rules.yaml rows that bear on a chip's classification (the others are the remote-access
# context, the ownership rule and the foundries' obligations).
_CHIP_KINDS = frozenset({"rule", "letter", "licence", "review", "guidance", "framework", "memory"})
# The band a chip not designed for datacenters is controlled in (the others reach only datacenter
# parts, 3A090.a.2 and .b by their performance density): its TPP floor is the one the reason names.
_DATACENTRE_ONLY_BAND = "a1"
# GB/s per TB/s: the datasheets give memory bandwidth in TB/s, 91 FR 1684 its ceiling in GB/s.
_GBS_PER_TBS = 1000


def in_window(row: RuleRow, on: date) -> bool:
    """Whether a rules.yaml row is in effect on a date: from ``effective``, until ``until`` (the
    day it stopped, exclusive) when it has one."""
    return row.in_window(on)


def _figures(c: Chip) -> str:
    tpp, pd = c.tpp, c.pd
    text = f"TPP {tpp:,.0f}" if tpp else "no published dense rate"
    if pd:
        text += f", PD {pd:.2f} (die {c.die_area_mm2:g} mm²)"
    return text


def _newest_bands(on: date) -> RuleRow | None:
    """The newest band-setting rule in force on ``on``, else the first one (a reference reading)."""
    banded = [r for r in rules().values() if r.kind == "rule" and r.bands]
    if not banded:
        return None
    in_force = [r for r in banded if r.effective <= on]
    return max(in_force or banded, key=lambda r: r.effective)


def _reaches(row: RuleRow, c: ChipRow) -> bool:
    """A letter's reach by figures: a chip of an informed vendor whose memory or interconnect
    bandwidth reaches the named chip's ("and any other circuits achieving the H20's memory
    bandwidth, interconnect bandwidth, or combination thereof")."""
    spec = row.reaches
    if not spec or c.vendor not in spec.vendors or c.domestic:
        return False
    like = chip(spec.like)
    memory, link = c.memory_bandwidth_tbs, c.interconnect_gbs
    return bool((memory and like.memory_bandwidth_tbs and memory >= like.memory_bandwidth_tbs)
                or (link and like.interconnect_gbs and link >= like.interconnect_gbs))


def _review_note(row: RuleRow, c: ChipRow) -> str:
    """What a licence-review rule by figures (91 FR 1684) says of a controlled US chip."""
    spec = row.review
    assert spec is not None  # a row of kind "review" has its figures (knowledge/schema.py)
    tpp, memory = c.tpp, c.memory_bandwidth_tbs
    ceiling = f"TPP < {spec.tpp_max:,.0f} and DRAM bandwidth < {spec.dram_bandwidth_gbs_max:,.0f} GB/s"
    if tpp is None or memory is None:
        return (f"{row.citation}: case-by-case review for exports from the US needs {ceiling}; "
                f"this chip's {'rate' if tpp is None else 'DRAM bandwidth'} is not published, so it cannot be read")
    gbs = memory * _GBS_PER_TBS
    if tpp >= spec.tpp_max or gbs >= spec.dram_bandwidth_gbs_max:
        return (f"above the figures of {row.citation} (TPP {tpp:,.0f}, DRAM bandwidth {gbs:,.0f} GB/s; "
                f"case-by-case needs {ceiling}): licence review stays presumption of denial")
    if c.china_market:
        return (f"within the figures of {row.citation} (TPP {tpp:,.0f}, DRAM bandwidth {gbs:,.0f} GB/s) but made "
                "for China, not commercially available in the US as the rule requires: presumption of denial stays")
    return (f"within the figures of {row.citation} (TPP {tpp:,.0f}, DRAM bandwidth {gbs:,.0f} GB/s; {ceiling}): "
            "a licence is still required; exports from the US are reviewed case by case, re-exports and "
            "transfers abroad stay presumption of denial")


def _domestic_reasons(chip_id: str, c: ChipRow, on: date) -> list[str]:
    """A chip designed in China: no US export, its 3A090 reading by figures, and BIS's GP10
    statement once made (2025-05-13) for a named Ascend chip or any domestic chip whose figures
    meet a band."""
    name = f"{c.vendor} {c.name}"
    reasons = [f"{name} is designed in China and made outside the US: buying it is not a US export"]
    tpp, rule = c.tpp, _newest_bands(on)
    band = _band(rule.bands, tpp, c.pd, c.datacenter) if tpp and rule and rule.bands else None
    if band:
        reasons.append(f"by its figures ({_figures(c)}) it would be 3A090.{band[0]}.{band[1]} under {rule.citation}"
                       if rule else "")
    elif tpp:
        reasons.append(f"by its figures ({_figures(c)}) it would be below every 3A090 threshold")
    else:
        reasons.append("no published dense rate: its 3A090 reading by figures cannot be made")
    for row in rules().values():
        if row.kind == "guidance" and row.gp10 and in_window(row, on) and (chip_id in row.chips or band):
            reasons.append(f"{row.summary} ({row.citation})")
    return reasons


def classify_chip(chip_id: str, on: date, count: int | None = None, system: bool = False) -> Classification:
    """The ECCN band of a chip (or of a computer holding ``count`` of them) on a date, with the reason:
    the newest band-setting rule in force, then the letters, licences, review policies and guidance
    of rules.yaml that reach the chip on that date."""
    c = chip(chip_id)
    tpp, pd = c.tpp, c.pd
    name = f"{c.vendor} {c.name}"
    if c.domestic:
        return Classification(
            text=name, chip=c.name, model=None, count=count, tpp=tpp, pd=round(pd, 2) if pd else None, band=None,
            controlled=False, rule=None, route="hardware_purchase", provider=None, restriction=None,
            reason="; ".join(_domestic_reasons(chip_id, c, on)),
        )
    figures = _figures(c)
    band, rule_id, controlled = None, None, False
    reasons: list[str] = []
    in_force = [r for r in rules().values() if r.kind == "rule" and _effective(r, c) <= on]
    rule: RuleRow | None = None
    if in_force and tpp:
        rule = max(in_force, key=lambda r: r.effective)
        rule_id = rule.id
        if rule.bands:
            band = _band(rule.bands, tpp, pd, c.datacenter)
            if band:
                reasons.append(f"{figures}: meets 3A090.{band[0]}.{band[1]} under {rule.citation}")
            else:
                reasons.append(f"{figures}: below every 3A090 threshold under {rule.citation}")
        else:
            io = c.interconnect_gbs or 0
            tpp_min, io_min = rule.tpp_min or 0.0, rule.io_min_gbs or 0.0
            bounds = f"TPP ≥ {tpp_min:g} and I/O ≥ {io_min:g} GB/s"
            if tpp >= tpp_min and io >= io_min:
                band = "a"
                reasons.append(f"{figures}, I/O {io:g} GB/s: meets 3A090 ({bounds}) under {rule.citation}")
            else:
                reasons.append(f"{figures}, I/O {io:g} GB/s: outside 3A090 (needs {bounds}) under {rule.citation}")
    elif tpp and not in_force:
        first = min(r.effective for r in rules().values() if r.kind == "rule")
        reasons.append(f"{figures}: no US chip rule in force on {on.isoformat()} (the first took effect {first.isoformat()})")
    elif not tpp:
        reasons.append(f"{figures}: its 3A090 band cannot be read from its figures")
    eccn = None
    if band:
        controlled = True
        eccn = "3A090" if band == "a" else f"3A090.{band[0]}.{band[1]}"
        if not c.datacenter and band != "a" and rule and rule.bands:
            floor = f"{rule.bands[_DATACENTRE_ONLY_BAND].tpp_min:g}"
            reasons.append(f"not designed for datacenters: controlled only at TPP ≥ {floor}, licence exception NAC eligible")
    # Letters reach the chips they name, or by figures; they matter only where no band controls the
    # chip. Licences, review policies and frameworks speak of a chip already controlled.
    for row in sorted(rules().values(), key=lambda r: r.effective):
        if row.kind not in _CHIP_KINDS or row.kind in ("rule", "memory", "guidance") or not in_window(row, on):
            continue
        named = chip_id in row.chips
        if row.kind == "letter" and not band and (named or _reaches(row, c)):
            why = "" if named else " (it reaches the H20's memory or interconnect bandwidth)"
            reasons.append(f"{row.summary}{why} ({row.citation})")
            controlled = True
            rule_id = row.id
        elif row.kind == "licence" and named and controlled:
            reasons.append(f"{row.summary} ({row.citation})")
        elif row.kind == "review" and controlled:
            reasons.append(_review_note(row, c))
        elif row.kind == "framework" and controlled:
            reasons.append(f"{row.summary}; for China: {row.changes_for_china} ({row.citation})")
    if system and eccn:
        eccn = "4A090" + eccn[5:7] if eccn != "3A090" else "4A090"
        n = f"{count} × " if count else ""
        reasons.append(f"a computer holding {n}{c.name} is classified by its ICs: {eccn}")
    elif eccn and count and count > 1:
        reasons.append(f"{count} loose {c.name} cards are integrated circuits on boards, not a computer: {eccn}")
    return Classification(
        text=name, chip=c.name, model=None, count=count, tpp=tpp, pd=round(pd, 2) if pd else None, band=eccn, controlled=controlled,
        rule=rule_id, route="hardware_purchase", provider=None, restriction=None, reason="; ".join(reasons),
    )


def classify_memory(on: date, text: str = "HBM") -> Classification:
    """High-bandwidth memory bought as an item: 3A090.c from the December 2024 rule."""
    row = next((r for r in rules().values() if r.kind == "memory"), None)
    if row is None or not in_window(row, on):
        first = f" (3A090.c took effect {row.effective.isoformat()})" if row else ""
        return Classification(text=text, chip=None, model=None, count=None, tpp=None, pd=None, band=None, controlled=False,
                              rule=None, route="hardware_purchase", provider=None, restriction=None,
                              reason=f"high-bandwidth memory: no US control on HBM as an item on {on.isoformat()}{first}")
    return Classification(text=text, chip=None, model=None, count=None, tpp=None, pd=None, band="3A090.c", controlled=True,
                          rule=row.id, route="hardware_purchase", provider=None, restriction=None,
                          reason=f"{row.summary} ({row.citation})")


def remote_access_context(on: date) -> str:
    """The state of the remote-access debate on a date (rules.yaml rows of kind ``context``), for
    the "not an export" message: what is proposed, passed or stated, and that none of it is law."""
    rows = [r for r in rules().values() if r.kind == "context" and in_window(r, on)]
    if not rows:
        return ""
    parts = [r.brief or r.summary for r in sorted(rows, key=lambda r: r.effective)]
    return f" On {on.isoformat()}: " + "; ".join(parts) + "."


def _effective(rule: RuleRow, c: ChipRow) -> date:
    if rule.early_effective and c.early_effective:
        return min(rule.effective, c.early_effective)
    return rule.effective


def _band(bands: Mapping[str, Band], tpp: float, pd: float | None, datacenter: bool) -> str | None:
    def fits(spec: Band) -> bool:
        if tpp < spec.tpp_min or tpp >= spec.tpp_max:
            return False
        if spec.pd_min is not None and (pd is None or pd < spec.pd_min):
            return False
        return not (spec.pd_max is not None and (pd is None or pd >= spec.pd_max))

    if fits(bands["a1"]):
        return "a1"
    if not datacenter:
        return None
    for key in ("a2", "b1", "b2"):
        if fits(bands[key]):
            return key
    return None


# -- dates -------------------------------------------------------------------------------------

def earliest_plausible_date() -> date:
    """The earliest date a notice could be classified on: the first US AI-chip rule or letter
    (rules.yaml; the Nvidia letter of 2022-08-26). Before it nothing in the rules applies."""
    return min(r.effective for r in rules().values() if r.kind in _CHIP_KINDS)


def _classify_on(chip_id: str, on: date | None, count: int | None, system: bool) -> Classification:
    """A chip on the notice's date; with no date, on the earliest and latest plausible dates (the
    first rule, or the chip's announcement when later, and today).

    An undated chip is ``controlled`` only when it is so on both dates; the reason names both
    results, and ``date_unknown`` lets a finding say so.
    """
    announced = chip(chip_id).announced
    if on is not None:
        cls = classify_chip(chip_id, on, count, system)
        if announced and on < announced:
            cls.reason += (f"; the notice's date {on.isoformat()} is before the chip was announced "
                           f"({announced.isoformat()}): check the date")
        return cls
    # a notice cannot name a chip before it was announced
    first = max(earliest_plausible_date(), announced) if announced else earliest_plausible_date()
    last = max(first, date.today())
    early, late = classify_chip(chip_id, first, count, system), classify_chip(chip_id, last, count, system)
    late.date_unknown = True
    if early.controlled == late.controlled and early.band == late.band:
        late.reason = (f"date unknown: the same on the earliest ({first.isoformat()}) and latest "
                       f"({last.isoformat()}) plausible dates; {late.reason}")
    else:
        late.reason = (f"date unknown: on the earliest plausible date ({first.isoformat()}) "
                       f"{'controlled' if early.controlled else 'not controlled'} ({early.reason}); on the latest "
                       f"({last.isoformat()}) {'controlled' if late.controlled else 'not controlled'} ({late.reason})")
        late.controlled = early.controlled and late.controlled
    return late


def meets_figures(chip_id: str) -> bool:
    """Whether a US chip's own figures meet a 3A090 band of the newest chip rule, whatever the
    notice's date: an A100 bought in March 2022 is the class of chip the controls are about, an
    H20 (below every band, licensed only by letter) is not."""
    c = chip(chip_id)
    tpp = c.tpp
    banded = [r for r in rules().values() if r.kind == "rule" and r.bands]
    if c.domestic or not tpp or not banded:
        return False
    newest = max(banded, key=lambda r: r.effective)
    return newest.bands is not None and _band(newest.bands, tpp, c.pd, c.datacenter) is not None


def _spec_floor() -> float:
    """The lowest TPP that alone puts a chip in 3A090 (3A090.a.1 of the newest rule): a stated
    per-chip rate at or above it is a controlled chip's figure, whoever makes it."""
    banded = [r for r in rules().values() if r.kind == "rule" and r.bands]
    newest = max(banded, key=lambda r: r.effective)
    assert newest.bands is not None  # filtered on just above
    return newest.bands["a1"].tpp_min


# -- routes and evidence ---------------------------------------------------------------------------

UNCLASSIFIED = "unclassified US AI accelerator"
# The mention kinds that can become an item; a document with none of them has nothing to classify.
_ITEM_KINDS = frozenset({"chip", "domestic_chip", "ai_model", "generic_chip", "chip_spec", "cloud_provider"})
# A notice names a few dozen chips, models and providers at most (the real corpus at most 2 per
# notice, the richest labelled document about 40); a page naming them thousands of times repeats
# itself. Items are read from the first this many item mentions, so that one hostile page costs
# seconds, not minutes (bench/mention_scaling.py); the pipeline notes the cut in the document's warnings.
MAX_ITEM_MENTIONS = 2_000


def item_mentions(ex: Extraction) -> int:
    """How many of the document's mentions can each make an item."""
    return sum(1 for m in ex.mentions if m.kind in _ITEM_KINDS)


def classify_extraction(ex: Extraction, text: str, on: date | None, *,
                        default_route: Route | None = None, nexus: str | None = None) -> list[Classification]:
    """Classify every chip, model and US-provider mention of a document, each with its route, its
    provider and the evidence that makes it a compute finding or not (see :mod:`.evidence`).

    ``on`` is the notice's date; ``None`` when no date is known, and then each chip is classified on
    the earliest and latest plausible dates (:func:`_classify_on`). ``default_route`` is the route of
    a chip item whose text states none (a tender line given alone is an item to buy). ``nexus``
    names what already ties the document to China (a listed party among its parties); without it
    the text must show the tie itself (:func:`.context.china_nexus`), or no item is a compute finding.
    """
    if not any(m.kind in _ITEM_KINDS for m in ex.mentions) and "HBM" not in text:
        return []
    cancelled = cancellation(text, ex.notice_type)
    topic = topic_procurement(ex.project_name, text) or no_purchase(text)
    # What holds for every item of the notice: the procurement did not happen, or its object is a
    # course or publications, whose subject the compute it names is.
    tie = nexus or china_nexus(text) or party_nexus([p.name for p in ex.parties if p.name.isascii()])
    doc_context = (f"cancelled: {cancelled}" if cancelled else f"topic: {topic}" if topic
                   else None if tie else "no China nexus: no PRC party, place or listed party is named")
    # sorted by start, so that the mentions near one are a bisection away (evidence.mentions_between)
    mentions = sorted(ex.mentions, key=lambda m: m.start)
    title, named_title = _title_evidence(ex, text, mentions)
    named = [m for m in mentions if m.kind == "chip"]
    domestic_named = any(m.kind == "domestic_chip" for m in mentions)
    out: list[Classification] = []
    china_run: bool | None = None  # read once, at the first US provider named
    items_read = 0
    for mention in mentions:
        if mention.kind in _ITEM_KINDS:
            items_read += 1
            if items_read > MAX_ITEM_MENTIONS:
                break
        if mention.kind in ("chip", "domestic_chip"):
            cls = _with_route(_classify_on(mention.normalized, on, mention.count, _is_system(text, mention)),
                              mentions, mention, text)
            if mention.kind == "chip":
                cls.us_signal = "named chip"
                if is_benchmark(text, mention):
                    cls.us_signal = "benchmark chip"
                    cls.reason += f"; a benchmark: the notice asks for at least {cls.chip}-level performance"
            out.append(_assess(cls, mention, mentions, text, doc_context, title, default_route, named_title))
        elif mention.kind == "ai_model":
            out.append(_assess(_model(mention, mentions, text), mention, mentions, text, doc_context, title))
        elif mention.kind in ("generic_chip", "chip_spec"):
            item = _unclassified(mention, named, mentions, text, domestic_named)
            if item is not None:
                out.append(_assess(item, mention, mentions, text, doc_context, title, default_route, named_title))
        elif mention.kind == "cloud_provider":
            if china_run is None:
                china_run = _china_operated_notice(text)
            item = _provider_item(mention, mentions, text, china_run)
            if item is not None:
                out.append(_assess(item, mention, mentions, text, doc_context, title))
    out.extend(_memory_items(text, mentions, on or date.today(), doc_context))
    context = remote_access_context(on or date.today())
    for item in out:
        if context and not_an_export() in item.reason and context not in item.reason:
            item.reason = item.reason.replace(not_an_export(), not_an_export() + context, 1)
    return _dedupe(out)


def _memory_items(text: str, mentions: list[Mention], on: date, doc_context: str | None) -> list[Classification]:
    """High-bandwidth memory bought as an item ("采购HBM3E存储颗粒"): 3A090.c from December 2024.
    HBM named in a paragraph that names an accelerator or its 显存 is the GPU's own memory,
    classified with the GPU."""

    row = next((r for r in rules().values() if r.kind == "memory" and r.item_pattern), None)
    if row is None or row.item_pattern is None:
        return []
    items: list[Classification] = []
    gpu_words = re.compile(row.gpu_memory_words or "(?!)")
    for m in re.finditer(row.item_pattern, text):
        lo, hi = line_span(text, m.start(), m.end())
        plo, phi = paragraph_span(text, m.start(), m.end())
        if gpu_words.search(text, lo, hi) or any(
                o.kind in ("chip", "generic_chip", "chip_spec", "domestic_chip") for o in mentions_between(mentions, plo, phi + 1)):
            continue
        cls = classify_memory(on, text[m.start(): m.end()])
        cls.start, cls.end = m.start(), m.end()
        scope = scope_of(text, m.start(), m.end())
        cls.context = doc_context or (f"{scope.effect}: {scope.cue}" if scope else None)
        if cls.context:
            cls.reason += f"; not a finding ({cls.context})"
        items.append(cls)
    return items[:1]  # one memory item per document: the part, whatever its lines repeat


def _title_evidence(ex: Extraction, text: str, mentions: list[Mention]) -> tuple[Evidence, Evidence]:
    """The evidence of the notice's title: its opening lines with the extracted project name, and
    the project name alone (an HTML page's opening may be its navigation bar; a project name is
    the procurement's own)."""
    head = evidence_in(text, 0, min(len(text), TITLE_CHARS), mentions)
    name = ex.project_name or ""
    named = Evidence(frozenset(objects_in(name, 0, len(name))), frozenset(routes_in(name, 0, len(name))), frozenset())
    # an asset record's acquisition field states the route of the record as its title would
    acquired = frozenset(record_routes(text))
    return Evidence(head.objects | named.objects, head.verbs | named.verbs | acquired, head.kinds), named


def _assess(cls: Classification, m: Mention, mentions: list[Mention], text: str,
            doc_context: str | None, title: Evidence, default_route: Route | None = None,
            named_title: Evidence | None = None) -> Classification:
    """Decide whether an item is a compute finding: a compute object, a US signal and a route in
    its item or paragraph, outside any negation, replacement, existing-equipment or cancellation."""
    # The route is read from the item's own line; a line that states none takes it from the
    # notice's title, then from the paragraph around it.
    line = evidence_in(text, *line_span(text, m.start, m.end), mentions, m)
    para = evidence_in(text, *paragraph_span(text, m.start, m.end), mentions, m)
    own = ({"hardware"} if cls.chip else set()) | ({"model"} if cls.model else set())
    objects = set(line.objects | para.objects) | own
    provider_us = cls.us_signal == "US provider" or bool(cls.restriction and cls.provider)
    if cls.us_signal == "US provider" and not objects & {"hardware", "cloud", "general", "account", "purpose"}:
        objects = set()  # a provider is compute only when bought for it: an instance, an account, GPUs, training
    if not cls.model:
        route = None
        # a chip named only by maker, origin or spec needs its own item, paragraph or project name
        # to say how it is reached: a page's opening (its navigation bar) is not enough for so weak
        # a signal
        levels = ((line, para) + ((named_title,) if named_title else ())) if cls.needs_review else (line, title, para)
        # A notice whose title or opening says it is a finance lease leases every item it buys.
        lease = {"finance_lease"} & (title.verbs | para.verbs)
        for ev in (e for e in levels if e.has_route):
            # The item's own line says whether it is reached as a cloud: a buy on the item's line is not
            # made a rental by a cloud or compute-centre word elsewhere in its paragraph (the buyer's
            # business); the paragraph's other objects (an account, a purpose) still count.
            seen = set(ev.objects) | own | (objects - {"cloud"}) if ev is line else set(ev.objects) | objects
            route = route_for(seen, set(ev.verbs) | lease, set(ev.kinds), provider_us)
            if route:
                break
        if route is None and cls.chip:
            # no words of a route: the rental or account mentions around the chip, else the default
            route = cls.route if cls.route not in (None, "hardware_purchase") else default_route
        if cls.us_signal == "US provider" and route == "hardware_purchase":
            route = "cloud_rental"  # buying a US provider's service is reaching compute remotely
        abroad = hosted_abroad(text, *line_span(text, m.start, m.end)) if cls.chip else None
        if abroad and route in (None, "hardware_purchase"):
            route = "cloud_rental"  # servers in a data centre abroad are reached, not shipped
            cls.reason += f"; hosted in a data centre abroad ({abroad}): reached remotely, not bought as hardware"
        if route not in (None, "hardware_purchase") and cls.chip and not_an_export() not in cls.reason:
            cls.reason += "; " + not_an_export()
        cls.route = route
    us = cls.us_signal is not None
    if cls.chip and cls.us_signal in ("named chip", "benchmark chip"):
        c = _chip_by_name(cls.chip)
        us = bool(c and (cls.controlled or meets_figures(c.id))) or bool(cls.restriction and cls.route != "hardware_purchase")
    if cls.us_signal == "benchmark chip" and _domestic_item(text, m, mentions):
        us = False  # "国产GPU性能达到A100水平", "海光DCU（性能不低于A100）": the chip measures a domestic one
        cls.reason += "; the benchmark measures a domestic chip"
    scope = scope_of(text, m.start, m.end)
    lot_cancelled = None if doc_context else lot_cancellation(text, m.start)
    if doc_context:
        cls.context = doc_context
    elif lot_cancelled:
        cls.context = f"cancelled: {lot_cancelled} (its lot)"
    elif scope is not None:
        cls.context = f"{scope.effect}: {scope.cue}"
    elif cls.model and (compared := model_benchmark(text, m)) is not None:
        cls.context = f"a benchmark: the model is what another is compared against ({compared})"
    elif cls.route is None and (us or cls.needs_review):
        cls.context = "no route: no purchase, rental, subscription or access is stated"
    if cls.context:
        cls.reason += f"; not a compute finding ({cls.context})"
    cls.compute_finding = bool(us and cls.route and objects and not cls.context)
    return cls


# What ends an item's sentence within its line.
_SENTENCE_ENDS = "。；;"


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``text[start:end]``: its line up to a full stop or semicolon."""
    lo, hi = line_span(text, start, end)
    lo = max(lo, max(text.rfind(ch, lo, start) for ch in _SENTENCE_ENDS) + 1)
    after = [i for i in (text.find(ch, end, hi) for ch in _SENTENCE_ENDS) if i >= 0]
    return lo, min(after, default=hi)


def _domestic_item(text: str, m: Mention, mentions: list[Mention]) -> bool:
    """Whether the item sentence of ``m`` (its line up to a full stop or semicolon) is a domestic
    chip's: it names one, or states a domestic requirement."""
    lo, hi = _sentence_span(text, m.start, m.end)
    return domestic_marker(text, lo, hi) or any(o.kind == "domestic_chip" for o in mentions_between(mentions, lo, hi))


def _chip_by_name(name: str) -> ChipRow | None:
    return next((c for c in chips().values() if c.name == name), None)


# What a generic US chip is named by, for its reason.
_GENERIC_BY = {"US vendor": "maker", "NVIDIA interconnect": "its maker's own interconnect at an A100/H100-class rate"}


def _unclassified(m: Mention, named: list[Mention], mentions: list[Mention], text: str,
                  domestic_named: bool = False) -> Classification | None:
    """A US AI accelerator named only by maker or origin, or only by a per-chip rate at or above a
    controlled chip's: "unclassified US AI accelerator, needs review". A named US chip in the same
    paragraph is what the words describe, so it is classified instead. ``domestic_named``: the
    notice names a domestic chip somewhere."""
    lo, hi = paragraph_span(text, m.start, m.end)
    if mentions_between(named, lo, hi + 1):
        return None
    tpp: float | None = None
    if m.kind == "chip_spec":
        tpp = float(m.normalized.removeprefix("tpp:"))
        # a rate in a notice that names a domestic chip, or under a domestic requirement, is a
        # domestic chip's ("昇腾…FP16算力≥320 TFLOPS", "国产AI加速卡…")
        if tpp < _spec_floor() or domestic_named or domestic_marker(text, lo, hi):
            return None
        signal = "spec"
        why = (f"a per-chip rate of {m.text} is TPP {tpp:,.0f}, at or above 3A090.a.1 (TPP ≥ {_spec_floor():,.0f}): "
               "only a controlled chip meets it")
    else:
        if is_benchmark(text, m) and _domestic_item(text, m, mentions):
            return None  # "海光DCU，性能对标进口高端GPU": the words measure a domestic chip
        if named_model(text, *_sentence_span(text, m.start, m.end)):
            return None  # "英伟达GPU服务器（RTX A4000）": the card is named, only not in the chip table
        signal = m.normalized
        why = f"'{m.text}' names a US AI accelerator by {_GENERIC_BY.get(signal, 'origin')}, not by model"
    provider = next((providers().get(o.normalized) for o in _clause(mentions, m, text) if o.kind == "cloud_provider"), None)
    return Classification(
        text=text[m.start: m.end], chip=UNCLASSIFIED, model=None, count=None, tpp=tpp, pd=None, band=None,
        controlled=False, rule=None, route="hardware_purchase", provider=provider.name if provider else None,
        restriction=provider.restriction if provider else None,
        reason=f"{UNCLASSIFIED}, needs review: {why}; classify it once the model is known",
        start=m.start, end=m.end, us_signal=signal, needs_review=True,
    )


def _provider_item(m: Mention, mentions: list[Mention], text: str,
                   china_operated_notice: bool = False) -> Classification | None:
    """A US cloud provider bought for compute with no chip or model beside it: a cloud route
    ("采购亚马逊云科技（AWS）云计算服务，用于大模型训练"). A provider operated in China by its partner
    (21Vianet for Azure, 光环新网 / 西云数据 for AWS), or named in a China region, is not US compute."""
    provider = providers().get(m.normalized)
    if not provider or not provider.us:
        return None
    if fold_pattern(m.text) in {fold_pattern(p) for p in provider.china_partners}:
        return None  # 世纪互联 itself: the partner that operates the provider's China regions
    near = _clause(mentions, m, text)
    # the chip or model item carries the provider, unless the provider's own account is what is
    # bought ("海外AWS账号（用于Claude 3）": the account is the object, the model its purpose)
    own_account = any(o.kind == "cloud_account" and o.normalized != "overseas cloud" and o.start <= m.start
                      and m.end <= o.end for o in near)
    if not own_account and any(o.kind in ("chip", "ai_model", "generic_chip", "chip_spec") for o in near):
        return None
    lo, hi = line_span(text, m.start, m.end)
    operated = china_operated(text, lo, hi)
    if operated and not routes_in(text, lo, hi) & {"overseas"}:
        return None
    if china_operated_notice:
        return None  # the title's "Azure云服务续费" is the 世纪互联 service the body describes
    no_gpu = cpu_only(text, *_sentence_span(text, m.start, m.end))
    item = Classification(
        text=text[m.start: m.end], chip=None, model=None, count=None, tpp=None, pd=None, band=None,
        controlled=False, rule=None, route="cloud_rental", provider=provider.name,
        restriction=provider.restriction, reason=f"{provider.name}: a US cloud provider; " + not_an_export(),
        start=m.start, end=m.end, us_signal="US provider",
    )
    if no_gpu:
        item.context = f"CPU only: {no_gpu}"  # a general-purpose VM, no accelerator in it
    return item


def _china_operated_notice(text: str) -> bool:
    """A notice that says a US cloud is operated by its China partner or in a China region (outside
    any negation: "非世纪互联运营" says the opposite), and names no overseas access anywhere: every
    mention of the cloud in it is the China service."""
    if routes_in(text, 0, len(text)) & {"overseas"}:
        return False
    return any(_stated_at(text, m.start(), m.end()) for m in china_operated_matches(text))


def _stated_at(text: str, start: int, end: int) -> bool:
    scope = scope_of(text, start, end)
    return scope is None or scope.effect not in NOT_STATED


# How far from a chip a server word makes the item a computer: the width of one item line's
# "GPU服务器，每台配置8块" before the chip, or "服务器" right after it.
_SYSTEM_REACH = 20


def _is_system(text: str, m: Mention) -> bool:
    """A server word next to the chip, or the chips counted per server: a computer (4A090),
    classified by its ICs. A card count alone ("8块H100") is loose ICs on boards: 3A090."""
    window = text[max(0, m.start - _SYSTEM_REACH): m.end + _SYSTEM_REACH]
    return bool(m.servers) or any(w in window for w in knowledge.mentions().system_words)


def _clause(mentions: list[Mention], m: Mention, text: str, reach: int = PARAGRAPH_REACH) -> list[Mention]:
    """Mentions within ``reach`` characters of ``m``: what the same item line or sentence names."""
    lo, hi = paragraph_span(text, m.start, m.end, reach)
    return [o for o in mentions_between(mentions, lo, hi + 1) if o is not m]


def _with_route(cls: Classification, mentions: list[Mention], m: Mention, text: str) -> Classification:
    near = _clause(mentions, m, text)
    kinds = {o.kind for o in near}
    provider_ids = [o.normalized for o in near if o.kind == "cloud_provider"]
    provider = providers().get(provider_ids[0]) if provider_ids else None
    if "cloud_account" in kinds:
        cls.route = "cloud_account"
    elif "gpu_rental" in kinds or provider:
        cls.route = "cloud_rental"
        rental = next((o for o in near if o.kind == "gpu_rental" and o.count), None)
        if rental:
            cls.servers = rental.count
            cls.reason += f"; {rental.count} rented servers"
    if cls.servers is None:
        cls.servers = m.servers
    if provider:
        cls.provider = provider.name
        cls.restriction = provider.restriction
    if cls.route != "hardware_purchase":
        cls.reason += "; " + not_an_export()
    cls.start, cls.end = m.start, m.end
    cls.text = text[m.start: m.end]
    return cls


def _model(m: Mention, mentions: list[Mention], text: str) -> Classification:
    info = models()[m.normalized]
    near = _clause(mentions, m, text)
    provider_ids = [o.normalized for o in near if o.kind == "cloud_provider"]
    host = info.hosted_by or (provider_ids[0] if provider_ids else None)
    provider = providers().get(host) if host else None
    tokens = next((o for o in near if o.kind == "api_tokens"), None)
    # the model is the object: an account opened to reach it is the means, not the route
    route = "hosted_model" if provider else "model_api"
    reason = f"{info.name} ({info.vendor})"
    if tokens:
        reason += f", {tokens.count:,} tokens"
    if provider:
        reason += f", served by {provider.name}"
    restricted = info.us and not info.open_weights
    if restricted:
        reason += f"; {info.restriction}"
    reason += "; " + not_an_export()
    return Classification(
        text=text[m.start: m.end], chip=None, model=info.name, count=tokens.count if tokens else None, tpp=None,
        pd=None, band=None, controlled=False, rule=None, route=route,  # type: ignore[arg-type]
        provider=provider.name if provider else None,
        restriction=(info.restriction if restricted else None), reason=reason, start=m.start, end=m.end,
        us_signal="US model" if restricted else None,
    )


def _dedupe(items: list[Classification]) -> list[Classification]:
    """One item per chip, model, route, provider, count and band; a compute finding is kept before
    a negated or cancelled mention of the same thing."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for c in sorted(items, key=lambda c: not c.compute_finding):
        key = (c.chip, c.model, c.route, c.provider, c.count, c.band)
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    out.sort(key=lambda c: c.start if c.start is not None else -1)
    return out


def classify_text(text: str, on: date | None) -> list[Classification]:
    """Classify a free line such as "租用云服务器500台，每台配置8块NVIDIA A100"."""
    folded = match_text(text)
    ex = Extraction(mentions=find_mentions(folded))
    items = classify_extraction(ex, folded, on, default_route="hardware_purchase",
                                nexus="a line classified alone, outside any document")
    for item in items:
        if item.start is not None:
            item.text = text[item.start: item.end]
    return items
