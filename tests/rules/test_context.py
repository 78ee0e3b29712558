"""Negation, prohibition, replacement, existing equipment and cancellation scopes."""

from __future__ import annotations

from datetime import date

import pytest

from tendertrace.extract.mentions import find_mentions
from tendertrace.model import Extraction
from tendertrace.rules import classify_extraction, classify_text
from tendertrace.rules.context import cancellation, find_scopes, scope_at

ON = date(2025, 8, 1)


@pytest.mark.parametrize(("text", "effect"), [
    ("不得采用境外云服务（包括但不限于AWS、Microsoft Azure、Google Cloud等）", "negated"),
    ("严禁投标人提供英伟达H100等美国原产GPU产品", "negated"),
    ("本项目预算不包括H100等进口GPU", "negated"),
    ("The bidder shall not supply NVIDIA A100 GPUs", "negated"),
    ("所投设备须国产化替代，弃用英伟达A100", "replaced"),
    ("以国产加速卡替换现网英伟达A800服务器", "replaced"),
    ("我中心现有DGX A100集群一套", "existing"),
])
def test_a_scope_cancels_the_mentions_under_it(text: str, effect: str) -> None:
    items = classify_text(text, ON)
    assert items and not any(c.compute_finding for c in items)
    assert all((c.context or "").startswith(effect) for c in items)


def test_a_scope_ends_at_its_clause() -> None:
    text = "不得采用境外云服务；采购GPU服务器2台，每台8块H100"
    [item] = classify_text(text, ON)
    assert item.compute_finding and item.context is None


def test_a_comma_inside_brackets_does_not_end_the_scope() -> None:
    text = "禁止使用美国芯片（NVIDIA、AMD产品），须提供承诺函"
    scopes = find_scopes(text)
    amd = text.index("AMD")
    assert scope_at(scopes, amd, amd + 3) is not None
    assert scope_at(scopes, text.index("承诺"), text.index("承诺") + 2) is None


def test_not_less_than_is_no_negation() -> None:
    [item] = [c for c in classify_text("GPU performance not less than NVIDIA H100, 8 GPUs per server", ON) if c.chip]
    assert item.compute_finding and item.us_signal == "benchmark chip"


def test_a_cancelled_procurement_yields_no_finding() -> None:
    text = "GPU服务器采购项目终止公告\n原公告采购内容：A100 80GB 8卡服务器4台\n因故终止本项目采购活动。"
    ex = Extraction(notice_type="cancellation", mentions=find_mentions(text))
    [item] = classify_extraction(ex, text, ON)
    assert not item.compute_finding and item.context and item.context.startswith("cancelled")
    assert cancellation("经评审委员会评审，决定本项目废标。", None) and cancellation("采购GPU服务器", "award") is None


@pytest.mark.parametrize("text", [
    "投标文件有下列情形之一的，作废标处理：（一）未按要求提供GPU服务器参数的",
    "出现下列情形之一的，本项目废标：符合条件的供应商不足三家",
    "对存在违法行为的供应商，取消其采购资格",
])
def test_the_conditions_of_a_failed_bid_are_no_cancellation(text: str) -> None:
    assert cancellation(text, "tender_call") is None


def test_an_existing_scope_ends_where_the_notice_turns_to_what_it_buys() -> None:
    [item] = classify_text("在现有集群基础上扩容8台H100服务器", ON)
    assert item.compute_finding and item.context is None


@pytest.mark.parametrize("text", [
    "GPU performance shall not be less than NVIDIA H100 SXM, 8 GPUs per server",
    "servers including but not limited to NVIDIA H100 nodes",
])
def test_a_floor_in_english_is_no_negation(text: str) -> None:
    assert any(c.compute_finding for c in classify_text(text, ON))


@pytest.mark.parametrize("text", ["美国限制英伟达芯片对华出口", "US export controls on NVIDIA H100 chips tightened"])
def test_a_reported_export_restriction_is_no_purchase(text: str) -> None:
    assert not any(c.compute_finding for c in classify_text(text, ON))


