"""Findings: documents that reach for controlled compute or restricted models, or name a listed party.

A finding is built from one document's stored results; notices of the same project (same project
number, or same buyer and project name) are merged into one case with a timeline. The score is

    score = 100 * min(1, listed + chips + unclassified + precontrol + remote + intermediary + amount + award)

    listed        0.45 x hit score for a listed party (self), 0.35 x hit score for an affiliate;
                  half that for a party the text only mentions; an owned party (Affiliates rule)
                  weighs as an affiliate while the rule is in force, as a note otherwise
                  scaled by what its list entails (LIST weights, knowledge/list_meanings.yaml:
                  an NS-CMIC investment ban is a note beside an Entity List licence requirement),
                  lowered for an entry added to its list after the notice's date
    chips         0.30 when an item is controlled (3A090 / 4A090 / licence letter) on the document's date
    unclassified  0.20 when, instead, a US AI accelerator is named only by maker, origin or spec
                  ("unclassified US AI accelerator, needs review")
    precontrol    0.10 when, instead, a named US chip whose figures meet 3A090 is not controlled on
                  the date (bought before its control applied, or the date is unknown)
    remote        0.30 for a cloud account, rented GPUs or model access from a US provider or model
                  whose maker excludes China
    intermediary  0.10 when a supplier stands between the buyer and a US provider
    amount        0.05 when an amount is stated
    award         0.05 when the notice is an award (money spent, not only sought)
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy.engine import Engine

from .. import store
from ..knowledge import files as knowledge
from ..model import (
    Amount,
    CaseDocument,
    Classification,
    DocumentResult,
    Evidence,
    Extraction,
    Finding,
    ListedHit,
    Lot,
    Provenance,
)
from ..rules.evidence import line_span

__all__ = ["Finding", "build_findings", "document_finding", "document_origin", "finding_sources", "hit_key", "item_band", "item_bands", "merge",
           "refresh_findings", "result_finding", "score_parts"]
from ..screen.meaning import list_meaning, list_weight, listed_later
from ..text.fold import fold_zh

# The listed part: this share of the best hit's score, by the party's relation to the listed
# entry -- the listed party itself weighs more than a sub-unit of it. A party owned 50 % or more
# by listed parties is, while the Affiliates rule is in force, restricted as they are: it weighs
# as an affiliate.
LISTED_WEIGHTS = {"self": 0.45, "affiliate": 0.35, "owned": 0.35}
# An owned party's weight by the Affiliates rule's state on the document's date: in force it is a
# licence requirement; suspended (or the date unknown) a red flag to check; before the rule was
# made, only a note that the party is now covered.
OWNED_STATE_SHARE = {"in force": 1.0, "suspended": 0.25, "date unknown": 0.25, "not yet made": 0.1}
# An owned party whose listed parents consolidate it without a stated share: a lead to check,
# not a shown holding of 50 %.
UNSTATED_SHARE = 0.5
# An entry added to its list after the document's date: no list restricted the party then; it is
# a party the US has since named, not one the deal was made with while listed.
LISTED_LATER_SHARE = 0.3
OTHER_RELATION_WEIGHT = 0.3  # a relation the screener may report that has no weight of its own
# A party the text only mentions (no buyer, supplier or agency role found for it) is less telling
# than a party to the deal: its hit counts for this share of the weight.
MENTIONED_SHARE = 0.5
# The other parts, each added once when its condition holds (see the module's docstring; the
# README's formula block states the same weights, and a test holds the two together). Controlled
# chips and restricted remote access weigh alike: either is the access the tool exists to find.
# An unclassified US AI accelerator (named by maker, origin or a spec, not by model) is likely
# controlled but not shown to be: it weighs less than a classified controlled chip. A named US
# chip of the controlled class bought before its control applied (or on an unknown date) is the
# kind of chip the controls are about, but no licence was needed then: it weighs less again.
PART_WEIGHTS = {"chips": 0.30, "unclassified": 0.20, "precontrol": 0.10, "remote": 0.30, "intermediary": 0.10,
                "amount": 0.05, "award": 0.05}


def hit_key(party: str, entry_id: str) -> str:
    """The stable key of a listed-party hit: the same party name against the same list entry, in
    whatever document and scan -- an analyst's dismissal of it holds for later scans too."""
    folded = re.sub(r"\s+", "", fold_zh(party)).lower()
    return hashlib.sha1(f"{folded}|{entry_id}".encode()).hexdigest()[:16]


