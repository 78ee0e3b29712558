"""A watched source's configuration: a small YAML file per source, or a bare path or URL.

```yaml
name: ccgp-dfgg                 # the key its cursor is kept under (default: the location)
kind: listing                   # folder | jsonl | ocds | feed | records | listing
url: https://www.ccgp.gov.cn/cggg/dfgg/   # or path: for a local folder or file
every: 30m                      # how often `tendertrace watch` polls it (default: --every)
listing:                        # kind listing: an HTML page of links to notices
  item_selector: "ul.c_list_bid li"   # CSS: one element per notice
  link_pattern: '/cggg/dfgg/.+\\.htm$'  # regex: the notice's link among the item's links
  date_pattern: '\\d{4}-\\d{2}-\\d{2}'   # regex over the item's text: its date
  next_selector: "a.next"       # CSS: the next listing page, followed up to `pages`
  pages: 1
records:                        # kind records: a JSON answer holding listing records
  path: data.list               # dotted path to the list of records ("" when the answer is the list)
  id_field: id
  title_field: title
  date_field: publishTime
  url_field: url
http: {interval: 2, retries: 4}  # seconds between requests to the host; retries after the first
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, cast, get_args

import yaml

from .http import DEFAULT_INTERVAL, DEFAULT_RETRIES

Kind = Literal["folder", "jsonl", "ocds", "feed", "records", "listing"]
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
MAX_LISTING_PAGES = 50  # a `pages:` beyond this is a runaway crawl, not a watch


class ConfigError(ValueError):
    """A source configuration that cannot be used, with what is wrong."""


def parse_duration(text: str) -> float:
    """Seconds in ``10m``, ``1h``, ``90`` (seconds), ``1.5h``."""
    match = _DURATION.match(str(text))
    if not match:
        raise ConfigError(f"'{text}' is not a duration (e.g. 30s, 10m, 1h, 1d)")
    return float(match.group(1)) * _UNIT_SECONDS[match.group(2) or "s"]


@dataclass(frozen=True)
class ListingConfig:
    item_selector: str = "a"
    link_pattern: str = r"\.s?html?(?:$|\?)|detail|content|info"
    date_pattern: str = r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}"
    next_selector: str | None = None
    pages: int = 1


@dataclass(frozen=True)
class RecordsConfig:
    path: str = ""
    id_field: str = "id"
    title_field: str = "title"
    date_field: str = "publishTime"
    url_field: str = "url"


@dataclass(frozen=True)
class SourceConfig:
    name: str
    kind: Kind
    location: str  # a path or an http(s) URL
    every: float | None = None  # seconds; None: the command's --every
    listing: ListingConfig = field(default_factory=ListingConfig)
    records: RecordsConfig = field(default_factory=RecordsConfig)
    interval: float = DEFAULT_INTERVAL
    retries: int = DEFAULT_RETRIES

    @property
    def remote(self) -> bool:
        return self.location.startswith(("http://", "https://"))


def _section(raw: dict[str, Any], key: str, cls: type[Any]) -> Any:
    value = raw.get(key) or {}
    if not isinstance(value, dict):
        raise ConfigError(f"'{key}' must be a mapping")
    known = set(cls.__dataclass_fields__)
    unknown = set(value) - known
    if unknown:
        raise ConfigError(f"'{key}' has unknown keys: {', '.join(sorted(unknown))} (known: {', '.join(sorted(known))})")
    return cls(**value)


def from_mapping(raw: dict[str, Any], base: Path | None = None) -> SourceConfig:
    location = raw.get("url") or raw.get("path")
    if not location or not isinstance(location, str):
        raise ConfigError("a source needs a 'url' or a 'path'")
    if "path" in raw and base is not None and not Path(location).is_absolute():
        location = str((base / location).resolve())
    kind = raw.get("kind") or infer_kind(location)
    if kind not in get_args(Kind):
        raise ConfigError(f"kind '{kind}' is not one of {', '.join(get_args(Kind))}")
    listing = _section(raw, "listing", ListingConfig)
    if not 1 <= listing.pages <= MAX_LISTING_PAGES:
        raise ConfigError(f"listing pages must be from 1 to {MAX_LISTING_PAGES}")
    for pattern in (listing.link_pattern, listing.date_pattern):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ConfigError(f"bad pattern '{pattern}': {exc}") from exc
    http = raw.get("http") or {}
    every = raw.get("every")
    return SourceConfig(
        name=str(raw.get("name") or location), kind=cast(Kind, kind), location=location,
        every=parse_duration(str(every)) if every is not None else None, listing=listing,
        records=_section(raw, "records", RecordsConfig), interval=float(http.get("interval", DEFAULT_INTERVAL)),
        retries=int(http.get("retries", DEFAULT_RETRIES)))


def infer_kind(location: str) -> Kind:
    """The kind of a bare path or URL, from what it is and how its name ends."""
    name = location.lower().split("?", 1)[0]
    remote = location.startswith(("http://", "https://"))
    if name.endswith((".jsonl", ".ndjson", ".jsonl.gz")):
        return "feed" if remote else "jsonl"
    if name.endswith(".json"):
        return "ocds"
    if remote:
        return "listing"
    return "folder" if Path(location).is_dir() else "jsonl"


def load(source: str) -> SourceConfig:
    """A YAML configuration file, or a bare path or URL with its kind inferred."""
    if source.lower().endswith((".yaml", ".yml")) and not source.startswith(("http://", "https://")):
        path = Path(source)
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(f"{source}: {exc}") from exc
        if not isinstance(raw, dict):
            raise ConfigError(f"{source}: a source configuration is a YAML mapping")
        try:
            return from_mapping(raw, path.parent)
        except (ConfigError, TypeError, ValueError) as exc:
            raise ConfigError(f"{source}: {exc}") from exc
    if not source.startswith(("http://", "https://")) and not Path(source).exists():
        raise ConfigError(f"{source}: no such file or folder")
    return from_mapping({"path" if not source.startswith(("http://", "https://")) else "url": source})
