"""Every knowledge file, typed and checked once, before the first document is read.

A knowledge file is edited by hand. A missing key, a date written another way, a pattern that
does not compile or a row without its source would otherwise fail every document of a scan in its
middle, as a "processing error". :func:`validate_knowledge` reads every file through its typed
loader first and raises one :class:`KnowledgeError` naming the file, the row or key, and what is
wrong; ``tendertrace scan`` and ``serve`` call it before anything else and end with that line.

The row files load into frozen dataclasses here (:class:`RuleRow`, :class:`ProviderRow`,
:class:`ModelRow`, :class:`ChipRow`); the mapping files and tables into those of :mod:`.files`,
whose fields are the keys and columns the code reads.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from ..text.dates import iso_date
from ..text.fold import fold_pattern
from . import KnowledgeError, files, knowledge_dir
from .files import read_csv, read_yaml

# -- the typed rows ----------------------------------------------------------------------------

Row = TypeVar("Row")


@dataclass(frozen=True, slots=True)
class Band:
    """The bounds of a 3A090 band: total processing performance and performance density."""

    tpp_min: float = 0.0
    tpp_max: float = float("inf")
    pd_min: float | None = None
    pd_max: float | None = None


@dataclass(frozen=True, slots=True)
class Reach:
    """A letter's reach by figures: chips of these vendors at or above the named chip's bandwidths."""

    vendors: tuple[str, ...]
    like: str


@dataclass(frozen=True, slots=True)
class Review:
    """A licence-review policy's ceilings (91 FR 1684): under both, review is case by case."""

    tpp_max: float
    dram_bandwidth_gbs_max: float


@dataclass(frozen=True, slots=True)
class Suspension:
    """A window in which a rule's provisions are suspended."""

    start: date
    end: date
    citation: str | None = None


@dataclass(frozen=True, slots=True)
class RuleRow:
    """A row of rules.yaml: a rule, letter, licence policy or framework by its dates, with the
    figures and words the classification reads from it."""

    id: str
    kind: str
    effective: date
    citation: str
    summary: str
    changes_for_china: str = ""
    applies: str = ""
    verified: str = ""
    note: str = ""
    brief: str | None = None  # the short form the "not an export" context quotes
    published: date | None = None
    compliance: date | None = None
    until: date | None = None
    early_effective: date | None = None  # chips named with an earlier date than the rule's own
    chips: tuple[str, ...] = ()
    bands: Mapping[str, Band] | None = None
    tpp_min: float | None = None
    io_min_gbs: float | None = None
    reaches: Reach | None = None
    review: Review | None = None
    gp10: bool = False
    item_pattern: str | None = None
    gpu_memory_words: str | None = None
    suspended: tuple[Suspension, ...] = ()
    lists: tuple[str, ...] = ()
    share_min: float | None = None
    reason: str | None = None  # a reason sentence this row supplies (the export definition's)

    def in_window(self, on: date) -> bool:
        """In effect on ``on``: from ``effective``, until ``until`` (exclusive) when it has one."""
        return self.effective <= on and not (self.until and on >= self.until)


@dataclass(frozen=True, slots=True)
class ProviderRow:
    """A row of providers.yaml: a cloud provider, its patterns and its China operation."""

    id: str
    name: str
    us: bool
    patterns: tuple[str, ...]
    source: str
    restriction: str | None = None
    china_partners: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ModelRow:
    """A row of models.yaml: a model, its vendor and patterns."""

    id: str
    name: str
    vendor: str
    us: bool
    patterns: tuple[str, ...]
    source: str
    restriction: str | None = None
    hosted_by: str | None = None  # the cloud provider the model is sold through
    open_weights: bool = False


# Bits per operand of each number format: TPP = 2 x dense MacTOPS x bit length = rate x bits (3A090 note).
FORMAT_BITS = {"fp4": 4, "int4": 4, "fp8": 8, "int8": 8, "fp16": 16, "bf16": 16, "tf32": 32, "fp32": 32, "fp64": 64}


@dataclass(frozen=True, slots=True)
class ChipRow:
    """A row of accelerators.yaml: a chip's names and datasheet figures."""

    id: str
    vendor: str
    name: str
    aliases: tuple[str, ...]
    datacenter: bool
    rates: Mapping[str, float]
    source: str
    domestic: bool = False
    die_area_mm2: float | None = None
    interconnect_gbs: float | None = None
    memory_bandwidth_tbs: float | None = None
    early_effective: date | None = None
    announced: date | None = None
    china_market: bool = False  # made for China, not sold in the US
    ambiguous: bool = False  # its code has other senses (T4, A30): read only in compute context

    @property
    def tpp(self) -> float | None:
        """Total processing performance: the largest dense rate times its bit length."""
        if not self.rates:
            return None
        return max(rate * FORMAT_BITS[fmt] for fmt, rate in self.rates.items())

    @property
    def pd(self) -> float | None:
        """Performance density: TPP per mm² of die."""
        tpp, area = self.tpp, self.die_area_mm2
        return tpp / area if tpp and area else None


