"""Rules: what a chip, server, cloud account or model access is under US export rules on a date.

Chip facts come from knowledge/accelerators.yaml, rules from knowledge/rules.yaml, providers and
models from knowledge/providers.yaml and knowledge/models.yaml. Renting compute or buying model
access is not an export under the EAR: such items are reported as remote-access findings.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from ..extract.mentions import find_mentions
from ..ingest.textnorm import fold_pattern, match_text
from ..knowledge import load_yaml
from ..model import Classification, Extraction, Mention, Route
from .context import cancellation, china_nexus, scope_of, topic_procurement
from .evidence import (
    PARAGRAPH_REACH,
    TITLE_CHARS,
    Evidence,
    china_operated,
    china_operated_matches,
    domestic_marker,
    evidence_in,
    is_benchmark,
    line_span,
    named_model,
    objects_in,
    paragraph_span,
    route_for,
    routes_in,
)

__all__ = ["UNCLASSIFIED", "Chip", "chip", "chips", "classify_chip", "classify_extraction", "classify_text",
           "earliest_plausible_date", "meets_figures", "rules"]

NOT_AN_EXPORT = (
    "Remote access (cloud rental, accounts, model APIs) is not an export under the EAR: "
    "this is a remote-access finding, not a violation."
)


class Chip(dict):  # a row of accelerators.yaml with computed figures
    @property
    def tpp(self) -> float | None:
        rates = self.get("rates") or {}
        if not rates:
            return None
        return max(rate * _BITS[fmt] for fmt, rate in rates.items())

    @property
    def pd(self) -> float | None:
        tpp, area = self.tpp, self.get("die_area_mm2")
        return tpp / area if tpp and area else None


_BITS = {"fp4": 4, "int4": 4, "fp8": 8, "int8": 8, "fp16": 16, "bf16": 16, "tf32": 32, "fp32": 32, "fp64": 64}


@cache
def chips() -> dict[str, Chip]:
    return {row["id"]: Chip(row) for row in load_yaml("accelerators.yaml")}


def chip(chip_id: str) -> Chip:
    return chips()[chip_id]


@cache
def rules() -> dict[str, dict[str, Any]]:
    return {row["id"]: row for row in load_yaml("rules.yaml")}


@cache
def providers() -> dict[str, dict[str, Any]]:
    return {row["id"]: row for row in load_yaml("providers.yaml")}


@cache
def models() -> dict[str, dict[str, Any]]:
    return {row["id"]: row for row in load_yaml("models.yaml")}


def _date(value: str) -> date:
    return date.fromisoformat(value)


def classify_chip(chip_id: str, on: date, count: int | None = None, system: bool = False) -> Classification:
    """The ECCN band of a chip (or of a computer holding ``count`` of them) on a date, with the reason."""
    c = chip(chip_id)
    tpp, pd = c.tpp, c.pd
    name = f"{c['vendor']} {c['name']}"
    figures = f"TPP {tpp:,.0f}" if tpp else "no published dense rate"
    if pd:
        figures += f", PD {pd:.2f} (die {c['die_area_mm2']} mm²)"
    band, rule_id, controlled = None, None, False
    reasons: list[str] = []
    if c.get("domestic"):
        reasons.append(f"{name} is made outside the US; the EAR's 3A090 licence requirements do not reach it as a US export")
    in_force = [r for r in rules().values() if r["kind"] == "rule" and _effective(r, c) <= on]
    if not c.get("domestic") and in_force and tpp:
        rule = max(in_force, key=lambda r: _date(r["effective"]))
        rule_id = rule["id"]
        if "bands" in rule:
            band = _band(rule["bands"], tpp, pd, bool(c.get("datacenter")))
            if band:
                reasons.append(f"{figures}: meets 3A090.{band[0]}.{band[1]} under {rule['citation']}")
            else:
                reasons.append(f"{figures}: below every 3A090 threshold under {rule['citation']}")
        else:
            io = c.get("interconnect_gbs") or 0
            if tpp >= rule["tpp_min"] and io >= rule["io_min_gbs"]:
                band = "a"
                reasons.append(f"{figures}, I/O {io} GB/s: meets 3A090 (TPP ≥ 4800 and I/O ≥ 600 GB/s) under {rule['citation']}")
            else:
                reasons.append(f"{figures}, I/O {io} GB/s: outside 3A090 (needs TPP ≥ 4800 and I/O ≥ 600 GB/s) under {rule['citation']}")
    elif not c.get("domestic") and tpp and not in_force:
        reasons.append(f"{figures}: no US chip rule in force on {on.isoformat()} (the first took effect 2022-10-21)")
    eccn = None
    if band:
        controlled = True
        eccn = "3A090" if band == "a" else f"3A090.{band[0]}.{band[1]}"
        if not c.get("datacenter") and band != "a":
            reasons.append("not designed for datacenters: controlled only at TPP ≥ 4800, licence exception NAC eligible")
    # Letters, policies and guidance naming this chip (rules.yaml `chips`). A letter only matters
    # where no band already controls the chip; policies and guidance are reported either way.
    for overlay in rules().values():
        if overlay["kind"] == "rule" or chip_id not in overlay.get("chips", []) or _date(overlay["effective"]) > on:
            continue
        if overlay["kind"] == "letter" and band:
            continue
        reasons.append(f"{overlay['summary']} ({overlay['citation']})")
        if overlay.get("controls", True):
            controlled = True
            if not band:
                rule_id = overlay["id"]
    if system and eccn:
        eccn = "4A090" + eccn[5:7] if eccn != "3A090" else "4A090"
        n = f"{count} × " if count else ""
        reasons.append(f"a computer holding {n}{c['name']} is classified by its ICs: {eccn}")
    return Classification(
        text=name, chip=c["name"], model=None, count=count, tpp=tpp, pd=round(pd, 2) if pd else None, band=eccn, controlled=controlled,
        rule=rule_id, route="hardware_purchase", provider=None, restriction=None, reason="; ".join(reasons),
    )


def _effective(rule: dict[str, Any], c: Chip) -> date:
    if rule.get("early_effective") and c.get("early_effective"):
        return min(_date(rule["effective"]), _date(c["early_effective"]))
    return _date(rule["effective"])


def _band(bands: dict[str, dict[str, float]], tpp: float, pd: float | None, datacenter: bool) -> str | None:
    def fits(spec: dict[str, float]) -> bool:
        if tpp < spec.get("tpp_min", 0) or tpp >= spec.get("tpp_max", float("inf")):
            return False
        if "pd_min" in spec and (pd is None or pd < spec["pd_min"]):
            return False
        return not ("pd_max" in spec and (pd is None or pd >= spec["pd_max"]))

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
    return min(_date(r["effective"]) for r in rules().values())


def _classify_on(chip_id: str, on: date | None, count: int | None, system: bool) -> Classification:
    """A chip on the notice's date; with no date, on the earliest and latest plausible dates (the
    first rule, or the chip's announcement when later, and today).

    An undated chip is ``controlled`` only when it is so on both dates; the reason names both
    results, and ``date_unknown`` lets a finding say so.
    """
    announced = chip(chip_id).get("announced")
    if on is not None:
        cls = classify_chip(chip_id, on, count, system)
        if announced and on < _date(announced):
            cls.reason += f"; the notice's date {on.isoformat()} is before the chip was announced ({announced}): check the date"
        return cls
    # a notice cannot name a chip before it was announced
    first = max(earliest_plausible_date(), _date(announced)) if announced else earliest_plausible_date()
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
    banded = [r for r in rules().values() if r["kind"] == "rule" and "bands" in r]
    if c.get("domestic") or not tpp or not banded:
        return False
    newest = max(banded, key=lambda r: _date(r["effective"]))
    return _band(newest["bands"], tpp, c.pd, bool(c.get("datacenter"))) is not None


def _spec_floor() -> float:
    """The lowest TPP that alone puts a chip in 3A090 (3A090.a.1 of the newest rule): a stated
    per-chip rate at or above it is a controlled chip's figure, whoever makes it."""
    banded = [r for r in rules().values() if r["kind"] == "rule" and "bands" in r]
    newest = max(banded, key=lambda r: _date(r["effective"]))
    return float(newest["bands"]["a1"]["tpp_min"])


