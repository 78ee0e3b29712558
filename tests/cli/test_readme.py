"""The README a new user reads first: two Quick-start commands, a test command that shows what it
skips, and the words the outputs use."""

from __future__ import annotations

import re
from pathlib import Path

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _quick_start() -> list[str]:
    block = README.split("## Quick start", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    return [ln for ln in block.splitlines() if ln.strip()]


def test_quick_start_is_two_commands_and_the_tests_show_their_skips() -> None:
    commands = _quick_start()
    assert len(commands) == 2
    assert re.search(r"pytest .*-rs\b", commands[1])
    assert ".ci/run" in README.split("## Usage", 1)[0]  # said where the test command is explained


def test_the_glossary_names_routes_bands_and_the_score() -> None:
    glossary = README.split("**Words used below.**", 1)[1].split("\n\n", 1)[0]
    for word in ("hardware_purchase", "cloud_rental", "cloud_account", "model_api", "hosted_model", "3A090",
                 "not controlled", "not a probability"):
        assert word in glossary
