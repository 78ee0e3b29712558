"""Dump the findings a scan stores, canonically, so two versions of the code can be compared.

    python bench/compare_findings.py examples --out after.json
    python bench/compare_findings.py --corpus-slice 2000 --lists EL --out after.json
    python bench/compare_findings.py --diff before.json after.json
    python bench/compare_findings.py --db old.db --rebuild-only --out migrated.json


Each run scans its inputs into a fresh SQLite store and writes every finding (case id, score and
its parts, documents, evidence spans, listed-party hits, the facts a report shows) as sorted JSON.
Run it with ``PYTHONPATH`` on an older checkout's ``src`` to get that version's dump: the script
reads findings only through what both versions have (``Finding`` fields, ``to_dict``), and maps
the listed hit's entry name from either of its historical keys.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import itertools
import json
import sys
import tempfile
import warnings
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import CORPUS, LISTS, require  # noqa: E402

from tendertrace import store  # noqa: E402
from tendertrace.findings import refresh_findings  # noqa: E402
from tendertrace.pipeline import scan  # noqa: E402
from tendertrace.screen import load_file, load_screener  # noqa: E402

# The list files a comparison may load (from ../shared/data/lists), by short name.
LIST_FILES = {"EL": "us_lists_nsfreg_2026-07/bis_entity_list.json", "MEU": "us_lists_nsfreg_2026-07/bis_meu.json",
              "NS-CMIC": "us_lists_nsfreg_2026-07/ofac_nscmic.json"}
# Scores are rounded by the code to one decimal; hit scores are kept to this many places so that
# float noise in the last bits of a sum never shows as a difference.
HIT_SCORE_PLACES = 6
LISTED_KEYS = ("key", "party", "role", "entry", "entry_id", "list", "relation", "score", "federal_register",
               "list_version", "explanation")
CLASSIFICATION_KEYS = ("text", "chip", "model", "count", "tpp", "pd", "band", "controlled", "rule", "route",
                       "provider", "restriction", "reason")


def _plain(value: Any) -> Any:
    """A finding's value as JSON data, whether the code keeps it as a dataclass or a dict."""
    if hasattr(value, "to_dict"):
        return _plain(value.to_dict())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _listed(hit: Any) -> dict[str, Any]:
    data = _plain(hit)
    if "entry" not in data or isinstance(data["entry"], dict):
        data["entry"] = data.get("match") or (data.get("entry") or {}).get("name")
    out = {k: data.get(k) for k in LISTED_KEYS}
    if isinstance(out["score"], float):
        out["score"] = round(out["score"], HIT_SCORE_PLACES)
    return out


def _name(file: str | None) -> str | None:
    """A document's file by its name alone: each run reads its inputs from a temporary folder."""
    return Path(file).name if file else file


def canonical(finding: Any) -> dict[str, Any]:
    """What must not change: identity, score, evidence, listed hits and every reported fact."""
    f = finding
    return {
        "case_id": f.case_id, "score": f.score, "score_parts": {k: round(v, HIT_SCORE_PLACES) for k, v in f.score_parts.items()},
        "documents": [{**{k: d.get(k) for k in ("id", "source_id", "notice_type", "date")}, "file": _name(d.get("file"))}
                      for d in _plain(f.documents)],
        "evidence": [[e["document"], e["start"], e["end"], e["text"]] for e in _plain(f.evidence)],
        "listed": [_listed(h) for h in f.listed], "suppressed": [_listed(h) for h in f.suppressed],
        "buyer": list(f.buyer), "suppliers": list(f.suppliers), "provider": list(f.provider), "route": list(f.route),
        "chips": list(f.chips), "models": list(f.models), "amount": f.amount, "currency": f.currency, "date": f.date,
        "quantity": f.quantity, "title": f.title, "review_status": f.review_status,
        "classification": [{k: c.get(k) for k in CLASSIFICATION_KEYS} for c in _plain(f.classification)],
    }


def corpus_slice(records: int, folder: Path) -> Path:
    out = folder / f"corpus_{records}.jsonl"
    with gzip.open(require(CORPUS), "rt", encoding="utf-8") as fin, out.open("w", encoding="utf-8") as fout:
        fout.writelines(itertools.islice(fin, records))
    return out


def run(paths: list[str], lists: list[str], db: Path, rebuild_only: bool = False) -> list[dict[str, Any]]:
    engine = store.connect(f"sqlite:///{db}")  # an older store is migrated to this code's schema here
    if rebuild_only:  # the findings of what an earlier run (maybe of older code) stored
        return sorted((canonical(f) for f in refresh_findings(engine)), key=lambda f: f["case_id"])
    for name in lists:
        for code, source, version, entries in load_file(require(LISTS / LIST_FILES[name])):
            store.replace_list(engine, code, source, version, entries)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the bundled sample's warning, when no list is given
        screener = load_screener(engine)
    stats = scan(paths, engine, screener=screener)
    print(f"{stats.seen} documents: {stats.processed} processed, {stats.failed} failed", file=sys.stderr)
    return sorted((canonical(f) for f in refresh_findings(engine)), key=lambda f: f["case_id"])


def diff(before: Path, after: Path) -> int:
    old = {f["case_id"]: f for f in json.loads(before.read_text(encoding="utf-8"))}
    new = {f["case_id"]: f for f in json.loads(after.read_text(encoding="utf-8"))}
    changed = sorted(k for k in old.keys() & new.keys() if old[k] != new[k])
    for label, ids in (("only before", sorted(old.keys() - new.keys())), ("only after", sorted(new.keys() - old.keys())),
                       ("changed", changed)):
        for case_id in ids:
            print(f"{label}: {case_id}")
    for case_id in changed[:5]:
        for key in old[case_id]:
            if old[case_id][key] != new[case_id].get(key):
                print(f"  {case_id}.{key}: {old[case_id][key]!r} -> {new[case_id].get(key)!r}")
    same = old == new
    print(f"{len(old)} findings before, {len(new)} after: {'identical' if same else 'DIFFERENT'}")
    return 0 if same else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", help="inputs to scan (files, folders, corpora)")
    parser.add_argument("--corpus-slice", type=int, help="also scan the first N records of the shared corpus")
    parser.add_argument("--lists", nargs="*", default=[], choices=sorted(LIST_FILES),
                        help="load these shared lists into the store (else the bundled sample screens)")
    parser.add_argument("--out", type=Path, help="write the dump here (default: stdout)")
    parser.add_argument("--db", type=Path, help="scan into this SQLite file (default: a fresh temporary one)")
    parser.add_argument("--rebuild-only", action="store_true",
                        help="scan nothing: migrate the --db store and dump the findings built from its results")
    parser.add_argument("--diff", nargs=2, type=Path, metavar=("BEFORE", "AFTER"), help="compare two dumps")
    args = parser.parse_args()
    if args.diff:
        return diff(*args.diff)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = list(args.paths)
        if args.corpus_slice:
            paths.append(str(corpus_slice(args.corpus_slice, folder)))
        if not paths and not args.rebuild_only:
            parser.error("give inputs or --corpus-slice N")
        if args.rebuild_only and not (args.db and args.db.exists()):
            parser.error("--rebuild-only needs the --db of an earlier run")
        found = run(paths, args.lists, args.db or folder / "compare.db", args.rebuild_only)
        dump = json.dumps(found, ensure_ascii=False, indent=1, sort_keys=True)
    if args.out:
        args.out.write_text(dump + "\n", encoding="utf-8")
    else:
        print(dump)
    return 0


if __name__ == "__main__":
    sys.exit(main())
