"""The README's score formula and the findings module's weights say the same thing."""

from __future__ import annotations

import re
from pathlib import Path

import tendertrace.findings as findings

README = Path(__file__).resolve().parents[2] / "README.md"
NUMBER = re.compile(r"\d+\.\d+")


def _formula_blocks() -> list[str]:
    """The README's formula block and the module docstring's, each from ``score =`` to its end."""
    readme = README.read_text(encoding="utf-8")
    [block] = re.findall(r"```\n(score = .*?)```", readme, re.S)
    doc = findings.__doc__ or ""
    return [block, doc[doc.index("score = "):]]


def _parse(block: str) -> tuple[list[str], dict[str, str]]:
    head, *rows = block.strip().splitlines()
    names = re.search(r"min\(1, (.*)\)", head)
    assert names, head
    parts: dict[str, str] = {}
    for row in rows:
        m = re.match(r"\s+(\w+)\s+(.*)", row)
        if m and m.group(1) in names.group(1):
            parts[m.group(1)] = m.group(2)
    return [n.strip() for n in names.group(1).split("+")], parts


def test_readme_and_docstring_state_the_weights_of_the_code() -> None:
    for block in _formula_blocks():
        names, parts = _parse(block)
        assert names == ["listed", *findings.PART_WEIGHTS], block
        listed = [float(x) for x in NUMBER.findall(parts["listed"])]
        assert listed == [findings.LISTED_WEIGHTS["self"], findings.LISTED_WEIGHTS["affiliate"]]
        for name, weight in findings.PART_WEIGHTS.items():
            assert [float(x) for x in NUMBER.findall(parts[name])] == [weight], (name, parts[name])
