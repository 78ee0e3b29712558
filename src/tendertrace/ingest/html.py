"""Visible text of an HTML page, with its block structure kept.

A table row of two cells becomes ``label: value``; rows of label/value pairs become one line per
pair; other rows join their cells with `` | ``. Scripts, styles and comments are dropped.
"""

from __future__ import annotations

import re

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
    if len(texts) % 2 == 0 and len(texts) >= 4 and all(
        _looks_like_label(texts[i]) for i in range(0, len(texts), 2)
    ):
        return [_pair(texts[i], texts[i + 1]) for i in range(0, len(texts), 2) if texts[i] or texts[i + 1]]
    return [" | ".join(nonempty)]


def _looks_like_label(text: str) -> bool:
    return bool(text) and len(text) <= 16 and not any(ch.isdigit() for ch in text[:2])


def _pair(label: str, value: str) -> str:
    label = label.strip()
    if not value:
        return label
    if label.endswith(_LABEL_END):
        return f"{label}{value}" if label.endswith("：") else f"{label} {value}"
    return f"{label}：{value}" if label else value


def html_to_text(html: str) -> str:
    tree = HTMLParser(html)
    for tag in _DROP:
        for node in tree.css(tag):
            node.decompose()
    root = tree.body or tree.root
    if root is None:
        return ""
    out: list[str] = []
    _walk(root, out)
    text = "".join(out)
    lines = [_SPACES.sub(" ", ln).strip() for ln in text.split("\n")]
    return "\n".join(ln for ln in lines if ln)


def _walk(node: Node, out: list[str]) -> None:
    # An explicit stack instead of recursion: deeply nested pages must not overflow Python's stack.
    stack: list[tuple[Node, bool]] = [(node, False)]
    while stack:
        current, closing = stack.pop()
        tag = current.tag
        if closing:
            if tag in _BLOCK:
                out.append("\n")
            continue
        if tag == "-text":
            out.append(current.text(deep=False) or "")
            continue
        if tag in ("_comment", "-comment") or tag in _DROP:
            continue
        if tag == "tr":
            out.append("\n")
            out.extend(line + "\n" for line in _row_lines(current))
            continue
        if tag in _BLOCK:
            out.append("\n")
        stack.append((current, True))
        children = []
        child = current.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, False) for c in reversed(children))