# -- routes and evidence ---------------------------------------------------------------------------

UNCLASSIFIED = "unclassified US AI accelerator"
# The mention kinds that can become an item; a document with none of them has nothing to classify.
_ITEM_KINDS = frozenset({"chip", "domestic_chip", "ai_model", "generic_chip", "chip_spec", "cloud_provider"})


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
    if not any(m.kind in _ITEM_KINDS for m in ex.mentions):
        return []
    cancelled = cancellation(text, ex.notice_type)
    topic = topic_procurement(ex.project_name, text)
    # What holds for every item of the notice: the procurement did not happen, or its object is a
    # course or publications, whose subject the compute it names is.
    tie = nexus or china_nexus(text)
    doc_context = (f"cancelled: {cancelled}" if cancelled else f"topic: {topic}" if topic
                   else None if tie else "no China nexus: no PRC party, place or listed party is named")
    title, named_title = _title_evidence(ex, text)
    named = [m for m in ex.mentions if m.kind == "chip"]
    out: list[Classification] = []
    china_run: bool | None = None  # read once, at the first US provider named
    for mention in ex.mentions:
        if mention.kind in ("chip", "domestic_chip"):
            cls = _with_route(_classify_on(mention.normalized, on, mention.count, _is_system(text, mention)),
                              ex.mentions, mention, text)
            if mention.kind == "chip":
                cls.us_signal = "named chip"
                if is_benchmark(text, mention):
                    cls.us_signal = "benchmark chip"
                    cls.reason += f"; a benchmark: the notice asks for at least {cls.chip}-level performance"
            out.append(_assess(cls, mention, ex.mentions, text, doc_context, title, default_route, named_title))
        elif mention.kind == "ai_model":
            out.append(_assess(_model(mention, ex.mentions, text), mention, ex.mentions, text, doc_context, title))
        elif mention.kind in ("generic_chip", "chip_spec"):
            item = _unclassified(mention, named, ex.mentions, text)
            if item is not None:
                out.append(_assess(item, mention, ex.mentions, text, doc_context, title, default_route, named_title))
        elif mention.kind == "cloud_provider":
            if china_run is None:
                china_run = _china_operated_notice(text)
            item = _provider_item(mention, ex.mentions, text, china_run)
            if item is not None:
                out.append(_assess(item, mention, ex.mentions, text, doc_context, title))
    return _dedupe(out)


