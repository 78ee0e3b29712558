"""The whole real corpus: every record ends processed or failed with a reason."""

from __future__ import annotations

import pytest

from tendertrace import store
from tendertrace.pipeline import scan
from tendertrace.screen import sample_screener

from .conftest import CORPUS, needs_shared


@pytest.mark.slow
@needs_shared(CORPUS)
def test_whole_corpus_scans_without_a_crash(db_url: str) -> None:
    engine = store.connect(db_url)
    stats = scan([str(CORPUS)], engine, screener=sample_screener())
    counts = store.status_counts(engine)
    assert stats.seen == 6661
    assert sum(counts.values()) == 6661
    failed = list(store.iter_documents(engine, status="failed"))
    assert all(d["reason"] for d in failed)
    assert not [d for d in failed if d["reason"].startswith("processing error")], failed[:3]
