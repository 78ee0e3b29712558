"""Run a parser in a child process with a time and memory limit.

pdfminer can loop forever on a crafted file (a 634-byte PDF whose object resolves to itself, found
by ``fuzz/readers.py``) and nothing inside the library bounds it. Only a process can be stopped
from outside whatever it is doing, from any thread (the server's job thread, a Dask worker), so the
PDF reader runs in a one-worker pool from the ``forkserver`` context: forked from a clean
single-threaded server process, cheap to start, safe beside threads. On a timeout the pool is
killed and a new one started for the next document.
"""

from __future__ import annotations

import atexit
import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.pool import Pool
from typing import Any, TypeVar

T = TypeVar("T")

_lock = threading.Lock()
_pools: dict[int, Pool] = {}


class IsolationTimeout(Exception):
    pass


class IsolationUnavailable(Exception):
    """This process may not start children (a daemonic worker): run the parser in process."""


def _limit_memory(megabytes: int) -> None:
    if megabytes > 0:
        import resource

        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _pool(megabytes: int) -> Pool:
    pool = _pools.get(megabytes)
    if pool is None:
        if multiprocessing.current_process().daemon:
            raise IsolationUnavailable("a daemonic process cannot start a parser process")
        ctx = multiprocessing.get_context("forkserver")
        pool = _pools[megabytes] = ctx.Pool(1, initializer=_limit_memory, initargs=(megabytes,), maxtasksperchild=200)
    return pool


@atexit.register
def _shutdown() -> None:
    """Stop the parser processes while the interpreter can still do it cleanly."""
    for pool in _pools.values():
        pool.terminate()
        pool.join()
    _pools.clear()


def run_isolated(func: Callable[..., T], *args: Any, seconds: float, megabytes: int) -> T:
    """``func(*args)`` in the parser process; its exceptions are raised here. Raises
    :class:`IsolationTimeout` after ``seconds`` (the process is killed) and ``MemoryError`` when
    it runs out of its ``megabytes``."""
    with _lock:  # one parse at a time per process: the pool has one worker
        pool = _pool(megabytes)
        pending = pool.apply_async(func, args)
        try:
            return pending.get(timeout=seconds)
        except multiprocessing.TimeoutError:
            pool.terminate()
            pool.join()
            _pools.pop(megabytes, None)
            raise IsolationTimeout(f"gave up after {seconds:g} s") from None