@pytest.mark.parametrize(("heading", "finding"), [
    ("某区数字经济人才培训服务采购项目\n课程模块：ChatGPT与Claude的应用，英伟达H100租用云服务器的成本测算", False),
    ("2025年馆藏图书采购项目\n书目：《GPU并行计算：H100架构详解》等", False),
    ("Data Science Training Course procurement notice\nTopics: renting NVIDIA H100 cloud servers on AWS", False),
    ("高性能计算服务器采购项目\n采购GPU服务器2台，每台配置8块H100，含原厂技术培训", True),
])
def test_a_course_or_books_procurement_names_compute_as_its_subject(heading: str, finding: bool) -> None:
    ex = Extraction(notice_type="tender_call", project_name=heading.split("\n")[0], mentions=find_mentions(heading))
    items = classify_extraction(ex, heading, ON)
    assert items and any(c.compute_finding for c in items) is finding
    if not finding:
        assert all((c.context or "").startswith("topic") for c in items)


def test_the_china_partner_of_a_us_cloud_is_no_us_compute() -> None:
    text = "续租由世纪互联运营的Azure中国区通用型虚拟机20台，不涉及境外云服务。"
    assert not any(c.compute_finding for c in classify_text(text, ON))


@pytest.mark.parametrize("text", [
    "本项目不采购进口GPU，全部采用国产加速卡",
    "建设方案未采用英伟达H100，选用国产训练卡",
    "本期不再租用境外云服务器（含AWS）",
    "所需算力由国产平台提供，而非NVIDIA A100集群",
])
def test_a_negated_purchase_is_no_finding(text: str) -> None:
    items = classify_text(text, ON)
    assert items and not any(c.compute_finding for c in items)


@pytest.mark.parametrize("text", [
    "采购训练服务器2台，单卡性能不得低于NVIDIA H100",
    "GPU服务器采购：加速卡算力不能低于A100，8卡/台",
    "租用GPU云主机，单卡显存不应少于80GB，型号H800",
])
def test_a_floor_written_with_a_negator_is_no_negation(text: str) -> None:
    assert any(c.compute_finding for c in classify_text(text, ON))


@pytest.mark.parametrize("text", [
    "将英伟达H100替换为昇腾910B，整机须为国产化产品",
    "拟将A100服务器更换为国产海光DCU服务器",
    "推理卡型号由NVIDIA L40S调整为寒武纪MLU370",
    "The NVIDIA H100 nodes are replaced by domestic accelerators in this lot",
])
def test_what_a_replacement_removes_stands_before_its_cue(text: str) -> None:
    items = classify_text(text, ON)
    us = [c for c in items if c.us_signal]
    assert us and not any(c.compute_finding for c in items)
    assert all((c.context or "").startswith("replaced") for c in us)


def test_what_a_replacement_brings_in_is_bought() -> None:
    [item] = [c for c in classify_text("将现网T4推理卡更换为NVIDIA H100加速卡8块，采购GPU服务器1台", ON)
              if c.chip == "H100 SXM"]
    assert item.compute_finding and item.context is None


def test_a_correction_notice_removes_the_original_requirement() -> None:
    text = ("更正内容：采购需求原为“训练服务器：每台配置英伟达A800加速卡8块”，"
            "现更正为“训练服务器：每台配置昆仑芯P800加速卡8块”。")
    items = classify_text(text, ON)
    [a800] = [c for c in items if c.chip == "A800"]
    assert not a800.compute_finding and (a800.context or "").startswith("replaced")


@pytest.mark.parametrize("text", [
    "因有效投标供应商不足三家，本项目流标。原采购内容：H800服务器4台",
    "经评审，本次采购项目废标，GPU服务器（8×A100）将另行组织采购",
])
def test_a_failed_tender_stated_in_the_body_cancels_it(text: str) -> None:
    assert cancellation(text, None)


@pytest.mark.parametrize("text", [
    "推理服务器1台，配置NVIDIA T4两块；NVIDIA L4推理卡不采购",
    "加速卡品牌不限，英伟达H100产品除外",
    "NVIDIA A100 GPUs are not included in this lot",
])
def test_a_negation_written_after_what_it_excludes(text: str) -> None:
    items = classify_text(text, ON)
    assert not any(c.compute_finding for c in items)


def test_a_price_term_after_an_item_is_no_exclusion() -> None:
    assert any(c.compute_finding for c in classify_text("采购GPU服务器2台，每台8块H100，报价不含税", ON))


