"""Tables in a document's text: a header row naming its columns, then the rows under it.

Ingest renders an HTML or DOCX table row as cells joined by `` | ``; plain-text notices write rows
with tabs or as Markdown (``| a | b |``). A table is a header row of three cells or more with no
figure in them, then the rows under it. Its columns are named by the header's words
(knowledge/fields.yaml ``table_columns``): money columns, whose cells are figures in the unit the
header cell (金额（万元）), the cell itself, or the table's unit line (单位：万元) gives, and supplier
columns (成交供应商, 中标人, 算力服务商). Each row keeps its span, so a finding can take the money
and the supplier of the row that holds its compute item rather than a neighbour's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from ..knowledge import files as knowledge
from .amounts import NUMBER, UNIT_SCALE, YUAN_UNIT, YUAN_UNITS, scale, to_number

# A header cell longer than this is a sentence, not a column's name.
MAX_HEADER_CELL = 24
# A table is read from at most this many rows: a notice's result or budget table is a few dozen;
# a register of thousands of rows is read from its first ones, so one file cannot stall a scan.
MAX_ROWS = 500
# A row needs this many cells to be a table row (a two-cell row is a label and its value).
MIN_CELLS = 3
# A unit line (单位：万元) is read this many characters above the header at most.
UNIT_REACH = 2000
# Cell separators: ingest's rendering of HTML and DOCX rows, and a tab-separated line.
_SEPARATORS = (" | ", "\t")
_UNIT_WORDS = {unit: scale(unit) for unit in YUAN_UNITS}
_HEADER_UNIT = re.compile(r"[（(]\s*(?:单位\s*[:：]\s*)?(?:人民币)?\s*(" + YUAN_UNIT + r")\s*[）)]|(" + "|".join(YUAN_UNITS[:-1]) + r")$")
_TABLE_UNIT = re.compile(r"(?:金额|价格|资金|预算)?单位\s*[:：]\s*(?:人民币)?\s*(" + YUAN_UNIT + r")")
_CELL_MONEY = re.compile(
    r"\s*(?:人民币|[¥￥]|RMB|CNY)?\s*(?P<num>" + NUMBER + r")\s*(?P<unit>" + YUAN_UNIT + r"|万|亿)?\s*(?:[（(][^）)]{0,8}[）)])?\s*$"
)
_DIGIT = re.compile(r"\d")
# A line drawn with dashes and bars (-----|------, |:---|---:|, +----+----+): a table's rule, no row;
# also one drawn with box-drawing characters (┌────┬────┐, ├────┼────┤), as text exports of tables draw them.
_RULE_LINE = re.compile(r"[ \t]*[|+]?[ \t]*[-=:]{3,}[ \t]*(?:[|+][ \t]*[-=:]{3,}[ \t]*)*[|+]?[ \t]*"
                        r"|[ \t]*[\u2500-\u257f][\u2500-\u257f \t]*")
# The vertical bars of a table drawn with box-drawing characters (│a│b│, ┃a┃b┃): cell separators.
_BOX_BARS = "\u2502\u2503\u2551"
_LOT_CELL = re.compile(r"第?\s*(?:[一二三四五六七八九十\d]{1,3}|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+)\s*(?:包|标段|标包|子包|合同包|分包)?")
_LOT_WORD = re.compile(r"包|标段|标包|子包|合同包|分包")


def is_rule_line(line: str) -> bool:
    """A line that only draws a table's rule (-----|-----, |:---|---:|, ├────┼────┤)."""
    return bool(line.strip()) and _RULE_LINE.fullmatch(line) is not None


@dataclass(frozen=True, slots=True)
class Cell:
    text: str  # the cell's text, stripped
    start: int  # where it starts in the text
    end: int


@dataclass(frozen=True, slots=True)
class Row:
    start: int  # the row's line in the text
    end: int
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Money:
    """A figure in a money column: its value in yuan and its cell."""

    value: float
    cell: Cell
    column: str  # the header cell of its column


@dataclass(frozen=True, slots=True)
class TableRow:
    """A row of a table with what its named columns hold."""

    row: Row
    money: tuple[Money, ...]
    suppliers: tuple[Cell, ...]
    buyers: tuple[Cell, ...]
    lot: str | None  # the lot the row is (第2包, 标段一), when its first column names lots


@dataclass(frozen=True, slots=True)
class Table:
    header: Row
    rows: tuple[TableRow, ...]


