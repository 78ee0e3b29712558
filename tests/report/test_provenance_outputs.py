"""Every output leads from a finding back to its notices' origins: CSV, Markdown, the HTML report
(a clickable link) and FollowTheMoney (``Document`` entities with ``sourceUrl``)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest
from followthemoney import model

from tendertrace import store
from tendertrace.findings import build_findings
from tendertrace.model import Finding
from tendertrace.pipeline import scan
from tendertrace.report import factbox_csv, factbox_markdown, ftm_entities, html_report
from tendertrace.screen import sample_screener

from ..store.test_provenance import URL, write_corpus


@pytest.fixture
def stored(tmp_path: Path) -> tuple[Any, list[Finding]]:
    engine = store.connect(f"sqlite:///{tmp_path / 'r.db'}")
    scan([str(write_corpus(tmp_path))], engine, screener=sample_screener())
    findings = build_findings(engine)
    assert findings
    return engine, findings


def test_csv_and_markdown_name_each_notice_address(stored: tuple[Any, list[Finding]]) -> None:
    _, findings = stored
    rows = list(csv.DictReader(io.StringIO(factbox_csv(findings))))
    assert len(rows) == len(findings)
    for row, f in zip(rows, findings, strict=True):
        assert row["source"] and all(d.provenance and d.provenance.url in row["source"] for d in f.documents)
    assert URL in factbox_markdown(findings)


def test_html_report_links_to_each_notice(stored: tuple[Any, list[Finding]]) -> None:
    engine, findings = stored
    page = html_report(findings, engine)
    links = set(re.findall(r"<a href='([^']+)' rel='noopener noreferrer'>", page))
    wanted = {d.provenance.url.replace("&", "&amp;") for f in findings for d in f.documents if d.provenance and d.provenance.url}
    assert wanted and wanted <= links


def test_ftm_documents_carry_source_urls_and_link_parties_and_case(stored: tuple[Any, list[Finding]]) -> None:
    _, findings = stored
    entities = list(ftm_entities(findings))
    by_id = {e["id"]: e for e in entities}
    for e in entities:  # each entity as followthemoney reads it back: no property dropped or changed
        proxy = model.get_proxy(e, cleaned=False)
        assert proxy.to_dict()["properties"] == e["properties"], e["schema"]
        for prop, values in e["properties"].items():
            if proxy.schema.properties[prop].type.name == "entity":
                assert all(v in by_id for v in values), (e["schema"], prop)
    documents = [e for e in entities if e["schema"] == "Document"]
    urls = {u for d in documents for u in d["properties"].get("sourceUrl", [])}
    assert {d.provenance.url for f in findings for d in f.documents if d.provenance} <= urls
    links = [e for e in entities if e["schema"] == "Documentation"]
    roles = {(by_id[link["properties"]["entity"][0]]["schema"], link["properties"]["role"][0]) for link in links}
    assert any(role == "buyer" for _, role in roles)
    assert any(schema in ("CallForTenders", "Contract") for schema, _ in roles)
    cases = [e for e in entities if e["schema"] in ("CallForTenders", "Contract")]
    assert all(e["properties"].get("proof") and e["properties"].get("sourceUrl") for e in cases)
