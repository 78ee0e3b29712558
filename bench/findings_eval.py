"""Findings accuracy on a labelled set of documents: ../shared/eval/findings_dev/ or any set in its format.

    python bench/findings_eval.py [SET_DIR ...] [--lists EL,MEU,NS-CMIC,1260H,SDN] [--show-errors]

A set is a folder holding the documents and a ``gold.jsonl`` (one object per document; keys as in
findings_dev/README.md: file, kind, buyer_zh, buyer_en, suppliers_zh, suppliers_en, provider,
access_route, chips, amount, currency, date, expect_compute_finding, expected_listed_party, relation).
The documents are scanned as a user would scan them -- ``tendertrace lists load`` the real lists, then
``tendertrace scan SET --format json`` into a fresh store -- so the figures measure the documented
output, not an internal call. Printed per set:

- recall per route: positives that yield a compute finding (and with the right route);
- false compute findings per trap class (the README's per-document table, "item / trap" column, up to
  its colon; a ``trap`` key in gold wins; otherwise the gold route);
- fact accuracy over the positives (buyer, suppliers F1, provider, amount, chips, date);
- listed-party recall (and relation), and listed hits on documents that expect none.

A compute finding is a finding with a score part other than the listed party, the amount, the award
and the intermediary: it reaches for compute or a model, not only names a listed party.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import EVAL, LISTS, require  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

LIST_FILES = {
    "EL": "us_lists_nsfreg_2026-07/bis_entity_list.json",
    "MEU": "us_lists_nsfreg_2026-07/bis_meu.json",
    "NS-CMIC": "us_lists_nsfreg_2026-07/ofac_nscmic.json",
    "1260H": "us_lists_nsfreg_2026-07/dow_1260h.json",
    "SDN": "ofac_sdn_legacy_2021/sdn.csv",
}
# Score parts that do not by themselves say the document reaches for compute or a model.
NON_COMPUTE_PARTS = frozenset({"listed", "amount", "award", "intermediary"})
# The gold's provider names and the names tendertrace reports for the same platform.
PROVIDER_NAMES = {
    "aws": {"aws", "amazon web services", "amazon"},
    "microsoft azure": {"microsoft azure", "azure"},
    "google cloud": {"google cloud", "gcp", "google"},
    "alibaba cloud": {"alibaba cloud", "aliyun"},
    "huawei cloud": {"huawei cloud"},
    "tianyi cloud": {"tianyi cloud", "china telecom cloud", "ctyun"},
    "tencent cloud": {"tencent cloud"},
    "azure china (21vianet)": {"azure china (21vianet)", "azure china", "21vianet"},
}
# The gold's routes and the routes tendertrace reports for them (a hosted model is model access
# through a cloud provider's platform).
ROUTE_NAMES = {"model_api": {"model_api", "hosted_model"}}
VENDOR_WORDS = re.compile(r"\b(nvidia|geforce|amd|instinct|huawei|tesla|intel)\b")
AMOUNT_TOLERANCE = 1.0  # the extraction set's rule: within one unit of the currency


@dataclass
class Tally:
    right: int = 0
    total: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, ok: bool, what: str) -> None:
        self.total += 1
        self.right += ok
        if not ok:
            self.errors.append(what)

    def cell(self) -> str:
        return f"{self.right}/{self.total} ({self.right / self.total:.2f})" if self.total else "-"


def norm(name: str | None) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name or "")).lower()


FORM_FACTOR = re.compile(r"(sxm\d?|pcie|nvl|\d+gb)+$")  # H100 SXM, H200 NVL, A100 80GB: the gold names the chip


def chip_key(chip: str) -> str:
    return FORM_FACTOR.sub("", re.sub(r"[\s\-]+", "", VENDOR_WORDS.sub("", chip.lower())))


def scan(set_dir: Path, lists: list[str]) -> list[dict[str, Any]]:
    """Load the lists and scan the set with the CLI into a fresh store; the findings as printed."""
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "eval.db")
        cli = [sys.executable, "-m", "tendertrace.cli"]
        files = [str(require(LISTS / LIST_FILES[code])) for code in lists]
        subprocess.run([*cli, "lists", "load", *files, "--db", db], check=True, capture_output=True)
        out = subprocess.run([*cli, "scan", str(set_dir), "--db", db, "--format", "json", "-q"],
                             check=True, capture_output=True, text=True).stdout
    start = re.search(r"^\[", out, re.M)
    if start is None:
        raise SystemExit(f"no JSON findings in the scan output:\n{out[-2000:]}")
    findings, _ = json.JSONDecoder().raw_decode(out[start.start():])
    return findings


def trap_classes(set_dir: Path) -> dict[str, str]:
    """file -> trap class, from the set README's per-document table (column "item / trap")."""
    readme = set_dir / "README.md"
    classes: dict[str, str] = {}
    if not readme.exists():
        return classes
    header: list[str] | None = None
    for line in readme.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if "file" in cells and any("trap" in c for c in cells):
            header = cells
            continue
        if header and len(cells) == len(header) and cells[0].endswith((".html", ".txt", ".docx", ".pdf", ".json")):
            trap = cells[next(i for i, c in enumerate(header) if "trap" in c)]
            classes[cells[0]] = trap.split(":")[0].strip() or "-"
    return classes