def document_finding(doc: Mapping[str, Any], dismissed: frozenset[str] | set[str] = frozenset(),
                     lists: frozenset[str] | None = None) -> Finding | None:
    """The finding of one stored document (a ``documents`` row with its text), or None."""
    result = DocumentResult.from_dict(doc["result"]) if doc.get("result") else DocumentResult()
    ref = CaseDocument(id=doc["id"], file=doc.get("file") or doc.get("source"), source_id=doc.get("source_id"),
                       provenance=Provenance.from_dict(doc["provenance"]) if doc.get("provenance") else None)
    return result_finding(result, ref, doc.get("text") or "", doc.get("title"), dismissed, lists)


def result_finding(
    result: DocumentResult, ref: CaseDocument, text: str, title: str | None = None,
    dismissed: frozenset[str] | set[str] = frozenset(), lists: frozenset[str] | None = None,
) -> Finding | None:
    """The finding of one document's results, or None when it reaches for nothing of interest.

    Hits whose key is in ``dismissed`` do not count towards the score; they are kept aside in
    ``Finding.suppressed`` so the decision stays visible. With ``lists``, only hits on those lists
    count. Each hit says what its list entails and, when its entry was added after the document's
    date, that it was listed later.
    """
    ex = result.extraction
    classes = result.classifications
    on = ex.published or result.rules_date
    all_hits = [dataclasses.replace(h, key=hit_key(h.party, h.entry_id or h.entry),
                                    meaning=list_meaning(h.list, h.license_requirement),
                                    listed_later=listed_later(h.listed_on, h.federal_register, on))
                for h in result.hits if lists is None or h.list in lists]
    hits = [h for h in all_hits if h.key not in dismissed]
    suppressed = [h for h in all_hits if h.key in dismissed]
    # Only items the rules marked as a compute finding count: a compute object, a US signal and a
    # route in one item, outside negation or cancellation (rules.evidence).
    compute = compute_items(classes)
    chips = [c for c in compute if c.chip and not c.needs_review]
    models = [c for c in compute if _restricted_model(c)]
    if not (compute or all_hits):
        return None
    parts = score_parts(ex, classes, hits)
    score = round(100 * min(1.0, sum(parts.values())), 1)
    evidence: list[Evidence] = []
    for c in compute:
        if c.start is not None and c.end is not None:
            evidence.append(_evidence(ref.id, text, c.start, c.end))
    for h in hits:
        if h.start is not None and h.end is not None:
            evidence.append(_evidence(ref.id, text, h.start, h.end))
    amount = _stated_amount(ex, compute, text)
    suppliers = _compute_suppliers(ex, compute)
    if not suppliers and ex.proposed is not None:
        # A candidate publicity: the first-ranked candidate is the one proposed, its bid the price.
        suppliers = [ex.proposed.name]
        amount = ex.proposed_amount or amount
    amount_span = amount.span if amount else None
    if amount_span:
        evidence.append(_evidence(ref.id, text, amount_span.start, amount_span.end))
    published = ex.published.isoformat() if ex.published else None
    return Finding(
        case_id=_case_key(ex, ref.id, title),
        documents=[dataclasses.replace(ref, notice_type=ex.notice_type, date=published)],
        buyer=_compute_buyers(ex, compute), suppliers=suppliers, provider=_providers(classes),
        route=sorted({c.route for c in compute if c.route}),
        chips=sorted({c.chip for c in chips if c.chip}), models=sorted({c.model for c in models if c.model}),
        classification=list(classes), listed=hits, suppressed=suppressed,
        amount=amount.value if amount else None,
        currency=amount.currency if amount and amount is not ex.amount else ex.stated_currency(),
        date=published, score=score,
        score_parts=parts, evidence=evidence, quantity=_quantity(classes), title=title or ex.project_name,
        review_status="suppressed" if not (compute or hits) else "unreviewed",
        bands=item_bands(classes),
    )


