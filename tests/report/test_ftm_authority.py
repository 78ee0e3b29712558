"""A Sanction entity names the agency that keeps its list, as knowledge/list_meanings.yaml says."""

from __future__ import annotations

import pytest

from tendertrace.model import CaseDocument, Finding, ListedHit
from tendertrace.report.ftm import ftm_entities


def _finding(code: str) -> Finding:
    hit = ListedHit(party="某大学", entry="Some University", entry_id="x1", list=code, relation="self", score=0.95)
    return Finding(case_id="c1", documents=[CaseDocument(id="d1")], buyer=["某大学"], suppliers=[], provider=[],
                   route=[], chips=[], models=[], classification=[], listed=[hit], amount=None, currency=None,
                   date=None, score=50.0, score_parts={}, evidence=[])


@pytest.mark.parametrize(("code", "authority"), [
    ("EL", ["US Department of Commerce, Bureau of Industry and Security"]),
    ("NS-CMIC", ["US Department of the Treasury, OFAC"]),
    ("1260H", ["US Department of Defense"]),
    ("XYZ", []),  # a list the knowledge does not describe names no agency
])
def test_sanction_authority(code: str, authority: list[str]) -> None:
    sanction = next(e for e in ftm_entities([_finding(code)]) if e["schema"] == "Sanction")
    assert sanction["properties"].get("authority", []) == authority
