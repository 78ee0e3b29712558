"""Build ``knowledge/aliases_zh_sources.csv``: Chinese names of listed entities, from machine-readable sources.

    python scripts/build_aliases.py [--shared ../shared] [--out src/tendertrace/knowledge/aliases_zh_sources.csv]
                                    [--check]

Sources (all under ``../shared/data/lists/``; see its PROVENANCE.md):

* ASPI's China Defence Universities Tracker, as MISP publishes it (CC0-1.0 / BSD-2-Clause),
  ``chinese_names/misp_aspi_china_defence_universities.json``: 159 institutions, each with its
  English and Chinese name, Chinese aliases (short and former names), subsidiaries and major
  defence laboratories ("English (中文)").
* The Chinese-script aliases OFAC publishes: ``us_lists_nsfreg_2026-07/ofac_nscmic.json`` and the
  2021 SDN ``ofac_sdn_legacy_2021/alt.csv`` (with ``sdn.csv`` for the primary names), and the
  ``alt_names`` of the Consolidated Screening List samples in ``csl_format_samples/``.

Each Chinese name is tied to its listed entry on the Entity List, MEU, NS-CMIC or DoD 1260H list
(China and Hong Kong headings) by English name only: equal after normalisation (case, accents,
punctuation, "&" as "and", parenthesised text and a trailing "Co., Ltd." dropped). Nothing is
guessed: an ASPI institution whose English name (or, failing that, one of its English aliases that
is neither an initialism nor one of its own sub-units) is not a listed name or alias is reported as
unmatched and yields no row. ASPI Chinese aliases that name one of the institution's laboratories
or centres are left out and reported, and so is a Chinese name two entries would share. The row's ``en`` is the matched entry's main name as the
list prints it (not the alias that matched: "NORINCO" alone is also inside another entry's alias),
so the screener scores exactly what the list prints.

Rows:

* ``self``: the institution's Chinese name and its Chinese aliases; a subsidiary or laboratory whose
  own English name is listed; an OFAC Chinese alias.
* ``affiliate``: a subsidiary or laboratory of a listed ASPI institution that is not itself listed.
  Its Chinese name is kept as ASPI writes it when it names the parent (中国航发北京航空材料研究院);
  otherwise it is prefixed with the parent's full Chinese name, the way a tender writes a sub-unit
  (人工智能研究中心 alone names no one; 中国人民解放军军事科学院人工智能研究中心 does).

kaixinol's table (AGPL) is read only to cross-check: where it gives another Chinese name for an
English name this script also maps, the disagreement is printed. Nothing of it is written.

``--check`` writes nothing and exits 1 when the committed file differs from a fresh build.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = Path(os.environ.get("TENDERTRACE_SHARED", ROOT.parent / "shared"))
DEFAULT_OUT = ROOT / "src" / "tendertrace" / "knowledge" / "aliases_zh_sources.csv"
LIST_FILES = {"EL": "bis_entity_list.json", "MEU": "bis_meu.json", "NS-CMIC": "ofac_nscmic.json",
              "1260H": "dow_1260h.json"}
LIST_PRIORITY = tuple(LIST_FILES)  # the row names the Entity List's spelling first, as the screener ranks ties
CHINA_HEADINGS = frozenset({"china", "hong kong", "china (hong kong)", "hong kong (china)"})
ASPI = "chinese_names/misp_aspi_china_defence_universities.json"
# The curated table: a Chinese name it gives as an entity's own is that listed entity, never a
# sub-unit of another (ASPI files listed institutes under their group too).
CURATED = ROOT / "src" / "tendertrace" / "knowledge" / "aliases_zh.csv"
KAIXINOL = "chinese_names/kaixinol_china_university_entity_list_data-cn.json"
SDN_DIR = "ofac_sdn_legacy_2021"
CSL_SAMPLES = ("csl_format_samples/watchman_cslustest_consolidated.csv", "csl_format_samples/watchman_test_csl_2019.csv")
# An English alias of an ASPI institution of this many letters or fewer is an initialism (AMS,
# AFEU): too weak to tie a Chinese name to a listed entry.
MIN_ALIAS_LETTERS = 6
# A subsidiary of a company is written inside its Chinese name by its short name; a Chinese alias
# this short (in characters) is a short name, tried when deciding whether a sub-unit names its parent.
MIN_SHORT_NAME = 2
# Chinese name endings of a laboratory or centre: an ASPI alias ending so, of an institution whose
# own name does not, names one of its sub-units.
SUBUNIT_KINDS = ("实验室", "中心", "研究所")
# A sub-unit's Chinese name shorter than this (熊猫, 可调谐) is a fragment of ASPI's text, not a name.
MIN_SUBUNIT_CHARS = 4
JOINT = "jointly"  # how ASPI introduces a laboratory run with another institution ("Jointly established", "Jointly run with")
AKA = re.compile(r"\s+a\.?k\.?a\.?\s+", re.IGNORECASE)  # "No. 55 Institute (中国兵工集团第55研究所) aka Changchun ... (长春设备工艺研究所)"
# Names the state grants one laboratory or centre each (国防科技重点实验室 by SASTIND, 国家重点实验室 by
# MOST, 国家工程研究中心 by NDRC): unique nationwide, so the name alone names the unit.
STATE_GRANTED = ("国防科技重点实验室", "国家重点实验室", "国防重点实验室", "国家工程实验室", "国家工程研究中心",
                 "国家工程技术研究中心")
DIVISIONS = ROOT / "src" / "tendertrace" / "knowledge" / "divisions_zh.csv"  # built by scripts/build_divisions.py
# Division-name endings a unit's name may leave out (长春设备工艺研究所 for 长春市).
PLACE_ENDINGS = ("省", "市", "县")
MIN_PLACE_CHARS = 2
BARE = "bare"  # marks a row whose name is a sub-unit's own name written without its parent's
UNIT_WORDS = ("学院", "大学", "研究所", "研究院", "中心")  # a unit named inside a laboratory's name is its host

_HAN = re.compile(r"[\u3400-\u9fff]")
_HAN_RUN = re.compile(r"[\u3400-\u9fff][\u3400-\u9fff0-9A-Za-z（）()、·]*[\u3400-\u9fff）)]|[\u3400-\u9fff]")
FIELDS = ("zh", "en", "relation", "list", "source")
# Legal-form words dropped from the end of a name before comparing. "Company" and "Corporation"
# stay: China Shipbuilding Industry Corporation (the group) and China Shipbuilding Industry Company
# Limited (its listed company) are two entities.
LEGAL_SUFFIXES = frozenset({"ltd", "limited", "co", "inc", "llc", "plc"})


def norm_en(text: str) -> str:
    """An English name compared: lower case, no accents or parenthesised text, "&" as "and"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("’", "'").replace("&", " and ")
    text = re.sub(r"\([^)]*\)", " ", text)
    text = re.sub(r"[^\w]+", " ", text.replace("'", ""))
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    while words and words[-1] in LEGAL_SUFFIXES:  # "..., Ltd": a company's name is the same without it
        words = words[:-1]
    return " ".join(words)


