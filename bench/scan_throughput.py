"""Scan throughput on the real corpus: ingest only, ingest + extraction, and the full pipeline,
on one process and on two worker processes.

    python bench/scan_throughput.py [--limit N]

Prints docs/s and MB/s (of input JSON lines) for each stage, side by side.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import multiprocessing
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
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

CHUNK = 200


def corpus(limit: int | None, folder: Path) -> tuple[Path, int, float]:
    """The corpus as plain JSON lines, cut to ``limit`` records; returns (path, records, MB)."""
    out = folder / "corpus.jsonl"
    n = size = 0
    with gzip.open(require(CORPUS), "rt", encoding="utf-8") as fin, out.open("w", encoding="utf-8") as fout:
        for line in itertools.islice(fin, limit):
            fout.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    return out, n, size / 1e6


def _chunk_files(path: Path, folder: Path) -> list[Path]:
    files = []
    with path.open(encoding="utf-8") as handle:
        for i, lines in enumerate(iter(lambda: list(itertools.islice(handle, CHUNK)), [])):
            chunk = folder / f"chunk{i:05d}.jsonl"
            chunk.write_text("".join(lines), encoding="utf-8")
            files.append(chunk)
    return files


def ingest_only(path: str) -> int:
    return sum(1 for d in iter_documents([path]) if isinstance(d, Document))


def ingest_extract(path: str) -> int:
    n = 0
    for d in iter_documents([path]):
        if isinstance(d, Document):
            extract(d)
            n += 1
    return n


def timed(fn, *args) -> float:
    t = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t


def on_workers(fn, files: list[Path], workers: int) -> None:
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        list(pool.map(fn, [str(f) for f in files]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path, n, mb = corpus(args.limit, folder)
        chunks = folder / "chunks"
        chunks.mkdir()
        files = _chunk_files(path, chunks)
        rows = [
            ("ingest", "1 process", timed(ingest_only, str(path))),
            ("ingest", "2 workers", timed(on_workers, ingest_only, files, 2)),
            ("ingest + extract", "1 process", timed(ingest_extract, str(path))),
            ("ingest + extract", "2 workers", timed(on_workers, ingest_extract, files, 2)),
        ]
        screener = sample_screener()
        for label, workers in (("1 process", 1), ("2 workers", 2)):
            engine = store.connect(f"sqlite:///{folder / f'bench{workers}.db'}")
            rows.append(("full pipeline (SQLite)", label,
                         timed(lambda e=engine, w=workers: scan([str(path)], e, screener=screener, workers=w))))

    table = Table(title=f"Scan throughput on {n} real announcements ({mb:.1f} MB of JSON lines)")
    for col in ("stage", "run", "seconds", "docs/s", "MB/s", "speed-up"):
        table.add_column(col, justify="left" if col in ("stage", "run") else "right")
    base: dict[str, float] = {}
    for stage, run, seconds in rows:
        base.setdefault(stage, seconds)
        table.add_row(stage, run, f"{seconds:.1f}", f"{n / seconds:,.0f}", f"{mb / seconds:.2f}",
                      f"{base[stage] / seconds:.2f}×")
    Console().print(table)


if __name__ == "__main__":
    main()
