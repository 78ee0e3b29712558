"""Notice facts from labelled text: ``label：value`` lines, record keys and OCDS releases.

Labels live in knowledge/fields.yaml; nothing here knows a particular portal or document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, cast, get_args

from ..knowledge import files as knowledge
from ..model import Amount, AmountAt, Document, Extraction, LineItem, Lot, NoticeType, Party, Role, Span
from ..text.dates import parse_date
from ..text.fold import fold_pattern, name_key
from ..text.fold import line_end as end_of_line
from ..text.fold import line_start as start_of_line
from .amounts import (
    CAPITAL,
    MONEY,
    NUMBER,
    SPOKEN,
    YUAN_UNIT,
    YUAN_UNITS,
    currency_at,
    currency_before,
    find_amounts,
    parse_capital,
    parse_spoken,
    scale,
    tidy,
    to_number,
)
from .clauses import WRAP_LINE
from .dates import document_date
from .literals import longest_word_pattern
from .orgs import find_orgs, title_buyer
from .tables import Cell, Table, find_tables, is_rule_line

# A rate per unit after a figure (元/公顷, （元/台）, /month), not a bilingual "/ CNY 84,000".
# A figure over a period of several years or months (60万元/两年, 12万元/3个月) is that period's total,
# not a rate.
_PER_UNIT = re.compile(r"\s*[（(]?\s*(?:元|万元)?\s*/\s*(?![两二三四五六七八九十]+个?[年月])[\u4e00-\u9fffa-z]")
# Figures of money kept per document, for a finding to pick its row's: a table of 500 rows is
# the line-item limit too.
MAX_AMOUNTS = 500
_PAREN = r"(?:\s*[（(][^）)\n]{0,12}[）)])?"
_COLON = r"\s*[:：]\s*"


@cache
def _conf() -> knowledge.FieldsFile:
    return knowledge.fields()


@cache
def _pattern(key: str) -> re.Pattern[str]:
    """A regular expression of fields.yaml, in the matching form."""
    return re.compile(fold_pattern(getattr(_conf(), key)))


@cache
def _org_suffix() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(map(re.escape, _conf().org_suffixes)) + ")$")


_TRAILING_NUMBERING = re.compile(r"\s*[（(]?[一二三四五六七八九十]{1,3}[）)]?[、.．]?\s*$|\s*\d{1,2}[、.．]\s*$")


@dataclass(frozen=True, slots=True)
class _Labels:
    regex: re.Pattern[str]
    field_of: dict[str, str]


@cache
def _labels() -> _Labels:
    conf = _conf()
    field_of: dict[str, str] = {}
    for field in ("buyer", "agency", "supplier", "project_name", "project_number", "published"):
        for label in getattr(conf, field):
            field_of.setdefault(_squash(label), field)
    # Words that start another field on the same line; they end the value before them.
    stoppers = [*field_of, *conf.other_labels]
    # The labels grouped by their first character, longest first within a group as in the whole: a
    # position's character is compared once per group, not once per label (two groups never match
    # at the same position, so which label matches first is unchanged).
    groups: dict[str, list[str]] = {}
    for label in sorted(set(stoppers), key=len, reverse=True):
        first = fold_pattern(label).replace(" ", "")[0]
        groups.setdefault(_BRACKET_KEY.get(first, first), []).append(_spaced(fold_pattern(label)))
    alternation = "|".join("(?:" + "|".join(alternatives) + ")" for alternatives in groups.values())
    # What a match's first character can be (a numbering's or a label's), looked at before anything
    # else at each position: most positions of a text fail on it at once.
    opening = "".join(re.escape(ch) for ch in sorted({*groups, *_BRACKET_KEY}))
    regex = re.compile(
        r"(?=[" + opening + r"一二三四五六七八九十\d])"
        r"(?:^|(?<=[\s，。；;|、）)])|(?<=项目))(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]\s*)*(?P<label>" + alternation + r")"
        + _PAREN + r"(?:(?:\s*如下)?\s*[:：]\s*|为(?=\S)|(?<=信息)[ \t]*$)",  # 确定中标单位如下：X
        re.M,
    )
    return _Labels(regex, field_of)


# A label's first character as its group's key: an opening bracket of either width is one key.
_BRACKET_KEY = {"（": "(", "(": "("}


def _spaced(label: str) -> str:
    """A label that may have spaces between its characters ("名 称") and either width of bracket."""
    parts = []
    for ch in label.replace(" ", ""):
        if ch in "(（":
            parts.append("[(（]")
        elif ch in ")）":
            parts.append("[)）]")
        else:
            parts.append(re.escape(ch))
    return r"\s*".join(parts)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("(", "（").replace(")", "）")


# The kinds of amount label, each the name of its list in fields.yaml; a total investment is told as
# a budget (model.AmountKind) but read after every other kind.
_AMOUNT_KINDS = ("awarded", "max_price", "budget", "investment")


@cache
def _amount_labels() -> tuple[re.Pattern[str], dict[str, str], tuple[str, ...]]:
    conf = _conf().amounts
    kind_of = {fold_pattern(label): kind for kind in _AMOUNT_KINDS for label in getattr(conf, kind)}
    return re.compile(longest_word_pattern(kind_of)), kind_of, conf.exclude


@cache
def _compound_date_label() -> re.Pattern[str]:
    labels = "|".join(re.escape(fold_pattern(lab)) for lab in sorted(_conf().published, key=len, reverse=True)
                      if not re.search(r"[A-Za-z]", lab))
    # a bilingual gloss may stand between the label and its colon ("发布日期 / Date: 2025-05-22")
    return re.compile(r"(?m)^[^\n:：]{0,12}?(?:" + labels + r")(?:\s*/\s*[A-Za-z][A-Za-z .]{0,30}?)?\s*[:：]\s*([^\n]{6,40})")


@cache
def _bare_date_line() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in _conf().published_line)
    return re.compile(r"(?m)^[ \t]*(?:" + words + r")[ \t]*[:：][ \t]*([^\n]{6,40})$")


@cache
def _name_stop() -> re.Pattern[str]:
    return _pattern("name_stop")


@cache
def _notice_conf() -> tuple[list[tuple[str, list[str]]], dict[str, NoticeType]]:
    raw = knowledge.notice_types()
    ocds: dict[str, NoticeType] = {}
    for tag, kind in raw.ocds.items():
        if kind not in get_args(NoticeType):
            raise ValueError(f"notice_types.yaml: ocds.{tag}: {kind!r} is not a notice type")
        ocds[tag] = cast(NoticeType, kind)  # checked against the Literal's values just above
    return [(r.type, list(r.patterns)) for r in raw.rules], ocds


def notice_type_of(*texts: str | None) -> str | None:
    rules, _ = _notice_conf()
    for text in texts:
        if not text:
            continue
        for kind, patterns in rules:
            if any(p in text for p in patterns):
                return kind
    return None


# -- records --------------------------------------------------------------------------------


@cache
def _schemas() -> tuple[knowledge.RecordSchema, ...]:
    return knowledge.record_schemas()


def _record_of(doc: Document) -> dict[str, Any] | None:
    """The listing record a document is, or came with: a JSON record read as the document, or the keys
    beside the text of a JSON-lines line (its ``content``)."""
    record = doc.meta.get("record")
    return record if record is not None else doc.meta.get("record_meta")


def record_schema(doc: Document) -> knowledge.RecordSchema | None:
    record = _record_of(doc)
    for schema in _schemas():
        if record is not None and schema.detect and all(k in record for k in schema.detect):
            return schema
        if schema.detect_text and any(t in doc.text[:400] for t in schema.detect_text):
            return schema
    return None


# -- the extractor --------------------------------------------------------------------------


def extract_fields(doc: Document) -> Extraction:
    text = doc.match_text or doc.text
    ex = Extraction()
    if "ocds" in doc.meta:
        return _from_ocds(doc, doc.meta["ocds"], ex)
    schema = record_schema(doc)
    record = _record_of(doc) if schema else None
    recorded = record.get(schema.fields["title"]) if record is not None and schema is not None and "title" in schema.fields else None
    # a record read as the document titles it by its own title field, before its text's first line ("title: …")
    if recorded is None and schema is None and doc.format in ("json", "xml"):
        # a record no schema knows titles itself under a key ending "title" (BulletinTitle, ticket.title)
        recorded = next((m.group(2).strip() for m in _RECORD_LINE.finditer(text)
                         if _key_words(m.group(1))[-1:] and _key_words(m.group(1))[-1][-1:] == ["title"]), None)
    title = doc.title or (recorded if isinstance(recorded, str) else None) or _heading_line(text) or ""

    values = _labelled_values(text)
    record_amounts: dict[str, float] = {}
    if record is not None and schema and schema.fields:
        record_amounts = _from_record(doc, record, schema, ex)
    # A record's winner field: a correction of a result (中标公告内容更正, 结果变更) still names its winner.
    record_winners = any(p.role == "supplier" for p in ex.parties)

    hint = None
    if record is not None and schema and schema.fields.get("notice_hint"):
        hint = str(record.get(schema.fields["notice_hint"]) or "")
    read_type = notice_type_of(title) or notice_type_of(text[:300])
    hinted = _hint_type(hint)
    if hinted and read_type in (None, "tender_call"):
        # The portal's own kind of the record (jianyu's subtype 合同, 中标) over a call read only from a
        # title that names its project ("…采购项目" is the title of its call and of its contract alike).
        read_type = hinted
    ex.notice_type = read_type or "other"  # type: ignore[assignment]

    keyed_amount = _record_keys(doc, text, ex) if schema is None and doc.format in ("json", "xml") else None
    party_roles: tuple[Role, ...] = ("buyer", "agency", "supplier")
    for field in party_roles:
        if any(p.role == field for p in ex.parties):
            continue
        found = values.get(field, [])
        for i, (label, start, value) in enumerate(found):
            names = _names(doc, start, value, field)
            if names:
                ex.parties.extend(names)
                if field == "buyer":
                    first = {p.name for p in names}
                    ex.parties.extend(p for p in _co_buyers(doc, text, label, start, found[i + 1:]) if p.name not in first)
                break
    if ex.notice_type in ("tender_call", "other") and _result_told(text, values):
        # a call's or an export's title (网上竞价…出价记录), but its fields name the winner and what it
        # won for (成交供应商：X, 成交金额：…): the document tells a result
        ex.notice_type = "award"
    sections = _lot_sections(doc, text, values) if ex.notice_type in ("award", "single_source") else []
    if sections:
        # A result of several lots, each with its own winner: every lot's winner is a supplier.
        ex.parties = [p for p in ex.parties if p.role != "supplier"]
        named: set[str] = set()
        for _lot, supplier, _amount in sections:
            if supplier is not None and supplier.name not in named:
                named.add(supplier.name)
                ex.parties.append(supplier)
    if not any(p.role == "supplier" for p in ex.parties):
        ex.parties.extend(_table_suppliers(doc, text))
    if not any(p.role == "buyer" for p in ex.parties):
        _entrusted(doc, text, ex)
    if not any(p.role == "buyer" for p in ex.parties) and title:
        _buyer_from_title(doc, title, ex)
    if not any(p.role == "buyer" for p in ex.parties) and title and ex.notice_type in (*_TITLE_BUYER_KINDS, "award"):
        opening = title_buyer(title)
        winners = {name_key(p.name) for p in ex.parties if p.role == "supplier"}
        if opening is not None and name_key(opening) not in winners and not (
                ex.notice_type == "award" and _won_after_name().match(title, title.find(opening) + len(opening))):
            ex.parties.append(Party(opening, "buyer", _find_text(doc, opening), source="title"))
    result_correction = ex.notice_type == "correction" and any(
        w in title + (hint or "") for w in knowledge.orgs().zh_win_verbs + _RESULT_WORDS)
    if ex.notice_type not in ("award", "single_source") and not (result_correction and record_winners):
        ex.parties = [p for p in ex.parties if p.role != "supplier"]
        if "候选" in text:
            ex.proposed, ex.proposed_amount = _first_candidate(doc, text)

    if ex.project_name is None:
        for _label, start, value in values.get("project_name", []):
            name = value.strip().rstrip("。；;，, ")
            if name:
                ex.project_name = doc.text[start: start + len(name)].strip()
                break
    if ex.project_name is None and title:
        ex.project_name = _title_to_name(title)
    if ex.project_number is None:
        for _label, _start, value in values.get("project_number", []):
            code = re.split(r"[\s，。；;（、]|\((?=[\u4e00-\u9fff])", value.strip(), maxsplit=1)[0].strip()
            if code and re.search(r"[A-Za-z0-9]", code):
                ex.project_number = code
                break
    # "原公告发布日期", "首次公告日期": the date of the notice this one corrects or ends, not its own.
    own = [(lab, st, v) for lab, st, v in values.get("published", [])
           if not _ORIGINAL_NOTICE.match(text, text.rfind("\n", 0, st) + 1)]
    labelled = next((d for d in (parse_date(v) for _l, _s, v in own) if d), None)
    if labelled is None:
        # A date label that ends a longer one (论证意见发布日期：, 合同公告日期：).
        m = next((c for c in _compound_date_label().finditer(text) if not _ORIGINAL_NOTICE.match(text, c.start())), None)
        labelled = parse_date(m.group(1)) if m else None
    if labelled is None:
        # A line of its own that is only "日期：…" (a notice's or a letter's date line).
        m = _bare_date_line().search(text)
        labelled = parse_date(m.group(1)) if m else None
    if labelled is None and schema is None and doc.format in ("json", "xml"):
        labelled = _record_date(text)
    ex.published, ex.date_source = document_date(ex.published or doc.published, labelled, text)

    if record_amounts:
        kind = "awarded" if ex.notice_type == "award" and "awarded" in record_amounts else "budget"
        if kind == "budget" and ex.notice_type == "award":
            # A result whose record holds only its budget: the awarded amount its text states comes first.
            _amounts(doc, text, ex, schema)
            if ex.amount is not None and ex.amount.kind == "awarded":
                kind = ""
        if kind in record_amounts:
            ex.amount = Amount(tidy(record_amounts[kind]), "CNY", kind, None)  # type: ignore[arg-type]
    elif ex.amount is None:
        _amounts(doc, text, ex, schema)
    if ex.amount is None and keyed_amount is not None:
        ex.amount = keyed_amount
        ex.currency = keyed_amount.currency
    if sections:
        ex.lots = [lot for lot, _supplier, _amount in sections]
        amounts_in_lots = [amount for _lot, _supplier, amount in sections if amount is not None]
        stated = ex.amount.span if ex.amount is not None else None
        totals = _conf().amounts.total_words
        if (stated is not None and len(amounts_in_lots) >= 2 and ex.amount is not None
                and not any(w in (ex.amount.label or "") for w in totals)
                and any(lot.span and lot.span.start <= stated.start < lot.span.end for lot in ex.lots)):
            # The figure read is one lot's: a notice of several lots with no total states no single amount.
            ex.amount = None
    ex.items = _line_items(doc, text)
    return ex


def row_amounts(doc: Document, tables: list[Table] | None = None) -> list[AmountAt]:
    """Every figure of money of the document with the row or sentence holding it: the figures that
    state their currency or unit, and the cells of a table's money columns, whose unit the column's
    header or the table's unit line states (预算金额（万元） | 460.00)."""
    text = doc.match_text or doc.text
    found = [AmountAt(tidy(v), cur, doc.span(s, e), doc.span(cs, ce))
             for v, cur, s, e, cs, ce in find_amounts(text)[:MAX_AMOUNTS]]
    stated = [(a.span.start, a.span.end) for a in found]
    for table in find_tables(text, doc.text) if tables is None else tables:
        for row in table.rows:
            for money in row.money:
                cell = money.cell
                if any(s < cell.end and cell.start < e for s, e in stated):
                    continue  # the cell's figure states its own unit: already read
                found.append(AmountAt(tidy(money.value), "CNY", doc.span(cell.start, cell.end),
                                      doc.span(row.row.start, row.row.end)))
    stated = [(a.span.start, a.span.end) for a in found]
    for m in _LISTED_FIGURE.finditer(text):
        start, end = m.span("num")
        if any(s < end and start < e for s, e in stated):
            continue
        unit = _unit_above(text, m.start())
        if unit is not None:
            found.append(AmountAt(tidy(to_number(m.group("num")) * unit), "CNY", doc.span(start, end), doc.span(m.start(), m.end())))
    found.sort(key=lambda a: a.span.start)
    return found[:MAX_AMOUNTS]