@dataclass(frozen=True)
class Listed:
    list: str
    name: str  # the entry's main name
    form: str  # the name or alias that matched


@dataclass
class Report:
    matched: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    cross_check: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))


def load_listed(lists_dir: Path) -> dict[str, list[Listed]]:
    """China and Hong Kong entries of the four lists, by each normalised name and alias."""
    out: dict[str, list[Listed]] = defaultdict(list)
    for code, filename in LIST_FILES.items():
        data = json.loads((lists_dir / filename).read_text(encoding="utf-8"))
        for entity in data["entities"]:
            if (entity.get("country") or "").casefold() not in CHINA_HEADINGS:
                continue
            for form in [entity["name"], *(entity.get("aliases") or [])]:
                key = norm_en(form)
                if key and all(x.name != entity["name"] or x.list != code for x in out[key]):
                    out[key].append(Listed(code, entity["name"], form))
    return out


def pick(found: list[Listed]) -> tuple[Listed, str]:
    """The form to write (the first list's, in LIST_PRIORITY) and every list the name is on."""
    ranked = sorted(found, key=lambda x: LIST_PRIORITY.index(x.list))
    lists = "|".join(dict.fromkeys(x.list for x in ranked))
    return ranked[0], lists


def split_bilingual(text: str) -> tuple[str, list[str]]:
    """"English (中文/中文2)" -> ("English", ["中文", "中文2"]); a text without Chinese -> (text, [])."""
    first_han = _HAN.search(text)
    if not first_han:
        return text.strip(), []
    english = text[: first_han.start()]
    english = re.sub(r"[\s(（]+$", "", english).strip()
    # The Chinese runs to the closing bracket; a bracket or quote opened inside it starts a note
    # ("（B类", "（西安机电信息技术研究所"), not the name.
    chinese = re.split(r"[)）(（]", text[first_han.start():])[0]
    names = [re.sub(r"[\s“”\"]", "", n) for n in re.split(r"[/／]", chinese)]
    return english, [n for n in names if _HAN.search(n) and len(n) >= 2]


