"""Ownership links in the store: a reload replaces a file's rows, and loaded data changes the pipeline version."""

from __future__ import annotations

from pathlib import Path

import pytest

from tendertrace import store
from tendertrace.ownership import load_files, load_index
from tendertrace.pipeline import pipeline_version
from tendertrace.screen import load_screener

from .conftest import FIXTURES


def test_a_reload_replaces_the_file_and_the_index_reads_back_every_field(tmp_path: Path) -> None:
    engine = store.connect(f"sqlite:///{tmp_path / 't.db'}")
    files = [FIXTURES / "gleif_lei.csv", FIXTURES / "gleif_rr.csv"]
    assert [n for _f, n, _e in load_files(engine, files)] == [0, 2]
    assert [n for _f, n, _e in load_files(engine, files)] == [0, 2]
    assert store.ownership_summary(engine)[0]["links"] == 2
    index = load_index(engine)
    assert index is not None
    unstated = [link for link in index.links if link.share is None]
    assert [(x.parent, x.kind, x.child_aliases) for x in unstated] == [("Sugon", "consolidation", ["EXAMPLECHILDLEI00002"])]


@pytest.mark.filterwarnings("ignore::tendertrace.screen.SampleListWarning")
def test_loaded_ownership_is_part_of_the_pipeline_version(tmp_path: Path) -> None:
    engine = store.connect(f"sqlite:///{tmp_path / 't.db'}")
    before = pipeline_version(load_screener(engine))
    load_files(engine, [FIXTURES / "holdings.csv"])
    screener = load_screener(engine)
    assert screener.ownership is not None and pipeline_version(screener) != before
