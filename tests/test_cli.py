from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from tendertrace.cli import app
from tendertrace.model import Finding

from .conftest import EXAMPLES

runner = CliRunner()


def test_scan_json_findings(tmp_path) -> None:
    result = runner.invoke(app, ["scan", str(EXAMPLES), "--db", str(tmp_path / "t.db"), "--format", "json", "-q"])
    assert result.exit_code == 0, result.output
    findings = json.loads(result.stdout[result.stdout.index("["):])
    keys = {"case_id", "documents", "buyer", "suppliers", "provider", "route", "chips", "models", "classification",
            "listed", "amount", "currency", "date", "score", "evidence"}
    assert findings and all(keys <= set(f) for f in findings)
    for f in findings:
        for e in f["evidence"]:
            assert {"document", "start", "end", "text"} <= set(e)
        assert Finding.from_dict(f).to_dict() == f  # the printed finding is the finding itself
    listed = [h for f in findings for h in f["listed"]]
    assert listed and all({"party", "entry", "entry_id", "list", "relation", "key"} <= set(h) for h in listed)
    assert not any("match" in h for h in listed)


def test_scan_missing_path_is_a_usage_error(tmp_path) -> None:
    result = runner.invoke(app, ["scan", str(tmp_path / "nope"), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 2


def test_classify_json() -> None:
    result = runner.invoke(app, ["classify", "租用云服务器500台，每台配置8块NVIDIA A100", "--date", "2024-06-01",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    [item] = json.loads(result.stdout)["items"]
    assert item["band"] == "4A090.a" and item["controlled"] is True and item["route"] == "cloud_rental"
    assert set(item) == {"text", "chip", "model", "count", "servers", "accelerators", "tpp", "pd", "band",
                         "controlled", "rule", "route", "provider", "restriction", "reason", "compute_finding",
                         "us_signal", "needs_review", "context", "date_unknown"}  # the README's keys
    assert (item["servers"], item["count"], item["accelerators"]) == (500, 8, 4000)


def test_screen_csv_columns(tmp_path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("中国科学技术大学苏州高等研究院\n深圳大学\n", encoding="utf-8")
    result = runner.invoke(app, ["screen", "--file", str(names), "--db", str(tmp_path / "t.db"), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["query", "entry", "list", "relation", "score", "explanation"]
    assert rows[0]["entry"] == "University of Science and Technology of China" and rows[0]["relation"] == "affiliate"
    assert rows[1]["entry"] == ""


def test_extract_jsonl_keys() -> None:
    result = runner.invoke(app, ["extract", str(EXAMPLES / "shenzhen_university_aws.html")])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.splitlines()[0])
    assert list(record) == ["id", "source_id", "file", "notice_type", "project_name", "project_number", "buyer",
                            "agency", "suppliers", "lots", "amount", "amount_kind", "budget", "currency", "published",
                            "items", "mentions"]
    assert record["buyer"] == ["深圳大学"]


def test_lists_load_and_show(tmp_path) -> None:
    from tendertrace.screen.lists import iter_sample_files

    db = str(tmp_path / "t.db")
    sample = next(iter_sample_files())
    assert runner.invoke(app, ["lists", "load", str(sample), "--db", db]).exit_code == 0
    shown = runner.invoke(app, ["lists", "show", "--db", db])
    assert "EL" in shown.stdout
    assert runner.invoke(app, ["lists", "load", str(tmp_path / "missing.csv"), "--db", db]).exit_code == 1


def test_report_outputs(tmp_path) -> None:
    db = str(tmp_path / "t.db")
    runner.invoke(app, ["scan", str(EXAMPLES), "--db", db, "-q"])
    md, csv_path, ftm = tmp_path / "r.md", tmp_path / "r.csv", tmp_path / "r.ftm.jsonl"
    result = runner.invoke(app, ["report", "--db", db, "--md", str(md), "--csv", str(csv_path), "--ftm", str(ftm)])
    assert result.exit_code == 0, result.output
    assert "深圳大学" in md.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    assert {"entity_zh", "entity_en", "listed", "provider", "intermediary", "item", "quantity", "amount", "month",
            "route", "evidence", "source"} == set(rows[0])
    from followthemoney import model

    entities = [model.get_proxy(json.loads(line)) for line in ftm.read_text(encoding="utf-8").splitlines()]
    schemata = {e.schema.name for e in entities}
    assert {"PublicBody", "Company", "Contract", "ContractAward", "Sanction"} <= schemata


def test_lists_update_downloads_a_csl_csv_and_fails_clearly_offline(tmp_path) -> None:
    import functools
    import http.server
    import threading

    from tendertrace.screen.lists import iter_sample_files

    sample = next(iter_sample_files())
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(sample.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    db = str(tmp_path / "t.db")
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/{sample.name}"
        result = runner.invoke(app, ["lists", "update", "--url", url, "--db", db])
        assert result.exit_code == 0, result.output
        shown = runner.invoke(app, ["lists", "show", "--db", db])
        assert "EL" in shown.stdout and "20" in shown.stdout
    finally:
        server.shutdown()
    offline = runner.invoke(app, ["lists", "update", "--url", "http://127.0.0.1:9/consolidated.csv", "--db", db])
    assert offline.exit_code == 1 and "cannot download" in offline.output


def test_tokens_create_list_revoke(tmp_path) -> None:
    from tendertrace import store
    from tendertrace.store.tokens import verify_token

    db = str(tmp_path / "t.db")
    made = runner.invoke(app, ["tokens", "create", "alice", "--db", db])
    assert made.exit_code == 0, made.output
    token = made.stdout.strip().splitlines()[-1]
    assert token.startswith("tt_") and verify_token(store.connect(db), token)["name"] == "alice"
    listed = runner.invoke(app, ["tokens", "list", "--db", db])
    assert "alice" in listed.stdout and token not in listed.stdout  # never shown again
    assert runner.invoke(app, ["tokens", "revoke", "1", "--db", db]).exit_code == 0
    assert verify_token(store.connect(db), token) is None
    assert runner.invoke(app, ["tokens", "revoke", "1", "--db", db]).exit_code == 1
    assert runner.invoke(app, ["tokens", "create", " ", "--db", db]).exit_code == 2