def _rows(name: str, data: Any) -> list[tuple[str, Mapping[str, Any]]]:
    """The rows of a row file with the name each is known by in a message."""
    if not isinstance(data, list):
        raise KnowledgeError(name, "file", "must be a list of rows")
    out: list[tuple[str, Mapping[str, Any]]] = []
    for i, row in enumerate(data, start=1):
        label = f"row {i}" + (f" ({row['id']})" if isinstance(row, dict) and row.get("id") else "")
        if not isinstance(row, dict):
            raise KnowledgeError(name, label, "must be a mapping of keys")
        out.append((label, row))
    ids = [row.get("id") for _l, row in out if "id" in row]
    duplicated = sorted({str(i) for i in ids if ids.count(i) > 1})
    if duplicated:
        raise KnowledgeError(name, f"id {duplicated[0]}", "appears on more than one row")
    return out


def _get(name: str, label: str, row: Mapping[str, Any], key: str, kind: type | tuple[type, ...],
         required: bool = True) -> Any:
    value = row.get(key)
    where = f"{label} key '{key}'" if label else f"key '{key}'"
    if value is None:
        if required:
            raise KnowledgeError(name, where, "is missing")
        return None
    numeric = kind in (int, float, (int, float))
    if isinstance(value, bool) and numeric or not isinstance(value, kind):
        wanted = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
        raise KnowledgeError(name, where, f"must be {wanted}, not {type(value).__name__}")
    return value


def _date(name: str, label: str, row: Mapping[str, Any], key: str, required: bool = True) -> date | None:
    value = _get(name, label, row, key, (str, date), required)
    if value is None or isinstance(value, date):
        return value
    try:
        return iso_date(value)
    except ValueError:
        raise KnowledgeError(name, f"{label} key '{key}'", f"'{value}' is not a date (YYYY-MM-DD)") from None


def _strings(name: str, label: str, row: Mapping[str, Any], key: str, required: bool = True) -> tuple[str, ...]:
    values = _get(name, label, row, key, list, required) or []
    for value in values:
        if not isinstance(value, str):
            raise KnowledgeError(name, f"{label} key '{key}'", f"holds {value!r}, not a string")
    return tuple(values)


def _typed(cls: type[Row], row: Mapping[str, Any], name: str, label: str) -> Row:
    """A row file's row built as its class (dates already read): every key known, of its type."""
    return typing.cast(Row, files.build(cls, dict(row), name, f"{label} key"))


def _pattern(name: str, where: str, pattern: str) -> None:
    """A pattern the code compiles (in the matching form, as the code does)."""
    try:
        re.compile(fold_pattern(pattern))
    except re.error as exc:
        raise KnowledgeError(name, where, f"the pattern does not compile: {exc}") from None


# -- the row files -----------------------------------------------------------------------------

_RULE_DATES = ("effective", "published", "compliance", "until", "early_effective")
_RULE_PATTERNS = ("item_pattern", "gpu_memory_words")
_BAND_BOUNDS = ("tpp_min", "tpp_max", "pd_min", "pd_max")


def load_rules(directory: Path) -> tuple[RuleRow, ...]:
    name = "rules.yaml"
    out = []
    for label, row in _rows(name, read_yaml(directory, name)):
        dates = {key: _date(name, label, row, key, key == "effective") for key in _RULE_DATES}
        for key in _RULE_PATTERNS:
            if key in row:
                _pattern(name, f"{label} key '{key}'", _get(name, label, row, key, str))
        for band, bounds in (_get(name, label, row, "bands", dict, required=False) or {}).items():
            if not isinstance(bounds, dict) or not bounds or any(
                    k not in _BAND_BOUNDS or isinstance(v, bool) or not isinstance(v, int | float)
                    for k, v in bounds.items()):
                raise KnowledgeError(name, f"{label} band '{band}'",
                                     f"must map {', '.join(_BAND_BOUNDS)} to numbers")
        for key in ("tpp_min", "io_min_gbs", "share_min"):
            _get(name, label, row, key, (int, float), required=False)
        held = _get(name, label, row, "suspended", (dict, list), required=False) or []
        for i, window in enumerate([held] if isinstance(held, dict) else held, start=1):
            where = f"{label} suspension {i}"
            if not isinstance(window, dict):
                raise KnowledgeError(name, where, "must be a mapping with 'from' and 'to'")
            start, end = _date(name, where, window, "from"), _date(name, where, window, "to")
            if start and end and start > end:
                raise KnowledgeError(name, where, "ends before it starts")
        cells = {**row, **{k: v for k, v in dates.items() if v is not None}}
        if "suspended" in row:
            cells["suspended"] = [{"start": _date(name, label, w, "from"), "end": _date(name, label, w, "to"),
                                   "citation": w.get("citation")}
                                  for w in ([held] if isinstance(held, dict) else held)]
        out.append(_typed(RuleRow, cells, name, label))
    return tuple(out)


