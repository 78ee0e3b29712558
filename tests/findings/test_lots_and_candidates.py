"""The facts a finding takes from a result of several lots, a candidate publicity and a budget table:
the compute lot's (or row's) supplier and amount, the first-ranked candidate and its bid."""

from __future__ import annotations

import pytest

from tendertrace.extract import extract
from tendertrace.findings import result_finding
from tendertrace.ingest import read_input
from tendertrace.model import CaseDocument, Finding
from tendertrace.pipeline import process


def finding_of(text: str, name: str = "n.txt") -> Finding:
    doc = next(read_input(text, name=name, source=name))
    assert not hasattr(doc, "reason")
    found = result_finding(process(doc), CaseDocument(id="n", file=name), doc.match_text or doc.text)  # type: ignore[union-attr]
    assert found is not None and found.route
    return found


LOTS_IN_TEXT = """江城大学计算平台设备采购项目中标结果公告
发布日期：2024年6月3日
采购人：江城大学
一、中标信息
包1：办公家具
中标供应商：江城恒达家具有限公司
中标金额：35.6万元
包2：GPU服务器
采购内容：GPU服务器2台，每台配置8块NVIDIA H100
中标供应商：江城数算科技有限公司
中标金额：人民币498万元
包3：机房空调
中标供应商：江城暖通工程有限公司
中标金额：￥120,000.00
二、公示期限：2024年6月3日至6月5日
"""

LOTS_IN_CAPITALS = """江城大学计算平台设备采购项目成交结果公告
发布日期：2024年6月3日
采购人：江城大学
第一包（办公家具）成交供应商：江城恒达家具有限公司，成交金额：叁拾伍万陆仟元整。
第二包（GPU服务器2台，每台配置8块NVIDIA H100）成交供应商：江城数算科技有限公司，成交金额：肆佰玖拾捌万元整。
"""

LOTS_IN_TABLE = """<html><body><h1>江城研究所设备采购项目（分包）成交结果公告</h1><p>发布时间：2024年09月05日</p>
<p>采购人：江城研究所</p><table>
<tr><th>包号</th><th>包名称</th><th>主要内容</th><th>成交供应商</th><th>成交金额（元）</th></tr>
<tr><td>第1包</td><td>会议系统</td><td>扩声、拼接屏</td><td>江城恒达科技有限公司</td><td>1,264,300.00</td></tr>
<tr><td>第2包</td><td>计算服务器</td><td>GPU服务器3台，每台配置8块NVIDIA H100</td><td>江城数算科技有限公司</td><td>7,986,000.00</td></tr>
<tr><td>第3包</td><td>机房配套</td><td>机柜6台</td><td>江城机电工程有限公司</td><td>596,800.00</td></tr>
</table></body></html>"""


@pytest.mark.parametrize(("text", "name"), [(LOTS_IN_TEXT, "a.txt"), (LOTS_IN_CAPITALS, "b.txt"), (LOTS_IN_TABLE, "c.html")])
def test_the_compute_lot_gives_the_supplier_and_the_amount(text: str, name: str) -> None:
    found = finding_of(text, name)
    assert found.suppliers == ["江城数算科技有限公司"]
    assert found.amount == {"a.txt": 4_980_000, "b.txt": 4_980_000, "c.html": 7_986_000}[name]


def test_a_result_of_several_lots_names_every_winner_and_no_single_amount() -> None:
    doc = next(read_input(LOTS_IN_TEXT, name="a.txt", source="a.txt"))
    ex = extract(doc)  # type: ignore[arg-type]
    assert ex.names("supplier") == ["江城恒达家具有限公司", "江城数算科技有限公司", "江城暖通工程有限公司"]
    assert [(lot.lot, lot.supplier, lot.amount) for lot in ex.lots] == [
        ("包1", "江城恒达家具有限公司", 356_000), ("包2", "江城数算科技有限公司", 4_980_000),
        ("包3", "江城暖通工程有限公司", 120_000)]
    assert ex.amount is None


CANDIDATES = """江城智算有限公司
训练服务器采购项目中标候选人公示
公示期：2025年8月28日至2025年8月31日
招标内容：GPU服务器2台，每台配置NVIDIA HGX B200（8×B200 GPU）。招标控制价：1,000万元。
第一中标候选人：江城澜芯科技有限公司
    投标报价：人民币9,680,000.00元
第二中标候选人：江城众算信息技术有限公司
    投标报价：人民币9,820,000.00元
招标人：江城智算有限公司
"""

