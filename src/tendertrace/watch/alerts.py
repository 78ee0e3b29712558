"""Alerts: a new finding at or above a score, or a new listed-party hit on a stored party, sent to
webhooks (a JSON POST signed with HMAC-SHA256) and by email over SMTP, and listed in the server's
Atom feed (``web.feeds``).

Each alert is recorded once under a unique key with one outbox row per channel
(``store.alerts``); a row leaves the outbox only when delivered. The same alert always goes out
with the same delivery id (``X-Tendertrace-Delivery``; an email's ``Message-ID``), so a receiver
that keeps the ids it has seen acts on each alert exactly once even when a sender killed
mid-delivery sends it again on restart.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import smtplib
import time
from dataclasses import dataclass, field
from datetime import timedelta
from email.message import EmailMessage
from email.utils import formatdate
from typing import Any

import httpx
from sqlalchemy.engine import Engine

from .. import __version__
from ..findings import hit_key
from ..model import Finding
from ..store import alerts as outbox

log = logging.getLogger("tendertrace.watch")

DEFAULT_MIN_SCORE = 50.0  # findings at or above this score alert; the score ranks review (README: findings and their score)
LEASE = timedelta(minutes=2)  # a claimed delivery is another sender's after this: longer than one send with its timeout
SEND_TIMEOUT = 20.0  # seconds for one webhook POST or SMTP session
RETRY_BASE = timedelta(seconds=30)  # the first retry's wait, doubled after each failure
RETRY_CAP = timedelta(hours=6)  # a receiver down for days is still tried four times a day; nothing is dropped
CLAIM_BATCH = 100  # deliveries one call sends per channel; the rest wait for the next cycle
SIGNATURE_HEADER = "X-Tendertrace-Signature"
TIMESTAMP_HEADER = "X-Tendertrace-Timestamp"
DELIVERY_HEADER = "X-Tendertrace-Delivery"


@dataclass(frozen=True)
class Webhook:
    name: str
    url: str
    secret: str  # the shared secret of the HMAC; the receiver checks the signature with it

    @property
    def channel(self) -> str:
        return f"webhook:{self.name}"


@dataclass(frozen=True)
class Email:
    name: str
    host: str
    port: int
    sender: str
    to: tuple[str, ...]
    starttls: bool = False
    username: str | None = None
    password: str | None = None

    @property
    def channel(self) -> str:
        return f"email:{self.name}"


@dataclass
class AlertSettings:
    min_score: float = DEFAULT_MIN_SCORE
    webhooks: list[Webhook] = field(default_factory=list)
    emails: list[Email] = field(default_factory=list)
    backlog: bool = False  # alert the findings already stored when alerting begins (default: record them only)
    transport: httpx.BaseTransport | None = None  # tests: an in-process receiver

    @property
    def channels(self) -> list[str]:
        return [w.channel for w in self.webhooks] + [e.channel for e in self.emails]


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """The signature header's value: HMAC-SHA256 over ``timestamp.body``, hex, prefixed ``sha256=``."""
    mac = hmac.new(secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body, hashlib.sha256)
    return f"sha256={mac.hexdigest()}"


def verify(secret: str, timestamp: str, body: bytes, signature: str) -> bool:
    """What a receiver runs: the signature is the sender's, for this timestamp and body."""
    return hmac.compare_digest(sign(secret, timestamp, body), signature)


def _finding_payload(f: Finding) -> dict[str, Any]:
    return {"case_id": f.case_id, "score": f.score, "title": f.title, "date": f.date, "buyer": f.buyer,
            "suppliers": f.suppliers, "provider": f.provider, "route": f.route, "chips": f.chips, "models": f.models,
            "bands": f.bands, "amount": f.amount, "currency": f.currency,
            "listed": [{"party": h.party, "entry": h.entry, "list": h.list, "relation": h.relation} for h in f.listed],
            "documents": [d.to_dict() for d in f.documents],
            "evidence": [e.text for e in f.evidence[:3]]}


