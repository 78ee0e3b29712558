"""Each model type has one serialisation: ``to_dict`` writes it and ``from_dict`` rebuilds it."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tendertrace.findings import result_finding
from tendertrace.model import (
    CaseDocument,
    DocumentResult,
    Evidence,
    Finding,
    Hit,
    ListedHit,
    ListEntry,
    Mention,
)

from .findings.conftest import TEXT, hit, item, ref, rental, result


def _through_json(data: dict) -> dict:  # type: ignore[type-arg]
    return json.loads(json.dumps(data, ensure_ascii=False))


def test_document_result_round_trip() -> None:
    res = result([rental(servers=500), item()], [hit(relation="affiliate", score=0.87)], supplier=True, amount=1.5)
    res.extraction.mentions.append(Mention("chip", "A100", "a100", 3, 7, count=8, servers=500))
    res.lists.append({"list": "EL", "source": "x.csv", "version": "2026-07", "count": 3})
    data = _through_json(res.to_dict())
    assert data["rules_date"] == "2024-05-10" and data["extraction"]["published"] == "2024-05-10"
    back = DocumentResult.from_dict(data)
    assert back == res and back.rules_date == date(2024, 5, 10)


def test_listed_hit_round_trip_and_one_key_for_the_entry() -> None:
    entry = ListEntry(id="el-9", list="EL", name="Harbin Institute of Technology", aliases=["HIT"],
                      federal_register="85 FR 34495", version="2026-07", source="el.json")
    screened = Hit("哈尔滨工业大学", "哈尔滨工业大学", ["Harbin Institute of Technology"], entry,
                   "Harbin Institute of Technology", "self", 1.0, {"coverage": 1.0}, "why")
    listed = ListedHit.from_hit(screened, "buyer")
    data = _through_json(listed.to_dict())
    assert data["entry"] == "Harbin Institute of Technology" and "match" not in data
    assert (data["party"], data["entry_id"], data["list_version"]) == ("哈尔滨工业大学", "el-9", "2026-07")
    assert ListedHit.from_dict(data) == listed
    assert ListEntry.from_dict(_through_json(entry.to_dict())) == entry


def test_finding_round_trip() -> None:
    f = result_finding(result([rental()], [hit()], supplier=True, amount=2.0), ref(), TEXT)
    assert f is not None and f.listed and f.evidence and f.classification
    back = Finding.from_dict(_through_json(f.to_dict()))
    assert back == f
    assert isinstance(back.documents[0], CaseDocument) and isinstance(back.evidence[0], Evidence)
    assert isinstance(back.listed[0], ListedHit) and back.listed[0].key == f.listed[0].key


def test_from_dict_ignores_keys_it_does_not_know_and_defaults_what_is_absent() -> None:
    """A dict written by a newer version (a field more) or an older one (a field fewer) still reads."""
    data = hit().to_dict()
    data["a_field_added_later"] = 1
    del data["features"], data["explanation"]
    back = ListedHit.from_dict(data)
    assert back.features == {} and back.explanation == "" and back.entry == "Sichuan University"


def test_from_dict_names_a_missing_required_field() -> None:
    with pytest.raises(KeyError, match="entry_id"):
        ListedHit.from_dict({"party": "x", "entry": "y", "list": "EL", "relation": "self", "score": 1.0})
