"""Every knowledge file, typed and checked once, before the first document is read.

A knowledge file is edited by hand. A missing key, a date written another way, a pattern that
does not compile or a row without its source would otherwise fail every document of a scan in its
middle, as a "processing error". :func:`validate_knowledge` reads every file through its typed
loader first and raises one :class:`KnowledgeError` naming the file, the row or key, and what is
wrong; ``tendertrace scan`` and ``serve`` call it before anything else and end with that line.

The row files load into frozen dataclasses (:class:`RuleRow`, :class:`ProviderRow`,
:class:`ModelRow`, :class:`ChipRow`, :class:`TableRow`); the mapping files are checked against
the keys and value types the code reads (:data:`MAPPING_KEYS`).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..text.dates import iso_date
from ..text.fold import fold_pattern
from . import KnowledgeError, knowledge_dir

# -- the typed rows ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RuleRow:
    """A row of rules.yaml: a rule, letter, licence policy or framework by its dates."""

    id: str
    kind: str
    effective: date
    citation: str
    summary: str
    published: date | None = None
    compliance: date | None = None
    until: date | None = None
    chips: tuple[str, ...] = ()
    values: Mapping[str, Any] = field(default_factory=dict)  # the row's other keys, as written


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


@dataclass(frozen=True, slots=True)
class TableRow:
    """A row of a knowledge CSV, its columns by name."""

    number: int  # the line in the file (the header is line 1)
    cells: Mapping[str, str]


# -- reading a file ----------------------------------------------------------------------------


def _read_yaml(directory: Path, name: str) -> Any:
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


def _read_csv(directory: Path, name: str, columns: tuple[str, ...]) -> tuple[TableRow, ...]:
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
    for label, row in _rows(name, _read_yaml(directory, name)):
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
        out.append(RuleRow(
            id=_get(name, label, row, "id", str), kind=_get(name, label, row, "kind", str),
            effective=dates["effective"] or date.min, citation=_get(name, label, row, "citation", str),
            summary=_get(name, label, row, "summary", str), published=dates["published"],
            compliance=dates["compliance"], until=dates["until"],
            chips=_strings(name, label, row, "chips", required=False), values=dict(row),
        ))
    return tuple(out)


@cache
def rule_rows() -> tuple[RuleRow, ...]:
    """The rows of rules.yaml in the knowledge folder, typed, read once."""
    return load_rules(knowledge_dir())


def load_providers(directory: Path) -> tuple[ProviderRow, ...]:
    name = "providers.yaml"
    out = []
    for label, row in _rows(name, _read_yaml(directory, name)):
        patterns = _strings(name, label, row, "patterns")
        for pattern in patterns:
            _pattern(name, f"{label} pattern '{pattern}'", pattern)
        out.append(ProviderRow(
            id=_get(name, label, row, "id", str), name=_get(name, label, row, "name", str),
            us=_get(name, label, row, "us", bool), patterns=patterns, source=_get(name, label, row, "source", str),
            restriction=_get(name, label, row, "restriction", str, required=False),
            china_partners=_strings(name, label, row, "china_partners", required=False),
        ))
    return tuple(out)


def load_models(directory: Path) -> tuple[ModelRow, ...]:
    name = "models.yaml"
    out = []
    for label, row in _rows(name, _read_yaml(directory, name)):
        patterns = _strings(name, label, row, "patterns")
        for pattern in patterns:
            _pattern(name, f"{label} pattern '{pattern}'", pattern)
        out.append(ModelRow(
            id=_get(name, label, row, "id", str), name=_get(name, label, row, "name", str),
            vendor=_get(name, label, row, "vendor", str), us=_get(name, label, row, "us", bool), patterns=patterns,
            source=_get(name, label, row, "source", str),
            restriction=_get(name, label, row, "restriction", str, required=False),
        ))
    return tuple(out)


def load_chips(directory: Path) -> tuple[ChipRow, ...]:
    name = "accelerators.yaml"
    out = []
    for label, row in _rows(name, _read_yaml(directory, name)):
        rates = _get(name, label, row, "rates", dict)
        for fmt, rate in rates.items():
            if isinstance(rate, bool) or not isinstance(rate, int | float) or rate <= 0:
                raise KnowledgeError(name, f"{label} rate '{fmt}'", f"must be a positive number, not {rate!r}")
        for key in ("die_area_mm2", "interconnect_gbs", "memory_bandwidth_tbs"):
            _get(name, label, row, key, (int, float), required=False)
        for key in ("early_effective", "announced"):
            _date(name, label, row, key, required=False)
        out.append(ChipRow(
            id=_get(name, label, row, "id", str), vendor=_get(name, label, row, "vendor", str),
            name=_get(name, label, row, "name", str), aliases=_strings(name, label, row, "aliases"),
            datacenter=_get(name, label, row, "datacenter", bool), rates=dict(rates),
            source=_get(name, label, row, "source", str),
            domestic=bool(_get(name, label, row, "domestic", bool, required=False)),
        ))
    return tuple(out)


def check_record_schemas(directory: Path) -> None:
    """record_schemas.yaml: each portal record layout with its name, source and field keys."""
    name = "record_schemas.yaml"
    for label, row in _rows(name, _read_yaml(directory, name)):
        _get(name, label, row, "name", str)
        _get(name, label, row, "source", str)
        _get(name, label, row, "fields", dict, required=False)
        _get(name, label, row, "timezone_hours", (int, float), required=False)


# -- the mapping files -------------------------------------------------------------------------

# The keys each mapping file must have, with the type of their value; "pattern" is a string the
# code compiles as a regular expression, "patterns" a list of them (each a string or a row with
# its "pattern"), "pattern_map" a mapping of names to patterns; a "pattern" key anywhere inside is
# compiled too.
MAPPING_KEYS: dict[str, dict[str, str]] = {
    "context.yaml": {"scopes": "list", "backward_scopes": "list", "scope_end": "pattern", "scope_comma": "pattern",
                     "elaboration": "pattern", "row_status": "pattern", "track_record_heading": "pattern", "refused_answer": "pattern",
                     "cancellation": "pattern", "existing_end": "pattern", "topic_procurement": "pattern",
                     "china_nexus": "pattern", "taiwan_script": "pattern", "prc_script": "pattern"},
    "evidence.yaml": {"compute_objects": "pattern_map", "routes": "pattern_map", "generic_us_chip": "list", "named_model": "pattern",
                      "spec": "dict", "benchmark_before": "pattern", "benchmark_after": "pattern",
                      "china_operated": "pattern", "compute_context": "pattern", "domestic_marker": "pattern",
                      "cpu_only": "pattern"},
    "mentions.yaml": {"cloud_account": "patterns", "gpu_rental": "patterns", "api_tokens": "patterns",
                      "system_words": "list", "vendor_context": "pattern", "counts": "dict"},
    "senses.yaml": {"window": "int", "unit_after": "pattern", "contexts": "pattern_map", "groups": "list"},
    "hosting.yaml": {"datacentre": "pattern", "reach": "int", "exclude_codes": "list", "extra_names": "list"},
    "fields.yaml": {"buyer": "list", "agency": "list", "supplier": "list", "project_name": "list",
                    "project_number": "list", "published": "list", "amounts": "dict", "name_stop": "pattern",
                    "lot_label": "pattern"},
    "notice_types.yaml": {"rules": "list", "ocds": "dict", "reissue_marks": "patterns"},
    "orgs.yaml": {"sources": "dict", "zh_suffixes": "list", "en_suffixes": "list", "roles": "dict",
                  "owner_roles": "list"},
    "name_words.yaml": {"abbreviations": "dict", "stopwords": "list", "holding_words": "list", "subunit_words": "list",
                        "subunit_markers": "list", "subunit_sites": "list", "name_continuations": "list",
                        "self_markers": "list", "campus_markers": "list", "org_words": "list",
                        "chinese_script_countries": "list", "korean_countries": "list", "patronymic_endings": "list",
                        "initialism_connectives": "list", "initialism_skipped": "list", "lineage_words": "list",
                        "lineage_particles": "list", "zh_legal_forms": "list"},
    "person_names.yaml": {"compound_surnames_zh": "list", "surname_readings_zh": "dict", "korean_surnames": "list"},
    "list_meanings.yaml": {"lists": "dict", "footnotes": "list"},
    "abbreviations_zh.yaml": {"rules": "list", "university_tails": "list", "english_short_forms": "list"},
    "leads.yaml": {"kinds": "dict", "procurement": "list", "exclude": "list"},
    "organs_zh.yaml": {"organs": "list", "leading_designations": "list"},
}
_KINDS: dict[str, type] = {"list": list, "dict": dict, "int": int, "pattern": str, "patterns": list,
                           "pattern_map": dict}
# Keys that hold a pattern wherever they stand in a mapping file (a scope's, a sense's, a rule's).
_PATTERN_KEYS = ("pattern", "pattern_after")
_PATTERN_LIST_KEY = "patterns"  # a list of patterns (or of rows with a ``pattern``) wherever it stands


def _nested_patterns(name: str, value: Any, where: str) -> None:
    """Every pattern under a ``pattern`` key anywhere in ``value``, compiled."""
    if isinstance(value, dict):
        for key, inner in value.items():
            here = f"{where} '{key}'" if where else f"key '{key}'"
            if key in _PATTERN_KEYS:
                if isinstance(inner, list) and inner and all(isinstance(part, str) for part in inner):
                    inner = "".join(inner)  # a pattern written as parts joined in order (senses.yaml)
                if not isinstance(inner, str):
                    raise KnowledgeError(name, here, f"must be a pattern, not {type(inner).__name__}")
                _pattern(name, here, inner)
            elif key == _PATTERN_LIST_KEY and isinstance(inner, list):
                for i, item in enumerate(inner, start=1):
                    if isinstance(item, str):
                        _pattern(name, f"{here} item {i}", item)
                    else:
                        _nested_patterns(name, item, f"{here} item {i}")
            else:
                _nested_patterns(name, inner, here)
    elif isinstance(value, list):
        for i, inner in enumerate(value, start=1):
            _nested_patterns(name, inner, f"{where} item {i}")


def check_mapping(directory: Path, name: str) -> Mapping[str, Any]:
    data = _read_yaml(directory, name)
    if not isinstance(data, dict):
        raise KnowledgeError(name, "file", "must be a mapping of keys")
    for key, kind in MAPPING_KEYS[name].items():
        value = _get(name, "", data, key, _KINDS[kind])
        if kind == "pattern":
            _pattern(name, f"key '{key}'", value)
        elif kind == "patterns":
            for i, item in enumerate(value, start=1):
                pattern = item.get("pattern") if isinstance(item, dict) else item
                if not isinstance(pattern, str):
                    raise KnowledgeError(name, f"key '{key}' item {i}", "must be a pattern or a row with a 'pattern'")
                _pattern(name, f"key '{key}' item {i}", pattern)
        elif kind == "pattern_map":
            for label, pattern in value.items():
                if not isinstance(pattern, str):
                    raise KnowledgeError(name, f"key '{key}' '{label}'", "must be a pattern")
                _pattern(name, f"key '{key}' '{label}'", pattern)
    _nested_patterns(name, data, "")
    return data


def check_list_meanings(directory: Path) -> None:
    name = "list_meanings.yaml"
    data = check_mapping(directory, name)
    for code, row in data["lists"].items():
        label = f"list {code}"
        if not isinstance(row, dict):
            raise KnowledgeError(name, label, "must be a mapping of keys")
        for key in ("name", "entails", "source", "authority"):
            _get(name, label, row, key, str)
        weight = _get(name, label, row, "weight", (int, float))
        if not 0 <= weight <= 1:
            raise KnowledgeError(name, f"{label} key 'weight'", f"must lie between 0 and 1, not {weight}")


# -- the tables --------------------------------------------------------------------------------

# The columns each knowledge CSV must fill on every row.
CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "aliases_zh.csv": ("zh", "en", "relation", "source"),
    "aliases_zh_sources.csv": ("zh", "en", "relation", "source"),
    "glossary_zh_en.csv": ("zh", "en", "source"),
    "university_short_names_zh.csv": ("short", "full", "source"),
    "sample_entity_list.csv": ("_id", "source", "name"),
    "listed_securities_zh.csv": ("zh", "en", "relation", "source"),
    "divisions_zh.csv": ("code", "name"),  # one source for the whole table: scripts/build_divisions.py
}


# -- all of it ---------------------------------------------------------------------------------

_ROW_FILES: tuple[Callable[[Path], object], ...] = (load_rules, load_providers, load_models, load_chips)


@cache
def validate_knowledge(directory: Path | None = None) -> None:
    """Read every knowledge file through its typed loader; raise the first :class:`KnowledgeError`.
    Once per process and folder: a scan and the server call it before their first document."""
    folder = directory or knowledge_dir()
    for loader in _ROW_FILES:
        loader(folder)
    check_record_schemas(folder)
    for name in MAPPING_KEYS:
        if name == "list_meanings.yaml":
            check_list_meanings(folder)
        else:
            check_mapping(folder, name)
    for name, columns in CSV_COLUMNS.items():
        _read_csv(folder, name, columns)
