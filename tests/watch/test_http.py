"""Polite HTTP against the local portal: robots.txt, retries with backoff on 429 and 5xx, slow
answers retried after the timeout, conditional GETs, one request per host per interval."""

from __future__ import annotations

import pytest

from tendertrace.watch.http import FetchError, PoliteClient, _retry_after

from .conftest import Portal, quick_client


def test_retries_429_and_5xx_then_succeeds(portal: Portal) -> None:
    portal.faults["/cggg/dfgg/"] = [429, 503, 502]
    client = quick_client(retries=4, backoff=0.01)
    got = client.fetch(portal.url("/cggg/dfgg/"))
    assert got.status == 200 and b"c_list_bid" in got.content
    assert portal.hits["/cggg/dfgg/"] == 4
    # Retry-After: 0 for the 429, then exponential backoff for the 5xx answers
    assert client.waits[-3:] == [0.0, 0.02, 0.04]


def test_gives_up_after_the_retries(portal: Portal) -> None:
    portal.faults["/cggg/dfgg/"] = [500] * 10
    with pytest.raises(FetchError, match="HTTP 500 after 3 attempts"):
        quick_client(retries=2).fetch(portal.url("/cggg/dfgg/"))


def test_slow_answer_is_retried(portal: Portal) -> None:
    portal.delay["/jyapi/search"] = 0.6
    client = quick_client(retries=1, timeout=0.3)
    with pytest.raises(FetchError, match="Timeout"):
        client.fetch(portal.url("/jyapi/search"))
    assert portal.hits["/jyapi/search"] == 2


def test_robots_txt_is_obeyed(portal: Portal) -> None:
    client = quick_client()
    with pytest.raises(FetchError, match="robots.txt forbids"):
        client.fetch(portal.url("/private/secret.htm"))
    assert portal.hits["/private/secret.htm"] == 0
    assert client.fetch(portal.url("/cggg/dfgg/")).status == 200
    assert portal.hits["/robots.txt"] == 1  # read once per host


def test_conditional_get(portal: Portal) -> None:
    client = quick_client()
    first = client.fetch(portal.url("/feed.jsonl"))
    again = client.fetch(portal.url("/feed.jsonl"), first.etag, first.last_modified)
    assert first.status == 200 and again.not_modified and again.content == b""
    portal.put("/feed.jsonl", first.content + b'{"id": "feed-3", "content": "x"}\n')
    changed = client.fetch(portal.url("/feed.jsonl"), first.etag)
    assert changed.status == 200 and b"feed-3" in changed.content


def test_one_request_per_host_per_interval(portal: Portal) -> None:
    now = [100.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    client = PoliteClient(interval=2.0, sleep=sleep, clock=lambda: now[0])
    for _ in range(3):
        client.fetch(portal.url("/cggg/dfgg/"))
    # robots.txt, then three pages: each request waits for the previous one's interval to pass
    assert waits == [2.0, 2.0, 2.0]


def test_retry_after_forms() -> None:
    assert _retry_after("7", 1.0) == 7.0
    assert _retry_after(None, 1.5) == 1.5
    assert _retry_after("not a date", 2.0) == 2.0
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 3.0) == 0.0  # a date in the past: now
