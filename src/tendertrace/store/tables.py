"""The store's tables, as SQLAlchemy Core tables of the mapped classes in ``store.schema``."""

from __future__ import annotations

from sqlalchemy import Table

from .schema import (
    ApiToken,
    Base,
    DocumentRecord,
    FindingRecord,
    Job,
    JobFile,
    ListEntryRecord,
    ListSource,
    OwnershipLinkRecord,
    Review,
    UiSession,
)


def _table(model: type[Base]) -> Table:
    """A mapped class's table (the ORM types ``__table__`` as any FromClause; it is a Table here)."""
    table = model.__table__
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not mapped to one table")
    return table


documents = _table(DocumentRecord)
list_sources = _table(ListSource)
list_entries = _table(ListEntryRecord)
findings = _table(FindingRecord)
reviews = _table(Review)
api_tokens = _table(ApiToken)
ui_sessions = _table(UiSession)
jobs = _table(Job)
job_files = _table(JobFile)
ownership_links = _table(OwnershipLinkRecord)
