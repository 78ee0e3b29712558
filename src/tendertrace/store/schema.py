"""The store's tables as SQLAlchemy models. Alembic migrations (``store/migrations``) build them.

Every change here needs a migration: ``tests/store/test_migrations.py`` fails when the models and
the migrated schema differ, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Float, Index, Integer, LargeBinary, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class DocumentRecord(Base):
    """One input document with all its per-stage results, written in one transaction."""

    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    source_id: Mapped[str | None] = mapped_column(String(200), index=True)
    file: Mapped[str | None] = mapped_column(Text)
    format: Mapped[str | None] = mapped_column(String(16))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(16), index=True)  # processed | failed
    reason: Mapped[str | None] = mapped_column(Text)  # why it failed
    warnings: Mapped[Any] = mapped_column(JSON, nullable=True)
    text: Mapped[str | None] = mapped_column(Text)
    encoding: Mapped[str | None] = mapped_column(String(32))
    result: Mapped[Any] = mapped_column(JSON, nullable=True)  # model.DocumentResult.to_dict (pipeline.process)
    pipeline_version: Mapped[str | None] = mapped_column(String(32))
    scanned_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # True when the results hold a listed party or a classified item, so building findings reads
    # only these documents; NULL on rows stored before the column existed (read as "maybe").
    flagged: Mapped[bool | None] = mapped_column(Boolean, index=True)
    # model.Provenance.to_dict: the URL, record id, OCDS ids, file or upload name; NULL on rows
    # stored before the column existed (their findings show the source path alone).
    provenance: Mapped[Any] = mapped_column(JSON, nullable=True)


class ListSource(Base):
    """One screening list from one source file or download, with its version."""

    __tablename__ = "list_sources"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)  # e.g. "EL|bis_entity_list.json"
    list: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(Text)
    version: Mapped[str | None] = mapped_column(String(64))
    count: Mapped[int | None] = mapped_column(Integer)
    loaded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ListVersion(Base):
    """Every load, update or removal of a list, kept: the version number ``id`` counts them all."""

    __tablename__ = "list_versions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(200), index=True)  # list_sources.key
    list: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(Text)
    version: Mapped[str | None] = mapped_column(String(64))  # what the list file says of itself
    count: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))  # SHA-256 of the entries as stored
    action: Mapped[str] = mapped_column(String(16))  # load | update | remove
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class RescreenEvent(Base):
    """One re-screening of the stored parties against the lists as of ``list_version``."""

    __tablename__ = "rescreen_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    list_version: Mapped[int | None] = mapped_column(Integer, index=True)  # the newest list_versions.id screened against
    previous_version: Mapped[int | None] = mapped_column(Integer)  # the one the previous event screened against
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # NULL until the findings are rebuilt and compared: a re-screening stopped between the hits'
    # write and that comparison is finished from ``scores_before`` on the next run.
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    parties: Mapped[int] = mapped_column(Integer)
    documents: Mapped[int] = mapped_column(Integer)
    lists: Mapped[Any] = mapped_column(JSON)  # the lists screened against: list, source, version, count
    counts: Mapped[Any] = mapped_column(JSON)  # {"new": n, "changed": n, "cleared": n, "findings": n}
    changes: Mapped[Any] = mapped_column(JSON)  # rescreen.HitChange.to_dict, each
    scores_before: Mapped[Any] = mapped_column(JSON)  # {case_id: score} of the findings before
    findings: Mapped[Any] = mapped_column(JSON, nullable=True)  # rescreen.ScoreChange.to_dict, each


class ListEntryRecord(Base):
    __tablename__ = "list_entries"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    source_key: Mapped[str] = mapped_column(String(200), index=True)
    list: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text)
    aliases: Mapped[Any] = mapped_column(JSON, nullable=True)
    country: Mapped[str | None] = mapped_column(Text)
    address: Mapped[str | None] = mapped_column(Text)
    federal_register: Mapped[str | None] = mapped_column(Text)
    license_requirement: Mapped[str | None] = mapped_column(Text)
    license_policy: Mapped[str | None] = mapped_column(Text)
    programs: Mapped[Any] = mapped_column(JSON, nullable=True)
    source: Mapped[str | None] = mapped_column(Text)
    version: Mapped[str | None] = mapped_column(String(64))
    listed_on: Mapped[str | None] = mapped_column(String(10))  # ISO date the entry was added, when the list says


class OwnershipLinkRecord(Base):
    """One holding of ownership data: ``parent`` holds ``share`` percent of ``child`` (ownership.readers)."""

    __tablename__ = "ownership_links"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source_key: Mapped[str] = mapped_column(Text, index=True)  # the file loaded: a reload replaces its rows
    parent: Mapped[str] = mapped_column(Text)
    child: Mapped[str] = mapped_column(Text)
    share: Mapped[float | None] = mapped_column(Float)
    source: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))  # ownership | consolidation
    parent_aliases: Mapped[Any] = mapped_column(JSON, nullable=True)
    child_aliases: Mapped[Any] = mapped_column(JSON, nullable=True)
    parent_id: Mapped[str | None] = mapped_column(Text)
    child_id: Mapped[str | None] = mapped_column(Text)
    loaded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class FindingRecord(Base):
    """A finding (one case) as last built from the documents and the reviews.

    The list-valued facts are kept as ``|a|b|`` text too, so that the filters are one portable
    ``LIKE`` with a bound parameter on SQLite and PostgreSQL alike.
    """

    __tablename__ = "findings"
    case_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    score: Mapped[float] = mapped_column(Float, index=True)
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    buyer: Mapped[str | None] = mapped_column(Text)
    suppliers: Mapped[str | None] = mapped_column(Text)
    providers: Mapped[str] = mapped_column(Text, default="|")
    routes: Mapped[str] = mapped_column(Text, default="|")
    bands: Mapped[str] = mapped_column(Text, default="|")
    listed: Mapped[bool] = mapped_column(Boolean, index=True)
    amount: Mapped[float | None] = mapped_column(Float)
    currency: Mapped[str | None] = mapped_column(String(8))
    review_status: Mapped[str] = mapped_column(String(16), index=True)  # unreviewed|confirmed|dismissed|suppressed
    data: Mapped[Any] = mapped_column(JSON)  # model.Finding.to_dict, without review_status (its column)
    built_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Review(Base):
    """An analyst's decision on a finding (``case:ID``) or on one listed-party hit (``hit:KEY``).

    Rows are only ever added: the latest decision on a subject counts, the rest is the audit trail.
    """

    __tablename__ = "reviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    subject: Mapped[str] = mapped_column(String(80), index=True)
    case_id: Mapped[str | None] = mapped_column(String(32), index=True)
    decision: Mapped[str] = mapped_column(String(16))  # confirmed | dismissed
    reason: Mapped[str] = mapped_column(Text)
    reviewer: Mapped[str] = mapped_column(String(200))
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    detail: Mapped[Any] = mapped_column(JSON, nullable=True)  # what was decided on: party, entry, list


class ApiToken(Base):
    """An API token: only its SHA-256 is stored; the token itself is shown once, at creation."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    scope: Mapped[str] = mapped_column(String(16))  # read | write
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class UiSession(Base):
    """A signed-in browser: the cookie carries a random id, the store keeps its SHA-256."""

    __tablename__ = "ui_sessions"
    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    token_id: Mapped[int] = mapped_column(Integer, index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Job(Base):
    """An upload scanned in the background; its files live in ``job_files`` until it is done."""

    __tablename__ = "jobs"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), index=True)  # queued | running | done | failed
    submitted_by: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The lease: renewed by the worker holding the job; past its length another worker may take the job.
    heartbeat_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    worker: Mapped[str | None] = mapped_column(String(64))  # who holds the lease (jobqueue.new_worker_id)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    inputs: Mapped[int] = mapped_column(Integer, default=0)
    processed: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    documents: Mapped[Any] = mapped_column(JSON, nullable=True)  # [{id, status, reason}]


class JobFile(Base):
    __tablename__ = "job_files"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    job_id: Mapped[str] = mapped_column(String(32), index=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(8))  # file | record
    data: Mapped[bytes] = mapped_column(LargeBinary)


Index("ix_reviews_subject_decided", Review.subject, Review.decided_at)

metadata = Base.metadata
