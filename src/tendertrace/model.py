"""The domain model: plain, typed dataclasses that every pipeline stage passes along.

Stages never share anything but these objects, so each one can be tested (and replaced) alone.
Every value a stage derives from a document keeps the character span it came from, as offsets
into :attr:`Document.text` -- the visible text a user reads in reports and the review UI.

What is stored or printed is written by one method per type: :meth:`Record.to_dict`, whose dict
:meth:`Record.from_dict` turns back into the same object (``X.from_dict(x.to_dict()) == x``), the
way followthemoney's ``EntityProxy.to_dict`` / ``from_dict`` work. ``from_dict`` takes the field
types from the class itself, ignores keys it does not know and gives absent fields their
defaults, so a dict written before a field was added (or after, by a newer version) still reads.
"""

from __future__ import annotations

import builtins
import dataclasses
import sys
import types
import typing
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any, ClassVar, Literal, Self, Union

NoticeType = Literal[
    "tender_call", "award", "single_source", "intention", "correction", "cancellation", "other"
]
AmountKind = Literal["awarded", "budget", "max_price"]
MentionKind = Literal[
    "chip", "system", "domestic_chip", "cloud_provider", "cloud_account", "gpu_rental", "ai_model",
    "api_tokens", "generic_chip", "chip_spec",
]
Route = Literal["hardware_purchase", "cloud_account", "cloud_rental", "model_api", "hosted_model"]
Relation = Literal["self", "affiliate", "owned"]  # owned: >= 50 % held by listed parties (ownership data)
Role = Literal["buyer", "agency", "supplier", "mentioned"]
DateSource = Literal["record", "label", "signature", "dateline", "issued", "first_dated_line"]
Status = Literal["processed", "failed"]
PartyRole = Role  # the role a labelled field or the recogniser gives a party
# A match's measures (coverage, weights, ...) by name, and "method": how the name was translated.
Features = dict[str, float | str]


class Record:
    """The one serialisation of a model dataclass: ``to_dict`` writes it, ``from_dict`` rebuilds it."""

    __slots__ = ()
    __dataclass_fields__: ClassVar[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values: nested records as dicts, dates as ISO strings."""
        return {name: to_dict(getattr(self, name)) for name in _field_names(typing.cast(type, type(self)))}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """The object ``data`` was written from. Unknown keys are ignored; absent keys take the
        field's default (a field without one must be present)."""
        hints = _field_types(typing.cast(type, cls))
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name in data:
                values[f.name] = _decode(hints[f.name], data[f.name])
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise KeyError(f"{cls.__name__}.from_dict: '{f.name}' is missing")
        return cls(**values)


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


@cache
def _field_types(cls: type) -> dict[str, Any]:
    # Resolved in the module alone: a field named ``list`` or ``date`` must not hide the type.
    return typing.get_type_hints(cls, globalns=vars(sys.modules[cls.__module__]), localns={})


def _decode(kind: Any, value: Any) -> Any:
    """``value`` as read from JSON, turned into the type ``kind`` a field declares."""
    if value is None or kind is Any:
        return value
    origin = typing.get_origin(kind)
    if origin is Union or origin is types.UnionType:
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return _decode(options[0], value) if len(options) == 1 else value
    if origin is list:
        (item,) = typing.get_args(kind) or (Any,)
        return [_decode(item, v) for v in value]
    if origin is dict:
        _, item = typing.get_args(kind) or (Any, Any)
        return {k: _decode(item, v) for k, v in value.items()}
    if isinstance(kind, type) and issubclass(kind, Record):
        return kind.from_dict(value)
    if kind is date and isinstance(value, str):
        return date.fromisoformat(value)
    return value


@dataclass(frozen=True, slots=True)
class Span(Record):
    """A half-open range ``[start, end)`` of :attr:`Document.text`."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Provenance(Record):
    """Where a document came from, so that every finding leads back to the original notice.

    ``url`` is the notice's own address when the record or release names one; ``record_id`` the
    id a portal or corpus record carries; ``ocid`` and ``release_id`` an OCDS release's; ``path``
    the file read (a corpus file for a record); ``upload_name`` the file name an analyst uploaded;
    ``origin`` where a record says it was taken from (a crawl, a repository); ``fetched_at`` when
    it was fetched or uploaded (ISO 8601), when known.
    """

    url: str | None = None
    record_id: str | None = None
    ocid: str | None = None
    release_id: str | None = None
    path: str | None = None
    upload_name: str | None = None
    origin: str | None = None
    fetched_at: str | None = None

    def link(self) -> str | None:
        """The address a reader can open: the notice's URL (http or https only)."""
        return self.url if self.url and self.url.lower().startswith(("http://", "https://")) else None

    def label(self) -> str:
        """One line naming the origin, most specific first."""
        parts = [p for p in (self.url, self.upload_name and f"upload {self.upload_name}",
                             self.ocid and f"ocid {self.ocid}", self.release_id and f"release {self.release_id}",
                             self.record_id and f"record {self.record_id}", self.path) if p]
        return " · ".join(dict.fromkeys(parts))

    def empty(self) -> bool:
        return not any(getattr(self, f.name) for f in dataclasses.fields(self))


@dataclass(slots=True)
class Document(Record):
    """One announcement, as read from a file, a corpus record or an OCDS release."""

    id: str  # content hash, stable across runs and machines
    source: str  # where it came from: a path, or "corpus.jsonl.gz#<record id>"
    format: str  # html | text | pdf | docx | ocds | json
    text: str  # the visible text; every span points into it
    match_text: str = ""  # same length as text: simplified Chinese, half-width; used for matching only
    title: str | None = None
    published: date | None = None
    source_id: str | None = None  # the id a corpus record carries
    file: str | None = None
    encoding: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # structured payload, e.g. an OCDS release
    warnings: list[str] = field(default_factory=list)
    provenance: Provenance = field(default_factory=Provenance)

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])


