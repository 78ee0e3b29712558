"""The store: documents with their per-stage results, screening lists, reviews.

SQLAlchemy Core over SQLite by default (``sqlite:///tendertrace.db``) or PostgreSQL for a team.
A document's row is written in one transaction with all its results, so a scan killed at any
moment leaves each document either fully stored or absent -- resuming redoes only what is absent.

The package is split along its concerns and this module is its public face: ``tables`` (the
tables), ``engine`` (connect, migrations, errors told in one line), ``document_rows``,
``finding_rows``, ``review_rows``, ``list_rows`` and ``ownership_rows``; ``tokens`` and
``jobqueue`` are the server's.
"""

from __future__ import annotations

# alerts, leads and watching: tables of their own modules, imported so that ``metadata`` (and so
# the migrations' check) holds them.
from . import alerts as alerts
from . import leads as leads
from . import watching as watching
from .document_rows import (
    RACE_RETRIES as RACE_RETRIES,
)
from .document_rows import (
    done_ids as done_ids,
)
from .document_rows import (
    get_document as get_document,
)
from .document_rows import (
    iter_documents as iter_documents,
)
from .document_rows import (
    recent_documents as recent_documents,
)
from .document_rows import (
    save_documents as save_documents,
)
from .document_rows import (
    status_counts as status_counts,
)
from .engine import (
    MAX_ERROR_CHARS as MAX_ERROR_CHARS,
)
from .engine import (
    MIGRATIONS as MIGRATIONS,
)
from .engine import (
    connect as connect,
)
from .engine import (
    downgrade as downgrade,
)
from .engine import (
    dumps as dumps,
)
from .engine import (
    head_revision as head_revision,
)
from .engine import (
    log as log,
)
from .engine import (
    now as now,
)
from .engine import (
    schema_revision as schema_revision,
)
from .engine import (
    short_error as short_error,
)
from .engine import (
    unavailable as unavailable,
)
from .engine import (
    upgrade as upgrade,
)
from .finding_rows import (
    FINDING_SORTS as FINDING_SORTS,
)
from .finding_rows import (
    FINDINGS_LOCK as FINDINGS_LOCK,
)
from .finding_rows import (
    LIST_COLUMNS as LIST_COLUMNS,
)
from .finding_rows import (
    finding_facets as finding_facets,
)
from .finding_rows import (
    get_finding as get_finding,
)
from .finding_rows import (
    query_findings as query_findings,
)
from .finding_rows import (
    replace_findings as replace_findings,
)
from .finding_rows import (
    set_review_status as set_review_status,
)
from .list_rows import (
    list_summary as list_summary,
)
from .list_rows import (
    load_entries as load_entries,
)
from .list_rows import (
    replace_list as replace_list,
)
from .ownership_rows import (
    load_ownership as load_ownership,
)
from .ownership_rows import (
    ownership_summary as ownership_summary,
)
from .ownership_rows import (
    replace_ownership as replace_ownership,
)
from .review_rows import (
    add_review as add_review,
)
from .review_rows import (
    latest_decisions as latest_decisions,
)
from .review_rows import (
    review_trail as review_trail,
)
from .schema import metadata as metadata
from .tables import (
    api_tokens as api_tokens,
)
from .tables import (
    documents as documents,
)
from .tables import (
    findings as findings,
)
from .tables import (
    job_files as job_files,
)
from .tables import (
    jobs as jobs,
)
from .tables import (
    list_entries as list_entries,
)
from .tables import (
    list_sources as list_sources,
)
from .tables import (
    ownership_links as ownership_links,
)
from .tables import (
    reviews as reviews,
)
from .tables import (
    ui_sessions as ui_sessions,
)
