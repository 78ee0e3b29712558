"""The team server: materialised findings, reviews with their audit trail, API tokens, browser
sessions, background upload jobs; documents get a ``flagged`` column.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("flagged", sa.Boolean))
        batch.create_index("ix_documents_flagged", ["flagged"])
    op.create_table(
        "findings",
        sa.Column("case_id", sa.String(32), primary_key=True),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("title", sa.Text),
        sa.Column("buyer", sa.Text),
        sa.Column("suppliers", sa.Text),
        sa.Column("providers", sa.Text, nullable=False),
        sa.Column("routes", sa.Text, nullable=False),
        sa.Column("bands", sa.Text, nullable=False),
        sa.Column("listed", sa.Boolean, nullable=False),
        sa.Column("amount", sa.Float),
        sa.Column("currency", sa.String(8)),
        sa.Column("review_status", sa.String(16), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("built_at", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_findings_score", "findings", ["score"])
    op.create_index("ix_findings_date", "findings", ["date"])
    op.create_index("ix_findings_listed", "findings", ["listed"])
    op.create_index("ix_findings_review_status", "findings", ["review_status"])
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("subject", sa.String(80), nullable=False),
        sa.Column("case_id", sa.String(32)),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("reviewer", sa.String(200), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("detail", sa.JSON),
    )
    op.create_index("ix_reviews_subject", "reviews", ["subject"])
    op.create_index("ix_reviews_case_id", "reviews", ["case_id"])
    op.create_index("ix_reviews_subject_decided", "reviews", ["subject", "decided_at"])
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("prefix", sa.String(16), nullable=False),
        sa.Column("scope", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True)),
        sa.Column("last_used_at", sa.DateTime(timezone=True)),
        sa.UniqueConstraint("token_hash", name="uq_api_tokens_token_hash"),
    )
    op.create_table(
        "ui_sessions",
        sa.Column("id_hash", sa.String(64), primary_key=True),
        sa.Column("token_id", sa.Integer, nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_ui_sessions_token_id", "ui_sessions", ["token_id"])
    op.create_table(
        "jobs",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("submitted_by", sa.String(200)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True)),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True)),
        sa.Column("finished_at", sa.DateTime(timezone=True)),
        sa.Column("inputs", sa.Integer, nullable=False),
        sa.Column("processed", sa.Integer, nullable=False),
        sa.Column("failed", sa.Integer, nullable=False),
        sa.Column("skipped", sa.Integer, nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("documents", sa.JSON),
    )
    op.create_index("ix_jobs_status", "jobs", ["status"])
    op.create_table(
        "job_files",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("job_id", sa.String(32), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_index("ix_job_files_job_id", "job_files", ["job_id"])


def downgrade() -> None:
    for table in ("job_files", "jobs", "ui_sessions", "api_tokens", "reviews", "findings"):
        op.drop_table(table)
    with op.batch_alter_table("documents") as batch:
        batch.drop_index("ix_documents_flagged")
        batch.drop_column("flagged")