def table_lots(doc: Document, tables: list[Table]) -> list[Lot]:
    """The rows of a result table that name a supplier each (包号 | 包名称 | 成交供应商 | 成交金额（元）),
    as lots with their row's span: two rows or more, or the table names no lots."""
    lots: list[Lot] = []

    def name(cells: tuple[Cell, ...]) -> str | None:
        if cells and _org_suffix().search(cells[0].text):
            return doc.text[cells[0].start: cells[0].end]
        return None

    for table in tables:
        rows = [(r, name(r.suppliers), name(r.buyers)) for r in table.rows]
        rows = [(r, s, b) for r, s, b in rows if s or b]
        if len(rows) < 2:
            continue
        for r, supplier, buyer in rows:
            amount = max((m.value for m in r.money), default=None)
            lots.append(Lot(r.lot, supplier, tidy(amount) if amount is not None else None,
                            doc.span(r.row.start, r.row.end), buyer))
    return lots


def _hint_type(hint: str | None) -> str | None:
    if not hint:
        return None
    for word, kind in _conf().record_notice_words:
        if word in hint:
            return kind
    return None


def _labelled_values(text: str) -> dict[str, list[tuple[str, int, str]]]:
    """field -> [(label, value start, value)] in document order.

    A value runs to the end of its line, its table cell or the next label on it; an empty value (a
    heading such as 采购人信息) borrows the 名称 line below it.
    """
    labels = _labels()
    out: dict[str, list[tuple[str, int, str]]] = {}
    matches = list(labels.regex.finditer(text))
    for i, m in enumerate(matches):
        label = _squash(m.group("label"))
        field = labels.field_of.get(label)
        if field is None:
            continue
        start = m.end()
        line_end = text.find("\n", start)
        end = len(text) if line_end < 0 else line_end
        if i + 1 < len(matches) and matches[i + 1].start() < end:
            end = matches[i + 1].start()
        cell_end = text.find(" | ", start, end)
        if cell_end >= 0:
            end = cell_end  # a value ends with its table cell ("项目名称：X | 项目负责人：Y")
        value = _TRAILING_NUMBERING.sub("", text[start:end])
        inner = _inner_label(value, field) if field in _PARTY_FIELDS else None
        if inner is not None:  # 成交供应商名称：\n包为“X”的成交供应商：Y -- the line below labels its value again
            start += inner
            value = value[inner:]
        if not value.strip() or label.endswith("信息"):
            below = re.compile(r"\n\s*(?:\d[.、．]?\d?\s*)?名\s*称" + _COLON + r"([^\n]+)").match(text, end if line_end < 0 else line_end)
            if below:
                value, start = below.group(1), below.start(1)
        out.setdefault(field, []).append((label, start, value))
    # A key-value table (a quotation's or a contract's header, Markdown or HTML flattened to cells):
    # a row of two cells whose first is a field's label and whose second is its value.
    taken = {start for values in out.values() for _l, start, _v in values}
    for m in _KEY_VALUE_ROW.finditer(text):
        field = labels.field_of.get(_squash(m.group("label")))
        if field is not None and m.start("value") not in taken:
            out.setdefault(field, []).append((_squash(m.group("label")), m.start("value"), m.group("value")))
            out[field].sort(key=lambda item: item[1])
    return out


# The fields that name a party.
_PARTY_FIELDS = frozenset({"buyer", "supplier", "agency"})


def _inner_label(value: str, field: str) -> int | None:
    """Where a value starts again when it opens with a phrase ending in the same field's label and a
    colon (a Shanghai result's 包为“智型美疗仪”的成交供应商：Y under its 成交供应商名称： heading): the
    offset after that colon, or None."""
    colon = next((i for i, ch in enumerate(value) if ch in ":："), -1)
    if colon <= 0 or "\n" in value[:colon]:
        return None
    return colon + 1 if _squash(value[:colon]).endswith(_inner_labels().get(field, ())) else None


@cache
def _inner_labels() -> dict[str, tuple[str, ...]]:
    """Each field's labels long enough to be read inside a value (供应商, not 名称: a label short enough
    to be any word is none)."""
    out: dict[str, list[str]] = {}
    for label, field in _labels().field_of.items():
        if len(label) >= MIN_INNER_LABEL:
            out.setdefault(field, []).append(label)
    return {field: tuple(labels) for field, labels in out.items()}


# The shortest label read inside a value.
MIN_INNER_LABEL = 3


# A row of exactly two cells ("| 客户名称 | 杭州某科技有限公司 |", "采购人 | 某大学"): a label and its value.
_KEY_VALUE_ROW = re.compile(r"(?m)^[ \t]*\|?[ \t]*(?P<label>[^|\n]{2,16}?)[ \t]*\|[ \t]*(?P<value>[^|\n]*[^|\s])[ \t]*\|?[ \t]*$")


