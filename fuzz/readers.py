#!/usr/bin/env python3
"""Coverage-guided fuzzing of the document readers with atheris (libFuzzer for Python).

    python fuzz/readers.py html|pdf|docx [libFuzzer options] [corpus dirs]
    python fuzz/readers.py pdf -max_total_time=600 -timeout=20 fuzz/corpus/pdf
    PATH=.venv/bin:$PATH fuzz/readers.py pdf -fork=1 -ignore_timeouts=1 -timeout=10 fuzz/corpus/pdf  # go on past hangs

The harness feeds bytes to ``tendertrace.ingest.read_input`` with the format forced. Reading must
never raise: every input ends as a Document or an IngestFailure with a reason, so any exception
at all is a crash that libFuzzer reports with the input that caused it.
"""

from __future__ import annotations

import os
import sys

import atheris

with atheris.instrument_imports(include=["tendertrace", "pdfminer", "pdfplumber", "docx", "selectolax", "charset_normalizer"]):
    import docx  # noqa: F401 - imported here so that the readers' lazy imports are instrumented
    import pdfminer.pdfparser  # noqa: F401
    import pdfplumber  # noqa: F401

    from tendertrace.ingest import read_input
    from tendertrace.ingest.readers import Limits
    from tendertrace.model import Document, IngestFailure

# Small limits keep each run fast; the limits' own code paths are exercised all the same. PDFs are
# parsed in this process (in production they run in a child process with a time limit), so that
# libFuzzer sees pdfminer's coverage. There they are bounded by CPU time, as production bounds them
# by wall time: a mutated PDF that sends pdfminer into an endless loop (two are kept in
# tests/ingest/crashes) ends as a failure with a reason after PDF_CPU_SECONDS, which is a correct
# outcome, not a finding. A hang anywhere else is still reported by libFuzzer's -timeout=N.
PDF_CPU_SECONDS = 5.0  # far above the slowest well-formed seed (under 0.2 s), far below -timeout
LIMITS = Limits(max_bytes=1_000_000, max_text_chars=200_000, max_pdf_pages=20, isolate_pdf=False,
                pdf_seconds=PDF_CPU_SECONDS)
FORMATS = ("html", "pdf", "docx")


def one_input(fmt: str, data: bytes) -> None:
    for item in read_input(data, name=f"fuzz.{fmt}", source="fuzz", limits=LIMITS, fmt=fmt):
        assert isinstance(item, Document | IngestFailure)
        if isinstance(item, Document):
            assert len(item.match_text) == len(item.text)  # evidence spans must stay aligned


def main() -> None:
    # The format comes first on the command line, or from TENDERTRACE_FUZZ_FORMAT: libFuzzer's
    # -fork mode starts its inner runs with its own options only.
    if len(sys.argv) > 1 and sys.argv[1] in FORMATS:
        os.environ["TENDERTRACE_FUZZ_FORMAT"] = sys.argv.pop(1)
    fmt = os.environ.get("TENDERTRACE_FUZZ_FORMAT", "")
    if fmt not in FORMATS:
        sys.exit(f"usage: {sys.argv[0]} {'|'.join(FORMATS)} [libFuzzer options] [corpus dirs]")
    atheris.Setup(sys.argv, lambda data: one_input(fmt, data))
    atheris.Fuzz()


if __name__ == "__main__":
    main()
