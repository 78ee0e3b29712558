"""The HTML report rendered in a real browser (Debian's headless Chromium)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tendertrace import store
from tendertrace.findings import build_findings
from tendertrace.pipeline import scan
from tendertrace.report import html_report
from tendertrace.screen import sample_screener

from ..conftest import EXAMPLES, ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOSTILE = ('<p>发布时间：2024年5月1日</p><p>采购人：四川大学<script>window.__pwned=1</script></p>'
           '<p>采购需求：租用A100 GPU服务器 &lt;img src=x onerror=alert(1)&gt; '
           '&lt;a href="javascript:alert(2)"&gt;x&lt;/a&gt;，海外AWS账号</p>')


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("report")
    inputs = tmp / "in"
    shutil.copytree(EXAMPLES, inputs)
    (inputs / "hostile.html").write_text(HOSTILE, encoding="utf-8")
    engine = store.connect(f"sqlite:///{tmp / 'r.db'}")
    scan([str(inputs)], engine, screener=sample_screener())
    path = tmp / "report.html"
    path.write_text(html_report(build_findings(engine), engine), encoding="utf-8")
    return path


def test_report_is_self_contained_and_escaped(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    assert "<script" not in html.lower()  # the report itself needs no script; tender text is escaped
    for external in ('src="http', "src='http", 'href="http', "href='http", "<link", "@import", "url("):
        assert external not in html  # nothing is fetched: the report works offline
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html or "window.__pwned" not in html
    assert "onerror=alert" not in html.replace("&lt;img src=x onerror=alert(1)&gt;", "")
    assert "<mark>" in html and "<svg" in html


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs Debian's chromium)")
def test_report_renders_in_chromium_without_errors(report: Path, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    dom = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
         "--virtual-time-budget=3000", "--dump-dom", report.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "tendertrace report" in dom.stdout
    assert "<script" not in dom.stdout.lower()
    assert "javascript:" not in dom.stdout.replace("javascript:alert(2)&quot;", "").replace('javascript:alert(2)"', "") \
        or 'href="javascript:' not in dom.stdout
    console_errors = [ln for ln in dom.stderr.splitlines() if "CONSOLE" in ln and ("Error" in ln or "Uncaught" in ln)]
    assert console_errors == []
    out = ROOT / "test-output"
    out.mkdir(exist_ok=True)
    shot = out / "report.png"
    subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--window-size=1280,2400", f"--screenshot={shot}",
         report.as_uri()],
        capture_output=True, timeout=120, check=True,
    )
    assert shot.exists() and shot.stat().st_size > 10_000