# The word of a result besides its win verbs (结果变更, 中标结果更正): a correction of a result.
_RESULT_WORDS = ("结果",)
# A status remark names its maker or platform in a few characters before its word (（AWS合作伙伴）).
STATUS_REMARK_HEAD = 12


@cache
def _name_remark() -> re.Pattern[str]:
    status = "|".join(map(re.escape, _conf().name_status_remarks))
    return re.compile(r"[（(](?:" + "|".join(map(re.escape, _conf().name_remarks)) + r")[）)]"
                      r"|[（(][^（）()\n]{0," + str(STATUS_REMARK_HEAD) + r"}?(?:" + status + r")[）)]$")


@cache
def _no_agency() -> re.Pattern[str]:
    words = "|".join(map(re.escape, _conf().no_agency_remarks))
    return re.compile(rf"^\s*(?:{words})\s*$|[（(]\s*(?:{words})\s*[）)]")


@cache
def _en_abbreviated_end() -> re.Pattern[str]:
    """An English name ending in an abbreviated legal form (Ltd., Inc., Co., Corp., Bhd.; dotted ones such as
    L.L.C., S.A., S.p.A.): its point is its own."""
    words = longest_word_pattern(knowledge.orgs().en_abbreviated)
    return re.compile(r"\S\s+(?:" + words + r"|[A-Za-z](?:\.[A-Za-z])+)\.$")


# How long a bracket after a name may be and still name it again (a unit's full name with its host's).
MAX_ALIAS_CHARS = 80
# A bracket that closes a name (its content: another name, a place, a remark).
_CLOSING_BRACKET = re.compile(r"[（(](?P<inner>[^（）()\n]{2," + str(MAX_ALIAS_CHARS) + r"})[）)]\s*$")
# The same bracket standing right after a name in running text.
_ALIAS_BRACKET = re.compile(r"[（(][^（）()\n]{2," + str(MAX_ALIAS_CHARS) + r"}[）)]")
# An English name of two words or more (Starport Compute Pte. Ltd.), the bracketed form of a name's own English.
_LATIN_NAME = re.compile(r"[A-Za-z][\w.,&'\-]*(?:\s+[\w.,&'\-]+)+")
# A word that makes a Latin bracket an organisation's name (a legal form or a kind of body), and one
# that makes it a part of the name before it: English usage of the published lists' names.
_EN_ORG_WORD = re.compile(r"\b(?:Ltd|Limited|Inc|Corp|Corporation|Co|Company|LLC|GmbH|Pte|Bhd|PLC|Group|Holdings?|"
                          r"University|Institute|Academy|Laboratory|Lab|Center|Centre|College|School|Hospital|"
                          r"Bureau|Administration|Ministry|Agency|Foundation|Association|Technolog(?:y|ies)|"
                          r"Establishment|Commission|Authority|Council|Observatory|Station|Factory|Plant|Works)\b\.?", re.I)
# A bracket holding a registration code after a name: the 18-character unified social credit code
# (GB 32100-2015), masked or not, or another organisation code; it names no one.
_CODE_BRACKET = re.compile(r"[0-9A-Z*×xX]{8,20}")
_EN_BRANCH_WORD = re.compile(r"\b(?:Branch|Campus|Office|Representative Office)\b", re.I)
# The suffix that ends a name only when it is masked or generic (用户单位, 成员单位): no second name.
_GENERIC_SUFFIX = "单位"


def split_alias(name: str) -> tuple[str, str | None]:
    """A name written with a bracketed other name of itself or of its host after it
    (北京某研究所（某集团第五〇二研究所）, 某超算中心（某大学）, 某有限公司（Some Compute Pte. Ltd.）):
    the name before the bracket, and the bracket's name as a second name for screening.

    A bracket that names no organisation stays part of the name (a campus or place: 某工业大学（威海）),
    a bracket inside the name is no alias (华为技术（深圳）有限公司), and a marker of the unit itself
    (（本级）) is dropped with no second name."""
    m = _CLOSING_BRACKET.search(name)
    if not m:
        return name, None
    head = name[: m.start()].rstrip()
    inner = m.group("inner").strip()
    if (inner in _conf().name_self_markers or _CODE_BRACKET.fullmatch(inner)) and head:
        return head, None
    if len(head) < MIN_LISTED_NAME or not _org_suffix().search(head):
        return name, None
    if re.search(r"[\u4e00-\u9fff]", inner):
        if inner.endswith(tuple(_conf().name_branch_endings)):
            return name, None  # 某科技有限公司（天津分公司）: the branch itself
        if (len(inner) >= MIN_LISTED_NAME and _org_suffix().search(inner) and not inner.endswith(_GENERIC_SUFFIX)
                and inner not in _conf().generic_buyers):
            return head, inner
        return name, None
    if _LATIN_NAME.fullmatch(inner) and _EN_ORG_WORD.search(inner) and not _EN_BRANCH_WORD.search(inner):
        return head, inner  # （Starport Compute Pte. Ltd.）, not （Phase II） or （Tianjin Branch）
    return name, None


# A bracket that holds a label's colon or a list's 、 names other parties, not the name before it.
_LABELLED_OR_LISTED = re.compile(r"[:：、]")


def alias_after(text: str, end: int) -> tuple[int, int] | None:
    """The span of the bracketed second name right after a name ending at ``end``, or None."""
    m = _ALIAS_BRACKET.match(text, end)
    if not m:
        return None
    head_start = max(0, end - MAX_ALIAS_CHARS)
    _head, alias = split_alias(text[head_start: m.end()])
    if alias is None or _LABELLED_OR_LISTED.search(alias):
        return None  # "(联合体成员：A、B)" lists other parties under a label: no second name of this one
    start = text.find(alias, end)
    return (start, start + len(alias)) if start >= 0 else None


# A reference to a party's units after its name (中国联合网络通信有限公司及省分公司, X有限公司等子公司):
# the party is the name.
_UNITS_TAIL = re.compile(r"(?<=公司|集团)(?:以及|及|等)其?(?:省|市|各|下属|所属|全资|控股)?(?:分公司|子公司|成员单位|各单位|单位)$")


# A form's field that points elsewhere instead of naming a party: "Same as Buyer", "To order", 同上.
_PLACEHOLDER = re.compile(r"(?i)(?:same\s+as\b|as\s+above\b|to\s+order\b|to\s+the\s+order\s+of\b|n/?a$|同上|见上|详见|同采购人|同买方)")


# A reference to a party, not its name: the writer's own unit (最终用户为我单位本身, 本公司) or the one it
# writes to (贵公司), the one just named (该单位).
_REFERENCE_NAME = re.compile(r"(?:我|本|贵|该)(?:单位|公司|校|院|所|局|中心|集团|部门|司|方|厂|行)")


def _names(doc: Document, start: int, value: str, role: Role) -> list[Party]:
    lead = _NAME_LEAD.match(value)
    if lead:  # "采购人信息：名称：X" on one line
        value, start = value[lead.end():], start + lead.end()
    stop = _name_stop().search(value)
    raw = value[: stop.start()] if stop else value
    if role == "agency" and _no_agency().search(raw):
        return []
    address = _ADDRESS_BRACKET.search(raw)
    if address:  # 中国科学技术大学（合肥市金寨路96号）: the bracket is the address, not the name
        raw = raw[: address.start()]
    raw = _name_remark().sub("", raw)
    raw = split_alias(raw.strip())[0]
    kept = raw if _en_abbreviated_end().search(raw) else ""  # "… Pte. Ltd.": the point is the name's
    raw = kept or raw.rstrip("。.：:")
    if not raw or raw in ("/", "无", "-", "—") or _PLACEHOLDER.match(raw):
        return []
    parts: list[Party] = []
    pieces = [raw] if role != "supplier" else re.split(r"[、/]|(?:和|与)(?=\S{4,})", raw)
    if role == "buyer" and "、" in raw:
        # "B公司、C公司": co-buyers, when every piece is a name of its own.
        split = raw.split("、")
        if all(len(piece.strip()) >= MIN_LISTED_NAME and _org_suffix().search(piece) for piece in split):
            pieces = split
    offset = 0
    for piece in pieces:
        pos = value.find(piece, offset)
        offset = pos + len(piece) if pos >= 0 else offset
        name = _UNITS_TAIL.sub("", re.sub(r"(?:组成的)?联合体$", "", piece.strip()))
        if len(name) < 2 or len(name) > 80 or _REFERENCE_NAME.match(name):
            continue
        if role == "supplier" and not _org_suffix().search(_CAMPUS_BRACKET.sub("", name)) and not re.search(r"[A-Za-z]", name):
            continue  # (a campus or place in brackets may close the name: 哈尔滨工业大学(威海))
        begin = start + (pos if pos >= 0 else 0)
        parts.append(Party(doc.text[begin: begin + len(name)] if pos >= 0 else name, role, doc.span(begin, begin + len(name))))
    return parts


# The lines right under a buyer label where the same label, qualified in brackets, names a co-buyer
# ("招标人（项目业主）：A" then "招标人（总承包单位）：B、C").
CO_BUYER_LINES = 2


def _co_buyers(doc: Document, text: str, label: str, start: int, rest: list[tuple[str, int, str]]) -> list[Party]:
    base = re.split(r"[（(]", label, maxsplit=1)[0].strip()
    out: list[Party] = []
    line_end = text.find("\n", start)
    for other_label, other_start, value in rest:
        if line_end < 0 or text.count("\n", line_end, other_start) >= CO_BUYER_LINES:
            break
        if re.split(r"[（(]", other_label, maxsplit=1)[0].strip() != base:
            break
        out.extend(p for p in _names(doc, other_start, value, "buyer") if p.name not in {q.name for q in out})
        line_end = text.find("\n", other_start)
    return out


def _entrusted(doc: Document, text: str, ex: Extraction) -> None:
    """"受<采购人>委托，<代理机构>就……": the sentence that opens most Chinese tender calls."""
    head = text[:3000]
    found = [m for m in (_pattern("entrusted").search(head), _pattern("entrusted_by").search(head)) if m]
    if not found:
        prose = _pattern("buyer_in_prose").search(head)
        if prose and _org_suffix().search(prose.group("buyer")) and not any(p.role == "buyer" for p in ex.parties):
            start, end = prose.span("buyer")
            ex.parties.append(Party(doc.text[start:end].strip(), "buyer", doc.span(start, end)))
        return
    m = found[0]  # the usual form first, then the agency-first one
    buyer = m.group("buyer").strip()
    generic = buyer in _conf().generic_buyers
    if not generic and _org_suffix().search(buyer) and not any(p.role == "buyer" for p in ex.parties):
        # "受A、B、C的委托": several principals, each a buyer when each is a name of its own.
        pieces = buyer.split("、")
        if len(pieces) < 2 or not all(_org_suffix().search(piece) and len(piece) >= 4 for piece in pieces):
            pieces = [buyer]
        offset = m.start("buyer")
        for piece in pieces:
            start = doc.text.find(piece, offset, m.end("buyer"))
            start = offset if start < 0 else start
            ex.parties.append(Party(doc.text[start: start + len(piece)], "buyer", doc.span(start, start + len(piece))))
            offset = start + len(piece)
    if not any(p.role == "agency" for p in ex.parties):
        ex.parties.append(Party(doc.text[m.start("agency"): m.end("agency")], "agency", doc.span(m.start("agency"), m.end("agency"))))


