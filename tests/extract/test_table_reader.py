"""The table reader: header cells name money and supplier columns; a money column's unit comes from
its header, the cell or the table's unit line; rows keep their spans."""

from __future__ import annotations

import pytest

from tendertrace.extract.tables import find_tables, split_row


def test_rows_in_each_written_form_split_into_cells_with_their_offsets() -> None:
    for line in ("序号 | 名称 | 金额", "序号\t名称\t金额", "| 序号 | 名称 | 金额 |"):
        row = split_row(line, 0, len(line))
        assert row is not None
        assert [c.text for c in row.cells] == ["序号", "名称", "金额"]
        assert all(line[c.start:c.end] == c.text for c in row.cells)
    assert split_row("采购人：江城大学", 0, 8) is None


@pytest.mark.parametrize(("text", "values"), [
    # the unit in the header's bracket
    ("序号 | 项目 | 预算金额（万元）\n1 | 算力租用 | 460.00\n2 | 物业服务 | 148.50\n", [4_600_000, 1_485_000]),
    # the unit on a line above the table, tab-separated rows
    ("单位：万元\n科目\t金额\t说明\n设备费\t12.00\t工作站\n云服务费\t30.00\tAPI调用\n", [120_000, 300_000]),
    # Markdown rows, a cell that states its own unit overrides the header's
    ("| 名称 | 说明 | 合计（万元） |\n| 服务器 | 8卡 | 336.00 |\n| 交换机 | 2台 | 240,000元 |\n", [3_360_000, 240_000]),
    # no unit anywhere: yuan
    ("包号 | 内容 | 成交金额\n第1包 | 家具 | 1,264,300.00\n", [1_264_300]),
])
def test_money_columns_are_read_in_their_unit(text: str, values: list[float]) -> None:
    tables = find_tables(text)
    assert [m.value for t in tables for r in t.rows for m in r.money] == pytest.approx(values)


def test_columns_of_rates_scores_and_deposits_are_not_money() -> None:
    text = "供应商 | 下浮率（%） | 得分 | 投标保证金\n江城数算科技有限公司 | 3.5 | 91.2 | 20000\n"
    rows = [r for t in find_tables(text) for r in t.rows]
    assert [m for r in rows for m in r.money] == []
    assert [c.text for r in rows for c in r.suppliers] == ["江城数算科技有限公司"]


def test_a_supplier_column_and_a_lot_column_name_each_row() -> None:
    text = ("包号 | 包名称 | 成交供应商 | 供应商地址 | 成交金额（元）\n"
            "第1包 | 会议系统 | 江城恒达科技有限公司 | 江城市中山路1号 | 1,264,300.00\n"
            "第2包 | GPU服务器 | 江城数算科技有限公司 | 江城市解放路2号 | 7,986,000.00\n")
    (table,) = find_tables(text)
    assert [(r.lot, [c.text for c in r.suppliers]) for r in table.rows] == [
        ("第1包", ["江城恒达科技有限公司"]), ("第2包", ["江城数算科技有限公司"])]
    second = table.rows[1].row
    assert text[second.start:second.end].startswith("第2包")


def test_a_header_naming_no_money_or_supplier_opens_no_table() -> None:
    assert find_tables("姓名 | 职称 | 单位\n王瑞林 | 教授 | 江城大学\n") == []
