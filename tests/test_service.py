"""The service layer the CLI, API and UI share: checked queries, typed findings, domain errors."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from tendertrace import service, store
from tendertrace.findings import refresh_findings
from tendertrace.pipeline import scan
from tendertrace.screen import sample_screener

from .conftest import EXAMPLES


def _scanned(db: str) -> Engine:
    engine = store.connect(f"sqlite:///{db}")
    scan([str(EXAMPLES)], engine, screener=sample_screener())
    refresh_findings(engine)
    return engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """The examples, scanned once for the tests that only read."""
    return _scanned(str(tmp_path_factory.mktemp("service") / "t.db"))


@pytest.mark.parametrize("bad", [
    {"date_from": "2024-5-1"}, {"review": "maybe"}, {"sort": "title"}, {"order": "up"}, {"page": 0},
    {"per_page": service.MAX_PER_PAGE + 1}, {"text": "x" * (service.MAX_FILTER_CHARS + 1)},
])
def test_a_query_is_checked_when_made(bad: dict[str, object]) -> None:
    with pytest.raises(service.InvalidRequest) as err:
        service.FindingsQuery(**bad)  # type: ignore[arg-type]
    assert err.value.status == 422 and next(iter(bad)) in err.value.message


def test_pages_and_filters(engine: Engine) -> None:
    everything = service.list_findings(engine, service.FindingsQuery())
    assert everything.total == 4 and everything.pages == 1
    first = service.list_findings(engine, service.FindingsQuery(per_page=3))
    second = service.list_findings(engine, service.FindingsQuery(per_page=3, page=2))
    assert first.pages == 2 and len(first.items) == 3 and len(second.items) == 1
    assert {f.case_id for f in first.items + second.items} == {f.case_id for f in everything.items}
    azure = service.list_findings(engine, service.FindingsQuery(provider="Microsoft Azure"))
    assert [f.buyer for f in azure.items] == [["四川大学"]]
    scores = [f.score for f in service.list_findings(engine, service.FindingsQuery(sort="score", order="asc")).items]
    assert scores == sorted(scores)


def test_unknown_finding_document_and_hit_are_not_found(engine: Engine) -> None:
    with pytest.raises(service.NotFound):
        service.get_finding(engine, "nope")
    with pytest.raises(service.NotFound):
        service.get_document(engine, "nope")
    case = service.list_findings(engine, service.FindingsQuery(listed=True)).items[0].case_id
    with pytest.raises(service.NotFound):
        service.record_review(engine, case, "dismissed", "why", "alice", hit="0" * 16)


def test_a_review_needs_a_decision_and_a_reason(engine: Engine) -> None:
    case = service.list_findings(engine, service.FindingsQuery()).items[0].case_id
    for decision, reason in (("maybe", "why"), ("confirmed", "  ")):
        with pytest.raises(service.InvalidRequest):
            service.record_review(engine, case, decision, reason, "alice")


def test_a_dismissed_hit_leaves_the_finding_and_the_trail_records_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = _scanned(str(tmp_path / "t.db"))
    listed = next(f for f in service.list_findings(engine, service.FindingsQuery(listed=True)).items
                  if f.score_parts.keys() > {"listed"})
    hit = listed.listed[0]
    service.record_review(engine, listed.case_id, "dismissed", "a namesake", "alice", hit=hit.key)
    after = service.get_finding(engine, listed.case_id)
    assert after.listed == [] and [h.key for h in after.suppressed] == [hit.key] and after.score < listed.score
    [decision] = service.finding_trail(engine, after)
    assert (decision["subject"], decision["reviewer"], decision["detail"]["entry"]) == (
        f"hit:{hit.key}", "alice", hit.entry)


def test_document_evidence_is_the_text_it_points_at(engine: Engine) -> None:
    finding = service.list_findings(engine, service.FindingsQuery()).items[0]
    doc = service.get_document(engine, finding.documents[0].id)
    assert doc["evidence"] and all(doc["text"][e["start"]:e["end"]] == e["text"] for e in doc["evidence"])
    assert {e["kind"] for e in doc["evidence"]} <= {"item", "party"}