_LOT_HEADING = re.compile(
    r"(?m)^[ \t]*(?:[（(]?[一二三四五六七八九十\d]{1,2}[）)、.．]\s*)?"
    r"(?P<lot>第[一二三四五六七八九十\d]{1,3}(?:包|标段|标包|子包|合同包|分包)"
    r"|(?:包|标段|标包|子包|合同包|分包)\s*[一二三四五六七八九十\d]{1,3}(?:号)?)(?=[\s:：（(，,、]|$)"
)
# A chapter heading (二、采购结果, 三、公示期限) ends the lot before it.
_CHAPTER = re.compile(r"\n[ \t]*[一二三四五六七八九十]{1,3}、")
# A section longer than this is not one lot's part of a result: the heading was a word in prose.
MAX_LOT_SECTION = 3000


def _lot_sections(doc: Document, text: str, values: dict[str, list[tuple[str, int, str]]]
                  ) -> list[tuple[Lot, Party | None, float | None]]:
    """A result's lots written one after another (包1：… 中标供应商：A 中标金额：… 包2：…): each lot's
    section of the text, its winner and its awarded figure. Two lots or more, each naming a winner."""
    heads = list(_LOT_HEADING.finditer(text))
    if len(heads) < 2:
        return []
    regex, kind_of, exclude = _amount_labels()
    out: list[tuple[Lot, Party | None, float | None]] = []
    for i, head in enumerate(heads):
        start = head.start("lot")
        end = heads[i + 1].start() if i + 1 < len(heads) else min(len(text), start + MAX_LOT_SECTION)
        if end - start > MAX_LOT_SECTION:
            return []
        chapter = _CHAPTER.search(text, head.end(), end)
        end = chapter.start() if chapter else end
        supplier = None
        for _label, at, value in values.get("supplier", []):
            if start <= at < end:
                names = _names(doc, at, value, "supplier")
                if names:
                    supplier = names[0]
                    break
        amount = None
        for m in regex.finditer(text, start, end):
            if kind_of[m.group(0)] != "awarded" or any(w in text[max(start, m.start() - 12): m.start()] for w in exclude):
                continue
            line_end = min(end, end_of_line(text, m.end()))
            segment = text[m.end(): min(line_end, m.end() + 48)]
            figure, _s, _e = _first_money(segment, text[start_of_line(text, m.start()): m.end()] + segment[:16], {})
            if figure is not None:
                amount = figure
                break
        if supplier is None:
            continue
        label = re.sub(r"\s+", "", head.group("lot"))
        out.append((Lot(label, supplier.name, tidy(amount) if amount is not None else None, doc.span(start, end)),
                    supplier, amount))
    if len(out) < 2 or len({lot.lot for lot, _s, _a in out}) < len(out):
        return []
    return out


# Another fee after a fee's figure (…元，建安工程费报价为81971890.60元): the price is a composite of fees.
_COMPOSITE_REST = re.compile(r"\s*[^，,；;。\n]{0,4}[，,；;、]\s*[\u4e00-\u9fff]{1,10}费[^，,；;。\n]{0,8}?(?:为|[:：])\s*" + NUMBER)


# A winning price stated in prose: "X以498万元中标", "awarded the contract … to X for US$680,000".
# Both branches open with a character ("a" before its word boundary is checked behind it, not
# ahead): a search then looks only at the positions that hold one, not at every position.
_PROSE_AWARD = re.compile(
    r"以\s*(?P<zh>(?:人民币|￥|¥)?\s*" + NUMBER + r"\s*(?:亿元|万元|元|万美元|美元))\s*(?:的价格|的报价|的总价)?\s*(?:成功)?(?:中标|成交|中选)"
    r"|a(?<=\ba)warded\b(?:[^.;]|\.(?!\s+[A-Z]|\s*$)){0,160}?\bfor\s+(?:a\s+total\s+of\s+)?(?P<en>(?:US\$|HK\$|USD|RMB|CNY|\$)\s*" + NUMBER
    + r"(?:\s*(?:million|billion))?)"
)


# A contract's value and a purchase's outlay stated in prose, as news of a company's filing writes
# them: "签署了总额高达5.54亿元的销售合同" (the contract's amount), "拟斥资不超过40亿元采购服务器" (what
# the purchase may cost: a budget). Each branch opens with its noun or verb, so a search tries only
# the positions holding one.
_PROSE_SUM = re.compile(
    r"(?:总额|总金额|金额|总价|价值)(?:高达|约为|约|为|达|共计|合计|超过)?\s*(?P<contract>(?:人民币)?\s*" + NUMBER
    + r"\s*(?:亿元|万元|元))的[^，,。；;\n]{0,16}?(?:合同|订单|协议)"
    r"|(?:斥资|出资|耗资|投资)(?:不超过|不超|约|近|超过|逾)?\s*(?P<outlay>(?:人民币)?\s*" + NUMBER
    + r"\s*(?:亿元|万元|元))(?:用于|以)?(?:采购|购买|购置|租用|租赁|建设)"
)


# A dollar figure as news writes it ($699 million, US$1.5bn, $14.2B): MONEY reads its value.
_EN_DOLLARS = r"(?P<en>(?:US)?\$\s?" + NUMBER + r"(?:\s*(?:million|billion|bn|mn|m|B|M)\b)?)"
# English news of an award states the contract's value before its noun ("a three-year, $15 million
# contract", "a $699 million, five-year contract", "$14.2B deal"): the figure is what was awarded.
_EN_CONTRACT_SUM = re.compile(
    _EN_DOLLARS +
    r"(?:,?\s+(?:[a-z0-9]+-(?:year|month)|multi-?year|firm-fixed-price|cost-plus|fixed-price))*"
    r"(?:\s+[a-z][a-z\-]*){0,3}?\s+(?:contracts?|deals?|awards?|agreements?|pacts?|task\s+orders?)\b"
)
# ... or the price a purchase is made for ("agreed to purchase two fire trucks from Martin Apparatus for $778,568").
_EN_BOUGHT_FOR = re.compile(
    r"\b(?:purchas|buy|bought|procur|order|acquir|lease|rent)\w*\b[^.;\n]{0,160}?\b(?:for|at\s+a\s+(?:cost|price)\s+of)\s+"
    + _EN_DOLLARS
)
# A contract's or an outlay's word one of which every ``_PROSE_SUM`` match holds: a cheap test first.
_PROSE_SUM_WORDS = ("合同", "订单", "协议", "斥资", "出资", "耗资", "投资")


# A first candidate's bid stands within this many characters after its name, before the next candidate.
CANDIDATE_REACH = 200
_NEXT_CANDIDATE = re.compile(r"第[二2]\s*(?:名|中标|成交|中选|候选)")


def _first_candidate(doc: Document, text: str) -> tuple[Party | None, Amount | None]:
    """The first-ranked candidate of a candidate publicity and its bid: 第一中标候选人：X (then
    投标报价：…), or a table row 中标候选人名称 | X | Y | Z over 投标报价 | x | y | z; the table
    first, since it holds the bids beside the names."""
    in_table = _candidate_table(doc, text)
    if in_table[0] is not None:
        return in_table
    ranked = _ranked_candidates(doc, text)
    if ranked[0] is not None:
        return ranked
    m = _pattern("first_candidate").search(text)
    if m:
        line_end = end_of_line(text, m.end())
        value = text[m.end(): line_end]
        stop = _NEXT_CANDIDATE.search(value)
        value = value[: stop.start()] if stop else value
        names = _names(doc, m.end(), value, "supplier")
        if names:
            name = names[0]
            after = name.span.end if name.span else m.end()
            reach = text[after: after + CANDIDATE_REACH]
            nxt = _NEXT_CANDIDATE.search(reach)
            reach_end = after + (nxt.start() if nxt else len(reach))
            bid = next(((v, s, e) for v, cur, s, e, _cs, _ce in find_amounts(text[:reach_end]) if s >= after and cur == "CNY"), None)
            amount = Amount(tidy(bid[0]), "CNY", "awarded", doc.span(bid[1], bid[2]), "投标报价") if bid else None
            return name, amount
    return None, None


@cache
def _candidate_row_start() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A table line whose first cell names the candidates' row (the cell up to its `` | ``): at the
    text's start, and after a line break (the break opens the second, so a search skips to breaks
    instead of trying a line start at every position)."""
    row = r"[ \t]*(?=[^\n|]*?\s\|\s)(?:" + _pattern("candidate_row").pattern.strip("^$") + r")\s\|\s"
    return re.compile(row), re.compile(r"\n" + row)


def _candidate_row(text: str) -> int | None:
    """Where the first line that opens the candidates' row starts, if any."""
    at_start, after_break = _candidate_row_start()
    if at_start.match(text):
        return 0
    m = after_break.search(text)
    return m.start() + 1 if m else None


def _candidate_table(doc: Document, text: str) -> tuple[Party | None, Amount | None]:
    bids = _pattern("bid_row")
    line_start = _candidate_row(text)
    if line_start is None:
        return None, None
    lines = text[line_start:].split("\n", CO_BUYER_LINES + 2)
    pos = line_start
    for i, line in enumerate(lines[:1]):
        cells = line.split(" | ")
        if len(cells) >= 2:
            first = cells[1]
            start = pos + len(cells[0]) + 3
            names = _names(doc, start, first, "supplier")
            if not names:
                return None, None
            amount = None
            bid_pos = pos + len(line) + 1
            for later in lines[i + 1: i + 1 + CO_BUYER_LINES + 1]:
                bid_cells = later.split(" | ")
                if len(bid_cells) >= 2 and bids.match(bid_cells[0].strip()):
                    money = MONEY.match(bid_cells[1].strip())
                    rate = "%" in bid_cells[0] and money is not None and to_number(money.group("num")) <= 100
                    if money and not rate:
                        at = bid_pos + len(bid_cells[0]) + 3
                        value = to_number(money.group("num")) * scale(money.group("unit"))
                        amount = Amount(tidy(value), "CNY", "awarded", doc.span(at, at + money.end()), bid_cells[0].strip())
                    break
                bid_pos += len(later) + 1
            return names[0], amount
        pos += len(line) + 1
    return None, None


