"""PDFs parse in a child process with a time limit, also inside a daemonic worker (as in Dask)."""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

from tendertrace.ingest import Limits, read_input
from tendertrace.model import Document, IngestFailure

from ..hostile.make_hostile import minimal_pdf

LOOP = Path(__file__).resolve().parents[1] / "hostile" / "files" / "self_reference_loop.pdf"


def _read(data: bytes) -> list[tuple[str, str]]:
    items = read_input(data, name="x.pdf", source="x", limits=Limits(pdf_seconds=3))
    return [(type(i).__name__, i.reason if isinstance(i, IngestFailure) else i.text) for i in items]


def _in_daemon(data: bytes, out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    out.put(_read(data))


def _good_pdf() -> bytes:
    return minimal_pdf("Buyer: Sichuan University. NVIDIA A100 x 8")


def test_a_looping_pdf_is_stopped_and_a_good_one_read() -> None:
    started = time.monotonic()
    assert _read(LOOP.read_bytes()) == [("IngestFailure", "PDF parsing stopped: still running after 3 s")]
    assert time.monotonic() - started < 20
    [(kind, text)] = _read(_good_pdf())
    assert kind == Document.__name__ and "A100" in text


def test_inside_a_daemonic_process_too() -> None:
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    results = []
    for data in (LOOP.read_bytes(), _good_pdf()):
        worker = ctx.Process(target=_in_daemon, args=(data, out), daemon=True)
        worker.start()
        results.append(out.get(timeout=60))
        worker.join(timeout=30)
    assert results[0] == [("IngestFailure", "PDF parsing stopped: still running after 3 s")]
    assert results[1][0][0] == "Document" and "A100" in results[1][0][1]
