"""The alias table (knowledge/aliases_zh.csv): every row sourced, and every row reaching its listed entry."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

import pytest

from tendertrace.knowledge import load_csv
from tendertrace.model import ListEntry
from tendertrace.screen import Screener, load_file

from ..conftest import LISTS, needs_shared

RELATIONS = {"self", "affiliate"}
LIST_DIR = LISTS / "us_lists_nsfreg_2026-07"
# The lists whose Chinese parties the table covers: Entity List, MEU, NS-CMIC and DoD 1260H.
LIST_FILES = ("bis_entity_list.json", "bis_meu.json", "ofac_nscmic.json", "dow_1260h.json")
_HAN = re.compile(r"[\u3400-\u9fff]")
_BRACKETED = re.compile(r"\([^)]*\)")

ROWS = load_csv("aliases_zh.csv")


def _norm(name: str) -> str:
    """Case, punctuation and width folded: "Co., Ltd" and "CO LTD" are one spelling."""
    name = unicodedata.normalize("NFKC", name).lower()
    return " ".join(re.findall(r"[a-z0-9]+|[\u3400-\u9fff]+", name))


def _spellings(entry: ListEntry) -> set[str]:
    """An entry's name and aliases, each also without its bracketed part ("(CETC 14)", "(HiSilicon)")."""
    out: set[str] = set()
    for name in (entry.name, *entry.aliases):
        out.add(_norm(name))
        out.add(_norm(_BRACKETED.sub(" ", name)))
    return out - {""}


def test_every_row_has_a_source_a_relation_and_a_chinese_name() -> None:
    assert len(ROWS) > 100
    problems = [r for r in ROWS
                if not r["source"].strip() or r["relation"] not in RELATIONS
                or not _HAN.search(r["zh"]) or not r["en"].strip() or _HAN.search(r["en"])]
    assert not problems, problems


def test_a_chinese_name_maps_to_one_listing() -> None:
    seen: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for r in ROWS:
        seen[r["zh"]].add((_norm(r["en"]), r["relation"]))
    conflicts = {zh: targets for zh, targets in seen.items() if len(targets) > 1}
    assert not conflicts, conflicts


@pytest.fixture(scope="module")
def entries() -> list[ListEntry]:
    out: list[ListEntry] = []
    for name in LIST_FILES:
        for group in load_file(LIST_DIR / name):
            out.extend(group[3])
    return out


@needs_shared(LIST_DIR / "bis_entity_list.json")
def test_every_english_name_is_a_listed_name_or_alias(entries: list[ListEntry]) -> None:
    listed = set().union(*(_spellings(e) for e in entries))
    missing = [(r["zh"], r["en"]) for r in ROWS if _norm(r["en"]) not in listed]
    assert not missing, missing


@needs_shared(LIST_DIR / "bis_entity_list.json")
def test_every_chinese_name_screens_back_to_its_entry(entries: list[ListEntry]) -> None:
    """Screening a row's Chinese name returns an entry that carries the row's English name, with
    the row's relation. The same party on two lists (Hikvision on the EL and NS-CMIC) is one party."""
    by_spelling: dict[str, list[ListEntry]] = defaultdict(list)
    for e in entries:
        for spelling in _spellings(e):
            by_spelling[spelling].append(e)
    screener = Screener(entries)
    wrong = []
    for r in ROWS:
        targets = by_spelling.get(_norm(r["en"]), [])
        mains = {_norm(t.name) for t in targets}
        hit = screener.best(r["zh"])
        found = hit is not None and (_norm(r["en"]) in _spellings(hit.entry) or _norm(hit.entry.name) in mains)
        if not found or hit is None or hit.relation != r["relation"]:
            wrong.append((r["zh"], r["en"], r["relation"], hit.entry.name if hit else None, hit.relation if hit else None))
    assert not wrong, wrong