# A candidates' column header between cell separators (a bar, a tab, two spaces), before tables are read.
_CANDIDATE_HEAD = r"[ \t]*(?:第[一1]名\s*)?(?:中标|成交|中选)?候选(?:人|单位|供应商)(?:名称|单位名称)?[ \t]*(?:\||\t|  |$)"
_CANDIDATE_CELL = re.compile(r"(?m)(?:^|\||\t|  )" + _CANDIDATE_HEAD)
# The same cell after a separator or a line break, which opens it: a search skips to them.
_CANDIDATE_CELL_AFTER = re.compile(r"(?m)(?:\n|\||\t|  )" + _CANDIDATE_HEAD)


def _ranked_candidates(doc: Document, text: str) -> tuple[Party | None, Amount | None]:
    """A candidate table laid out a row per candidate (排序 | 中标候选人名称 | 投标报价（元） over
    第一 | X | 41,580,000.00): the row ranked first, else the first row, and its bid."""
    candidate, rank, first, bid = (_pattern(k) for k in ("candidate_column", "rank_column", "first_rank", "bid_row"))
    if not (_CANDIDATE_CELL.match(text) or _CANDIDATE_CELL_AFTER.search(text)):
        return None, None  # no header cell names the candidates: no table to read
    for table in find_tables(text, doc.text):
        heads = [c.text for c in table.header.cells]
        column = next((i for i, h in enumerate(heads) if candidate.match(h)), None)
        if column is None:
            continue
        rank_at = next((i for i, h in enumerate(heads) if rank.match(h)), None)
        rows = [r for r in table.rows if column < len(r.row.cells) and r.row.cells[column].text]
        chosen = next((r for r in rows if rank_at is not None and rank_at < len(r.row.cells)
                       and first.match(r.row.cells[rank_at].text)), rows[0] if rows else None)
        if chosen is None:
            continue
        cell = chosen.row.cells[column]
        names = _names(doc, cell.start, text[cell.start: cell.end], "supplier")
        if not names:
            continue
        money = next((m for m in chosen.money if bid.search(m.column)), None)
        amount = (Amount(tidy(money.value), "CNY", "awarded", doc.span(money.cell.start, money.cell.end), money.column)
                  if money is not None else None)
        return names[0], amount
    return None, None


@cache
def _title_buyer_patterns() -> list[re.Pattern[str]]:
    return [re.compile(p) for p in _conf().title_buyer]


# The notices whose title opens with their buyer: calls, intentions, corrections and cancellations of
# them; and a result, unless the name that opens its title is its winner's (X公司中标…, X喜获…, or the
# winner the result names).
_TITLE_BUYER_KINDS = ("tender_call", "intention", "correction", "cancellation", "single_source")
def _result_told(text: str, values: dict[str, list[tuple[str, int, str]]]) -> bool:
    """Whether the labelled fields name a winner and the sum it won for: a result, whatever the title."""
    result_words = knowledge.orgs().zh_win_verbs  # words of a label only a result has (成交供应商, 中标金额)
    winners = [lab for lab, _s, v in values.get("supplier", []) if any(w in lab for w in result_words)
               and v.strip() and _org_suffix().search(re.split(r"[\s，,。；;|]", v.strip())[0])]
    if not winners:
        return False
    regex, kind_of, _exclude = _amount_labels()
    return any(kind_of.get(m.group(0)) == "awarded" and any(w in m.group(0) for w in result_words)
               for m in regex.finditer(text))


_BLANK_RUN = re.compile(r"[ \t\u3000]+")


@cache
def _won_after_name() -> re.Pattern[str]:
    """A news title's win right after the name opening it (orgs.yaml title_win_verbs): that name won."""
    conf = knowledge.orgs()
    return re.compile(r"\s*(?:" + longest_word_pattern(conf.title_win_adverbs) + r")?(?:"
                      + longest_word_pattern((*conf.zh_win_verbs, *conf.title_win_verbs)) + ")")


def _buyer_from_title(doc: Document, title: str, ex: Extraction) -> None:
    """Titles that name their buyer: "<buyer>2026年05月政府采购意向", "某单位……中标公告"."""
    for pattern in _title_buyer_patterns():
        m = pattern.search(title)
        if m and m.group("buyer").strip():
            name = m.group("buyer").strip()
            ex.parties.append(Party(name, "buyer", _find_text(doc, name)))
            return


# The longest first line read as a document's title: a notice's title runs to about sixty characters
# (a buyer's full name, a project's name and 中标结果公告); a longer line is a paragraph.
MAX_HEADING_CHARS = 80


def _heading_line(text: str) -> str | None:
    """The title of a document that carries none apart from its text (a plain-text, Markdown or DOCX
    notice): its first line, when that line ends as a notice's title does (…成交结果公告, …采购意向公示)."""
    head = text.lstrip()[: MAX_HEADING_CHARS + 1]
    line = head.split("\n", 1)[0].strip()
    if not line or len(line) > MAX_HEADING_CHARS:
        return None
    return line if re.search(_conf().title_suffix, line) else None


def _title_to_name(title: str) -> str | None:
    name = re.sub(r"^\[[^\]]{1,6}\]|\[[^\]]*\]$", "", title.strip())
    name = re.sub(r"^.{0,40}?关于", "", name) if "关于" in name[:40] else name
    name = re.compile(_conf().title_suffix).sub("", name).strip(" -—_")
    return name or None


# What may stand between a label and the line's end when its figure is wrapped onto the next line.
_WRAPPED_REST = re.compile(r"[ \t]*(?:[:：]|为|是|约|共计|合计)?[ \t]*(?:人民币|RMB|CNY)?[ \t]*")


def _amounts(doc: Document, text: str, ex: Extraction, schema: knowledge.RecordSchema | None) -> None:
    regex, kind_of, exclude = _amount_labels()
    words = _conf().amounts
    units = schema.units if schema else {}
    found: list[tuple[str, float, int, int, bool, str]] = []  # kind, value, start, end, combined, label
    for m in regex.finditer(text):
        line_start, line_end = start_of_line(text, m.start()), end_of_line(text, m.end())
        before = text[max(line_start, m.start() - 12): m.start()]
        # The label's own field of its line: a line of several fields ("价款：5,880万元；费率4.35%") may
        # state a rate in another field.
        field_start = max(line_start, max(text.rfind(ch, line_start, m.start()) for ch in _FIELD_ENDS) + 1)
        ends = [i for i in (text.find(ch, m.end(), line_end) for ch in _FIELD_ENDS) if i >= 0]
        line = text[field_start: min(ends, default=line_end)]
        if any(word in before for word in exclude) or any(word in line for word in words.rate_words):
            continue
        # A correction table's row (预算金额 | 480.00万元 | 720.00万元): the figure after correction.
        base = _corrected_cell(text, line_start, m.end()) or m.end()
        # A statement's total in a table aligned with spaces ("本期合计" … "38,760.25" at the right edge):
        # the run of blanks between is no part of the value.
        blank = _BLANK_RUN.match(text, base, line_end)
        if blank is not None and blank.end() - base > 2:
            base = blank.end()
        segment = text[base: min(line_end, base + 48)]
        if not segment.strip(" \t：:") and _HEADING_LABEL.match(text, line_start) and line_end < len(text):
            # A heading that is the label ("二、预算"): its figure is the line under it.
            base = line_end + 1
            line_end = end_of_line(text, base)
            segment = text[base: min(line_end, base + 48)]
        if base == m.end() and regex.search(segment[:6]):  # another label follows: this one is a heading word
            continue
        product = _COMPUTED_TOTAL.match(text, base, min(line_end, base + COMPUTED_REACH))
        if product is not None:
            # a total written as its computation ("256卡 × 12个月 × 4,500元 = 人民币壹仟叁佰捌拾贰万肆仟元整"): the
            # figure after the equals sign is the amount, the factors before it are not
            base = product.end()
            segment = text[base: min(line_end, base + 48)]
        if _PERCENT_LABEL.match(segment):
            continue  # 中标价(%)：98.67 states a rate of a fee standard, not money
        label_area = text[line_start: m.end()] + segment[:16]
        money, start, end = _first_money(segment, label_area, units, _unit_above(text, line_start))
        if money is None and line_end - line_start >= WRAP_LINE and line_end < len(text) and _WRAPPED_REST.fullmatch(segment):
            # A PDF's wrapped paragraph ("合同金额为人民币\n144,080,000.00 元"): the figure opens the next line.
            segment = text[base: min(end_of_line(text, line_end + 1), base + 48)].replace("\n", " ")
            money, start, end = _first_money(segment, label_area, units, _unit_above(text, line_start))
        if money is None:
            continue
        if m.group(0).isascii() and not _has_currency_or_unit(segment[start:end]):
            continue  # in English prose a bare figure after "worth" or "a total of" is a count or a year
        gap = segment[: start]
        after = segment[end: end + 3]
        if "费" in gap and _COMPOSITE_REST.match(segment, end) and not any(w in label_area for w in words.total_words):
            continue  # one fee of a composite price (设计费…元，建安工程费…元) with no total: not the amount
        if any(word in gap for word in exclude) or after[:1] in ("%", "％") or _PER_UNIT.match(segment, end):
            continue  # a rate (下浮率 3%) or a unit price (元/公顷) is not an amount
        kind = kind_of[m.group(0)]
        combined = kind != "awarded" and any(w in label_area for w in words.budget_words) \
            and any(w in label_area for w in words.ceiling_words)
        if combined:
            kind = "max_price"
        found.append((kind, money, base + start, base + end, combined, label_area))
    found.extend(_table_amounts(text, kind_of, units))
    for m in _PROSE_AWARD.finditer(text):
        figure = m.group("zh") or m.group("en")
        at = m.start("zh") if m.group("zh") else m.start("en")
        written = MONEY.match(figure)
        if written and (written.group("prefix") or written.group("unit")):
            value = to_number(written.group("num")) * scale(written.group("unit"))
            if value > 0:
                found.append(("awarded", value, at, at + written.end(), False, "以…中标"))
    for m in _PROSE_SUM.finditer(text) if any(w in text for w in _PROSE_SUM_WORDS) else ():
        group = "contract" if m.group("contract") else "outlay"
        written = MONEY.match(m.group(group))
        if written and written.group("unit"):
            value = to_number(written.group("num")) * scale(written.group("unit"))
            if value > 0:
                at = m.start(group)
                found.append(("awarded" if group == "contract" else "budget", value, at, at + written.end(), False,
                              "合同总额" if group == "contract" else "斥资"))
    for m in (*_EN_CONTRACT_SUM.finditer(text), *_EN_BOUGHT_FOR.finditer(text)) if "$" in text else ():
        written = MONEY.match(m.group("en"))
        if written and written.group("prefix"):
            value = to_number(written.group("num")) * scale(written.group("unit"))
            if value > 0:
                found.append(("awarded", value, m.start("en"), m.start("en") + written.end(), False, "$… contract"))
    for label, kind in (schema.amount_labels if schema else {}).items():
        for m in re.finditer(r"(?:^|\n)" + re.escape(label) + r"\s*[:：]\s*(" + NUMBER + r")\s*$", text, re.M):
            value = to_number(m.group(1)) * units.get(label, 1)
            if value > 0:
                found.append((kind, value, m.start(1), m.end(1), False, label))
    if not found:
        return
    found.sort(key=lambda f: f[2])
    ex.currency = "CNY"
    budgets = [f for f in found if f[0] == "budget" or f[4]]
    if budgets:
        ex.budget = tidy(budgets[0][1])
    # An award states what was awarded; other notices their budget or ceiling, and a contract notice
    # or a company's disclosure only its contract amount.
    order: tuple[str, ...] = ("awarded", "max_price", "budget") if ex.notice_type == "award" \
        else ("max_price", "budget", "awarded")
    if ex.notice_type == "other" and not any(w in (doc.title or ex.project_name or "") for w in words.services_for_a_project):
        # A project's approval, a company's investment notice, a news report: no procurement notice,
        # whose own price a total investment never is.
        order += ("investment",)
    for kind in order:
        of_kind = [f for f in found if f[0] == kind]
        if not of_kind:
            continue
        pick = of_kind[0]
        if len({round(f[1], 2) for f in of_kind}) > 1:
            totals = [f for f in of_kind if any(w in f[5] for w in words.total_words)]
            revised = [f for f in of_kind if any(w in f[5] for w in words.revised_words)]
            lots = [(_lot_label(text, f[2]), f) for f in of_kind]
            if revised:
                pick = revised[-1]  # a contract's or budget's figure after its change
            elif totals:
                pick = totals[0]
            elif all(label for label, _ in lots) and len({label for label, _ in lots}) == len(lots):
                # One figure per lot and no total: the notice states no single amount, unless it states
                # the project's budget, the total the lots share.
                ex.lots = [Lot(label, None, tidy(f[1])) for label, f in lots]
                if kind == "awarded" and budgets and budgets[0][1] > max(f[1] for f in of_kind):
                    budget = budgets[0]
                    ex.currency = currency_at(text[budget[2]: budget[3]])
                    ex.amount = Amount(tidy(budget[1]), ex.currency, "budget", doc.span(budget[2], budget[3]), budget[5])
                return
        elif _table_lot_label(text, text.rfind("\n", 0, pick[2]) + 1) and _more_lot_rows(text, pick[2]):
            # The first row of a lot table whose other lots stand in rows of another width (merged cells):
            # a figure of one lot, not the notice's.
            continue
        # A figure's span starts at its currency prefix when it has one (US$36 million, HK$15,600,000).
        ex.currency = currency_at(text[pick[2]: pick[3]])
        if CAPITAL.match(text, pick[2]):
            ex.currency = currency_before(text, pick[2]) or ex.currency
        told = "budget" if kind == "investment" else kind
        ex.amount = Amount(tidy(pick[1]), ex.currency, told, doc.span(pick[2], pick[3]), pick[5])  # type: ignore[arg-type]
        return


