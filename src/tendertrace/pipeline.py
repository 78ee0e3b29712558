"""The scan: ingest -> extract -> rules and screen -> store, one document at a time.

Each document's results are computed by :func:`process` (pure: a document in, a
:class:`~tendertrace.model.DocumentResult` out) and written with the document in one transaction
by a :class:`BatchRunner`, the one batch runner of the scan, of its workers and of the server's
upload jobs; so a scan can be killed at any point and resumed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from . import __version__, store
from .extract import extract
from .ingest import Limits, RawInput, iter_raw, materialize, read_raw
from .knowledge import knowledge_dir
from .model import Document, DocumentResult, Extraction, IngestFailure, ListedHit
from .rules import MAX_ITEM_MENTIONS, classify_extraction, item_mentions
from .screen.matcher import Screener

BATCH = 64


# What decides a document's stored results. Findings, reports, the store and the server read
# those results and can change without re-processing anything.
_FINGERPRINTED = ("text", "ingest", "extract", "rules", "screen", "knowledge", "model.py", "pipeline.py", "__init__.py")


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
    edited = knowledge_dir()  # an edited copy read instead of the package's files counts as they do
    if edited != Path(str(root.joinpath("knowledge"))).resolve():
        for path in sorted(edited.glob("*")):
            if path.suffix in (".yaml", ".csv"):
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


@dataclass
class ScanStats:
    seen: int = 0
    processed: int = 0
    failed: int = 0
    skipped: int = 0
    bytes: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)


def process(doc: Document, screener: Screener | None = None) -> DocumentResult:
    """All results for one document: what ``documents.result`` stores (as ``to_dict``). A page
    naming more chips, models and providers than the rules read (``MAX_ITEM_MENTIONS``) gets a note
    in ``doc.warnings``, stored with it."""
    ex = extract(doc)
    on = ex.published or doc.published  # None: rules classify on the earliest and latest plausible dates
    text = doc.match_text or doc.text
    hits = screen_parties(ex, screener, on) if screener is not None else []
    classifications = classify_extraction(ex, text, on, nexus=nexus_of(hits))
    named = item_mentions(ex)
    if named > MAX_ITEM_MENTIONS:
        note = f"items read from the first {MAX_ITEM_MENTIONS:,} of {named:,} chip, model and provider mentions"
        if note not in doc.warnings:
            doc.warnings.append(note)
    return DocumentResult(extraction=ex, classifications=classifications, hits=hits, rules_date=on,
                          lists=screener.versions() if screener is not None else [])


def nexus_of(hits: list[ListedHit]) -> str | None:
    """A listed party ties the document to the lists' concern whatever its text says of China."""
    return f"listed party: {hits[0].party}" if hits else None


def screen_parties(ex: Extraction, screener: Screener, on: date | None) -> list[ListedHit]:
    """Every party of an extraction screened against the lists (``process``, and ``rescreen``
    without reading the document again): its hits with the party's role and span."""
    hits: list[ListedHit] = []
    ownership = screener.ownership
    for party in ex.parties:
        found = [ListedHit.from_hit(hit, party.role, party.span) for hit in screener.screen(party.name)]
        if not found and ownership is not None and not party.masked:
            # Not listed itself: owned 50 % or more by listed parties (the Affiliates rule)?
            found = [dataclasses.replace(h, start=party.span.start if party.span else None,
                                         end=party.span.end if party.span else None)
                     for h in ownership.screen(party.name, on, party.role)]
        hits.extend(found)
    return hits


def _row(doc: Document, version: str, result: DocumentResult | None, reason: str | None = None) -> dict[str, Any]:
    published = result.extraction.published if result else None
    published = published or doc.published
    return {
        "id": doc.id, "source": doc.source, "source_id": doc.source_id, "file": doc.file, "format": doc.format,
        "title": doc.title, "published": published.isoformat() if published else None,
        "status": "failed" if reason else "processed", "reason": reason, "warnings": doc.warnings,
        "text": doc.text, "encoding": doc.encoding, "result": result.to_dict() if result else None,
        "pipeline_version": version, "scanned_at": store.now(), "flagged": bool(result and result.flagged),
        "provenance": None if doc.provenance.empty() else doc.provenance.to_dict(),
    }


def _failure_row(f: IngestFailure, version: str) -> dict[str, Any]:
    return {
        "id": f.id, "source": f.source, "source_id": f.source_id, "file": f.file, "format": None, "title": None,
        "published": None, "status": "failed", "reason": f.reason, "warnings": [], "text": None, "encoding": None,
        "result": None, "pipeline_version": version, "scanned_at": store.now(), "flagged": False,
        "provenance": {"path": f.file} if f.file else None,
    }


@cache
def _worker_engine(db_url: str) -> Engine:
    """One engine per store and process: a worker writes every batch it gets through it."""
    return store.connect(db_url, migrate=False)


