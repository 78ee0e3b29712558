"""List entries: the sanctions programmes of an entry (OFAC's SDGT, SDNTK ...), kept apart from
its licence requirement.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


OLD_PREFIX = "OFAC program "  # how entries loaded from sdn.csv before this revision wrote their programmes


def upgrade() -> None:
    with op.batch_alter_table("list_entries") as batch:
        batch.add_column(sa.Column("programs", sa.JSON, nullable=True))
    entries = sa.table("list_entries", sa.column("id", sa.String), sa.column("license_requirement", sa.Text),
                       sa.column("programs", sa.JSON))
    conn = op.get_bind()
    rows = conn.execute(sa.select(entries.c.id, entries.c.license_requirement)
                        .where(entries.c.license_requirement.like(OLD_PREFIX + "%"))).all()
    for entry_id, text in rows:  # "OFAC program SDNTK] [FTO] [SDGT" -> ["SDNTK", "FTO", "SDGT"]
        codes = [c.strip() for c in re.split(r"[\[\];,]+", text[len(OLD_PREFIX):]) if c.strip()]
        conn.execute(entries.update().where(entries.c.id == entry_id)
                     .values(programs=codes, license_requirement=None))


def downgrade() -> None:
    with op.batch_alter_table("list_entries") as batch:
        batch.drop_column("programs")
