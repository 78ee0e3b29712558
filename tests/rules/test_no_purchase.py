"""Texts that buy nothing whatever compute they name (a job advertisement, a warning against orders
forged in a buyer's name, an import request the experts refused), and a form that records a
purchase. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tendertrace.rules import classify_text

ON = date(2025, 3, 1)


def compute(text: str) -> list[str]:
    return [c.chip or c.model or c.provider or "" for c in classify_text(text, ON) if c.compute_finding]


@pytest.mark.parametrize("text", [
    "【招聘】南岭数算科技有限公司 · 智算集群工程师\n任职要求：熟悉NVIDIA H100集群与CUDA，了解AWS GPU实例。\n",
    "We are hiring: GPU platform engineer, Shanghai\nRequirements: experience with NVIDIA A100 and H100 clusters.\n",
    "关于谨防不法分子冒用我校名义采购GPU显卡的严正声明\n有人伪造《采购订单》订购NVIDIA H100 80GB显卡20块，我校从未发布该需求。\n",
    "关于采购进口产品的专家论证意见（未通过）\n申请采购进口产品：NVIDIA DGX H100系统2套。专家组意见：不同意采购。\n",
])
def test_a_text_that_buys_nothing_gives_no_compute_finding(text: str) -> None:
    assert compute(text) == []


def test_the_same_items_in_a_purchase_are_findings() -> None:
    text = "关于采购进口产品的专家论证意见\n申请单位：江城大学\n申请采购进口产品：NVIDIA DGX H100系统2套。专家组意见：同意采购。\n"
    assert any("H100" in c for c in compute(text))


def test_an_asset_acceptance_form_is_a_purchase() -> None:
    text = ("江城大学固定资产验收单\n资产名称：GPU服务器\n规格型号：SYS-420GP（8×NVIDIA A800 80GB SXM4）\n数量：1台\n"
            "金额（元）：1,268,000.00\n取得方式：购置\n验收意见：验收合格。\n")
    assert any("A800" in c for c in compute(text))


def test_an_inventory_count_of_assets_held_buys_nothing() -> None:
    text = ("东岭理工大学2025年度固定资产清查盘点明细表\n盘点基准日：2025-11-30\n"
            "序号,资产名称,规格型号,品牌,取得日期,取得方式,原值（元）,盘点结果\n"
            "2,GPU服务器,DGX A100 320GB,NVIDIA,2021-08-16,购置,1598000.00,账实相符\n")
    assert compute(text) == []


def test_a_job_advertisement_written_as_its_sections_buys_nothing() -> None:
    text = ("【社招】智算集群运维工程师\n东岭智算科技有限公司 · 3-5年 · 本科\n\n"
            "## 岗位职责\n1. 负责千卡GPU集群（NVIDIA A100 / H100）的日常运维；\n2. 维护Slurm调度平台。\n\n"
            "## 任职要求\n- 熟悉CUDA与NCCL；\n- 有AWS / Azure GPU实例使用经验者优先；\n- 有调用Claude API经验者加分。\n")
    assert compute(text) == []


def test_an_operations_tender_listing_its_staffs_duties_still_buys() -> None:
    text = ("东岭大学GPU服务器采购及驻场运维项目招标公告\n采购人：东岭大学\n采购内容：GPU服务器2台，每台配置8块NVIDIA H100。\n"
            "驻场人员岗位职责：负责服务器日常运维。\n任职要求：熟悉Linux。\n")
    assert any("H100" in c for c in compute(text))


def test_a_vendors_sales_to_china_are_trade_news_not_a_purchase() -> None:
    text = "隔夜美股：英伟达收涨4%。消息面上，英伟达表示已向美方提交H20芯片对华销售的许可申请，预计将获批。上海算力板块走强。"
    assert compute(text) == []


def test_a_platforms_education_programme_is_no_cloud_purchase() -> None:
    text = ("东岭大学计算机学院院务会纪要\n会议同意推荐8名教师参加亚马逊云科技（AWS）高校合作项目组织的“AWS Academy Cloud Foundations”"
            "讲师认证，费用32,000元，不涉及开通任何云服务账号。\n")
    assert compute(text) == []


def test_an_advisory_on_export_controls_buys_nothing() -> None:
    text = ("东岭省算力产业协会\n关于美国先进计算芯片及云服务出口管制动态的风险提示\n各会员单位：\n"
            "2022年起对向中国出口的NVIDIA A100、H100实施许可证要求。通过境外账号或代充值方式使用境外GPU云实例或OpenAI接口存在合规风险。\n")
    assert compute(text) == []


def test_a_purchase_that_mentions_export_controls_is_still_one() -> None:
    text = "东岭大学GPU服务器采购项目中标公告\n采购人：东岭大学\n采购GPU服务器2台，每台配置8块NVIDIA H100，供应商须遵守出口管制法规。\n"
    assert any("H100" in c for c in compute(text))


def test_a_visit_that_says_it_buys_nothing_makes_no_finding() -> None:
    from datetime import date

    from tendertrace.rules import classify_text

    text = ("关于赴美参加学术会议的因公出国（境）任务公示\n出访任务：参加GPU技术大会，听取Blackwell、H200等新一代GPU架构报告。"
            "本次出访为学术交流，不涉及设备采购、算力租用或任何商务签约。\n")
    assert not [c for c in classify_text(text, date(2025, 3, 1)) if c.compute_finding]