def compute_items(classes: list[Classification]) -> list[Classification]:
    """The items that reach for compute or a model (the rules' compute-finding condition)."""
    return [c for c in classes if c.compute_finding]


def score_parts(ex: Extraction, classes: list[Classification], hits: list[ListedHit]) -> dict[str, float]:
    """The parts of the score that hold for one document (the hits an analyst dismissed left out)."""
    compute = compute_items(classes)
    controlled = [c for c in compute if c.controlled]
    review = [c for c in compute if c.needs_review]
    us_remote = [c for c in compute if _us_remote(c)]
    models = [c for c in compute if _restricted_model(c)]
    parts: dict[str, float] = {}
    if hits:
        parts["listed"] = max(_listed_weight(h) * h.score for h in hits)
    if controlled:
        parts["chips"] = PART_WEIGHTS["chips"]
    elif review:
        parts["unclassified"] = PART_WEIGHTS["unclassified"]
    elif any(c.chip for c in compute):
        parts["precontrol"] = PART_WEIGHTS["precontrol"]
    if us_remote or models:
        parts["remote"] = PART_WEIGHTS["remote"]
    if ex.names("supplier") and (us_remote or models) and _providers(compute):
        parts["intermediary"] = PART_WEIGHTS["intermediary"]
    if ex.amount is not None:
        parts["amount"] = PART_WEIGHTS["amount"]
    if ex.notice_type == "award":
        parts["award"] = PART_WEIGHTS["award"]
    return parts


def _listed_weight(h: ListedHit) -> float:
    """The hit's share of the listed part: its relation, its role, what its list entails, whether the
    list named it only after the document, and (owned) the Affiliates rule's state on the date."""
    weight = LISTED_WEIGHTS.get(h.relation, OTHER_RELATION_WEIGHT) * list_weight(h.list)
    if h.relation == "owned":
        weight *= OWNED_STATE_SHARE.get(h.rule_state or "date unknown", OWNED_STATE_SHARE["date unknown"])
        if h.owned_share is None:
            weight *= UNSTATED_SHARE
    if h.listed_later:
        weight *= LISTED_LATER_SHARE
    return weight * MENTIONED_SHARE if h.role == "mentioned" else weight


# A figure right after one of these words is a floor the notice sets ("不少于40万元的调用额度"),
# not what is paid; this many characters before the figure are read for them.
_FLOOR_WORDS = re.compile(r"(?:不少于|不低于|不小于|至少|最低|≥|>=|[Aa]t\s*least|[Nn]o\s*less\s*than)\s*[¥￥$]?\s*$")
_FLOOR_REACH = 12
# A figure named right before it, in its clause and cell, as a deposit, an agency's fee or a unit
# price ("投标保证金为人民币8万元", "单价不超过200万元", "a bid bond of RMB 50,000") prices no item: never
# the amount of its row (a 云服务费 is the item's price). The words stand within this many
# characters before the figure.
_PRICED_APART = re.compile(r"(?:保证金|(?:代理|招标|中标|成交|交易)服务费|代理费|招标费|文件费|单价|每台|每套|[Dd]eposit|[Bb]id\s*bond|"
                           r"(?:[Aa]gency|[Tt]ender|[Dd]ocument|[Rr]egistration)\s*fees?|[Uu]nit\s*price)[^，,。；;|\t\n\d]{0,12}$")
_APART_REACH = 24
# A figure labelled as a budget or ceiling right before it (采购预算：460.00万元, 最高限价为…): what may be
# spent, which a result's award replaces.
_BUDGET_BEFORE = re.compile(r"(?:预算|限价|控制价)[^，,。；;|\t\n\d]{0,6}$")
# Figures that price no item of the procurement: agency fees, deposits, other bidders' quotes.
_NOT_AN_ITEM = re.compile(r"代理|服务费|保证金|招标费|其他[^。；\n]{0,8}报价|[Aa]gency|[Dd]eposit")


