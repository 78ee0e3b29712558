"""The amount a finding takes: the compute row's figure when the notice prices several items, the
notice's total when the compute row is its only priced item, never a floor the notice sets."""

from __future__ import annotations

import pytest

from tendertrace.findings import result_finding
from tendertrace.ingest import read_input
from tendertrace.model import CaseDocument
from tendertrace.pipeline import process


def amount_of(text: str) -> float | None:
    doc = next(read_input(text, name="n.txt", source="n.txt"))
    assert not hasattr(doc, "reason")
    found = result_finding(process(doc), CaseDocument(id="n", file="n.txt"), doc.match_text or doc.text)  # type: ignore[union-attr]
    assert found is not None and found.route
    return found.amount


@pytest.mark.parametrize(("text", "amount"), [
    # one priced item row: its figure is the unit price, the award total stands
    ("中标结果公告\n中标金额：￥6,400,000.00\n货物名称 | 规格 | 数量 | 单价\nGPU服务器 | 8×NVIDIA H100 | 2台 | ￥3,200,000.00\n"
     "代理服务费：人民币3万元\n公告日期：2024年5月6日", 6_400_000),
    # several priced rows: the compute row's figure
    ("采购意向公开\n序号 | 项目 | 需求 | 预算\n1 | 智算设备 | 采购GPU服务器（8×A800）4台 | 360万元\n"
     "2 | 办公设备 | 采购打印机20台 | 8万元\n合计预算：3,680,000元\n发布日期：2023-05-04", 3_600_000),
    # a floor on a credit is a requirement, not the amount
    ("竞争性磋商公告\n预算金额：52万元\n采购需求：开通Azure OpenAI服务（GPT-4o），并预置不少于45万元的调用额度\n"
     "日期：2024年7月1日", 520_000),
    # a disclosure: the contract in one sentence, what it brought in in the next
    ("年度报告（节选）\n报告期内公司实现营业收入12.5亿元。\n2024年3月，公司与某智能科技有限公司签订算力服务协议，"
     "以搭载NVIDIA H800的服务器提供训练算力。报告期内该协议确认收入2.3亿元。\n前五名供应商合计采购金额：6.1亿元", 230_000_000),
])
def test_the_amount_of_a_finding(text: str, amount: float) -> None:
    assert amount_of(text) == pytest.approx(amount)


@pytest.mark.parametrize(("sentence", "amount"), [
    # a deposit, an agency's fee or a unit price named in the compute sentence: no amount of it
    ("本项目采购NVIDIA H100 GPU服务器2台，投标保证金为人民币8万元。", None),
    ("本项目采购NVIDIA H100 GPU服务器2台，单价不超过200万元。", None),
    ("本项目租用NVIDIA A100云服务器，代理服务费3万元由中标人支付。", None),
    ("Supply of 2 NVIDIA H100 GPU servers; a bid bond of RMB 50,000 is required.", None),
    # the item's own price beside one
    ("本项目采购NVIDIA H100 GPU服务器2台，预算480万元，投标保证金9.6万元。", 4_800_000),
    ("本项目租用NVIDIA A100云服务器一年，云服务费30万元。", 300_000),
])
def test_a_figure_priced_apart_is_no_amount(sentence: str, amount: float | None) -> None:
    assert amount_of("采购公告\n采购人：南方海洋大学\n" + sentence + "\n公告日期：2024年3月1日") == amount


def test_a_results_award_replaces_the_budget_stated_beside_the_item() -> None:
    text = ("GPU服务器询价结果公示\n采购单位：西溪智能研究院\n本项目采购计算节点2台，每台配置8块NVIDIA H100 GPU，采购预算：520.00万元。\n"
            "序号 | 供应商名称 | 报价（元）\n1 | 松岭数智科技有限公司 | 5,050,000.00\n2 | 白沙湾信息系统有限公司 | 5,120,000.00\n"
            "确定松岭数智科技有限公司为成交供应商，成交金额：人民币5,050,000.00元。\n公示日期：2024年6月3日\n")
    assert amount_of(text) == pytest.approx(5_050_000)


def test_an_intention_keeps_the_compute_rows_budget() -> None:
    text = ("政府采购意向公开\n序号 | 项目 | 需求 | 预算\n1 | 智算设备 | 采购GPU服务器（8×H100）2台 | 520万元\n"
            "2 | 家具 | 采购办公桌椅 | 12万元\n发布日期：2024-04-02")
    assert amount_of(text) == pytest.approx(5_200_000)
