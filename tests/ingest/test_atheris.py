"""A time-boxed atheris pass over the HTML, PDF and DOCX readers (``fuzz/readers.py``), and the
inputs earlier fuzzing crashed on, kept as regressions. Longer runs: see fuzz/readers.py."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tendertrace.ingest import Limits, read_input
from tendertrace.model import IngestFailure

from ..conftest import ROOT

pytest.importorskip("atheris")
HARNESS = ROOT / "fuzz" / "readers.py"
CRASHES = sorted((Path(__file__).parent / "crashes").iterdir())
SECONDS = 8
HANG_SECONDS = 60  # one input running this long is a hang libFuzzer reports (with the input) instead of the run timing out


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx"])
def test_time_boxed_fuzz_pass(fmt: str, tmp_path: Path) -> None:
    sys.path.insert(0, str(HARNESS.parent))
    try:
        from seeds import write_seeds
    finally:
        sys.path.remove(str(HARNESS.parent))
    write_seeds(tmp_path / "corpus")
    run = subprocess.run(
        [sys.executable, str(HARNESS), fmt, f"-max_total_time={SECONDS}", "-rss_limit_mb=3000", f"-timeout={HANG_SECONDS}",
         f"-artifact_prefix={tmp_path}/", str(tmp_path / "corpus" / fmt)],
        capture_output=True, text=True, timeout=SECONDS + 300,  # instrumenting the imports takes a while
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Done" in run.stderr and not list(tmp_path.glob("crash-*"))


@pytest.mark.parametrize("crash", CRASHES, ids=[p.name for p in CRASHES])
def test_former_crashes_and_hangs_end_as_failures_with_a_reason(crash: Path) -> None:
    """docx-utf8-flagged-name: zipfile raised UnicodeDecodeError; pdf-self-reference-hang: pdfminer
    looped forever resolving an object that refers to itself (now stopped by the time limit)."""
    fmt = crash.name.split("-")[0]
    limits = Limits(pdf_seconds=3)
    started = time.monotonic()
    items = list(read_input(crash.read_bytes(), name=f"x.{fmt}", source=crash.name, fmt=fmt, limits=limits))
    assert len(items) == 1 and isinstance(items[0], IngestFailure) and items[0].reason
    assert time.monotonic() - started < 30


@pytest.mark.parametrize("crash", [p for p in CRASHES if "hang" in p.name], ids=lambda p: p.name)
def test_former_hangs_end_in_process_too(crash: Path) -> None:
    """In process (the fuzzing harness's mode) a PDF that loops pdfminer is stopped by CPU time."""
    limits = Limits(pdf_seconds=2, isolate_pdf=False)
    started = time.monotonic()
    items = list(read_input(crash.read_bytes(), name="x.pdf", source=crash.name, fmt="pdf", limits=limits))
    assert len(items) == 1 and isinstance(items[0], IngestFailure)
    assert items[0].reason.startswith("PDF parsing stopped: still running after 2 s")
    assert time.monotonic() - started < 30
