"""Field-extraction accuracy on ../shared/eval/extraction_dev.jsonl, and mention counts on the corpus.

    python bench/extraction_eval.py [--corpus] [--show-errors]

Prints per-field precision / recall / exact match, scored as ../shared/eval/README.md suggests:
names compared after NFKC and whitespace removal, buyer and suppliers as sets, amounts within one
unit with the right kind, and null gold values counted as "not stated".
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import CORPUS, EVAL, require  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from tendertrace.extract import extract  # noqa: E402
from tendertrace.extract.output import extraction_record  # noqa: E402
from tendertrace.ingest import iter_documents  # noqa: E402
from tendertrace.model import Document  # noqa: E402


def norm(name: str | None) -> str:
    return "".join(unicodedata.normalize("NFKC", name or "").split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", action="store_true", help="also count buyers, amounts and mentions over the whole corpus")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    gold = {json.loads(line)["id"]: json.loads(line) for line in require(EVAL / "extraction_dev.jsonl").open()}
    predicted: dict[str, dict] = {}
    for doc in iter_documents([require(CORPUS)]):
        if isinstance(doc, Document) and doc.source_id in gold:
            predicted[doc.source_id] = extraction_record(doc, extract(doc))

    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    errors: list[str] = []
    for gid, g in gold.items():
        p = predicted.get(gid, {})
        for field in ("notice_type", "project_name", "project_number", "published", "currency"):
            gv, pv = g.get(field), p.get(field)
            if field in ("project_name", "project_number"):
                gv, pv = (norm(gv) or None), (norm(pv) or None)
            _score_single(counts[field], gv, pv)
            if gv != pv:
                errors.append(f"{gid} {field}: gold={gv!r} got={pv!r}")
        for field in ("buyer", "agency", "suppliers"):
            gs, ps = {norm(x) for x in g.get(field) or []}, {norm(x) for x in p.get(field) or []}
            c = counts[field]
            c["tp"] += len(gs & ps)
            c["fp"] += len(ps - gs)
            c["fn"] += len(gs - ps)
            c["exact"] += gs == ps
            c["n"] += 1
            if gs != ps:
                errors.append(f"{gid} {field}: gold={sorted(gs)} got={sorted(ps)}")
        ga, gk, pa, pk = g.get("amount"), g.get("amount_kind"), p.get("amount"), p.get("amount_kind")
        ok = (ga is None and pa is None) or (ga is not None and pa is not None and abs(ga - pa) <= 1 and gk == pk)
        _score_single(counts["amount"], (ga, gk) if ga is not None else None, (pa, pk) if pa is not None else None, ok)
        if not ok:
            errors.append(f"{gid} amount: gold={ga} {gk} got={pa} {pk}")
        gb, pb = g.get("budget"), p.get("budget")
        okb = (gb is None and pb is None) or (gb is not None and pb is not None and abs(gb - pb) <= 1)
        _score_single(counts["budget"], gb, pb, okb)

    table = Table(title=f"Extraction on {len(gold)} hand-labelled announcements (extraction_dev.jsonl)")
    for col in ("field", "precision", "recall", "F1", "exact match"):
        table.add_column(col, justify="right" if col != "field" else "left")
    for field, c in counts.items():
        precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table.add_row(field, f"{precision:.3f}", f"{recall:.3f}", f"{f1:.3f}", f"{c['exact'] / c['n']:.3f}")
    console = Console()
    console.print(table)
    if args.show_errors:
        for line in errors:
            console.print(line, markup=False)
    if args.corpus:
        corpus_counts(console)


def _score_single(c: collections.Counter, gold, pred, ok: bool | None = None) -> None:
    ok = (gold == pred) if ok is None else ok
    c["n"] += 1
    c["exact"] += ok
    if pred is not None:
        c["tp" if ok else "fp"] += 1
    if gold is not None and not ok:
        c["fn"] += 1


def corpus_counts(console: Console) -> None:
    total = with_buyer = with_amount = 0
    kinds: collections.Counter = collections.Counter()
    values: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for doc in iter_documents([require(CORPUS)]):
        if not isinstance(doc, Document):
            continue
        total += 1
        ex = extract(doc)
        with_buyer += bool(ex.names("buyer"))
        with_amount += ex.amount is not None
        for m in ex.mentions:
            kinds[m.kind] += 1
            values[m.kind][m.normalized] += 1
    table = Table(title=f"Whole corpus: {total} documents")
    table.add_column("measure")
    table.add_column("count", justify="right")
    table.add_row("documents with a buyer", str(with_buyer))
    table.add_row("documents with an amount", str(with_amount))
    for kind, n in sorted(kinds.items()):
        top = ", ".join(f"{k} {v}" for k, v in values[kind].most_common(6))
        table.add_row(f"mentions: {kind}", f"{n}  ({top})")
    console.print(table)


if __name__ == "__main__":
    main()
