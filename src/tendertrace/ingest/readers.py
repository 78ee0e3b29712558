"""Readers that turn one input's bytes into visible text, one per format."""

from __future__ import annotations

import datetime
import email
import email.policy
import io
import json
import logging
import re
import struct
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt

from .decoding import decode
from .html import html_title, html_to_text


class ReadError(ValueError):
    """The input is broken or not of its claimed format; the message is the reason users see."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that keep one hostile input from taking the whole batch down."""

    max_bytes: int = 64 * 1024 * 1024  # larger inputs fail with a reason
    max_text_chars: int = 2_000_000  # longer texts are cut, with a warning
    max_docx_uncompressed: int = 256 * 1024 * 1024  # zip bombs fail
    max_docx_ratio: int = 200
    max_pdf_pages: int = 500
    pdf_seconds: float = 60.0  # a PDF still being parsed after this fails (its parser process is killed)
    pdf_memory_mb: int = 2048  # address space of the PDF parser process; 0: no limit
    isolate_pdf: bool = True  # parse PDFs in a child process (False: in process, bounded by CPU time -- for fuzzing)


@dataclass(slots=True)
class ReadResult:
    text: str
    encoding: str | None = None
    meta: dict[str, Any] | None = None
    warnings: list[str] | None = None


# An Internet message (RFC 5322) as saved from a mail client: header lines, one of them MIME-Version
# (RFC 2045) or the Received/Message-ID lines a transfer adds, before the first blank line.
_MIME_HEAD = re.compile(rb"(?:[A-Za-z][A-Za-z0-9-]*:[^\n]*\n(?:[ \t][^\n]*\n)*){2,}?(?:MIME-Version|Message-ID|Received):", re.I)


def sniff_format(name: str, data: bytes) -> str:
    lower = name.lower()
    head = data[:2048].lstrip()
    if lower.endswith(".pdf") or data.startswith(b"%PDF"):
        return "pdf"
    if lower.endswith(".docx") or (data.startswith(b"PK") and b"word/" in data[:4096]):
        return "docx"
    if lower.endswith(".xlsx") or (data.startswith(b"PK") and b"xl/" in data[:4096]):
        return "xlsx"
    if lower.endswith(".pptx") or (data.startswith(b"PK") and b"ppt/" in data[:4096]):
        return "pptx"
    if lower.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if lower.endswith(".json"):
        return "json"
    if lower.endswith((".md", ".markdown")):
        return "markdown"
    if lower.endswith((".csv", ".tsv")):
        return "csv"
    if lower.endswith(".eml") or _MIME_HEAD.match(head[:2048]):
        return "email"
    if _FEED_ROOT.search(head[:1024]):
        return "feed"
    low = head[:512].lower()
    if (lower.endswith(".xml") or low.startswith(b"<?xml")) and b"<html" not in head[:2048].lower():
        return "xml"  # a data message or export (not XHTML, not a feed: both are told above)
    if low.startswith((b"<!doctype", b"<html", b"<?xml")) or b"<p" in low or b"<div" in low or b"<table" in low:
        return "html"
    if head.startswith(b"{"):
        return "json"
    return "text"


def read_html(data: bytes | str, limits: Limits) -> ReadResult:
    text, enc, warnings = (data, None, []) if isinstance(data, str) else decode(data)
    title = html_title(text)
    return ReadResult(html_to_text(text), enc, {"title": title} if title else None, warnings)


# CommonMark with GitHub's pipe tables: a table of a Markdown notice reads as the table it is.
_MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable("table")


def read_markdown(data: bytes | str, limits: Limits) -> ReadResult:
    """A Markdown document (a notice saved from a wiki, a repository or a chat export): rendered to
    HTML and read as HTML, so that its emphasis (``**采购人：**``), headings and links leave only their
    words and its pipe tables become tables."""
    text, enc, warnings = (data, None, []) if isinstance(data, str) else decode(data)
    return ReadResult(html_to_text(_MARKDOWN.render(text)), enc, None, warnings)


