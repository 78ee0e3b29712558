"""Where one scan's time goes: cProfile over the whole pipeline on real corpus records, one process,
with the full lists, and the split per stage (ms per document, share of the total).

    python bench/scan_profile.py [--limit N] [--sample] [--top K] [--stats FILE] [--clock]

A stage is a function of the pipeline; its time is its cumulative time under the profiler (which
slows pure-Python code more than C code, so shares are indicative, not exact). Stages nest: the
extraction's parts are listed under it, and "rest" is what no listed stage holds.
``--clock`` times the same stages by this process's CPU clock instead, without the profiler (each
stage's function wrapped in a timer), for the shares a real run has; CPU time, not wall time, so
that other processes on a busy machine do not count.
``--stats FILE`` keeps the raw profile for ``python -m pstats FILE``; ``--top K`` prints the K
functions of most own time.
"""

from __future__ import annotations

import argparse
import cProfile
import inspect
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scan_throughput import corpus, full_screener  # noqa: E402

import tendertrace.extract as extract_module  # noqa: E402
import tendertrace.ingest as ingest_module  # noqa: E402
import tendertrace.ingest.readers as readers_module  # noqa: E402
import tendertrace.pipeline as pipeline_module  # noqa: E402
from tendertrace import store  # noqa: E402
from tendertrace.pipeline import scan  # noqa: E402
from tendertrace.screen import Screener, sample_screener  # noqa: E402

# (label, indent, module path suffix, function name): the stages, in pipeline order.
STAGES = (
    ("ingest: list the inputs (read, split lines)", 0, "ingest/__init__.py", "_iter_corpus"),
    ("ingest: parse a record (JSON, id)", 0, "ingest/__init__.py", "materialize"),
    ("ingest: read the content (HTML, text)", 0, "ingest/__init__.py", "read_input"),
    ("html parse", 1, "ingest/readers.py", "read_html"),
    ("text folding (match_text)", 1, "text/fold.py", "match_text"),
    ("extract", 0, "extract/__init__.py", "extract"),
    ("extract_fields", 1, "extract/fields.py", "extract_fields"),
    ("find_mentions", 1, "extract/mentions.py", "find_mentions"),
    ("find_orgs", 1, "extract/orgs.py", "find_orgs"),
    ("add_parties", 1, "extract/__init__.py", "add_parties"),
    ("row_amounts", 1, "extract/fields.py", "row_amounts"),
    ("rules: classify_extraction", 0, "rules/__init__.py", "classify_extraction"),
    ("screen every party", 0, "screen/matcher.py", "screen"),
    ("result to_dict", 0, "model.py", "to_dict"),
    ("store: skip check (done_ids)", 0, "store/__init__.py", "done_ids"),
    ("store: write (save_documents)", 0, "store/__init__.py", "save_documents"),
)


def stage_times(stats: pstats.Stats) -> dict[str, float]:
    """Cumulative seconds per stage; a recursive function counts once (its outermost calls)."""
    out: dict[str, float] = {}
    table = stats.stats  # type: ignore[attr-defined]
    for label, _indent, suffix, name in STAGES:
        total = 0.0
        for (file, _line, func), (_cc, _nc, _tt, ct, callers) in table.items():
            if func != name or not file.replace("\\", "/").endswith(suffix):
                continue
            # Only calls from outside the function itself: the outermost frames.
            total += ct - sum(v[3] for k, v in callers.items() if k[2] == name and k[0] == file)
        out[label] = total
    return out


# (label, indent, module, attribute): what --clock wraps, as the pipeline reaches it.
CLOCKED = (
    ("ingest: parse a record (JSON, id)", 0, ingest_module, "materialize"),
    ("ingest: read the content (HTML, text)", 0, ingest_module, "read_input"),
    ("html parse", 1, readers_module, "html_to_text"),
    ("text folding (match_text)", 1, ingest_module, "match_text"),
    ("extract", 0, pipeline_module, "extract"),
    ("extract_fields", 1, extract_module, "extract_fields"),
    ("find_mentions", 1, extract_module, "find_mentions"),
    ("find_orgs", 1, extract_module, "find_orgs"),
    ("add_parties", 1, extract_module, "add_parties"),
    ("row_amounts", 1, extract_module, "row_amounts"),
    ("rules: classify_extraction", 0, pipeline_module, "classify_extraction"),
    ("store: skip check (done_ids)", 0, store, "done_ids"),
    ("store: write (save_documents)", 0, store, "save_documents"),
)