@dataclass(slots=True)
class IngestFailure:
    """An input that could not be turned into a document, with the reason."""

    id: str
    source: str
    file: str | None
    reason: str
    source_id: str | None = None


@dataclass(slots=True)
class Mention(Record):
    """A mention that matters for export control: a chip, a cloud provider, a model, an account..."""

    kind: MentionKind
    text: str
    normalized: str
    start: int
    end: int
    count: int | None = None  # "8卡A100", "A100*8", "500台"
    servers: int | None = None  # chips counted per server: how many servers ("8台服务器，每台配置8块A100")


@dataclass(slots=True)
class Amount(Record):
    value: float
    currency: str
    kind: AmountKind | None
    span: Span | None = None
    label: str | None = None  # the words that name it (中标金额, 合同总金额 ...), when a label does


@dataclass(slots=True)
class AmountAt(Record):
    """A figure of money where the text states it, with the line (table row) or sentence holding it:
    a finding takes the amount of its compute row, not a neighbour's."""

    value: float
    currency: str
    span: Span
    context: Span  # the table row or sentence the figure stands in
    kind: AmountKind | None = None


@dataclass(slots=True)
class Lot(Record):
    lot: str | None
    supplier: str | None
    amount: float | None
    span: Span | None = None  # the lot's table row or its section of the text, when one holds it
    # A row of a table of contracts names its buyer too (a disclosure's 客户名称 column): a lot is a
    # part of the notice with its own parties and price.
    buyer: str | None = None


@dataclass(slots=True)
class LineItem(Record):
    name: str
    brand: str | None = None
    model: str | None = None
    quantity: float | None = None
    unit: str | None = None
    unit_price: float | None = None
    span: Span | None = None


@dataclass(slots=True)
class Party(Record):
    name: str
    role: Role
    span: Span | None = None
    masked: bool = False  # 某单位, 某部队: a name withheld by the notice; it must never match a list entry
    source: str = "label"  # label | record | ocds | title | text (the free-text recogniser)


@dataclass(slots=True)
class Extraction(Record):
    """The structured facts of one document."""

    notice_type: NoticeType = "other"
    project_name: str | None = None
    project_number: str | None = None
    parties: list[Party] = field(default_factory=list)
    lots: list[Lot] = field(default_factory=list)
    amount: Amount | None = None
    budget: float | None = None
    currency: str | None = None
    published: date | None = None
    items: list[LineItem] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    date_source: DateSource | None = None  # where ``published`` came from; None when no date was found
    amounts: list[AmountAt] = field(default_factory=list)  # every figure of money, in text order
    # The first-ranked candidate of a candidate publicity (第一中标候选人) and its bid: proposed for
    # the award, not yet a supplier, so the notice's suppliers and amount leave it out.
    proposed: Party | None = None
    proposed_amount: Amount | None = None

    def names(self, role: str) -> list[str]:
        return [p.name for p in self.parties if p.role == role]

    def stated_currency(self) -> str | None:
        """The currency of the stated amount; else of the budget or the lots, when there are any."""
        return (self.amount.currency if self.amount else None) or (self.currency if self.budget or self.lots else None)

    def amount_at(self, start: int, end: int) -> AmountAt | None:
        """The amount stated in the same row or sentence as ``[start, end)``, the first one after it
        when there are several; None when that row or sentence states none."""
        inside = [a for a in self.amounts if a.context.start <= start and end <= a.context.end]
        after = [a for a in inside if a.span.start >= end]
        chosen = after or inside
        return chosen[0] if chosen else None


