"""Build ``knowledge/divisions_zh.csv``: the PRC's administrative divisions (GB/T 2260 codes) with
their Chinese names, province, prefecture and county levels.

    python scripts/build_divisions.py PCA_CODE_JSON [--out src/tendertrace/knowledge/divisions_zh.csv] [--check]

Source: ``dist/pca-code.json`` of the public dataset modood/Administrative-divisions-of-China (MIT
licence), which republishes the National Bureau of Statistics' 统计用区划代码 -- the GB/T 2260
codes of every province (2 digits), prefecture (4) and county-level division (6) -- as a tree
``[{code, name, children: [...]}]``. The file is read where it lies (a download or a checkout);
nothing of it but the code and the name of each division is written.

The written table has one row per division: ``code`` (6 digits, the GB/T 2260 form: a province
ends in 0000, a prefecture in 00) and ``name``. A division's parent is read from its code; the
placeholders 市辖区 (the districts of a municipality or city) and 县 / 省直辖县级行政区划 (counties
a province governs directly) are not divisions of their own and are left out, so their children
go straight to the province.

``--check`` writes nothing and exits 1 when the committed file differs from a fresh build.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "src" / "tendertrace" / "knowledge" / "divisions_zh.csv"
# A GB/T 2260 code has six digits: two for the province, two for the prefecture, two for the county.
CODE_DIGITS = 6
# Prefecture-level entries that only group the counties below them, not divisions with a name of their own.
PLACEHOLDER_SUFFIXES = ("市辖区", "直辖县级行政区划", "直辖县")
PLACEHOLDER_NAMES = ("县",)


def rows(tree: list[dict]) -> list[tuple[str, str]]:
    """(code, name) of every province, prefecture and county-level division, in code order."""
    out: list[tuple[str, str]] = []

    def walk(nodes: list[dict]) -> None:
        for node in nodes:
            name = str(node["name"]).strip()
            code = str(node["code"]).ljust(CODE_DIGITS, "0")
            if not (name in PLACEHOLDER_NAMES or name.endswith(PLACEHOLDER_SUFFIXES)):
                out.append((code, name))
            walk(node.get("children") or [])

    walk(tree)
    return sorted(set(out))


def render(table: list[tuple[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["code", "name"])
    writer.writerows(table)
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path, help="dist/pca-code.json of modood/Administrative-divisions-of-China")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="exit 1 when the committed file is not a fresh build")
    args = parser.parse_args()
    text = render(rows(json.loads(args.source.read_text(encoding="utf-8"))))
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} differs from a fresh build", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {text.count(chr(10)) - 1} divisions to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
