"""Watching sources (cursors, seen items, the inbox of fetched items), alerts with their outbox,
and leads.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watch_sources",
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("location", sa.Text, nullable=False),
        sa.Column("cursor", sa.JSON),
        sa.Column("polled_at", sa.DateTime(timezone=True)),
        sa.Column("last_error", sa.Text),
    )
    op.create_table(
        "watch_seen",
        sa.Column("source", sa.String(200), primary_key=True),
        sa.Column("key", sa.String(512), primary_key=True),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "watch_inbox",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("data", sa.LargeBinary),
        sa.Column("record", sa.JSON),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_watch_inbox_source", "watch_inbox", ["source"])
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("case_id", sa.String(32)),
        sa.Column("score", sa.Float),
        sa.Column("title", sa.Text),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("baseline", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("key", name="uq_alerts_key"),
    )
    op.create_index("ix_alerts_case_id", "alerts", ["case_id"])
    op.create_index("ix_alerts_created_at", "alerts", ["created_at"])
    op.create_table(
        "alert_deliveries",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("alert_id", sa.Integer, nullable=False),
        sa.Column("channel", sa.String(200), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lease_until", sa.DateTime(timezone=True)),
        sa.Column("delivered_at", sa.DateTime(timezone=True)),
        sa.Column("last_error", sa.Text),
    )
    op.create_index("ix_alert_deliveries_alert_id", "alert_deliveries", ["alert_id"])
    op.create_index("ix_alert_deliveries_status", "alert_deliveries", ["status"])
    op.create_index("uq_alert_deliveries_alert_channel", "alert_deliveries", ["alert_id", "channel"], unique=True)
    op.create_table(
        "leads",
        sa.Column("doc_id", sa.String(64), primary_key=True),
        sa.Column("kinds", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("date", sa.String(10)),
        sa.Column("buyer", sa.Text),
        sa.Column("evidence", sa.JSON),
        sa.Column("scanned_at", sa.DateTime(timezone=True)),
        sa.Column("version", sa.String(32)),
    )
    op.create_index("ix_leads_date", "leads", ["date"])


def downgrade() -> None:
    op.drop_index("ix_leads_date", table_name="leads")
    op.drop_table("leads")
    for name in ("uq_alert_deliveries_alert_channel", "ix_alert_deliveries_status", "ix_alert_deliveries_alert_id"):
        op.drop_index(name, table_name="alert_deliveries")
    op.drop_table("alert_deliveries")
    op.drop_index("ix_alerts_created_at", table_name="alerts")
    op.drop_index("ix_alerts_case_id", table_name="alerts")
    op.drop_table("alerts")
    op.drop_index("ix_watch_inbox_source", table_name="watch_inbox")
    op.drop_table("watch_inbox")
    op.drop_table("watch_seen")
    op.drop_table("watch_sources")
