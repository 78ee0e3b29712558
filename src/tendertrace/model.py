"""The domain model: plain, typed dataclasses that every pipeline stage passes along.

Stages never share anything but these objects, so each one can be tested (and replaced) alone.
Every value a stage derives from a document keeps the character span it came from, as offsets
into :attr:`Document.text` -- the visible text a user reads in reports and the review UI.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

NoticeType = Literal[
    "tender_call", "award", "single_source", "intention", "correction", "cancellation", "other"
]
AmountKind = Literal["awarded", "budget", "max_price"]
MentionKind = Literal[
    "chip", "system", "domestic_chip", "cloud_provider", "cloud_account", "gpu_rental", "ai_model",
    "api_tokens",
]
Route = Literal["hardware_purchase", "cloud_account", "cloud_rental", "model_api", "hosted_model"]
Relation = Literal["self", "affiliate"]
Role = Literal["buyer", "agency", "supplier", "mentioned"]
DateSource = Literal["record", "label", "signature", "first_dated_line"]
Status = Literal["processed", "failed"]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of :attr:`Document.text`."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Document:
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
class Mention:
    """A mention that matters for export control: a chip, a cloud provider, a model, an account..."""

    kind: MentionKind
    text: str
    normalized: str
    start: int
    end: int
    count: int | None = None  # "8卡A100", "A100*8", "500台"
    servers: int | None = None  # chips counted per server: how many servers ("8台服务器，每台配置8块A100")


@dataclass(slots=True)
class Amount:
    value: float
    currency: str
    kind: AmountKind | None
    span: Span | None = None
    label: str | None = None  # the words that name it (中标金额, 合同总金额 ...), when a label does


@dataclass(slots=True)
class AmountAt:
    """A figure of money where the text states it, with the line (table row) or sentence holding it:
    a finding takes the amount of its compute row, not a neighbour's."""

    value: float
    currency: str
    span: Span
    context: Span  # the table row or sentence the figure stands in
    kind: AmountKind | None = None


@dataclass(slots=True)
class Lot:
    lot: str | None
    supplier: str | None
    amount: float | None


@dataclass(slots=True)
class LineItem:
    name: str
    brand: str | None = None
    model: str | None = None
    quantity: float | None = None
    unit: str | None = None
    unit_price: float | None = None
    span: Span | None = None


@dataclass(slots=True)
class Party:
    name: str
    role: Role
    span: Span | None = None
    masked: bool = False  # 某单位, 某部队: a name withheld by the notice; it must never match a list entry
    source: str = "label"  # label | record | ocds | title | text (the free-text recogniser)


@dataclass(slots=True)
class Extraction:
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

    def names(self, role: str) -> list[str]:
        return [p.name for p in self.parties if p.role == role]

    def amount_at(self, start: int, end: int) -> AmountAt | None:
        """The amount stated in the same row or sentence as ``[start, end)``, the first one after it
        when there are several; None when that row or sentence states none."""
        inside = [a for a in self.amounts if a.context.start <= start and end <= a.context.end]
        after = [a for a in inside if a.span.start >= end]
        chosen = after or inside
        return chosen[0] if chosen else None


@dataclass(slots=True)
class Classification:
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


@dataclass(slots=True)
class ListEntry:
    """One entry of a screening list, as published."""

    id: str
    list: str  # EL, MEU, SDN, NS-CMIC, DPL, ...
    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    address: str | None = None
    federal_register: str | None = None
    license_requirement: str | None = None
    license_policy: str | None = None
    source: str = ""  # file or URL it was loaded from
    version: str = ""  # the list's own date or snapshot


@dataclass(slots=True)
class Hit:
    """A screening match, with everything needed to explain it."""

    query: str
    normalized: str
    translations: list[str]
    entry: ListEntry
    matched_name: str
    relation: Relation
    score: float
    features: dict[str, float]
    explanation: str


@dataclass(slots=True)
class Evidence:
    document: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Finding:
    """One document's (or case's) attempt to reach controlled compute or a restricted model,
    or a listed party buying anything."""

    case_id: str
    documents: list[dict[str, str | None]]
    buyer: list[str]
    suppliers: list[str]
    provider: list[str]
    route: list[str]
    chips: list[str]
    models: list[str]
    classification: list[dict[str, Any]]
    listed: list[dict[str, Any]]
    amount: float | None
    currency: str | None
    date: str | None
    score: float
    score_parts: dict[str, float]
    evidence: list[Evidence]
    quantity: str | None = None
    title: str | None = None
    suppressed: list[dict[str, Any]] = field(default_factory=list)  # listed-party hits an analyst dismissed
    review_status: str = "unreviewed"  # unreviewed | confirmed | dismissed | suppressed


def to_dict(obj: Any) -> Any:
    """Dataclasses (and dates) to JSON-ready values."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, list | tuple):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    if isinstance(obj, date):
        return obj.isoformat()
    return obj
