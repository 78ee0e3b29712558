"""Hostile inputs (tests/hostile/make_hostile.py): each ends processed or failed with a reason,
in bounded time and memory, and the batch goes on."""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from tendertrace import store

from .hostile.make_hostile import big_html

FILES = Path(__file__).resolve().parent / "hostile" / "files"
MEMORY_LIMIT = 3 * 1024**3  # address space for the whole scan


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def test_hostile_corpus(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(FILES, inputs)
    big_html(inputs / "single_line_100mb.html")
    db = tmp_path / "h.db"
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "tendertrace.cli", "scan", str(inputs), "--db", str(db), "-q", "-f", "csv",
         "--pdf-seconds", "5"],
        capture_output=True, text=True, timeout=600, preexec_fn=_limit_memory,
    )
    elapsed = time.monotonic() - started
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert elapsed < 300
    rows = {Path(r["source"]).name: r for r in store.iter_documents(store.connect(str(db)), with_text=True)}
    names = {p.name for p in inputs.iterdir()}
    assert set(rows) == names
    for name, row in rows.items():
        assert row["status"] in ("processed", "failed"), name
        if row["status"] == "failed":
            assert row["reason"], name

    def failed(name: str, word: str) -> None:
        assert rows[name]["status"] == "failed" and word in rows[name]["reason"].lower(), rows[name]["reason"]

    failed("zip_bomb.docx", "zip bomb")
    failed("encrypted.pdf", "encrypted")
    failed("truncated.pdf", "pdf")
    failed("self_reference_loop.pdf", "still running after 5 s")
    failed("empty.html", "empty")
    failed("binary.bin", "binary")
    failed("single_line_100mb.html", "limit")
    assert rows["broken_xref.pdf"]["status"] in ("processed", "failed")
    assert "采购人：某单位" in rows["deep_nesting.html"]["text"]
    assert "\x00" not in rows["nul_bytes.txt"]["text"] and "20万元" in rows["nul_bytes.txt"]["text"]
    assert "𠀀𪚥" in rows["gb18030_four_byte.txt"]["text"]
    mixed = rows["mixed_encodings.txt"]
    assert (mixed["status"] == "processed" and mixed["warnings"]) or "encoding" in mixed["reason"]
    assert rows["bidi_controls.html"]["status"] == "processed"
    parties = rows["ten_thousand_parties.html"]["result"]["extraction"]
    assert parties["notice_type"] == "award"
