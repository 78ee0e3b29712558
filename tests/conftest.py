from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = Path(os.environ.get("TENDERTRACE_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "data" / "tenders" / "corpus.jsonl.gz"
LISTS = SHARED / "data" / "lists"


def needs_shared(path: Path) -> pytest.MarkDecorator:
    return pytest.mark.skipif(not path.exists(), reason=f"real data not present: {path} (../shared is absent)")


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"
