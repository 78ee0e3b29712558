"""Cross-script person names on Moov Watchman's test pairs (watchman_cross_script_pairs.csv).

    python bench/cross_script.py

Each query is screened against a list holding the 22 expected names (no country given, so the
country rule does not apply); a pair is found when the best hit is its expected name.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import LISTS, require  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from tendertrace.model import ListEntry  # noqa: E402
from tendertrace.screen import Screener  # noqa: E402

PAIRS = LISTS / "name_matching_benchmarks" / "watchman_cross_script_pairs.csv"


def read_pairs(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    return [dict(zip(("query", "expected", "min_score", "description"), row, strict=False)) for row in csv.reader(lines)]


def main() -> None:
    pairs = read_pairs(require(PAIRS))
    names = sorted({p["expected"] for p in pairs})
    screener = Screener([ListEntry(id=str(i), list="watchman", name=name) for i, name in enumerate(names)])
    table = Table(title=f"Cross-script pairs ({len(pairs)}), screened against a list of the {len(names)} expected names")
    for col in ("query", "expected", "found", "score", "via", "description"):
        table.add_column(col)
    found = 0
    for p in pairs:
        hit = screener.best(p["query"])
        ok = hit is not None and hit.entry.name == p["expected"]
        found += ok
        table.add_row(p["query"], p["expected"], "yes" if ok else ("no" if hit is None else f"no: {hit.entry.name}"),
                      f"{hit.score:.2f}" if hit else "", str(hit.features.get("method", "")) if hit else "",
                      p["description"])
    console = Console()
    console.print(table)
    console.print(f"found {found} / {len(pairs)}")


if __name__ == "__main__":
    main()