def _stated_amount(ex: Extraction, compute: list[Classification], text: str = "") -> Amount | None:
    """The amount of the compute row or sentence, else the notice's amount.

    An item whose own sentence states no figure takes the first of the sentences after it in its
    paragraph (a disclosure names the contract, then what it brought in). A row's figure counts when the notice prices other items too (a multi-item list, an intention
    table; agency fees, deposits and other bidders' quotes price no item): then the compute row's
    figure is what the compute costs. A lone priced row in a notice
    that states its total is the one item's unit or line price, and the total stands. A figure
    set as a floor ("不少于70万元的资源使用额度") is a requirement, not the amount. Of several figures
    in the row, the largest is its total (unit price × quantity).
    """
    total = ex.amount.value if ex.amount is not None else None
    priced = {(a.context.start, a.context.end) for a in ex.amounts
              if a.value != total and not _NOT_AN_ITEM.search(text[a.context.start: a.context.end])}
    for c in compute:
        if c.start is None or c.end is None:
            continue
        stated = [a for a in ex.amounts
                  if not _FLOOR_WORDS.search(text[max(0, a.span.start - _FLOOR_REACH): a.span.start])
                  and not _PRICED_APART.search(text[max(0, a.span.start - _APART_REACH): a.span.start])]
        row = [a for a in stated if a.context.start <= c.start and c.end <= a.context.end]
        if not row:
            # the sentence after the item, in its paragraph: "…签订算力服务协议。报告期内该协议确认收入38,520万元"
            lo, hi = line_span(text, c.start, c.end)
            row = [a for a in stated if c.end <= a.context.start and a.context.end <= hi][:1]
        if not row:
            lot = next((lot for lot in ex.lots if lot.span is not None and lot.amount is not None
                        and lot.span.start <= c.start and c.end <= lot.span.end), None)
            if lot is not None and lot.amount is not None:
                # A result of several lots: the compute lot's awarded figure.
                return Amount(lot.amount, ex.currency or "CNY", "awarded", None)
            continue
        at = max(row, key=lambda a: a.value)
        lone = priced <= {(at.context.start, at.context.end)}
        own_lot = any(lot.span is not None and lot.supplier and lot.span.start <= c.start and c.end <= lot.span.end
                      for lot in ex.lots)
        # An award's or contract's stated total covers the rows it itemises, unless the compute row
        # is a lot of its own with its own winner.
        covers = ex.amount is not None and ex.amount.kind == "awarded" and not own_lot
        if ex.amount is not None and (lone or covers) and ex.amount.value >= at.value:
            return ex.amount
        if covers and ex.amount is not None and _BUDGET_BEFORE.search(text[max(0, at.span.start - _APART_REACH): at.span.start]):
            # A result that restates the budget beside the item ("采购预算：460万元") and then its award:
            # what was awarded is the amount, below the budget as awards are.
            return ex.amount
        return Amount(at.value, at.currency, at.kind, at.span)
    return ex.amount


def _compute_suppliers(ex: Extraction, compute: list[Classification]) -> list[str]:
    """The suppliers of the lots that hold a compute item (包2 | GPU服务器… | X公司 | 7,986,000.00),
    else the notice's: a result of several lots names the winner of each, and only the compute
    lot's winner supplies the compute."""
    chosen: dict[str, None] = {}
    for lot in ex.lots:
        if lot.span is None or not lot.supplier:
            continue
        if any(c.start is not None and c.end is not None and lot.span.start <= c.start and c.end <= lot.span.end
               for c in compute):
            chosen.setdefault(lot.supplier, None)
    return list(chosen) or _row_suppliers(ex, compute) or ex.names("supplier")


def _row_suppliers(ex: Extraction, compute: list[Classification]) -> list[str]:
    """Of several suppliers, the ones named in a compute item's own priced row or sentence
    (第二包：GPU服务器，中标供应商：X，中标金额：380万元): the winner of another row supplies another item."""
    suppliers = [p for p in ex.parties if p.role == "supplier" and p.span is not None]
    if len({p.name for p in suppliers}) < 2:
        return []
    rows = [(a.context.start, a.context.end) for a in ex.amounts for c in compute
            if c.start is not None and c.end is not None and a.context.start <= c.start and c.end <= a.context.end]
    return list(dict.fromkeys(p.name for p in suppliers for lo, hi in rows
                              if p.span is not None and lo <= p.span.start and p.span.end <= hi))


