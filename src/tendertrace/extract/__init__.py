"""Extract: a document's notice facts and export-control mentions, each with its span."""

from __future__ import annotations

import re

from ..knowledge import files as knowledge
from ..model import Document, Extraction, Lot, Party
from ..text.fold import name_key
from .clauses import is_clause_cue
from .fields import alias_after, extract_fields, row_amounts, table_lots
from .mentions import find_mentions
from .orgs import (
    OrgName,
    announcer_of,
    find_orgs,
    is_disclosure,
    owner_roles,
    places_only,
    upstream_supplier_roles,
)
from .tables import Table, find_tables, is_unit_price

__all__ = ["extract", "find_mentions", "find_orgs"]

# Of the roles a recogniser gives, the cues that are as good as a label: a role word before the name,
# a bracket after it (（以下简称“甲方”）), a contract's counterpart; then a verb after the name.
_CUE_RANK = {"向…采购": 1, "announces its result": 0, "listed as buyers": 2, "verb": 3, "issuer": 2, "signature": 2, "与…签订": 1, "signed with": 1, "announcer": 1, "为成交供应商": 0, "中标": 0, "选定": 0,
             "投标人（盖章）": 0}
# The cues of a sentence that names a result's winner among the bidders a table lists: "确定X为成交供应商",
# "X为本项目中标人" (政府采购法 第四十六条 成交供应商) and "拟选定X" (a price-comparison record's conclusion).
_PROSE_WINNER_CUES = ("为成交供应商", "选定")
# A buyer read from its clause (A与B签订, A向B采购) ranks with a contract's counterpart.
_CLAUSE_RANK = 1
# A project's owner or user (建设单位, 用户单位) comes after a 招标人/采购人 named beside it and before
# a contract's counterpart.
_OWNER_RANK = 0.5
# Notices that name no supplier yet: a "供应商" there is a requirement, not a party.
_NO_SUPPLIER_YET = ("tender_call", "intention")
# The words of a role that only a result gives (中标人, 成交供应商, 中选单位), or a named bid's
# consortium (联合体成员：X is a bidder named with the result or candidate it is part of).
_WINNER_WORDS = ("中标", "成交", "中选", "联合体")
# Buyers of one rank further than this from the first are other parties of the text, not co-buyers
# ("A和B采购" keeps both; a 用户单位 two paragraphs on does not join).
_SAME_CLAUSE = 60
# Organisations a document may add as ``mentioned``: a notice naming more (a register of bidders, a
# member list) is screened on the first ones, so one pathological file cannot stall a scan; a real
# notice of the corpus names about five.
MAX_MENTIONED = 300
# A name of fewer characters than this is an abbreviation or a fragment, not worth screening.
MIN_NAME = 4


def extract(doc: Document) -> Extraction:
    """Everything the later stages need from one document."""
    ex = extract_fields(doc)
    if not (doc.title or "").strip() and ex.project_name:
        # A file with no <title> and no record title is titled by the project it names (项目名称：…).
        doc.title = ex.project_name
    ex.mentions = find_mentions(doc.match_text or doc.text)
    for mention in ex.mentions:
        # A span never starts or ends on the line break or space a pattern may have taken at its edge.
        text = doc.text[mention.start: mention.end]
        mention.start += len(text) - len(text.lstrip())
        mention.end -= len(text) - len(text.rstrip())
        mention.text = doc.text[mention.start: mention.end]
    orgs = find_orgs(doc.text, doc.match_text or doc.text)
    add_parties(doc, ex, orgs)
    _completed_names(doc, ex, orgs)
    _prose_winners(ex, orgs)
    _second_names(doc, ex)
    if ex.mentions:
        # Only a document that mentions compute can have a compute row whose amount and supplier a
        # finding takes.
        tables = find_tables(doc.match_text or doc.text, doc.text)
        ex.amounts = row_amounts(doc, tables)
        in_table = table_lots(doc, tables)
        if in_table and not any(lot.supplier for lot in ex.lots):
            # A result table's rows name each lot's winner beside its figure: they are the lots.
            ex.lots = in_table
            announcer = _announcing_company(doc, orgs) if any(lot.buyer and not lot.supplier for lot in in_table) else None
            for lot in ex.lots if announcer else ():
                if lot.buyer and not lot.supplier:
                    # A disclosure's table of its customers: the announcing company supplies each one.
                    lot.supplier = announcer
        _lot_rows_elsewhere(doc, ex, tables)
    return ex


