"""Ingest: files, folders, JSON-lines corpora and OCDS packages in; :class:`Document` objects out.

Every input ends as a :class:`~tendertrace.model.Document` or an
:class:`~tendertrace.model.IngestFailure` with a reason: one bad file never stops a batch.
"""

from __future__ import annotations

import gzip
import hashlib
import html as html_lib
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Document, IngestFailure
from ..text.dates import parse_date
from ..text.fold import match_text
from .decoding import DecodeError, decode
from .provenance import complete, ocds_provenance, record_provenance
from .readers import (
    Limits,
    ReadError,
    ReadResult,
    read_csv,
    read_docx,
    read_email,
    read_feed,
    read_html,
    read_json_object,
    read_markdown,
    read_pdf,
    read_pptx,
    read_text,
    read_xlsx,
    read_xml,
    sniff_format,
)

__all__ = ["Limits", "RawInput", "iter_documents", "iter_raw", "read_raw", "materialize", "read_input", "content_id",
           "expand_paths"]

_SKIP_SUFFIXES = (".db", ".db-wal", ".db-shm", ".pyc", ".png", ".jpg", ".jpeg", ".gif", ".zip", ".gz")
# A folder's own documentation (README.md, PROVENANCE.md, LICENSE): not a document of the folder. Any
# other Markdown file is one (a converter's export of a notice or a quotation with its tables).
_FOLDER_DOCS = ("readme", "provenance", "license", "licence", "changelog", "contributing", "notice.md", "copying")