def record_alerts(engine: Engine, built: list[Finding], settings: AlertSettings) -> int:
    """Record an alert for each finding at or above the score and each listed-party hit not alerted
    before. The first time a store alerts, what it holds already is recorded as the baseline, not
    sent (unless ``backlog``). Returns how many alerts are to be sent."""
    known = outbox.known_keys(engine)
    baseline = not known and not settings.backlog
    added = 0
    for f in built:
        if f.review_status in ("dismissed", "suppressed"):
            continue
        payload = _finding_payload(f)
        if f.score >= settings.min_score and f"finding:{f.case_id}" not in known:
            made = outbox.add_alert(engine, f"finding:{f.case_id}", "finding", {"alert": "finding", **payload},
                                    settings.channels, f.case_id, f.score, f.title, baseline)
            added += made is not None and not baseline
        for h in f.listed:
            key = f"hit:{h.key or hit_key(h.party, h.entry_id)}"
            if key in known:
                continue
            known.add(key)
            hit = {"alert": "listed_hit", "party": h.party, "entry": h.entry, "entry_id": h.entry_id, "list": h.list,
                   "relation": h.relation, "score": h.score, "finding": payload}
            made = outbox.add_alert(engine, key, "hit", hit, settings.channels, f.case_id, f.score,
                                    f"{h.party} → {h.entry} ({h.list})", baseline)
            added += made is not None and not baseline
    return added


def _body(row: dict[str, Any]) -> bytes:
    created = row["alert_created_at"]
    message = {"id": row["key"], "kind": row["kind"], "created_at": created.isoformat() if created else None,
               "sender": f"tendertrace/{__version__}", **row["payload"]}
    return json.dumps(message, ensure_ascii=False, sort_keys=True).encode("utf-8")


def send_webhook(hook: Webhook, row: dict[str, Any], transport: httpx.BaseTransport | None = None) -> None:
    body = _body(row)
    stamp = str(int(time.time()))
    headers = {"Content-Type": "application/json; charset=utf-8", DELIVERY_HEADER: row["key"],
               TIMESTAMP_HEADER: stamp, SIGNATURE_HEADER: sign(hook.secret, stamp, body),
               "User-Agent": f"tendertrace/{__version__}"}
    with httpx.Client(timeout=SEND_TIMEOUT, transport=transport) as client:
        response = client.post(hook.url, content=body, headers=headers)
    if not 200 <= response.status_code < 300:
        raise OSError(f"HTTP {response.status_code}")


def send_email(mail: Email, row: dict[str, Any]) -> None:
    payload = row["payload"]
    msg = EmailMessage()
    subject = payload.get("title") or payload.get("finding", {}).get("title") or row["key"]
    if row["kind"] == "hit":
        subject = f"listed party: {payload.get('party')} → {payload.get('entry')} ({payload.get('list')})"
    msg["Subject"] = f"[tendertrace] {subject}"
    msg["From"] = mail.sender
    msg["To"] = ", ".join(mail.to)
    msg["Date"] = formatdate(localtime=False)
    # one Message-ID per alert: a resent alert is the same message to the mail system
    digest = hashlib.sha256(row["key"].encode("utf-8")).hexdigest()[:24]
    msg["Message-ID"] = f"<{digest}@tendertrace.alert>"
    msg[DELIVERY_HEADER] = row["key"]
    msg.set_content(json.dumps(json.loads(_body(row)), ensure_ascii=False, indent=2))
    with smtplib.SMTP(mail.host, mail.port, timeout=SEND_TIMEOUT) as smtp:
        if mail.starttls:
            smtp.starttls()
        if mail.username:
            smtp.login(mail.username, mail.password or "")
        smtp.send_message(msg)


def deliver_due(engine: Engine, settings: AlertSettings) -> int:
    """Send every outbox row due now on every configured channel; a failure waits and stays."""
    sent = 0
    senders: list[tuple[str, Any]] = [(w.channel, lambda r, w=w: send_webhook(w, r, settings.transport))
                                      for w in settings.webhooks]
    senders += [(e.channel, lambda r, e=e: send_email(e, r)) for e in settings.emails]
    for channel, send in senders:
        for _ in range(CLAIM_BATCH):
            # one row leased at a time, just before it is sent: a sender killed mid-delivery holds
            # only the row in flight, which goes again (same delivery id) once its lease has passed
            claimed = outbox.claim(engine, channel, LEASE, 1)
            if not claimed:
                break
            row = claimed[0]
            try:
                send(row)
            except (OSError, httpx.HTTPError, smtplib.SMTPException) as exc:
                wait = min(RETRY_CAP, RETRY_BASE * 2 ** max(0, int(row["attempts"]) - 1))
                log.warning("alert %s to %s failed (%s); retry in %s", row["key"], channel, exc, wait)
                outbox.retry_later(engine, int(row["id"]), wait, f"{type(exc).__name__}: {exc}")
                continue
            outbox.delivered(engine, int(row["id"]))
            sent += 1
    return sent
