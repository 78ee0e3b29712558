"""The scan: ingest -> extract -> rules and screen -> store, one document at a time.

Each document's results are computed by :func:`process` (pure: a document in, a row out) and
written with the document in one transaction, so a scan can be killed at any point and resumed.
"""

from __future__ import annotations

import hashlib
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from sqlalchemy.engine import Engine

from . import __version__, store
from .extract import extract
from .extract.output import extraction_record
from .ingest import Limits, RawInput, iter_raw, materialize, read_raw
from .model import Document, IngestFailure, to_dict
from .rules import classify_extraction
from .screen.matcher import hit_dict

BATCH = 64


# What decides a document's stored results. Findings, reports, the store and the server read
# those results and can change without re-processing anything.
_FINGERPRINTED = ("ingest", "extract", "rules", "screen", "knowledge", "model.py", "pipeline.py", "__init__.py")


@cache
def code_fingerprint() -> str:
    """A hash of the knowledge files and of the code of the stages whose results are stored: a
    changed rule, pattern or stage re-processes the documents a scan stored before."""
    digest = hashlib.sha256()
    root = resources.files("tendertrace")
    stack = [entry for entry in root.iterdir() if entry.name in _FINGERPRINTED]
    stack.sort(key=lambda e: e.name, reverse=True)
    while stack:
        entry = stack.pop()
        if entry.is_dir():
            if entry.name != "__pycache__":
                stack.extend(sorted(entry.iterdir(), key=lambda e: e.name, reverse=True))
        elif entry.name.endswith((".py", ".yaml", ".csv", ".json")):
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
    on = ex.published or doc.published  # None: rules classify on the earliest and latest plausible dates
    text = doc.match_text or doc.text
    classifications = classify_extraction(ex, text, on)
    hits: list[dict[str, Any]] = []
    if screener is not None:
        for party in ex.parties:
            for hit in screener.screen(party.name):
                hits.append({"role": party.role, "party": party.name,
                             "span": [party.span.start, party.span.end] if party.span else None, **hit_dict(hit)})
    return {
        "extraction": extraction_record(doc, ex),
        "classifications": [to_dict(c) for c in classifications],
        "hits": hits,
        "rules_date": on.isoformat() if on else None,
        "lists": screener.versions() if screener is not None else [],
    }


def _row(doc: Document, version: str, result: dict[str, Any] | None, reason: str | None = None) -> dict[str, Any]:
    ex = (result or {}).get("extraction") or {}
    return {
        "id": doc.id, "source": doc.source, "source_id": doc.source_id, "file": doc.file, "format": doc.format,
        "title": doc.title, "published": ex.get("published") or (doc.published.isoformat() if doc.published else None),
        "status": "failed" if reason else "processed", "reason": reason, "warnings": doc.warnings,
        "text": doc.text, "encoding": doc.encoding, "result": result, "pipeline_version": version,
        "scanned_at": store.now(), "flagged": bool(result and (result["hits"] or result["classifications"])),
    }


def _failure_row(f: IngestFailure, version: str) -> dict[str, Any]:
    return {
        "id": f.id, "source": f.source, "source_id": f.source_id, "file": f.file, "format": None, "title": None,
        "published": None, "status": "failed", "reason": f.reason, "warnings": [], "text": None, "encoding": None,
        "result": None, "pipeline_version": version, "scanned_at": store.now(), "flagged": False,
    }


_WORKER_SCREENER: Any = None


def _init_worker(screener: Any) -> None:
    global _WORKER_SCREENER
    _WORKER_SCREENER = screener


_WORKER_ENGINES: dict[str, Engine] = {}


def process_and_store(
    raws: list[RawInput | IngestFailure], screener: Any, version: str, limits: Limits | None, db_url: str,
    force: bool = False,
) -> list[dict[str, Any]]:
    """A worker's whole job for a batch: parse, skip what is stored, process, write. It returns only
    a summary -- shipping every document's text back to one writer would cap the speed-up."""
    engine = _WORKER_ENGINES.get(db_url)
    if engine is None:
        engine = _WORKER_ENGINES[db_url] = store.connect(db_url, migrate=False)
    return store_batch(raws, screener if screener is not None else _WORKER_SCREENER, version, limits, engine, force)