# A form's label in a sheet's cell: a few characters, no figure ("客户名称", "结算周期", "Invoice No.").
_CSV_LABEL = re.compile(r"[^\d,，;；|]{2,16}")
# The most cells of one CSV row read (a wider row is a data dump, not a form or a table of lines).
MAX_CSV_CELLS = 200


def read_csv(data: bytes | str, limits: Limits) -> ReadResult:
    """A spreadsheet saved as CSV or TSV (a reimbursement list, a statement, a bid-opening record):
    its rows read as an HTML table's, so that a row of label and value cells ("客户名称,X,,,合同编号,Y")
    gives its labelled values and a table its columns, as the same sheet exported to HTML would."""
    import csv
    import html

    text, enc, warnings = (data, None, []) if isinstance(data, str) else decode(data)
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    rows = []
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        cells = row[:MAX_CSV_CELLS]
        while cells and not cells[-1].strip():
            cells.pop()
        filled = [c for c in cells if c.strip()]
        if len(filled) < len(cells) and len(filled) % 2 == 0 and all(
                _CSV_LABEL.fullmatch(filled[i].strip()) for i in range(0, len(filled), 2)):
            cells = filled  # a form's row of label and value cells, spread over a sheet's columns
        if cells:
            rows.append("<tr>" + "".join(f"<td>{html.escape(c.strip())}</td>" for c in cells) + "</tr>")
    return ReadResult(html_to_text("<table>" + "".join(rows) + "</table>"), enc, None, warnings)


