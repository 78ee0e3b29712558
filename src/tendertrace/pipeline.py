"""The scan: ingest -> extract -> rules and screen -> store, one document at a time.

Each document's results are computed by :func:`process` (pure: a document in, a row out) and
written with the document in one transaction, so a scan can be killed at any point and resumed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import Any

from sqlalchemy.engine import Engine

from . import __version__, store
from .extract import extract
from .extract.output import extraction_record
from .ingest import Limits, iter_documents
from .model import Document, IngestFailure, to_dict
from .rules import classify_extraction

BATCH = 64


def knowledge_fingerprint() -> str:
    """A hash of the knowledge files: changing a rule or a pattern re-processes stored documents."""
    digest = hashlib.sha256()
    root = resources.files("tendertrace.knowledge")
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".csv", ".json")):
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()[:10]


@dataclass
class ScanStats:
    seen: int = 0
    processed: int = 0
    failed: int = 0
    skipped: int = 0
    bytes: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)


def process(doc: Document, screener: Any = None) -> dict[str, Any]:
    """All results for one document, as the JSON stored in ``documents.result``."""
    ex = extract(doc)
    on = ex.published or doc.published or date.today()
    text = doc.match_text or doc.text
    classifications = classify_extraction(ex, text, on)
    hits: list[dict[str, Any]] = []
    if screener is not None:
        for party in ex.parties:
            for hit in screener.screen(party.name):
                hits.append({"role": party.role, "party": party.name,
                             "span": [party.span.start, party.span.end] if party.span else None, **hit.as_dict()})
    return {
        "extraction": extraction_record(doc, ex),
        "classifications": [to_dict(c) for c in classifications],
        "hits": hits,
        "rules_date": on.isoformat(),
        "lists": screener.versions() if screener is not None else [],
    }


def _row(doc: Document, version: str, result: dict[str, Any] | None, reason: str | None = None) -> dict[str, Any]:
    ex = (result or {}).get("extraction") or {}
    return {
        "id": doc.id, "source": doc.source, "source_id": doc.source_id, "file": doc.file, "format": doc.format,
        "title": doc.title, "published": ex.get("published") or (doc.published.isoformat() if doc.published else None),
        "status": "failed" if reason else "processed", "reason": reason, "warnings": doc.warnings,
        "text": doc.text, "encoding": doc.encoding, "result": result, "pipeline_version": version,
        "scanned_at": store.now(),
    }


def _failure_row(f: IngestFailure, version: str) -> dict[str, Any]:
    return {
        "id": f.id, "source": f.source, "source_id": f.source_id, "file": f.file, "format": None, "title": None,
        "published": None, "status": "failed", "reason": f.reason, "warnings": [], "text": None, "encoding": None,
        "result": None, "pipeline_version": version, "scanned_at": store.now(),
    }


def scan(
    paths: Iterable[str],
    engine: Engine,
    *,
    screener: Any = None,
    limits: Limits | None = None,
    progress: Callable[[ScanStats], None] | None = None,
    force: bool = False,
) -> ScanStats:
    """Scan inputs into the store; documents already stored by this pipeline version are skipped."""
    version = pipeline_version(screener)
    stats = ScanStats()
    for batch in _batches(iter_documents(paths, limits), BATCH):
        done = set() if force else store.done_ids(engine, [d.id for d in batch], version)
        rows: list[dict[str, Any]] = []
        seen_in_batch: set[str] = set()
        for item in batch:
            stats.seen += 1
            if item.id in done or item.id in seen_in_batch:
                stats.skipped += 1
                continue
            seen_in_batch.add(item.id)
            if isinstance(item, IngestFailure):
                rows.append(_failure_row(item, version))
                stats.failed += 1
                stats.failures.append((item.source, item.reason))
                continue
            stats.bytes += len(item.text.encode("utf-8"))
            try:
                rows.append(_row(item, version, process(item, screener)))
                stats.processed += 1
            except Exception as exc:  # one document's bug must never stop the batch
                reason = f"processing error: {type(exc).__name__}: {exc}"
                rows.append(_row(item, version, None, reason))
                stats.failed += 1
                stats.failures.append((item.source, reason))
        store.save_documents(engine, rows)
        if progress:
            progress(stats)
    return stats


def pipeline_version(screener: Any = None) -> str:
    lists = screener.fingerprint() if screener is not None else "nolists"
    return f"{__version__}+{knowledge_fingerprint()}+{lists}"[:32]


def _batches(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
