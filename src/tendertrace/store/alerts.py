"""Alerts and their outbox.

An alert (a new finding at or above a score, or a new listed-party hit) is written once, under a
unique key, in the same transaction as one outbox row per channel that must deliver it. A sender
claims a row with a lease, delivers it and marks it delivered; a sender killed in between leaves
the lease to expire and the row is sent again with the same delivery id, which the receiver uses
to keep it once. Rows are never deleted while undelivered.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Float, Index, Integer, String, Table, Text, and_, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from .schema import Base


class AlertRecord(Base):
    __tablename__ = "alerts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)  # finding:CASE or hit:PARTY|ENTRY
    kind: Mapped[str] = mapped_column(String(16))  # finding | hit
    case_id: Mapped[str | None] = mapped_column(String(32), index=True)
    score: Mapped[float | None] = mapped_column(Float)
    title: Mapped[str | None] = mapped_column(Text)
    payload: Mapped[Any] = mapped_column(JSON)
    baseline: Mapped[bool] = mapped_column(Boolean, default=False)  # present before alerting began: recorded, not sent
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class AlertDelivery(Base):
    """The outbox: one row per alert and channel, kept until delivered."""

    __tablename__ = "alert_deliveries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    alert_id: Mapped[int] = mapped_column(Integer, index=True)
    channel: Mapped[str] = mapped_column(String(200))  # webhook:NAME | email:NAME
    status: Mapped[str] = mapped_column(String(16), index=True)  # pending | delivered
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)


Index("uq_alert_deliveries_alert_channel", AlertDelivery.alert_id, AlertDelivery.channel, unique=True)


def _table(model: type[Base]) -> Table:
    table = model.__table__
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not mapped to one table")
    return table


alerts = _table(AlertRecord)
alert_deliveries = _table(AlertDelivery)


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime | None) -> datetime | None:
    """SQLite gives back naive datetimes: they were written in UTC."""
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


def known_keys(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(select(alerts.c.key)).scalars())


def add_alert(engine: Engine, key: str, kind: str, payload: dict[str, Any], channels: list[str],
              case_id: str | None = None, score: float | None = None, title: str | None = None,
              baseline: bool = False) -> int | None:
    """Record an alert with its outbox rows in one transaction; None when its key exists already
    (it was recorded before: an alert is made once, whatever restarts came between)."""
    at = _now()
    try:
        with engine.begin() as conn:
            alert_id = conn.execute(alerts.insert().returning(alerts.c.id), {
                "key": key, "kind": kind, "case_id": case_id, "score": score, "title": title, "payload": payload,
                "baseline": baseline, "created_at": at}).scalar_one()
            if channels and not baseline:
                conn.execute(alert_deliveries.insert(), [
                    {"alert_id": alert_id, "channel": c, "status": "pending", "attempts": 0, "next_attempt_at": at}
                    for c in channels])
    except IntegrityError:
        return None
    return int(alert_id)


def claim(engine: Engine, channel: str, lease: timedelta, limit: int) -> list[dict[str, Any]]:
    """Outbox rows of ``channel`` due now, each leased to the caller: no other sender takes a row
    while its lease runs. A row whose sender died is due again once its lease has passed."""
    at = _now()
    due = and_(alert_deliveries.c.channel == channel, alert_deliveries.c.status == "pending",
               alert_deliveries.c.next_attempt_at <= at,
               or_(alert_deliveries.c.lease_until.is_(None), alert_deliveries.c.lease_until < at))
    claimed: list[dict[str, Any]] = []
    with engine.connect() as conn:
        ids = list(conn.execute(select(alert_deliveries.c.id).where(due).order_by(alert_deliveries.c.id)
                                .limit(limit)).scalars())
    for delivery_id in ids:
        with engine.begin() as conn:
            got = conn.execute(alert_deliveries.update().where(alert_deliveries.c.id == delivery_id, due).values(
                lease_until=at + lease, attempts=alert_deliveries.c.attempts + 1)).rowcount
            if not got:
                continue  # another sender took it between the read and the update
            row = conn.execute(select(alert_deliveries, alerts.c.key, alerts.c.kind, alerts.c.payload,
                                      alerts.c.created_at.label("alert_created_at"))
                               .join(alerts, alerts.c.id == alert_deliveries.c.alert_id)
                               .where(alert_deliveries.c.id == delivery_id)).mappings().one()
            claimed.append(dict(row))
    return claimed


def delivered(engine: Engine, delivery_id: int) -> None:
    with engine.begin() as conn:
        conn.execute(alert_deliveries.update().where(alert_deliveries.c.id == delivery_id).values(
            status="delivered", delivered_at=_now(), lease_until=None, last_error=None))


def retry_later(engine: Engine, delivery_id: int, wait: timedelta, error: str) -> None:
    """A failed attempt: the row stays pending, due again after ``wait``."""
    with engine.begin() as conn:
        conn.execute(alert_deliveries.update().where(alert_deliveries.c.id == delivery_id).values(
            next_attempt_at=_now() + wait, lease_until=None, last_error=error[:500]))


def outbox(engine: Engine, status: str | None = None) -> list[dict[str, Any]]:
    query = select(alert_deliveries).order_by(alert_deliveries.c.id)
    if status:
        query = query.where(alert_deliveries.c.status == status)
    with engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(query).mappings()]
    for row in rows:
        for name in ("next_attempt_at", "lease_until", "delivered_at"):
            row[name] = _aware(row[name])
    return rows


def recent_alerts(engine: Engine, kind: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Alerts newest first (baseline ones included: they are findings too)."""
    query = select(alerts).order_by(alerts.c.created_at.desc(), alerts.c.id.desc()).limit(limit)
    if kind:
        query = query.where(alerts.c.kind == kind)
    with engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(query).mappings()]
    for row in rows:
        row["created_at"] = _aware(row["created_at"])
    return rows
