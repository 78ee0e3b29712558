"""PDF text: a line broken by the paper's edge inside a CJK word is one word, and the PDF
libraries' own log lines stay out of the user's terminal."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tendertrace.ingest.readers import Limits, page_text, read_pdf

from ..conftest import EXAMPLES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
# A paragraph 12 characters wide: Chromium breaks it inside 账号 (the second line ends with 账).
NOTICE = """<html><head><meta charset="utf-8"><title>云服务采购公告</title>
<style>p{width:12em;font-size:16px}</style></head><body><p>采购人：深圳大学</p>
<p>　　本项目通过代理商采购了亚马逊云科技（AWS）账号用于科研计算，配置英伟达A100 GPU的云服务器。</p></body></html>"""
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)")


def _line(text: str, x0: float, x1: float) -> dict[str, object]:
    return {"text": text, "x0": x0, "x1": x1}


def test_a_full_line_ending_inside_a_cjk_word_joins_the_next() -> None:
    lines = [_line("header 12/1/26", 20, 400), _line("本项目通过代理商采购", 50, 170),
             _line("了亚马逊云科技（AWS）账", 30, 170), _line("号用于科研计算。", 30, 120),
             _line("二、采购人信息", 30, 110), _line("footer 1/1", 20, 580)]
    text = page_text(lines)
    assert "亚马逊云科技（AWS）账号用于科研计算。\n二、采购人信息" in text
    assert text.startswith("header 12/1/26\n")


def test_a_short_line_or_sentence_end_keeps_its_break() -> None:
    lines = [_line("head", 20, 400), _line("名称：深圳大学", 30, 110), _line("地址：深圳市", 30, 100),
             _line("采购需求如下。", 30, 170), _line("一、项目概况", 30, 90), _line("foot", 20, 580)]
    assert page_text(lines) == "head\n名称：深圳大学\n地址：深圳市\n采购需求如下。\n一、项目概况\nfoot"


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("pdf")
    html = tmp / "notice.html"
    html.write_text(NOTICE, encoding="utf-8")
    pdf = tmp / "notice.pdf"
    subprocess.run([CHROMIUM or "chromium", *FLAGS, f"--print-to-pdf={pdf}", str(html)], capture_output=True,
                   timeout=120, check=True)
    return html, pdf


@needs_chromium
def test_the_same_notice_as_html_and_as_pdf_names_the_same_account(printed: tuple[Path, Path]) -> None:
    from tendertrace.extract.mentions import find_mentions
    from tendertrace.text.fold import match_text

    _html, pdf = printed
    text = read_pdf(pdf.read_bytes(), Limits(isolate_pdf=False)).text
    accounts = [text[m.start:m.end] for m in find_mentions(match_text(text)) if m.kind == "cloud_account"]
    assert any("亚马逊云科技（AWS）账号" in a for a in accounts), text


@needs_chromium
def test_a_quiet_scan_of_a_pdf_prints_no_library_log(tmp_path: Path) -> None:
    pdf = tmp_path / "example.pdf"  # a bundled example printed: pdfminer warns on each glyph of its fonts
    subprocess.run([CHROMIUM or "chromium", *FLAGS, f"--print-to-pdf={pdf}", str(EXAMPLES / "shenzhen_university_aws.html")],
                   capture_output=True, timeout=120, check=True)
    done = subprocess.run([sys.executable, "-m", "tendertrace.cli", "scan", str(pdf), "-q", "--db",
                           str(tmp_path / "t.db")], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "COLUMNS": "200"})
    assert done.returncode == 0, done.stderr
    assert "FontBBox" not in done.stderr and "pdfminer" not in done.stderr
