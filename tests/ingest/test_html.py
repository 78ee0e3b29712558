"""The HTML reader's shortcuts give the text a full reading gives."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from tendertrace.ingest import html
from tendertrace.ingest.html import MAX_DEPTH, cap_depth, html_to_text


def test_a_page_with_more_tags_than_the_cap_is_scanned_and_kept_when_it_nests_within_it() -> None:
    within = "<div>" * MAX_DEPTH + "<br><td>服务器" * (2 * MAX_DEPTH) + "</div>" * MAX_DEPTH
    assert within.count("<") - within.count("</") > MAX_DEPTH  # the count alone cannot clear it
    assert cap_depth(within) is within
    past = "<DIV>" * (MAX_DEPTH + 1) + "服务器" + "</DIV>" * (MAX_DEPTH + 1)
    capped = cap_depth(past)
    assert capped is not past and capped.lower().count("<div>") == MAX_DEPTH


def test_a_script_or_style_in_a_cell_is_dropped_whatever_its_case() -> None:
    page = ("<table><tr><td>名称</td><td><SCRIPT>var A100=1</SCRIPT>服务器<Style>.h200{}</Style></td></tr></table>"
            "<scriptlet>租用</scriptlet>")
    text = html_to_text(page)
    assert text.splitlines() == ["名称：服务器", "租用"]


def _reference(node: LexborNode, out: list[str]) -> None:
    """The walk as plain recursion over every node, for pages shallow enough for it."""
    tag = node.tag
    if tag == "-text":
        out.append(node.text(deep=False) or "")
        return
    if tag in ("_comment", "-comment") or tag in html._DROP:
        return
    if tag == "tr":
        out.append("\n")
        out.extend(line + "\n" for line in html._row_lines(node))
        return
    if tag in html._BLOCK:
        out.append("\n")
    child = node.first_child
    while child is not None:
        _reference(child, out)
        child = child.next
    if tag in html._BLOCK:
        out.append("\n")


def test_the_walk_reads_blocks_rows_and_inline_text_as_a_recursive_reading_does() -> None:
    page = """<body><div>采购人：<span>深圳<b>大学</b></span><p>项目<i>名称</i>：GPU<br>服务器</p></div>
    <!-- 注释 A100 --><ul><li>一<li>二 <em>三</em></ul><table><tr><th>序号</th><th>名称</th><th>金额</th></tr>
    <tr><td>1</td><td>H100 服务器<div>8卡</div></td><td>100</td></tr><tr><td>供应商</td><td>某公司</td></tr>
    </table><section><h2>标题</h2>文字<table><tr><td>a</td><td><table><tr><td>内</td><td>表</td></tr></table></td></tr>
    </table></section>尾</body>"""
    tree = LexborHTMLParser(page)
    walked: list[str] = []
    html._walk(tree.body, walked)
    expected: list[str] = []
    _reference(tree.body, expected)
    assert "".join(walked) == "".join(expected)
    assert "采购人：深圳大学" in html_to_text(page).splitlines()


def _deepest(html: str) -> int:
    """The deepest nesting of counted tags, one tag at a time: what cap_depth's check must agree with."""
    from tendertrace.ingest.html import _TAG, _UNCOUNTED

    depth = deepest = 0
    for slash, name in _TAG.findall(html):
        if name.lower() not in _UNCOUNTED:
            depth += -1 if slash else 1
            deepest = max(deepest, depth)
    return deepest


@pytest.mark.parametrize("html", [
    "<DIV>" * 6 + "x" + "</div>" * 6, "<div><TD><td><p><br><span>" * 4 + "</SPAN>" * 2,
    "<div title='<b>'>" * 5 + "<img src=a/>" * 9, "<section>" * 3 + "</section>" * 3 + "<section>" * 4,
    "</div>" * 5 + "<div>" * 5, "<x-a:b>" * 5 + "<Td>" * 20,
])
def test_the_depth_check_agrees_with_counting_every_tag(html: str) -> None:
    deepest = _deepest(html)
    for cap in (0, deepest - 1, deepest, deepest + 1):
        if cap >= 0:
            capped = cap_depth(html, cap)
            assert (capped is html) == (deepest <= cap or html.count("<") - html.count("</") <= cap)


def test_the_table_of_tag_steps_stays_bounded() -> None:
    from tendertrace.ingest import html as html_module

    page = "".join(f"<t{i}>" for i in range(3 * html_module.TAG_TOKENS_KEPT))
    cap_depth(page, 10)
    assert len(html_module._DEPTH_STEP) <= html_module.TAG_TOKENS_KEPT
