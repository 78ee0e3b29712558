"""Build ``knowledge/accelerators_epoch.yaml`` from Epoch AI's "Data on Machine Learning Hardware".

    python scripts/build_accelerators.py [--hardware ../shared/data/hardware/epoch_ml_hardware.csv] [--check]

Every accelerator of a US maker (NVIDIA, AMD, Intel) in Epoch's table that ``accelerators.yaml`` does
not already hold becomes a row in the same schema: the names a tender writes it by, its dense peak
rates per format (Epoch lists dense figures; TPP is computed from them the way 3A090 counts it), its
die area, memory and chip-to-chip bandwidth, and whether it is sold for data centres. The curated
file wins: a chip whose name it already knows (the A100 in all its memory sizes, the H800, the H20)
is left to it, so its datasheet figures, announcement dates and China-market marks stay.

Epoch's data is CC BY 4.0; each row credits it. ``--check`` exits 1 when the file on disk is not
what the script builds (CI runs the same check in tests/knowledge).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "src" / "tendertrace" / "knowledge"
OUT = KNOWLEDGE / "accelerators_epoch.yaml"
DEFAULT_HARDWARE = ROOT.parent / "shared" / "data" / "hardware" / "epoch_ml_hardware.csv"

# The makers whose chips are US-origin items under 3A090 (tendertrace reads a chip as "US" by its maker).
US_MAKERS = ("NVIDIA", "AMD", "Intel")
CREDIT = "Epoch AI, 'Data on Machine Learning Hardware' (epoch.ai, CC BY 4.0)"
# Epoch's columns of dense peak rates, in operations per second, and the format each is (bits from
# 15 CFR 772 "total processing performance": the rate times the bit length of the operation).
RATE_COLUMNS = {
    "Tensor-FP16/BF16 performance (FLOP/s)": "fp16",
    "FP16 (half precision) performance (FLOP/s)": "fp16",  # read only when the tensor rate is missing
    "TF32 (TensorFloat-32) performance (FLOP/s)": "tf32",
    "FP32 (single precision) performance (FLOP/s)": "fp32",
    "FP64 (double precision) performance (FLOP/s)": "fp64",
    "INT8 performance (OP/s)": "int8",
    "FP8 performance (FLOP/s)": "fp8",
    "INT4/FP4 performance (OP/s)": "int4",
}
TERA = 1e12
GIGA = 1e9
# Words of a board's form or memory size that are no part of the chip's name ("A100 PCIe 80 GB",
# "V100 SXM2 16 GB", "L20 PCle" -- Epoch's spelling of PCIe with a lower-case L).
FORM_WORDS = re.compile(r"\s+(?:PCIe|PCle|SXM\d?|DGXS|NVL|HGX)\b|\s+\d+\s*GB\b|\s+\d+GB\b", re.IGNORECASE)
LEADING_FORM = re.compile(r"^(?:HGX|DGX)\s+")
# Product families tenders drop in front of the model code ("Tesla T4" is written "T4").
FAMILY = re.compile(r"^(?:Tesla|GeForce|Radeon Instinct|Radeon|Instinct|Habana)\s+", re.IGNORECASE)
# Families sold for desks, not data centres (3A090.b and the 2023 rule tell the two apart).
NOT_DATACENTER = re.compile(r"GeForce|Quadro|TITAN|Titan|RTX|Radeon RX|GTX", re.IGNORECASE)
# A bare model code this short ("P4", "K80", "A10G") is also a paper size, a part number or a room:
# it counts only next to a vendor or GPU word (the curated file's ``ambiguous``).
AMBIGUOUS_CODE = re.compile(r"^[A-Z]{1,2}\d{1,3}[A-Z]?$")


def compact(alias: str) -> str:
    """An alias as the mention reader compares it: case and spacing apart."""
    return re.sub(r"[\s\-]+", "", alias).upper()


def names_of(hardware_name: str, maker: str) -> tuple[str, list[str]]:
    """The chip's display name and the aliases a tender writes it by, longest first."""
    full = hardware_name[len(maker):].strip() if hardware_name.startswith(maker) else hardware_name
    bare = LEADING_FORM.sub("", FORM_WORDS.sub("", full)).strip()
    aliases = {bare}
    code = FAMILY.sub("", bare).strip()
    # "Quadro RTX 6000" keeps its family: a bare "RTX 6000" is also the RTX 6000 Ada.
    if code and not bare.lower().startswith("quadro"):
        aliases.add(code)
    if code.endswith(" Generation"):
        aliases.add(code[: -len(" Generation")])
    return bare, sorted({a for a in aliases if a}, key=lambda a: (-len(a), a))