def _columns() -> knowledge.TableColumns:
    """The header words of a result table's columns (fields.yaml ``table_columns``)."""
    return knowledge.fields().table_columns


def split_row(text: str, start: int, end: int) -> Row | None:
    """The line ``text[start:end]`` as a table row, or None when it is not one."""
    line = text[start:end]
    body_start, body_end = 0, len(line)
    stripped = line.strip()
    box = next((b for b in _BOX_BARS if stripped.startswith(b) and stripped.endswith(b) and len(stripped) > 1), None)
    if box is not None:
        # A row drawn with box-drawing bars: they open, part and close its cells as Markdown's do.
        body_start = line.index(box) + 1
        body_end = line.rindex(box)
        sep = box
    elif stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        # A Markdown row: its bars at both ends open and close it.
        body_start = line.index("|") + 1
        body_end = line.rindex("|")
        sep = "|"
    else:
        sep = next((s for s in _SEPARATORS if line.count(s) >= MIN_CELLS - 1), "")
        if not sep:
            return None
    cells: list[Cell] = []
    pos = body_start
    body = line[body_start:body_end]
    for piece in body.split(sep):
        lead = len(piece) - len(piece.lstrip())
        text_of = piece.strip()
        at = start + pos + lead
        cells.append(Cell(text_of, at, at + len(text_of)))
        pos += len(piece) + len(sep)
    return Row(start, end, tuple(cells)) if len(cells) >= MIN_CELLS else None


# Columns of a plain-text table aligned with spaces: cells stand apart by this many spaces at least
# (one space stands inside a cell: "Co., Ltd."), and a cell belongs to the header column whose start
# is nearest its own, in display columns (a CJK character is two columns wide, as editors align them).
ALIGN_GAP = 2
_ALIGNED_CELL = re.compile(r"\S+(?: \S+)*")
_GAP = re.compile(r" {" + str(ALIGN_GAP) + r",}|\u3000")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def aligned_cells(text: str, start: int, end: int, display: str | None = None) -> list[tuple[Cell, int]] | None:
    """The line ``text[start:end]`` cut at runs of spaces, each cell with its display column; None
    when the line is not cut so into ``MIN_CELLS`` cells. ``display`` is the text as written, of the
    same length, when ``text`` is its folded form: folding makes full-width brackets and letters
    half-width, so the columns are measured on what the writer aligned."""
    line = text[start:end]
    shown = display[start:end] if display is not None and len(display) == len(text) else line
    # (an ideographic space, U+3000, is a gap of its own: Chinese text aligns columns with it)
    if not _GAP.search(line.strip()) or "\t" in line or "|" in line:
        return None
    out: list[tuple[Cell, int]] = []
    for m in _ALIGNED_CELL.finditer(line):
        out.append((Cell(m.group(0), start + m.start(), start + m.end()), _width(shown[: m.start()])))
    return out if len(out) >= MIN_CELLS else None


def _aligned_row(start: int, end: int, cells: list[tuple[Cell, int]], columns: list[int]) -> Row | None:
    """A row of an aligned table laid on its header's columns (a cell left empty where a row leaves
    it blank, as a merged period column does); None when two cells fall in one column."""
    placed: dict[int, Cell] = {}
    for cell, col in cells:
        j = min(range(len(columns)), key=lambda k: abs(columns[k] - col))
        if j in placed:
            return None
        placed[j] = cell
    laid = tuple(placed.get(j, Cell("", start, start)) for j in range(len(columns)))
    return Row(start, end, laid)


def _is_header(row: Row) -> bool:
    texts = [c.text for c in row.cells]
    return (sum(1 for t in texts if t) >= MIN_CELLS and not any(_DIGIT.search(t) for t in texts)
            and all(len(t) <= MAX_HEADER_CELL for t in texts))


def _column_scale(header: str, table_unit: float | None) -> float:
    m = _HEADER_UNIT.search(header)
    if m:
        return _UNIT_WORDS[m.group(1) or m.group(2)]
    return table_unit if table_unit is not None else 1.0


def is_unit_price(header: str) -> bool:
    """A money column of prices per unit (单价（元）), not of line totals."""
    return any(w in header for w in knowledge.fields().item_headers["unit_price"])


def _money_column(header: str) -> bool:
    cols = _columns()
    return any(w in header for w in cols.money) and not any(w in header for w in cols.money_not)


