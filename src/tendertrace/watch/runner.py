"""The watch loop: poll every source into the inbox, scan the inbox into the store, rebuild the
findings and leads, record alerts for what is new and deliver them.

Each step reads what the previous one left in the store, so a watcher killed anywhere resumes on
restart: items fetched but not scanned are in the inbox; documents stored but not yet in the
findings are rebuilt; findings not yet alerted are alerted (an alert's unique key makes that once).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from ..ingest import Limits, RawInput, content_id
from ..pipeline import BatchRunner, pipeline_version
from ..screen import Screener
from ..store import dumps, watching
from .alerts import AlertSettings, deliver_due, record_alerts
from .config import SourceConfig
from .http import FetchError, PoliteClient
from .sources import Poller

log = logging.getLogger("tendertrace.watch")

MIN_WAIT = 1.0  # seconds between two cycles at least, whatever the intervals say
INBOX_BATCH = 50  # inbox items scanned per transaction batch, as the scan's own batches


@dataclass
class CycleStats:
    taken: dict[str, int] = field(default_factory=dict)  # per source: items put in the inbox
    errors: dict[str, str] = field(default_factory=dict)  # per source: why it could not be read
    processed: int = 0
    skipped: int = 0
    failed: int = 0
    alerts: int = 0
    delivered: int = 0
    leads: int = 0


def _raw(item: dict[str, Any]) -> RawInput:
    """An inbox item as the scan's raw input: a file's bytes, or a corpus line, with when it was fetched."""
    fetched = item.get("fetched_at")
    fetched_at = fetched.isoformat() if isinstance(fetched, datetime) else None
    if item.get("record") is not None:
        return RawInput("", item["name"], item["name"], lineno=int(item["id"]), line=dumps(item["record"]),
                        fetched_at=fetched_at)
    data = item.get("data") or b""
    return RawInput(content_id(data), item["name"], item["name"], data=data, fetched_at=fetched_at)


@dataclass
class Watcher:
    engine: Engine
    sources: list[SourceConfig]
    screener: Screener | None = None
    alerts: AlertSettings = field(default_factory=AlertSettings)
    limits: Limits = field(default_factory=Limits)
    client: PoliteClient = field(default_factory=PoliteClient)
    lists: frozenset[str] | None = None
    _due: dict[str, float] = field(default_factory=dict, init=False, repr=False)

    def drain(self, stats: CycleStats) -> None:
        """Scan everything in the inbox; an item leaves it only once its documents are stored."""
        runner = BatchRunner(self.screener, pipeline_version(self.screener), self.limits, engine=self.engine)
        while True:
            items = watching.inbox(self.engine, INBOX_BATCH)
            if not items:
                return
            for row in runner.store([_raw(i) for i in items]):
                status = row["status"]
                if status == "processed":
                    stats.processed += 1
                elif status == "skipped":
                    stats.skipped += 1
                else:
                    stats.failed += 1
            watching.done(self.engine, [int(i["id"]) for i in items])

    def cycle(self, default_every: float = 0.0, now: float | None = None) -> CycleStats:
        """One round: poll the sources that are due, scan, rebuild, alert, deliver."""
        from ..findings import refresh_findings
        from ..leads import refresh_leads

        stats = CycleStats()
        moment = time.monotonic() if now is None else now
        for source in self.sources:
            if self._due.get(source.name, 0.0) > moment:
                continue
            self._due[source.name] = moment + (source.every if source.every is not None else default_every)
            self.client.interval = source.interval
            self.client.retries = source.retries
            try:
                stats.taken[source.name] = Poller(source, self.engine, self.client).poll()
            except (FetchError, OSError, ValueError) as exc:
                stats.errors[source.name] = str(exc)
        self.drain(stats)
        built = refresh_findings(self.engine, self.lists)
        stats.leads = refresh_leads(self.engine)
        stats.alerts = record_alerts(self.engine, built, self.alerts)
        stats.delivered = deliver_due(self.engine, self.alerts)
        return stats

    def run(self, every: float, stop: threading.Event, report: Callable[[CycleStats], None] | None = None,
            once: bool = False) -> None:
        """Cycle until ``stop`` is set (or once), waking at the next source due."""
        while not stop.is_set():
            stats = self.cycle(every)
            if report is not None:
                report(stats)
            if once:
                return
            wake = min(self._due.values(), default=time.monotonic() + every)
            stop.wait(max(MIN_WAIT, wake - time.monotonic()))


def example_configs() -> list[Path]:
    """The shipped source configurations, one per shape of ../shared/data/tenders/."""
    return sorted((Path(__file__).with_name("examples")).glob("*.yaml"))