def test_a_negated_condition_on_the_bid_is_a_requirement() -> None:
    text = "采购GPU服务器2台；未配置8块NVIDIA H100的，按无效投标处理"
    assert any(c.compute_finding for c in classify_text(text, ON))


def test_the_original_wording_of_a_correction_runs_over_its_commas() -> None:
    text = "原公告采购需求：AI服务器4台，每台配置8块NVIDIA A100。\n更正后：AI服务器4台，每台配置8块昇腾910B，整机国产化。"
    [a100] = [c for c in classify_text(text, ON) if c.chip == "A100"]
    assert not a100.compute_finding and (a100.context or "").startswith("replaced")


@pytest.mark.parametrize(("text", "chip"), [
    ("第3包NVIDIA A800推理服务器不再采购。", "A800"),
    ("GPU服务器（8卡A100）采购，已撤销", "A100"),
    ("第2包：NVIDIA H100 GPU服务器（本包已删除）", "H100"),
    ("撤销原“租用GPU云服务器，配置H100”采购需求。", "H100"),
    ("Lot 3 - NVIDIA A100 GPU cluster: withdrawn.", "A100"),
])
def test_a_withdrawn_row_is_no_finding(text: str, chip: str) -> None:
    items = [c for c in classify_text(text, ON) if c.chip]
    assert items and not any(c.compute_finding for c in items)
    assert all((c.context or "").startswith("withdrawn") for c in items)


@pytest.mark.parametrize("text", [
    "采购GPU服务器4台（8卡H100），本包并未取消。",
    "更正事项：采购数量由2台调整为4台（NVIDIA H100 GPU服务器）。",
    "原为“国产加速卡”，现更正为“NVIDIA H100 80GB”，采购GPU服务器2台。",
    "单价（不含税）：采购NVIDIA H100 GPU服务器2台",
])
def test_a_denied_withdrawal_a_changed_quantity_and_a_corrected_wording_keep_the_item(text: str) -> None:
    assert any(c.compute_finding for c in classify_text(text, ON))


def test_a_list_after_an_exclusion_colon_is_excluded() -> None:
    text = "以下产品不在采购范围内：NVIDIA A100、H100 GPU服务器。"
    assert not any(c.compute_finding for c in classify_text(text, ON))


@pytest.mark.parametrize(("opening", "cancelled"), [
    ("采购GPU服务器2台。如投标人不足三家，本项目将予以废标。", False),
    ("GPU服务器采购项目废标公告\n根据政府采购法第三十六条，本项目应予废标。", True),
])
def test_a_notice_typed_a_cancellation_by_a_condition_alone_is_not_cancelled(opening: str, cancelled: bool) -> None:
    assert (cancellation(opening, "cancellation") is not None) is cancelled


def _scope_effect(text: str, token: str) -> str | None:
    from tendertrace.rules.context import scope_of

    at = text.index(token)
    scope = scope_of(text, at, at + len(token))
    return scope.effect if scope else None


def test_a_thousands_separator_ends_no_clause() -> None:
    # the backward withdrawal reaches the chip over "2,360.00", not over a clause comma
    assert _scope_effect("GPU服务器（8卡H100）预算2,360.00万元采购，已撤销", "H100") == "withdrawn"
    assert _scope_effect("采购GPU服务器（8卡H100），预算2360万元，其余不变", "H100") is None


def test_a_status_cell_withdraws_its_row_only() -> None:
    table = "1 | NVIDIA H100 GPU服务器，8卡 | 2台 | 取消（另行论证）\n2 | NVIDIA A100 GPU服务器 | 1台 | 不变"
    assert _scope_effect(table, "H100") == "withdrawn"
    assert _scope_effect(table, "A100") is None


def test_an_elaboration_carries_the_negation_over_its_comma() -> None:
    assert _scope_effect("整机不含受管制物项，包括但不限于NVIDIA H100", "H100") == "negated"
    assert _scope_effect("整机不含受管制物项，另采购NVIDIA H100", "H100") is None


def test_a_track_record_table_is_past_projects() -> None:
    text = "类似项目业绩一览表\n序号 | 项目 | 年份\n1 | 某院H100 GPU服务器采购 | 2023"
    assert _scope_effect(text, "H100") == "past"
    assert _scope_effect("采购清单\n序号 | 项目 | 数量\n1 | H100 GPU服务器 | 2台", "H100") is None


