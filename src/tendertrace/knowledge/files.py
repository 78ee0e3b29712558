"""Every knowledge file as a frozen dataclass, built from its YAML or CSV by its type.

The dataclasses below are the schema: a file's keys are the fields of its class, a key's value is
checked against the field's type as it is built (:func:`build`), and a :data:`Pattern` field is
compiled in the form the code compiles it. A missing key, a key the class does not know (a typo
would otherwise be ignored), a value of the wrong type or a pattern that does not compile raises
one :class:`~tendertrace.knowledge.KnowledgeError` naming the file, the key and the fault.

Each stage reads its file through the accessor of the same name (``context()``, ``fields()``,
``orgs()`` ...): parsed and built once per process, from the folder :func:`knowledge_dir` names.
"""

from __future__ import annotations

import csv
import dataclasses
import re
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, NewType, TypeVar, Union, get_args, get_origin, get_type_hints

import yaml

from ..text.fold import fold_pattern
from . import KnowledgeError, knowledge_dir

# A regular expression the code compiles (after folding, as it reads text); in a file either a
# string or a list of strings joined in order (a long alternation written as its parts).
Pattern = NewType("Pattern", str)

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class TableRow:
    """A row of a knowledge CSV, its columns by name."""

    number: int  # the line in the file (the header is line 1)
    cells: Mapping[str, str]