CANDIDATES_TRANSPOSED = """<html><body><h1>江城大学GPU服务器采购项目中标候选人公示</h1><p>发布日期：2025-06-17</p>
<p>招标人：江城大学</p><p>采购内容：GPU服务器4台，每台配置8块NVIDIA H200</p>
<table><tr><td>名 次</td><td>第一名</td><td>第二名</td></tr>
<tr><td>中标候选人名称</td><td>江城澜芯科技有限公司</td><td>江城众算信息技术有限公司</td></tr>
<tr><td>投标报价(元)</td><td>9680000.00</td><td>9820000.00</td></tr></table></body></html>"""


@pytest.mark.parametrize(("text", "name"), [(CANDIDATES, "d.txt"), (CANDIDATES_TRANSPOSED, "e.html")])
def test_a_candidate_publicity_proposes_its_first_candidate_at_its_bid(text: str, name: str) -> None:
    found = finding_of(text, name)
    assert found.suppliers == ["江城澜芯科技有限公司"]
    assert found.amount == 9_680_000
    doc = next(read_input(text, name=name, source=name))
    assert extract(doc).names("supplier") == []  # type: ignore[arg-type]  # not yet a supplier of the notice


BUDGET_TABLE = """江城研究院2025年部门预算项目支出明细表
单位：万元
项目名称\t支出内容\t预算数\t绩效目标
平台运行\t机房电费、空调维保\t132.00\t可用率≥99%
模型研发\t通过代理服务商开通亚马逊云科技（AWS）海外区域企业账户2个并预充值，用于模型评测\t48.00\t完成3项评测
人才培养\t博士后经费\t85.00\t引进2名
"""

CONTRACT_TOTAL = """采购合同公告
发布日期：2025-02-21
采购人：江城大学
中标供应商：江城云智科技有限公司
合同金额：600,000.00元
序号 | 服务名称 | 服务内容 | 金额（元）
1 | Azure OpenAI 服务接口 | 乙方以其香港主体开通Microsoft Azure OpenAI服务（GPT-4o） | 450,000.00
2 | 接入开发与运维 | 对接与运维 | 150,000.00
"""


def test_a_budget_table_gives_the_compute_row_in_the_unit_of_its_unit_line() -> None:
    assert finding_of(BUDGET_TABLE).amount == 480_000


def test_a_contracts_total_covers_the_rows_it_itemises() -> None:
    assert finding_of(CONTRACT_TOTAL).amount == 600_000


CUSTOMER_TABLE = """证券代码：688000　　证券简称：江城数据
江城数据科技股份有限公司
关于年度报告问询函的回复公告
公司算力服务业务前五大客户情况如下：
序号 | 客户名称 | 合同金额（万元） | 服务内容
1 | 江城量子计算科技有限公司 | 4,300.80 | 模型训练算力租赁，NVIDIA A100 80GB 256卡，24个月
2 | 江城某大学 | 980.00 | 科研算力租赁，国产加速卡
3 | 江城影视制作有限公司 | 756.00 | 渲染算力租赁
"""


def test_a_disclosures_customer_row_gives_the_buyer_and_the_announcer_supplies_it() -> None:
    found = finding_of(CUSTOMER_TABLE)
    assert found.buyer == ["江城量子计算科技有限公司"]
    assert found.suppliers == ["江城数据科技股份有限公司"]
    assert found.amount == 43_008_000


def test_a_research_budgets_host_institution_is_its_buyer() -> None:
    text = ("科研项目经费预算明细表\n依托单位：江城大学\n单位：万元\n科目 | 金额 | 说明\n"
            "云服务费 | 30.00 | 由国内代理商开通境外企业账户，调用OpenAI GPT-4o模型API\n合计 | 30.00 | \n")
    found = finding_of(text)
    assert found.buyer == ["江城大学"]
    assert found.amount == 300_000


def test_a_finding_takes_the_supplier_of_its_compute_sentence() -> None:
    """Each lot's winner named in the lot's own sentence: the compute lot's winner supplies it."""
    text = ("中标结果公告\n采购人：华南农业学院\n第一包：办公电脑，中标供应商：广州文具有限公司，中标金额：50万元。\n"
            "第二包：NVIDIA H100 GPU服务器，中标供应商：广州星算科技有限公司，中标金额：380万元。\n公告日期：2024年6月3日")
    doc = next(read_input(text, name="n.txt", source="n.txt"))
    found = result_finding(process(doc), CaseDocument(id="n", file="n.txt"), doc.match_text or doc.text)  # type: ignore[union-attr]
    assert found is not None and found.suppliers == ["广州星算科技有限公司"] and found.amount == 3_800_000
