"""Each document's provenance; every list load kept as a version; re-screening events.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("provenance", sa.JSON))
    op.create_table(
        "list_versions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("list", sa.String(32), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("version", sa.String(64)),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_list_versions_key", "list_versions", ["key"])
    op.create_table(
        "rescreen_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("list_version", sa.Integer),
        sa.Column("previous_version", sa.Integer),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True)),
        sa.Column("parties", sa.Integer, nullable=False),
        sa.Column("documents", sa.Integer, nullable=False),
        sa.Column("lists", sa.JSON, nullable=False),
        sa.Column("counts", sa.JSON, nullable=False),
        sa.Column("changes", sa.JSON, nullable=False),
        sa.Column("scores_before", sa.JSON, nullable=False),
        sa.Column("findings", sa.JSON),
    )
    op.create_index("ix_rescreen_events_list_version", "rescreen_events", ["list_version"])


def downgrade() -> None:
    op.drop_index("ix_rescreen_events_list_version", table_name="rescreen_events")
    op.drop_table("rescreen_events")
    op.drop_index("ix_list_versions_key", table_name="list_versions")
    op.drop_table("list_versions")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("provenance")