def test_a_contract_terminated_as_announced_is_a_cancellation() -> None:
    text = ("关于“东岭材料计算GPU服务器采购项目”合同解除的公告\n原成交供应商：西岭信息技术有限公司\n"
            "原合同内容：GPU服务器2台（每台8×NVIDIA H100 80GB SXM5）\n原合同项下货物未交付。\n")
    found = classify_text(text, date(2022, 11, 25))
    assert found and not any(c.compute_finding for c in found)
    assert cancellation(text, "other") is not None
    # a contract's clause on its own termination is no cancellation of the procurement
    assert cancellation("GPU服务器采购合同\n乙方违约的，甲方有权解除合同。\n采购NVIDIA H100服务器2台。\n", "other") is None


def test_a_securities_research_report_buys_nothing_it_names() -> None:
    # 发布证券研究报告暂行规定: a report states its analyst's 执业证书编号 and its risk disclosure.
    text = ("【东岭证券研究所】电子行业周报\n核心观点：H20受限后，国内云厂商采购将转向国产AI芯片；H100整机报价波动加大。\n"
            "投资建议：维持行业“推荐”评级。\n风险提示：海外政策进一步变化。\n分析师：贾××（执业证书编号：S06XXXXXXXX）\n")
    found = classify_text(text, date(2025, 4, 21))
    assert found and not any(c.compute_finding for c in found)
    # a procurement notice that mentions risks is no report
    notice = "GPU服务器采购公告\n采购人：东岭大学\n采购NVIDIA H100服务器2台。\n风险提示：供货周期以合同为准。\n"
    assert any(c.compute_finding for c in classify_text(notice, date(2024, 3, 1)))


def test_a_model_named_as_a_benchmark_is_not_reached() -> None:
    text = ("科技成果评价意见\n东岭政务大模型在C-Eval、CMMLU评测集上的得分与GPT-4o、Claude 3.5 Sonnet等国外模型的公开成绩相当，"
            "对比模型成绩引自公开技术报告。\n评价单位：东岭市科学技术协会\n")
    found = [c for c in classify_text(text, date(2025, 2, 1)) if c.model]
    assert found and not any(c.compute_finding for c in found)
    assert all((c.context or "").startswith("a benchmark") for c in found)
    # buying access for an evaluation is reaching the model
    bought = "东岭大学采购GPT-4o API调用服务（500万tokens），用于大模型评测。\n"
    assert any(c.compute_finding for c in classify_text(bought, date(2025, 2, 1)) if c.model)


def test_a_negation_runs_on_over_a_hard_wrapped_line() -> None:
    # A plain-text list item wrapped with a hanging indent: the exclusion covers the wrapped part.
    text = ("算力服务采购需求\n采购人：东岭大学\n    1. 本项目不接受亚马逊云科技（AWS）、微软Azure、谷歌云、甲骨文云\n"
            "       （Oracle Cloud）等境外云服务；\n    2. 供应商提供升腾910B算力。\n")
    found = [c for c in classify_text(text, date(2025, 3, 1)) if c.provider]
    assert found and not any(c.compute_finding for c in found)
    # lines of a form indented alike are lines of their own
    form = "    不接受进口产品\n    采购NVIDIA H100服务器2台，用于大模型训练\n"
    assert any(c.compute_finding for c in classify_text("GPU服务器采购公告\n采购人：东岭大学\n" + form, date(2024, 3, 1)))


def test_a_question_whether_something_is_bought_states_nothing_bought() -> None:
    from datetime import date

    from tendertrace.rules import classify_text

    text = "来信内容：请问会不会采购英伟达的显卡，或者租用亚马逊云、微软 Azure 这样的国外云？\n"
    assert not [c for c in classify_text(text, date(2025, 6, 18)) if c.compute_finding]


def test_the_writer_refusing_what_the_clause_before_names() -> None:
    from datetime import date

    from tendertrace.rules import classify_text

    text = "对比：GPT-4o、Claude 需要境外账号和外币支付，公司不考虑；本方案数据不出境。\n"
    assert not [c for c in classify_text(text, date(2025, 3, 11)) if c.compute_finding]
    text = "请求全部发往国内接口，不调用 OpenAI 服务。\n"
    assert not [c for c in classify_text(text, date(2025, 3, 11)) if c.compute_finding]
