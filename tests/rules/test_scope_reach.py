"""How far a cancellation, an isolation or a paragraph reaches, on sentences written for these tests:
a cancellation in a clause with no subject of its own speaks of the clause before it, an account cut
off from a global region reaches nothing abroad, and a paragraph ends at its section's heading."""

from __future__ import annotations

from tendertrace.ingest import read_input
from tendertrace.model import Document
from tendertrace.pipeline import process


def compute(text: str) -> list[str]:
    """The compute findings of ``text`` read as a user's file is (no default route for a chip)."""
    doc = next(read_input(text, name="a.txt", source="a.txt"))
    assert isinstance(doc, Document)
    return [c.chip or c.model or c.provider or "" for c in process(doc).classifications if c.compute_finding]


def test_a_plan_cancelled_in_the_next_clause_is_no_purchase() -> None:
    text = ("主题：训练服务器报价\n我司原计划的H100训练集群方案因供货渠道无法保证合规，已于上周经总经理办公会决定取消，"
            "改为国产方案。请报4台训练服务器的价格。\n")
    assert compute(text) == []
    # the same plan, not cancelled, is a purchase
    assert compute("主题：训练服务器报价\n我司计划采购H100训练集群，请报4台8卡H100训练服务器的价格。\n")


def test_a_china_region_account_isolated_from_the_global_region_reaches_nothing_abroad() -> None:
    text = ("成交结果公告\n成交供应商：宁夏某云数据科技有限公司\n服务内容：亚马逊云科技中国区域（宁夏区域）：EC2计算实例40台；\n"
            "账号说明：中国区域独立账号，与亚马逊云科技全球区域账号相互隔离；数据存储于境内。\n")
    assert compute(text) == []


def test_a_paragraph_does_not_reach_into_the_next_section() -> None:
    preface = "编者按：本文按时间顺序梳理美国对华先进计算芯片出口管制的主要节点，供读者参考，不构成法律意见。" * 4
    text = ("一文读懂：出口管制四年演变\n" + preface + "\n二、两个关键指标\nTPP≥4800的芯片属于3A090.a管控范围。因此，面向游戏市场的RTX 4090也被纳入。\n"
            "三、对国内用户意味着什么\n部分用户转向国产加速卡；也有机构选择租用境内合规算力，或借道境外云服务。\n")
    assert compute(text) == []


def test_chips_smuggled_to_china_are_reached_as_hardware() -> None:
    text = ("Four Indicted In Alleged Conspiracy to Smuggle Nvidia Chips to China\n"
            "Prosecutors allege that the defendants exported about 400 Nvidia A100 GPUs to China by way of Malaysia.\n")
    assert "A100" in compute(text)
    text = "美國司法部宣布，兩名男子因涉嫌走私價值一．六億美元的輝達H100晶片至中國而遭拘捕。\n"
    assert any("H100" in c for c in compute(text))


def test_a_prohibition_ending_its_clause_forbids_the_clause_before_it() -> None:
    text = ("云资源开通申请\n申请单位：东岭医药研究院有限公司\n# 注意：AzureChinaCloud = 世纪互联运营的 Azure 中国；"
            "AzureCloud = 全球版，本单位制度不允许使用\n用途：实验室信息管理系统迁移上云，续用 Azure 中国订阅，通用型虚拟机4台。\n")
    assert compute(text) == []
    # the global cloud allowed is a route abroad
    allowed = ("云资源开通申请\n申请单位：东岭医药研究院有限公司\n申请通过CSP合作伙伴开通全球版 Azure 订阅，"
               "部署8卡H100虚拟机2台，用于模型训练。\n")
    assert compute(allowed)
