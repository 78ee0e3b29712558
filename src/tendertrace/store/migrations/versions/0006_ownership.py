"""Ownership data (``ownership_links``) for the Affiliates rule, and each list entry's listing date.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("list_entries") as batch:
        batch.add_column(sa.Column("listed_on", sa.String(10)))
    op.create_table(
        "ownership_links",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source_key", sa.Text, nullable=False),
        sa.Column("parent", sa.Text, nullable=False),
        sa.Column("child", sa.Text, nullable=False),
        sa.Column("share", sa.Float),
        sa.Column("source", sa.Text),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("parent_aliases", sa.JSON),
        sa.Column("child_aliases", sa.JSON),
        sa.Column("parent_id", sa.Text),
        sa.Column("child_id", sa.Text),
        sa.Column("loaded_at", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_ownership_links_source_key", "ownership_links", ["source_key"])


def downgrade() -> None:
    op.drop_index("ix_ownership_links_source_key", table_name="ownership_links")
    op.drop_table("ownership_links")
    with op.batch_alter_table("list_entries") as batch:
        batch.drop_column("listed_on")