def clocked_scan(path: Path, engine: Any, screener: Screener) -> tuple[float, dict[str, float]]:
    """The scan's CPU time and each clocked stage's, every stage function wrapped in a timer."""
    spent: dict[str, float] = {}
    saved: list[tuple[Any, str, Any]] = []

    def wrap(label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            t = time.process_time()
            try:
                result = fn(*args, **kwargs)
                if inspect.isgenerator(result):  # read_input yields: time the generator's work too
                    result = list(result)
                return result
            finally:
                spent[label] = spent.get(label, 0.0) + time.process_time() - t
        return timed

    for label, _indent, module, name in CLOCKED:
        saved.append((module, name, getattr(module, name)))
        setattr(module, name, wrap(label, getattr(module, name)))
    saved.append((screener, "screen", screener.screen))
    screener.screen = wrap("screen every party", screener.screen)  # type: ignore[method-assign]
    try:
        t = time.process_time()
        scan([str(path)], engine, screener=screener)
        wall = time.process_time() - t
    finally:
        for owner, name, original in reversed(saved):
            if owner is screener:
                del screener.screen
            else:
                setattr(owner, name, original)
    return wall, spent


def print_clocked(n: int, wall: float, spent: dict[str, float]) -> None:
    print(f"{n} records in {wall:.1f} s of CPU ({n / wall:,.0f} docs per CPU second, timers included)")
    print(f"{'stage':<48}{'ms/doc':>9}{'share':>8}")
    rows = [(label, indent) for label, indent, _m, _a in CLOCKED]
    rows.insert(len(rows) - 2, ("screen every party", 0))
    top = 0.0
    for label, indent in rows:
        seconds = spent.get(label, 0.0)
        top += seconds if indent == 0 else 0.0
        print(f"{'  ' * indent + label:<48}{1000 * seconds / n:>9.2f}{seconds / wall:>8.1%}")
    print(f"{'rest (listing inputs, to_dict, batching)':<48}{1000 * (wall - top) / n:>9.2f}{(wall - top) / wall:>8.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=1000, help="corpus records to scan")
    parser.add_argument("--sample", action="store_true", help="screen against the bundled sample list instead")
    parser.add_argument("--top", type=int, default=25, help="functions of most own time to print")
    parser.add_argument("--stats", type=Path, help="write the raw profile here")
    parser.add_argument("--clock", action="store_true", help="time the stages by the wall clock, no profiler")
    args = parser.parse_args()
    screener = sample_screener() if args.sample else full_screener()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path, n, mb = corpus(args.limit, folder)
        engine = store.connect(f"sqlite:///{folder / 'profile.db'}")
        if args.clock:
            print_clocked(n, *clocked_scan(path, engine, screener))
            return
        profiler = cProfile.Profile()
        t = time.perf_counter()
        profiler.enable()
        scan([str(path)], engine, screener=screener)
        profiler.disable()
        wall = time.perf_counter() - t
    stats = pstats.Stats(profiler)
    total = sum(v[2] for v in stats.stats.values())  # type: ignore[attr-defined]
    print(f"{n} records ({mb:.1f} MB), {len(screener.entries):,} list entries: {wall:.1f} s under the profiler "
          f"({n / wall:,.0f} docs/s), {total:.1f} s profiled")
    times = stage_times(stats)
    top_level = sum(t for (label, indent, _s, _f), t in zip(STAGES, times.values(), strict=True) if indent == 0)
    print(f"{'stage':<48}{'ms/doc':>9}{'share':>8}")
    for (label, indent, _s, _f), seconds in zip(STAGES, times.values(), strict=True):
        print(f"{'  ' * indent + label:<48}{1000 * seconds / n:>9.2f}{seconds / total:>8.1%}")
    print(f"{'rest':<48}{1000 * (total - top_level) / n:>9.2f}{(total - top_level) / total:>8.1%}")
    if args.stats:
        stats.dump_stats(str(args.stats))
    if args.top:
        stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
