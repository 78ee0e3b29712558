"""Ownership data from the formats users have, as :class:`OwnershipLink` rows.

- FollowTheMoney JSON lines (as OpenSanctions and Aleph publish them): ``Ownership`` entities
  (``owner`` holds ``percentage`` of ``asset``) and the entities they point at, whose names they take;
  read with the followthemoney library.
- GLEIF Level-2 relationship records: the golden-copy CSV (``Relationship.StartNode.NodeID``,
  ``Relationship.EndNode.NodeID``, ``Relationship.RelationshipType`` and the quantifiers) and the
  API's JSON (``data[].attributes.relationship``). The start node is the child, the end node its
  parent. Nodes are LEIs: names come from Level-1 LEI records (golden-copy CSV ``LEI``,
  ``Entity.LegalName``, or API ``lei-records``) loaded in the same call; an LEI without one keeps
  the LEI as its name.
- A plain CSV ``parent, child, share, source`` (share in percent, "51", "51%" or "0.51"; names in
  any script).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..model import OwnershipLink


class OwnershipFormatError(ValueError):
    """A file that is not ownership data in a format tendertrace reads."""


# A share below this, written without a percent sign, is a fraction ("0.51" = 51 %); from it on, a
# percentage ("1" is 1 %, not the whole company).
FRACTION_BELOW = 1.0
# GLEIF relationship types that are a parent over a child. The ultimate parent is read only for a
# child with no direct parent in the same data: otherwise the chain already says it, and counting
# both would count one holding twice.
GLEIF_DIRECT = "IS_DIRECTLY_CONSOLIDATED_BY"
GLEIF_ULTIMATE = "IS_ULTIMATELY_CONSOLIDATED_BY"
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*(%|percent|％)?", re.I)


def parse_share(value: Any) -> float | None:
    """A share as a percentage: 51, "51%", "51 percent", 0.51 -> 51.0; None when unstated."""
    if value is None:
        return None
    if isinstance(value, int | float):
        number, percent = float(value), False
    else:
        m = _PERCENT.search(str(value).replace(",", "."))
        if not m:
            return None
        number, percent = float(m.group(1)), bool(m.group(2))
    if not percent and number < FRACTION_BELOW:
        number *= 100
    return round(number, 6) if 0 <= number <= 100 else None


def read_file(path: str | Path, names: dict[str, str] | None = None) -> list[OwnershipLink]:
    """The links of one file; ``names`` maps LEIs to legal names for GLEIF relationship records."""
    path = Path(path)
    data = path.read_bytes()
    text = data.decode("utf-8-sig")
    lower = path.name.lower()
    if lower.endswith(".csv"):
        header = next(csv.reader(io.StringIO(text)), [])
        cols = {h.strip().lower() for h in header}
        if "relationship.startnode.nodeid" in cols:
            return read_gleif_csv(text, str(path), names or {})
        if {"parent", "child"} <= cols:
            return read_plain_csv(text, str(path))
        raise OwnershipFormatError(f"{path}: CSV is neither 'parent, child, share, source' nor GLEIF relationship records")
    stripped = text.lstrip()
    if stripped.startswith("{") and lower.endswith(".json"):
        obj = json.loads(text)
        if isinstance(obj, dict) and isinstance(obj.get("data"), list | dict):
            return read_gleif_json(obj, str(path), names or {})
    if stripped.startswith("{"):
        return read_ftm(text.splitlines(), str(path))
    raise OwnershipFormatError(f"{path}: not FtM JSON lines, GLEIF relationship records or a parent/child CSV")


def lei_names(path: str | Path) -> dict[str, str]:
    """LEI -> legal name from a GLEIF Level-1 file (golden-copy CSV or API JSON); {} for other files."""
    path = Path(path)
    text = path.read_bytes().decode("utf-8-sig")
    if path.name.lower().endswith(".csv"):
        rows = csv.DictReader(io.StringIO(text))
        if not rows.fieldnames or "LEI" not in rows.fieldnames or "Entity.LegalName" not in rows.fieldnames:
            return {}
        return {r["LEI"].strip(): r["Entity.LegalName"].strip() for r in rows if r.get("LEI") and r.get("Entity.LegalName")}
    if path.name.lower().endswith(".json"):
        try:
            obj = json.loads(text)
        except json.JSONDecodeError:
            return {}
        items = obj.get("data") if isinstance(obj, dict) else None
        items = [items] if isinstance(items, dict) else items or []
        out = {}
        for item in items:
            if isinstance(item, dict) and item.get("type") == "lei-records":
                legal = ((item.get("attributes") or {}).get("entity") or {}).get("legalName") or {}
                name = legal.get("name") if isinstance(legal, dict) else legal
                if name:
                    out[str(item.get("id") or (item.get("attributes") or {}).get("lei"))] = str(name)
        return out
    return {}


def read_plain_csv(text: str, source: str) -> list[OwnershipLink]:
    out = []
    for row in csv.DictReader(io.StringIO(text)):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        if row.get("parent") and row.get("child"):
            out.append(OwnershipLink(row["parent"], row["child"], parse_share(row.get("share")),
                                     row.get("source") or source))
    return out


def _gleif_links(records: Iterable[tuple[str, str, str, float | None, str]], source: str,
                 names: dict[str, str]) -> list[OwnershipLink]:
    """(child LEI, parent LEI, type, share, status) -> links, the ultimate parent only where no direct one is given."""
    records = [r for r in records if r[4].upper() in ("", "ACTIVE")]
    direct = {child for child, _p, kind, _s, _st in records if kind == GLEIF_DIRECT}
    out = []
    for child, parent, kind, share, _status in records:
        if kind not in (GLEIF_DIRECT, GLEIF_ULTIMATE) or (kind == GLEIF_ULTIMATE and child in direct):
            continue
        out.append(OwnershipLink(
            names.get(parent, parent), names.get(child, child), share, f"{source} (GLEIF {kind} {child})",
            kind="ownership" if share is not None else "consolidation",
            parent_aliases=[parent], child_aliases=[child], parent_id=parent, child_id=child,
        ))
    return out


def read_gleif_csv(text: str, source: str, names: dict[str, str]) -> list[OwnershipLink]:
    records = []
    for row in csv.DictReader(io.StringIO(text)):
        share = None
        for n in (1, 2, 3):
            prefix = f"Relationship.RelationshipQuantifiers.RelationshipQuantifier.{n}."
            if (row.get(prefix + "QuantifierUnits") or "").upper() == "PERCENTAGE":
                share = parse_share(f"{row.get(prefix + 'QuantifierAmount')}%")
                break
        records.append((
            (row.get("Relationship.StartNode.NodeID") or "").strip(), (row.get("Relationship.EndNode.NodeID") or "").strip(),
            (row.get("Relationship.RelationshipType") or "").strip(), share,
            (row.get("Relationship.RelationshipStatus") or "").strip(),
        ))
    return _gleif_links([r for r in records if r[0] and r[1]], source, names)


def read_gleif_json(obj: dict[str, Any], source: str, names: dict[str, str]) -> list[OwnershipLink]:
    items = obj["data"] if isinstance(obj["data"], list) else [obj["data"]]
    records = []
    for item in items:
        rel = ((item or {}).get("attributes") or {}).get("relationship") or {}
        start, end = rel.get("startNode") or {}, rel.get("endNode") or {}
        if not (start.get("id") and end.get("id")):
            continue
        share = None
        for q in rel.get("quantifiers") or (item.get("attributes") or {}).get("quantifiers") or []:
            if str(q.get("units") or q.get("quantifierUnits") or "").upper() == "PERCENTAGE":
                share = parse_share(f"{q.get('amount') or q.get('quantifierAmount')}%")
                break
        records.append((str(start["id"]), str(end["id"]), str(rel.get("type") or ""), share, str(rel.get("status") or "")))
    return _gleif_links(records, source, names)


def read_ftm(lines: Iterable[str], source: str) -> list[OwnershipLink]:
    from followthemoney import model

    entities: dict[str, Any] = {}
    ownerships = []
    for line in lines:
        if not line.strip():
            continue
        proxy = model.get_proxy(json.loads(line), cleaned=False)
        if proxy.schema.is_a("Ownership"):
            ownerships.append(proxy)
        elif proxy.id:
            entities[proxy.id] = proxy
    out = []
    for own in ownerships:
        owner_id, asset_id = own.first("owner"), own.first("asset")
        if not owner_id or not asset_id:
            continue
        owner, asset = entities.get(owner_id), entities.get(asset_id)
        owner_names = _names(owner) or [owner_id]
        asset_names = _names(asset) or [asset_id]
        where = own.first("sourceUrl") or own.first("publisher") or source
        out.append(OwnershipLink(
            owner_names[0], asset_names[0], parse_share(own.first("percentage")), f"{where} (FtM {own.id})",
            parent_aliases=owner_names[1:], child_aliases=asset_names[1:], parent_id=owner_id, child_id=asset_id,
        ))
    return out


def _names(proxy: Any) -> list[str]:
    if proxy is None:
        return []
    return list(dict.fromkeys([*proxy.get("name"), *proxy.get("alias"), *proxy.get("previousName")]))