# The last characters of organisations' names that no suffix list spells out whole (博物院, 气象台,
# 养老院): a labelled name ending so is complete as written.
_ONE_CHARACTER_ENDINGS = tuple("院所馆站局部处队会社厂行店台校园场")


def _completed_names(doc: Document, ex: Extraction, orgs: list[OrgName]) -> None:
    """A party named short is the longer name the text writes elsewhere: a labelled value the page cut
    short (采购单位：上海师范大学附属xx现代) opens that name, which ends as a name does (…现代职业学校); a
    title's name without its place (新闵学校（中学部）…成交公告) ends the name the body writes with its
    divisions before it (上海市松江区新闵学校)."""
    conf = knowledge.orgs()
    endings = conf.zh_suffixes + conf.zh_weak_suffixes + conf.company_words
    for party in ex.parties:
        if party.name.isascii():
            continue
        longer = None
        if party.source == "label" and len(party.name) >= MIN_NAME and not party.name.endswith(endings) \
                and not party.name.endswith(_ONE_CHARACTER_ENDINGS):
            longer = next((o for o in orgs if o.name.startswith(party.name) and len(o.name) > len(party.name)
                           and o.name.endswith(endings)), None)
        elif party.source == "title":
            longer = next((o for o in orgs if o.name.endswith(party.name) and len(o.name) > len(party.name)
                           and places_only(o.name[: len(o.name) - len(party.name)])), None)
        if longer is None:
            continue
        ex.parties = [p for p in ex.parties if p is party or p.name != longer.name]
        party.name, party.span = longer.name, doc.span(longer.start, longer.end)  # the span of the whole name


def _prose_winners(ex: Extraction, orgs: list[OrgName]) -> None:
    """A result that lists several bidders (a quote or ranking table under a 供应商名称 header) and then names
    the winner in a sentence (确定X为成交供应商, 拟选定X): only the winner is the supplier; the other
    bidders are mentioned."""
    suppliers = [p for p in ex.parties if p.role == "supplier"]
    if len(suppliers) < 2 or ex.lots:
        return
    winners = {name_key(o.name) for o in orgs if o.role == "supplier" and o.cue in _PROSE_WINNER_CUES}
    named = {name_key(p.name) for p in suppliers}
    if not winners or not winners < named:
        return
    for party in suppliers:
        if name_key(party.name) not in winners:
            party.role = "mentioned"


def _second_names(doc: Document, ex: Extraction) -> None:
    """A buyer or supplier written with a bracketed other name of itself or its host (X研究所（Y集团第N研究所）):
    the bracket's name is screened too, as a name the document mentions."""
    seen = {name_key(p.name) for p in ex.parties}
    for party in list(ex.parties):
        if party.role not in ("buyer", "supplier") or party.span is None:
            continue
        span = alias_after(doc.text, party.span.end)
        if span is None:
            continue
        name = doc.text[span[0]: span[1]]
        if name_key(name) in seen:
            continue
        seen.add(name_key(name))
        ex.parties.append(Party(name, "mentioned", doc.span(*span), masked=party.masked, source="text"))


def _lot_rows_elsewhere(doc: Document, ex: Extraction, tables: list[Table]) -> None:
    """A result's lots itemised in a table of their own (包号 | 货物名称 | 规格型号 | 单价): a row that names
    a lot the result gave a winner is that lot's too, so its compute item takes the lot's winner and
    awarded figure; its unit price is no amount of the notice then."""
    won = {lot.lot: lot for lot in ex.lots if lot.lot and lot.supplier}
    if not won:
        return
    held = {(lot.span.start, lot.span.end) for lot in ex.lots if lot.span is not None}
    unit_prices: set[tuple[int, int]] = set()
    for table in tables:
        for row in table.rows:
            base = won.get(row.lot or "")
            if base is None or row.suppliers or (row.row.start, row.row.end) in held:
                continue
            ex.lots.append(Lot(base.lot, base.supplier, base.amount, doc.span(row.row.start, row.row.end), base.buyer))
            held.add((row.row.start, row.row.end))
            if base.amount is not None:
                unit_prices.update((m.cell.start, m.cell.end) for m in row.money if is_unit_price(m.column))
    if unit_prices:
        ex.amounts = [a for a in ex.amounts if (a.span.start, a.span.end) not in unit_prices]


