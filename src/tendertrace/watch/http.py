"""Polite HTTP for watching portals: robots.txt obeyed, one request per host per interval,
retries with exponential backoff (and the server's ``Retry-After``) on 429, 5xx and network
errors, and conditional GETs with the validators (ETag, Last-Modified) of the last answer."""

from __future__ import annotations

import logging
import threading
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx

from .. import __version__

log = logging.getLogger("tendertrace.watch")

USER_AGENT = f"tendertrace/{__version__} (+https://github.com/tendertrace; procurement monitoring)"
DEFAULT_INTERVAL = 2.0  # seconds between two requests to one host: a reader, not a crawler
DEFAULT_RETRIES = 4  # attempts after the first: 1 + 2 + 4 + 8 s of backoff at the default base
BACKOFF_BASE = 1.0  # seconds before the first retry, doubled at each further one
MAX_BACKOFF = 300.0  # a Retry-After or backoff longer than five minutes waits for the next poll instead
TIMEOUT = 30.0  # seconds for one request: a portal slower than this is retried
MAX_BODY_BYTES = 64 * 1024 * 1024  # as ingest.Limits.max_bytes: a larger answer would fail ingest anyway
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class FetchError(Exception):
    """A URL that could not be fetched now (after the retries), or that robots.txt forbids."""


@dataclass(frozen=True)
class Fetched:
    url: str
    status: int  # 200, or 304 when the validators still hold
    content: bytes
    etag: str | None
    last_modified: str | None
    content_type: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class PoliteClient:
    """One client for every source of a watch: the per-host clock is shared between them."""

    interval: float = DEFAULT_INTERVAL
    retries: int = DEFAULT_RETRIES
    backoff: float = BACKOFF_BASE
    timeout: float = TIMEOUT
    user_agent: str = USER_AGENT
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    transport: httpx.BaseTransport | None = None
    _client: httpx.Client | None = field(default=None, init=False, repr=False)
    _last: dict[str, float] = field(default_factory=dict, init=False, repr=False)
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(timeout=self.timeout, follow_redirects=True, transport=self.transport,
                                        headers={"User-Agent": self.user_agent})
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _wait_turn(self, host: str, interval: float) -> None:
        with self._lock:
            last = self._last.get(host)
            now = self.clock()
            if last is not None and now - last < interval:
                self.sleep(interval - (now - last))
            self._last[host] = self.clock()

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets this user agent read ``url`` (a missing or broken robots.txt allows)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            parser: urllib.robotparser.RobotFileParser | None = urllib.robotparser.RobotFileParser()
            try:
                answer = self._get(f"{origin}/robots.txt", {}, self.interval, retries=1)
            except FetchError:
                answer = None
            if answer is None or answer.status >= 400:
                parser = None  # no robots.txt: everything may be read
            elif parser is not None:
                parser.parse(answer.text.splitlines())
            self._robots[origin] = parser
        robots = self._robots[origin]
        return robots is None or robots.can_fetch(self.user_agent, url)

    def crawl_delay(self, url: str) -> float:
        parts = urlsplit(url)
        robots = self._robots.get(f"{parts.scheme}://{parts.netloc}")
        delay = robots.crawl_delay(self.user_agent) if robots is not None else None
        return max(self.interval, float(delay or 0))

    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET ``url`` politely; with validators, a 304 answer says nothing changed."""
        if not self.allowed(url):
            raise FetchError(f"robots.txt forbids {url}")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        answer = self._get(url, headers, self.crawl_delay(url), self.retries)
        if answer.status >= 400:
            raise FetchError(f"{url}: HTTP {answer.status}")
        content = b"" if answer.status == 304 else answer.content
        if len(content) > MAX_BODY_BYTES:
            raise FetchError(f"{url}: {len(content):,} bytes, over the {MAX_BODY_BYTES:,}-byte limit")
        return Fetched(url, answer.status, content, answer.headers.get("ETag") or etag,
                       answer.headers.get("Last-Modified") or last_modified, answer.headers.get("Content-Type"))

    def _get(self, url: str, headers: dict[str, str], interval: float, retries: int) -> _Answer:
        host = urlsplit(url).netloc
        error = ""
        for attempt in range(retries + 1):
            self._wait_turn(host, interval)
            try:
                response = self.client.get(url, headers=headers)
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"
                wait = self.backoff * 2 ** attempt
            else:
                if response.status_code not in RETRY_STATUSES:
                    return _Answer(response.status_code, response.content, response.headers)
                error = f"HTTP {response.status_code}"
                wait = _retry_after(response.headers.get("Retry-After"), self.backoff * 2 ** attempt)
            if attempt == retries:
                break
            if wait > MAX_BACKOFF:
                raise FetchError(f"{url}: {error}; the server asks to wait {wait:.0f} s, left for the next poll")
            log.info("%s: %s, retry %d in %.1f s", url, error, attempt + 1, wait)
            self.sleep(wait)
        raise FetchError(f"{url}: {error} after {retries + 1} attempts")


@dataclass(frozen=True)
class _Answer:
    status: int
    content: bytes
    headers: httpx.Headers

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", "replace")


def _retry_after(value: str | None, default: float) -> float:
    """Seconds a ``Retry-After`` header asks for (a number or an HTTP date); ``default`` without one."""
    if not value:
        return default
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    return max(0.0, when.timestamp() - time.time())
