"""`tendertrace rules`: the rules in force on a date, and a chip across every rule change."""

from __future__ import annotations

import json
from datetime import date

from typer.testing import CliRunner

from tendertrace.cli import app
from tendertrace.rules.timeline import chip_timeline, find_chip, rule_rows, rule_state, rules_in_force


def test_rules_in_force_follow_the_date() -> None:
    ids = {r.id for r in rules_in_force(date(2025, 3, 1))}
    assert {"acs-2024-12", "ai-diffusion-2025-01", "foundry-2025-01"} <= ids and "h20-letter-2025-04" not in ids
    later = {r.id for r in rules_in_force(date(2026, 6, 1))}
    assert "ai-diffusion-2025-01" not in later and {"h200-case-by-case-2026-01", "affiliates-2025-09"} <= later


def test_the_affiliates_rule_is_suspended_then_back() -> None:
    state = {d: next(r.state for r in rule_rows(date.fromisoformat(d)) if r.id == "affiliates-2025-09")
             for d in ("2025-09-28", "2025-10-01", "2025-11-10", "2026-11-09", "2026-11-10")}
    assert state == {"2025-09-28": "not yet in force", "2025-10-01": "in force", "2025-11-10": "suspended",
                     "2026-11-09": "suspended", "2026-11-10": "in force"}


def test_h20_timeline_turns_controlled_on_the_letter() -> None:
    steps = chip_timeline("nvidia-h20", until=date(2026, 12, 1))
    assert steps[0].start == date(2023, 11, 9)  # not before the chip existed
    turned = next(s for s in steps if s.controlled)
    assert turned.start == date(2025, 4, 9) and turned.rule == "h20-letter-2025-04"
    assert any(s.start == date(2026, 1, 15) and "91 FR 1684" in s.reason for s in steps)


def test_find_chip_by_alias_in_any_case() -> None:
    assert find_chip("h200 nvl") == "nvidia-h200-nvl" and find_chip("MI308") == "amd-mi308x" and find_chip("nope") is None


def test_cli_rules_table_and_chip_json() -> None:
    runner = CliRunner()
    table = runner.invoke(app, ["rules", "--date", "2026-06-01"])
    assert table.exit_code == 0 and "91 FR 1684" in table.output
    out = runner.invoke(app, ["rules", "--chip", "H20E", "--date", "2026-06-01", "--format", "json"])
    assert out.exit_code == 0
    steps = json.loads(out.output)["steps"]
    assert any(s["controlled"] and s["rule"] == "h20-letter-2025-04" for s in steps)
    bad = runner.invoke(app, ["rules", "--chip", "no-such-chip"])
    assert bad.exit_code == 1


def test_rule_state_of_one_row() -> None:
    assert rule_state("affiliates-2025-09", date(2026, 6, 1)) == "suspended"
    assert rule_state("ai-diffusion-2025-01", date(2025, 6, 1)) == "ended"
