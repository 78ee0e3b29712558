"""Where the shared real data lives, for benchmarks and evaluations."""

from __future__ import annotations

import os
import sys
from pathlib import Path

SHARED = Path(os.environ.get("TENDERTRACE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
CORPUS = SHARED / "data" / "tenders" / "corpus.jsonl.gz"
EVAL = SHARED / "eval"
LISTS = SHARED / "data" / "lists"


def require(path: Path) -> Path:
    if not path.exists():
        sys.exit(f"{path} not found: this benchmark needs ../shared (set TENDERTRACE_SHARED to its location)")
    return path
