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


PG_URL = os.environ.get("TENDERTRACE_TEST_PG")  # e.g. postgresql+psycopg://user:pw@127.0.0.1/db (set by .ci/run)


def _fresh_pg(url: str) -> str:
    from sqlalchemy import create_engine, text

    from tendertrace import store

    engine = create_engine(url)
    with engine.begin() as conn:  # an empty database, so that every test migrates from nothing
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    store.connect(url).dispose()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The store on SQLite, and on a real PostgreSQL server when TENDERTRACE_TEST_PG names one."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'any.db'}"
    if not PG_URL:
        pytest.skip("no PostgreSQL server: set TENDERTRACE_TEST_PG (.ci/run starts one)")
    return _fresh_pg(PG_URL)


@pytest.fixture(autouse=True)
def _own_list_store(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test has its own per-user list store, so that lists loaded on the machine running the
    tests never change what a test screens against."""
    monkeypatch.setenv("TENDERTRACE_LISTS_DB", str(tmp_path_factory.mktemp("user-lists") / "lists.db"))
