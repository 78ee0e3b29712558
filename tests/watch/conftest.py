"""A local portal for the watch tests: a ccgp-style listing page with notice pages, a jianyu-style
JSON answer of listing records, an OCDS release package and a JSON-lines feed, served with ETags,
a robots.txt, and faults on demand (429 with Retry-After, 503, slow answers).

The notices are the real corpus's when ../shared is present (a few records of each shape), plus
corpus-shaped records written here, one of them procuring rented A100 servers (a finding)."""

from __future__ import annotations

import gzip
import hashlib
import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "tenders" / "corpus.jsonl.gz"
REAL_PER_SHAPE = 3  # real records of each shape served when the corpus is present

FINDING_HTML = ("<html><head><title>某大学GPU算力租赁服务采购项目 公开招标公告</title></head><body>"
                "<p>采购人：某省某大学</p><p>项目名称：GPU算力租赁服务采购项目</p>"
                "<p>租用云服务器50台，每台配置8块NVIDIA A100，用于大模型训练。</p>"
                "<p>预算金额：300万元</p><p>发布日期：2025-06-01</p></body></html>")
LEAD_HTML = ("<html><body><p>采购人：某市数据局</p><p>项目名称：某市智算中心建设项目</p>"
             "<p>采购DeepSeek大模型一体机2台，国产昇腾910B加速卡。</p><p>发布日期：2025-07-01</p></body></html>")


@cache  # the corpus is read once per test session
def _real(shape: str) -> list[dict[str, Any]]:
    if not CORPUS.exists():
        return []
    out = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            r = json.loads(line)
            if (shape == "html" and r["id"].startswith("nbygcg-")) or (
                    shape == "jianyu" and r["id"].startswith("jianyu-")) or (
                    shape == "ocds" and r["format"] == "ocds" and "releases" not in r["content"][:200]):
                out.append(r)
                if len(out) >= REAL_PER_SHAPE:
                    break
    return out


@dataclass
class Portal:
    """What the server serves, and the faults it injects: ``faults[path]`` is a list of statuses
    answered (in order) before the real answer; ``delay[path]`` seconds before answering."""

    pages: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    faults: dict[str, list[int]] = field(default_factory=dict)
    delay: dict[str, float] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    conditional: Counter[str] = field(default_factory=Counter)  # requests that carried a validator
    times: dict[str, list[float]] = field(default_factory=dict)
    base: str = ""

    def url(self, path: str) -> str:
        return self.base + path

    def put(self, path: str, body: bytes | str, kind: str = "text/html; charset=utf-8") -> None:
        self.pages[path] = (body.encode("utf-8") if isinstance(body, str) else body, kind)


def _handler(portal: Portal) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            path = self.path
            portal.hits[path] += 1
            portal.times.setdefault(path, []).append(time.monotonic())
            time.sleep(portal.delay.get(path, 0.0))
            queued = portal.faults.get(path)
            if queued:
                status = queued.pop(0)
                self.send_response(status)
                if status == 429:
                    self.send_header("Retry-After", "0")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if path not in portal.pages:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body, kind = portal.pages[path]
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match"):
                portal.conditional[path] += 1
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def listing_html(items: list[tuple[str, str, str]]) -> str:
    lis = "".join(f'<li><a href="{href}" title="{title}">{title}</a><em>{date}</em></li>' for href, title, date in items)
    return f'<html><body><div class="nav"><a href="/about.htm">about</a></div><ul class="c_list_bid">{lis}</ul></body></html>'


@pytest.fixture
def portal() -> Iterator[Portal]:
    state = Portal()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    state.put("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    notices = [("/cggg/dfgg/gkzb/202506/t20250601_1.htm", "某大学GPU算力租赁服务采购项目 公开招标公告", "2025-06-01", FINDING_HTML),
               ("/cggg/dfgg/gkzb/202507/t20250701_2.htm", "某市智算中心建设项目", "2025-07-01", LEAD_HTML)]
    for i, r in enumerate(_real("html")):
        notices.append((f"/cggg/dfgg/gkzb/202508/t20250801_{10 + i}.htm", r["title"], r.get("published") or "", r["content"]))
    for href, _, _, html in notices:
        state.put(href, html)
    state.put("/cggg/dfgg/", listing_html([(h, t, d) for h, t, d, _ in notices]))
    state.put("/private/secret.htm", "<p>not for robots</p>")
    jianyu = [json.loads(r["content"]) for r in _real("jianyu")] or [
        {"id": "ABC1", "title": "某医院信息化设备采购", "publishTime": 1739232000, "buyer": "某医院", "spiderCode": "x",
         "detail": "采购服务器2台"}]
    state.put("/jyapi/search", json.dumps({"data": {"list": jianyu}}, ensure_ascii=False), "application/json")
    releases = [json.loads(r["content"]) for r in _real("ocds")] or [
        {"ocid": "ocds-x-1", "id": "r1", "date": "2024-01-01", "tag": ["tender"],
         "tender": {"title": "Cloud GPU hours for research", "description": "GPU cloud instances"}}]
    state.put("/ocds/releases.json", json.dumps({"uri": "x", "releases": releases}, ensure_ascii=False), "application/json")
    feed = [{"id": "feed-1", "format": "html", "title": "某大学GPU算力租赁服务采购项目", "published": "2025-06-01",
             "content": FINDING_HTML, "url": state.url("/n/1")},
            {"id": "feed-2", "format": "html", "title": "某市智算中心建设项目", "published": "2025-07-01", "content": LEAD_HTML}]
    state.put("/feed.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in feed), "application/x-ndjson")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


def quick_client(**kw: Any) -> Any:
    """A polite client whose waits are recorded, not slept (backoff and rate limit are checked
    from the record): tests stay fast."""
    from tendertrace.watch.http import PoliteClient

    waits: list[float] = []
    client = PoliteClient(interval=kw.pop("interval", 0.0), backoff=kw.pop("backoff", 0.01), sleep=waits.append,
                          timeout=kw.pop("timeout", 5.0), **kw)
    client.waits = waits  # type: ignore[attr-defined]
    return client