def _title_evidence(ex: Extraction, text: str) -> tuple[Evidence, Evidence]:
    """The evidence of the notice's title: its opening lines with the extracted project name, and
    the project name alone (an HTML page's opening may be its navigation bar; a project name is
    the procurement's own)."""
    head = evidence_in(text, 0, min(len(text), TITLE_CHARS), ex.mentions)
    name = ex.project_name or ""
    named = Evidence(frozenset(objects_in(name, 0, len(name))), frozenset(routes_in(name, 0, len(name))), frozenset())
    return Evidence(head.objects | named.objects, head.verbs | named.verbs, head.kinds), named


def _assess(cls: Classification, m: Mention, mentions: list[Mention], text: str,
            doc_context: str | None, title: Evidence, default_route: Route | None = None,
            named_title: Evidence | None = None) -> Classification:
    """Decide whether an item is a compute finding: a compute object, a US signal and a route in
    its item or paragraph, outside any negation, replacement, existing-equipment or cancellation."""
    # The route is read from the item's own line; a line that states none takes it from the
    # notice's title, then from the paragraph around it.
    line = evidence_in(text, *line_span(text, m.start, m.end), mentions, m)
    para = evidence_in(text, *paragraph_span(text, m.start, m.end), mentions, m)
    objects = set(line.objects | para.objects) | ({"hardware"} if cls.chip else set()) | ({"model"} if cls.model else set())
    provider_us = cls.us_signal == "US provider" or bool(cls.restriction and cls.provider)
    if cls.us_signal == "US provider" and not objects & {"hardware", "cloud", "general", "account", "purpose"}:
        objects = set()  # a provider is compute only when bought for it: an instance, an account, GPUs, training
    if not cls.model:
        route = None
        # a chip named only by maker, origin or spec needs its own item, paragraph or project name
        # to say how it is reached: a page's opening (its navigation bar) is not enough for so weak
        # a signal
        levels = ((line, para) + ((named_title,) if named_title else ())) if cls.needs_review else (line, title, para)
        for ev in (e for e in levels if e.has_route):
            route = route_for(set(ev.objects) | objects, set(ev.verbs), set(ev.kinds), provider_us)
            if route:
                break
        if route is None and cls.chip:
            # no words of a route: the rental or account mentions around the chip, else the default
            route = cls.route if cls.route not in (None, "hardware_purchase") else default_route
        if cls.us_signal == "US provider" and route == "hardware_purchase":
            route = "cloud_rental"  # buying a US provider's service is reaching compute remotely
        if route not in (None, "hardware_purchase") and cls.chip and NOT_AN_EXPORT not in cls.reason:
            cls.reason += "; " + NOT_AN_EXPORT
        cls.route = route
    us = cls.us_signal is not None
    if cls.chip and cls.us_signal in ("named chip", "benchmark chip"):
        c = _chip_by_name(cls.chip)
        us = bool(c and (cls.controlled or meets_figures(c["id"]))) or bool(cls.restriction and cls.route != "hardware_purchase")
    if cls.us_signal == "benchmark chip" and _domestic_item(text, m, mentions):
        us = False  # "国产GPU性能达到A100水平", "海光DCU（性能不低于A100）": the chip measures a domestic one
        cls.reason += "; the benchmark measures a domestic chip"
    scope = scope_of(text, m.start, m.end)
    if doc_context:
        cls.context = doc_context
    elif scope is not None:
        cls.context = f"{scope.effect}: {scope.cue}"
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
    return domestic_marker(text, lo, hi) or any(o.kind == "domestic_chip" and lo <= o.start < hi for o in mentions)


