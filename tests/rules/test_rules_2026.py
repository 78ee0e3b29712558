"""Each rule of rules.yaml and each chip added for 2025-2026, pinned on dates either side of its change."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tendertrace.rules import (
    NOT_AN_EXPORT,
    chip,
    chips,
    classify_chip,
    classify_memory,
    classify_text,
    remote_access_context,
    rules,
)

DAY = timedelta(days=1)


def _on(row_id: str) -> date:
    return rules()[row_id].effective


def test_every_rule_row_is_cited_dated_and_says_how_it_applies() -> None:
    for row in rules().values():
        assert row.citation and row.summary and row.kind, row.id
        assert row.verified and row.applies and row.changes_for_china, row.id
        assert isinstance(row.effective, date)
        for day in (row.published, row.compliance, row.until):
            assert day is None or isinstance(day, date)


@pytest.mark.parametrize("chip_id", ["amd-mi250", "amd-mi250x"])
def test_amd_letter_of_august_2022_controls_mi250_before_the_october_rule(chip_id: str) -> None:
    before = classify_chip(chip_id, _on("amd-letter-2022-08") - DAY)
    after = classify_chip(chip_id, _on("amd-letter-2022-08"))
    assert not before.controlled and after.controlled and after.rule == "amd-letter-2022-08"
    ruled = classify_chip(chip_id, _on("acs-2022-10"))
    assert ruled.controlled and ruled.rule == "acs-2022-10" and ruled.band == "3A090"


def test_the_april_2024_corrections_are_cited_from_their_date() -> None:
    assert classify_chip("nvidia-a100", _on("acs-2024-04") - DAY).rule == "acs-2023-10"
    after = classify_chip("nvidia-a100", _on("acs-2024-04"))
    assert after.rule == "acs-2024-04" and "89 FR 23876" in after.reason and after.band == "3A090.a.1"


def test_the_december_2024_rule_with_its_compliance_date() -> None:
    after = classify_chip("nvidia-h100-sxm", _on("acs-2024-12"))
    assert after.rule == "acs-2024-12" and "compliance for the new controls 2024-12-31" in after.reason


def test_hbm_sold_as_an_item_is_3a090c_from_december_2024() -> None:
    assert not classify_memory(_on("hbm-3a090c-2024-12") - DAY).controlled
    after = classify_memory(_on("hbm-3a090c-2024-12"))
    assert after.controlled and after.band == "3A090.c" and "89 FR 96790" in after.reason


def test_ai_diffusion_is_reported_only_in_its_window_and_changes_nothing_for_china() -> None:
    row = rules()["ai-diffusion-2025-01"]
    inside = classify_chip("nvidia-h100-sxm", _on("ai-diffusion-2025-01"))
    assert "90 FR 4544" in inside.reason and "none" in inside.reason
    assert "90 FR 4544" not in classify_chip("nvidia-h100-sxm", _on("ai-diffusion-2025-01") - DAY).reason
    assert "90 FR 4544" not in classify_chip("nvidia-h100-sxm", row.until).reason
    assert inside.band == classify_chip("nvidia-h100-sxm", _on("ai-diffusion-2025-01") - DAY).band


def test_the_foundry_rule_is_recorded_with_its_correction() -> None:
    row = rules()["foundry-2025-01"]
    assert "90 FR 5298" in row.citation and "90 FR 9604" in row.citation and row.compliance == date(2025, 1, 31)


def test_h20_letter_reaches_a_chip_at_the_h20s_bandwidth_by_its_figures() -> None:
    h20e = chip("nvidia-h20e")
    assert (h20e.memory_bandwidth_tbs or 0) >= (chip("nvidia-h20").memory_bandwidth_tbs or 0) > 0
    before = classify_chip("nvidia-h20e", _on("h20-letter-2025-04") - DAY)
    after = classify_chip("nvidia-h20e", _on("h20-letter-2025-04"))
    assert not before.controlled and after.controlled and after.rule == "h20-letter-2025-04"
    # a low-bandwidth card below 3A090 is not reached
    assert not classify_chip("nvidia-l20", _on("h20-letter-2025-04")).controlled


def test_h20_licences_from_august_2025_keep_the_chip_controlled() -> None:
    before = classify_chip("nvidia-h20", _on("h20-licences-2025-08") - DAY)
    after = classify_chip("nvidia-h20", _on("h20-licences-2025-08"))
    assert "revenue share" not in before.reason and "revenue share" in after.reason and after.controlled


@pytest.mark.parametrize(("chip_id", "case_by_case"), [
    ("nvidia-h200", True), ("nvidia-h100-sxm", True), ("nvidia-a100", True), ("nvidia-l40s", True),
    ("amd-mi300x", True), ("amd-mi325x", True), ("nvidia-h200-nvl", True),
    ("nvidia-b200", False),  # TPP 36,000 and 8 TB/s: above both figures
    ("amd-mi355x", False),
    ("nvidia-h20", False),  # within the figures, but a China-only part
])
def test_91_fr_1684_is_a_threshold_rule_for_exports_from_the_us(chip_id: str, case_by_case: bool) -> None:
    on = _on("h200-case-by-case-2026-01")
    before, after = classify_chip(chip_id, on - DAY), classify_chip(chip_id, on)
    assert "91 FR 1684" not in before.reason and "91 FR 1684" in after.reason
    assert after.controlled  # a licence is still required either way
    assert ("case by case" in after.reason) is case_by_case
    if case_by_case:
        assert "re-exports and transfers abroad stay presumption of denial" in after.reason


@pytest.mark.parametrize("chip_id", ["huawei-ascend-910b", "huawei-ascend-910c", "huawei-ascend-910d", "huawei-ascend-950"])
def test_ascend_carries_the_gp10_statement_from_may_2025_and_never_says_the_ear_does_not_reach_it(chip_id: str) -> None:
    before = classify_chip(chip_id, _on("ascend-gp10-2025-05") - DAY)
    after = classify_chip(chip_id, _on("ascend-gp10-2025-05") + DAY)
    assert "General Prohibition 10" not in before.reason and "General Prohibition 10" in after.reason
    assert "not reach" not in after.reason and not after.controlled


def test_ascend_910c_reads_as_3a090_by_its_figures() -> None:
    c = classify_chip("huawei-ascend-910c", date(2026, 6, 1))
    assert c.tpp == pytest.approx(12_800) and "would be 3A090.a.1" in c.reason


def test_a_domestic_chip_meeting_a_band_gets_the_gp10_reading_a_weak_one_does_not() -> None:
    assert "General Prohibition 10" not in classify_chip("cambricon-mlu370", date(2026, 6, 1)).reason
    assert "below every 3A090 threshold" in classify_chip("cambricon-mlu370", date(2026, 6, 1)).reason


def test_remote_access_context_follows_the_date() -> None:
    assert remote_access_context(date(2023, 6, 1)) == ""
    assert "89 FR 5698" in remote_access_context(date(2024, 6, 1))
    assert "H.R. 2683" not in remote_access_context(_on("rasa-house-2026-01") - DAY)
    assert "H.R. 2683" in remote_access_context(_on("rasa-house-2026-01"))
    [item] = [c for c in classify_text("租用GPU云服务器10台，每台8块A100", date(2026, 6, 1)) if c.chip]
    assert NOT_AN_EXPORT in item.reason and "not law" in item.reason and "not final" in item.reason


def test_affiliates_rule_dates_live_in_one_row() -> None:
    row = rules()["affiliates-2025-09"]
    assert row.effective == date(2025, 9, 29)
    assert [(s.start, s.end) for s in row.suspended] == [(date(2025, 11, 10), date(2026, 11, 9))]


@pytest.mark.parametrize(("chip_id", "tpp"), [
    ("nvidia-h200-nvl", 13_364), ("nvidia-h100-nvl", 13_364), ("nvidia-h800-pcie", 12_104), ("nvidia-h800", 15_832),
    ("amd-mi250", 5_793.6), ("amd-mi250x", 6_128), ("huawei-ascend-950", 8_000),
])
def test_variant_figures(chip_id: str, tpp: float) -> None:
    assert chip(chip_id).tpp == pytest.approx(tpp, rel=1e-3)


def test_mi300x_uses_the_area_of_all_its_logic_dies() -> None:
    assert chip("amd-mi300x").die_area_mm2 == 2400 and chip("amd-mi300x").pd == pytest.approx(8.72, abs=0.01)


@pytest.mark.parametrize(("text", "chip_name"), [
    ("采购H800 PCIe加速卡8块", "H800 PCIe"), ("采购AMD MI250加速卡4块", "Instinct MI250"),
    ("采购Gaudi 3 HL-338加速卡", "Gaudi3"), ("采购昇腾950PR服务器", "Ascend 950"),
    ("采购昆仑芯P800加速卡", "Kunlunxin"), ("采购沐曦曦云C500训练卡", "MetaX"), ("采购燧原云燧T20加速卡", "Enflame"),
    ("采购天数智芯天垓150加速卡", "Iluvatar CoreX"), ("采购思元690训练卡", "Cambricon MLU"),
])
def test_new_chip_names_are_found(text: str, chip_name: str) -> None:
    assert chip_name in {c.chip for c in classify_text(text, date(2026, 6, 1))}


def test_every_chip_added_since_2024_has_an_announcement_date() -> None:
    for row in chips().values():
        if row.id in {"nvidia-b300", "nvidia-gb300", "nvidia-rtx-pro-6000", "nvidia-rtx5090", "nvidia-rtx5090d",
                         "amd-mi325x", "amd-mi350x", "amd-mi355x", "nvidia-h20e", "intel-gaudi3", "intel-gaudi3-china",
                         "huawei-ascend-910c", "huawei-ascend-910d", "huawei-ascend-950"}:
            assert row.announced and row.source, row.id


@pytest.mark.parametrize(("text", "band"), [
    ("采购NVIDIA H100 8块", "3A090.a.1"),  # loose cards
    ("采购GPU服务器2台，每台配置8块NVIDIA H100", "4A090.a"),  # a computer
    ("采购8台服务器，每台配置8块NVIDIA H100", "4A090.a"),
])
def test_a_card_count_is_not_a_computer(text: str, band: str) -> None:
    [item] = [c for c in classify_text(text, date(2026, 6, 1)) if c.chip]
    assert item.band == band


@pytest.mark.parametrize("text", [
    "B200服务器4台（部署于新加坡数据中心）",
    "采购B200 GPU服务器使用权，位于美国数据中心",
    "采购海外算力服务，使用NVIDIA B200",
])
def test_servers_in_a_data_centre_abroad_are_a_rental(text: str) -> None:
    [item] = [c for c in classify_text(text, date(2026, 6, 1)) if c.chip]
    assert item.route == "cloud_rental" and item.compute_finding


def test_servers_in_ones_own_data_centre_stay_a_purchase() -> None:
    [item] = [c for c in classify_text("采购GPU服务器2台，部署在本单位数据中心，每台配置8块H100", date(2026, 6, 1)) if c.chip]
    assert item.route == "hardware_purchase"


def test_a_spec_table_under_a_labelled_purchase_name_is_a_purchase() -> None:
    from tendertrace.extract.mentions import find_mentions
    from tendertrace.model import Extraction
    from tendertrace.rules import classify_extraction
    from tendertrace.text.fold import match_text

    text = match_text("3.2 技术参数表\n序号 | 参数项 | 技术要求\n1 | ★加速卡算力 | 单卡FP16/BF16稠密算力≥989 TFLOPS |\n")
    bare = Extraction(mentions=find_mentions(text))
    named = Extraction(mentions=find_mentions(text), project_name="实验平台建设——智算服务器采购")
    [without] = classify_extraction(bare, text, date(2025, 6, 1))
    [with_name] = classify_extraction(named, text, date(2025, 6, 1))
    assert without.route is None and not without.compute_finding
    assert with_name.route == "hardware_purchase" and with_name.compute_finding and with_name.needs_review


@pytest.mark.parametrize(("text", "items"), [
    ("采购HBM3E存储颗粒200颗", 1),
    ("HBM3 memory stacks, 64 units", 1),
    ("采购GPU服务器，每台8块H100，显存类型HBM3，容量80GB", 0),  # the GPU's own memory
    ("采购加速卡，显存HBM2E 64GB", 0),
])
def test_hbm_bought_as_an_item_is_found_and_a_gpus_memory_is_not(text: str, items: int) -> None:
    found = [c for c in classify_text(text, date(2025, 3, 1)) if c.band == "3A090.c"]
    assert len(found) == items and all(c.controlled for c in found)