def read_yaml(directory: Path, name: str) -> Any:
    path = directory / name
    try:
        with path.open("r", encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except OSError as exc:
        raise KnowledgeError(name, "file", f"cannot be read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "file"
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise KnowledgeError(name, where, f"not valid YAML: {problem}") from None


def read_csv(directory: Path, name: str, columns: tuple[str, ...]) -> tuple[TableRow, ...]:
    try:
        with (directory / name).open("r", encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in columns if c not in (reader.fieldnames or ())]
            if missing:
                raise KnowledgeError(name, "header", f"lacks the column(s) {', '.join(missing)}")
            rows = []
            for number, cells in enumerate(reader, start=2):
                empty = [c for c in columns if not (cells.get(c) or "").strip()]
                if empty:
                    raise KnowledgeError(name, f"line {number}", f"empty {', '.join(empty)}")
                rows.append(TableRow(number, dict(cells)))
            return tuple(rows)
    except OSError as exc:
        raise KnowledgeError(name, "file", f"cannot be read ({exc.strerror})") from None


# -- building a value by its type ---------------------------------------------------------------


def _here(where: str, key: str) -> str:
    return f"{where} '{key}'" if where else f"key '{key}'"


def _pattern(file: str, where: str, value: Any) -> str:
    if isinstance(value, list) and value and all(isinstance(part, str) for part in value):
        value = "".join(value)
    if not isinstance(value, str):
        raise KnowledgeError(file, where, f"must be a pattern, not {type(value).__name__}")
    try:
        re.compile(fold_pattern(value))
    except re.error as exc:
        raise KnowledgeError(file, where, f"the pattern does not compile: {exc}") from None
    return value


def build(kind: Any, value: Any, file: str, where: str = "") -> Any:
    """``value`` read from ``file`` as a ``kind``: a dataclass, a tuple of a kind, a mapping of
    strings to a kind, an optional kind, a :data:`Pattern` or a plain str/int/float/bool."""
    if kind is Any:
        return value
    if kind is Pattern:
        return _pattern(file, where, value)
    origin = get_origin(kind)
    if origin is Literal:
        if value not in get_args(kind):
            raise KnowledgeError(file, where, f"must be one of {', '.join(map(str, get_args(kind)))}, not {value!r}")
        return value
    if origin in (Union, types.UnionType):
        options = [k for k in get_args(kind) if k is not type(None)]
        if value is None:
            return None
        for option in options[:-1]:  # the first kind the value is; the last one's fault otherwise
            try:
                return build(option, value, file, where)
            except KnowledgeError:
                continue
        return build(options[-1], value, file, where)
    if dataclasses.is_dataclass(kind):
        return _build_row(typing.cast(type, kind), value, file, where)
    if origin is tuple:
        (inner, _ellipsis) = get_args(kind)
        if not isinstance(value, list):
            raise KnowledgeError(file, where or "file", f"must be a list, not {type(value).__name__}")
        return tuple(build(inner, item, file, f"{where} item {i}".strip()) for i, item in enumerate(value, start=1))
    if origin in (Mapping, dict):
        _key, inner = get_args(kind)
        if not isinstance(value, dict):
            raise KnowledgeError(file, where or "file", f"must be a mapping, not {type(value).__name__}")
        return {str(k): build(inner, v, file, _here(where, str(k))) for k, v in value.items()}
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise KnowledgeError(file, where, f"must be a number, not {type(value).__name__}")
        return float(value)
    if kind is int and isinstance(value, bool) or not isinstance(value, kind):
        raise KnowledgeError(file, where, f"must be {kind.__name__}, not {type(value).__name__}")
    return value


def _build_row(cls: type[T], value: Any, file: str, where: str) -> T:
    if not isinstance(value, dict):
        raise KnowledgeError(file, where or "file", f"must be a mapping of keys, not {type(value).__name__}")
    hints = get_type_hints(cls)
    known = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    cells: dict[str, Any] = {}
    for name, spec in known.items():
        here = _here(where, name)
        if name not in value or value[name] is None:
            optional = spec.default is not dataclasses.MISSING or spec.default_factory is not dataclasses.MISSING
            if not optional:
                raise KnowledgeError(file, here, "is missing")
            continue
        cells[name] = build(hints[name], value[name], file, here)
    unknown = sorted(str(k) for k in value if k not in known)  # a typo would otherwise be ignored
    if unknown:
        raise KnowledgeError(file, _here(where, unknown[0]), f"is not a key of {cls.__name__} "
                             f"(known: {', '.join(sorted(known))})")
    return cls(**cells)


# -- the mapping files --------------------------------------------------------------------------


# What a scope does to the mentions in it (rules/context.py reads each).
# past: a bidder's track record; part: a part, spare or maintenance service of the item, not the item.
ScopeEffect = Literal["negated", "withdrawn", "replaced", "existing", "compatible", "past", "part", "reference"]


@dataclass(frozen=True, slots=True)
class Scope:
    """A cue whose clause negates, prohibits, replaces or conditions what it names."""

    effect: ScopeEffect
    pattern: Pattern
    reach: str | None = None  # "sentence": the scope runs to the sentence's end, not the clause's
    until: Pattern | None = None  # where the scope ends instead
    unless: Pattern | None = None  # a backward scope that does not hold when this follows


@dataclass(frozen=True, slots=True)
class ContextFile:
    """context.yaml: the scopes and document states that cancel or lower a mention."""

    scopes: tuple[Scope, ...]
    backward_scopes: tuple[Scope, ...]
    track_record_heading: Pattern  # a heading over a bidder's past projects (业绩)
    refused_answer: Pattern  # a clarification's answer that refuses what was asked
    scope_end: Pattern
    scope_comma: Pattern
    elaboration: Pattern  # a clause that lists what the clause before it names (包括但不限于)
    row_status: Pattern  # a table row's status cell that withdraws the row
    cancellation: Pattern
    cancel_words: Pattern
    condition: Pattern
    existing_end: Pattern
    correction_end: Pattern
    value_change: Pattern
    topic_procurement: Pattern
    no_purchase: Pattern  # a heading that says the text buys nothing (a job advertisement, a fraud warning)
    no_purchase_statement: Pattern  # a text's own statement, anywhere in it, that its activity buys nothing
    research_report_mark: Pattern  # the analyst's certificate number a securities research report states
    research_report: Pattern  # ... and the statements it carries beside it: commentary, no purchase
    job_duties: Pattern  # a job advertisement's duties section ...
    job_requirements: Pattern  # ... and its requirements section: the compute it names are skills
    procurement_heading: Pattern  # a heading's words that name a procurement (then no job advertisement)
    china_nexus: Pattern
    taiwan_script: Pattern
    prc_script: Pattern
    foreign_script: Pattern  # a buyer's country, city or currency outside the PRC, written in Chinese
    reference_cell: Pattern  # a table cell naming its column or row a reference (参考, 对比, 基准)
    lot_marker: Pattern  # the start of a lot's section (第1包, 标段二, Lot 2)


@dataclass(frozen=True, slots=True)
class GenericChip:
    """A generic US-chip phrase ("美国产高端GPU") and its signal; or, as ``requires`` alone, the
    words of a US vendor or origin that make a generic phrase near them count."""

    pattern: Pattern | None = None
    signal: str = ""
    requires: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SpecPatterns:
    """How a chip's performance figures are written, and the bits each number format counts."""

    pattern: Pattern
    pattern_after: Pattern
    sparse: Pattern
    aggregate: Pattern
    per_chip: Pattern
    tpp: Pattern
    bits: Mapping[str, int]
    scale: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class EvidenceFile:
    """evidence.yaml: compute objects, routes and US signals a compute finding is built from."""

    compute_objects: Mapping[str, Pattern]
    routes: Mapping[str, Pattern]
    generic_us_chip: tuple[GenericChip, ...]
    named_model: Pattern
    spec: SpecPatterns
    benchmark_before: Pattern
    benchmark_after: Pattern
    china_operated: Pattern
    compute_context: Pattern
    domestic_marker: Pattern
    cpu_only: Pattern  # an instance or server stated to have no GPU
    record_route: Pattern  # a record's field that says how its one asset was acquired (取得方式：购置)
    model_benchmark: Pattern  # a model named in its sentence as what another is compared against


@dataclass(frozen=True, slots=True)
class PhrasePattern:
    """A phrase that is itself a mention (a cloud account, a GPU rental, tokens bought)."""

    pattern: Pattern
    normalized: str
    requires: tuple[str, ...] = ()
    number_before: Pattern | None = None


@dataclass(frozen=True, slots=True)
class CountPatterns:
    """How counts of chips, servers and tokens are written around a mention."""

    before_chip: Pattern
    after_chip: Pattern
    servers: Pattern
    per_server: Pattern
    token_scale: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class MentionsFile:
    """mentions.yaml: the phrase mentions and the counts read beside a mention."""

    cloud_account: tuple[PhrasePattern, ...]
    gpu_rental: tuple[PhrasePattern, ...]
    api_tokens: tuple[PhrasePattern, ...]
    system_words: tuple[str, ...]
    vendor_context: Pattern
    counts: CountPatterns


@dataclass(frozen=True, slots=True)
class Sense:
    """Another sense of an ambiguous token, known by the words near it."""

    sense: str
    pattern: Pattern
    source: str


@dataclass(frozen=True, slots=True)
class SenseGroup:
    id: str
    # the mentions the group reads: "chip_code", or one kind and value ({token: AWS}, {provider: aws})
    applies: str | Mapping[str, str]
    senses: tuple[Sense, ...]
    context: str | None = None  # the context (of SensesFile.contexts) that makes the compute sense


@dataclass(frozen=True, slots=True)
class SensesFile:
    """senses.yaml: the other senses of chip codes, model and provider names."""

    window: int
    unit_after: Pattern
    dimension_after: Pattern
    contexts: Mapping[str, Pattern]
    venue_words: Pattern
    groups: tuple[SenseGroup, ...]


@dataclass(frozen=True, slots=True)
class HostingFile:
    """hosting.yaml: where a data centre abroad is named."""

    datacentre: Pattern
    reach: int
    exclude_codes: tuple[str, ...]
    extra_names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AmountLabels:
    awarded: tuple[str, ...]
    max_price: tuple[str, ...]
    budget: tuple[str, ...]
    investment: tuple[str, ...]  # a project's total investment: its amount only when nothing else is stated
    services_for_a_project: tuple[str, ...]  # title words of a service bought for a project, priced apart
    rate_words: tuple[str, ...]
    total_words: tuple[str, ...]
    revised_words: tuple[str, ...]  # a label of the figure after a change (变更后合同金额)
    budget_words: tuple[str, ...]
    ceiling_words: tuple[str, ...]
    exclude: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TableColumns:
    money: tuple[str, ...]
    money_not: tuple[str, ...]
    supplier: tuple[str, ...]
    supplier_not: tuple[str, ...]
    buyer: tuple[str, ...]
    buyer_not: tuple[str, ...]
    buyer_beside_supplier: tuple[str, ...]  # a column that gives each row's buyer beside a supplier column


@dataclass(frozen=True, slots=True)
class RecordKeys:
    """The words of a data record's keys that name a party or a sum (fields.yaml record_keys)."""

    buyer: tuple[str, ...]
    buyer_in_chinese_data: tuple[str, ...]  # the buyer's key words of China's platform data only
    supplier: tuple[str, ...]
    agency: tuple[str, ...]
    names: tuple[str, ...]
    sums: tuple[str, ...]
    totals: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FieldsFile:
    """fields.yaml: the labels of a notice's fields, amounts and tables."""

    buyer: tuple[str, ...]
    agency: tuple[str, ...]
    supplier: tuple[str, ...]
    project_name: tuple[str, ...]
    project_number: tuple[str, ...]
    published: tuple[str, ...]
    published_line: tuple[str, ...]
    amounts: AmountLabels
    other_labels: tuple[str, ...]
    name_stop: Pattern
    title_buyer: tuple[str, ...]
    item_headers: Mapping[str, tuple[str, ...]]  # an item table's column (name, brand, unit_price ...) -> headers
    record_notice_words: tuple[tuple[str, ...], ...]  # (word in a record's kind, notice type)
    org_suffixes: tuple[str, ...]
    generic_buyers: tuple[str, ...]
    ocds_publishers: tuple[str, ...]  # an OCDS republisher whose name stands where the buyer does
    record_keys: RecordKeys  # a schema-less record's key words: which party or sum a value is
    name_remarks: tuple[str, ...]
    name_self_markers: tuple[str, ...]  # a bracket after a name that says the unit itself (（本级）)
    name_branch_endings: tuple[str, ...]  # a bracket after a name that names a branch of it (（天津分公司）)
    name_status_remarks: tuple[str, ...]  # a bracket after a name that states its status (（AWS合作伙伴）)
    no_agency_remarks: tuple[str, ...]
    entrusted: Pattern
    entrusted_by: Pattern
    buyer_in_prose: Pattern
    lot_label: Pattern
    title_suffix: Pattern
    table_columns: TableColumns
    first_candidate: Pattern
    candidate_row: Pattern
    bid_row: Pattern
    candidate_column: Pattern
    rank_column: Pattern
    first_rank: Pattern


@dataclass(frozen=True, slots=True)
class NoticeRule:
    """A notice type and the title words that give it (plain words, matched as they stand)."""

    type: str
    patterns: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NoticeTypesFile:
    """notice_types.yaml: a notice's type from its title, and OCDS tags."""

    rules: tuple[NoticeRule, ...]
    ocds: Mapping[str, str]
    reissue_marks: tuple[Pattern, ...]


@dataclass(frozen=True, slots=True)
class OrgSources:
    zh_suffixes: str
    en_suffixes: str
    boundaries: str
    roles: str
    clause_frames: str
    award_news: str
    award_news_en: str


@dataclass(frozen=True, slots=True)
class AwardNews:
    """The words around a winner's short name in news of an award (extract/award_news.py)."""

    rank_words: tuple[str, ...]  # X综合排名第一
    rank_words_with_tail: tuple[str, ...]  # X成为第一中标候选人: these need the tail
    rank_adverbs: tuple[str, ...]  # X综合排名仍然位列第一
    rank_ordinals: tuple[str, ...]  # the rank that wins: the first
    shared_ordinals: tuple[str, ...]  # the ranks that win a shared award too
    shared_award_words: tuple[str, ...]  # the words that say an award is shared
    rank_tails: tuple[str, ...]  # 第一名, 第一中标候选人
    share_verbs: tuple[str, ...]  # X获得50%份额
    share_nouns: tuple[str, ...]
    count_words: tuple[str, ...]  # X预计中标数量1711台
    list_cues: tuple[str, ...]  # 中标的是X, 紧随其后的是A、B和C
    between_before: tuple[str, ...]  # 由X中标
    between_not_after: tuple[str, ...]  # 理由, 经由: 由 ends a word
    package_words: tuple[str, ...]  # 标项, 标包: a package is no name
    between_after: tuple[str, ...]
    coordinators: tuple[str, ...]  # A和B分别获得
    not_names: tuple[str, ...]  # words that stand where a name does and are none (厂商, 国产厂商)


@dataclass(frozen=True, slots=True)
class AwardNewsEn:
    """The frames of an English sentence reporting a contract award (extract/award_en.py)."""

    award_verbs: tuple[str, ...]  # X has awarded Y a contract; X awarded a contract to Y
    buy_verbs: tuple[str, ...]  # X agreed to purchase … from Y
    passive_verbs: tuple[str, ...]  # Y has been awarded a contract by X
    win_verbs: tuple[str, ...]  # Y won a contract from X
    objects: tuple[str, ...]  # what is awarded or won: contract, deal, task order
    provide_verbs: tuple[str, ...]  # Y will provide X with ...
    choose_verbs: tuple[str, ...]  # X approved the bid from Y; making the purchase from Y
    offer_nouns: tuple[str, ...]  # what a seller offers or a buyer makes: bid, offer, quote, purchase
    auxiliaries: tuple[str, ...]  # words between a subject and its verb: has, recently, today
    descriptors: tuple[str, ...]  # the noun of a descriptor before a name: IT services firm CGI Federal
    list_openers: tuple[str, ...]  # to nine suppliers, including Y
    not_names: tuple[str, ...]  # capitalised words that open a sentence and name no one
    country_words: tuple[str, ...]  # open a name ("U.S. Army", "China Mobile"), none alone
    prepositions: tuple[str, ...]  # a phrase they open is no item of a list ("For the Washington Headquarters Services")
    connectives: tuple[str, ...]  # the lower-case words between a name's words (Department of Defense)


@dataclass(frozen=True, slots=True)
class ClauseFrame:
    """A verb or preposition relating two organisations of a clause ({A}, {B}), and the role it gives each."""

    name: str
    pattern: str
    a: str
    b: str

    def __post_init__(self) -> None:
        for side in (self.a, self.b):
            if side not in (*PARTY_ROLES, "either"):
                raise KnowledgeError("orgs.yaml", f"clause frame '{self.name}'", f"role '{side}' must be one of {', '.join(PARTY_ROLES)} or either")
        if (self.a == "either") != (self.b == "either"):
            raise KnowledgeError("orgs.yaml", f"clause frame '{self.name}'", "either is given to both sides or to none")
        if "{A}" not in self.pattern or "{B}" not in self.pattern:
            raise KnowledgeError("orgs.yaml", f"clause frame '{self.name}'", "the pattern names both {A} and {B}")
        try:
            re.compile(re.sub(r"\{(?:A|B|gap|near)\}", "x", self.pattern))
        except re.error as e:
            raise KnowledgeError("orgs.yaml", f"clause frame '{self.name}'", f"pattern does not compile: {e}") from None


# The roles a party word may give (model.Role, less "mentioned", which no word gives).
PARTY_ROLES = ("buyer", "agency", "supplier")


@dataclass(frozen=True, slots=True)
class OrgsFile:
    """orgs.yaml: the organisation recogniser's suffixes, boundaries and role words."""

    sources: OrgSources
    zh_suffixes: tuple[str, ...]
    zh_weak_suffixes: tuple[str, ...]
    zh_business_endings: tuple[str, ...]  # an individual business's name ends so (店, 经营部)
    zh_compounds: tuple[str, ...]
    zh_thing_endings: tuple[str, ...]
    notice_title_words: tuple[str, ...]
    zh_right_verbs: tuple[str, ...]
    zh_prose_verbs: tuple[str, ...]  # verbs of a disclosure's prose that end no name (优化公司资产结构)
    zh_opening_verbs: tuple[str, ...]  # a name never opens with one (租赁厂房及办公室 is a clause's object)
    zh_operator_brands: tuple[str, ...]  # the telecom operators written after a province (宁夏电信)
    zh_numerals: str
    zh_masked_only: tuple[str, ...]
    zh_never_inside: tuple[str, ...]
    zh_not_after: tuple[str, ...]
    zh_left_always: tuple[str, ...]
    zh_joiners: tuple[str, ...]
    zh_generic_heads: tuple[str, ...]
    zh_fragment_starts: tuple[str, ...]
    zh_masks: tuple[str, ...]
    en_suffixes: tuple[str, ...]
    en_connectors: tuple[str, ...]
    en_stop_heads: tuple[str, ...]
    en_provider_verbs_after: tuple[str, ...]
    en_buyer_verbs_after: tuple[str, ...]
    en_possessive_objects: tuple[str, ...]  # "China Telecom's server tender": the procurement its owner buys
    owner_roles: tuple[str, ...]
    upstream_supplier_roles: tuple[str, ...]  # a foreign seller behind a named supplier or import agent
    roles: Mapping[str, tuple[str, ...]]  # role -> its words, in the file's order
    buyer_verbs_after: tuple[str, ...]
    buyer_launch_verbs: tuple[str, ...]  # 启动…集采: the name before them runs the procurement
    procurement_nouns: tuple[str, ...]
    zh_win_verbs: tuple[str, ...]
    title_win_adverbs: tuple[str, ...]  # X成功中标…, X喜获…: the adverbs of a title's win
    title_win_verbs: tuple[str, ...]  # ... and its verbs besides zh_win_verbs
    zh_win_nouns: tuple[str, ...]
    verb_noun_heads: tuple[str, ...]
    en_role_phrases: Mapping[str, tuple[str, ...]]
    disclosure_markers: tuple[str, ...]
    announcer_refs: tuple[str, ...]
    sells: tuple[str, ...]
    buys: tuple[str, ...]
    contract_own_side: tuple[str, ...]  # a disclosure's contract block: the company's own side
    contract_counterpart: tuple[str, ...]  # ... and its counterpart
    clause_frames: tuple[ClauseFrame, ...]  # extract/clauses.py: who buys from whom in running prose
    public_body_words: tuple[str, ...]  # a public body's name ends so: it buys from the company it deals with
    company_words: tuple[str, ...]  # a company's name ends so (or holds the English legal form)
    agency_words: tuple[str, ...]  # a frame's supplier whose name holds one runs the tender: the agency
    award_news: AwardNews  # a winner's short name in news of an award
    award_news_en: AwardNewsEn  # the parties of an English sentence reporting an award
    us_vendor_names: tuple[str, ...]  # US chip, server, cloud and model makers as news names them
    en_abbreviated: tuple[str, ...]  # English words written with a full stop that ends no sentence (Corp., Dr.)
    cited_document_kinds: tuple[str, ...]  # 《…通知》: a cited document's kind ends its title
    contract_title_words: tuple[str, ...]  # 《A与B…协议》: a contract's title names its parties

    def __post_init__(self) -> None:
        for key, table in (("roles", self.roles), ("en_role_phrases", self.en_role_phrases)):
            for role in table:
                if role not in PARTY_ROLES:
                    raise KnowledgeError("orgs.yaml", f"key '{key}' '{role}'", f"must be one of {', '.join(PARTY_ROLES)}")


@dataclass(frozen=True, slots=True)
class NameWordsFile:
    """name_words.yaml: the word lists names are read with."""

    abbreviations: Mapping[str, str]
    joined_words: Mapping[str, str]  # a two-word run read as one word (hong kong -> hongkong)
    stopwords: tuple[str, ...]
    holding_words: tuple[str, ...]
    holding_words_zh: tuple[str, ...]
    subunit_words: tuple[str, ...]
    subunit_markers: tuple[str, ...]
    subunit_sites: tuple[str, ...]
    name_continuations: tuple[str, ...]
    whole_institution_endings: tuple[str, ...]
    association_endings_zh: tuple[str, ...]  # a membership body's name ends so: no unit of its namesake
    association_words_en: tuple[str, ...]  # ... and in English
    self_markers: tuple[str, ...]
    campus_markers: tuple[str, ...]
    org_words: tuple[str, ...]
    chinese_script_countries: tuple[str, ...]
    korean_countries: tuple[str, ...]
    patronymic_endings: tuple[str, ...]
    initialism_connectives: tuple[str, ...]
    initialism_skipped: tuple[str, ...]
    lineage_words: tuple[str, ...]
    lineage_particles: tuple[str, ...]
    zh_legal_forms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class KoreanSurname:
    hanja: str
    hangul: str
    latin: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PersonNamesFile:
    """person_names.yaml: Chinese compound surnames and readings, Korean surnames."""

    compound_surnames_zh: tuple[str, ...]
    surname_readings_zh: Mapping[str, str]
    korean_surnames: tuple[KoreanSurname, ...]


@dataclass(frozen=True, slots=True)
class ListMeaning:
    """What a hit on a list means: its authority, what it entails, its weight in a score."""

    name: str
    authority: str
    kind: str
    entails: str
    source: str
    weight: float
    dates: str | None = None


@dataclass(frozen=True, slots=True)
class Footnote:
    pattern: Pattern
    footnote: int
    entails: str
    source: str


@dataclass(frozen=True, slots=True)
class ListMeaningsFile:
    """list_meanings.yaml: the lists by their code, and the Entity List's footnotes."""

    lists: Mapping[str, ListMeaning]
    footnotes: tuple[Footnote, ...]


@dataclass(frozen=True, slots=True)
class AbbreviationRule:
    name: str
    pattern: Pattern
    template: str
    source: str


@dataclass(frozen=True, slots=True)
class ShortForm:
    short: str
    names: tuple[str, ...]
    source: str


@dataclass(frozen=True, slots=True)
class MemberPrefix:
    prefix: str  # the group's short name its members' names begin with (中船, 中交)
    group: str
    source: str


@dataclass(frozen=True, slots=True)
class AbbreviationsFile:
    """abbreviations_zh.yaml: generative rules for Chinese short names, English short forms, and
    the short names state groups put in front of their members' names."""

    rules: tuple[AbbreviationRule, ...]
    university_tails: tuple[str, ...]
    english_short_forms: tuple[ShortForm, ...]
    member_prefixes: tuple[MemberPrefix, ...]


@dataclass(frozen=True, slots=True)
class LeadKindRow:
    label: str
    source: str
    patterns: tuple[Pattern, ...] = ()
    mentions: tuple[str, ...] = ()
    needs_procurement: bool = False
    no_chip: bool = False


@dataclass(frozen=True, slots=True)
class LeadsFile:
    """leads.yaml: the kinds of lead, the procurement words a lead needs, the exclusions."""

    kinds: Mapping[str, LeadKindRow]
    procurement: tuple[str, ...]
    exclude: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Organ:
    """An organ every division has, by its name at each level of division."""

    kind: str
    source: str
    province: str
    municipality: str
    prefecture: str
    county: tuple[str, ...]
    units: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Designation:
    pattern: Pattern
    source: str


@dataclass(frozen=True, slots=True)
class OrgansFile:
    """organs_zh.yaml: the organs every division has, and the designations written before them."""

    organs: tuple[Organ, ...]
    leading_designations: tuple[Designation, ...]


@dataclass(frozen=True, slots=True)
class RecordSchema:
    """A portal's record layout: how to tell it, and which key holds which field."""

    name: str
    source: str
    detect: tuple[str, ...] = ()
    detect_text: tuple[str, ...] = ()  # words the text begins with, for a layout read from text
    fields: Mapping[str, str] = dataclasses.field(default_factory=dict)
    units: Mapping[str, float] = dataclasses.field(default_factory=dict)
    amount_labels: Mapping[str, str] = dataclasses.field(default_factory=dict)
    timezone_hours: float | None = None


# -- the tables ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AliasRow:
    """A Chinese name of a listed entity (its English listed name), with its relation and source."""

    zh: str
    en: str
    relation: str
    source: str
    list: str = ""  # the lists the entry is on, where the source says (aliases_zh_sources.csv)


@dataclass(frozen=True, slots=True)
class GlossaryRow:
    zh: str
    en: str
    source: str


@dataclass(frozen=True, slots=True)
class ShortNameRow:
    short: str
    full: str
    source: str


@dataclass(frozen=True, slots=True)
class DivisionRow:
    code: str
    name: str


# The tables, their row class, and the columns every row fills.
TABLES: dict[str, tuple[type, tuple[str, ...]]] = {
    "aliases_zh.csv": (AliasRow, ("zh", "en", "relation", "source")),
    "aliases_zh_sources.csv": (AliasRow, ("zh", "en", "relation", "source")),
    "listed_securities_zh.csv": (AliasRow, ("zh", "en", "relation", "source")),
    "glossary_zh_en.csv": (GlossaryRow, ("zh", "en", "source")),
    "university_short_names_zh.csv": (ShortNameRow, ("short", "full", "source")),
    "divisions_zh.csv": (DivisionRow, ("code", "name")),  # one source for the table: scripts/build_divisions.py
}

# The mapping files and their class.
MAPPINGS: dict[str, type] = {
    "context.yaml": ContextFile, "evidence.yaml": EvidenceFile, "mentions.yaml": MentionsFile,
    "senses.yaml": SensesFile, "hosting.yaml": HostingFile, "fields.yaml": FieldsFile,
    "notice_types.yaml": NoticeTypesFile, "orgs.yaml": OrgsFile, "name_words.yaml": NameWordsFile,
    "person_names.yaml": PersonNamesFile, "list_meanings.yaml": ListMeaningsFile,
    "abbreviations_zh.yaml": AbbreviationsFile, "leads.yaml": LeadsFile, "organs_zh.yaml": OrgansFile,
}


# -- reading --------------------------------------------------------------------------------------


def read_mapping(directory: Path, name: str) -> Any:
    """A mapping file of ``directory`` built as its class."""
    data = read_yaml(directory, name)
    if not isinstance(data, dict):
        raise KnowledgeError(name, "file", "must be a mapping of keys")
    return build(MAPPINGS[name], data, name)


def read_record_schemas(directory: Path) -> tuple[RecordSchema, ...]:
    name = "record_schemas.yaml"
    return typing.cast(tuple[RecordSchema, ...], build(tuple[RecordSchema, ...], read_yaml(directory, name), name))


def read_table(directory: Path, name: str) -> tuple[Any, ...]:
    """A table of ``directory``: every row built as its class, with the line it stands on named
    in an error."""
    cls, columns = TABLES[name]
    known = {f.name for f in dataclasses.fields(cls)}
    return tuple(cls(**{k: v for k, v in row.cells.items() if k in known})
                 for row in read_csv(directory, name, columns))


@cache
def _mapping(name: str) -> Any:
    return read_mapping(knowledge_dir(), name)


def context() -> ContextFile:
    return typing.cast(ContextFile, _mapping("context.yaml"))


def evidence() -> EvidenceFile:
    return typing.cast(EvidenceFile, _mapping("evidence.yaml"))


def mentions() -> MentionsFile:
    return typing.cast(MentionsFile, _mapping("mentions.yaml"))


def senses() -> SensesFile:
    return typing.cast(SensesFile, _mapping("senses.yaml"))


def hosting() -> HostingFile:
    return typing.cast(HostingFile, _mapping("hosting.yaml"))


def fields() -> FieldsFile:
    return typing.cast(FieldsFile, _mapping("fields.yaml"))


def notice_types() -> NoticeTypesFile:
    return typing.cast(NoticeTypesFile, _mapping("notice_types.yaml"))


def orgs() -> OrgsFile:
    return typing.cast(OrgsFile, _mapping("orgs.yaml"))


def name_words() -> NameWordsFile:
    return typing.cast(NameWordsFile, _mapping("name_words.yaml"))


def person_names() -> PersonNamesFile:
    return typing.cast(PersonNamesFile, _mapping("person_names.yaml"))


def list_meanings() -> ListMeaningsFile:
    return typing.cast(ListMeaningsFile, _mapping("list_meanings.yaml"))


def abbreviations() -> AbbreviationsFile:
    return typing.cast(AbbreviationsFile, _mapping("abbreviations_zh.yaml"))


def leads() -> LeadsFile:
    return typing.cast(LeadsFile, _mapping("leads.yaml"))


def organs() -> OrgansFile:
    return typing.cast(OrgansFile, _mapping("organs_zh.yaml"))


@cache
def record_schemas() -> tuple[RecordSchema, ...]:
    return read_record_schemas(knowledge_dir())


@cache
def table(name: str) -> tuple[Any, ...]:
    """The rows of a knowledge table, typed (:data:`TABLES`), read once."""
    return read_table(knowledge_dir(), name)


def aliases(name: str) -> tuple[AliasRow, ...]:
    return typing.cast(tuple[AliasRow, ...], table(name))


def glossary() -> tuple[GlossaryRow, ...]:
    return typing.cast(tuple[GlossaryRow, ...], table("glossary_zh_en.csv"))


def university_short_names() -> tuple[ShortNameRow, ...]:
    return typing.cast(tuple[ShortNameRow, ...], table("university_short_names_zh.csv"))


def divisions() -> tuple[DivisionRow, ...]:
    return typing.cast(tuple[DivisionRow, ...], table("divisions_zh.csv"))