def _compute_buyers(ex: Extraction, compute: list[Classification]) -> list[str]:
    """The buyer of the table row that holds a compute item (a disclosure's customer), else the notice's."""
    chosen = {lot.buyer: None for lot in _compute_lots(ex, compute) if lot.buyer}
    return list(chosen) or ex.names("buyer")


def _compute_lots(ex: Extraction, compute: list[Classification]) -> list[Lot]:
    return [lot for lot in ex.lots if lot.span is not None and any(
        c.start is not None and c.end is not None and lot.span.start <= c.start and c.end <= lot.span.end for c in compute)]


def _us_remote(c: Classification) -> bool:
    """Remote access (an account, rented GPUs, a model) that a provider's or maker's policy
    restricts, or to controlled chips."""
    return c.route not in (None, "hardware_purchase") and bool(c.restriction or c.controlled)


def _restricted_model(c: Classification) -> bool:
    return bool(c.model and c.restriction)


def _providers(classes: list[Classification]) -> list[str]:
    return sorted({c.provider for c in classes if c.provider})


def _quantity(classes: list[Classification]) -> str | None:
    """"500 servers × 8 A100", "8 × H100", "40,000,000 tokens" -- what the notice says it wants."""
    parts = []
    for c in classes:
        if c.chip and c.count:
            servers = f"{c.servers} servers × " if c.servers else ""
            parts.append(f"{servers}{c.count} {c.chip}")
        elif c.chip and c.servers:
            parts.append(f"{c.servers} servers with {c.chip}")
        elif c.model and c.count:
            parts.append(f"{c.count:,} tokens of {c.model}")
    return "; ".join(dict.fromkeys(parts)) or None


def _evidence(doc_id: str, text: str, start: int, end: int) -> Evidence:
    return Evidence(doc_id, start, end, text[start:end])


# What a project's name is compared without: spaces, brackets and dashes, and the marks of a
# re-issued call (knowledge/notice_types.yaml).
_REISSUE = re.compile(r"[\s()（）\-—_]|" + "|".join(knowledge.notice_types().reissue_marks))


def _case_key(ex: Extraction, doc_id: str, title: str | None) -> str:
    number = (ex.project_number or "").strip()
    if number:
        key = f"no:{number}"
    else:
        name = _REISSUE.sub("", ex.project_name or title or doc_id)
        key = f"name:{'|'.join(sorted(ex.names('buyer')))}:{name}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def merge(findings: list[Finding]) -> list[Finding]:
    """Notices of one project become one case: documents in date order, the union of facts, the top score."""
    by_case: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_case[f.case_id].append(f)
    merged = []
    for case_id, group in by_case.items():
        group.sort(key=lambda f: (f.date or "", f.documents[0].id))
        base = max(group, key=lambda f: f.score)
        award = next((f for f in reversed(group) if f.documents[0].notice_type == "award"), None)
        classification = [c for f in group for c in f.classification]
        merged.append(Finding(
            case_id=case_id, documents=[d for f in group for d in f.documents],
            buyer=_union(f.buyer for f in group), suppliers=_union(f.suppliers for f in group),
            provider=_union(f.provider for f in group), route=_union(f.route for f in group),
            chips=_union(f.chips for f in group), models=_union(f.models for f in group),
            classification=classification,
            listed=_unique_hits(h for f in group for h in f.listed),
            amount=(award or base).amount, currency=(award or base).currency, date=group[-1].date,
            score=base.score, score_parts=base.score_parts, evidence=[e for f in group for e in f.evidence],
            quantity="; ".join(dict.fromkeys(f.quantity for f in group if f.quantity)) or None, title=base.title,
            suppressed=_unique_hits(h for f in group for h in f.suppressed),
            review_status="suppressed" if all(f.review_status == "suppressed" for f in group) else "unreviewed",
            bands=item_bands(classification),
        ))
    merged.sort(key=lambda f: (-f.score, f.date or "", f.case_id))
    return merged


