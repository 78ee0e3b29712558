"""Mentions: ambiguous tokens count only in their own sense; generic chips and per-chip rates."""

from __future__ import annotations

import pytest

from tendertrace.extract.mentions import find_mentions
from tendertrace.text.fold import match_text


def kinds(text: str) -> list[tuple[str, str]]:
    return [(m.kind, m.normalized) for m in find_mentions(match_text(text))]


@pytest.mark.parametrize("text", [
    "机柜尺寸：W600×D1200×H100 mm",                       # a unit after the code
    "展柜高度 H800 毫米，宽 1200 毫米",
    "电动升降桌：型号A800，承重 120 kg",                  # an appliance model, a unit
    "空气净化器：型号A100（或同等档次），CADR≥600m3/h",   # an appliance model
    "车载电台型号H200（或同等性能），UHF频段",            # a radio model
    "采购8台A100",                                         # a bare code with no compute word
])
def test_chip_codes_in_other_senses_are_no_chips(text: str) -> None:
    assert not [k for k in kinds(text) if k[0] == "chip"]


@pytest.mark.parametrize(("text", "chip_id"), [
    ("采购GPU服务器，每台配置8块A100", "nvidia-a100"),
    ("显卡：H100 80GB SXM5", "nvidia-h100-sxm"),
    ("NVIDIA L40S 加速卡 4 张", "nvidia-l40s"),
])
def test_chip_codes_with_compute_words_are_chips(text: str, chip_id: str) -> None:
    assert ("chip", chip_id) in kinds(text)


@pytest.mark.parametrize("text", [
    "Prof. Claude Fontaine 学术讲座翻译服务",   # a person with a surname
    "Claude Monet 画册采购",
    "画家克洛德（Claude）作品展",
])
def test_claude_as_a_person_is_no_model(text: str) -> None:
    assert not [k for k in kinds(text) if k[0] == "ai_model"]


def test_claude_as_a_model_is_a_model() -> None:
    assert ("ai_model", "claude") in kinds("通过API调用Claude 3 Opus模型")


@pytest.mark.parametrize("text", [
    "谷丙转氨酶（GPT）测定试剂盒（速率法）",
    "丙氨酸氨基转移酶 GPT-4 型号试剂 100 盒",
    "图书采购：《ChatGPT：人工智能新时代》，某出版社",
])
def test_gpt_in_other_senses_is_no_model(text: str) -> None:
    assert not [k for k in kinds(text) if k[0] == "ai_model"]


@pytest.mark.parametrize(("text", "provider"), [
    ("AWS D1.1 焊工资格认证服务", "aws"),
    ("American Welding Society (AWS) welding inspector course", "aws"),
    ("窗帘面料颜色：Azure 天蓝色", "azure"),
    ("AWS认证考试培训课程 30 人次", "aws"),
])
def test_providers_in_other_senses_are_no_providers(text: str, provider: str) -> None:
    assert ("cloud_provider", provider) not in kinds(text)


def test_providers_for_compute_are_providers() -> None:
    assert ("cloud_provider", "aws") in kinds("采购AWS云计算资源")
    assert ("cloud_provider", "gcp") in kinds("租用谷歌云TPU实例")  # no Latin edge after a CJK name


def test_amd_as_macular_degeneration_is_no_chip() -> None:
    assert not kinds("AMD高端治疗方案：年龄相关性黄斑变性")
    assert ("generic_chip", "US vendor") in kinds("采购AMD高端GPU服务器")


@pytest.mark.parametrize(("text", "signal"), [
    ("英伟达（NVIDIA）高端数据中心级GPU", "US vendor"),
    ("搭载美国产高端AI芯片", "US origin"),
    ("原装进口高端GPU", "imported high-end GPU"),
    ("NVIDIA data center GPUs", "US vendor"),
])
def test_generic_us_chips(text: str, signal: str) -> None:
    assert ("generic_chip", signal) in kinds(text)


def test_an_imported_chip_in_general_is_no_us_gpu() -> None:
    assert not kinds("进口芯片测试座")


@pytest.mark.parametrize(("text", "tpp"), [
    ("单卡FP16算力≥989 TFLOPS", "tpp:15824"),
    ("FP8 dense performance at least 4.5 PFLOPS per GPU", "tpp:36000"),
    ("TPP≥4800", "tpp:4800"),
])
def test_per_chip_rates_become_tpp(text: str, tpp: str) -> None:
    assert ("chip_spec", tpp) in kinds(text)


def test_a_systems_rate_is_no_chips() -> None:
    assert not kinds("整机FP16算力不低于8 PFLOPS")


@pytest.mark.parametrize(("text", "tpp"), [
    ("单卡算力≥989 TFLOPS（FP16）", "tpp:15824"),            # the format after the figure
    ("半精度浮点性能不低于989 TFLOPS", "tpp:15824"),          # the format named in Chinese
    ("FP8 Tensor Core: 3,958 TFLOPS with sparsity", "tpp:15832"),  # a sparse figure is halved
    ("FP8 3958 TFLOPS（稀疏）", "tpp:15832"),
])
def test_spec_variants(text: str, tpp: str) -> None:
    assert ("chip_spec", tpp) in kinds(text)


def test_a_longer_name_holding_an_ambiguous_word_needs_no_context() -> None:
    assert ("ai_model", "azure-openai") in kinds("四川大学 Azure OpenAI 服务采购项目")
    assert ("cloud_provider", "azure") in kinds("微软 Azure 服务采购项目")


def test_a_code_alone_on_its_line_reads_the_label_above() -> None:
    assert ("chip", "nvidia-a100") in kinds("GPU型号：\nA100\n数量：8")


@pytest.mark.parametrize(("text", "model"), [
    ("采购Claude 3 Opus服务", "claude"),   # a version or tier makes Claude the model
    ("采购GPT-4o服务", "openai"),
])
def test_model_names_with_a_version_need_no_context(text: str, model: str) -> None:
    assert ("ai_model", model) in kinds(text)


def test_bare_claude_needs_model_words() -> None:
    assert not kinds("Claude的作品展览")
    assert ("ai_model", "claude") in kinds("通过API调用Claude")


def test_every_generic_pattern_holds_one_of_its_trigger_words() -> None:
    import re

    from tendertrace.knowledge import load_yaml
    generic = load_yaml("evidence.yaml")["generic_us_chip"]
    triggers = [w for row in generic if "requires" in row for w in row["requires"]]
    for row in generic:
        if "pattern" in row:
            literal = re.sub(r"\\\.", ".", row["pattern"])
            assert any(w in literal for w in triggers), row["pattern"]


def test_a_count_after_gpu_card_words() -> None:
    chips = [m for m in find_mentions("采购NVIDIA H20 GPU卡16块") if m.kind == "chip"]
    assert chips and chips[0].count == 16
