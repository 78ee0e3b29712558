"""Every stored document keeps where it came from, and so does every finding built from it."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import update

from tendertrace import store
from tendertrace.findings import build_findings, document_origin, finding_sources
from tendertrace.ingest import iter_documents
from tendertrace.model import CaseDocument, Document, Finding, Provenance
from tendertrace.pipeline import scan
from tendertrace.screen import sample_screener

from ..conftest import EXAMPLES

URL = "https://www.ccgp.gov.cn/cggg/zygg/gkzb/202403/t20240301_0001.htm"


def write_corpus(tmp_path: Path) -> Path:
    """The bundled examples as corpus records, each with the address of a notice."""
    path = tmp_path / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n, f in enumerate(sorted(f for f in EXAMPLES.glob("*.*") if f.suffix in (".html", ".txt"))):
            out.write(json.dumps({"id": f"rec-{n}", "source": "portal-crawl@2024-03", "format": f.suffix.strip(".").replace("txt", "text"),
                                  "title": f.stem, "published": "2024-03-01", "url": f"{URL}?n={n}",
                                  "fetched_at": "2024-03-02T08:00:00Z", "content": f.read_text(encoding="utf-8")},
                                 ensure_ascii=False) + "\n")
    return path


def test_a_record_keeps_its_url_id_origin_and_fetch_time(tmp_path: Path) -> None:
    docs = [d for d in iter_documents([write_corpus(tmp_path)]) if isinstance(d, Document)]
    first = docs[0].provenance
    assert first.url == f"{URL}?n=0" and first.record_id == "rec-0" and first.origin == "portal-crawl@2024-03"
    assert first.fetched_at == "2024-03-02T08:00:00Z" and first.path == str(tmp_path / "corpus.jsonl")
    assert Document.from_dict(docs[0].to_dict()) == docs[0]


def test_a_listing_record_names_its_notice_in_its_content(tmp_path: Path) -> None:
    listing = {"title": "GPU服务器采购", "url": "http://www.ccgp.gov.cn/cggg/dfgg/t1.htm", "purchaser": "某大学"}
    path = tmp_path / "listing.jsonl"
    path.write_text(json.dumps({"id": "l1", "format": "text", "content": json.dumps(listing, ensure_ascii=False)},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    (doc,) = iter_documents([path])
    assert isinstance(doc, Document) and doc.provenance.url == listing["url"]


def test_an_ocds_release_keeps_ocid_release_id_and_notice_url(tmp_path: Path) -> None:
    release = {"ocid": "ocds-abc-001", "id": "ocds-abc-001-tender", "date": "2024-05-01", "tag": ["tender"],
               "tender": {"title": "GPU cluster", "documents": [
                   {"id": "d1", "documentType": "tenderNotice", "url": "https://tenders.example.gov/notice/1"}]}}
    path = tmp_path / "package.json"
    path.write_text(json.dumps({"uri": "https://tenders.example.gov/package/1", "releases": [release]}), encoding="utf-8")
    (doc,) = iter_documents([path])
    assert isinstance(doc, Document)
    assert (doc.provenance.ocid, doc.provenance.release_id) == ("ocds-abc-001", "ocds-abc-001-tender")
    assert doc.provenance.url == "https://tenders.example.gov/notice/1" and doc.provenance.path == str(path)


def test_a_file_keeps_its_path_and_has_no_link(tmp_path: Path) -> None:
    (doc,) = iter_documents([EXAMPLES / "shenzhen_university_aws.html"])
    assert isinstance(doc, Document)
    assert doc.provenance.path == str(EXAMPLES / "shenzhen_university_aws.html") and doc.provenance.link() is None


def test_provenance_is_stored_and_reaches_every_finding(tmp_path: Path) -> None:
    engine = store.connect(f"sqlite:///{tmp_path / 'p.db'}")
    scan([str(write_corpus(tmp_path))], engine, screener=sample_screener())
    rows = list(store.iter_documents(engine))
    assert rows and all(r["provenance"]["url"].startswith(URL) for r in rows)
    findings = build_findings(engine)
    assert findings
    for f in findings:
        for d in f.documents:
            assert d.provenance is not None and d.provenance.url and d.provenance.url.startswith(URL)
            assert document_origin(d)["link"] == d.provenance.url
        assert all(s.startswith(URL) for s in finding_sources(f))
        assert Finding.from_dict(f.to_dict()) == f


def test_rows_stored_before_provenance_still_build_findings(tmp_path: Path) -> None:
    engine = store.connect(f"sqlite:///{tmp_path / 'old.db'}")
    scan([str(EXAMPLES)], engine, screener=sample_screener())
    with engine.begin() as conn:
        conn.execute(update(store.documents).values(provenance=None))
    findings = build_findings(engine)
    assert findings
    for f in findings:
        assert all(d.provenance is None for d in f.documents)
        assert all(document_origin(d)["label"] == d.file and document_origin(d)["link"] is None for d in f.documents)


def test_a_finding_written_before_provenance_reads() -> None:
    old = {"id": "abc", "file": "examples/a.html", "source_id": None, "notice_type": "award", "date": "2024-01-01"}
    doc = CaseDocument.from_dict(old)
    assert doc.provenance is None and document_origin(doc) == {"link": None, "label": "examples/a.html"}


def test_only_web_addresses_are_links() -> None:
    assert Provenance(url="javascript:alert(1)").link() is None
    assert Provenance(url="file:///etc/passwd").link() is None
    assert Provenance(url="HTTPS://example.gov/n").link() == "HTTPS://example.gov/n"
