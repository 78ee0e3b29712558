"""Field-extraction accuracy on ../shared/eval/extraction_dev.jsonl, and mention counts on the corpus.

    python bench/extraction_eval.py [--corpus] [--show-errors]
    python bench/extraction_eval.py --texts FOLDER [--show-errors]

Prints per-field precision / recall / exact match, scored as ../shared/eval/README.md suggests:
names compared after NFKC and whitespace removal, buyer and suppliers as sets, amounts within one
unit with the right kind, and null gold values counted as "not stated".

``--texts FOLDER`` scores a folder of real public texts instead (news, company announcements,
notices, each a file): its ``gold.jsonl`` rows give ``file``, ``buyer`` and ``suppliers`` (lists of
names as the text writes them) and ``amount``; buyer and suppliers are scored as sets (precision,
recall, F1), amounts within one unit, names compared after NFKC, whitespace removal and
traditional-to-simplified folding (a text in traditional script keeps its names so).
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
from tendertrace.model import Document, Extraction  # noqa: E402


def norm(name: str | None) -> str:
    return "".join(unicodedata.normalize("NFKC", name or "").casefold().split())  # NVIDIA and Nvidia are one name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", action="store_true", help="also count buyers, amounts and mentions over the whole corpus")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--findings", type=Path, nargs="?", const=EVAL / "findings_dev", default=None,
                        help="also score buyer, suppliers, amount and date on a findings set (gold.jsonl beside "
                             "its documents; default ../shared/eval/findings_dev)")
    parser.add_argument("--gold", type=Path, default=None,
                        help="a set of corpus records in extraction_dev.jsonl's format (by corpus id); fields a "
                             "row leaves out are not scored (default ../shared/eval/extraction_dev.jsonl)")
    parser.add_argument("--texts", type=Path, default=None,
                        help="a folder of real public texts with a gold.jsonl (file, buyer, suppliers, amount)")
    args = parser.parse_args()
    if args.texts is not None:
        texts_fields(Console(), require(args.texts), args.show_errors)
        return
    if args.findings is not None:
        findings_fields(Console(), require(args.findings), args.show_errors)
    gold_path = require(args.gold or EVAL / "extraction_dev.jsonl")
    gold = {json.loads(line)["id"]: json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()}
    predicted: dict[str, dict] = {}
    for doc in iter_documents([require(CORPUS)]):
        if isinstance(doc, Document) and doc.source_id in gold:
            predicted[doc.source_id] = extraction_record(doc, extract(doc))

    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    errors: list[str] = []
    for gid, g in gold.items():
        p = predicted.get(gid, {})
        for field in ("notice_type", "project_name", "project_number", "published", "currency"):
            if field not in g:
                continue
            gv, pv = g.get(field), p.get(field)
            if field in ("project_name", "project_number"):
                gv, pv = (norm(gv) or None), (norm(pv) or None)
            _score_single(counts[field], gv, pv)
            if gv != pv:
                errors.append(f"{gid} {field}: gold={gv!r} got={pv!r}")
        for field in ("buyer", "agency", "suppliers"):
            if field not in g:
                continue
            gs, ps = {norm(x) for x in g.get(field) or []}, {norm(x) for x in p.get(field) or []}
            c = counts[field]
            c["tp"] += len(gs & ps)
            c["fp"] += len(ps - gs)
            c["fn"] += len(gs - ps)
            c["exact"] += gs == ps
            c["n"] += 1
            if gs != ps:
                errors.append(f"{gid} {field}: gold={sorted(gs)} got={sorted(ps)}")
        if "amount" not in g:
            continue
        ga, gk, pa, pk = g.get("amount"), g.get("amount_kind"), p.get("amount"), p.get("amount_kind")
        ok = (ga is None and pa is None) or (ga is not None and pa is not None and abs(ga - pa) <= 1 and gk == pk)
        _score_single(counts["amount"], (ga, gk) if ga is not None else None, (pa, pk) if pa is not None else None, ok)
        if not ok:
            errors.append(f"{gid} amount: gold={ga} {gk} got={pa} {pk}")
        gb, pb = g.get("budget"), p.get("budget")
        okb = (gb is None and pb is None) or (gb is not None and pb is not None and abs(gb - pb) <= 1)
        _score_single(counts["budget"], gb, pb, okb)

    table = Table(title=f"Extraction on {len(gold)} hand-labelled announcements ({gold_path.name})")
    for col in ("field", "precision", "recall", "F1", "exact match"):
        table.add_column(col, justify="right" if col != "field" else "left")
    for field, c in counts.items():
        precision, recall, f1 = _prf(c["tp"], c["fp"], c["fn"])
        table.add_row(field, f"{precision:.3f}", f"{recall:.3f}", f"{f1:.3f}", f"{c['exact'] / c['n']:.3f}")
    console = Console()
    console.print(table)
    if args.show_errors:
        for line in errors:
            console.print(line, markup=False)
    if args.corpus:
        corpus_counts(console)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of set matches (1.0 where nothing was expected or found)."""
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def _extract_file(path: Path) -> Extraction | None:
    """The extraction of a set's file (its first document), None where it is not read."""
    docs = [d for d in iter_documents([path]) if isinstance(d, Document)]
    return extract(docs[0]) if docs else None


