"""Cost per stage as the mentions of one document double: every stage must stay (near) linear.

    python bench/mention_scaling.py [--start 1250] [--doublings 4] [--repeat 3] [--one-line]
    python bench/mention_scaling.py --whole 2000000

A page repeats one tender line that names a chip, a cloud provider, a rental and a party, so its
mentions, parties and items grow with the number of lines. For ``--start`` lines and each doubling
after it, the script times each stage of :func:`tendertrace.pipeline.process` on the same document
(the best of ``--repeat`` runs): reading the fields, finding mentions, recognising organisations,
the compute rows' amounts, classification (rules), and screening every party against the bundled
sample list; ``--one-line`` joins the lines into one, as a page with no line breaks. It prints the seconds per stage and the ratio to the previous size. A linear or
n log n stage shows a ratio near 2 (``LINEAR_RATIO``); the exit status is 1 when a stage's ratio
at the largest size is above ``QUADRATIC_SIGN``, which a stage comparing every mention with every
other shows (a ratio near 4).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from tendertrace.extract import add_parties  # noqa: E402
from tendertrace.extract.fields import extract_fields, row_amounts  # noqa: E402
from tendertrace.extract.mentions import find_mentions  # noqa: E402
from tendertrace.extract.orgs import find_orgs  # noqa: E402
from tendertrace.ingest import read_input  # noqa: E402
from tendertrace.model import Document  # noqa: E402
from tendertrace.rules import classify_extraction  # noqa: E402
from tendertrace.screen import sample_screener  # noqa: E402

LINE = "{n}. 用户单位：某某大学第{n}实验室，租用阿里云GPU云服务器1台，配置NVIDIA A100 80GB，预算5万元。\n"
LINEAR_RATIO = 2.0  # twice the mentions, twice the time
QUADRATIC_SIGN = 3.0  # between linear (2) and quadratic (4): timer noise stays well below it


def document(lines: int, one_line: bool = False) -> Document:
    body = "".join(LINE.format(n=n) for n in range(1, lines + 1))
    if one_line:
        body = body.replace("\n", "；")  # a page flattened into one line: no item lines at all
    text = "GPU算力租赁服务采购公告\n发布日期：2025-03-01\n" + body
    items = list(read_input(text.encode("utf-8"), name="scaling.txt", source="bench", fmt="text"))
    doc = items[0]
    if not isinstance(doc, Document):
        sys.exit(f"the page could not be read: {getattr(doc, 'reason', doc)}")
    return doc


def stages(doc: Document) -> dict[str, Callable[[], Any]]:
    """Each stage of one document's processing, run on the previous stages' results."""
    text = doc.match_text or doc.text
    ex = extract_fields(doc)
    ex.mentions = find_mentions(text)
    orgs = find_orgs(doc.text, text)
    add_parties(doc, ex, orgs)
    return {
        "fields": lambda: extract_fields(doc),
        "mentions": lambda: find_mentions(text),
        "organisations": lambda: find_orgs(doc.text, text),
        "row amounts": lambda: row_amounts(doc),
        "rules": lambda: classify_extraction(ex, text, ex.published),
        # a fresh screener each run: a screener answers a name it has screened from its cache
        "screening": lambda: _screen_all(sample_screener(), [p.name for p in ex.parties]),
    }, len(ex.mentions), len(ex.parties)  # type: ignore[return-value]


def _screen_all(screener: Any, names: list[str]) -> float:
    """Seconds to screen ``names`` (the screener's construction not counted)."""
    started = time.perf_counter()
    for name in names:
        screener.screen(name)
    return time.perf_counter() - started


def best(fn: Callable[[], Any], repeat: int) -> float:
    """The fastest of ``repeat`` runs; a stage that times itself returns its own seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        own = fn()
        times.append(own if isinstance(own, float) else time.perf_counter() - started)
    return min(times)


def whole_page(chars: int) -> int:
    """The whole of one document's processing on a page of ``chars`` characters, against the sample list."""
    from tendertrace.pipeline import process

    screener = sample_screener()
    lines = max(1, chars // len(LINE.format(n=chars)))
    for one_line in (False, True):
        doc = document(lines, one_line)
        started = time.perf_counter()
        result = process(doc, screener)
        seconds = time.perf_counter() - started
        print(f"{'one line' if one_line else 'lines':>8}: {len(doc.text):,} characters, {len(result.extraction.mentions):,} "
              f"mentions, {len(result.classifications)} items, {seconds:.1f} s; {'; '.join(doc.warnings) or 'no warning'}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--start", type=int, default=1250, help="lines of the smallest page")
    parser.add_argument("--doublings", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--one-line", action="store_true", help="the same lines joined into one line")
    parser.add_argument("--whole", type=int, metavar="CHARS",
                        help="instead: time pipeline.process on one page of about CHARS characters, with lines and as one line")
    args = parser.parse_args()
    if args.whole:
        return whole_page(args.whole)
    sizes = [args.start * 2**k for k in range(args.doublings + 1)]
    rows: list[tuple[int, int, int, dict[str, float]]] = []
    for lines in sizes:
        fns, mentions, parties = stages(document(lines, args.one_line))  # type: ignore[misc]
        rows.append((lines, mentions, parties, {name: best(fn, args.repeat) for name, fn in fns.items()}))
    names = list(rows[0][3])
    table = Table(title="Seconds per stage as the document doubles (ratio to the previous size)")
    for col in ("lines", "mentions", "parties", *names):
        table.add_column(col, justify="right")
    for i, (lines, mentions, parties, times) in enumerate(rows):
        cells = []
        for name in names:
            cell = f"{times[name]:.3f}"
            if i:
                cell += f" (×{times[name] / max(rows[i - 1][3][name], 1e-9):.1f})"
            cells.append(cell)
        table.add_row(str(lines), str(mentions), str(parties), *cells)
    Console(width=200).print(table)
    last, prev = rows[-1][3], rows[-2][3]
    worst = {name: last[name] / max(prev[name], 1e-9) for name in names}
    bad = [f"{name} ×{ratio:.1f}" for name, ratio in worst.items() if ratio > QUADRATIC_SIGN]
    print(f"largest doubling: {', '.join(f'{n} ×{r:.1f}' for n, r in worst.items())} "
          f"(linear ≈ ×{LINEAR_RATIO:.0f}; above ×{QUADRATIC_SIGN:.0f} fails)")
    if bad:
        print("super-linear: " + ", ".join(bad))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