def _chip_by_name(name: str) -> Chip | None:
    return next((c for c in chips().values() if c["name"] == name), None)


# What a generic US chip is named by, for its reason.
_GENERIC_BY = {"US vendor": "maker", "NVIDIA interconnect": "its maker's own interconnect at an A100/H100-class rate"}


def _unclassified(m: Mention, named: list[Mention], mentions: list[Mention], text: str) -> Classification | None:
    """A US AI accelerator named only by maker or origin, or only by a per-chip rate at or above a
    controlled chip's: "unclassified US AI accelerator, needs review". A named US chip in the same
    paragraph is what the words describe, so it is classified instead."""
    lo, hi = paragraph_span(text, m.start, m.end)
    if any(lo <= n.start <= hi for n in named):
        return None
    tpp: float | None = None
    if m.kind == "chip_spec":
        tpp = float(m.normalized.removeprefix("tpp:"))
        # a rate in a notice that names a domestic chip, or under a domestic requirement, is a
        # domestic chip's ("昇腾…FP16算力≥320 TFLOPS", "国产AI加速卡…")
        domestic = any(o.kind == "domestic_chip" for o in mentions)
        if tpp < _spec_floor() or domestic or domestic_marker(text, lo, hi):
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
        controlled=False, rule=None, route="hardware_purchase", provider=provider["name"] if provider else None,
        restriction=provider.get("restriction") if provider else None,
        reason=f"{UNCLASSIFIED}, needs review: {why}; classify it once the model is known",
        start=m.start, end=m.end, us_signal=signal, needs_review=True,
    )