@cache
def rule_rows() -> tuple[RuleRow, ...]:
    """The rows of rules.yaml in the knowledge folder, typed, read once."""
    return load_rules(knowledge_dir())


@cache
def chip_rows() -> tuple[ChipRow, ...]:
    """The rows of the chip files (accelerators.yaml, then accelerators_epoch.yaml), typed, read once."""
    return load_chips(knowledge_dir())


@cache
def provider_rows() -> tuple[ProviderRow, ...]:
    """The rows of providers.yaml, typed, read once."""
    return load_providers(knowledge_dir())


@cache
def model_rows() -> tuple[ModelRow, ...]:
    """The rows of models.yaml, typed, read once."""
    return load_models(knowledge_dir())


def load_providers(directory: Path) -> tuple[ProviderRow, ...]:
    name = "providers.yaml"
    out = []
    for label, row in _rows(name, read_yaml(directory, name)):
        patterns = _strings(name, label, row, "patterns")
        for pattern in patterns:
            _pattern(name, f"{label} pattern '{pattern}'", pattern)
        out.append(_typed(ProviderRow, row, name, label))
    return tuple(out)


def load_models(directory: Path) -> tuple[ModelRow, ...]:
    name = "models.yaml"
    out = []
    for label, row in _rows(name, read_yaml(directory, name)):
        patterns = _strings(name, label, row, "patterns")
        for pattern in patterns:
            _pattern(name, f"{label} pattern '{pattern}'", pattern)
        out.append(_typed(ModelRow, row, name, label))
    return tuple(out)


# The chip files, read in this order: the curated datasheet rows, then the rows built from Epoch AI's
# hardware table by scripts/build_accelerators.py for the US makers' chips the curated file lacks.
CHIP_FILES = ("accelerators.yaml", "accelerators_epoch.yaml")


def load_chips(directory: Path) -> tuple[ChipRow, ...]:
    out: list[ChipRow] = []
    first_file: dict[str, str] = {}
    for name in CHIP_FILES:
        for row in _load_chip_file(directory, name):  # each file's own repeats: _rows names them
            if row.id in first_file:
                raise KnowledgeError(name, f"id {row.id}", f"appears on more than one row (also in {first_file[row.id]})")
            first_file[row.id] = name
            out.append(row)
    return tuple(out)


def _load_chip_file(directory: Path, name: str) -> list[ChipRow]:
    out = []
    for label, row in _rows(name, read_yaml(directory, name)):
        rates = _get(name, label, row, "rates", dict)
        for fmt, rate in rates.items():
            if isinstance(rate, bool) or not isinstance(rate, int | float) or rate <= 0:
                raise KnowledgeError(name, f"{label} rate '{fmt}'", f"must be a positive number, not {rate!r}")
        for key in ("die_area_mm2", "interconnect_gbs", "memory_bandwidth_tbs"):
            _get(name, label, row, key, (int, float), required=False)
        cells = dict(row)
        for key in ("early_effective", "announced"):
            day = _date(name, label, row, key, required=False)
            if day is not None:
                cells[key] = day
        out.append(_typed(ChipRow, cells, name, label))
    return out


# -- all of it ---------------------------------------------------------------------------------

_ROW_FILES: tuple[Callable[[Path], object], ...] = (load_rules, load_providers, load_models, load_chips)
# The tables that are lists to screen against, not knowledge rows: only their columns are checked.
LIST_TABLES: dict[str, tuple[str, ...]] = {"sample_entity_list.csv": ("_id", "source", "name")}


def check_list_meanings(meanings: files.ListMeaningsFile) -> None:
    """A list's weight in a score is a share."""
    name = "list_meanings.yaml"
    for code, row in meanings.lists.items():
        if not 0 <= row.weight <= 1:
            raise KnowledgeError(name, f"list {code} key 'weight'", f"must lie between 0 and 1, not {row.weight:g}")


def known_files() -> set[str]:
    """Every knowledge file the start-up check reads."""
    return {*files.MAPPINGS, *files.TABLES, *LIST_TABLES, "rules.yaml", "providers.yaml", "models.yaml",
            *CHIP_FILES, "record_schemas.yaml"}


@cache
def validate_knowledge(directory: Path | None = None) -> None:
    """Build every knowledge file as its type; raise the first :class:`KnowledgeError`.
    Once per process and folder: a scan and the server call it before their first document."""
    folder = directory or knowledge_dir()
    for loader in _ROW_FILES:
        loader(folder)
    files.read_record_schemas(folder)
    for name in files.MAPPINGS:
        built = files.read_mapping(folder, name)
        if name == "list_meanings.yaml":
            check_list_meanings(built)
    for name in files.TABLES:
        files.read_table(folder, name)
    for name, columns in LIST_TABLES.items():
        read_csv(folder, name, columns)