# An Atom or RSS feed's root element, after its XML declaration and comments.
_FEED_ROOT = re.compile(rb"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:feed\b[^>]*xmlns=[\"']http://www\.w3\.org/2005/Atom|rss\b)", re.S)
_ATOM = "{http://www.w3.org/2005/Atom}"
_RSS_CONTENT = "{http://purl.org/rss/1.0/modules/content/}"  # the RSS content module (content:encoded)


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of an Atom or RSS feed: its title, date, link and content as HTML."""

    title: str
    published: str | None
    link: str | None
    html: str


def read_feed(data: bytes) -> list[FeedEntry]:
    """The entries of an Atom (RFC 4287) or RSS 2.0 feed, as a portal publishes its notices: each one
    a notice of its own. Expat (which ElementTree uses) fetches no external entity and, from version
    2.4, refuses an entity expansion that amplifies its input (the "billion laughs")."""
    from xml.etree import ElementTree

    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise ReadError(f"broken feed (not well-formed XML): {exc}") from exc
    out: list[FeedEntry] = []
    if root.tag == _ATOM + "feed":
        for entry in root.iter(_ATOM + "entry"):
            link = entry.find(_ATOM + "link")
            body = entry.find(_ATOM + "content")
            if body is None:
                body = entry.find(_ATOM + "summary")
            out.append(FeedEntry(_xml_text(entry.find(_ATOM + "title")),
                                 _xml_text(entry.find(_ATOM + "published")) or _xml_text(entry.find(_ATOM + "updated")) or None,
                                 link.get("href") if link is not None else None, _xml_text(body)))
    else:
        for item in root.iter("item"):
            # the RSS content module's full body (content:encoded) over the description, its summary
            content = _xml_text(item.find(_RSS_CONTENT + "encoded")) or _xml_text(item.find("description"))
            out.append(FeedEntry(_xml_text(item.find("title")), _xml_text(item.find("pubDate")) or None,
                                 _xml_text(item.find("link")) or None, content))
    return out


# Markup inside an element's text (a notice's body carried in CDATA by a data-exchange message).
_MARKUP = re.compile(r"<(?:p|div|table|tr|td|br|span|h[1-6])\b", re.I)


def read_xml(data: bytes, limits: Limits) -> ReadResult:
    """An XML data message or export (a trading platform's push to a public service platform, a
    system's export): ``Path.Tag: value`` lines for its elements and attributes, namespaces dropped,
    as a JSON record's keys are; an element carrying HTML (a notice's body in CDATA) is read as HTML
    under its tag. Not well-formed XML is read as HTML, which forgives it."""
    from xml.etree import ElementTree

    text, enc, warnings = decode(data)
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        warnings = [*warnings, f"not well-formed XML, read as HTML: {exc}"]
        return ReadResult(html_to_text(text), enc, None, warnings)
    lines: list[str] = []
    bodies: list[str] = []
    _xml_lines(root, "", lines, bodies)
    return ReadResult("\n".join([*lines, *bodies]), enc, None, warnings)


def _xml_lines(node: Any, prefix: str, lines: list[str], bodies: list[str]) -> None:
    tag = str(node.tag).rsplit("}", 1)[-1]
    path = f"{prefix}.{tag}" if prefix else tag
    for name, value in node.attrib.items():
        lines.append(f"{path}@{name.rsplit('}', 1)[-1]}: {value}")
    value = (node.text or "").strip()
    if value and _MARKUP.search(value):
        bodies.append(f"{path}:\n{html_to_text(value)}")
    elif value:
        lines.append(f"{path}: {' '.join(value.split())}")
    for child in node:
        _xml_lines(child, path, lines, bodies)


def _xml_text(node: Any) -> str:
    return "".join(node.itertext()).strip() if node is not None else ""


def read_text(data: bytes | str, limits: Limits) -> ReadResult:
    text, enc, warnings = (data, None, []) if isinstance(data, str) else decode(data)
    stripped = text.lstrip()
    if stripped.startswith("{") and stripped.rstrip().endswith("}"):
        try:
            obj = json.loads(stripped)
        except ValueError:
            obj = None
        if isinstance(obj, dict):
            return read_json_object(obj)
    if "<" in text[:2000] and any(t in text[:2000].lower() for t in ("<p", "<div", "<table", "<br")):
        title = html_title(text)
        return ReadResult(html_to_text(text), enc, {"title": title} if title else None, warnings)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _CALENDAR.match(text):
        text = unfold_calendar(text)
    return ReadResult(text, enc, None, warnings)


# An iCalendar or vCard file (a meeting invitation, a contact card a mail client exports).
_CALENDAR = re.compile(r"\s*BEGIN:(?:VCALENDAR|VCARD)\b")
# RFC 5545 §3.1: a content line longer than 75 octets is folded, its continuation opening with one
# space or tab; §3.3.11: a text value escapes its line breaks, commas, semicolons and backslashes.
_FOLD = re.compile(r"\n[ \t]")
_ESCAPED = re.compile(r"\\([nN,;\\])")


def unfold_calendar(text: str) -> str:
    """An iCalendar or vCard text with its folded lines joined and its text escapes read, so that a
    name or a figure split over two lines (杭州衡\\n 川智能科技有限公司, 1\\,280\\,000.00元) is whole.
    Two rules of RFC 5545, written here: a parser library would give the properties, not the text
    the recognisers read."""
    text = _FOLD.sub("", text)
    return _ESCAPED.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


# The header fields an e-mail's text keeps, in this order: who wrote to whom, when, about what.
_MAIL_HEADERS = ("From", "To", "Cc", "Date", "Subject")


def read_email(data: bytes, limits: Limits) -> ReadResult:
    """An e-mail (.eml, RFC 5322 with MIME): its header fields decoded (RFC 2047 words), then each
    text part, its transfer encoding (base64, quoted-printable) undone and its charset read, an HTML
    part as HTML; a forwarded message inside is read the same way. Attachments of other types are
    named in a warning, not read."""
    msg = email.message_from_bytes(data, policy=email.policy.default)
    warnings: list[str] = []
    lines = _mail_text(msg, warnings)
    subject = str(msg.get("Subject") or "").strip()
    meta: dict[str, Any] = {"title": subject} if subject else {}
    sent = msg.get("Date")
    try:
        when = sent.datetime if sent is not None else None
    except (AttributeError, TypeError, ValueError):
        when = None
    if when is not None:
        meta["published"] = when.date().isoformat()
    return ReadResult("\n".join(lines).strip() + "\n", "email", meta or None, warnings)


def _mail_text(msg: Any, warnings: list[str]) -> list[str]:
    lines = []
    for field in _MAIL_HEADERS:
        value = msg.get(field)
        if value is not None and str(value).strip():
            lines.append(f"{field}: {str(value).strip()}")
    lines.append("")
    plain = [part for part in msg.walk() if part.get_content_type() == "text/plain" and not part.is_attachment()]
    for part in msg.walk():
        kind = part.get_content_type()
        if part.is_multipart():
            continue
        if kind == "message/rfc822":
            for inner in part.iter_parts():
                lines.extend(_mail_text(inner, warnings))
            continue
        if kind == "text/html" and plain:
            continue  # multipart/alternative: the plain part says the same
        if kind not in ("text/plain", "text/html") or part.is_attachment() and kind != "text/plain":
            warnings.append(f"attachment not read: {part.get_filename() or kind}")
            continue
        payload = part.get_payload(decode=True) or b""
        text = _part_text(payload, part.get_content_charset())
        lines.append(html_to_text(text) if kind == "text/html" else text)
    return lines


def _part_text(payload: bytes, charset: str | None) -> str:
    """A part's bytes in its declared charset; GB2312 and GBK are read as GB18030, their superset
    (mail clients declare gb2312 for text holding characters outside it), and an undeclared or
    wrong charset is detected as a file's would be."""
    name = (charset or "").lower()
    if name in ("gb2312", "gbk", "x-gbk", "cp936", "euc-cn"):
        name = "gb18030"
    if name:
        try:
            return payload.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(payload)[0]