def _provider_item(m: Mention, mentions: list[Mention], text: str,
                   china_operated_notice: bool = False) -> Classification | None:
    """A US cloud provider bought for compute with no chip or model beside it: a cloud route
    ("采购亚马逊云科技（AWS）云计算服务，用于大模型训练"). A provider operated in China by its partner
    (21Vianet for Azure, 光环新网 / 西云数据 for AWS), or named in a China region, is not US compute."""
    provider = providers().get(m.normalized)
    if not provider or not provider.get("us"):
        return None
    if fold_pattern(m.text) in {fold_pattern(p) for p in provider.get("china_partners", [])}:
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
    return Classification(
        text=text[m.start: m.end], chip=None, model=None, count=None, tpp=None, pd=None, band=None,
        controlled=False, rule=None, route="cloud_rental", provider=provider["name"],
        restriction=provider.get("restriction"), reason=f"{provider['name']}: a US cloud provider; " + NOT_AN_EXPORT,
        start=m.start, end=m.end, us_signal="US provider",
    )


def _china_operated_notice(text: str) -> bool:
    """A notice that says a US cloud is operated by its China partner or in a China region (outside
    any negation: "非世纪互联运营" says the opposite), and names no overseas access anywhere: every
    mention of the cloud in it is the China service."""
    if routes_in(text, 0, len(text)) & {"overseas"}:
        return False
    return any(_stated_at(text, m.start(), m.end()) for m in china_operated_matches(text))


def _stated_at(text: str, start: int, end: int) -> bool:
    scope = scope_of(text, start, end)
    return scope is None or scope.effect not in ("negated", "replaced")


def _is_system(text: str, m: Mention) -> bool:
    """Several chips, or a server word next to the chip: a computer (4A090), classified by its ICs."""
    window = text[max(0, m.start - 20): m.end + 20]
    return bool(m.count and m.count > 1) or any(w in window for w in load_yaml("mentions.yaml")["system_words"])


def _clause(mentions: list[Mention], m: Mention, text: str, reach: int = PARAGRAPH_REACH) -> list[Mention]:
    """Mentions within ``reach`` characters of ``m``: what the same item line or sentence names."""
    lo = max(0, m.start - reach)
    hi = min(len(text), m.end + reach)
    return [o for o in mentions if o is not m and lo <= o.start <= hi]


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
        cls.provider = provider["name"]
        cls.restriction = provider.get("restriction")
    if cls.route != "hardware_purchase":
        cls.reason += "; " + NOT_AN_EXPORT
    cls.start, cls.end = m.start, m.end
    cls.text = text[m.start: m.end]
    return cls


def _model(m: Mention, mentions: list[Mention], text: str) -> Classification:
    info = models()[m.normalized]
    near = _clause(mentions, m, text)
    provider_ids = [o.normalized for o in near if o.kind == "cloud_provider"]
    host = info.get("hosted_by") or (provider_ids[0] if provider_ids else None)
    provider = providers().get(host) if host else None
    tokens = next((o for o in near if o.kind == "api_tokens"), None)
    # the model is the object: an account opened to reach it is the means, not the route
    route = "hosted_model" if provider else "model_api"
    reason = f"{info['name']} ({info['vendor']})"
    if tokens:
        reason += f", {tokens.count:,} tokens"
    if provider:
        reason += f", served by {provider['name']}"
    restricted = bool(info.get("us")) and not info.get("open_weights")
    if restricted:
        reason += f"; {info['restriction']}"
    reason += "; " + NOT_AN_EXPORT
    return Classification(
        text=text[m.start: m.end], chip=None, model=info["name"], count=tokens.count if tokens else None, tpp=None,
        pd=None, band=None, controlled=False, rule=None, route=route,  # type: ignore[arg-type]
        provider=provider["name"] if provider else None,
        restriction=(info.get("restriction") if restricted else None), reason=reason, start=m.start, end=m.end,
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
