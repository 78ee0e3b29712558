"""Chips launched since 2024 yield an item, with the figures of their datasheets."""

from __future__ import annotations

from datetime import date

import pytest

from tendertrace.rules import chip, classify_text

ON = date(2026, 6, 1)


@pytest.mark.parametrize(("name", "chip_id", "tpp", "controlled"), [
    ("B200", "nvidia-b200", 36_000, True),
    ("B300", "nvidia-b300", 54_000, True),
    ("GB300 NVL72", "nvidia-gb300", 60_000, True),
    ("GB200", "nvidia-gb200", 40_000, True),
    ("RTX PRO 6000 Blackwell", "nvidia-rtx-pro-6000", 8_000, True),
    ("RTX 5090", "nvidia-rtx5090", 6_704, True),
    ("RTX 5090D", "nvidia-rtx5090d", 4_750, False),
    ("MI325X", "amd-mi325x", 20_919, True),
    ("MI355X", "amd-mi355x", 40_264, True),
    ("H200 NVL", "nvidia-h200-nvl", 13_364, True),
    ("H20E", "nvidia-h20e", 2_368, True),  # below 3A090, under the H20 letter
])
def test_new_chips(name: str, chip_id: str, tpp: float, controlled: bool) -> None:
    assert chip(chip_id).tpp == pytest.approx(tpp, rel=1e-3)
    assert chip(chip_id).announced and chip(chip_id).source
    [item] = [c for c in classify_text(f"采购GPU服务器2台，每台配置8块NVIDIA {name}", ON) if c.chip]
    assert item.chip == chip(chip_id).name and item.controlled is controlled


def test_h20e_is_licensed_by_the_h20_letter_only_from_april_2025() -> None:
    [before] = classify_text("采购8块H20E加速卡", date(2025, 3, 1))
    [after] = classify_text("采购8块H20E加速卡", date(2025, 5, 1))
    assert not before.controlled and after.controlled and after.rule == "h20-letter-2025-04"
