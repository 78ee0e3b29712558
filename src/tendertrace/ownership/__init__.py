"""Ownership data and the Affiliates rule: who is owned 50 % or more by Entity List or MEU parties.

``tendertrace ownership load FILE...`` stores ownership links (:mod:`.readers`); a scan or a screen
then reports a party the listed parties own, directly, indirectly or in the aggregate, with
relation ``owned``, the ownership path with its shares and the rule's state on the document's date
(:mod:`.rule`, from ``knowledge/rules.yaml``).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine

from .. import store
from ..model import OwnershipLink
from .graph import OwnershipIndex, node_key
from .readers import OwnershipFormatError, lei_names, parse_share, read_file
from .rule import AffiliatesRule, affiliates_rule

__all__ = ["AffiliatesRule", "OwnershipFormatError", "OwnershipIndex", "OwnershipLink", "affiliates_rule",
           "lei_names", "load_files", "load_index", "node_key", "parse_share", "read_file"]


def load_files(engine: Engine, paths: list[Path]) -> list[tuple[str, int | None, str | None]]:
    """Store the ownership links of each file: ``[(file, links stored or None, error or None)]``.

    GLEIF Level-1 LEI files among ``paths`` name the LEIs of the relationship records; they hold no
    links themselves and are reported with 0.
    """
    names: dict[str, str] = {}
    level1: set[Path] = set()
    for path in paths:
        try:
            found = lei_names(path)
        except (OSError, UnicodeDecodeError):
            continue
        if found:
            names.update(found)
            level1.add(path)
    done: list[tuple[str, int | None, str | None]] = []
    for path in paths:
        if path in level1:
            done.append((str(path), 0, None))
            continue
        try:
            links = read_file(path, names)
        except (OSError, ValueError) as exc:
            done.append((str(path), None, str(exc)))
            continue
        done.append((str(path), store.replace_ownership(engine, str(path), [link.to_dict() for link in links]), None))
    return done


def load_index(engine: Engine) -> OwnershipIndex | None:
    """The stored ownership data as an index, or None when none is loaded."""
    rows = store.load_ownership(engine)
    return OwnershipIndex([OwnershipLink.from_dict(r) for r in rows]) if rows else None