def read_pdf(data: bytes, limits: Limits) -> ReadResult:
    """A PDF's text layer, parsed in a child process bounded by ``limits.pdf_seconds`` and
    ``limits.pdf_memory_mb``, or in this process bounded by ``pdf_seconds`` of CPU time when
    ``limits.isolate_pdf`` is off (see :mod:`.isolate`)."""
    from .isolate import IsolationFailed, IsolationTimeout, run_bounded_in_process, run_isolated

    try:
        if not limits.isolate_pdf:
            return run_bounded_in_process(_read_pdf, data, limits, seconds=limits.pdf_seconds)
        return run_isolated(_read_pdf, data, limits, seconds=limits.pdf_seconds, megabytes=limits.pdf_memory_mb)
    except IsolationTimeout as exc:
        raise ReadError(f"PDF parsing stopped: still running after {limits.pdf_seconds:g} s") from exc
    except IsolationFailed as exc:
        raise ReadError(f"PDF parsing stopped: {exc}") from exc
    except MemoryError as exc:
        raise ReadError(f"PDF parsing stopped: over the {limits.pdf_memory_mb:,} MB memory limit") from exc


# pdfminer logs a warning for every glyph of a font it cannot measure (79 lines for a page printed
# by Chromium): what it says is no reason to doubt the text, and a broken file raises instead.
PDF_LIBRARY_LOGGERS = ("pdfminer", "pdfplumber")
WRAP_SLACK_CHARS = 1.5  # a line ending this many characters' width short of the right margin still fills it


def _quiet_pdf_libraries() -> None:
    for name in PDF_LIBRARY_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)


def _wraps(ch: str) -> bool:
    """A character a visual line break may fall beside inside a word: a CJK ideograph, kana,
    hangul or a full-width letter or bracket -- never sentence punctuation (。：；), after which
    a line break is the text's own."""
    if ch.isascii() or not ch.strip():
        return False
    category = unicodedata.category(ch)
    return category.startswith("L") or category in ("Ps", "Pe")


def page_text(lines: list[dict[str, Any]]) -> str:
    """A page's text from its lines (pdfplumber's ``extract_text_lines``), a line that fills the
    text column joined to the next one without a break when the wrap falls between two CJK
    characters: a PDF breaks where the paper ends, so "亚马逊云科技（AWS）账\n号" is one word.
    The right margin is the widest line but the first and the last (a printed page's header and
    footer); the next line must start at the left margin (a new paragraph is indented)."""
    texts = [str(line["text"]) for line in lines]
    if len(lines) < 3:
        return "\n".join(texts)
    body = lines[1:-1]
    right = max(float(line["x1"]) for line in body)
    left = min(float(line["x0"]) for line in body)
    out = texts[0]
    for prev, line, text in zip(lines, lines[1:], texts[1:], strict=False):
        prev_text = str(prev["text"])
        char_w = (float(prev["x1"]) - float(prev["x0"])) / max(1, len(prev_text))
        slack = WRAP_SLACK_CHARS * char_w
        full = float(prev["x1"]) >= right - slack and float(line["x0"]) <= left + slack
        joined = full and prev is not lines[0] and prev_text and text and _wraps(prev_text[-1]) and _wraps(text[0])
        out += ("" if joined else "\n") + text
    return out