def _has_surrogate(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate: the one code point UTF-8 cannot encode. Encoding
    is a pass in C, twice as fast as a search for the range."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def content_id(data: bytes | str) -> str:
    """The stable id of a document: a hash of its content, whoever reads it and wherever."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()[:32]


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files named, and the files below folders named, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith(".") or name.lower().startswith(_FOLDER_DOCS) or (
                        name.endswith(_SKIP_SUFFIXES) and not name.endswith(".jsonl.gz")
                    ):
                        continue
                    yield Path(root) / name
        else:
            yield path


@dataclass(slots=True)
class RawInput:
    """One input before parsing: a file's bytes or a corpus record. Cheap to make and to ship to a
    worker process; :func:`read_raw` does the expensive part."""

    id: str  # content_id of the content (the document's id), "" for a corpus line not yet parsed
    source: str
    file: str | None
    data: bytes | None = None  # a file's content
    record: dict[str, Any] | None = None  # a corpus record
    lineno: int = 0
    line: str | None = None  # a corpus line not yet parsed (see :func:`materialize`)
    upload_name: str | None = None  # the file name an analyst uploaded it under
    fetched_at: str | None = None  # when it was fetched or uploaded (ISO 8601), when known


def iter_documents(
    paths: Iterable[str | os.PathLike[str]], limits: Limits | None = None
) -> Iterator[Document | IngestFailure]:
    """Stream the documents of every input, in order."""
    limits = limits or Limits()
    for raw in iter_raw(paths, limits):
        if isinstance(raw, IngestFailure):
            yield raw
        else:
            yield from read_raw(raw, limits)


def iter_raw(
    paths: Iterable[str | os.PathLike[str]], limits: Limits | None = None, lazy: bool = False
) -> Iterator[RawInput | IngestFailure]:
    """The inputs below ``paths``, unparsed, each with the id its document will have.

    With ``lazy`` a corpus line is passed on as it is, without its id: :func:`materialize` (run
    by a worker) parses it, so the process that lists the inputs does almost nothing.
    """
    limits = limits or Limits()
    for path in expand_paths(paths):
        name = path.name.lower()
        if name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
            yield from _iter_corpus(path, lazy)
            continue
        try:
            size = path.stat().st_size
            if size > limits.max_bytes:
                yield IngestFailure(
                    content_id(f"{path}:{size}"), str(path), str(path),
                    f"file is {size:,} bytes, over the {limits.max_bytes:,}-byte limit",
                )
                continue
            data = path.read_bytes()
        except OSError as exc:
            yield IngestFailure(content_id(str(path)), str(path), str(path), f"cannot read file: {exc}")
            continue
        yield RawInput(content_id(data), str(path), str(path), data=data)


def read_raw(raw: RawInput, limits: Limits | None = None) -> Iterator[Document | IngestFailure]:
    """Parse one raw input into its document(s)."""
    limits = limits or Limits()
    if raw.line is not None:
        raw = materialize(raw)  # type: ignore[assignment]
        if isinstance(raw, IngestFailure):
            yield raw
            return
    items = (_read_record(raw, limits) if raw.record is not None else
             read_input(raw.data or b"", name=Path(raw.source).name, source=raw.source, file=raw.file,
                        limits=limits, doc_id=raw.id or None))
    for item in items:
        if isinstance(item, Document):
            complete(item.provenance, None if raw.upload_name else raw.file, raw.upload_name, raw.fetched_at)
        yield item


def _iter_corpus(path: Path, lazy: bool = False) -> Iterator[RawInput | IngestFailure]:
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8", errors="replace") as handle:
            for lineno, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                raw = RawInput("", f"{path}:{lineno}", str(path), lineno=lineno, line=line)
                yield raw if lazy else materialize(raw)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield IngestFailure(content_id(f"{path}:broken"), str(path), str(path), f"corpus unreadable: {exc}")


# The keys other portals' and scrapers' listing records hold their text under, after ``content``: the
# Chinese aggregators' 正文 / 内容 / 公告内容, and the English scrapers' text / detail / body / html.
RECORD_TEXT_KEYS = ("正文", "内容", "公告内容", "text", "detail", "body", "html")


def materialize(raw: RawInput) -> RawInput | IngestFailure:
    """Parse a corpus line into its record and id (a no-op for other inputs)."""
    if raw.line is None:
        return raw
    path, lineno, line = Path(raw.file or ""), raw.lineno, raw.line
    try:
        record = json.loads(line)
        if isinstance(record, dict) and "content" not in record:
            key = next((k for k in RECORD_TEXT_KEYS if isinstance(record.get(k), str) and record[k].strip()), None)
            if key is not None:
                record["content"] = record.pop(key)  # the record's text under another name (正文, text)
        if not isinstance(record, dict) or "content" not in record:
            raise ValueError("a record needs a 'content' field (or one of: " + ", ".join(RECORD_TEXT_KEYS) + ")")
    except ValueError as exc:
        return IngestFailure(content_id(line), f"{path}:{lineno}", str(path), f"bad JSON-lines record: {exc}")
    content = record["content"]
    if not isinstance(content, str):
        content = json.dumps(content, ensure_ascii=False)
        record["content"] = content
    source_id = str(record["id"]) if record.get("id") is not None else None
    return RawInput(content_id(content), f"{path}#{source_id or lineno}", str(path), record=record, lineno=lineno,
                    upload_name=raw.upload_name, fetched_at=raw.fetched_at)


def _read_record(raw: RawInput, limits: Limits) -> Iterator[Document | IngestFailure]:
    """The document of a corpus record (parsed by :func:`materialize`), with the record's metadata."""
    record = raw.record or {}
    content = record["content"]
    source_id = str(record["id"]) if record.get("id") is not None else None
    fmt = str(record.get("format") or "").lower() or sniff_format("", content[:2048].encode())
    for item in read_input(
        content, name=f"record.{fmt}", source=raw.source, file=raw.file, limits=limits, fmt=fmt, source_id=source_id,
        doc_id=raw.id or None,
    ):
        if isinstance(item, Document):
            item.title = record.get("title") or item.title
            item.published = item.published or parse_date(record.get("published"))
            item.meta.setdefault("record_meta", {
                k: v for k, v in record.items() if k not in ("content",) and isinstance(v, str | int | float)
            })
            found = record_provenance(record, None if raw.upload_name else raw.file, source_id)
            if item.format == "ocds":  # a record holding an OCDS release: the release's ids, the record's URL
                found.ocid, found.release_id = item.provenance.ocid, item.provenance.release_id
                found.url = found.url or item.provenance.url
            item.provenance = found
        yield item


def read_input(
    data: bytes | str,
    *,
    name: str,
    source: str,
    file: str | None = None,
    limits: Limits | None = None,
    fmt: str | None = None,
    source_id: str | None = None,
    doc_id: str | None = None,
) -> Iterator[Document | IngestFailure]:
    """Read one input (a file's bytes or a record's content) into one or more documents.
    ``doc_id`` is the input's :func:`content_id` when the caller has it already (a corpus record's)."""
    limits = limits or Limits()
    doc_id = doc_id or content_id(data)
    if isinstance(data, str) and not data.isascii() and _has_surrogate(data):
        # Lone surrogates (from JSON "\ud800" escapes) cannot be stored: they become U+FFFD.
        data = data.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    size = len(data)
    if not data.strip():
        yield IngestFailure(doc_id, source, file, "empty input: no content", source_id)
        return
    if size > limits.max_bytes:
        yield IngestFailure(doc_id, source, file, f"input is {size:,} bytes, over the {limits.max_bytes:,}-byte limit", source_id)
        return
    if not fmt:
        # The first 4,096 bytes of the input, encoding no more of a text than they can hold.
        fmt = sniff_format(name, data[:4096].encode("utf-8")[:4096] if isinstance(data, str) else data[:4096])
    fmt = fmt.lower()
    try:
        if fmt in ("ocds", "json"):
            yield from _read_json(data, doc_id, source, file, limits, source_id, fmt)
            return
        if fmt == "feed":
            yield from _read_feed(data.encode("utf-8") if isinstance(data, str) else data, source, file, limits, source_id)
            return
        if fmt in ("html", "text"):  # these two read text as given, without a round trip through bytes
            result = (read_html if fmt == "html" else read_text)(data, limits)
        else:
            raw = data.encode("utf-8") if isinstance(data, str) else data
            result = _READERS.get(fmt, read_text)(raw, limits)
    except (ReadError, DecodeError) as exc:
        yield IngestFailure(doc_id, source, file, str(exc), source_id)
        return
    except RecursionError:
        yield IngestFailure(doc_id, source, file, "input nested too deeply to read", source_id)
        return
    except MemoryError:
        yield IngestFailure(doc_id, source, file, "input too large to read in memory", source_id)
        return
    sections = listing_sections(result.text) if fmt in ("html", "htm", "text", "txt", "markdown") else []
    if len(sections) < 2:
        yield _document(result, doc_id, source, file, fmt, source_id, limits)
        return
    for i, (start, end) in enumerate(sections):
        part = ReadResult(result.text[start:end], result.encoding, None, list(result.warnings or []))
        doc = _document(part, content_id(f"{doc_id}#notice{i}"), f"{source}#notice{i}", file, fmt, source_id, limits)
        doc.title = result.text[start:end].split("\n", 1)[0].strip()
        doc.meta["listing_entry"] = {"index": i, "of": len(sections)}
        yield doc


# A portal's listing page with its entries expanded (交易信息 > 结果公示, "已展开摘要"): each notice is a
# title line that ends with a notice word, then its own 发布时间 line. A page holding two or more is read
# as one document per notice, as a feed is: each has its own buyer, supplier, date and status, and a
# cancelled notice among them cancels only itself.
_LISTING_HEAD = re.compile(r"^[ \t]*([^\n]{4,120}?(?:公告|公示|结果|通知|通告))[ \t]*\n[ \t]*(?:发布时间|发布日期|发布于|公告时间|公示时间)[ \t]*[:：]",
                           re.MULTILINE)


# ... or a digest of notices (a subscription's daily push, a portal's summary list): each entry a line
# opening with its number and its notice's kind in brackets ("①【招标公告】X项目", "2.【中标公告】Y").
_DIGEST_HEAD = re.compile(r"^[ \t]*((?:[\u2460-\u2473]|\d{1,2}[.、)）])[ \t]*【[^】\n]{2,12}】[^\n]{4,120})$", re.MULTILINE)


def listing_sections(text: str) -> list[tuple[int, int]]:
    """The spans of the notices of a listing page (see ``_LISTING_HEAD``, ``_DIGEST_HEAD``): each from
    its title line to the next one's, the last to the end of the text; fewer than two heads: none."""
    heads = [m.start(1) for m in _LISTING_HEAD.finditer(text)]
    if len(heads) < 2:
        heads = [m.start(1) for m in _DIGEST_HEAD.finditer(text)]
    if len(heads) < 2:
        return []
    return [(start, heads[i + 1] if i + 1 < len(heads) else len(text)) for i, start in enumerate(heads)]


_READERS: dict[str, Callable[[bytes, Limits], ReadResult]] = {"html": read_html, "htm": read_html, "text": read_text, "txt": read_text, "markdown": read_markdown, "csv": read_csv, "pdf": read_pdf, "docx": read_docx, "xlsx": read_xlsx, "pptx": read_pptx, "email": read_email, "xml": read_xml}


def _read_json(
    data: bytes | str, doc_id: str, source: str, file: str | None, limits: Limits, source_id: str | None, fmt: str
) -> Iterator[Document | IngestFailure]:
    try:
        text = decode(data)[0] if isinstance(data, bytes) else data
        obj = json.loads(text)
    except (ValueError, DecodeError, RecursionError) as exc:
        yield IngestFailure(doc_id, source, file, f"invalid JSON: {exc}", source_id)
        return
    releases = ocds_releases(obj)
    if releases is None:
        if not isinstance(obj, dict):
            yield IngestFailure(doc_id, source, file, "JSON input is neither an object nor an OCDS package", source_id)
            return
        yield _document(read_json_object(obj), doc_id, source, file, "json", source_id, limits)
        return
    if not releases:
        yield IngestFailure(doc_id, source, file, "OCDS package holds no release", source_id)
        return
    for index, release in enumerate(releases):
        rid = doc_id if len(releases) == 1 else content_id(f"{doc_id}#release{index}")
        result = read_json_object(release)
        result.meta = {"ocds": release}
        doc = _document(result, rid, source if len(releases) == 1 else f"{source}#release{index}", file, "ocds", source_id, limits)
        given = release.get("tender")
        tender: dict[str, Any] = given if isinstance(given, dict) else {}
        doc.title = tender.get("title") or release.get("title")
        doc.provenance = ocds_provenance(release, obj if obj is not release else None, file, source_id)
        doc.published = parse_date(release.get("date") or release.get("releaseDate"))
        yield doc


def ocds_releases(obj: Any) -> list[dict[str, Any]] | None:
    """The releases of an OCDS release package, record package or bare release; None if not OCDS."""
    if not isinstance(obj, dict):
        return None
    if isinstance(obj.get("releases"), list):
        return [r for r in obj["releases"] if isinstance(r, dict)]
    if isinstance(obj.get("records"), list):
        out = []
        for record in obj["records"]:
            if isinstance(record, dict):
                compiled = record.get("compiledRelease")
                if isinstance(compiled, dict):
                    out.append(compiled)
                elif isinstance(record.get("releases"), list):
                    out.extend(r for r in record["releases"] if isinstance(r, dict) and "tag" in r)
        return out
    if "ocid" in obj and any(k in obj for k in ("tag", "releaseTag", "tender", "awards", "buyer")):
        return [obj]
    return None


def _read_feed(data: bytes, source: str, file: str | None, limits: Limits, source_id: str | None) -> Iterator[Document | IngestFailure]:
    """Each entry of an Atom or RSS feed as a document of its own: its title, its date and its
    content read as HTML, its link kept as the notice's URL."""
    entries = read_feed(data)
    if not entries:
        yield IngestFailure(content_id(data), source, file, "feed holds no entry", source_id)
        return
    for i, entry in enumerate(entries):
        page = f"<h1>{html_lib.escape(entry.title)}</h1>\n{entry.html}"
        for item in read_input(page, name=f"entry{i}.html", source=source, file=file, limits=limits, fmt="html",
                               source_id=source_id):
            if isinstance(item, Document):
                item.title = entry.title or item.title
                item.published = item.published or parse_date(entry.published)
                item.meta["feed_entry"] = {"index": i, "link": entry.link}
                if entry.link:
                    item.provenance.url = item.provenance.url or entry.link
            yield item


def _document(
    result: ReadResult, doc_id: str, source: str, file: str | None, fmt: str, source_id: str | None, limits: Limits
) -> Document:
    text = result.text
    warnings = list(result.warnings or [])
    if len(text) > limits.max_text_chars:
        warnings.append(f"text cut at {limits.max_text_chars:,} of {len(text):,} characters")
        text = text[: limits.max_text_chars]
    text = text.replace("\x00", "")
    if not text.strip():
        warnings.append("no visible text")
    meta = dict(result.meta or {})
    title = meta.get("title") if isinstance(meta.get("title"), str) else None
    doc = Document(
        id=doc_id, source=source, format=fmt, text=text, match_text=match_text(text), file=file, title=title,
        source_id=source_id, encoding=result.encoding, meta=meta, warnings=warnings,
    )
    if isinstance(meta.get("published"), str):
        doc.published = parse_date(meta["published"])  # an e-mail's Date header
    return doc