@dataclass(frozen=True, slots=True)
class _Column:
    """One cell of a table's column under a header cell that names it (``a | b | c`` lines)."""

    header: str  # the header cell's text
    label: str  # the label the header cell holds
    cells: list[str]  # the whole row
    index: int  # the column's position in the row
    offset: int  # where the cell starts in the text

    @property
    def cell(self) -> str:
        return self.cells[self.index]


@cache
def _any_word(words: tuple[str, ...]) -> re.Pattern[str]:
    """A search for any of ``words`` at once (whether a text holds one)."""
    return re.compile(longest_word_pattern(words))


def _table_columns(text: str, labels: list[str]) -> Iterator[_Column]:
    """The cells, row by row, of every table column whose header cell holds one of ``labels``
    (longest first): a header row of three cells or more, then the rows of the same width under it."""
    labels = sorted(labels, key=len, reverse=True)
    any_label = _any_word(tuple(labels))
    pos = 0
    header: tuple[int, str, str] | None = None  # column, label, header text
    width = 0
    for line in text.split("\n"):
        # A table is written " | " between cells (HTML, DOCX and PDF tables as ingest writes them) or
        # with tabs (a plain text or an e-mail copied from a spreadsheet).
        sep = " | " if " | " in line or "\t" not in line.strip() else "\t"
        cells = line.split(sep)
        if is_rule_line(line):
            pass  # the rule a Markdown or plain-text table draws under its header (---|---|---)
        elif len(cells) < 3:
            header = None
        else:
            named = [(i, c, next(lab for lab in labels if lab in c)) for i, c in enumerate(cells)
                     if not re.search(r"\d", c) and any_label.search(c)]
            if named:
                col, cell, label = named[0]
                header, width = (col, label, cell), len(cells)
            elif header and len(cells) == width:
                col, label, head = header
                yield _Column(head, label, cells, col, pos + sum(len(c) + len(sep) for c in cells[:col]))
            else:
                header = None
        pos += len(line) + 1


def _table_amounts(
    text: str, kind_of: dict[str, str], units: Mapping[str, float]
) -> list[tuple[str, float, int, int, bool, str]]:
    """Amounts in a column of a table (``a | b | c`` lines) whose header names an amount label."""
    out: list[tuple[str, float, int, int, bool, str]] = []
    for column in _table_columns(text, list(kind_of)):
        cap = CAPITAL.match(column.cell.strip())
        value_in_words = parse_capital(cap.group(0)) if cap else None
        if cap and value_in_words:
            # a figure in capital numerals first (壹仟伍佰叁拾陆万捌仟元整（￥15,368,000.00）): it is the cell's
            at = column.offset + len(column.cell) - len(column.cell.lstrip())
            out.append((kind_of[column.label], value_in_words, at, at + cap.end(), False, column.header))
            continue
        m = MONEY.search(column.cell)
        if m and m.start() < 4:
            unit = m.group("unit")
            factor = scale(unit) if unit else next(
                (scale(u) for u in YUAN_UNITS[:-1] if u in column.header),
                units.get(column.header) or _unit_above(text, column.offset) or 1.0)
            value = to_number(m.group("num")) * factor
            if value > 0 and "/" not in column.cell[m.end(): m.end() + 2]:
                label = "合计" if "合计" in column.cells[0] else column.header
                out.append((kind_of[column.label], value, column.offset + m.start("num"), column.offset + m.end(),
                            False, label))
    return out


def _table_suppliers(doc: Document, text: str) -> list[Party]:
    """Suppliers in the column of a result table whose header is a supplier label
    (序号 | 中标（成交）供应商名称 | 供应商地址 | 中标（成交）金额): each row's cell in it."""
    out: list[Party] = []
    for column in _table_columns(text, list(_conf().supplier)):
        for party in _names(doc, column.offset, column.cell, "supplier"):
            if party.name not in {p.name for p in out}:
                out.append(party)
    return out


def _lot_label(text: str, pos: int) -> str | None:
    line_start = start_of_line(text, pos)
    window = text[max(line_start, pos - 80): pos]
    labels = _pattern("lot_label").findall(window)
    return labels[-1] if labels else _table_lot_label(text, line_start)


# How many rows above a table row its header may stand.
MAX_TABLE_ROWS = 60
_LOT_HEADER = re.compile(r"(?:标段|标包|子包|合同包|包)(?:号)?")


def _more_lot_rows(text: str, pos: int) -> bool:
    """Whether a later row of the table under ``pos`` opens with another lot number (二 | …)."""
    line_end = text.find("\n", pos)
    first = text[text.rfind("\n", 0, pos) + 1: pos].split(" | ")[0].strip()
    for line in text[line_end + 1:].split("\n")[:MAX_TABLE_ROWS] if line_end >= 0 else []:
        if " | " not in line and not line.startswith("合计"):
            return False
        cell = line.split(" | ")[0].strip()
        if cell != first and re.fullmatch(r"[一二三四五六七八九十]{1,3}|[ⅠⅡⅢⅣⅤ]+", cell):
            return True
    return False


def _table_lot_label(text: str, line_start: int) -> str | None:
    """A table row's lot when the table's first column is headed by a lot word: 标段 | … over 一 | …
    gives 标段一."""
    line_end = text.find("\n", line_start)
    cells = text[line_start: len(text) if line_end < 0 else line_end].split(" | ")
    if len(cells) < 3 or not re.fullmatch(r"[一二三四五六七八九十\d]{1,3}|[ⅠⅡⅢⅣⅤ]+", cells[0].strip()):
        return None
    pos = line_start
    for _ in range(MAX_TABLE_ROWS):
        if pos <= 0:
            return None
        start = text.rfind("\n", 0, pos - 1) + 1
        row = text[start: pos - 1].split(" | ")
        if len(row) != len(cells):
            return None
        head = _LOT_HEADER.fullmatch(row[0].strip())
        if head:
            return re.sub(r"号$", "", row[0].strip()) + cells[0].strip()
        pos = start
    return None


# A date line that opens with a word saying it dates the original notice (原公告发布日期, 首次公告日期).
_ORIGINAL_NOTICE = re.compile(r"[ \t]*(?:[0-9一二三四五六七八九十]+[.、．][ \t]*)?(?:原|首次|原始|前次|上次)")
_NAME_LEAD = re.compile(r"\s*名\s*称\s*[:：]\s*")
# How far a label's computation may run before its equals sign ("256卡 × 12个月 × 4,500元 = ").
COMPUTED_REACH = 60
_COMPUTED_TOTAL = re.compile(r"[^\n=＝]{0,40}?[×xX*＊][^\n=＝]{0,40}?[=＝]\s*")
# A bracket that closes a name and holds a street address (a road or street word and a number).
# So does one that holds only a division path down to a district or county (（武汉市武昌区）, （广东省深圳市
# 南山区）): where the unit is, not a campus or branch, which a bare place names (哈尔滨工业大学（威海）).
_ADDRESS_BRACKET = re.compile(r"[（(][^（）()]{0,30}?(?:路|街|大道|道|巷|弄|号楼|大厦)[^（）()]{0,12}?\d+[^（）()]{0,8}[）)]\s*$"
                              r"|[（(](?:[\u4e00-\u9fff]{2,8}?(?:省|自治区))?[\u4e00-\u9fff]{2,8}?市[\u4e00-\u9fff]{1,6}?(?:区|县)[）)]\s*$")
