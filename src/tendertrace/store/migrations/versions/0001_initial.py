"""The first store: documents and screening lists (the schema tendertrace 0.1 created directly).

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("source_id", sa.String(200)),
        sa.Column("file", sa.Text),
        sa.Column("format", sa.String(16)),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("warnings", sa.JSON),
        sa.Column("text", sa.Text),
        sa.Column("encoding", sa.String(32)),
        sa.Column("result", sa.JSON),
        sa.Column("pipeline_version", sa.String(32)),
        sa.Column("scanned_at", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_documents_source_id", "documents", ["source_id"])
    op.create_index("ix_documents_status", "documents", ["status"])
    op.create_table(
        "list_sources",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("list", sa.String(32), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("version", sa.String(64)),
        sa.Column("count", sa.Integer),
        sa.Column("loaded_at", sa.DateTime(timezone=True)),
    )
    op.create_table(
        "list_entries",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("source_key", sa.String(200), nullable=False),
        sa.Column("list", sa.String(32), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("aliases", sa.JSON),
        sa.Column("country", sa.Text),
        sa.Column("address", sa.Text),
        sa.Column("federal_register", sa.Text),
        sa.Column("license_requirement", sa.Text),
        sa.Column("license_policy", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("version", sa.String(64)),
    )
    op.create_index("ix_list_entries_source_key", "list_entries", ["source_key"])


def downgrade() -> None:
    op.drop_table("list_entries")
    op.drop_table("list_sources")
    op.drop_table("documents")