def _read_pdf(data: bytes, limits: Limits) -> ReadResult:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    _quiet_pdf_libraries()
    warnings: list[str] = []
    try:
        # Not ``with``: pdfplumber's close() walks the page tree again, and on a file whose tree
        # failed to walk (a cycle, a page object that never resolves) that second walk can run for
        # minutes. The file is bytes in memory: nothing is left open when ``pdf`` goes out of scope.
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = pdf.pages
        if len(pages) > limits.max_pdf_pages:
            warnings.append(f"only the first {limits.max_pdf_pages} of {len(pages)} pages read")
        texts = [page_text(p.extract_text_lines()) for p in pages[: limits.max_pdf_pages]]
    except PDFPasswordIncorrect as exc:
        raise ReadError("encrypted PDF: a password is needed to read it") from exc
    except PDFSyntaxError as exc:
        raise ReadError(f"broken PDF: {exc}") from exc
    except Exception as exc:  # pdfminer raises many unrelated types on corrupt files
        chain = [exc, exc.__cause__, exc.__context__, *[a for a in exc.args if isinstance(a, BaseException)]]
        if any(e is not None and ("Password" in type(e).__name__ or "Encrypt" in type(e).__name__) for e in chain) \
                or b"/Encrypt" in data[-4096:] or b"/Encrypt" in data[:4096]:
            raise ReadError("encrypted PDF: a password is needed to read it") from exc
        detail = str(exc) or " / ".join(type(e).__name__ + (f": {e}" if str(e) else "") for e in chain[1:] if e)
        raise ReadError(f"unreadable PDF ({type(exc).__name__}): {detail or 'no detail'}") from exc
    text = "\n\f\n".join(texts).strip()
    if not text:
        raise ReadError("PDF has no text layer (scanned image); OCR is not run")
    return ReadResult(text, None, None, warnings)


def _office_archive(data: bytes, limits: Limits, kind: str) -> None:
    """Refuse an Office Open XML file (DOCX, XLSX, PPTX: ECMA-376 zip packages) that is no zip or
    that expands past the limits (a zip bomb), with a clear error."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        total = sum(i.file_size for i in archive.infolist())
    # ValueError: a member name flagged UTF-8 that is not (found by fuzz/readers.py); EOFError,
    # struct.error, NotImplementedError: truncated or exotic archives.
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, struct.error) as exc:
        raise ReadError(f"broken {kind} (not a valid zip archive): {type(exc).__name__}: {exc}") from exc
    if total > limits.max_docx_uncompressed or total > max(len(data), 1) * limits.max_docx_ratio:
        raise ReadError(
            f"{kind} expands to {total:,} bytes from {len(data):,}: refused as a possible zip bomb"
        )


def _cells_line(cells: list[str]) -> str:
    """A table row as one line: two cells as a label and its value, more as cells."""
    if len(cells) == 2:
        return f"{cells[0]}：{cells[1]}" if cells[1] else cells[0]
    return " | ".join(c for c in cells if c)


def read_xlsx(data: bytes, limits: Limits) -> ReadResult:
    """A spreadsheet (a budget, a plan, a quote or an asset list kept in Excel): each sheet under its
    name, each row a line of its cells' values (formulas read as their last computed values)."""
    _office_archive(data, limits, "XLSX")
    import openpyxl  # type: ignore[import-untyped]  # the library ships no type hints

    lines: list[str] = []
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        for sheet in book.worksheets:
            lines.append(f"【{sheet.title}】")
            for row in sheet.iter_rows(values_only=True):
                cells = ["" if v is None else _cell_text(v) for v in row]
                while cells and not cells[-1]:
                    cells.pop()
                if any(cells):
                    lines.append(_cells_line(cells))
        book.close()
    except RecursionError:
        raise
    except Exception as exc:  # openpyxl raises KeyError, ValueError, lxml errors on broken parts
        raise ReadError(f"broken XLSX ({type(exc).__name__}): {exc}") from exc
    return ReadResult("\n".join(ln for ln in lines if ln.strip()), None, None, [])


