"""Polling one source: what is new since the last poll goes to the store's inbox
(``store.watching``), each item with the key that says it was taken.

- a folder: files not seen with their size and modification time;
- a JSON-lines file that grows: the complete lines past the byte offset reached (a file replaced
  or cut shorter is read again from its start, records already taken being skipped by id);
- an OCDS release or record package, local or remote: releases not seen, by release id;
- an HTTP(S) JSON-lines feed: records not seen, by id;
- an HTTP(S) JSON answer of listing records (jianyu-style): records not seen, by id;
- an HTML listing page (ccgp-style): the notices it links to, fetched once each.
Remote sources are fetched with conditional GETs: an unchanged answer (304) costs no parsing.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from sqlalchemy.engine import Engine

from ..ingest import expand_paths, ocds_releases
from ..ingest.decoding import DecodeError, decode
from ..store import watching
from .config import SourceConfig
from .http import FetchError, PoliteClient

log = logging.getLogger("tendertrace.watch")

HEAD_BYTES = 4096  # the start of a growing file, hashed: a different start means the file was replaced
MAX_LINES_PER_POLL = 10_000  # a poll takes at most this many new lines; the next poll goes on from there
MAX_OCDS_PAGES = 20  # `links.next` pages of an OCDS feed followed in one poll


def _digest(text: str | bytes) -> str:
    raw = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    return hashlib.sha256(raw).hexdigest()[:32]


def record_key(record: dict[str, Any], fallback: str) -> str:
    return f"id:{record['id']}" if record.get("id") not in (None, "") else f"sha:{_digest(fallback)}"


class Poller:
    """Polls one configured source into the store's inbox."""

    def __init__(self, config: SourceConfig, engine: Engine, client: PoliteClient) -> None:
        self.config = config
        self.engine = engine
        self.client = client
        self._pending_cursor: dict[str, Any] | None = None  # validators read, stored once their items are

    @property
    def name(self) -> str:
        return self.config.name

    def poll(self) -> int:
        """Take what is new; returns how many items went to the inbox. A source that cannot be read
        now keeps its cursor and its error is recorded; the next poll tries again."""
        cursor = watching.get_cursor(self.engine, self.name)
        if not cursor:
            self._save({})  # the source's row, so that cursors written with an item have one to update
        try:
            taken = getattr(self, f"_poll_{self.config.kind}")(cursor)
        except (FetchError, OSError, ValueError) as exc:
            watching.save_cursor(self.engine, self.name, self.config.kind, self.config.location,
                                 watching.get_cursor(self.engine, self.name), error=str(exc)[:500])
            log.warning("%s: %s", self.name, exc)
            raise
        watching.save_cursor(self.engine, self.name, self.config.kind, self.config.location,
                             watching.get_cursor(self.engine, self.name))
        return int(taken)

    # -- local files ---------------------------------------------------------------------------

    def _poll_folder(self, cursor: dict[str, Any]) -> int:
        files = list(expand_paths([self.config.location]))
        keys = {}
        for path in files:
            try:
                st = path.stat()
            except OSError:
                continue
            keys[f"file:{path}|{st.st_size}|{st.st_mtime_ns}"] = path
        seen = watching.seen_keys(self.engine, self.name, list(keys))
        taken = 0
        for key, path in keys.items():
            if key in seen:
                continue
            if path.name.lower().endswith((".jsonl", ".ndjson", ".jsonl.gz")):
                taken += self._take_lines(path, key)
                continue
            data = path.read_bytes()
            taken += watching.take(self.engine, self.name, key, str(path), data=data)
        return taken

    def _take_lines(self, path: Path, key: str) -> int:
        """A corpus file inside a watched folder: its records not taken yet, then the file's key."""
        taken = self._take_records(_read_lines(path), str(path))
        watching.mark_seen(self.engine, self.name, [key])
        return taken

    def _poll_jsonl(self, cursor: dict[str, Any]) -> int:
        path = Path(self.config.location)
        if path.name.endswith(".gz"):  # compressed: read whole, records by id
            return self._take_records(_read_lines(path), str(path))
        size = path.stat().st_size
        with path.open("rb") as handle:
            start = handle.read(HEAD_BYTES)
            offset = int(cursor.get("offset", 0))
            known = int(cursor.get("head_len", 0))
            if offset > size or (known and _digest(start[:known]) != cursor.get("head")):
                offset = 0  # replaced or cut: read from the start; records already taken are skipped by id
            head, head_len = _digest(start), len(start)
            handle.seek(offset)
            taken = 0
            for _ in range(MAX_LINES_PER_POLL):
                line = handle.readline()
                if not line.endswith(b"\n"):
                    break  # a line still being written: read at the next poll
                end = offset + len(line)
                new_cursor = {"offset": end, "head": head, "head_len": head_len}
                text = line.decode("utf-8", "replace").strip()
                record = _record(text)
                if record is None:
                    if text:
                        log.warning("%s: byte %d: not a JSON-lines record", path, offset)
                    self._save(new_cursor)
                elif not watching.take(self.engine, self.name, record_key(record, text), f"{path}",
                                       record=record, cursor=new_cursor):
                    self._save(new_cursor)
                else:
                    taken += 1
                offset = end
        return taken

    def _save(self, cursor: dict[str, Any]) -> None:
        watching.save_cursor(self.engine, self.name, self.config.kind, self.config.location, cursor)

    def _poll_ocds(self, cursor: dict[str, Any]) -> int:
        if not self.config.remote:
            text = Path(self.config.location).read_bytes()
            return self._take_releases(text, self.config.location)
        taken = 0
        url: str | None = self.config.location
        for page in range(MAX_OCDS_PAGES):
            if url is None:
                break
            got = self._fetch(url, validators=page == 0)
            if got is None:
                break
            taken += self._take_releases(got, url)
            url = _next_link(got)
        return taken

    def _take_releases(self, data: bytes, where: str) -> int:
        try:
            obj = json.loads(decode(data)[0])
        except (ValueError, DecodeError) as exc:
            raise ValueError(f"{where}: not JSON: {exc}") from exc
        releases = ocds_releases(obj)
        if releases is None:
            raise ValueError(f"{where}: not an OCDS release or record package")
        taken = 0
        for release in releases:
            rid = release.get("id") or release.get("releaseID")
            key = f"release:{release.get('ocid')}|{rid}" if rid else f"sha:{_digest(json.dumps(release, sort_keys=True))}"
            if watching.seen_keys(self.engine, self.name, [key]):
                continue
            payload = json.dumps(release, ensure_ascii=False).encode("utf-8")
            taken += watching.take(self.engine, self.name, key, f"{where}#{rid or key}", data=payload)
        return taken

    # -- remote ------------------------------------------------------------------------------

    def _fetch(self, url: str, validators: bool = True) -> bytes | None:
        """A URL's content, or None when it has not changed since the last poll (304)."""
        cursor = watching.get_cursor(self.engine, self.name)
        known = cursor.get("validators", {}).get(url, {}) if validators else {}
        got = self.client.fetch(url, known.get("etag"), known.get("last_modified"))
        if got.not_modified:
            return None
        if validators and (got.etag or got.last_modified):
            cursor.setdefault("validators", {})[url] = {"etag": got.etag, "last_modified": got.last_modified}
            self._pending_cursor = cursor
        return got.content

    def _commit_validators(self) -> None:
        """Store the validators of the answers just read, once their items are in the inbox: a kill
        before this reads them again, never skips them."""
        cursor = self._pending_cursor
        if cursor is not None:
            self._save(cursor)
            self._pending_cursor = None

    def _poll_feed(self, cursor: dict[str, Any]) -> int:
        got = self._fetch(self.config.location)
        if got is None:
            return 0
        data = gzip.decompress(got) if got[:2] == b"\x1f\x8b" else got
        taken = self._take_records(iter(decode(data)[0].splitlines()), self.config.location)
        self._commit_validators()
        return taken

    def _poll_records(self, cursor: dict[str, Any]) -> int:
        spec = self.config.records
        if self.config.remote:
            got = self._fetch(self.config.location)
            if got is None:
                return 0
        else:
            got = Path(self.config.location).read_bytes()
        obj: Any = json.loads(decode(got)[0])
        for part in [p for p in spec.path.split(".") if p]:
            obj = obj.get(part) if isinstance(obj, dict) else None
        if not isinstance(obj, list):
            raise ValueError(f"{self.config.location}: no list of records at '{spec.path or '(top)'}'")
        taken = 0
        for item in obj:
            if not isinstance(item, dict):
                continue
            content = json.dumps(item, ensure_ascii=False)
            rid = item.get(spec.id_field)
            record = {"id": str(rid) if rid not in (None, "") else _digest(content), "format": "text",
                      "title": item.get(spec.title_field), "published": item.get(spec.date_field),
                      "url": item.get(spec.url_field), "kind": "listing_record", "content": content}
            key = f"id:{record['id']}"
            if not watching.seen_keys(self.engine, self.name, [key]):
                taken += watching.take(self.engine, self.name, key, self.config.location, record=record)
        self._commit_validators()
        return taken

    def _poll_listing(self, cursor: dict[str, Any]) -> int:
        spec = self.config.listing
        link_re = re.compile(spec.link_pattern)
        date_re = re.compile(spec.date_pattern)
        url: str | None = self.config.location
        taken = 0
        missed = 0
        for page in range(spec.pages):
            if url is None:
                break
            got = self._fetch(url, validators=page == 0)
            if got is None:
                break
            tree = HTMLParser(decode(got)[0])
            entries = list(_listing_entries(tree, url, spec.item_selector, link_re, date_re))
            keys = [f"url:{e[0]}" for e in entries]
            seen = watching.seen_keys(self.engine, self.name, keys)
            for (link, title, date), key in zip(entries, keys, strict=True):
                if key in seen or urlsplit(link).scheme not in ("http", "https"):
                    continue
                try:
                    detail = self.client.fetch(link)
                except FetchError as exc:
                    log.warning("%s: %s (taken at the next poll)", self.name, exc)
                    missed += 1
                    continue
                content = decode(detail.content)[0]
                record = {"id": _digest(link), "format": "html", "title": title or None, "published": date,
                          "url": link, "content": content}
                taken += watching.take(self.engine, self.name, key, link, record=record)
            nxt = tree.css_first(spec.next_selector) if spec.next_selector else None
            href = nxt.attributes.get("href") if nxt is not None else None
            url = urljoin(url, href) if href else None
        if not missed:  # a notice not fetched keeps the listing unvalidated: the next poll reads it again
            self._commit_validators()
        return taken

    def _take_records(self, lines: Iterator[str], where: str) -> int:
        taken = 0
        batch: list[tuple[str, dict[str, Any]]] = []

        def flush() -> int:
            seen = watching.seen_keys(self.engine, self.name, [k for k, _ in batch])
            count = sum(watching.take(self.engine, self.name, k, where, record=r) for k, r in batch if k not in seen)
            batch.clear()
            return count

        for text in lines:
            record = _record(text.strip())
            if record is None:
                continue
            batch.append((record_key(record, text.strip()), record))
            if len(batch) >= watching._IN_CHUNK:
                taken += flush()
        return taken + flush()


