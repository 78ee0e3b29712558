"""Screening lists from their published formats, each entry keeping its list, source and version.

Formats: the trade.gov Consolidated Screening List (CSV and JSON as served by its bulk download),
the per-list JSON files of the BIS Entity List / MEU / DPL / NS-CMIC family
(``{list_id, entities: [...]}``), OFAC's legacy SDN CSV (sdn.csv with alt.csv and add.csv beside
it), and FollowTheMoney entity JSON lines.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..model import ListEntry
from . import listtext
from .meaning import listing_date

CSL_URL = "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv"

# CSL `source` column -> short list code.
CSL_SOURCES = {
    "Entity List (EL) - Bureau of Industry and Security": "EL",
    "Military End User (MEU) List - Bureau of Industry and Security": "MEU",
    "Denied Persons List (DPL) - Bureau of Industry and Security": "DPL",
    "Unverified List (UVL) - Bureau of Industry and Security": "UVL",
    "Specially Designated Nationals (SDN) - Treasury Department": "SDN",
    "Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department": "NS-CMIC",
    "Foreign Sanctions Evaders (FSE) - Treasury Department": "FSE",
    "Sectoral Sanctions Identifications List (SSI) - Treasury Department": "SSI",
    "Nonproliferation Sanctions (ISN) - State Department": "ISN",
    "ITAR Debarred (DTC) - State Department": "DTC",
    "Capta List (CAP) - Treasury Department": "CAP",
    "Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department": "NS-MBS",
}
# list_id of the per-list JSON files -> short code.
JSON_LISTS = {
    "bis-entity-list": "EL", "bis-meu": "MEU", "bis-dpl": "DPL", "ofac-nscmic": "NS-CMIC",
    "ofac-eo14032": "EO14032", "dow-1260h": "1260H", "dow-1286": "1286", "fcc-covered": "FCC",
    "dhs-uflpa": "UFLPA", "state-nonproliferation": "ISN", "state-debarred-statutory": "DTC",
    "state-debarred-admin": "DTC-ADMIN", "cbp-wro": "CBP-WRO",
}


class ListFormatError(ValueError):
    """A file that is not a screening list in a format we read."""


def _entry_id(list_code: str, name: str, extra: str = "") -> str:
    return hashlib.sha1(f"{list_code}|{name}|{extra}".encode()).hexdigest()[:20]


SDN_COMPANIONS = ("alt.csv", "add.csv")  # OFAC's aliases and addresses, read beside sdn.csv by read_sdn_csv


def load_file(path: str | Path) -> list[tuple[str, str, str, list[ListEntry]]]:
    """Read one list file; returns ``[(list code, source, version, entries)]`` (a CSL file holds many lists)."""
    path = Path(path)
    name = path.name.lower()
    data = path.read_bytes()
    if name.endswith(".csv"):
        head = data[:4096].decode("utf-8-sig", errors="replace")
        if "source" in head.split("\n", 1)[0] and "alt_names" in head.split("\n", 1)[0]:
            return _group(read_csl_csv(data.decode("utf-8-sig"), str(path)), str(path))
        if name.startswith("sdn"):
            return [("SDN", str(path), "legacy CSV", _unique_ids(read_sdn_csv(path)))]
        if name in SDN_COMPANIONS:
            raise ListFormatError(f"load sdn.csv; {' and '.join(SDN_COMPANIONS)} beside it are read with it")
        raise ListFormatError("a CSV that is neither the CSL layout nor OFAC's sdn.csv")
    if name.endswith((".jsonl", ".ftm.json", ".ndjson")):
        entries = read_ftm_lines(data.decode("utf-8"), str(path))
        return _group(entries, str(path))
    if name.endswith(".json"):
        obj = json.loads(data.decode("utf-8-sig"))
        if isinstance(obj, dict) and "entities" in obj and "list_id" in obj:
            code = JSON_LISTS.get(obj["list_id"], obj["list_id"].upper())
            version = str(obj.get("extracted") or "")
            return [(code, str(path), version, _unique_ids(read_list_json(obj, code, str(path))))]
        if isinstance(obj, dict) and "results" in obj:
            return _group(read_csl_json(obj, str(path)), str(path))
        if isinstance(obj, list) and obj and isinstance(obj[0], dict) and "source" in obj[0]:
            return _group(read_csl_json({"results": obj}, str(path)), str(path))
        if isinstance(obj, dict) and "schema" in obj:
            return _group(read_ftm_lines(data.decode("utf-8"), str(path)), str(path))
    raise ListFormatError("not a list format tendertrace reads (CSL CSV/JSON, list JSON, SDN CSV, FtM JSON lines)")


def _unique_ids(entries: list[ListEntry]) -> list[ListEntry]:
    """Lists repeat entries (the Entity List names some parties under two countries): keep ids unique."""
    seen: dict[str, int] = {}
    for e in entries:
        n = seen.get(e.id, 0)
        seen[e.id] = n + 1
        if n:
            e.id = f"{e.id}-{n}"
    return entries


def _group(entries: list[ListEntry], source: str) -> list[tuple[str, str, str, list[ListEntry]]]:
    by: dict[str, list[ListEntry]] = {}
    for e in _unique_ids(entries):
        by.setdefault(e.list, []).append(e)
    return [(code, source, items[0].version, items) for code, items in sorted(by.items())]


def read_list_json(obj: dict[str, Any], code: str, source: str) -> list[ListEntry]:
    version = str(obj.get("extracted") or "")
    out = []
    for ent in obj["entities"]:
        name = (ent.get("name") or "").strip()
        if not name:
            continue
        out.append(ListEntry(
            id=_entry_id(code, name, f"{ent.get('address')}|{ent.get('country')}|{ent.get('federal_register')}"),
            list=code, name=name,
            aliases=[a for a in ent.get("aliases") or [] if a], country=ent.get("country"),
            address=ent.get("address"), federal_register=listtext.federal_register(ent.get("federal_register")),
            license_requirement=listtext.licence_requirement(ent.get("notes")) if code in ("EL", "MEU") else None,
            source=source, version=version,
            listed_on=listing_date(code, ent.get("federal_register"), ent.get("notes"), ent.get("effective_date")),
        ))
    return out


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(";") if v.strip()]


def read_csl_csv(text: str, source: str) -> list[ListEntry]:
    return [_csl_entry(row, source) for row in csv.DictReader(io.StringIO(text)) if row.get("name")]


def read_csl_json(obj: dict[str, Any], source: str) -> list[ListEntry]:
    out = []
    for row in obj["results"]:
        row = dict(row)
        for key in ("alt_names", "addresses", "programs"):
            value = row.get(key)
            if isinstance(value, list):
                if key == "addresses":
                    value = "; ".join(
                        ", ".join(str(a.get(k)) for k in ("address", "city", "state", "postal_code", "country") if a.get(k))
                        if isinstance(a, dict) else str(a) for a in value
                    )
                else:
                    value = "; ".join(str(v) for v in value)
            row[key] = value
        if row.get("name"):
            out.append(_csl_entry(row, source))
    return out


def _csl_entry(row: dict[str, Any], source: str) -> ListEntry:
    code = CSL_SOURCES.get(row.get("source") or "", (row.get("source") or "CSL").split(" - ")[0])
    version = row.get("start_date") or ""
    return ListEntry(
        id=row.get("_id") or row.get("id") or _entry_id(code, row["name"], row.get("addresses") or ""),
        list=code, name=row["name"].strip(), aliases=_split(row.get("alt_names")),
        country=(_split(row.get("addresses")) or [""])[0].rsplit(",", 1)[-1].strip() or None,
        address=row.get("addresses") or None,
        federal_register=listtext.federal_register(row.get("federal_register_notice")),
        license_requirement=listtext.licence_requirement(row.get("license_requirement")),
        license_policy=row.get("license_policy") or None, programs=listtext.programs(row.get("programs")),
        source=source, version=f"CSL {version}".strip(),
        # The CSL's start_date is the entry's own date (its listing), as trade.gov serves it.
        listed_on=listing_date(code, row.get("federal_register_notice"), None, row.get("start_date") or None),
    )


def _null(value: str) -> str:
    value = value.strip()
    return "" if value == "-0-" else value


def read_sdn_csv(sdn_path: Path) -> list[ListEntry]:
    """OFAC's legacy SDN CSV: sdn.csv (no header, ``-0-`` for null) with alt.csv and add.csv beside it."""
    alts: dict[str, list[str]] = {}
    adds: dict[str, list[str]] = {}
    alt_path, add_path = sdn_path.with_name("alt.csv"), sdn_path.with_name("add.csv")
    if alt_path.exists():
        for row in csv.reader(alt_path.open(encoding="latin-1")):
            if len(row) >= 4:
                alts.setdefault(row[0].strip(), []).append(_null(row[3]))
    if add_path.exists():
        for row in csv.reader(add_path.open(encoding="latin-1")):
            if len(row) >= 5:
                adds.setdefault(row[0].strip(), []).append(", ".join(x for x in map(_null, row[2:5]) if x))
    out = []
    for row in csv.reader(sdn_path.open(encoding="latin-1")):
        if len(row) < 4 or not row[0].strip().isdigit():
            continue
        ent = row[0].strip()
        name = _null(row[1])
        addresses = adds.get(ent, [])
        out.append(ListEntry(
            id=f"sdn-{ent}", list="SDN", name=name, aliases=[a for a in alts.get(ent, []) if a],
            country=addresses[0].rsplit(",", 1)[-1].strip() if addresses else None,
            address="; ".join(addresses) or None, federal_register=None,
            programs=listtext.programs(_null(row[3])), source=str(sdn_path), version="legacy CSV",
        ))
    return out


def read_ftm_lines(text: str, source: str) -> list[ListEntry]:
    out = []
    for line in text.splitlines():
        if not line.strip():
            continue
        ent = json.loads(line)
        props = ent.get("properties") or {}
        names = props.get("name") or []
        if not names:
            continue
        datasets = ent.get("datasets") or ["ftm"]
        out.append(ListEntry(
            id=str(ent.get("id") or _entry_id("FTM", names[0])), list=str(datasets[0]), name=names[0],
            aliases=[*names[1:], *(props.get("alias") or []), *(props.get("previousName") or [])],
            country=(props.get("country") or [None])[0], address=(props.get("address") or [None])[0],
            federal_register=None, source=source, version=str(ent.get("last_change") or ""),
        ))
    return out


def iter_sample_files() -> Iterator[Path]:
    """The small list shipped with tendertrace, used (with a warning) when no list is loaded."""
    from importlib import resources

    yield Path(str(resources.files("tendertrace.knowledge").joinpath("sample_entity_list.csv")))
