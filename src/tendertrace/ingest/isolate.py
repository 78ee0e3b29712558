"""Run a parser in a child process with a time and memory limit.

pdfminer can loop forever on a crafted file (a 634-byte PDF whose object resolves to itself, found
by ``fuzz/readers.py``) and nothing inside the library bounds it. Only a process can be stopped
from outside whatever it is doing, from any thread (the server's job thread, a Dask worker), so the
PDF reader runs in a one-worker pool from the ``forkserver`` context: forked from a clean
single-threaded server process, cheap to start, safe beside threads. On a timeout the pool is
killed and a new one started for the next document.

A daemonic process (a Dask worker) may not start multiprocessing children; there each call runs
``python -m tendertrace.ingest.isolate`` as a plain subprocess instead -- slower to start (an
interpreter per document), bounded the same way.

In process (``Limits(isolate_pdf=False)``, as the fuzzing harness runs it so that the fuzzer sees
pdfminer's coverage) the parser is bounded by CPU time instead: a virtual-time timer
(``SIGVTALRM``) raises :class:`IsolationTimeout` in the main thread. A hang of this kind is a loop
that burns CPU, and the virtual timer leaves ``SIGALRM`` to libFuzzer's own ``-timeout``.
"""

from __future__ import annotations

import atexit
import importlib
import multiprocessing
import pickle
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from multiprocessing.pool import Pool
from typing import Any, TypeVar

T = TypeVar("T")

_lock = threading.Lock()
_pools: dict[int, Pool] = {}


class IsolationTimeout(Exception):
    pass


class _CpuDeadline(BaseException):
    """Raised by the timer inside the parser: a BaseException, so that the parser's own
    ``except Exception`` clauses cannot swallow it."""


class IsolationFailed(Exception):
    """The parser process died without an answer (killed by its memory limit, a crash)."""


def _limit_memory(megabytes: int) -> None:
    if megabytes > 0:
        import resource

        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _pool(megabytes: int) -> Pool:
    pool = _pools.get(megabytes)
    if pool is None:
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
    """``func(*args)`` in a parser process; its exceptions are raised here. Raises
    :class:`IsolationTimeout` after ``seconds`` (the process is killed), ``MemoryError`` when it
    runs out of its ``megabytes``, :class:`IsolationFailed` when it dies."""
    if multiprocessing.current_process().daemon:
        return _run_in_subprocess(func, args, seconds, megabytes)
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


def _run_in_subprocess(func: Callable[..., T], args: tuple[Any, ...], seconds: float, megabytes: int) -> T:
    payload = pickle.dumps((func.__module__, func.__qualname__, args, megabytes))
    try:
        proc = subprocess.run([sys.executable, "-m", "tendertrace.ingest.isolate"], input=payload,
                              capture_output=True, timeout=seconds)
    except subprocess.TimeoutExpired:
        raise IsolationTimeout(f"gave up after {seconds:g} s") from None
    try:
        ok, value = pickle.loads(proc.stdout)
    except Exception:
        tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
        raise IsolationFailed(f"parser process exited with {proc.returncode}: {tail[0]}") from None
    if ok:
        return value
    raise value


def _serve_one() -> None:
    """The subprocess side: read (module, function, args, megabytes), answer (ok, value)."""
    module, name, args, megabytes = pickle.load(sys.stdin.buffer)
    _limit_memory(megabytes)
    func = getattr(importlib.import_module(module), name)
    try:
        answer: tuple[bool, Any] = (True, func(*args))
    except BaseException as exc:  # handed back to the caller, which decides
        answer = (False, exc)
    sys.stdout.buffer.write(pickle.dumps(answer))


if __name__ == "__main__":
    _serve_one()


def run_bounded_in_process(func: Callable[..., T], *args: Any, seconds: float) -> T:
    """``func(*args)`` here, stopped with :class:`IsolationTimeout` after ``seconds`` of CPU time.
    Outside the main thread (where signals cannot be delivered) or without ``setitimer`` it runs
    unbounded."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        return func(*args)

    def expire(_signum: int, _frame: Any) -> None:
        raise _CpuDeadline

    previous = signal.signal(signal.SIGVTALRM, expire)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        return func(*args)
    except _CpuDeadline:
        raise IsolationTimeout(f"gave up after {seconds:g} s of CPU time") from None
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)