def also_known_as(text: str) -> list[str]:
    """The Chinese names of an ASPI sub-unit's other names: "... (中国兵工集团第55研究所) aka Changchun
    Equipment Technology Institute (长春设备工艺研究所)" also gives 长春设备工艺研究所."""
    parts = AKA.split(text)
    return [z for part in parts[1:] for z in split_bilingual(part)[1]]


def _places() -> frozenset[str]:
    if not DIVISIONS.exists():
        return frozenset()
    with DIVISIONS.open(encoding="utf-8", newline="") as handle:
        names = [row["name"] for row in csv.DictReader(handle)]
    short = [n[:-1] for n in names if n.endswith(PLACE_ENDINGS) and len(n) > MIN_PLACE_CHARS]
    return frozenset([*names, *short])


_PLACES: frozenset[str] | None = None


def names_itself(zh: str) -> bool:
    """A sub-unit's Chinese name that names it without its parent: one the state grants to one unit
    (火炸药燃烧国防科技重点实验室), or one that begins with a place (长春设备工艺研究所, 上海电控研究所). A
    name of neither kind (人工智能研究中心) names a unit in many institutions and keeps its parent."""
    global _PLACES
    if _PLACES is None:
        _PLACES = _places()
    granted = next((g for g in STATE_GRANTED if zh.endswith(g)), None)
    if granted:
        # its field comes first (火炸药燃烧); a name with a unit before the laboratory (计算机学院拥有
        # 高性能计算国家重点实验室) is ASPI's sentence, not a name
        field = zh[: -len(granted)]
        return len(field) >= MIN_PLACE_CHARS and not any(unit in field for unit in UNIT_WORDS)
    return any(zh.startswith(p) and len(zh) > len(p) + MIN_SUBUNIT_CHARS for p in _PLACES)


@cache
def _curated_self() -> dict[str, set[str]]:
    """Folded Chinese name -> the English names the curated table gives it as a listed entity's own."""
    out: dict[str, set[str]] = defaultdict(set)
    if CURATED.exists():
        with CURATED.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row["relation"] == "self":
                    out[fold(row["zh"])].add(row["en"])
    return out


def is_chinese(text: str) -> bool:
    return bool(_HAN.search(text))


