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
from ..ingest.textnorm import match_text
from ..knowledge import load_yaml
from ..model import Classification, Extraction, Mention

__all__ = ["Chip", "chips", "chip", "classify_chip", "classify_text", "classify_extraction", "rules"]

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


# -- routes --------------------------------------------------------------------------------

def classify_extraction(ex: Extraction, text: str, on: date) -> list[Classification]:
    """Classify every chip and model mention of a document, each with its route and provider."""
    out: list[Classification] = []
    for mention in ex.mentions:
        if mention.kind in ("chip", "domestic_chip"):
            out.append(_with_route(classify_chip(mention.normalized, on, mention.count, _is_system(text, mention)),
                                   ex.mentions, mention, text))
        elif mention.kind == "ai_model":
            out.append(_model(mention, ex.mentions, text))
    return _dedupe(out)


def _is_system(text: str, m: Mention) -> bool:
    """Several chips, or a server word next to the chip: a computer (4A090), classified by its ICs."""
    window = text[max(0, m.start - 20): m.end + 20]
    return bool(m.count and m.count > 1) or any(w in window for w in load_yaml("mentions.yaml")["system_words"])


def _clause(mentions: list[Mention], m: Mention, text: str, reach: int = 160) -> list[Mention]:
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
    account = any(o.kind == "cloud_account" for o in near)
    route = "cloud_account" if account else "hosted_model" if provider else "model_api"
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
    )


def _dedupe(items: list[Classification]) -> list[Classification]:
    seen: set[tuple[Any, ...]] = set()
    out = []
    for c in items:
        key = (c.chip, c.model, c.route, c.provider, c.count, c.band)
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out


def classify_text(text: str, on: date) -> list[Classification]:
    """Classify a free line such as "租用云服务器500台，每台配置8块NVIDIA A100"."""
    folded = match_text(text)
    ex = Extraction(mentions=find_mentions(folded))
    items = classify_extraction(ex, folded, on)
    if not items:
        kinds = {m.kind for m in ex.mentions}
        if kinds & {"cloud_account", "cloud_provider", "gpu_rental"}:
            m = next(m for m in ex.mentions if m.kind in ("cloud_account", "gpu_rental", "cloud_provider"))
            provider_id = next((o.normalized for o in ex.mentions if o.kind == "cloud_provider"), None)
            provider = providers().get(provider_id) if provider_id else None
            route = "cloud_account" if "cloud_account" in kinds else "cloud_rental"
            items.append(Classification(
                text=text[m.start: m.end], chip=None, model=None, count=m.count, tpp=None, pd=None, band=None,
                controlled=False, rule=None, route=route, provider=provider["name"] if provider else None,  # type: ignore[arg-type]
                restriction=provider.get("restriction") if provider else None,
                reason=NOT_AN_EXPORT, start=m.start, end=m.end,
            ))
    for item in items:
        if item.start is not None:
            item.text = text[item.start: item.end]
    return items
