"""Each kind of source gives what is new and only that; a watcher killed between fetch and
store, or between store and alert, loses nothing on restart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from tendertrace import store
from tendertrace.store import alerts as alert_store
from tendertrace.store import watching
from tendertrace.watch.config import ConfigError, from_mapping, load, parse_duration
from tendertrace.watch.runner import Watcher, example_configs
from tendertrace.watch.sources import Poller

from .conftest import FINDING_HTML, LEAD_HTML, Portal, quick_client


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    return store.connect(str(tmp_path / "watch.db"))


def _poll(engine: Engine, raw: dict, client=None) -> int:  # type: ignore[no-untyped-def]
    return Poller(from_mapping(raw), engine, client or quick_client()).poll()


def test_durations_and_configs() -> None:
    assert parse_duration("10m") == 600 and parse_duration("1.5h") == 5400 and parse_duration("90") == 90
    with pytest.raises(ConfigError):
        parse_duration("soon")
    shipped = [load(str(p)) for p in example_configs()]
    assert {c.kind for c in shipped} >= {"listing", "records", "ocds"}
    with pytest.raises(ConfigError, match="unknown keys"):
        from_mapping({"url": "http://x/", "listing": {"selector": "li"}})


def test_folder_gives_new_and_changed_files_only(engine: Engine, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.html").write_text(FINDING_HTML, encoding="utf-8")
    assert _poll(engine, {"path": str(folder)}) == 1
    assert _poll(engine, {"path": str(folder)}) == 0
    (folder / "b.html").write_text(LEAD_HTML, encoding="utf-8")
    assert _poll(engine, {"path": str(folder)}) == 1
    assert watching.pending(engine) == 2


def test_growing_jsonl_reads_complete_lines_past_its_offset(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    line = json.dumps({"id": "r1", "format": "html", "content": FINDING_HTML}, ensure_ascii=False) + "\n"
    path.write_text(line + '{"id": "r2", "format": "html", "cont', encoding="utf-8")  # a line being written
    assert _poll(engine, {"path": str(path)}) == 1
    with path.open("a", encoding="utf-8") as handle:
        handle.write('ent": "<p>x</p>"}\n')
    assert _poll(engine, {"path": str(path)}) == 1
    assert _poll(engine, {"path": str(path)}) == 0
    # replaced by a file that starts otherwise: read again, records already taken skipped by id
    path.write_text(json.dumps({"id": "r0", "content": LEAD_HTML}, ensure_ascii=False) + "\n" + line, encoding="utf-8")
    assert _poll(engine, {"path": str(path)}) == 1
    assert [i["record"]["id"] for i in watching.inbox(engine, 10)] == ["r1", "r2", "r0"]


def test_listing_page_fetches_each_notice_once(engine: Engine, portal: Portal) -> None:
    raw = {"name": "ccgp", "kind": "listing", "url": portal.url("/cggg/dfgg/"),
           "listing": {"item_selector": "ul.c_list_bid li", "link_pattern": r"/cggg/.+/t\d{8}_\d+\.htm$"}}
    notices = [p for p in portal.pages if p.startswith("/cggg/dfgg/gkzb/")]
    assert _poll(engine, raw) == len(notices)
    items = watching.inbox(engine, 100)
    first = items[0]["record"]
    assert first["url"] == portal.url(notices[0]) and first["published"] == "2025-06-01" and "A100" in first["content"]
    assert portal.hits["/about.htm"] == 0  # not a notice link
    assert _poll(engine, raw) == 0  # the listing answered 304: nothing parsed, no notice fetched again
    assert portal.conditional["/cggg/dfgg/"] == 1
    assert all(portal.hits[p] == 1 for p in notices)


def test_listing_notice_that_fails_is_taken_at_the_next_poll(engine: Engine, portal: Portal) -> None:
    raw = {"name": "ccgp", "kind": "listing", "url": portal.url("/cggg/dfgg/"),
           "listing": {"item_selector": "li", "link_pattern": r"t\d{8}_\d+\.htm$"}}
    broken = "/cggg/dfgg/gkzb/202507/t20250701_2.htm"
    portal.faults[broken] = [503] * 10
    total = len([p for p in portal.pages if p.startswith("/cggg/dfgg/gkzb/")])
    assert _poll(engine, raw, quick_client(retries=1)) == total - 1
    portal.faults[broken] = []
    # the listing is unchanged, but a poll that missed a notice kept no validators: it is read again
    assert _poll(engine, raw, quick_client(retries=1)) == 1
    assert portal.conditional["/cggg/dfgg/"] == 0
    assert _poll(engine, raw, quick_client(retries=1)) == 0 and portal.conditional["/cggg/dfgg/"] == 1


def test_records_feed_and_ocds(engine: Engine, portal: Portal) -> None:
    n_records = len(json.loads(portal.pages["/jyapi/search"][0])["data"]["list"])
    assert _poll(engine, {"name": "jy", "kind": "records", "url": portal.url("/jyapi/search"),
                          "records": {"path": "data.list"}}) == n_records
    assert _poll(engine, {"name": "jy", "kind": "records", "url": portal.url("/jyapi/search"),
                          "records": {"path": "data.list"}}) == 0
    assert _poll(engine, {"name": "feed", "url": portal.url("/feed.jsonl")}) == 2
    n_releases = len(json.loads(portal.pages["/ocds/releases.json"][0])["releases"])
    assert _poll(engine, {"name": "ocds", "url": portal.url("/ocds/releases.json")}) == n_releases
    body = portal.pages["/ocds/releases.json"][0]
    package = json.loads(body)
    package["releases"].append({"ocid": "ocds-new", "id": "new-1", "tag": ["tender"], "date": "2025-01-01",
                                "tender": {"title": "GPU servers"}})
    portal.put("/ocds/releases.json", json.dumps(package), "application/json")
    assert _poll(engine, {"name": "ocds", "url": portal.url("/ocds/releases.json")}) == 1


def test_a_source_that_fails_keeps_its_cursor_and_error(engine: Engine, portal: Portal) -> None:
    portal.faults["/feed.jsonl"] = [500] * 10
    watcher = Watcher(engine, [from_mapping({"name": "feed", "url": portal.url("/feed.jsonl"), "http": {"retries": 1}})],
                      client=quick_client())
    stats = watcher.cycle()
    assert "HTTP 500" in stats.errors["feed"]
    assert "HTTP 500" in (watching.sources(engine)[0]["last_error"] or "")
    portal.faults["/feed.jsonl"] = []
    watcher._due.clear()
    assert watcher.cycle().taken == {"feed": 2}


def test_crash_between_fetch_and_store_is_recovered(engine: Engine, portal: Portal, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    source = from_mapping({"name": "feed", "url": portal.url("/feed.jsonl")})
    from tendertrace.pipeline import BatchRunner

    def crash(self, raws):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt("killed while scanning")

    monkeypatch.setattr(BatchRunner, "store", crash)
    with pytest.raises(KeyboardInterrupt):
        Watcher(engine, [source], client=quick_client()).cycle()
    assert watching.pending(engine) == 2 and store.status_counts(engine) == {}
    monkeypatch.undo()
    # restarted: the feed is unchanged (304), the inbox is scanned
    stats = Watcher(engine, [source], client=quick_client()).cycle()
    assert stats.taken == {"feed": 0} and stats.processed == 2
    assert watching.pending(engine) == 0 and store.status_counts(engine) == {"processed": 2}


def test_crash_between_finding_and_alert_is_recovered(engine: Engine, portal: Portal, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tendertrace.watch import runner
    from tendertrace.watch.alerts import AlertSettings, Webhook

    source = from_mapping({"name": "feed", "url": portal.url("/feed.jsonl")})
    settings = AlertSettings(min_score=0, webhooks=[Webhook("w", "http://127.0.0.1:9/", "s")], backlog=True)

    def crash(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt("killed after the findings")

    monkeypatch.setattr(runner, "record_alerts", crash)
    with pytest.raises(KeyboardInterrupt):
        Watcher(engine, [source], alerts=settings, client=quick_client()).cycle()
    assert store.query_findings(engine)[0] >= 1 and not alert_store.known_keys(engine)
    monkeypatch.undo()
    monkeypatch.setattr(runner, "deliver_due", lambda *a: 0)
    stats = Watcher(engine, [source], alerts=settings, client=quick_client()).cycle()
    assert stats.alerts >= 1
    assert len(alert_store.outbox(engine, "pending")) == stats.alerts
    # and once only: a third run records nothing new
    assert Watcher(engine, [source], alerts=settings, client=quick_client()).cycle().alerts == 0


def test_a_watched_notice_keeps_its_address_and_when_it_was_fetched(engine: Engine, portal: Portal) -> None:
    source = from_mapping({"name": "ccgp", "kind": "listing", "url": portal.url("/cggg/dfgg/"),
                           "listing": {"item_selector": "ul.c_list_bid li",
                                       "link_pattern": r"/cggg/.+/t\d{8}_\d+\.htm$"}})
    stats = Watcher(engine, [source], client=quick_client()).cycle()
    assert stats.processed
    rows = store.recent_documents(engine)
    notices = {portal.url(p) for p in portal.pages if p.startswith("/cggg/dfgg/gkzb/")}
    assert rows and all((r["provenance"] or {}).get("url") in notices for r in rows)
    assert all(((r["provenance"] or {}).get("fetched_at") or "").startswith("20") for r in rows)