def findings_fields(console: Console, folder: Path, show_errors: bool) -> None:
    """Buyer (exact, and found among any party), suppliers (F1), amount (within one unit) and date on a
    findings set: gold.jsonl rows with ``file, buyer_zh, suppliers_zh, amount, date``."""
    rows = [json.loads(line) for line in (folder / "gold.jsonl").open(encoding="utf-8")]
    c: collections.Counter = collections.Counter()
    errors: list[str] = []
    for g in rows:
        ex = _extract_file(folder / g["file"])
        if ex is None:
            errors.append(f"{g['file']}: not read")
            continue
        gold_buyer = norm(g.get("buyer_zh") or g.get("buyer_en")) or None
        buyers = {norm(n) for n in ex.names("buyer")}
        if gold_buyer is not None:
            c["buyer_n"] += 1
            c["buyer_exact"] += buyers == {gold_buyer}
            c["buyer_any_party"] += gold_buyer in {norm(p.name) for p in ex.parties}
            if buyers != {gold_buyer}:
                errors.append(f"{g['file']} buyer: gold={gold_buyer} got={sorted(buyers)}")
        gs = {norm(x) for x in g.get("suppliers_zh") or (g.get("suppliers_en") if not g.get("buyer_zh") else []) or []}
        ps = {norm(x) for x in ex.names("supplier")}
        c["sup_tp"] += len(gs & ps)
        c["sup_fp"] += len(ps - gs)
        c["sup_fn"] += len(gs - ps)
        if gs != ps:
            errors.append(f"{g['file']} suppliers: gold={sorted(gs)} got={sorted(ps)}")
        ga, pa = g.get("amount"), ex.amount.value if ex.amount else None
        c["amount_n"] += 1
        ok = (ga is None and pa is None) or (ga is not None and pa is not None and abs(ga - pa) <= 1)
        c["amount_ok"] += ok
        if not ok:
            errors.append(f"{g['file']} amount: gold={ga} got={pa}")
        gd, pd = g.get("date"), ex.published.isoformat() if ex.published else None
        c["date_n"] += 1
        c["date_ok"] += gd == pd
        if gd != pd:
            errors.append(f"{g['file']} date: gold={gd} got={pd} ({getattr(ex, 'date_source', None)})")
    precision, recall, f1 = _prf(c["sup_tp"], c["sup_fp"], c["sup_fn"])
    table = Table(title=f"Parties, amount and date on {len(rows)} documents ({folder.name})")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("buyer exact", f"{c['buyer_exact']}/{c['buyer_n']} = {c['buyer_exact'] / max(1, c['buyer_n']):.3f}")
    table.add_row("buyer among the parties", f"{c['buyer_any_party']}/{c['buyer_n']}")
    table.add_row("suppliers P / R / F1", f"{precision:.3f} / {recall:.3f} / {f1:.3f}")
    table.add_row("amount exact", f"{c['amount_ok']}/{c['amount_n']} = {c['amount_ok'] / max(1, c['amount_n']):.3f}")
    table.add_row("date exact", f"{c['date_ok']}/{c['date_n']} = {c['date_ok'] / max(1, c['date_n']):.3f}")
    console.print(table)
    if show_errors:
        for line in errors:
            console.print(line, markup=False)


def texts_fields(console: Console, folder: Path, show_errors: bool) -> None:
    """Buyer and suppliers (set precision, recall, F1) and amount on a folder of real texts."""
    from tendertrace.text.fold import fold_zh

    def key(name: str) -> str:
        return norm(fold_zh(name))

    rows = [json.loads(line) for line in (folder / "gold.jsonl").open(encoding="utf-8") if line.strip()]
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    errors: list[str] = []
    for g in rows:
        ex = _extract_file(folder / g["file"])
        if ex is None:
            errors.append(f"{g['file']}: not read")
            continue
        for field, role in (("buyer", "buyer"), ("suppliers", "supplier")):
            gs, ps = {key(x) for x in g.get(field) or []}, {key(x) for x in ex.names(role)}
            c = counts[field]
            c["tp"] += len(gs & ps)
            c["fp"] += len(ps - gs)
            c["fn"] += len(gs - ps)
            c["exact"] += gs == ps
            c["n"] += 1
            c["docs_with"] += bool(gs)
            c["docs_found"] += bool(gs & ps)
            if gs != ps:
                errors.append(f"{g['file']} {field}: gold={sorted(gs)} got={sorted(ps)}")
        ga, pa = g.get("amount"), ex.amount.value if ex.amount else None
        ok = (ga is None and pa is None) or (ga is not None and pa is not None and abs(ga - pa) <= 1)
        c = counts["amount"]
        c["n"] += 1
        c["exact"] += ok
        c["docs_with"] += ga is not None
        c["docs_found"] += ok and ga is not None
        if not ok:
            errors.append(f"{g['file']} amount: gold={ga} got={pa}")
    table = Table(title=f"Parties and amount on {len(rows)} real texts ({folder.name})")
    for col in ("field", "precision", "recall", "F1", "documents found", "exact match"):
        table.add_column(col, justify="right" if col != "field" else "left")
    for field, c in counts.items():
        if field == "amount":
            table.add_row(field, "", "", "", f"{c['docs_found']}/{c['docs_with']}", f"{c['exact'] / c['n']:.3f}")
            continue
        precision, recall, f1 = _prf(c["tp"], c["fp"], c["fn"])
        table.add_row(field, f"{precision:.3f}", f"{recall:.3f}", f"{f1:.3f}", f"{c['docs_found']}/{c['docs_with']}",
                      f"{c['exact'] / c['n']:.3f}")
    console.print(table)
    if show_errors:
        for line in errors:
            console.print(line, markup=False)


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
