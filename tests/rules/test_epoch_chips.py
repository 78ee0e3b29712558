"""Chips built from Epoch AI's hardware table (scripts/build_accelerators.py) are read and classified
as the curated ones are; the curated file keeps the chips it holds."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from tendertrace.knowledge.schema import chip_rows
from tendertrace.rules import classify_text

from ..conftest import ROOT, SHARED, needs_shared

ON = date(2025, 6, 1)
HARDWARE = SHARED / "data" / "hardware" / "epoch_ml_hardware.csv"


@pytest.mark.parametrize(("sentence", "controlled"), [
    ("购置深度学习工作站2台，每台配置4块NVIDIA RTX 6000 Ada显卡。", True),  # TPP about 5,800: 3A090.a
    ("采购图形工作站10台，每台配置NVIDIA GeForce GTX 1080 Ti显卡1块。", False),
    ("采购GPU服务器1台，配置2块Tesla K80计算卡。", False),
])
def test_a_chip_from_the_hardware_table_is_classified(sentence: str, controlled: bool) -> None:
    [item] = [c for c in classify_text(sentence, ON) if c.chip]
    assert item.controlled is controlled and item.tpp


def test_the_curated_file_wins_and_every_generated_row_credits_its_source() -> None:
    rows = chip_rows()
    ids = [r.id for r in rows]
    assert len(ids) == len(set(ids))
    generated = [r for r in rows if r.source.startswith("Epoch AI")]
    assert len(generated) >= 40 and all("CC BY 4.0" in r.source for r in generated)
    # the A100 is the curated row, not another row for one of Epoch's memory sizes
    assert [r.id for r in rows if "A100" in r.aliases] == ["nvidia-a100"]
    chips_named: dict[str, set[str]] = {}
    for r in rows:
        for a in r.aliases:
            chips_named.setdefault(a.upper().replace(" ", ""), set()).add(r.id)
    assert all(len(ids) == 1 for ids in chips_named.values())  # no name read as two chips


def test_a_short_bare_code_needs_compute_context() -> None:
    k80 = next(r for r in chip_rows() if "K80" in r.aliases)
    assert k80.ambiguous
    assert not [c for c in classify_text("本次采购K80型号钢材一批。", ON) if c.chip]


@needs_shared(HARDWARE)
def test_the_generated_file_is_what_the_script_builds() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_accelerators.py"), "--check",
                             "--hardware", str(HARDWARE)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
