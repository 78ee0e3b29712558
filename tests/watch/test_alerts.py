"""Alerts: signed webhook POSTs from an outbox, retried until delivered, once per alert across a
sender killed mid-delivery; email through a local SMTP server (aiosmtpd)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from tendertrace import store
from tendertrace.store import alerts as alert_store
from tendertrace.watch.alerts import (
    DELIVERY_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    AlertSettings,
    Email,
    Webhook,
    deliver_due,
    sign,
    verify,
)

SECRET = "test-secret"
SRC = str(Path(__file__).resolve().parents[2] / "src")


@dataclass
class Receiver:
    """A webhook receiver that checks signatures and keeps each delivery id once."""

    statuses: list[int] = field(default_factory=list)  # answered (in order) before 200s
    hold: threading.Event | None = None  # when set up: the first request waits here (a sender to kill)
    arrived: threading.Event = field(default_factory=threading.Event)
    posts: list[str] = field(default_factory=list)  # every POST's delivery id, in order
    acted: dict[str, dict[str, Any]] = field(default_factory=dict)  # each id once
    bad_signatures: int = 0
    url: str = ""


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers["Content-Length"]))
            delivery = self.headers[DELIVERY_HEADER]
            state.posts.append(delivery)
            if not verify(SECRET, self.headers[TIMESTAMP_HEADER], body, self.headers[SIGNATURE_HEADER]):
                state.bad_signatures += 1
            state.arrived.set()
            if state.hold is not None:
                hold, state.hold = state.hold, None
                hold.wait(10)
                return  # the sender was killed while waiting: no answer
            status = state.statuses.pop(0) if state.statuses else 200
            if status == 200:
                state.acted.setdefault(delivery, json.loads(body))
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield state
    if state.hold is not None:
        state.hold.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    return store.connect(str(tmp_path / "alerts.db"))


def _alerts(engine: Engine, n: int, channels: list[str]) -> None:
    for i in range(n):
        alert_store.add_alert(engine, f"finding:case{i}", "finding", {"alert": "finding", "case_id": f"case{i}",
                                                                      "title": f"某大学GPU算力租赁 {i}"},
                              channels, f"case{i}", 80.0, f"title {i}")


def test_signature() -> None:
    body = b'{"id": "x"}'
    signature = sign(SECRET, "1700000000", body)
    assert signature.startswith("sha256=") and verify(SECRET, "1700000000", body, signature)
    assert not verify(SECRET, "1700000001", body, signature) and not verify("other", "1700000000", body, signature)


def test_alert_is_recorded_once(engine: Engine) -> None:
    assert alert_store.add_alert(engine, "finding:a", "finding", {}, ["webhook:w"]) is not None
    assert alert_store.add_alert(engine, "finding:a", "finding", {}, ["webhook:w"]) is None
    assert len(alert_store.outbox(engine)) == 1


def test_webhook_delivers_signed_and_retries_until_delivered(engine: Engine, receiver: Receiver) -> None:
    hook = Webhook("w", receiver.url, SECRET)
    settings = AlertSettings(webhooks=[hook])
    _alerts(engine, 3, [hook.channel])
    receiver.statuses = [500]  # the first POST fails
    assert deliver_due(engine, settings) == 2
    pending = alert_store.outbox(engine, "pending")
    assert len(pending) == 1 and pending[0]["last_error"] == "OSError: HTTP 500"
    assert deliver_due(engine, settings) == 0  # not due yet: it waits its backoff
    with engine.begin() as conn:  # time passes
        conn.execute(alert_store.alert_deliveries.update().values(next_attempt_at=store.now()))
    assert deliver_due(engine, settings) == 1
    assert not alert_store.outbox(engine, "pending") and receiver.bad_signatures == 0
    assert sorted(receiver.acted) == ["finding:case0", "finding:case1", "finding:case2"]
    assert receiver.acted["finding:case1"]["title"] == "某大学GPU算力租赁 1"


def test_receiver_down_loses_nothing(engine: Engine) -> None:
    hook = Webhook("w", "http://127.0.0.1:9/hook", SECRET)  # nothing listens on the discard port
    _alerts(engine, 2, [hook.channel])
    assert deliver_due(engine, AlertSettings(webhooks=[hook])) == 0
    rows = alert_store.outbox(engine, "pending")
    assert len(rows) == 2 and all(r["attempts"] == 1 and r["last_error"] for r in rows)


SENDER = """
import sys
from tendertrace import store
from tendertrace.watch.alerts import AlertSettings, Webhook, deliver_due
engine = store.connect(sys.argv[1])
print(deliver_due(engine, AlertSettings(webhooks=[Webhook("w", sys.argv[2], sys.argv[3])])), flush=True)
"""


def test_sender_killed_mid_delivery_delivers_each_alert_once(engine: Engine, receiver: Receiver, tmp_path: Path) -> None:
    hook = Webhook("w", receiver.url, SECRET)
    _alerts(engine, 4, [hook.channel])
    receiver.statuses = []
    receiver.hold = threading.Event()  # the first POST hangs: the sender is killed while it waits
    db = str(tmp_path / "alerts.db")
    env = {**os.environ, "PYTHONPATH": SRC}
    proc = subprocess.Popen([sys.executable, "-c", SENDER, db, receiver.url, SECRET], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert receiver.arrived.wait(30), proc.stderr.read() if proc.stderr else ""
    proc.kill()
    proc.wait(10)
    assert len(alert_store.outbox(engine, "delivered")) == 0
    # restarted at once: the killed sender's lease holds, so nothing is sent twice while it might be alive
    from tendertrace.watch import alerts as alerts_module

    assert deliver_due(engine, AlertSettings(webhooks=[hook])) == 3
    assert len(alert_store.outbox(engine, "pending")) == 1
    # once the lease has passed, the held alert goes again with the same delivery id
    with engine.begin() as conn:
        conn.execute(alert_store.alert_deliveries.update().values(lease_until=store.now()))
    time.sleep(0.01)
    assert deliver_due(engine, AlertSettings(webhooks=[hook])) == 1
    assert not alert_store.outbox(engine, "pending")
    assert sorted(receiver.acted) == [f"finding:case{i}" for i in range(4)]  # each acted on once
    assert len(receiver.posts) == 5 and receiver.posts.count("finding:case0") == 2  # only the one in flight twice
    assert alerts_module.LEASE.total_seconds() > alerts_module.SEND_TIMEOUT


def test_email_through_smtp(engine: Engine) -> None:
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message

    received: list[Any] = []

    class Keep(Message):
        def handle_message(self, message: Any) -> None:
            received.append(message)

    with socket.socket() as probe:  # a free port for the local SMTP server
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Keep(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        mail = Email("m", "127.0.0.1", port, "tendertrace@example.org", ("desk@example.org",))
        _alerts(engine, 2, [mail.channel])
        settings = AlertSettings(emails=[mail])
        assert deliver_due(engine, settings) == 2
        assert deliver_due(engine, settings) == 0
    finally:
        controller.stop()
    assert len(received) == 2
    from email.header import decode_header, make_header

    subjects = sorted(str(make_header(decode_header(m["Subject"]))) for m in received)
    assert subjects[0].startswith("[tendertrace]") and "GPU算力租赁" in subjects[0]
    assert len({m["Message-ID"] for m in received}) == 2 and received[0][DELIVERY_HEADER].startswith("finding:")