@dataclass(slots=True)
class Classification(Record):
    """What a line item or mention is under the export rules on a date, and how it was reached."""

    text: str
    chip: str | None
    model: str | None  # an AI model (Claude 3, GPT-4...) when the item is model access
    count: int | None
    tpp: float | None
    pd: float | None
    band: str | None  # "3A090.a.1", "4A090.a", ...
    controlled: bool
    rule: str | None  # id of the rule in force, see knowledge/rules.yaml
    route: Route | None
    provider: str | None
    restriction: str | None  # the provider's or model's own China policy, with its source
    reason: str
    start: int | None = None
    end: int | None = None
    servers: int | None = None  # rented or bought servers holding ``count`` chips each
    # The evidence model (rules.evidence): a compute finding needs a compute object, a US signal and
    # a route in one item, sentence or row, outside any negation, replacement or cancellation.
    compute_finding: bool = False
    us_signal: str | None = None  # "named chip", "US vendor", "spec", "US provider", "US model" ...
    needs_review: bool = False  # an unclassified US AI accelerator (generic or spec-only)
    context: str | None = None  # why the mention is cancelled or lowered ("negated: 不得采用" ...)
    date_unknown: bool = False  # no notice date: classified on the earliest and latest plausible dates


@dataclass(slots=True)
class ListEntry(Record):
    """One entry of a screening list, as published."""

    id: str
    list: str  # EL, MEU, SDN, NS-CMIC, DPL, ...
    name: str
    aliases: builtins.list[str] = field(default_factory=builtins.list)  # builtins: ``list`` is a field here
    country: str | None = None
    address: str | None = None
    federal_register: str | None = None
    license_requirement: str | None = None
    license_policy: str | None = None
    programs: builtins.list[str] = field(default_factory=builtins.list)  # sanctions programmes (OFAC: SDGT, SDNTK)
    source: str = ""  # file or URL it was loaded from
    version: str = ""  # the list's own date or snapshot
    listed_on: date | None = None  # when the entry was added: its first Federal Register date or listing date


@dataclass(frozen=True, slots=True)
class OwnershipStep(Record):
    """One link of an ownership path: ``owner`` holds ``share`` (0-100, None when unstated) of ``owned``."""

    owner: str
    owned: str
    share: float | None
    source: str = ""  # the ownership record the link came from (file, dataset, LEI record)


@dataclass(slots=True)
class OwnershipLink(Record):
    """``parent`` holds ``share`` percent of ``child`` (None: the source states no share)."""

    parent: str
    child: str
    share: float | None = None
    source: str = ""
    kind: str = "ownership"  # ownership | consolidation (GLEIF accounting consolidation, no share stated)
    parent_aliases: builtins.list[str] = field(default_factory=builtins.list)
    child_aliases: builtins.list[str] = field(default_factory=builtins.list)
    parent_id: str | None = None  # the source's own id: FtM entity id, LEI
    child_id: str | None = None


@dataclass(slots=True)
class Hit(Record):
    """A screening match, with everything needed to explain it."""

    query: str
    normalized: str
    translations: list[str]
    entry: ListEntry
    matched_name: str
    relation: Relation
    score: float
    features: Features
    explanation: str

    @property
    def name_coverage(self) -> float:
        """How much of the listed name the query covers (0 when the match did not measure it)."""
        return self._share("name_coverage")

    @property
    def query_coverage(self) -> float:
        """How much of the query the listed name covers (0 when the match did not measure it)."""
        return self._share("query_coverage")

    def _share(self, key: str) -> float:
        value = self.features.get(key, 0.0)
        return float(value) if isinstance(value, int | float) else 0.0