def finding_of(findings: list[dict[str, Any]], file: str) -> list[dict[str, Any]]:
    return [f for f in findings if any(str(d.get("file") or "").replace("\\", "/").endswith(file)
                                       for d in f.get("documents") or [])]


def is_compute(f: dict[str, Any]) -> bool:
    return any(part not in NON_COMPUTE_PARTS for part in (f.get("score_parts") or {}))


def provider_ok(gold: str | None, found: list[str]) -> bool:
    names = {p.lower() for p in found}
    if gold is None:
        return True  # a route with no named platform: nothing to get right
    accepted = PROVIDER_NAMES.get(gold.lower(), {gold.lower()})
    return bool(names & accepted)


def evaluate(set_dir: Path, lists: list[str], console: Console, show_errors: bool) -> None:
    gold = [json.loads(line) for line in (set_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    findings = scan(set_dir, lists)
    traps = trap_classes(set_dir)
    routes: dict[str, Tally] = collections.defaultdict(Tally)
    route_right: dict[str, Tally] = collections.defaultdict(Tally)
    false_by_trap: dict[str, Tally] = collections.defaultdict(Tally)
    facts: dict[str, Tally] = collections.defaultdict(Tally)
    supplier_f1: list[float] = []
    listed = Tally()
    listed_relation = Tally()
    stray = Tally()
    for g in gold:
        mine = finding_of(findings, g["file"])
        compute = [f for f in mine if is_compute(f)]
        if g.get("expect_compute_finding"):
            route = g.get("access_route") or "-"
            routes[route].add(bool(compute), g["file"])
            found_routes = {r for f in compute for r in f.get("route") or []}
            route_right[route].add(bool(ROUTE_NAMES.get(route, {route}) & found_routes), f"{g['file']}: {sorted(found_routes)}")
            best = compute[0] if compute else {}
            buyers = {norm(b) for b in best.get("buyer") or []}
            expected_buyers = {norm(g.get("buyer_zh")), norm(g.get("buyer_en"))} - {""}
            if expected_buyers:
                facts["buyer"].add(bool(buyers & expected_buyers), f"{g['file']}: {best.get('buyer')} vs {g.get('buyer_zh')}")
            zh = {norm(s) for s in g.get("suppliers_zh") or []}
            en = {norm(s) for s in g.get("suppliers_en") or []}
            expected_suppliers = zh or en
            got = {norm(s) for s in best.get("suppliers") or []}
            if expected_suppliers or got:
                true_positives = min(len(got & (zh | en)), len(expected_suppliers))
                f1 = 2 * true_positives / (len(expected_suppliers) + len(got))
                supplier_f1.append(f1)
                facts["suppliers (F1 = 1)"].add(f1 == 1.0, f"{g['file']}: {best.get('suppliers')} vs {sorted(expected_suppliers)}")
            if g.get("provider"):
                facts["provider"].add(provider_ok(g["provider"], best.get("provider") or []),
                                      f"{g['file']}: {best.get('provider')} vs {g['provider']}")
            if g.get("amount") is not None:
                amount = best.get("amount")
                ok = amount is not None and abs(float(amount) - float(g["amount"])) <= AMOUNT_TOLERANCE
                facts["amount"].add(ok, f"{g['file']}: {amount} vs {g['amount']}")
            if g.get("chips"):
                found_chips = {chip_key(c) for c in best.get("chips") or []}
                facts["chips"].add({chip_key(c) for c in g["chips"]} <= found_chips,
                                   f"{g['file']}: {best.get('chips')} vs {g['chips']}")
            if g.get("date"):
                facts["date"].add(best.get("date") == g["date"], f"{g['file']}: {best.get('date')} vs {g['date']}")
        else:
            trap = g.get("trap") or traps.get(g["file"]) or g.get("access_route") or "-"
            false_by_trap[trap].add(not compute, f"{g['file']}: {[f.get('score_parts') for f in compute]}")
        hits = [h for f in mine for h in f.get("listed") or []]
        expected = g.get("expected_listed_party")
        if expected:
            entries = {h.get("entry") for h in hits}
            listed.add(expected in entries, f"{g['file']}: {sorted(e for e in entries if e)} vs {expected}")
            listed_relation.add(any(h.get("entry") == expected and h.get("relation") == g.get("relation") for h in hits),
                                f"{g['file']}: {[(h.get('entry'), h.get('relation')) for h in hits]} vs {expected} ({g.get('relation')})")
        else:
            stray.add(not hits, f"{g['file']}: {[(h.get('party'), h.get('entry')) for h in hits]}")
    name = str(set_dir)
    table = Table(title=f"{name}: positives that yield a compute finding, per route")
    for col in ("route", "compute finding", "with this route"):
        table.add_column(col)
    for route in sorted(routes):
        table.add_row(route, routes[route].cell(), route_right[route].cell())
    table.add_row("all", _sum(routes.values()), _sum(route_right.values()))
    console.print(table)
    table = Table(title=f"{name}: negatives without a false compute finding, per trap class")
    table.add_column("trap class")
    table.add_column("clean")
    for trap in sorted(false_by_trap):
        table.add_row(trap, false_by_trap[trap].cell())
    table.add_row("all", _sum(false_by_trap.values()))
    console.print(table)
    table = Table(title=f"{name}: facts of the positives (a missing finding counts as wrong)")
    table.add_column("fact")
    table.add_column("right")
    for fact in ("buyer", "suppliers (F1 = 1)", "provider", "amount", "chips", "date"):
        table.add_row(fact, facts[fact].cell())
    if supplier_f1:
        table.add_row("suppliers mean F1", f"{sum(supplier_f1) / len(supplier_f1):.2f} over {len(supplier_f1)}")
    table.add_row("all facts", _sum(facts.values()))
    console.print(table)
    table = Table(title=f"{name}: listed parties")
    table.add_column("measure")
    table.add_column("value")
    table.add_row("expected listed party found", listed.cell())
    table.add_row("... with the expected relation", listed_relation.cell())
    table.add_row("documents expecting none with no listed hit", stray.cell())
    console.print(table)
    if show_errors:
        for label, tallies in (("route", routes), ("route kind", route_right), ("trap", false_by_trap), ("fact", facts)):
            for key, tally in sorted(tallies.items()):
                for err in tally.errors:
                    console.print(f"[red]{label} {key}[/red] {err}", highlight=False)
        for label, tally in (("listed", listed), ("relation", listed_relation), ("stray hit", stray)):
            for err in tally.errors:
                console.print(f"[red]{label}[/red] {err}", highlight=False)


def _sum(tallies: Any) -> str:
    total = Tally()
    for t in tallies:
        total.right += t.right
        total.total += t.total
    return total.cell()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="*", type=Path, help="set folders (default: ../shared/eval/findings_dev)")
    parser.add_argument("--lists", default="EL,MEU,NS-CMIC,1260H,SDN", help="lists to load: " + ",".join(LIST_FILES))
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    lists = [code.strip() for code in args.lists.split(",") if code.strip()]
    unknown = [code for code in lists if code not in LIST_FILES]
    if unknown:
        parser.error(f"unknown list {', '.join(unknown)}; known: {', '.join(LIST_FILES)}")
    console = Console(width=140)
    for set_dir in args.sets or [require(EVAL / "findings_dev")]:
        if not (set_dir / "gold.jsonl").exists():
            parser.error(f"{set_dir} has no gold.jsonl")
        evaluate(set_dir, lists, console, args.show_errors)


if __name__ == "__main__":
    main()
