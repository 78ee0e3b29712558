"""Visible text of an HTML page, with its block structure kept.

A table row of two cells becomes ``label: value``; rows of label/value pairs become one line per
pair; other rows join their cells with `` | ``. Scripts, styles and comments are dropped.

Cost is bounded per document: the HTML parser's tree builder scans its stack of open elements at
each tag, so a page nested 200,000 deep costs it minutes; a linear pass first caps the nesting
depth (as browsers do), and the walk stops at a deadline.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from itertools import accumulate

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

_DROP = ("script", "style", "noscript", "template", "head", "iframe", "object", "svg", "canvas")
_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tbody", "thead",
    "tfoot", "section", "article", "header", "footer", "blockquote", "pre", "hr", "dt", "dd", "dl",
    "form", "fieldset", "address", "center", "title", "caption", "main", "nav", "aside", "figure",
}
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")
_LABEL_END = ("：", ":")

MAX_DEPTH = 512  # open elements kept nested; deeper tags are flattened (Chromium's parser caps the DOM at 512 too)
HTML_SECONDS = 30.0  # a page still being read after this fails, as a PDF does at its limit
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*>")
# Elements that never hold children, and those the parser closes by itself at the next sibling
# (an unclosed <p> or <td> is common, and does not nest): neither counts towards the depth.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
_SELF_CLOSING = {"p", "li", "td", "th", "tr", "dt", "dd", "option", "optgroup", "rt", "rp", "thead", "tbody", "tfoot"}
_RAW_TEXT = {"script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed", "noframes", "plaintext"}
_UNCOUNTED = _VOID | _SELF_CLOSING | _RAW_TEXT  # tags that do not count towards the depth
# Elements the parser only makes from a start tag in the page (the head it makes by itself): a page
# with no such tag has none of them to drop.
# Their first letters are looked at before the names (one test of a class, not eight of a name).
_DROP_NAMES = [t for t in _DROP if t != "head"]
_DROP_TAG = re.compile(rf"<(?=[{''.join(sorted({t[0] for t in _DROP_NAMES}))}])({'|'.join(_DROP_NAMES)})(?![A-Za-z0-9:-])",
                       re.IGNORECASE | re.ASCII)


_SKIPPED = frozenset(("_comment", "-comment", *_DROP))  # nodes whose text is never read


# The <title> is looked for in the page's head only: past this many characters a "<title>" is page text.
TITLE_SCAN_CHARS = 65536
_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.S | re.I)
_ANY_TAG = re.compile(r"<[^>]*>")


def html_title(html: str) -> str | None:
    """The page's ``<title>``, unescaped and on one line; None when it has none or it is blank."""
    import html as html_lib

    m = _TITLE.search(html[:TITLE_SCAN_CHARS])
    if not m:
        return None
    title = _SPACES.sub(" ", html_lib.unescape(_ANY_TAG.sub("", m.group(1))).replace("\n", " ")).strip()
    return title or None


class HtmlDeadline(Exception):
    """Reading the page took longer than its deadline."""


_TAG_TOKEN = re.compile(r"<(/?[A-Za-z][A-Za-z0-9:-]*)[^>]*>")  # _TAG's tags, the slash kept with the name


# Distinct tag tokens remembered: HTML has about 140 element names, each in a few spellings (td, TD,
# /td); past this many a page is inventing names, and the table starts again.
TAG_TOKENS_KEPT = 4096


class _DepthSteps(dict[str, int]):
    """A tag token ("td", "/DIV") -> what it does to the depth: 0 for a tag that does not count,
    else +1 opening, -1 closing; filled as tokens are first seen (tag names are few)."""

    def __missing__(self, token: str) -> int:
        if len(self) >= TAG_TOKENS_KEPT:  # a page of made-up tag names must not grow it without end
            self.clear()
        closing = token.startswith("/")
        step = 0 if token[closing:].lower() in _UNCOUNTED else -1 if closing else 1
        self[token] = step
        return step


_DEPTH_STEP = _DepthSteps()


def cap_depth(html: str, max_depth: int = MAX_DEPTH) -> str:
    """The page with its element nesting capped at ``max_depth``: deeper tags are dropped (a block
    tag becomes ``<br>``, so its line break stays), their text kept. Linear in the page's size;
    a page within the cap is returned as it is."""
    # Every opening tag starts at a "<" not followed by "/": a page with no more of those than the
    # cap cannot nest past it (four pages in five of the corpus), and needs no scan of its tags.
    if html.count("<") - html.count("</") <= max_depth:
        return html
    # The deepest nesting reached, as the running sum of each tag's step: summed in C over the tags
    # found, not in a Python loop over them (a large table has thousands of cells).
    if max(accumulate(map(_DEPTH_STEP.__getitem__, _TAG_TOKEN.findall(html))), default=0) <= max_depth:
        return html
    out: list[str] = []
    pos, depth, excess = 0, 0, 0
    for match in _TAG.finditer(html):
        name = match.group(2).lower()
        if name in _UNCOUNTED or match.group(0).endswith("/>"):
            continue
        closing = bool(match.group(1))
        if closing and excess == 0:
            depth = max(0, depth - 1)
            continue
        if not closing and depth < max_depth:
            depth += 1
            continue
        excess += -1 if closing else 1
        out.append(html[pos:match.start()])
        out.append("<br>" if name in _BLOCK else "")
        pos = match.end()
    out.append(html[pos:])
    return "".join(out)


