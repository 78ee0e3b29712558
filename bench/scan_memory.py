"""Peak memory of a scan: the real corpus, and a corpus made N times larger (default 10).

    python bench/scan_memory.py [--times 10] [--workers 1]

Each scan runs in a fresh process; its peak resident set size is read from the kernel
(``getrusage(RUSAGE_CHILDREN).ru_maxrss``). The larger corpus repeats every record with a marker
added to its content, so every copy is a new document with its own id.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import CORPUS, require  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402


def make_corpus(path: Path, times: int) -> int:
    n = 0
    with gzip.open(require(CORPUS), "rt", encoding="utf-8") as src, gzip.open(path, "wt", encoding="utf-8") as dst:
        lines = src.readlines()
        for copy in range(times):
            for line in lines:
                record = json.loads(line)
                if copy:
                    record["id"] = f"{record['id']}~{copy}"
                    record["content"] = record["content"] + f"\n<!-- copy {copy} -->"
                dst.write(json.dumps(record, ensure_ascii=False) + "\n")
                n += 1
    return n


def peak_rss_of_scan(corpus: Path, db: Path, workers: int) -> tuple[float, float, float]:
    """(main process peak MiB, largest worker peak MiB, seconds), measured inside a fresh process."""
    code = (
        "import json, resource; from tendertrace import store; from tendertrace.pipeline import scan; "
        "from tendertrace.screen import sample_screener; "
        f"scan([{str(corpus)!r}], store.connect({str(db)!r}), screener=sample_screener(), workers={workers}); "
        "print(json.dumps([resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))"
    )
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    elapsed = time.perf_counter() - t
    main_kib, workers_kib = json.loads(out.strip().splitlines()[-1])
    return main_kib / 1024, workers_kib / 1024, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--times", type=int, default=10)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    table = Table(title=f"Peak memory of a scan ({args.workers} worker(s); a fresh process per run)")
    for col in ("corpus", "documents", "seconds", "main peak RSS (MiB)", "worker peak RSS (MiB)"):
        table.add_column(col, justify="left" if col == "corpus" else "right")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for label, times in (("real corpus", 1), (f"{args.times}× corpus", args.times)):
            corpus = folder / f"corpus{times}.jsonl.gz"
            n = make_corpus(corpus, times)
            main_rss, worker_rss, seconds = peak_rss_of_scan(corpus, folder / f"scan{times}.db", args.workers)
            table.add_row(label, f"{n:,}", f"{seconds:.0f}", f"{main_rss:,.0f}",
                          f"{worker_rss:,.0f}" if args.workers > 1 else "-")
    Console().print(table)


if __name__ == "__main__":
    main()