def _record(text: str) -> dict[str, Any] | None:
    """A JSON-lines corpus record (an object with ``content``), or None."""
    if not text:
        return None
    try:
        obj = json.loads(text)
    except ValueError:
        return None
    return obj if isinstance(obj, dict) and "content" in obj else None


def _read_lines(path: Path) -> Iterator[str]:
    opener: Any = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as handle:
        yield from handle


def _next_link(data: bytes) -> str | None:
    """An OCDS package's ``links.next`` (the paginated feeds of OCDS publishers)."""
    try:
        obj = json.loads(data)
    except ValueError:
        return None
    links = obj.get("links") if isinstance(obj, dict) else None
    nxt = links.get("next") if isinstance(links, dict) else None
    return nxt if isinstance(nxt, str) and nxt.startswith(("http://", "https://")) else None


def _listing_entries(tree: HTMLParser, base: str, selector: str, link_re: re.Pattern[str],
                     date_re: re.Pattern[str]) -> Iterator[tuple[str, str, str | None]]:
    """(absolute link, title, date) of each listed notice, in page order, each link once."""
    seen: set[str] = set()
    host = urlsplit(base).netloc
    for node in tree.css(selector):
        anchors = [node] if node.tag == "a" else node.css("a")
        for a in anchors:
            href = (a.attributes.get("href") or "").strip()
            if not href or href.startswith(("#", "javascript:", "mailto:")):
                continue
            link = urljoin(base, href)
            if link in seen or not link_re.search(link) or urlsplit(link).netloc != host:
                continue
            seen.add(link)
            title = (a.attributes.get("title") or a.text(separator=" ", strip=True) or "").strip()
            match = date_re.search(node.text(separator=" ", strip=True))
            yield link, title, match.group(0) if match else None
            break  # one notice per item
