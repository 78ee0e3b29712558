"""A result or price comparison that lists several bidders' quotes in a table and then names the winner
in a sentence ("确定X为成交供应商", "拟选定X"): only the winner is the supplier."""

from __future__ import annotations

from tests.extract._docs import ex_of

QUOTES = ("序号 | 供应商名称 | 报价（元） | 响应情况\n"
          "1 | 松岭数智科技有限公司 | 2,180,000.00 | 响应\n"
          "2 | 白沙湾信息系统有限公司 | 2,240,000.00 | 响应\n"
          "3 | 青禾计算设备有限公司 | 2,305,500.00 | 响应\n")


def test_the_winner_sentence_after_a_quote_table_names_the_only_supplier() -> None:
    ex = ex_of("算力服务器询价结果公示\n采购单位：西溪智能研究院\n报价情况如下：\n" + QUOTES
               + "经询价小组评审，确定白沙湾信息系统有限公司为成交供应商，成交金额：人民币2,240,000.00元。\n")
    assert ex.names("supplier") == ["白沙湾信息系统有限公司"]
    assert "松岭数智科技有限公司" in ex.names("mentioned")
    assert ex.amount is not None and ex.amount.value == 2_240_000


def test_a_selection_in_a_comparison_record_names_the_supplier() -> None:
    ex = ex_of("西溪智能研究院\n询比价记录\n比价情况：\n1  松岭数智科技有限公司  96,000.00\n2  白沙湾信息系统有限公司  99,500.00\n"
               "结论：综合比较报价与开票条件，拟选定松岭数智科技有限公司，金额人民币玖万陆仟元整。\n")
    assert ex.names("supplier") == ["松岭数智科技有限公司"]
    assert "白沙湾信息系统有限公司" not in ex.names("supplier")


def test_a_table_of_winners_with_no_winner_sentence_keeps_them_all() -> None:
    ex = ex_of("框架协议采购入围结果公告\n采购人：西溪智能研究院\n入围情况如下：\n"
               "序号 | 成交供应商名称 | 报价（元）\n1 | 松岭数智科技有限公司 | 96,000.00\n2 | 白沙湾信息系统有限公司 | 99,500.00\n")
    assert ex.names("supplier") == ["松岭数智科技有限公司", "白沙湾信息系统有限公司"]
