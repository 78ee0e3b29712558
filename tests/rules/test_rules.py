"""The published facts of the chip rules, pinned."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from tendertrace.rules import chip, chips, classify_chip, classify_text

from ..conftest import SHARED, needs_shared

AFTER = date(2024, 6, 1)


@pytest.mark.parametrize(("chip_id", "tpp"), [
    ("nvidia-a100", 4992), ("nvidia-h100-sxm", 15832), ("nvidia-h800", 15832), ("nvidia-h200", 15832),
    ("nvidia-h20", 2368),
])
def test_tpp(chip_id: str, tpp: float) -> None:
    assert chip(chip_id).tpp == pytest.approx(tpp)


def test_a100_is_3a090_a1_after_the_2023_rule() -> None:
    c = classify_chip("nvidia-a100", date(2023, 11, 17))
    assert c.band == "3A090.a.1" and c.controlled and c.rule == "acs-2023-10"
    assert "4,992" in c.reason


def test_a100_early_effective_date_and_before() -> None:
    assert classify_chip("nvidia-a100", date(2023, 10, 23)).rule == "acs-2023-10"
    assert classify_chip("nvidia-l40", date(2023, 10, 23)).rule == "acs-2022-10"


def test_a800_escaped_the_2022_rule_and_not_the_2023_one() -> None:
    old = classify_chip("nvidia-a800", date(2023, 1, 1))
    assert not old.controlled and old.band is None and "600 GB/s" in old.reason
    assert classify_chip("nvidia-a800", AFTER).band == "3A090.a.1"


def test_h20_is_not_3a090_but_licensed_by_letter_from_april_2025() -> None:
    before = classify_chip("nvidia-h20", date(2025, 1, 1))
    assert before.band is None and not before.controlled
    after = classify_chip("nvidia-h20", date(2025, 6, 1))
    assert after.band is None and after.controlled and after.rule == "h20-letter-2025-04"


def test_rtx_4090d_is_not_controlled() -> None:
    c = classify_chip("nvidia-rtx4090d", AFTER)
    assert c.tpp == pytest.approx(4708, abs=5)
    assert not c.controlled and c.band is None


def test_l4_is_3a090_a2_by_density() -> None:
    c = classify_chip("nvidia-l4", AFTER)
    assert c.band == "3A090.a.2" and c.pd > 5.92 and c.tpp < 4800


def test_a30_and_a40_fall_in_the_b_band() -> None:
    assert classify_chip("nvidia-a30", AFTER).band == "3A090.b.1"
    assert classify_chip("nvidia-a40", AFTER).band == "3A090.b.2"


def test_server_with_8_a100_is_4a090() -> None:
    [item] = [c for c in classify_text("租用云服务器500台，每台配置8块NVIDIA A100", AFTER) if c.chip]
    assert item.band == "4A090.a" and item.count == 8 and item.route == "cloud_rental"
    assert "not an export" in item.reason


@pytest.mark.parametrize(("text", "servers"), [
    ("租用云服务器500台，每台配置8块NVIDIA A100", 500),
    ("采购8台服务器，每台配置8块NVIDIA H100", 8),
    ("GPU服务器2台，每台配置8块NVIDIA H100 SXM", 2),
    ("採購8臺伺服器，每臺配置8塊NVIDIA H100", 8),  # traditional characters
    ("采购NVIDIA H100 8块", None),  # eight cards, no server
])
def test_servers_holding_the_chips(text: str, servers: int | None) -> None:
    [item] = [c for c in classify_text(text, AFTER) if c.chip]
    assert item.count == 8 and item.servers == servers


def test_remote_routes() -> None:
    items = classify_text("海外AWS账号（用于Claude 3）", AFTER)
    [claude] = [c for c in items if c.model]
    assert claude.route == "hosted_model" and claude.provider == "Amazon Web Services"
    [account] = [c for c in items if not c.model]
    assert account.route == "cloud_account" and account.provider == "Amazon Web Services" and account.compute_finding
    assert "China" in claude.restriction
    [azure] = classify_text("Azure OpenAI 4000万tokens", AFTER)
    assert azure.route == "hosted_model" and azure.count == 40_000_000
    [h20] = classify_text("HGX H20 8-GPU server", date(2025, 6, 1))
    assert h20.route == "hardware_purchase" and h20.band is None and h20.controlled


def test_every_chip_row_has_a_source() -> None:
    for row in chips().values():
        assert row.source, row.id


@needs_shared(SHARED / "data" / "hardware" / "epoch_ml_hardware.csv")
def test_tpp_agrees_with_epoch_ai() -> None:
    """Cross-check against Epoch AI's own 'Total processing performance' column where it has one."""
    epoch = {}
    with (SHARED / "data" / "hardware" / "epoch_ml_hardware.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = row.get("Hardware name") or row.get("Name") or ""
            tpp = row.get("Total processing performance (bit-OP/s)") or ""
            if tpp:
                epoch[name] = float(tpp) / 1e12
    pairs = {"nvidia-a100": "NVIDIA A100 SXM4 80 GB", "nvidia-h100-sxm": "NVIDIA H100 SXM5 80GB",
             "nvidia-l4": "NVIDIA L4", "nvidia-v100": "NVIDIA Tesla V100 SXM2 32 GB"}
    checked = 0
    for chip_id, epoch_name in pairs.items():
        match = next((v for k, v in epoch.items() if k.strip().lower() == epoch_name.lower()), None)
        if match is None:
            continue
        checked += 1
        assert chip(chip_id).tpp == pytest.approx(match, rel=0.03), (chip_id, match)
    assert checked >= 2, sorted(epoch)[:40]