def _supplier_column(header: str) -> bool:
    cols = _columns()
    return any(w in header for w in cols.supplier) and not any(w in header for w in cols.supplier_not)


def _buyer_column(header: str) -> bool:
    cols = _columns()
    return any(w in header for w in cols.buyer) and not any(w in header for w in cols.buyer_not)


def _table_unit(text: str, header_start: int, floor: int) -> float | None:
    """The unit a line above the table states for its figures (单位：万元, （单位：万元）)."""
    lo = max(floor, header_start - UNIT_REACH)
    found = list(_TABLE_UNIT.finditer(text, lo, header_start))
    return _UNIT_WORDS[found[-1].group(1)] if found else None


def _lines(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    n = len(text)
    while pos <= n:
        end = text.find("\n", pos)
        end = n if end < 0 else end
        yield pos, end
        pos = end + 1


def find_tables(text: str, display: str | None = None) -> list[Table]:
    """Every table of the text with a money, a supplier or a buyer column, in text order; ``display``
    is the text as written when ``text`` is its folded form (``aligned_cells``)."""
    if " | " not in text and "\t" not in text and "\n|" not in text and "  " not in text and "\u3000" not in text \
            and not any(bar in text for bar in _BOX_BARS):
        return []
    tables: list[Table] = []
    header: Row | None = None
    rows: list[TableRow] = []
    floor = 0
    money_cols: dict[int, float] = {}
    supplier_cols: list[int] = []
    buyer_cols: list[int] = []
    lot_column = False
    columns: list[int] | None = None  # an aligned table's header columns (display starts)

    def close() -> None:
        nonlocal header, rows
        if header is not None and rows:
            tables.append(Table(header, tuple(rows)))
        header, rows = None, []

    for start, end in _lines(text):
        if start == end or _RULE_LINE.fullmatch(text, start, end):
            continue  # a blank line, or the rule a plain-text or Markdown table draws under its header
        row = split_row(text, start, end)
        aligned = aligned_cells(text, start, end, display) if row is None else None
        if aligned is not None:
            row = Row(start, end, tuple(c for c, _col in aligned))
            if not _is_header(row):
                row = _aligned_row(start, end, aligned, columns) if header is not None and columns else None
        if row is None:
            if header is not None:
                close()
                floor = start
            continue
        if _is_header(row):
            close()
            heads = [c.text for c in row.cells]
            unit = _table_unit(text, start, floor)
            money_cols = {i: _column_scale(h, unit) for i, h in enumerate(heads) if _money_column(h)}
            supplier_cols = [i for i, h in enumerate(heads) if _supplier_column(h)]
            buyer_cols = [i for i, h in enumerate(heads) if _buyer_column(h) and i not in supplier_cols]
            if supplier_cols and not buyer_cols:
                # beside a supplier column, a column of companies is the one each supplier serves
                beside = _columns().buyer_beside_supplier
                buyer_cols = [i for i, h in enumerate(heads) if i not in supplier_cols and h in beside][:1]
            lot_column = bool(_LOT_WORD.search(heads[0])) and not money_cols.get(0)
            header = row if (money_cols or supplier_cols or buyer_cols) else None
            columns = [col for _c, col in aligned] if aligned is not None else None
            continue
        if header is None or len(row.cells) > len(header.cells) or len(rows) >= MAX_ROWS:
            if header is not None:
                close()
                floor = start
            continue
        money = []
        for i, factor in money_cols.items():
            if i >= len(row.cells):
                continue
            cell = row.cells[i]
            m = _CELL_MONEY.match(cell.text)
            if not m:
                continue
            cell_unit = m.group("unit")
            value = to_number(m.group("num")) * (UNIT_SCALE[cell_unit][0] if cell_unit else factor)
            if value > 0:
                money.append(Money(value, cell, header.cells[i].text))
        suppliers = tuple(row.cells[i] for i in supplier_cols if i < len(row.cells) and row.cells[i].text)
        buyers = tuple(row.cells[i] for i in buyer_cols if i < len(row.cells) and row.cells[i].text)
        first = row.cells[0].text
        lot = None
        if _LOT_WORD.search(first) and _LOT_CELL.fullmatch(first):
            lot = first
        elif lot_column and _LOT_CELL.fullmatch(first):
            lot = re.sub(r"号$", "", header.cells[0].text) + first
        rows.append(TableRow(row, tuple(money), suppliers, buyers, lot))
    close()
    return tables