def _cell_text(node: Node) -> str:
    return _SPACES.sub(" ", node.text(deep=True, separator="", strip=False)).strip()


def _row_lines(row: Node) -> list[str]:
    cells = [c for c in row.iter() if c.tag in ("td", "th")]
    texts = [_cell_text(c) for c in cells]
    nonempty = [t for t in texts if t]
    if not nonempty:
        return []
    if len(texts) == 2:
        return [_pair(texts[0], texts[1])]
    if len(cells) >= 3 and all(c.tag == "th" for c in cells):
        # A header row (序号 | 供应商名称 | 地址 | 金额(万元)) names the columns of the rows below it:
        # its cells are not label/value pairs.
        return [" | ".join(nonempty)]
    if _pairs_row(texts):
        if all(_looks_like_label(t) for t in texts) and _heads_data_row(row, len(texts)):
            # 标段号 | 服务内容 | 服务期限 | 最高限价 over "一 | … | 2026年9月底前 | 人民币40万元": a header
            # row of a table whose rows are not label/value pairs names its columns.
            return [" | ".join(nonempty)]
        return [_pair(texts[i], texts[i + 1]) for i in range(0, len(texts), 2) if texts[i] or texts[i + 1]]
    return [" | ".join(nonempty)]


def _pairs_row(texts: list[str]) -> bool:
    """A row of label/value pairs: an even number of cells, four or more, every other one a label."""
    return len(texts) % 2 == 0 and len(texts) >= 4 and all(_looks_like_label(texts[i]) for i in range(0, len(texts), 2))


def _heads_data_row(row: Node, width: int) -> bool:
    """Whether the next row of the table has ``width`` cells and is not itself label/value pairs."""
    nxt = row.next
    while nxt is not None and nxt.tag != "tr":
        nxt = nxt.next
    if nxt is None:
        return False
    texts = [_cell_text(c) for c in nxt.iter() if c.tag in ("td", "th")]
    return len(texts) == width and not _pairs_row(texts)


def _looks_like_label(text: str) -> bool:
    return bool(text) and len(text) <= 16 and not any(ch.isdigit() for ch in text[:2])


def _pair(label: str, value: str) -> str:
    label = label.strip()
    if not value:
        return label
    if label.endswith(_LABEL_END):
        return f"{label}{value}" if label.endswith("：") else f"{label} {value}"
    return f"{label}：{value}" if label else value


def html_to_text(html: str, seconds: float | None = None) -> str:
    """The page's visible text; a page still being read after ``seconds`` (``HTML_SECONDS``)
    fails with a reason."""
    seconds = HTML_SECONDS if seconds is None else seconds
    deadline = time.monotonic() + seconds
    tree = HTMLParser(cap_depth(html))
    present = {name.lower() for name in _DROP_TAG.findall(html)}
    # The head the parser makes holds no body text: with a body, the walk never reaches it.
    root = tree.body
    for tag in (t for t in _DROP if (t == "head" and root is None) or t in present):
        for node in tree.css(tag):
            node.decompose()
    root = root or tree.root
    if root is None:
        return ""
    out: list[str] = []
    try:
        _walk(root, out, deadline)
    except HtmlDeadline:
        from .readers import ReadError  # readers imports this module

        raise ReadError(f"HTML reading stopped: still running after {seconds:g} s") from None
    # _SPACES holds no line break, so folding the spaces of the whole text folds those of each line.
    return "\n".join(filter(None, map(str.strip, _SPACES.sub(" ", "".join(out)).split("\n"))))


DEADLINE_EVERY = 4096  # nodes walked between two looks at the clock


def _walk(node: Node, out: list[str], deadline: float = float("inf")) -> None:
    # An explicit stack instead of recursion: deeply nested pages must not overflow Python's stack.
    # Each frame is an element's children still to read and whether a line break closes it.
    emit = out.append
    frames: list[tuple[Iterator[Node], bool]] = [(iter((node,)), False)]
    walked = 0
    while frames:
        children, block = frames[-1]
        for current in children:
            walked += 1
            if walked % DEADLINE_EVERY == 0 and time.monotonic() > deadline:
                raise HtmlDeadline
            tag = current.tag
            if tag == "-text":
                emit(current.text_content or "")
                continue
            if tag in _SKIPPED:
                continue
            if tag == "tr":
                emit("\n")
                out.extend(line + "\n" for line in _row_lines(current))
                continue
            opens = tag in _BLOCK
            if opens:
                emit("\n")
            frames.append((current.iter(include_text=True), opens))
            break
        else:  # every child read: the element closes
            frames.pop()
            if block:
                emit("\n")
