"""What the API and the UI ask of the lists: load a list file, remove a list, the kept versions,
and re-screening the stored parties after a change (written once, as :mod:`tendertrace.service`)."""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path, PurePath
from typing import Any

from sqlalchemy.engine import Engine

from . import store
from .model import RescreenReport
from .rescreen import new_since, report_of, rescreen
from .screen import ListFormatError, load_file, load_screener
from .service import InvalidRequest, NotFound
from .store import listversions

# The list file types `lists load` reads (screen.lists.load_file decides by content and suffix).
LIST_TYPES = (".csv", ".json", ".jsonl", ".ndjson")
MAX_NAME_CHARS = 200
UPLOAD_SOURCE = "upload:"  # an uploaded list's source: its file name after this, so a reload replaces it


def load_list(engine: Engine, name: str, data: bytes) -> list[dict[str, Any]]:
    """Load an uploaded list file into the store, replacing what a file of that name loaded
    before; each list it held with its entry count and its list version number."""
    base = PurePath(name or "").name.strip()[:MAX_NAME_CHARS]
    if not base or PurePath(base).suffix.lower() not in LIST_TYPES:
        raise InvalidRequest(f"a list file must be one of {', '.join(LIST_TYPES)} (CSL CSV or JSON, OFAC sdn.csv, "
                             "FtM JSON lines)")
    if not data.strip():
        raise InvalidRequest(f"{base}: the file is empty")
    loaded = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / base
        path.write_bytes(data)
        try:
            lists = list(load_file(path))
        except (ValueError, ListFormatError, UnicodeDecodeError) as exc:
            raise InvalidRequest(f"{base}: {exc}") from exc
    if not any(entries for *_, entries in lists):
        raise InvalidRequest(f"{base}: no list entry in the file")
    for code, _source, version, entries in lists:
        for entry in entries:  # a hit names the file as uploaded, not the temporary copy read
            entry.source = f"{UPLOAD_SOURCE}{base}"
        count = store.replace_list(engine, code, f"{UPLOAD_SOURCE}{base}", version, entries)
        loaded.append({"list": code, "source": f"{UPLOAD_SOURCE}{base}", "version": version, "count": count,
                       "list_version": listversions.latest_version(engine)})
    return loaded


def remove_list(engine: Engine, name: str) -> list[dict[str, Any]]:
    removed = listversions.remove_list(engine, name)
    if not removed:
        raise NotFound(f"no list named {name!r}")
    return [{k: r[k] for k in ("list", "source", "version", "count", "removed_in")} for r in removed]


def lists_overview(engine: Engine, max_age_days: int = listversions.DEFAULT_MAX_AGE.days) -> dict[str, Any]:
    """The loaded lists (each with its version number, hash and age warning), every kept version
    newest first, and the latest re-screenings."""
    from datetime import timedelta

    rows = store.list_summary(engine)
    current = listversions.current_versions(engine)
    stale = {r["key"]: r["age_days"] for r in listversions.stale_lists(rows, timedelta(days=max_age_days))}
    lists = [{**r, "list_version": current[r["key"]]["id"] if r["key"] in current else None,
              "hash": current[r["key"]]["hash"] if r["key"] in current else None, "stale_days": stale.get(r["key"])}
             for r in rows]
    events = [{k: v for k, v in e.items() if k not in ("changes", "scores_before", "findings", "lists")}
              for e in listversions.events(engine)]
    return {"lists": lists, "versions": list(reversed(listversions.versions(engine))), "rescreens": events,
            "max_age_days": max_age_days}


def get_rescreen(engine: Engine, event_id: int) -> RescreenReport:
    event = listversions.get_event(engine, event_id)
    if event is None:
        raise NotFound("no such re-screening")
    return report_of(event)


def pending(engine: Engine) -> bool:
    """Whether the lists changed since the last re-screening (or one was stopped unfinished)."""
    latest = listversions.latest_version(engine)
    if latest is None:
        return False
    if listversions.last_event(engine, finished=False) is not None:
        return True
    done = listversions.last_event(engine, finished=True)
    return done is None or (done["list_version"] or 0) < latest


class Rescreener:
    """Re-screens a store's parties whenever its lists change: after a load through the server, and
    when a `lists load --db` from another process adds a version (checked every ``poll`` seconds).
    One run at a time; a run stopped by a crash is finished on the next start."""

    def __init__(self, engine: Engine, poll: float = 10.0) -> None:
        self.engine, self.poll = engine, poll
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.last_error: str | None = None

    def run_pending(self) -> RescreenReport | None:
        """Re-screen now if the lists changed since the last run; the run's report, else None."""
        with self._lock:
            if not pending(self.engine):
                return None
            import warnings

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # no list: the sample, which the UI names already
                screener = load_screener(self.engine)
            return rescreen(self.engine, screener, listversions.latest_version(self.engine))

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="tendertrace-rescreen", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=30)

    def _loop(self) -> None:
        import logging

        log = logging.getLogger("tendertrace.web")
        while not self._stop.is_set():
            try:
                report = self.run_pending()
                self.last_error = None
                if report is not None:
                    log.info("re-screened against list version %s: %s", report.list_version, report.counts)
            except Exception as exc:  # the database away, a bad list: logged, tried again at the next poll
                self.last_error = store.short_error(exc)
                log.warning("re-screening failed: %s", self.last_error)
            self._wake.wait(self.poll)
            self._wake.clear()


__all__ = ["Rescreener", "get_rescreen", "lists_overview", "load_list", "new_since", "pending", "remove_list"]