# A piece of a list of buyers shorter than this is an abbreviation, not a name of its own.
MIN_LISTED_NAME = 4
_PERCENT_LABEL = re.compile(r"\s*[（(]\s*[%％‰]\s*[）)]")


def _has_currency_or_unit(figure: str) -> bool:
    m = MONEY.match(figure)
    return bool(m and (m.group("prefix") or m.group("unit")))


# The header cell of a correction table's column that holds the corrected text (更正事项 | 更正前内容 |
# 更正后内容, 变更前 | 变更后): 政府采购公告和公示信息格式规范 更正公告 更正信息.
_CORRECTED_HEAD = re.compile(r"^(?:更正|变更|修改|调整)后(?:内容|的内容)?$|^(?:现|新)(?:内容|为)$")
# A correction table's header stands this many lines above its row at most.
CORRECTION_ROWS = 12
# A row of a table has three cells at least (two are a label and its value).
MIN_TABLE_CELLS = 3


def _corrected_cell(text: str, line_start: int, label_end: int) -> int | None:
    """Where the corrected cell of the correction-table row at ``line_start`` starts, or None when
    the row is no such table's (or its label is not in the row's first cell)."""
    line = text[line_start: end_of_line(text, label_end)]
    cells = line.split(" | ")
    if len(cells) < MIN_TABLE_CELLS or len(cells[0]) < label_end - line_start:
        return None
    pos = line_start
    for _ in range(CORRECTION_ROWS):
        if pos == 0:
            return None
        above_start = start_of_line(text, pos - 1)
        above = text[above_start: pos - 1].split(" | ")
        if len(above) != len(cells):
            return None
        column = next((i for i, c in enumerate(above) if _CORRECTED_HEAD.match(c.strip())), None)
        if column is not None:
            return line_start + sum(len(c) + 3 for c in cells[:column])
        pos = above_start
    return None


# A line that states only the unit of the figures under it (单位：万元, （金额单位：人民币万元）).
# (a unit line may also close a header line after a wide gap: "预算单位：X区教育局        单位：万元")
# Opened at a line start or at the first of a run of blanks, with possessive blanks: a layout line of
# many spaces (PDF text) is then one attempt per run, not one per space and split.
_UNIT_LINE = re.compile(r"(?m)(?:^(?:[^\n|:：]{1,16}?[ \t])?|(?<![ \t])(?=[ \t]{2}|\t))[ \t]*+[（(]?[ \t]*+(?:金额|价格|资金|币种及)?单位[ \t]*+[:：][ \t]*+(?:人民币)?[ \t]*+(" + YUAN_UNIT + r")[ \t]*+[）)]?[ \t]*+$")
# What ends one field of a line of several ("价款：5,880万元；租期：36个月").
_FIELD_ENDS = "；;。"
# A numbered heading line (二、预算, 3. 采购预算) whose label ends it: the figure stands on the line below.
_HEADING_LABEL = re.compile(r"[ \t]*(?:[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)])[ \t]*\S{1,12}[ \t：:]*$", re.M)
# A line of an itemised list that ends in a bare figure of money after a wide gap ("（2）云服务租用    35.00"):
# its unit is the one a unit line above states (a line of its own, or after a table's caption: "2024年1-6月 单位：万元").
# Two decimals make it money, not a count.
_LISTED_FIGURE = re.compile(r"(?m)^[ \t]*\S[^\n]*?\S(?:[ \t]{2,}|\t)(?P<num>\d{1,3}(?:,\d{3})*(?:\d+)?\.\d{2})[ \t]*$")
# A unit line governs the labelled figures this many characters below it at most: one section of a
# report (a 重大合同 block), never the whole document.
UNIT_LINE_REACH = 800


def _unit_above(text: str, pos: int) -> float | None:
    """The unit a line of its own above ``pos`` states for the bare figures under it, within its section."""
    lo = max(0, pos - UNIT_LINE_REACH)
    found = list(_UNIT_LINE.finditer(text, lo, pos))
    if not found:
        return None
    last = found[-1]
    if _CHAPTER.search(text, last.end(), pos):
        return None  # a chapter heading between: the unit line is another section's
    return scale(last.group(1))


# What after a bare figure makes it a date or a count of time, not money (2024年, 12月, 30日).
_DATE_UNIT_AFTER = re.compile(r"\s*(?:年|月|日|号|天|周|季度|个月|[-/.]\d)")


# The unit of a bare figure stated as the next field ("121.5 价格单位： 万元", "金额单位：元").
_UNIT_FIELD = re.compile(r"\s*[,，;；|]?\s*(?:价格|金额|报价|货币)?单位\s*[:：]\s*(" + YUAN_UNIT + r")")
# How far after its label a figure said in words may open (为人民币一千九百二十万元): a currency word between.
SPOKEN_REACH = 8


def _first_money(segment: str, label_area: str, units: Mapping[str, float],
                 unit_above: float | None = None) -> tuple[float | None, int, int]:
    cap = CAPITAL.search(segment)
    m = MONEY.search(segment)
    if cap and (not m or cap.start() < m.start()):
        value = parse_capital(cap.group(0))
        return (value, cap.start(), cap.end()) if value else (None, 0, 0)
    spoken = SPOKEN.search(segment)
    if spoken and spoken.start() <= SPOKEN_REACH and (not m or spoken.start() < m.start()):
        value = parse_spoken(spoken.group(0))
        return (value, spoken.start(), spoken.end()) if value else (None, 0, 0)
    if not m:
        return None, 0, 0
    if m.start() > 24:
        return None, 0, 0
    unit = m.group("unit")
    factor = scale(unit)
    if unit is None and not m.group("prefix") and (_DATE_UNIT_AFTER.match(segment, m.end())
                                                   or re.search(r"[，,。；;]", segment[: m.start()])):
        return None, 0, 0  # a bare year (由于2024年上半年) or a figure of another clause is no amount
    field_unit = _UNIT_FIELD.match(segment, m.end()) if unit is None else None
    if field_unit is not None:
        # a record's sum and its unit in a field of their own (中标（成交）价格： 121.5 价格单位： 万元)
        return to_number(m.group("num")) * scale(field_unit.group(1)), m.start(), m.end()
    if unit is None:
        label_unit = re.search(r"[（(](" + YUAN_UNIT + r")[）)]", label_area)
        if label_unit:
            factor = scale(label_unit.group(1))
        else:
            key = next((k for k in units if k in label_area), None)
            if key:
                factor = units[key]
            elif unit_above is not None and not m.group("prefix"):
                factor = unit_above
            elif not m.group("prefix") and "." not in m.group("num") and to_number(m.group("num")) < 1000:
                return None, 0, 0
    value = to_number(m.group("num")) * factor
    if value <= 0:
        return None, 0, 0
    return value, m.start("num") if m.group("prefix") is None else m.start(), m.end()


@cache
def _item_headers() -> dict[str, str]:
    return {header: key for key, headers in _conf().item_headers.items() for header in headers}


def _line_items(doc: Document, text: str) -> list[LineItem]:
    """Rows of 主要标的信息 tables (rendered as ``a | b | c`` lines by ingest)."""
    items: list[LineItem] = []
    lines = text.split("\n")
    pos = 0
    header: list[str | None] | None = None
    for line in lines:
        cells = [c.strip() for c in line.split(" | ")]
        if len(cells) >= 3:
            keys = [_item_headers().get(c) for c in cells]
            if sum(1 for k in keys if k) >= 3 and "name" in keys:
                header = keys
            elif header and len(cells) == len(header):
                row = {k: v for k, v in zip(header, cells, strict=True) if k}
                if row.get("name"):
                    items.append(LineItem(
                        name=row["name"], brand=row.get("brand"), model=row.get("model"),
                        quantity=_float(row.get("quantity")), unit=row.get("unit"),
                        unit_price=_float(row.get("unit_price")), span=doc.span(pos, pos + len(line)),
                    ))
            else:
                header = None
        else:
            header = None
        pos += len(line) + 1
    return items[:500]


def _float(value: str | None) -> float | None:
    if not value:
        return None
    m = re.search(r"\d+(?:,\d{3})*(?:\.\d+)?", value)
    return to_number(m.group(0)) if m else None


def _from_record(doc: Document, record: dict[str, Any], schema: knowledge.RecordSchema, ex: Extraction) -> dict[str, float]:
    """Fields of a structured listing record; returns its amounts by kind."""
    fields = schema.fields
    units = schema.units
    for role in ("buyer", "agency", "supplier"):
        key = fields.get(role)
        value = record.get(key) if key else None
        if isinstance(value, str) and value.strip():
            for name in re.split(r"[,，、;；]", value) if role == "supplier" else [value]:
                name = (_winner_name(name.strip()) or "") if role == "supplier" else name.strip()
                if name and not (role == "supplier" and name in ex.names("buyer")):
                    # (a record whose winner field repeats its buyer names no winner)
                    ex.parties.append(Party(name, role, _find_text(doc, name, after=f"{key}: ")))
    listed = fields.get("suppliers")
    if listed and "[]." in listed:
        # a list of winners ("winnerInfo[].winner"): every winner of a result of several packages
        list_key, item_key = listed.split("[].", 1)
        items = record.get(list_key)
        for i, item in enumerate(items if isinstance(items, list) else []):
            name = _winner_name(str(item.get(item_key) or "").strip()) or "" if isinstance(item, dict) else ""
            if name and name not in ex.names("supplier") and name not in ex.names("buyer"):
                ex.parties.append(Party(name, "supplier", _find_text(doc, name, after=f"{list_key}[{i}].{item_key}: ")))
    amounts: dict[str, float] = {}
    for kind in ("awarded", "budget"):
        key = fields.get(kind)
        value = _record_money(record.get(key), units.get(key, 1)) if key else None
        if value is not None:
            amounts[kind] = value
    if amounts:
        ex.currency = "CNY"
    if "budget" in amounts:
        ex.budget = tidy(amounts["budget"])
    ex.published = parse_date(record.get(fields.get("published", "")), schema.timezone_hours or 0)
    for field in ("project_name", "project_number"):
        key = fields.get(field)
        if key and isinstance(record.get(key), str) and record[key].strip():
            setattr(ex, field, record[key].strip())
    return amounts