def _cell_text(value: Any) -> str:
    """A cell's value as written: a date as ISO, a whole float without its .0."""
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_pptx(data: bytes, limits: Limits) -> ReadResult:
    """A slide deck (a project report, a briefing): each slide's text frames and tables in order, then
    its speaker notes."""
    _office_archive(data, limits, "PPTX")
    import pptx

    lines: list[str] = []
    try:
        deck = pptx.Presentation(io.BytesIO(data))
        for slide in deck.slides:
            for shape in slide.shapes:
                if shape.has_text_frame:
                    lines.extend(p.text for p in shape.text_frame.paragraphs)
                if shape.has_table:
                    for row in shape.table.rows:
                        lines.append(_cells_line([c.text.strip() for c in row.cells]))
            if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
                lines.extend(slide.notes_slide.notes_text_frame.text.splitlines())
            lines.append("")
    except RecursionError:
        raise
    except Exception as exc:  # python-pptx raises KeyError, ValueError, lxml errors on broken parts
        raise ReadError(f"broken PPTX ({type(exc).__name__}): {exc}") from exc
    return ReadResult("\n".join(ln for ln in lines if ln.strip()), None, None, [])


def read_docx(data: bytes, limits: Limits) -> ReadResult:
    _office_archive(data, limits, "DOCX")
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        # A page's header and footer (the unit's name over every page, a signature block under it)
        # stand where a reader sees them: before and after the body, each distinct text once.
        heads, feet = _docx_margins(document)
        lines: list[str] = [*heads, *(p.text for p in document.paragraphs)]
        for table in document.tables:
            for row in table.rows:
                lines.append(_cells_line([c.text.strip() for c in row.cells]))
    except RecursionError:
        raise
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors on broken parts
        raise ReadError(f"broken DOCX ({type(exc).__name__}): {exc}") from exc
    lines.extend(feet)
    return ReadResult("\n".join(ln for ln in lines if ln.strip()), None, None, [])


def _docx_margins(document: Any) -> tuple[list[str], list[str]]:
    """The distinct paragraph texts of every section's headers and footers (first-page, odd and even)."""
    out: tuple[list[str], list[str]] = ([], [])
    seen: set[str] = set()
    for section in document.sections:
        for side, parts in ((0, ("first_page_header", "header", "even_page_header")),
                            (1, ("first_page_footer", "footer", "even_page_footer"))):
            for part in parts:
                margin = getattr(section, part)
                if margin.is_linked_to_previous and margin is not section.header and margin is not section.footer:
                    continue
                texts = [p.text for p in margin.paragraphs]
                texts += [" | ".join(c.text.strip() for c in row.cells if c.text.strip()) for t in margin.tables for row in t.rows]
                for text in texts:
                    if text.strip() and text not in seen:
                        seen.add(text)
                        out[side].append(text)
    return out


def read_json_object(obj: dict[str, Any]) -> ReadResult:
    """A JSON record (a listing entry, an OCDS release): ``key: value`` lines, nested keys dotted."""
    lines: list[str] = []
    _flatten(obj, "", lines)
    return ReadResult("\n".join(lines), None, {"record": obj}, [])


def _flatten(value: Any, prefix: str, lines: list[str]) -> None:
    stack: list[tuple[Any, str]] = [(value, prefix)]
    while stack:
        current, key = stack.pop()
        if isinstance(current, dict):
            for k, v in reversed(list(current.items())):
                stack.append((v, f"{key}.{k}" if key else str(k)))
        elif isinstance(current, list):
            if all(not isinstance(x, dict | list) for x in current):
                joined = "；".join(str(x) for x in current if x not in (None, ""))
                if joined:
                    lines.append(f"{key}: {joined}")
            else:
                for i, v in reversed(list(enumerate(current))):
                    stack.append((v, f"{key}[{i}]"))
        elif current is not None and current != "":
            text = str(current).replace("\r", " ").replace("\n", " ")
            lines.append(f"{key}: {text}")
