"""The screening memo a scan relies on: the same party name recurs across thousands of notices and
is screened once per list version; a changed list gives a new answer, and the memo is bounded."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tendertrace import store
from tendertrace.model import ListEntry
from tendertrace.pipeline import pipeline_version, scan
from tendertrace.screen import factors, load_screener
from tendertrace.screen.matcher import Screener

LISTED = "国防科技大学"
NOTICE = f"<p>发布时间：2024年3月5日</p><p>采购人：{LISTED}</p><p>采购需求：GPU服务器2台，每台配置8块NVIDIA H100</p>"


def _entry(name: str, version: str) -> ListEntry:
    return ListEntry(id=f"EL-{name}", list="EL", name=name, country="CN", source="test", version=version)


def _hits(engine) -> list[str]:
    with engine.connect() as conn:
        results = conn.execute(select(store.documents.c.result)).scalars().all()
    return sorted(h["party"] for r in results if r for h in r["hits"])


def test_a_list_change_gives_a_new_answer(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    for i in range(3):  # the same buyer in several notices: screened from the memo after the first
        (tmp_path / "in" / f"n{i}.html").write_text(NOTICE.replace("2台", f"{i + 2}台"), encoding="utf-8")
    engine = store.connect(f"sqlite:///{tmp_path / 's.db'}")
    store.replace_list(engine, "EL", "test", "v1", [_entry(LISTED, "v1"), _entry("某某无关公司", "v1")])
    first = load_screener(engine)
    scan([str(tmp_path / "in")], engine, screener=first)
    assert _hits(engine) == [LISTED] * 3

    store.replace_list(engine, "EL", "test", "v2", [_entry("某某无关公司", "v2")])  # the entity is delisted
    second = load_screener(engine)
    assert pipeline_version(second) != pipeline_version(first)  # the stored results are stale
    stats = scan([str(tmp_path / "in")], engine, screener=second)
    assert stats.processed == 3 and stats.skipped == 0
    assert _hits(engine) == []
    assert first.screen(LISTED) and not second.screen(LISTED)  # each list version answers for itself


def test_the_memo_is_bounded_and_never_changes_an_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    entries = [_entry(LISTED, "v1"), _entry("中国电子科技集团公司第十四研究所", "v1")]
    bound = 3
    monkeypatch.setattr(factors, "QUERY_CACHE", bound)
    memo = Screener(entries)
    names = [LISTED, "宁波市财政局", "中国电子科技集团公司第十四研究所", "浙江大学", "宁波大学", LISTED, "宁波市财政局"]
    answers = [[h.entry.name for h in memo.screen(n)] for n in names]
    assert len(memo._cache) <= bound
    fresh = [[h.entry.name for h in Screener(entries).screen(n)] for n in names]
    assert answers == fresh
    assert answers[0] == [LISTED] and answers[5] == [LISTED]