def aspi_rows(shared_lists: Path, listed: dict[str, list[Listed]], report: Report) -> list[dict[str, str]]:
    data = json.loads((shared_lists / ASPI).read_text(encoding="utf-8"))
    rows: list[dict[str, str]] = []
    for value in data["values"]:
        meta = value.get("meta") or {}
        english, zh_names = split_bilingual(value["value"])
        ref = (meta.get("refs") or [""])[0]
        source = f"ASPI China Defence Universities Tracker (CC0): {ref or value.get('uuid', '')}"
        aliases = meta.get("aliases") or []
        en_aliases = [a.strip() for a in aliases if not is_chinese(a)]
        subunits = [s for key in ("subsidiaries", "major defence laboratories") for s in (meta.get(key) or [])]
        subunit_en = {norm_en(split_bilingual(s)[0]) for s in subunits}
        subunit_zh = {fold(z) for s in subunits for z in split_bilingual(s)[1]}
        zh_aliases = []
        for alias in (a.strip() for a in aliases if is_chinese(a)):
            # ASPI's aliases sometimes name a laboratory or centre of the institution: such a name
            # is a sub-unit, not the institution itself.
            main_kind = zh_names[0].endswith(SUBUNIT_KINDS) if zh_names else False
            if fold(alias) in subunit_zh or (alias.endswith(SUBUNIT_KINDS) and not main_kind):
                report.skipped.append(f"ASPI alias {alias} of {english}: a sub-unit's name")
                continue
            zh_aliases.append(alias)
        found = listed.get(norm_en(english), [])
        via = "name"
        if not found:
            # An English alias may name an affiliate (ASPI lists some labs among the aliases):
            # one that is also a sub-unit, or an initialism, is not used.
            for alias in en_aliases:
                key = norm_en(alias)
                if len(key.replace(" ", "")) < MIN_ALIAS_LETTERS or key in subunit_en or "a.k.a" in alias.lower():
                    continue
                if listed.get(key):
                    found, via = listed[key], f"alias '{alias}'"
                    break
        zh_all = list(dict.fromkeys([*zh_names, *zh_aliases]))
        if not found:
            # The curated table may give the institution's Chinese name as a listed entry's own
            # (西北核技术研究所, listed as "Northwest Institute of Nuclear Technology in the Science
            # Research (NINTF)"): that entry is the institution, tied by its Chinese name.
            tied = {en for zh in zh_all for en in _curated_self().get(fold(zh), ())}
            if len(tied) == 1:
                found, via = listed.get(norm_en(next(iter(tied))), []), "the curated table's Chinese name"
        parent_zh = zh_names[0] if zh_names else (zh_aliases[0] if zh_aliases else "")
        if not found:
            report.unmatched.append(f"ASPI {english} ({parent_zh})")
        else:
            entry, lists = pick(found)
            report.matched.append(f"ASPI {english} -> {lists}: {entry.form} (by {via})")
            for zh in zh_all:
                rows.append({"zh": zh, "en": entry.name, "relation": "self", "list": lists, "source": source})
                report.counts["aspi self"] += 1
        parent_names = [z for z in zh_all if len(z) >= MIN_SHORT_NAME]
        for sub in subunits:
            sub_en, sub_zh = split_bilingual(sub)
            sub_zh = [z for z in [*sub_zh, *also_known_as(sub)] if len(z) >= MIN_SUBUNIT_CHARS]
            sub_zh = list(dict.fromkeys(sub_zh))
            if not sub_zh or sub_en.lower().startswith(JOINT):
                continue  # a unit set up jointly with another body is not a sub-unit of this one
            sub_found = listed.get(norm_en(sub_en), [])
            if sub_found:
                entry, lists = pick(sub_found)
                report.matched.append(f"ASPI sub-unit {sub_en} -> {lists}: {entry.form}")
                for zh in sub_zh:
                    rows.append({"zh": zh, "en": entry.name, "relation": "self", "list": lists,
                                 "source": f"{source} (sub-unit of {english})"})
                    report.counts["aspi sub-unit self"] += 1
            elif found and parent_zh:
                entry, lists = pick(found)
                for zh in sub_zh:
                    full = zh if any(p in zh for p in parent_names) else parent_zh + zh
                    forms = [full, zh] if full != zh and names_itself(zh) else [full]
                    for form in forms:
                        rows.append({"zh": form, "en": entry.name, "relation": "affiliate", "list": lists,
                                     "source": f"{source} (sub-unit '{sub_en}' of {english})",
                                     BARE: "yes" if form != full else ""})
                        report.counts["aspi affiliate"] += 1
    return rows


def nscmic_rows(shared_lists: Path, report: Report) -> list[dict[str, str]]:
    data = json.loads((shared_lists / "us_lists_nsfreg_2026-07" / LIST_FILES["NS-CMIC"]).read_text(encoding="utf-8"))
    rows = []
    for entity in data["entities"]:
        for alias in entity.get("aliases") or []:
            if is_chinese(alias):
                rows.append({"zh": alias.strip(), "en": entity["name"], "relation": "self", "list": "NS-CMIC",
                             "source": "OFAC NS-CMIC list, Chinese-script alias published by OFAC"})
                report.counts["ofac ns-cmic"] += 1
    return rows


def sdn_rows(shared_lists: Path, report: Report) -> list[dict[str, str]]:
    """Chinese-script aliases in OFAC's legacy SDN CSV (alt.csv: ent_num, alt_num, type, name, remarks)."""
    folder = shared_lists / SDN_DIR
    if not (folder / "alt.csv").exists():
        return []
    primary = {}
    with (folder / "sdn.csv").open(encoding="utf-8", errors="replace", newline="") as handle:
        for rec in csv.reader(handle):
            if len(rec) > 1:
                primary[rec[0]] = rec[1]
    rows = []
    with (folder / "alt.csv").open(encoding="utf-8", errors="replace", newline="") as handle:
        for rec in csv.reader(handle):
            if len(rec) > 3 and is_chinese(rec[3]) and rec[0] in primary:
                rows.append({"zh": rec[3].strip(), "en": primary[rec[0]], "relation": "self", "list": "SDN",
                             "source": f"OFAC SDN (2021), Chinese-script alias of ent_num {rec[0]}"})
                report.counts["ofac sdn"] += 1
    return rows


def csl_rows(shared_lists: Path, report: Report) -> list[dict[str, str]]:
    rows = []
    for rel in CSL_SAMPLES:
        path = shared_lists / rel
        if not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for rec in csv.DictReader(handle):
                for alias in (rec.get("alt_names") or "").split(";"):
                    if is_chinese(alias):
                        rows.append({"zh": alias.strip(), "en": rec["name"], "relation": "self",
                                     "list": "CSL",
                                     "source": f"Consolidated Screening List ({rec.get('source', '')}), Chinese-script alt_name ({path.name})"})
                        report.counts["csl"] += 1
    return rows