def store_batch(
    raws: list[RawInput | IngestFailure], screener: Any, version: str, limits: Limits | None, engine: Engine,
    force: bool = False,
) -> list[dict[str, Any]]:
    """Parse a batch of raw inputs, skip those this version already stored, process and store the rest.

    Each stored document is written with all its results in one transaction.
    """
    items = [materialize(raw) if isinstance(raw, RawInput) else raw for raw in raws]
    done = set() if force else store.done_ids(engine, [i.id for i in items], version)
    summary: list[dict[str, Any]] = []
    rows: dict[str, dict[str, Any]] = {}
    for item in items:
        if item.id in done or item.id in rows:
            summary.append({"id": item.id, "status": "skipped", "source": item.source})
            continue
        if isinstance(item, IngestFailure):
            rows[item.id] = _failure_row(item, version)
            continue
        for row in process_batch([item], screener, version, limits):
            rows.setdefault(row["id"], row)
    store.save_documents(engine, list(rows.values()))
    summary.extend({"id": r["id"], "status": r["status"], "reason": r["reason"], "source": r["source"],
                    "size": len((r["text"] or "").encode("utf-8"))} for r in rows.values())
    return summary


def process_batch(
    raws: list[RawInput], screener: Any = None, version: str = "", limits: Limits | None = None
) -> list[dict[str, Any]]:
    """Rows for a batch of raw inputs: parse, extract, classify, screen."""
    screener = screener if screener is not None else _WORKER_SCREENER
    rows = []
    for raw in raws:
        for item in read_raw(raw, limits):
            if isinstance(item, IngestFailure):
                rows.append(_failure_row(item, version))
                continue
            try:
                rows.append(_row(item, version, process(item, screener)))
            except Exception as exc:  # one document's bug must never stop the batch
                rows.append(_row(item, version, None, f"processing error: {type(exc).__name__}: {exc}"))
    return rows


def scan(
    paths: Iterable[str],
    engine: Engine,
    *,
    screener: Any = None,
    limits: Limits | None = None,
    progress: Callable[[ScanStats], None] | None = None,
    force: bool = False,
    workers: int = 1,
    dask: str | None = None,
) -> ScanStats:
    """Scan inputs into the store; documents already stored by this pipeline version are skipped.

    This process only lists the inputs (a corpus line is not even parsed here); parsing, the skip
    check and every later stage run here, in ``workers`` local processes, or on the Dask cluster at
    ``dask`` (``tcp://host:port``), and workers write their batches to the store themselves, each
    document in one transaction. At most two batches per worker are in flight, so memory stays
    bounded whatever the corpus size. A Dask cluster on other machines needs a store they can all
    reach: PostgreSQL, or SQLite on a shared path.
    """
    limits = limits or Limits()
    version = pipeline_version(screener)
    stats = ScanStats()
    executor, client, remote_screener = _executor(workers, dask, screener)
    window = max(2, 2 * (workers if not dask else _dask_workers(client)))
    pending: deque[Any] = deque()
    url = engine.url.render_as_string(hide_password=False)

    def drain(limit: int) -> None:
        while len(pending) > limit:
            item = pending.popleft()
            for row in item.result() if hasattr(item, "result") else item:
                stats.seen += 1
                if row["status"] == "skipped":
                    stats.skipped += 1
                elif row["status"] == "processed":
                    stats.processed += 1
                    stats.bytes += row["size"]
                else:
                    stats.failed += 1
                    stats.failures.append((row["source"], row["reason"]))
            if progress:
                progress(stats)

    try:
        lazy = executor is not None
        for batch in _batches(iter_raw(paths, limits, lazy=lazy), BATCH):
            if executor is None:
                pending.append(store_batch(batch, screener, version, limits, engine, force))
            else:
                shipped = remote_screener if dask else None
                pending.append(executor.submit(process_and_store, batch, shipped, version, limits, url, force))
            drain(window)
        drain(0)
    finally:
        if executor is not None and client is None:
            executor.shutdown(wait=True, cancel_futures=True)
        if client is not None:
            client.close()
    return stats


def _executor(workers: int, dask: str | None, screener: Any) -> tuple[Any, Any, Any]:
    if dask:
        try:
            from distributed import Client
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise RuntimeError("--dask needs the 'dask' extra: pip install 'tendertrace[dask]'") from exc
        client = Client(dask)
        remote = client.scatter(screener, broadcast=True) if screener is not None else None
        return client.get_executor(), client, remote
    if workers > 1:
        ctx = multiprocessing.get_context("spawn")  # no inherited locks or open SQLite handles
        return ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(screener,)), None, None
    return None, None, None


def _dask_workers(client: Any) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def pipeline_version(screener: Any = None) -> str:
    lists = screener.fingerprint() if screener is not None else "nolists"
    return f"{__version__}+{code_fingerprint()}+{lists}"[:32]


def _batches(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
