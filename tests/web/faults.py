"""Fault injection for the server tests: a switch that makes every statement on an engine fail as
an unreachable database does, and a pipeline slowed per document."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError


class DatabaseSwitch:
    """While off, every statement through ``engine`` raises OperationalError (connection lost)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.down = threading.Event()
        event.listen(engine, "before_cursor_execute", self._check)

    def _check(self, *_args: Any) -> None:
        if self.down.is_set():
            raise OperationalError("SELECT 1", {}, ConnectionRefusedError("server closed the connection"))

    def off(self) -> None:
        self.down.set()

    def on(self) -> None:
        self.down.clear()

    def remove(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._check)


class SlowProcess:
    """Wraps ``pipeline.process``: counts the documents processed and sleeps ``delay`` each;
    ``on_call(n)`` runs before the n-th document."""

    def __init__(self, real: Callable[..., Any], delay: float, on_call: Callable[[int], None] | None = None) -> None:
        self.real, self.delay, self.on_call = real, delay, on_call
        self.calls: Counter[str] = Counter()
        self._lock = threading.Lock()

    def __call__(self, doc: Any, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            self.calls[doc.id] += 1
            n = sum(self.calls.values())
        if self.on_call is not None:
            self.on_call(n)
        time.sleep(self.delay)
        return self.real(doc, *args, **kwargs)