def rates_of(row: dict[str, str]) -> dict[str, float]:
    rates: dict[str, float] = {}
    for column, fmt in RATE_COLUMNS.items():
        value = (row.get(column) or "").strip()
        if not value or fmt in rates:
            continue
        rate = float(value) / TERA
        if rate > 0:
            rates[fmt] = round(rate, 3)
    return rates


def number(row: dict[str, str], column: str, scale: float = 1.0) -> float | None:
    value = (row.get(column) or "").strip()
    return round(float(value) / scale, 3) if value else None


def build(hardware: Path) -> list[dict[str, object]]:
    curated = yaml.safe_load((KNOWLEDGE / "accelerators.yaml").read_text(encoding="utf-8"))
    known = {compact(a) for row in curated for a in [row["name"], *row["aliases"]]}
    ids = {row["id"] for row in curated}
    out: list[dict[str, object]] = []
    taken: set[str] = set()
    with hardware.open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    for row in sorted(table, key=lambda r: r["Hardware name"]):
        maker = row["Manufacturer"].strip()
        if maker not in US_MAKERS or row.get("Type", "").strip() not in ("GPU", "TPU", "ASIC", ""):
            continue
        name, aliases = names_of(row["Hardware name"].strip(), maker)
        if compact(name) in known or compact(FAMILY.sub("", name)) in known:
            continue  # a chip the curated file holds, in another form or memory size
        aliases = [a for a in aliases if compact(a) not in known and compact(a) not in taken]
        rates = rates_of(row)
        if not aliases or not rates:
            continue  # no name of its own left, or no figure to classify it by
        chip_id = f"{maker.lower()}-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        if chip_id in ids:
            continue  # its id is a curated row's or an earlier Epoch row's: its names stay free
        ids.add(chip_id)
        taken.update(compact(a) for a in aliases)
        entry: dict[str, object] = {
            "id": chip_id, "vendor": maker, "name": name, "aliases": aliases,
            "datacenter": not NOT_DATACENTER.search(row["Hardware name"]),
            "rates": rates,
        }
        if any(AMBIGUOUS_CODE.match(a) for a in aliases):
            entry["ambiguous"] = True
        for key, column, scale in (("die_area_mm2", "Die Size (mm^2)", 1.0),
                                   ("interconnect_gbs", "Intranode bandwidth (byte/s)", GIGA),
                                   ("memory_bandwidth_tbs", "Memory bandwidth (byte/s)", TERA)):
            value = number(row, column, scale)
            if value:
                entry[key] = value
        modified = (row.get("Last modified") or "")[:10]
        entry["source"] = f"{CREDIT}: row '{row['Hardware name'].strip()}' (last modified {modified}); dense rates as Epoch lists them"
        out.append(entry)
    return out


HEADER = """\
# Generated by scripts/build_accelerators.py from Epoch AI, "Data on Machine Learning Hardware"
# (https://epoch.ai/data/machine-learning-hardware, CC BY 4.0): every accelerator of a US maker
# that accelerators.yaml does not hold, in its schema. Do not edit by hand: edit the script or
# accelerators.yaml (which wins over this file) and rebuild.
"""


def render(rows: list[dict[str, object]]) -> str:
    return HEADER + yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=200)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hardware", type=Path, default=DEFAULT_HARDWARE)
    parser.add_argument("--check", action="store_true", help="exit 1 when the file on disk differs")
    args = parser.parse_args()
    if not args.hardware.exists():
        print(f"{args.hardware}: not found (Epoch's hardware CSV; see ../shared/data/hardware/)", file=sys.stderr)
        return 2
    rows = build(args.hardware)
    text = render(rows)
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{OUT.name} differs from what the script builds")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} chips")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
