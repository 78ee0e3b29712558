"""One process, local worker processes and a Dask cluster store exactly the same results."""

from __future__ import annotations

import gzip
import itertools
from pathlib import Path

import pytest
from sqlalchemy import select

from tendertrace import store
from tendertrace.pipeline import scan
from tendertrace.screen import sample_screener

from .conftest import CORPUS, EXAMPLES, needs_shared


def _rows(url: str) -> list[tuple]:
    engine = store.connect(url)
    with engine.connect() as conn:
        rows = conn.execute(select(store.documents.c.id, store.documents.c.status, store.documents.c.reason,
                                   store.documents.c.result, store.documents.c.text).order_by(store.documents.c.id))
        return [tuple(repr(v) for v in r) for r in rows]


def test_workers_match_single_process_on_examples(tmp_path: Path) -> None:
    one, two = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"
    scan([str(EXAMPLES)], store.connect(one), screener=sample_screener())
    stats = scan([str(EXAMPLES)], store.connect(two), screener=sample_screener(), workers=2)
    assert stats.processed == 5
    assert _rows(one) == _rows(two)


@pytest.mark.slow
@needs_shared(CORPUS)
def test_2000_real_documents_three_ways(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    sample = tmp_path / "sample.jsonl"
    with gzip.open(CORPUS, "rt", encoding="utf-8") as src, sample.open("w", encoding="utf-8") as dst:
        dst.writelines(itertools.islice(src, 2000))
    urls = {way: f"sqlite:///{tmp_path / (way + '.db')}" for way in ("single", "workers", "dask")}
    scan([str(sample)], store.connect(urls["single"]), screener=sample_screener())
    scan([str(sample)], store.connect(urls["workers"]), screener=sample_screener(), workers=2)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        stats = scan([str(sample)], store.connect(urls["dask"]), screener=sample_screener(),
                     dask=cluster.scheduler_address)
    assert stats.seen == 2000
    single = _rows(urls["single"])
    assert len(single) == 2000
    assert _rows(urls["workers"]) == single
    assert _rows(urls["dask"]) == single
