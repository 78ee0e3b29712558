"""Cost of reading hostile HTML against a flat page of the same size: time and peak memory.

    python bench/html_cost.py [--mb 50] [--depth 200000]

Four pages, each read in a fresh process (``read_input``: decoding, the depth cap, the parser, the
walk, the text cut): a page nested ``--depth`` deep and a flat page of the same size; a page of
``--mb`` MB on one line and a flat page of the same size (one paragraph per line). Peak resident
memory is the child's own ``ru_maxrss`` (the page's bytes included).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

LINE = "采购内容：GPU服务器，配置NVIDIA A100 80GB，数量8台。"


def deep(depth: int) -> str:
    return "<div>" * depth + f"<p>{LINE}</p>" + "</div>" * depth


def flat(size: int) -> str:
    paragraph = f"<p>{LINE}</p>\n"
    return paragraph * max(1, size // len(paragraph.encode()))


def one_line(size: int) -> str:
    return "<p>" + LINE * max(1, size // len(LINE.encode())) + "</p>"


def _child(path: str) -> None:
    import time

    from tendertrace.ingest import read_input

    data = Path(path).read_bytes()
    started = time.perf_counter()
    items = list(read_input(data, name="page.html", source="bench", fmt="html"))
    seconds = time.perf_counter() - started
    text = getattr(items[0], "text", "") or ""
    peak_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)  # Linux reports KiB
    print(json.dumps({"seconds": seconds, "chars": len(text), "failed": getattr(items[0], "reason", None),
                      "peak_mb": peak_mb}))


def measure(page: str, tmp: Path) -> dict[str, float | int | str | None]:
    path = tmp / "page.html"
    path.write_text(page, "utf-8")
    done = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True, text=True, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["bytes"] = path.stat().st_size
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=50.0)
    parser.add_argument("--depth", type=int, default=200_000)
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return
    size = int(args.mb * 1024 * 1024)
    nested = deep(args.depth)
    cases = [(f"nested {args.depth:,} deep", nested), ("flat, same size", flat(len(nested.encode()))),
             (f"{args.mb:g} MB on one line", one_line(size)), ("flat, same size", flat(size))]
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'page':<26}{'bytes':>13}{'seconds':>9}{'peak MB':>9}{'text chars':>12}  failed")
        for name, page in cases:
            r = measure(page, Path(tmp))
            print(f"{name:<26}{r['bytes']:>13,}{r['seconds']:>9.2f}{r['peak_mb']:>9}{r['chars']:>12,}  {r['failed'] or ''}")


if __name__ == "__main__":
    main()
