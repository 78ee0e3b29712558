"""The HTML report's charts and graph read as they should, checked on the markup (no browser)."""

from __future__ import annotations

import re
from datetime import date

from tendertrace.findings import result_finding
from tendertrace.model import Finding
from tendertrace.report import html_report
from tendertrace.report.html import (
    BOX_H,
    BOX_W,
    BOX_X,
    COL_W,
    ROW_H,
    TOP,
    _fit,
    _text_width,
    entity_graph_svg,
)

from ..findings.conftest import TEXT, hit, item, ref, rental, result


def _finding(res, doc_id: str) -> Finding:  # type: ignore[no-untyped-def]
    f = result_finding(res, ref(doc_id), TEXT)
    assert f is not None
    return f


def _chart(page: str, title: str) -> list[str]:
    svg = page.split(f"<h3>{title}</h3>", 1)[1].split("</svg>", 1)[0]
    return re.findall(r"text-anchor='end' font-size='11'>([^<]*)</text>", svg)


def test_months_are_in_time_order_and_bands_hold_no_route() -> None:
    late = _finding(result([item()], number="A", published=date(2024, 9, 1)), "a")
    early = _finding(result([rental()], [hit()], number="B", published=date(2024, 2, 1)), "b")
    undated = _finding(result([item()], number="C", published=None), "c")
    page = html_report([late, early, undated])  # score order, not time order
    assert _chart(page, "Findings per month") == ["2024-02", "2024-09", "undated"]
    assert "remote access" not in _chart(page, "By chip band")
    assert "cloud_rental" in _chart(page, "By route")


def test_an_edge_that_skips_a_role_crosses_no_box() -> None:
    with_supplier = _finding(result([rental(provider="Amazon Web Services")], supplier=True, number="A"), "a")
    direct = _finding(result([rental(provider=None, restriction=None, chip="H100")], buyer="四川大学", number="B",
                             name="直接租用"), "b")
    svg = entity_graph_svg([with_supplier, direct])
    boxes = [(float(x), float(y)) for x, y in re.findall(r"<rect x='([\d.]+)' y='([\d.]+)'", svg)]
    for path in re.findall(r"<path d='([^']+)'", svg):
        points, x, y = [], 0.0, 0.0
        for op, value in re.findall(r"([MHV])([\d.,]+)", path):
            if op == "M":
                x, y = map(float, value.split(","))
            elif op == "H":
                points.append(("H", y, min(x, float(value)), max(x, float(value))))
                x = float(value)
            else:
                points.append(("V", x, min(y, float(value)), max(y, float(value))))
                y = float(value)
        for kind, at, lo, hi in points:
            for bx, by in boxes:
                if kind == "H":  # a horizontal run inside a box's band must end at its edge
                    assert not (by < at < by + BOX_H and lo < bx + BOX_W - 1 and hi > bx + 1), path
                else:
                    assert not (bx < at < bx + BOX_W and lo < by + BOX_H - 1 and hi > by + 1), path
    assert (BOX_X, TOP, COL_W, ROW_H) and "stroke-dasharray" in svg  # the skipping edge is drawn, dashed


def test_long_names_are_cut_to_their_box() -> None:
    name = "中国科学院计算技术研究所（北京）信息技术与网络安全研究中心有限公司"
    f = _finding(result([rental()], buyer=name), "a")
    svg = entity_graph_svg([f])
    labels = re.findall(r"font-size='11'>([^<]*)</text>", svg)
    assert all(_text_width(label) <= BOX_W for label in labels)
    assert f"<title>{name}</title>" in svg and _fit(name, 50).endswith("…")


def test_a_finding_without_items_has_no_empty_table() -> None:
    f = _finding(result([], [hit()]), "a")
    page = html_report([f])
    section = page.split("<section id='f0'>", 1)[1]
    assert "<th>item</th>" not in section.split("</section>", 1)[0]
