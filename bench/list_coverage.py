"""How much of the China-heading part of the US lists the Chinese-name knowledge covers.

    python bench/list_coverage.py [--words N] [--failures]

For each of the Entity List, MEU, NS-CMIC and DoD 1260H lists (../shared/data/lists/us_lists_nsfreg_2026-07/),
prints: its China and Hong Kong entries; how many of them have a Chinese name in the knowledge
(``aliases_zh.csv`` and the generated ``aliases_zh_sources.csv``, relation ``self``); how many of those
names screen back to their own entry with their relation when screened against all four lists
(this must be all of them: tests/screen/test_list_coverage.py checks it); and the share of the
English content words of the entries' names that the translation can produce -- from a glossary row
(``glossary_zh_en.csv``: 研究所 Institute, 电子 Electronics) or as the pinyin of a place or proper name
(Shenzhen). The rest (brands such as Hikvision, Wade-Giles spellings such as Tsinghua) only an alias
row can reach; they are counted apart, with the most frequent listed (``--words``).

Each China/HK entry with no Chinese name in the knowledge is then sorted in two: *composable*, when
every content word of its English name (or of one of its aliases) is one the glossary or pinyin produces, so that its Chinese
name, translated, can reach it without an alias row; or *uncomposable*, when some word is a brand,
a romanisation or vocabulary the glossary lacks -- only an alias row finds those. The counts are
printed per list and the uncomposable entries written, with the words that block them, to
``--uncomposable`` (a TSV, default under /tmp).
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pypinyin.constants import PINYIN_DICT

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import LISTS, require  # noqa: E402

from tendertrace.knowledge import load_csv, load_yaml  # noqa: E402
from tendertrace.model import ListEntry  # noqa: E402
from tendertrace.screen import Screener, load_file  # noqa: E402
from tendertrace.screen.names import ALIAS_FILES, content_tokens  # noqa: E402
from tendertrace.screen.score import sim  # noqa: E402  (the matcher's own token agreement)

LIST_FILES = {"EL": "bis_entity_list.json", "MEU": "bis_meu.json", "NS-CMIC": "ofac_nscmic.json",
              "1260H": "dow_1260h.json"}
CHINA = frozenset({"china", "hong kong", "cn", "hk"})
WORD_TARGET = 0.95  # the share of content words the glossary and pinyin must produce (issue 18)
# A word is English vocabulary when this many listed entries outside China use it: a Chinese
# brand's overseas branches (AVIC, Inspur under Singapore or Taiwan) make one or two.
MIN_VOCABULARY_ENTRIES = 3
MAX_SYLLABLE = 6  # letters in the longest pinyin syllable (zhuang, shuang)
# The source's parse of the Entity List leaves some address lines as entries of their own
# ("Address 01" .. "Address 18" under China): not names, so not counted.
_ADDRESS_ARTEFACT = re.compile(r"^Address \d+$")
DEFAULT_UNCOMPOSABLE = Path("/tmp/tendertrace_uncomposable.tsv")
_OWN_ACRONYM = re.compile(r"\(([A-Z0-9][A-Z0-9&\-. ]{1,15})\)")


@dataclass
class ListRow:
    code: str
    entries: int = 0
    with_zh: int = 0
    screened_back: int = 0
    names: int = 0
    words: Counter[str] = field(default_factory=Counter)  # glossary | pinyin | missing | brand
    composable: int = 0  # entries without a Chinese name whose every content word the glossary or pinyin produces
    uncomposable: list[tuple[ListEntry, tuple[str, ...]]] = field(default_factory=list)  # and the words blocking each


@dataclass(frozen=True)
class Check:
    zh: str
    en: str
    relation: str
    source_file: str
    targets: tuple[str, ...]  # entry ids the row must reach
    got: str  # "list=name relation score" or "-"
    ok: bool


def load_lists(lists_dir: Path = LISTS / "us_lists_nsfreg_2026-07") -> list[ListEntry]:
    entries: list[ListEntry] = []
    for filename in LIST_FILES.values():
        for _code, _source, _version, items in load_file(require(lists_dir / filename)):
            entries.extend(items)
    return entries


def is_china(entry: ListEntry) -> bool:
    return (entry.country or "").strip().casefold() in CHINA and not _ADDRESS_ARTEFACT.match(entry.name)


def norm(text: str) -> str:
    """A listed name compared with an alias row's ``en``: the screener's own content words."""
    return " ".join(content_tokens(text))


def knowledge_rows() -> list[tuple[str, dict[str, str]]]:
    return [(name, row) for name in ALIAS_FILES for row in load_csv(name)]


def own_entries(entries: list[ListEntry], screener: Screener, en: str) -> tuple[str, ...]:
    """The entries an alias row names: those printing its ``en`` as a name or alias, or else the
    entry its ``en`` itself screens to as ``self`` (a curated row may give a shorter English form)."""
    key = norm(en)
    exact = [e.id for e in entries if key and any(norm(n) == key for n in (e.name, *e.aliases))]
    # The same entity on two lists ("SMIC" on the EL, its full name on NS-CMIC): every entry the
    # English form itself reaches with the top score is its own.
    hits = [h for h in screener.screen(en, limit=10) if h.relation == "self"]
    top = [h.entry.id for h in hits if hits and h.score >= hits[0].score]
    if exact and not set(exact) & set(top):
        top = []
    return tuple(dict.fromkeys([*exact, *top]))


def check_rows(entries: list[ListEntry], screener: Screener) -> list[Check]:
    """Every Chinese name of the knowledge screened against the lists: does it reach its own entry?"""
    by_en: dict[str, tuple[str, ...]] = {}
    out = []
    for source_file, row in knowledge_rows():
        en = row["en"]
        if en not in by_en:
            by_en[en] = own_entries(entries, screener, en)
        targets = by_en[en]
        if not targets:
            continue  # an entity on none of these four lists (SDN, CSL, a parent that is not listed)
        hit = screener.best(row["zh"])
        ok = hit is not None and hit.entry.id in targets and hit.relation == row["relation"]
        got = f"{hit.entry.list}={hit.entry.name} {hit.relation} {hit.score}" if hit else "-"
        out.append(Check(row["zh"], en, row["relation"], source_file, targets, got, ok))
    return out


@cache
def _syllables() -> frozenset[str]:
    out: set[str] = set()
    for value in PINYIN_DICT.values():
        for reading in value.split(","):
            plain = unicodedata.normalize("NFKD", reading)
            out.add("".join(ch for ch in plain if not unicodedata.combining(ch)).replace("ü", "v"))
    return frozenset(out)


def is_pinyin(word: str) -> bool:
    """The word splits into toneless pinyin syllables (shenzhen = shen + zhen), as a proper name
    composed by pinyin is written."""
    syllables = _syllables()
    word = word.lower()
    reach = [True] + [False] * len(word)
    for i in range(len(word)):
        if reach[i]:
            for j in range(i + 1, min(len(word), i + MAX_SYLLABLE) + 1):
                if word[i:j] in syllables:
                    reach[j] = True
    return reach[len(word)]


@cache
def glossary_words() -> frozenset[str]:
    """Every content word some glossary row writes, and the state groups' English short names the
    translation puts in front of their units (AVIC, CETC: knowledge/abbreviations_zh.yaml)."""
    words = {t for row in load_csv("glossary_zh_en.csv") for t in content_tokens(row["en"])}
    words.update(t for form in load_yaml("abbreviations_zh.yaml")["english_short_forms"]
                 for t in content_tokens(form["short"]))
    return frozenset(words)


def name_words(name: str) -> list[str]:
    """The content words of a listed name, without its own acronym in brackets ("(NUDT)")."""
    return content_tokens(_OWN_ACRONYM.sub(" ", name))


@cache
def _glossary_by_initial() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for word in glossary_words():
        out.setdefault(word[0], []).append(word)
    return {k: tuple(v) for k, v in out.items()}


@cache
def reference_vocabulary() -> frozenset[str]:
    """Words of listed names outside China and Hong Kong (every list of us_lists_nsfreg_2026-07 and
    the 2021 SDN): a word no such name uses (Hikvision, Inspur, Tsinghua) is a brand or a
    romanisation, which only an alias row reaches; one they use (Construction) is vocabulary."""
    folder = LISTS / "us_lists_nsfreg_2026-07"
    names_using: Counter[str] = Counter()
    paths = [p for p in sorted(folder.glob("*.json")) if p.name != "lists.json"]
    sdn = LISTS / "ofac_sdn_legacy_2021" / "sdn.csv"
    if sdn.exists():
        paths.append(sdn)
    for path in paths:
        for _code, _source, _version, items in load_file(path):
            for entry in items:
                if not is_china(entry):
                    names_using.update({t for text in (entry.name, *entry.aliases) for t in content_tokens(text)})
    return frozenset(w for w, n in names_using.items() if n >= MIN_VOCABULARY_ENTRIES)


def word_class(word: str) -> str:
    """glossary (a glossary row writes it, or a spelling the matcher takes for it), pinyin, brand
    (no listed name outside China uses it) or missing (vocabulary the glossary lacks)."""
    if word.isdigit() or word in glossary_words():
        return "glossary"  # digits come from the numbered-unit rule (第十四研究所 -> 14th Research Institute)
    if len(word) >= 4 and any(sim(word, g) for g in _glossary_by_initial().get(word[0], ())):
        return "glossary"  # Communication for Communications: the matcher's fuzzy token agreement
    if is_pinyin(word):
        return "pinyin"
    return "missing" if word in reference_vocabulary() else "brand"


def coverage(entries: list[ListEntry], checks: list[Check]) -> dict[str, ListRow]:
    rows = {code: ListRow(code) for code in LIST_FILES}
    covered = {t for c in checks if c.relation == "self" for t in c.targets}
    back = {t for c in checks if c.relation == "self" and c.ok for t in c.targets}
    failing = {t for c in checks if c.relation == "self" and not c.ok for t in c.targets}
    for entry in entries:
        if entry.list not in rows or not is_china(entry):
            continue
        row = rows[entry.list]
        row.entries += 1
        words = name_words(entry.name)
        if entry.id in covered:
            row.with_zh += 1
            row.screened_back += entry.id in back and entry.id not in failing
        else:
            # The listed name or any of its aliases may be the one a translation composes: Beijing
            # HiFar's alias "Beijing Huatian Haifeng Technology" is all pinyin and glossary words.
            blocking = blocking_words(words)
            if blocking and any(not blocking_words(name_words(alias)) for alias in entry.aliases):
                blocking = ()
            if blocking:
                row.uncomposable.append((entry, blocking))
            else:
                row.composable += 1
        for word in words:
            row.words[word_class(word)] += 1
    return rows


def blocking_words(words: list[str]) -> tuple[str, ...]:
    """The content words of a name that neither the glossary nor pinyin produces (brands,
    romanisations, vocabulary the glossary lacks); none means the name composes."""
    return tuple(dict.fromkeys(w for w in words if word_class(w) in ("missing", "brand")))


def write_uncomposable(rows: dict[str, ListRow], path: Path) -> int:
    """One line per uncomposable entry: list, id, name, aliases, the blocking words."""
    lines = ["list\tid\tname\taliases\tblocking"]
    for row in rows.values():
        for entry, blocking in row.uncomposable:
            lines.append("\t".join((row.code, entry.id, entry.name, " | ".join(entry.aliases), " ".join(blocking))))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - 1


def share(words: Counter[str]) -> float:
    """Glossary and pinyin words among the content words that are not brands."""
    n = words["glossary"] + words["pinyin"] + words["missing"]
    return (words["glossary"] + words["pinyin"]) / n if n else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=30, help="list this many of the words only an alias reaches")
    parser.add_argument("--failures", action="store_true", help="print every Chinese name that does not screen back")
    parser.add_argument("--uncomposable", type=Path, default=DEFAULT_UNCOMPOSABLE,
                        help="write the entries without a Chinese name whose English name does not compose here")
    args = parser.parse_args()
    entries = load_lists()
    screener = Screener(entries)
    checks = check_rows(entries, screener)
    rows = coverage(entries, checks)
    print(f"{'list':8} {'China/HK entries':>16} {'with a zh name':>15} {'screen back':>12} "
          f"{'words produced':>15} {'glossary':>9} {'pinyin':>7} {'missing':>8} {'brand':>6}")
    total: Counter[str] = Counter()
    for row in rows.values():
        total.update(row.words)
        print(f"{row.code:8} {row.entries:16} {row.with_zh:15} {row.screened_back:12} {share(row.words):15.3f} "
              f"{row.words['glossary']:9} {row.words['pinyin']:7} {row.words['missing']:8} {row.words['brand']:6}")
    produced = total["glossary"] + total["pinyin"]
    print(f"all four lists: {share(total):.3f} of {total.total() - total['brand']} content words (brands apart) "
          f"from the glossary or pinyin (target {WORD_TARGET}); {total['brand']} brand or romanised words "
          f"are the alias table's; counting those too, {produced / max(total.total(), 1):.3f}")
    print(f"{'list':8} {'without a zh name':>17} {'composable':>11} {'uncomposable':>13}")
    for row in rows.values():
        missing = row.entries - row.with_zh
        print(f"{row.code:8} {missing:17} {row.composable:11} {len(row.uncomposable):13}")
    written = write_uncomposable(rows, args.uncomposable)
    print(f"uncomposable entries written to {args.uncomposable}: {written}")
    ok = sum(c.ok for c in checks)
    print(f"Chinese names in the knowledge that reach a listed entry: {len(checks)}; screen back with their "
          f"relation: {ok}")
    if args.failures:
        for c in checks:
            if not c.ok:
                print(f"  {c.zh} [{c.relation}, {c.source_file}] want {c.en} | got {c.got}")
    for kind in ("missing", "brand"):
        words: Counter[str] = Counter()
        for entry in entries:
            if entry.list in LIST_FILES and is_china(entry):
                words.update(w for w in name_words(entry.name) if word_class(w) == kind)
        print(f"{kind} words ({len(words)} distinct), most frequent:")
        print("  " + ", ".join(f"{w} {k}" for w, k in words.most_common(args.words)))


if __name__ == "__main__":
    main()