# A campus or place in brackets closing a name (哈尔滨工业大学(威海), 华为技术(深圳)): a division's short
# name, at most as long as 内蒙古 or 黑龙江; a longer bracket is a remark (（作为境外资源代理方）).
_CAMPUS_BRACKET = re.compile(r"\s*[（(][\u3400-\u9fff]{2,3}[）)]\s*$")
# A record's winner field ends its name with its bracketed role or place (（联合体牵头人）, （中国）) at most.
_TRAILING_BRACKET = re.compile(r"\s*[（(][^）)]{0,12}[）)]\s*$")
# ... or runs on into the page after a company's legal form (X有限公司杭州市滨江区…, X有限公司企业信息).
_LEGAL_FORM = re.compile(r".{2,}?(?:有限责任公司|股份有限公司|有限公司)(?![（(])")


def _winner_name(name: str) -> str | None:
    """A listing record's winner field as the organisation it names, ending as a name does (有限公司,
    医院, 经营部, Ltd); a company whose field runs on into the page keeps its name up to its legal form;
    a scraper's fragment of the page (股份, 系中华人民共和国合) names no winner."""
    if name.isascii():
        return name if any(c.isalpha() for c in name) else None
    conf = knowledge.orgs()
    endings = conf.zh_suffixes + conf.zh_weak_suffixes + conf.company_words + conf.public_body_words + conf.zh_business_endings
    bare = _TRAILING_BRACKET.sub("", name)
    if len(bare) >= 4 and bare.endswith(endings):
        return name
    form = _LEGAL_FORM.match(name)
    return form.group(0) if form else None


def _record_money(value: Any, factor: float) -> float | None:
    """A record's amount: a number in the schema's unit, or a string with its own unit ("114.80万元")."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) * factor if value > 0 else None
    if isinstance(value, str):
        m = MONEY.fullmatch(value.strip().replace("（含税）", "").replace("(含税)", ""))
        if m:
            amount = to_number(m.group("num")) * (scale(m.group("unit")) if m.group("unit") else factor)
            return amount if amount > 0 else None
    return None


def _ocds_name(party: Any) -> str | None:
    """An OCDS organisation's name; the 2014 draft schema nests it in ``id.name`` with the address."""
    if not isinstance(party, dict):
        return None
    name = party.get("name")
    if not name and isinstance(party.get("id"), dict):
        name = party["id"].get("name")
    if not name:
        return None
    name = str(name).split("\n")[0].strip()
    # "DEPARTMENT OF NATIONAL DEFENCE 101 COLONEL BY DR. OTTAWA ...": the name ends before the street number.
    return re.split(r"\s+\d", name, maxsplit=1)[0].strip() or name


def _find_text(doc: Document, value: str, after: str = "") -> Span | None:
    """The span of ``value`` in the text (of its first occurrence right after ``after``)."""
    pos = doc.text.find(after + value)
    if pos < 0:
        return None
    start = pos + len(after)
    return doc.span(start, start + len(value))


_CJK = re.compile(r"[\u3400-\u9fff]")
_RECORD_LINE = re.compile(r"^([A-Za-z_][\w.\[\]@\-]*):[ \t]*(\S[^\n]*)$", re.M)
_KEY_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def _key_words(key: str) -> list[list[str]]:
    """The words of each segment of a record key ("WinBidderList.WinBidder.BidAmount@unit")."""
    return [[w.lower() for w in _KEY_WORD.findall(seg)] for seg in re.split(r"[.\[\]@]+", key) if seg]


def _has_word(segments: list[list[str]], vocab: frozenset[str]) -> bool:
    for words in segments:
        joined = ["".join(words[i:i + 2]) for i in range(len(words) - 1)]
        if any(w in vocab for w in [*words, *joined, "".join(words)]):
            return True
    return False


# The words of a record's date keys, in the order they name the document's own date: when it was
# published or disclosed, then issued or signed, then created or dated (publishTime, disclosureDate,
# BulletinIssueTime, ticket.created_at); the time it was exported, downloaded or last changed is the
# copy's, and a deadline or an end is a later event's.
_DATE_KEY_RANKS = (frozenset({"published", "publish", "disclosure", "disclosed", "release", "released", "announced", "announce"}),
                   frozenset({"issued", "issue", "signed", "sign"}),
                   frozenset({"created", "create", "submitted", "submit", "date"}))
_COPY_KEY_WORDS = frozenset({"export", "exported", "download", "downloaded", "updated", "update", "modified", "end", "deadline",
                             "expire", "expiry", "due", "closing", "close"})


def _record_date(text: str) -> date | None:
    """The date of a record no schema knows: the value under its best date key (``_DATE_KEY_RANKS``)."""
    best: tuple[int, date] | None = None
    for m in _RECORD_LINE.finditer(text):
        words = {w for seg in _key_words(m.group(1)) for w in seg}
        if words & _COPY_KEY_WORDS:
            continue
        rank = next((r for r, ws in enumerate(_DATE_KEY_RANKS) if words & ws), None)
        if rank is None or best is not None and best[0] <= rank:
            continue
        when = parse_date(m.group(2).strip())
        if when is not None:
            best = (rank, when)
    return best[1] if best else None


def _record_keys(doc: Document, text: str, ex: Extraction) -> Amount | None:
    """Parties and the sum of a record no schema knows, from its key words (fields.yaml record_keys):
    a party where a role word stands in its key and the value is an organisation's name; the sum under
    a supplier's key or a total's. Returns the sum as an amount, or None."""
    keys = _conf().record_keys
    vocab = {role: frozenset(getattr(keys, role)) for role in ("buyer", "supplier", "agency")}
    names, sums, totals = frozenset(keys.names), frozenset(keys.sums), frozenset(keys.totals)
    chinese_buyer = frozenset(keys.buyer_in_chinese_data)
    units: dict[str, str] = {}
    found: list[tuple[int, float, str, int, int]] = []  # rank, value, key, start, end
    parties: list[tuple[int, int, Party]] = []  # rank, position, party
    for m in _RECORD_LINE.finditer(text):
        key, value = m.group(1), m.group(2).strip()
        if key.endswith("@unit"):
            units[key[: -len("@unit")]] = value
            continue
        segments = _key_words(key)
        if not segments:
            continue
        last = segments[-1]
        for role in ("buyer", "supplier", "agency"):
            words = vocab[role] | chinese_buyer if role == "buyer" and _CJK.search(value) else vocab[role]
            if not _has_word(segments, words) or not (set(last) & names or _has_word([last], words)):
                continue
            name = value.strip(" ;；,，")
            if re.search(r"[;；/|>]", name):
                break  # a path of units ("中心；研究部；设计室"), not one name
            if _org_suffix().search(name) or any(o.start == 0 and o.end >= len(name) - 1 for o in find_orgs(name)):
                # a key ending with "name" names the party before one ending with "dept" or "org"
                rank = 0 if last[-1:] == ["name"] else 1
                parties.append((rank, m.start(2), Party(name, role, doc.span(m.start(2), m.start(2) + len(name)), source="label")))
            break
        if (set(last) & sums or _has_word([last], sums)) and (_has_word(segments, vocab["supplier"]) or _has_word([last], totals)):
            money = MONEY.match(value)
            if money and money.end() >= len(value.rstrip()) - 4:
                factor = scale(units.get(key) or money.group("unit"))
                rank = 0 if _has_word([last], totals) else 1
                found.append((rank, to_number(money.group("num")) * factor, key, m.start(2), m.start(2) + money.end()))
    for role in ("buyer", "supplier", "agency"):
        of_role = sorted((r, at, p) for r, at, p in parties if p.role == role)
        if of_role and not any(p.role == role for p in ex.parties):
            ex.parties.append(of_role[0][2])
    if not found:
        return None
    rank, value, key, start, end = min(found, key=lambda f: (f[0], f[3]))
    if value <= 0:
        return None
    return Amount(tidy(value), currency_at(text[start:end]), "awarded", doc.span(start, end), key)


def _named_in(text: str) -> str | None:
    """The first organisation a release's description names, of the ones with an institution word or a
    legal form (the recogniser's English names)."""
    found = [o for o in find_orgs(text) if " " in o.name or not o.name.isascii()]
    return found[0].name if found else None


def _from_ocds(doc: Document, release: dict[str, Any], ex: Extraction) -> Extraction:
    tags = release.get("tag") or release.get("releaseTag") or []
    tags = [tags] if isinstance(tags, str) else list(tags)
    mapping = _notice_conf()[1]
    ex.notice_type = next((mapping[t] for t in reversed(tags) if t in mapping), "other")
    given = release.get("tender")
    tender: dict[str, Any] = given if isinstance(given, dict) else {}
    ex.project_name = (tender.get("title") or release.get("title") or doc.title or None)
    buyer_name = _ocds_name(release.get("buyer"))
    if buyer_name in _conf().ocds_publishers:
        # the republisher's name stands where the buyer does: the buyer is the one the tender's own
        # words name ("South Gloucestershire Council is establishing a new framework")
        buyer_name = _named_in(" ".join(str(tender.get(k) or "") for k in ("description", "title")))
    if buyer_name:
        ex.parties.append(Party(buyer_name, "buyer", _find_text(doc, buyer_name)))
    procuring = _ocds_name(tender.get("procuringEntity"))
    if procuring and procuring != buyer_name:
        ex.parties.append(Party(procuring, "agency", _find_text(doc, procuring)))
    value = None
    awards = [a for a in release.get("awards") or [] if isinstance(a, dict)]
    if ex.notice_type == "award":
        for award in awards:
            for supplier in award.get("suppliers") or []:
                name = _ocds_name(supplier)
                if name and name not in ex.names("supplier"):
                    ex.parties.append(Party(name, "supplier", _find_text(doc, name)))
            award_value = award.get("value") or award.get("awardValue")
            if isinstance(award_value, dict) and award_value.get("amount") is not None and value is None:
                value = ("awarded", award_value)
        contracts = [c for c in release.get("contracts") or [] if isinstance(c, dict)]
        # the 2014 draft schema names a contract's value contractValue
        contract_value = (contracts[0].get("value") or contracts[0].get("contractValue")) if contracts else None
        if value is None and isinstance(contract_value, dict):
            value = ("awarded", contract_value)
    tv = tender.get("value")
    if isinstance(tv, dict) and tv.get("amount") not in (None, 0):
        ex.budget = tidy(float(tv["amount"]))
        if value is None:
            value = ("budget", tv)
    if value is not None and value[1].get("amount") not in (None, ""):
        amount = float(value[1]["amount"])
        ex.currency = value[1].get("currency") or None
        ex.amount = Amount(tidy(amount), ex.currency or "", value[0], None)  # type: ignore[arg-type]
    awards_ids = [a.get("awardID") for a in awards if a.get("awardID")]
    ex.project_number = (tender.get("id") if tender.get("id") and tender.get("id") != release.get("id")
                         else awards_ids[0] if awards_ids else None)
    ex.published, ex.date_source = document_date(doc.published, None, doc.text)
    return ex