def fold(zh: str) -> str:
    return re.sub(r"[\s()（）·]", "", unicodedata.normalize("NFKC", zh))


def dedupe(rows: list[dict[str, str]], report: Report) -> list[dict[str, str]]:
    """One row per Chinese name; a name two sources tie to different entries is dropped and reported."""
    by_zh: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_zh[fold(row["zh"])].append(row)
    out = []
    for zh, group in by_zh.items():
        targets = {(r["en"], r["relation"]) for r in group}
        selfs = {r["en"] for r in group if r["relation"] == "self"}
        if len(selfs) > 1 or (not selfs and len(targets) > 1):
            if all(r.get(BARE) for r in group):  # a laboratory two hosts run jointly names neither alone
                report.skipped.append(f"{zh}: a sub-unit's name alone under two parents {sorted(targets)}")
            else:
                report.ambiguous.append(f"{zh}: {sorted(targets)}")
            continue
        # A name that is an entity's own wins over the same name as a sub-unit of another.
        group.sort(key=lambda r: r["relation"] != "self")
        out.append(group[0])
    out.sort(key=lambda r: (r["en"], r["relation"], r["zh"]))
    return out


def without_listed_units(rows: list[dict[str, str]], report: Report) -> list[dict[str, str]]:
    """Affiliate rows for a name the curated table gives as a listed entity's own are dropped:
    that unit is listed itself (中国航发北京航空材料研究院 is an MEU entry, not only part of AECC)."""
    if not CURATED.exists():
        return rows
    with CURATED.open(encoding="utf-8", newline="") as handle:
        own = {fold(r["zh"]) for r in csv.DictReader(handle) if r["relation"] == "self"}
    kept = []
    for row in rows:
        if row["relation"] == "affiliate" and fold(row["zh"]) in own:
            report.skipped.append(f"{row['zh']}: listed itself (curated table), not only a unit of {row['en']}")
            continue
        kept.append(row)
    return kept


def cross_check(shared_lists: Path, rows: list[dict[str, str]], report: Report) -> None:
    path = shared_lists / KAIXINOL
    if not path.exists():
        return
    ours: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row["relation"] == "self":
            ours[norm_en(row["en"])].add(fold(row["zh"]))
    for item in json.loads(path.read_text(encoding="utf-8")):
        key = norm_en(item["name"])
        if key in ours and fold(item["zh"]) not in ours[key]:
            report.cross_check.append(f"{item['name']}: kaixinol {item['zh']} vs ours {sorted(ours[key])}")


def build(shared: Path) -> tuple[list[dict[str, str]], Report]:
    lists_dir = shared / "data" / "lists"
    report = Report()
    listed = load_listed(lists_dir / "us_lists_nsfreg_2026-07")
    rows = [*nscmic_rows(lists_dir, report), *aspi_rows(lists_dir, listed, report),
            *sdn_rows(lists_dir, report), *csl_rows(lists_dir, report)]
    rows = dedupe(rows, report)
    rows = without_listed_units(rows, report)
    cross_check(lists_dir, rows, report)
    return rows, report


def render(rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="compare with the committed file, write nothing")
    parser.add_argument("-v", "--verbose", action="store_true", help="also list every matched institution")
    args = parser.parse_args()
    if not (args.shared / "data" / "lists").exists():
        print(f"{args.shared}/data/lists not found (set --shared or TENDERTRACE_SHARED)", file=sys.stderr)
        return 2
    rows, report = build(args.shared)
    text = render(rows)
    print(f"rows: {len(rows)} ({', '.join(f'{k} {v}' for k, v in sorted(report.counts.items()))} before de-duplication)")
    print(f"ASPI institutions and sub-units matched to a listed entry: {len(report.matched)}")
    if args.verbose:
        for line in report.matched:
            print("  matched:", line)
    print(f"ASPI institutions not on EL/MEU/NS-CMIC/1260H by English name (no row written): {len(report.unmatched)}")
    for line in report.unmatched:
        print("  unmatched:", line)
    print(f"Chinese names tied to two entries (dropped): {len(report.ambiguous)}")
    for line in report.ambiguous:
        print("  ambiguous:", line)
    print(f"ASPI Chinese aliases left out: {len(report.skipped)}")
    for line in report.skipped:
        print("  skipped:", line)
    print(f"kaixinol (AGPL, cross-check only) disagreements: {len(report.cross_check)}")
    for line in report.cross_check:
        print("  differs:", line)
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is out of date: run scripts/build_aliases.py", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
