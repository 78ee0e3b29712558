"""The review UI end to end: a real ``tendertrace serve`` process, driven in Debian's headless
Chromium through Playwright (its browser download is never used). Screenshots go to
``test-output/ui-{sqlite,postgresql}-*.png``."""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..conftest import EXAMPLES, ROOT

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs Debian's chromium)")
SHOTS = ROOT / "test-output"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
# Untrusted text planted in a document: it must show as text and never run.
HOSTILE = ("标题 <script>window.__pwned = 1; alert('x')</script>\n"
           "采购人：西北工业大学<img src=x onerror=\"window.__pwned = 2\">\n"
           "采购内容：GPU服务器2台，每台配置8块NVIDIA H100 SXM；参考 <a href=\"javascript:window.__pwned=3\">链接</a> javascript:alert(1)\n"
           "成交金额：￥1,000,000元\n发布日期：2024-08-01\n")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


def test_upload_scan_review_filter(served: dict[str, str], browser: object, tmp_path: Path) -> None:
    SHOTS.mkdir(exist_ok=True)
    base = served["base"]
    backend = served["db"].split(":", 1)[0].split("+")[0]

    def shot(name: str) -> str:
        return str(SHOTS / f"ui-{backend}-{name}.png")

    page = browser.new_page(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
    problems: list[str] = []
    # Every console error counts -- a CSP violation would show here -- except the 401 answers this
    # test asks for on purpose (an anonymous upload page, a wrong token).
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" and "status of 401" not in m.text else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))

    # Anonymous: findings are readable, uploading needs a sign-in.
    page.goto(f"{base}/")
    assert page.inner_text("h1").startswith("Findings")
    page.goto(f"{base}/upload")
    assert "sign in" in page.inner_text("main").lower()

    # Sign in with the token; a wrong token is refused first.
    page.goto(f"{base}/login?next=/upload")
    page.fill("input[name=token]", "tt_wrong")
    page.click("main button[type=submit]")
    assert "not valid" in page.inner_text("main")
    page.fill("input[name=token]", served["token"])
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/upload")
    assert "signed in as alice" in page.inner_text("header")

    # Upload the examples and a hostile document; the scan runs in the background.
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    files = sorted(str(p) for p in EXAMPLES.iterdir() if p.suffix in (".html", ".txt")) + [str(hostile)]
    page.set_input_files("input[name=files]", files)
    page.screenshot(path=shot("upload"))
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r".*/jobs/[0-9a-f]+$"))
    for _ in range(120):
        if page.inner_text("#job-status") == "done":
            break
        time.sleep(0.5)
        page.reload()
    assert page.inner_text("#job-status") == "done"
    assert page.locator("#job-documents tr").count() == len(files) + 1
    page.screenshot(path=shot("job"), full_page=True)

    # The findings list, then a filter by provider and a sort by score.
    page.click("text=See the findings")
    rows = page.locator("#findings tbody tr")
    assert rows.count() == 5
    page.screenshot(path=shot("findings"), full_page=True)
    page.select_option("select[name=provider]", "Amazon Web Services")
    page.click("form.filters button[type=submit]")
    buyers = page.locator("#findings tbody tr td:nth-child(3) a").all_inner_texts()
    assert sorted(buyers) == ["国家集成电路设计自动化技术创新中心", "深圳大学"]
    page.screenshot(path=shot("filtered"), full_page=True)
    page.goto(f"{base}/")
    page.click("#findings th >> text=score")  # already score, descending: flips to ascending
    scores = [float(s) for s in page.locator("#findings tbody td.score").all_inner_texts()]
    assert scores == sorted(scores) and len(scores) == 5

    # The hostile document's finding: its text shows as text and nothing planted runs.
    page.goto(f"{base}/?q=西北工业大学")
    page.click("#findings tbody tr td:nth-child(3) a")
    body = page.inner_text("main")
    assert "<script>window.__pwned = 1; alert('x')</script>" in body
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('script').length") == 0
    assert page.evaluate("document.querySelectorAll('[onerror], a[href^=\"javascript:\"]').length") == 0
    assert page.locator("pre.doc mark").count() >= 2  # evidence highlighted: party, chip
    assert page.locator(".graph svg").count() == 1

    # Review: dismiss the listed-party hit, then confirm the finding; the audit trail shows both.
    page.fill("#hits input[name=reason]", "a namesake in a test document")
    page.click("#hits button[value=dismissed]")
    page.wait_for_url(re.compile(r".*/findings/[0-9a-f]+(#review)?$"))
    assert "no longer counts" in page.inner_text("#hits")
    page.fill("#review input[name=reason]", "GPU servers with H100: controlled under 3A090/4A090")
    page.click("#review button[value=confirmed]")
    page.wait_for_url(re.compile(r".*#review$"))
    assert page.inner_text("#status") == "confirmed"
    trail = page.inner_text("#trail")
    assert "alice" in trail and "a namesake in a test document" in trail and "GPU servers with H100" in trail
    page.screenshot(path=shot("finding"), full_page=True)
    finding_url = page.url.split("#")[0]

    # Only the confirmed one under review=confirmed; the decision survives a new browser session.
    page.goto(f"{base}/?review=confirmed")
    assert page.locator("#findings tbody tr").count() == 1
    other = browser.new_page()  # type: ignore[attr-defined]
    other.goto(finding_url)
    assert other.inner_text("#status") == "confirmed" and "alice" in other.inner_text("#trail")
    other.close()

    # CSRF: the same signed-in browser posting without the form's token is refused.
    forged = page.request.post(f"{finding_url}/review", form={"decision": "dismissed", "reason": "forged"})
    assert forged.status == 403
    page.goto(finding_url)
    assert "forged" not in page.inner_text("#trail")

    # A document page, then sign out.
    page.click("pre.doc >> xpath=preceding-sibling::p[1]/a")
    assert page.locator("#text mark").count() >= 1
    page.click("header button:text('sign out')")
    assert "sign in" in page.inner_text("header")
    assert problems == [], problems
