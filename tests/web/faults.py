"""Fault injection for the server tests: a switch that makes every statement on an engine fail as
an unreachable database does, a TCP relay to a real database server that can be cut, and a
pipeline slowed per document."""

from __future__ import annotations

import contextlib
import socket
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


class TcpCut:
    """A loopback TCP relay to a database server that can be cut (every connection dropped, new ones
    refused) and restored on the same port: the database going away, as a client sees it."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self._conns: list[socket.socket] = []
        self._lock = threading.Lock()
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self._listener: socket.socket | None = None
        self.restore()

    def restore(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # cut
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._conns += [client, upstream]
            for src, dst in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(src, dst), daemon=True).start()

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        with self._lock:
            conns, self._conns = self._conns, []
        for s in conns:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()

    def close(self) -> None:
        self.cut()
