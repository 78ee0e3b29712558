"""An md5 of every hit the screener gives over the labelled sets' names and the corpus's party
names: two runs that print the same digest gave the same answers, scores and explanations.

    python bench/screening_fingerprint.py [--corpus-names 1500]

Run it before and after a change that must not change answers (a refactor, a speed-up).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import EVAL, require  # noqa: E402
from screening_eval import build_screener  # noqa: E402
from screening_speed import corpus_names  # noqa: E402

from tendertrace.screen import DEFAULT_THRESHOLD  # noqa: E402

HELD_OUT = Path(__file__).resolve().parent / "heldout"
HITS_PER_QUERY = 5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus-names", type=int, default=1500)
    args = parser.parse_args()
    screener = build_screener(DEFAULT_THRESHOLD)
    queries: list[str] = []
    for path in (require(EVAL / "screening_dev.csv"), HELD_OUT / "screening_a.csv", HELD_OUT / "screening_b.csv"):
        if path.exists():
            queries += [row["query"] for row in csv.DictReader(path.open(encoding="utf-8"))]
    queries += corpus_names(args.corpus_names)
    digest = hashlib.md5(usedforsecurity=False)
    hits = 0
    for query in queries:
        for hit in screener.screen(query, HITS_PER_QUERY):
            hits += 1
            digest.update(repr((hit.query, hit.normalized, hit.translations, hit.entry.id, hit.matched_name,
                                hit.relation, hit.score, sorted(hit.features.items()), hit.explanation)).encode())
    print(f"{len(queries)} queries, {hits} hits, md5 {digest.hexdigest()}")


if __name__ == "__main__":
    main()
