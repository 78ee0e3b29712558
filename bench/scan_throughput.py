"""Scan throughput on the real corpus: ingest only, ingest + extraction, and the full pipeline.

    python bench/scan_throughput.py [--limit N]

Prints docs/s and MB/s (of input content) for each stage in one process.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import CORPUS, require  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from tendertrace import store  # noqa: E402
from tendertrace.extract import extract  # noqa: E402
from tendertrace.ingest import iter_documents  # noqa: E402
from tendertrace.model import Document  # noqa: E402
from tendertrace.pipeline import scan  # noqa: E402
from tendertrace.screen import sample_screener  # noqa: E402


def corpus(limit: int | None, folder: Path) -> tuple[Path, int, float]:
    """The corpus, cut to ``limit`` records; returns (path, records, MB of content)."""
    src = require(CORPUS)
    out = folder / "corpus.jsonl"
    n = 0
    size = 0
    with gzip.open(src, "rt", encoding="utf-8") as fin, out.open("w", encoding="utf-8") as fout:
        for line in fin:
            if limit is not None and n >= limit:
                break
            fout.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    return out, n, size / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path, n, mb = corpus(args.limit, Path(tmp))
        rows = []

        t = time.perf_counter()
        docs = [d for d in iter_documents([path]) if isinstance(d, Document)]
        rows.append(("ingest", n, time.perf_counter() - t))

        t = time.perf_counter()
        for d in iter_documents([path]):
            if isinstance(d, Document):
                extract(d)
        rows.append(("ingest + extract", n, time.perf_counter() - t))
        del docs

        engine = store.connect(f"sqlite:///{Path(tmp) / 'bench.db'}")
        screener = sample_screener()
        t = time.perf_counter()
        scan([str(path)], engine, screener=screener)
        rows.append(("full pipeline (SQLite, 1 process)", n, time.perf_counter() - t))

    table = Table(title=f"Scan throughput on {n} real announcements ({mb:.1f} MB of JSON lines)")
    for col in ("stage", "docs", "seconds", "docs/s", "MB/s"):
        table.add_column(col, justify="right" if col != "stage" else "left")
    for stage, docs_n, seconds in rows:
        table.add_row(stage, str(docs_n), f"{seconds:.1f}", f"{docs_n / seconds:,.0f}", f"{mb / seconds:.2f}")
    Console().print(table)


if __name__ == "__main__":
    main()