def _unique_hits(hits: Iterable[ListedHit]) -> list[ListedHit]:
    """A case's hits, each party against each entry once (the first notice that names it), however
    many of the case's notices repeat it."""
    seen: dict[tuple[str | None, str], ListedHit] = {}
    for h in hits:
        seen.setdefault((h.key, h.entry_id or h.entry), h)
    return list(seen.values())


def intermediaries(f: Finding) -> list[str]:
    """The suppliers that stand between the buyer and a US provider (the README's definition, the
    score's ``intermediary`` part): the case's suppliers when one of its compute items reaches a
    US provider's restricted compute or model, else none -- a supplier selling hardware or a
    domestic cloud is a supplier, not an intermediary."""
    through_us = any(c.provider and (_us_remote(c) or _restricted_model(c)) for c in compute_items(f.classification))
    return list(f.suppliers) if through_us else []


def _union(lists: Iterable[list[str]]) -> list[str]:
    seen: dict[str, None] = {}
    for items in lists:
        for item in items:
            seen.setdefault(item, None)
    return list(seen)


def build_findings(engine: Engine, lists: frozenset[str] | None = None) -> list[Finding]:
    """All findings in the store, merged into cases, highest score first, with the analysts'
    latest decisions applied: a dismissed hit no longer counts, a reviewed case has its status.
    With ``lists``, only hits on those lists count (``scan`` / ``report --lists EL,MEU``)."""
    decisions = store.latest_decisions(engine)
    dismissed = {s.removeprefix("hit:") for s, d in decisions.items() if s.startswith("hit:") and d["decision"] == "dismissed"}
    found = []
    for doc in store.iter_documents(engine, status="processed", with_text=True, flagged_only=True):
        finding = document_finding(doc, dismissed, lists)
        if finding:
            found.append(finding)
    merged = merge(found)
    for f in merged:
        decision = decisions.get(f"case:{f.case_id}")
        if decision:
            f.review_status = decision["decision"]
    return merged


def refresh_findings(engine: Engine, lists: frozenset[str] | None = None) -> list[Finding]:
    """Build the findings and store them for the API and the review UI to filter and page."""
    built = build_findings(engine, lists)
    store.replace_findings(engine, built)
    return built


def item_band(item: Classification) -> str:
    """The band of a classified item: its ECCN band, else "remote access" or "not controlled"."""
    if item.band:
        return item.band
    return "remote access" if item.route not in (None, "hardware_purchase") else "not controlled"


def item_bands(classes: list[Classification]) -> list[str]:
    """The bands of the chip and model items ("3A090.a", "not controlled", "remote access" ...)."""
    return sorted({item_band(c) for c in classes if c.chip or c.model})


def document_origin(d: CaseDocument) -> dict[str, str | None]:
    """Where a finding's notice came from, for every output: ``link`` (an http(s) address a reader
    can open, or None) and ``label`` (the origin in one line; the stored path for a finding built
    before provenance was kept)."""
    prov = d.provenance
    label = prov.label() if prov is not None and not prov.empty() else ""
    return {"link": prov.link() if prov is not None else None, "label": label or d.file or d.source_id or d.id}


def finding_sources(f: Finding) -> list[str]:
    """Each of a finding's notices by its address, else its origin's label, in timeline order."""
    return list(dict.fromkeys(o["link"] or o["label"] or "" for o in map(document_origin, f.documents)))


def finding_row(f: Finding) -> dict[str, Any]:
    """A finding flattened for a table (CLI table, CSV, Markdown): the same fields as its dict."""
    return {
        "case_id": f.case_id, "date": f.date, "buyer": f.buyer, "suppliers": f.suppliers, "provider": f.provider,
        "route": f.route, "chips": f.chips, "models": f.models,
        "listed": [f"{h.party} → {h.entry} ({h.list}, {h.relation}{', ' + h.listed_later if h.listed_later else ''}"
                   f"{', Affiliates rule ' + h.rule_state if h.rule_state else ''})" for h in f.listed],
        "amount": f"{f.amount:,.0f} {f.currency or ''}".strip() if f.amount is not None else "", "score": f.score,
        "source": finding_sources(f),
    }
