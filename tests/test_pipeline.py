"""Scans end to end: idempotent, resumable after SIGKILL, never stopped by one bad file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from tendertrace import store
from tendertrace.pipeline import scan
from tendertrace.screen import sample_screener

from .conftest import EXAMPLES


def _snapshot(url: str) -> list[tuple]:
    engine = store.connect(url)
    with engine.connect() as conn:
        rows = conn.execute(select(store.documents.c.id, store.documents.c.status, store.documents.c.reason,
                                   store.documents.c.result).order_by(store.documents.c.id)).all()
    return [(r[0], r[1], r[2], repr(r[3])) for r in rows]


def _corpus(tmp_path: Path, n: int = 300) -> Path:
    """A folder of generated notices plus broken files."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(n):
        (folder / f"n{i:04d}.html").write_text(
            f"<p>发布时间：2024年3月{i % 28 + 1}日</p><p>采购人：深圳大学第{i}实验室</p>"
            f"<p>项目名称：算力租赁{i}</p><p>采购需求：租用云服务器{i + 1}台，每台配置8块NVIDIA A100</p>"
            f"<p>预算金额：{i + 10}万元</p>", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.bin").write_bytes(bytes(range(256)) * 40)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<>>")
    return folder


def test_rescan_is_idempotent(tmp_path: Path, any_db: str) -> None:
    db_url = any_db
    folder = _corpus(tmp_path, 20)
    engine = store.connect(db_url)
    first = scan([str(folder)], engine, screener=sample_screener())
    assert first.processed == 20 and first.failed == 3
    before = _snapshot(db_url)
    second = scan([str(folder)], engine, screener=sample_screener())
    assert second.processed == 0 and second.skipped == 23
    assert _snapshot(db_url) == before
    assert store.status_counts(engine) == {"processed": 20, "failed": 3}
    failed = {d["source"].rsplit("/", 1)[-1]: d["reason"] for d in store.iter_documents(engine, status="failed")}
    assert "empty" in failed["empty.txt"] and "binary" in failed["junk.bin"] and "PDF" in failed["broken.pdf"]


def _count(url: str) -> int:
    from sqlalchemy import create_engine, func
    from sqlalchemy.exc import SQLAlchemyError

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(store.documents)).scalar_one()
    except SQLAlchemyError:
        return 0
    finally:
        engine.dispose()


def test_sigkill_and_resume_gives_the_uninterrupted_result(tmp_path: Path, any_db: str) -> None:
    folder = _corpus(tmp_path, 3000)
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    scan([str(folder)], store.connect(reference), screener=sample_screener())
    expected = _snapshot(reference)

    killed = any_db
    cmd = [sys.executable, "-m", "tendertrace.cli", "scan", str(folder), "--db", killed, "--quiet", "-f", "csv"]
    for stored_at_least in (100, 1000):  # kill once early, once again later in the resumed run
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                env={**os.environ, "PYTHONWARNINGS": "ignore"})
        deadline = time.monotonic() + 120
        while _count(killed) < stored_at_least and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    partial = len(_snapshot(killed))
    assert partial < len(expected), "the scan finished before it was killed: nothing was tested"
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert _snapshot(killed) == expected


def test_examples_reproduce_the_reported_facts(any_db: str) -> None:
    from tendertrace.findings import build_findings

    engine = store.connect(any_db)
    scan([str(EXAMPLES)], engine, screener=sample_screener())
    findings = {(f.documents[0].file or "").rsplit("/", 1)[-1]: f for f in build_findings(engine)}
    szu = findings["shenzhen_university_aws.html"]
    assert szu.buyer == ["深圳大学"] and szu.suppliers == ["成都运达科技股份有限公司"]
    assert szu.provider == ["Amazon Web Services"] and {"A100", "H100 SXM"} <= set(szu.chips)
    assert szu.amount == 200000 and szu.route == ["cloud_account"] and not szu.listed
    scu = findings["sichuan_university_azure_openai.txt"]
    assert scu.models == ["Azure OpenAI"] and "40,000,000 tokens" in scu.quantity
    assert scu.listed[0].entry == "Sichuan University" and scu.listed[0].relation == "self"
    ustc = findings["ustc_suzhou_gpu_rental.html"]
    assert ustc.quantity == "500 servers × 8 A100" and ustc.route == ["cloud_rental"]
    assert ustc.listed[0].entry == "University of Science and Technology of China"
    assert ustc.listed[0].relation == "affiliate"
    assert any(c.band == "4A090.a" for c in ustc.classification)
    eda = findings["eda_center_aws_claude.txt"]
    assert eda.models == ["Claude"] and "cloud_account" in eda.route and eda.amount == 600000
    assert "ningbo_parking_tencent_cloud.html" not in findings


def test_a_document_result_is_rebuilt_from_what_is_stored() -> None:
    """``process`` returns a DocumentResult; the stored JSON of it rebuilds an equal one."""
    import json

    from tendertrace.ingest import iter_documents
    from tendertrace.model import Document, DocumentResult
    from tendertrace.pipeline import process

    screener = sample_screener()
    results = [process(doc, screener) for doc in iter_documents([str(EXAMPLES)]) if isinstance(doc, Document)]
    assert len(results) == 5 and any(r.hits for r in results) and any(r.extraction.amount for r in results)
    for result in results:
        stored = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
        assert DocumentResult.from_dict(stored) == result


def test_the_batch_runner_travels_without_its_engine(tmp_path: Path) -> None:
    """A worker receives the runner pickled; the scanning process's engine never goes with it."""
    import pickle

    from tendertrace.pipeline import BatchRunner

    engine = store.connect(f"sqlite:///{tmp_path / 't.db'}")
    runner = BatchRunner(None, "v1", None, "sqlite:///x.db", engine=engine)
    copy = pickle.loads(pickle.dumps(runner))
    assert copy.engine is None and (copy.version, copy.db_url) == ("v1", "sqlite:///x.db")