def _announcing_company(doc: Document, orgs: list[OrgName]) -> str | None:
    """The company whose own disclosure the document is (证券代码 … 公司关于…), or None."""
    match = doc.match_text or doc.text
    if not is_disclosure(match):
        return None
    announcer = announcer_of(match, orgs)
    return announcer.name if announcer is not None else None


# How far after a winner's name its bracketed consortium list may run ("X（联合体成员：A、B）").
MEMBERS_REACH = 80
_CONSORTIUM_CUES = ("联合体牵头人", "联合体牵头方", "联合体主体", "联合体成员")


def _members_of_winners(doc: Document, ex: Extraction, orgs: list[OrgName]) -> list[OrgName]:
    """The members a labelled winner's bracket lists (中标单位：X（联合体成员：A、B）): the consortium won
    as one, so its members are suppliers too (招标投标法 第三十一条). A candidate's members are not."""
    ends = [p.span.end for p in ex.parties if p.role == "supplier" and p.span is not None]
    out = []
    for o in orgs:
        if o.role != "supplier" or o.cue not in _CONSORTIUM_CUES:
            continue
        for end in ends:
            between = doc.text[end: o.start]
            if 0 <= o.start - end <= MEMBERS_REACH and between[:1] in ("(", "（") and not re.search(r"[)）\n]", between):
                out.append(o)
                break
    return out


def _winner_word(cue: str | None) -> bool:
    """A role word that names a winner (中标单位为X, 成交供应商：X): a result is told, whatever the
    notice's type read from its title."""
    return cue is not None and any(w in cue for w in _WINNER_WORDS)




def add_parties(doc: Document, ex: Extraction, orgs: list[OrgName]) -> None:
    """Every organisation the text names becomes a party: the buyer, suppliers and agency when the
    labelled fields gave none, and ``mentioned`` otherwise, so that every one is screened."""
    masks = ("某", "××", "XX", "xx", "**", "＊＊")
    for party in ex.parties:
        party.masked = party.masked or any(m in party.name for m in masks)
    seen = {name_key(p.name) for p in ex.parties}
    taken: set[int] = set()
    # Where a labelled party stands, a shorter name the recogniser read inside it is a fragment of it.
    held = [(p.span.start, p.span.end) for p in ex.parties if p.span is not None and p.span.end > p.span.start]
    orgs = [o for o in orgs if not any(s <= o.start and o.end <= e and (s, e) != (o.start, o.end) for s, e in held)]

    def take(role: str, allowed: list[OrgName]) -> None:
        for org in allowed:
            key = name_key(org.name)
            if key in seen:
                continue
            seen.add(key)
            taken.add(org.start)
            ex.parties.append(Party(org.name, org.role if role == "any" else role, doc.span(org.start, org.end),  # type: ignore[arg-type]
                                    masked=org.masked, source="text"))

    if not ex.names("buyer"):
        buyers = [o for o in orgs if o.role == "buyer"]
        owners = owner_roles()

        def rank(o: OrgName) -> float:
            if o.cue in owners:
                return _OWNER_RANK
            return _CLAUSE_RANK if is_clause_cue(o.cue) else _CUE_RANK.get(o.cue or "", 0)

        best = min((rank(o) for o in buyers), default=None)
        chosen = [o for o in buyers if rank(o) == best]
        take("buyer", [o for o in chosen if o.start - chosen[0].start <= _SAME_CLAUSE])
    if not ex.names("supplier"):
        suppliers = [o for o in orgs if o.role == "supplier"
                     and (ex.notice_type not in _NO_SUPPLIER_YET or o.cue in _CUE_RANK or _winner_word(o.cue)
                          or is_clause_cue(o.cue))]
        upstream = upstream_supplier_roles()
        direct = [o for o in suppliers if o.cue not in upstream]
        if direct:
            # The agent or supplier the buyer deals with is named: the foreign seller behind it is mentioned.
            suppliers = direct
        take("supplier", suppliers)
    else:
        take("supplier", _members_of_winners(doc, ex, orgs))
    if not ex.names("agency"):
        take("agency", [o for o in orgs if o.role == "agency"][:1])
    added = 0
    for org in orgs:
        key = name_key(org.name)
        if key in seen or org.start in taken or (len(org.name) < MIN_NAME and not org.masked):
            continue
        if added >= MAX_MENTIONED:
            doc.warnings.append(f"more than {MAX_MENTIONED} organisations named; the rest are not screened")
            break
        added += 1
        seen.add(key)
        ex.parties.append(Party(org.name, "mentioned", doc.span(org.start, org.end), masked=org.masked, source="text"))
