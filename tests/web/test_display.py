"""What a person sees: format characters made visible, the original kept; one CSP for the
server and the HTML report."""

from __future__ import annotations

import base64
import hashlib
import html
import re

from markupsafe import Markup

from tendertrace.report import html as report_html
from tendertrace.report.html import content_security_policy, display_safe, html_report
from tendertrace.web.security import SECURITY_HEADERS

from .conftest import Api

RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: reverses how the rest of a line is drawn


def test_display_safe_marks_format_characters() -> None:
    assert display_safe(f"北京{RLO}公司\u200b\u2066x\u2069") == "北京[U+202E]公司[U+200B][U+2066]x[U+2069]"
    marked = display_safe(Markup(f"<mark>a{RLO}</mark>"))
    assert isinstance(marked, Markup) and marked == Markup("<mark>a[U+202E]</mark>")
    assert display_safe("清华大学 Tsinghua") == "清华大学 Tsinghua" and display_safe(3) == 3


def test_bidi_in_a_document_is_shown_marked_and_stored_raw(api: Api) -> None:
    title = f"服务器采购{RLO}dmC nuaH"
    body = {"documents": [{"id": "b1", "title": title, "content": f"采购人：某某大学{RLO}\n采购内容：服务器，配置NVIDIA A100"}]}
    job = api.wait(api.upload(json=body).json())
    doc_id = job["documents"][0]["id"]
    stored = api.client.get(f"/api/documents/{doc_id}").json()
    assert stored["title"] == title and RLO in stored["text"]  # the evidence keeps the original
    page = api.client.get(f"/documents/{doc_id}").text
    assert RLO not in page and "[U+202E]" in page


def _directives(policy: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())


def test_report_carries_the_servers_csp_in_a_meta_tag() -> None:
    page = html_report([])
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert meta is not None
    report = _directives(html.unescape(meta.group(1)))  # the attribute as a browser reads it
    server = _directives(dict(SECURITY_HEADERS)[b"content-security-policy"].decode())
    assert server == _directives(content_security_policy())
    style = re.search(r"<style>(.*?)</style>", page, re.S)
    assert style is not None and style.group(1) == report_html._CSS
    digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
    assert report.pop("style-src") == f"{server.pop('style-src')} 'sha256-{digest}'"
    server.pop("frame-ancestors")  # a meta tag cannot set it
    assert report == server and "script-src" not in report
