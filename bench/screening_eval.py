"""Screening accuracy on ../shared/eval/screening_dev.csv (or any set in its format) and the nomenklatura name benchmark.

    python bench/screening_eval.py [SET.csv ...] [--threshold 0.82] [--show-errors]

Lists: the Entity List, MEU and NS-CMIC JSON files of ../shared/data/lists/us_lists_nsfreg_2026-07/.
A query is right when the best hit is the expected entry (or an also_ok one) with the expected
relation, or -- for negatives -- when nothing reaches the threshold.
"""

from __future__ import annotations

import argparse
import collections
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import EVAL, LISTS, require  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from tendertrace.screen import Screener, load_file  # noqa: E402

LIST_FILES = ("bis_entity_list.json", "bis_meu.json", "ofac_nscmic.json")


def build_screener(threshold: float) -> Screener:
    entries = []
    for name in LIST_FILES:
        for _code, _source, _version, items in load_file(require(LISTS / "us_lists_nsfreg_2026-07" / name)):
            entries.extend(items)
    return Screener(entries, threshold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sets", nargs="*", type=Path, help="labelled sets in screening_dev.csv's format (default: it)")
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    screener = build_screener(args.threshold or Screener([]).threshold)
    console = Console()
    for path in args.sets or [require(EVAL / "screening_dev.csv")]:
        labelled_set(console, screener, path, args.show_errors)
    name_bench(console, screener.threshold)


def labelled_set(console: Console, screener: Screener, path: Path, show_errors: bool) -> None:
    """Per-category recall (and false-positive rate of the negatives) on one labelled set."""
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    stats: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for row in rows:
        expected = {(row["list"], row["expected_entry"])} if row["expected_entry"] else set()
        note = row.get("note") or ""
        if "also_ok:" in note:
            for part in note.split("also_ok:")[1].split("|"):
                if "=" in part:
                    lst, name = part.strip().split("=", 1)
                    expected.add((lst.strip(), name.strip()))
        hit = screener.best(row["query"])
        cat = row["category"]
        negative = cat.startswith("negative") or not row["expected_entry"]
        if negative:
            ok = hit is None
        else:
            ok = hit is not None and (hit.entry.list, hit.entry.name) in expected and hit.relation == row["relation"]
        stats[cat]["n"] += 1
        stats[cat]["ok"] += ok
        if not ok and show_errors:
            got = f"{hit.entry.list}={hit.entry.name} {hit.relation} {hit.score} [{hit.features.get('method')}]" if hit else "-"
            console.print(f"{cat:16} {row['query']} | want {row['expected_entry'] or '-'} {row['relation']} | got {got}", markup=False)
    table = Table(title=f"Screening on {path.name} (threshold {screener.threshold})")
    for col in ("category", "queries", "recall / correct", "false-positive rate"):
        table.add_column(col, justify="left" if col == "category" else "right")
    for cat in sorted(stats):
        c = stats[cat]
        rate = c["ok"] / c["n"]
        if cat.startswith("negative"):
            table.add_row(cat, str(c["n"]), f"{rate:.3f}", f"{1 - rate:.3f}")
        else:
            table.add_row(cat, str(c["n"]), f"{rate:.3f}", "")
    console.print(table)


def name_bench(console: Console, threshold: float) -> None:
    """P/R/F1 on OpenSanctions' name-pair benchmark: each pair screened as a one-entry list."""
    from tendertrace.model import ListEntry

    path = LISTS / "name_matching_benchmarks" / "nomenklatura_name_bench_cases.csv"
    if not path.exists():
        return
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    hits = [Screener([ListEntry(id="x", list="bench", name=r["name2"])], threshold).best(r["name1"]) for r in rows]
    truth = [r["is_match"].strip().lower() == "true" for r in rows]
    table = Table(title=f"nomenklatura name benchmark ({len(rows)} labelled pairs: is name1 the entity named name2?)")
    for col in ("counted as a match", "precision", "recall", "F1", "logic-v2 F1 (published)"):
        table.add_column(col, justify="right")
    # The benchmark asks about identity; an affiliate hit says "a part of it", so it is shown both ways.
    for label, relations in (("a self hit", {"self"}), ("any hit (self or affiliate)", {"self", "affiliate"})):
        predicted = [h is not None and h.relation in relations for h in hits]
        tp = sum(p and t for p, t in zip(predicted, truth, strict=True))
        fp = sum(p and not t for p, t in zip(predicted, truth, strict=True))
        fn = sum(t and not p for p, t in zip(predicted, truth, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table.add_row(label, f"{precision:.3f}", f"{recall:.3f}", f"{f1:.3f}", "about 0.79 at 0.7")
    console.print(table)


if __name__ == "__main__":
    main()
