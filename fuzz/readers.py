#!/usr/bin/env python3
"""Coverage-guided fuzzing of the document readers with atheris (libFuzzer for Python).

    python fuzz/readers.py html|pdf|docx [libFuzzer options] [corpus dirs]
    python fuzz/readers.py pdf -max_total_time=600 -timeout=20 fuzz/corpus/pdf

The harness feeds bytes to ``tendertrace.ingest.read_input`` with the format forced. Reading must
never raise: every input ends as a Document or an IngestFailure with a reason, so any exception
at all is a crash that libFuzzer reports with the input that caused it.
"""

from __future__ import annotations

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
# libFuzzer sees pdfminer's coverage and reports a hang with -timeout=N.
LIMITS = Limits(max_bytes=1_000_000, max_text_chars=200_000, max_pdf_pages=20, isolate_pdf=False)
FORMATS = ("html", "pdf", "docx")


def one_input(fmt: str, data: bytes) -> None:
    for item in read_input(data, name=f"fuzz.{fmt}", source="fuzz", limits=LIMITS, fmt=fmt):
        assert isinstance(item, Document | IngestFailure)
        if isinstance(item, Document):
            assert len(item.match_text) == len(item.text)  # evidence spans must stay aligned


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in FORMATS:
        sys.exit(f"usage: {sys.argv[0]} {'|'.join(FORMATS)} [libFuzzer options] [corpus dirs]")
    fmt = sys.argv.pop(1)
    atheris.Setup(sys.argv, lambda data: one_input(fmt, data))
    atheris.Fuzz()


if __name__ == "__main__":
    main()