@dataclass(slots=True)
class ListedHit(Record):
    """A name that a screening list names: the party (or the query) screened, the listed entry it
    reached, and what explains the match. One shape in the stored results, findings, the API,
    the reports and the CLI; the listed entry's main name is ``entry`` everywhere."""

    party: str  # the name screened, as the document (or the user) wrote it
    entry: str  # the listed entry's main name
    entry_id: str
    list: str  # EL, MEU, SDN, NS-CMIC, ...
    relation: Relation
    score: float
    matched_name: str = ""  # the listed name or alias that matched
    role: PartyRole | None = None  # the party's role in the document; None for a name screened alone
    start: int | None = None  # where the party's name stands in Document.text
    end: int | None = None
    normalized: str = ""
    translations: builtins.list[str] = field(default_factory=builtins.list)  # builtins: ``list`` is a field here
    features: Features = field(default_factory=dict)
    explanation: str = ""
    federal_register: str | None = None
    license_requirement: str | None = None
    list_source: str = ""
    list_version: str = ""
    key: str | None = None  # set by findings: the party against the entry, what a review dismisses
    listed_on: date | None = None  # when the entry was added to its list (its first Federal Register date)
    # relation "owned": the links from the listed owner(s) down to the party, the share all listed
    # owners hold together, and the Affiliates rule's state on the document's date.
    ownership: builtins.list[OwnershipStep] = field(default_factory=builtins.list)
    owned_share: float | None = None
    rule_state: str | None = None  # "in force" | "suspended" | "not yet made" | "date unknown"
    # Set by findings: what the list entails (knowledge/list_meanings.yaml), and "listed later
    # (date, citation)" when the entry was added after the document's date.
    meaning: str = ""
    listed_later: str | None = None

    @classmethod
    def from_hit(cls, hit: Hit, role: PartyRole | None = None, span: Span | None = None) -> ListedHit:
        entry = hit.entry
        return cls(
            party=hit.query, entry=entry.name, entry_id=entry.id, list=entry.list, relation=hit.relation,
            score=hit.score, matched_name=hit.matched_name, role=role,
            start=span.start if span else None, end=span.end if span else None, normalized=hit.normalized,
            translations=list(hit.translations), features=dict(hit.features), explanation=hit.explanation,
            federal_register=entry.federal_register, license_requirement=entry.license_requirement,
            list_source=entry.source, list_version=entry.version, listed_on=entry.listed_on,
        )


@dataclass(slots=True)
class DocumentResult(Record):
    """Everything the pipeline derives from one document: what ``documents.result`` stores."""

    extraction: Extraction = field(default_factory=Extraction)
    classifications: list[Classification] = field(default_factory=list)
    hits: list[ListedHit] = field(default_factory=list)
    rules_date: date | None = None  # the date whose rules classified the items
    lists: list[dict[str, Any]] = field(default_factory=list)  # the screening lists used: list, source, version, count

    @property
    def flagged(self) -> bool:
        """Whether a finding may come of it: a listed party or a classified item."""
        return bool(self.hits or self.classifications)


@dataclass(slots=True)
class Evidence(Record):
    document: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class CaseDocument(Record):
    """One notice of a finding's case, in its timeline."""

    id: str
    file: str | None = None
    source_id: str | None = None
    notice_type: str | None = None
    date: str | None = None
    provenance: Provenance | None = None  # None on findings stored before it was kept


@dataclass(slots=True)
class Finding(Record):
    """One document's (or case's) attempt to reach controlled compute or a restricted model,
    or a listed party buying anything."""

    case_id: str
    documents: list[CaseDocument]
    buyer: list[str]
    suppliers: list[str]
    provider: list[str]
    route: list[str]
    chips: list[str]
    models: list[str]
    classification: list[Classification]
    listed: list[ListedHit]
    amount: float | None
    currency: str | None
    date: str | None
    score: float
    score_parts: dict[str, float]
    evidence: list[Evidence]
    quantity: str | None = None
    title: str | None = None
    suppressed: list[ListedHit] = field(default_factory=list)  # listed-party hits an analyst dismissed
    review_status: str = "unreviewed"  # unreviewed | confirmed | dismissed | suppressed
    bands: list[str] = field(default_factory=list)  # of its chip and model items: "3A090.a", "remote access" ...


ChangeKind = Literal["new", "changed", "cleared"]


@dataclass(slots=True)
class HitRef(Record):
    """One listed entry a party matched, as a re-screening's change names it (``tendertrace.rescreen``)."""

    entry: str
    entry_id: str
    list: str
    relation: str
    score: float


@dataclass(slots=True)
class HitChange(Record):
    """A party whose hits differ from those of the previous screening."""

    kind: ChangeKind
    party: str
    role: str | None
    document: str
    before: list[HitRef] = field(default_factory=list)
    after: list[HitRef] = field(default_factory=list)
    case_id: str | None = None


@dataclass(slots=True)
class ScoreChange(Record):
    """A finding whose score the re-screening moved (``None``: no finding before, or none after)."""

    case_id: str
    title: str | None
    before: float | None
    after: float | None


@dataclass(slots=True)
class RescreenReport(Record):
    event: int
    list_version: int | None
    previous_version: int | None
    documents: int
    parties: int
    changes: list[HitChange] = field(default_factory=list)
    findings: list[ScoreChange] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    finished_at: str | None = None


_PLAIN = (str, int, float, bool, type(None))


def to_dict(obj: Any) -> Any:
    """A record, or a list or dict of them, as JSON-ready values (dates as ISO strings)."""
    if isinstance(obj, _PLAIN):
        return obj
    if isinstance(obj, Record):
        return obj.to_dict()
    if isinstance(obj, list | tuple):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    if isinstance(obj, date):
        return obj.isoformat()
    return obj
