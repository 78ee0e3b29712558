"""Screening speed, side by side in one run: tendertrace, nomenklatura logic-v2 (in process, with
its own DuckDB blocking index) and a rapidfuzz brute-force baseline.

    python bench/screening_speed.py [--limit-nk 200]

Lists: the full Entity List + MEU (../shared JSON) and the OFAC SDN (legacy CSV), about 12,500
entries. Queries: the labelled names of ../shared/eval/screening_dev.csv and bench/heldout/ plus buyer, agency and
supplier names of the real corpus. Prints queries/s on one core, p50/p95 latency, and recall on the
Chinese categories of each labelled set -- the dev set and the held-out sets A, B, N, R and T of bench/heldout/ (T the newest)
(best hit = the expected entry).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import CORPUS, EVAL, LISTS, require  # noqa: E402
from rapidfuzz import fuzz, process  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from tendertrace.model import ListEntry  # noqa: E402
from tendertrace.screen import Screener, load_file  # noqa: E402
from tendertrace.screen.names import fold_zh, translate  # noqa: E402

CHINESE = ("exact_zh", "variant_zh", "affiliate_zh")
HELD_OUT = {name: Path(__file__).resolve().parent / "heldout" / f"screening_{name}.csv" for name in ("a", "b", "n", "r", "t")}


# A run's answers, each query's latency (wall clock), its wall seconds and its CPU seconds
# (``time.process_time``: on a shared machine the wall clock also counts other processes' turns).
Run = tuple[dict[str, str | None], list[float], float, float]


def lists() -> list[ListEntry]:
    entries: list[ListEntry] = []
    for path in (LISTS / "us_lists_nsfreg_2026-07" / "bis_entity_list.json", LISTS / "us_lists_nsfreg_2026-07" / "bis_meu.json",
                 LISTS / "ofac_sdn_legacy_2021" / "sdn.csv"):
        for _code, _source, _version, items in load_file(require(path)):
            entries.extend(items)
    return entries


def corpus_names(n: int) -> list[str]:
    names: list[str] = []
    with gzip.open(require(CORPUS), "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("format") != "text" or not record["content"].startswith("{"):
                continue
            data = json.loads(record["content"])
            for key in ("buyer", "agency", "winner"):
                if isinstance(data.get(key), str) and data[key].strip():
                    names.append(data[key].strip())
            if len(names) >= n:
                break
    return list(dict.fromkeys(names))


def expected_names(row: dict[str, str]) -> set[str]:
    """The entry a labelled name should find, and the ones its note also accepts ("also_ok: EL=...")."""
    names = {row["expected_entry"]} if row["expected_entry"] else set()
    note = row.get("note") or ""
    if "also_ok:" in note:
        names |= {part.split("=", 1)[1].strip() for part in note.split("also_ok:")[1].split("|") if "=" in part}
    return names


def percentiles(latencies: list[float]) -> tuple[float, float]:
    ordered = sorted(latencies)
    return statistics.median(ordered) * 1000, ordered[int(0.95 * (len(ordered) - 1))] * 1000


def run_tendertrace(entries: list[ListEntry], queries: list[str]) -> Run:
    screener = Screener(entries)
    translate.cache_clear()
    fold_zh.cache_clear()
    best: dict[str, str | None] = {}
    latencies = []
    started, cpu = time.perf_counter(), time.process_time()
    for q in queries:
        t = time.perf_counter()
        hit = screener.best(q)
        latencies.append(time.perf_counter() - t)
        best[q] = hit.entry.name if hit else None
    return best, latencies, time.perf_counter() - started, time.process_time() - cpu


def run_rapidfuzz(entries: list[ListEntry], queries: list[str]) -> Run:
    choices: list[str] = []
    owner: list[str] = []
    for e in entries:
        for name in [e.name, *e.aliases]:
            choices.append(name)
            owner.append(e.name)
    best: dict[str, str | None] = {}
    latencies = []
    started, cpu = time.perf_counter(), time.process_time()
    for q in queries:
        t = time.perf_counter()
        found = process.extractOne(q, choices, scorer=fuzz.token_set_ratio, processor=str.lower, score_cutoff=85)
        latencies.append(time.perf_counter() - t)
        best[q] = owner[found[2]] if found else None
    return best, latencies, time.perf_counter() - started, time.process_time() - cpu


def run_nomenklatura(entries: list[ListEntry], queries: list[str]) -> Run | None:
    try:
        from nomenklatura.blocker import Index
        from nomenklatura.matching import get_algorithm
        from nomenklatura.matching.types import ScoringConfig
        from nomenklatura.resolver import Linker
        from nomenklatura.store import Dataset, SimpleMemoryStore, StatementEntity
    except ImportError:
        return None
    import logging

    logging.getLogger("nomenklatura").setLevel(logging.WARNING)
    ds = Dataset.make({"name": "lists", "title": "lists"})
    store = SimpleMemoryStore(ds, Linker({}))
    writer = store.writer()
    names = {}
    for i, e in enumerate(entries):
        entity = StatementEntity.from_data(ds, {"id": f"e{i}", "schema": "LegalEntity",
                                                "properties": {"name": [e.name], "alias": e.aliases[:20]}})
        writer.add_entity(entity)
        names[f"e{i}"] = e.name
    writer.flush()
    view = store.default_view()
    index = Index(view, Path(tempfile.mkdtemp()))
    index.build()
    algorithm = get_algorithm("logic-v2")
    config = ScoringConfig.defaults()
    best: dict[str, str | None] = {}
    latencies = []
    started, cpu = time.perf_counter(), time.process_time()
    for i, q in enumerate(queries):  # one query at a time, as a screening service receives them
        t = time.perf_counter()
        entity = StatementEntity.from_data(ds, {"id": f"q{i}", "schema": "LegalEntity", "properties": {"name": [q]}})
        top, top_score = None, 0.0
        for _qid, matches in index.match_entities([entity]):
            for cid, _ in matches[:10]:  # yente's default: 10 candidates scored per result
                result = algorithm.compare(entity, view.get_entity(cid.id), config)
                if result.score > top_score:
                    top, top_score = names.get(cid.id), result.score
        latencies.append(time.perf_counter() - t)
        best[q] = top if top_score >= 0.7 else None
    return best, latencies, time.perf_counter() - started, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit-nk", type=int, default=200, help="queries given to nomenklatura (it is slow)")
    parser.add_argument("--corpus-names", type=int, default=1000)
    args = parser.parse_args()
    entries = lists()
    sets = {"dev": require(EVAL / "screening_dev.csv"), **{k: p for k, p in HELD_OUT.items() if p.exists()}}
    labelled = {k: list(csv.DictReader(p.open(encoding="utf-8"))) for k, p in sets.items()}
    queries = [r["query"] for rows in labelled.values() for r in rows] + corpus_names(args.corpus_names)
    queries = list(dict.fromkeys(queries))
    runs = {
        "tendertrace": run_tendertrace(entries, queries),
        "rapidfuzz brute force (token_set_ratio ≥ 85)": run_rapidfuzz(entries, queries),
    }
    nk = run_nomenklatura(entries, queries[: args.limit_nk])
    if nk is not None:
        runs["nomenklatura logic-v2 + DuckDB index (≥ 0.7)"] = nk
    table = Table(title=f"Screening {len(queries)} names against {len(entries):,} list entries (EL + MEU + SDN), one core")
    for col in ("matcher", "queries", "queries/s", "queries/CPU-s", "p50 ms", "p95 ms", *(f"recall zh {k}*" for k in labelled)):
        table.add_column(col, justify="left" if col == "matcher" else "right")
    # Only names whose expected entry is on the lists loaded here can be found by any matcher.
    loaded = {e.name for e in entries}
    chinese = {k: [r for r in rows if r["category"] in CHINESE and expected_names(r) & loaded] for k, rows in labelled.items()}
    for label, (best, latencies, seconds, cpu_seconds) in runs.items():
        p50, p95 = percentiles(latencies)
        recalls = []
        for rows in chinese.values():
            asked = [r for r in rows if r["query"] in best]
            recalls.append(f"{sum(1 for r in asked if best[r['query']] in expected_names(r)) / len(asked):.3f}"
                           if asked else "-")
        qps = len(latencies) / seconds
        table.add_row(label, str(len(latencies)), f"{qps:,.0f}", f"{len(latencies) / cpu_seconds:,.0f}",
                      f"{p50:.2f}", f"{p95:.2f}", *recalls)
    console = Console(width=160)
    console.print(table)
    counts = ", ".join(f"{len(rows)} of {k}" for k, rows in chinese.items())
    console.print(f"* best hit = the expected entry (or one the labels also accept), on the labelled Chinese names "
                  f"(exact/variant/affiliate) whose entry is on these lists ({counts}); nomenklatura is given the "
                  "first queries only (dev's first).")
    if nk is not None:
        tt = runs["tendertrace"]
        speedup = (len(tt[1]) / tt[2]) / (len(nk[1]) / nk[2])
        cpu_speedup = (len(tt[1]) / tt[3]) / (len(nk[1]) / nk[3])
        console.print(f"tendertrace / logic-v2 throughput: {speedup:,.0f}× (wall clock), {cpu_speedup:,.0f}× (CPU time)")


if __name__ == "__main__":
    main()