@dataclass
class BatchRunner:
    """What processing and storing a batch needs: the one piece of state a worker keeps.

    The scan builds one; local worker processes receive it once, at start, and Dask workers with
    every batch (its screener scattered to them beforehand). ``engine`` is the scanning process's
    own; a worker opens one for ``db_url`` instead.
    """

    screener: Screener | None
    version: str
    limits: Limits | None = None
    db_url: str = ""
    force: bool = False
    engine: Engine | None = field(default=None, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "engine": None}  # an engine holds connections: never shipped

    def store(self, raws: list[RawInput | IngestFailure]) -> list[dict[str, Any]]:
        """Parse a batch of raw inputs, skip those this version already stored, process and store
        the rest, each document with all its results in one transaction. It returns only a summary:
        shipping every document's text back to one writer would cap the speed-up of workers."""
        engine = self.engine if self.engine is not None else _worker_engine(self.db_url)
        items = [materialize(raw) if isinstance(raw, RawInput) else raw for raw in raws]
        done = set() if self.force else store.done_ids(engine, [i.id for i in items], self.version)
        summary: list[dict[str, Any]] = []
        rows: dict[str, dict[str, Any]] = {}
        for item in items:
            if item.id in done or item.id in rows:
                summary.append({"id": item.id, "status": "skipped", "source": item.source})
                continue
            if isinstance(item, IngestFailure):
                rows[item.id] = _failure_row(item, self.version)
                continue
            for row in self.rows(item):
                rows.setdefault(row["id"], row)
        store.save_documents(engine, list(rows.values()))
        summary.extend({"id": r["id"], "status": r["status"], "reason": r["reason"], "source": r["source"],
                        "size": len((r["text"] or "").encode("utf-8"))} for r in rows.values())
        return summary

    def rows(self, raw: RawInput) -> Iterator[dict[str, Any]]:
        """The document rows of one raw input (a file may hold several documents): parse,
        extract, classify, screen. One document's error never stops the batch."""
        for item in read_raw(raw, self.limits):
            if isinstance(item, IngestFailure):
                yield _failure_row(item, self.version)
                continue
            try:
                yield _row(item, self.version, process(item, self.screener))
            except Exception as exc:  # one document's bug must never stop the batch
                yield _row(item, self.version, None, f"processing error: {type(exc).__name__}: {exc}")


_PROCESS_RUNNER: BatchRunner | None = None  # a local worker process's runner, set once at its start


def _start_worker(runner: BatchRunner) -> None:
    global _PROCESS_RUNNER
    _PROCESS_RUNNER = runner


def _store_in_worker(raws: list[RawInput | IngestFailure]) -> list[dict[str, Any]]:
    if _PROCESS_RUNNER is None:  # pragma: no cover - the pool always starts its workers with one
        raise RuntimeError("worker process started without its batch runner")
    return _PROCESS_RUNNER.store(raws)


def _store_on_dask(raws: list[RawInput | IngestFailure], runner: BatchRunner, screener: Screener | None) -> list[dict[str, Any]]:
    """A Dask task: the runner arrives without its screener, which Dask resolves from the copy
    scattered to every worker once."""
    return dataclasses.replace(runner, screener=screener).store(raws)


def scan(
    paths: Iterable[str],
    engine: Engine,
    *,
    screener: Screener | None = None,
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
    stats = ScanStats()
    url = engine.url.render_as_string(hide_password=False)
    runner = BatchRunner(screener, pipeline_version(screener), limits, url, force)
    executor, client, remote_screener = _executor(workers, dask, runner)
    window = max(2, 2 * (workers if not dask else _dask_workers(client)))
    pending: deque[Any] = deque()
    local = dataclasses.replace(runner, engine=engine)
    shipped = dataclasses.replace(runner, screener=None)

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
                pending.append(local.store(batch))
            elif client is not None:
                pending.append(executor.submit(_store_on_dask, batch, shipped, remote_screener))
            else:
                pending.append(executor.submit(_store_in_worker, batch))
            drain(window)
        drain(0)
    finally:
        if executor is not None and client is None:
            executor.shutdown(wait=True, cancel_futures=True)
        if client is not None:
            client.close()
    return stats


def _executor(workers: int, dask: str | None, runner: BatchRunner) -> tuple[Any, Any, Any]:
    if dask:
        try:
            from distributed import Client
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise RuntimeError("--dask needs the 'dask' extra: pip install 'tendertrace[dask]'") from exc
        client = Client(dask)
        remote = client.scatter(runner.screener, broadcast=True) if runner.screener is not None else None
        return client.get_executor(), client, remote
    if workers > 1:
        ctx = multiprocessing.get_context("spawn")  # no inherited locks or open SQLite handles
        return ProcessPoolExecutor(workers, mp_context=ctx, initializer=_start_worker, initargs=(runner,)), None, None
    return None, None, None


def _dask_workers(client: Any) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def pipeline_version(screener: Screener | None = None) -> str:
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
