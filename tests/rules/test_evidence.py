"""A compute finding needs a compute object, a US signal and a route in one item: each class, with
sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tendertrace.extract.mentions import find_mentions
from tendertrace.model import Classification, Extraction
from tendertrace.rules import UNCLASSIFIED, classify_extraction, classify_text

ON = date(2025, 8, 1)


def findings(text: str, on: date = ON) -> list[Classification]:
    return [c for c in classify_text(text, on) if c.compute_finding]


@pytest.mark.parametrize(("text", "provider", "route"), [
    ("本项目拟采购亚马逊云科技（AWS）云计算服务，用于大模型训练，服务期一年。", "Amazon Web Services", "cloud_rental"),
    ("采购内容：微软Azure全球版GPU虚拟机资源，供科研团队开展深度学习实验。", "Microsoft Azure", "cloud_rental"),
    ("租用谷歌云TPU及GPU实例开展模型预训练", "Google Cloud", "cloud_rental"),
    ("开通AWS国际版企业账号1个并代付12个月费用", "Amazon Web Services", "cloud_account"),
])
def test_a_us_provider_bought_for_compute_is_a_cloud_route_without_a_chip(text: str, provider: str, route: str) -> None:
    [item] = findings(text)
    assert item.chip is None and item.provider == provider and item.route == route
    assert item.us_signal == "US provider" and "not an export" in item.reason


@pytest.mark.parametrize("text", [
    "采购AWS官方认证培训课程20人次",       # a course about the platform
    "亚马逊云科技峰会参会服务",             # no compute object, no account
])
def test_a_us_provider_named_without_compute_is_no_finding(text: str) -> None:
    assert not findings(text)


@pytest.mark.parametrize(("text", "signal"), [
    ("采购进口高端GPU服务器2台，用于人工智能平台建设", "imported high-end GPU"),
    ("供应商须提供搭载英伟达最新一代数据中心GPU的训练服务器", "US vendor"),
    ("智算一体机：搭载美国原产训练级AI芯片，8卡", "US origin"),
    ("Supply of servers with US-made AI accelerators for the computing centre", "US origin"),
])
def test_a_generic_us_chip_is_unclassified_and_needs_review(text: str, signal: str) -> None:
    [item] = findings(text)
    assert item.chip == UNCLASSIFIED and item.needs_review and not item.controlled
    assert item.us_signal == signal and "needs review" in item.reason


@pytest.mark.parametrize(("text", "tpp"), [
    ("智算服务器4台，单卡FP16算力≥989 TFLOPS（稠密），显存≥80GB", 15_824),
    ("GPU卡：单卡BF16稠密算力不低于 2.25 PFLOPS，8卡/台", 36_000),
    ("加速卡每卡INT8算力不低于624 TOPS", 4_992),
])
def test_a_spec_at_a_controlled_chips_figures_becomes_tpp(text: str, tpp: float) -> None:
    [item] = findings(text)
    assert item.chip == UNCLASSIFIED and item.us_signal == "spec" and item.tpp == pytest.approx(tpp)


@pytest.mark.parametrize("text", [
    "推理卡：单卡INT8算力不低于200 TOPS",                     # TPP 1,600: below 3A090.a.1
    "整机FP16算力不低于8 PFLOPS",                             # a server's figure, not a chip's
    "国产AI加速卡，单卡FP16算力≥320 TFLOPS",                  # a domestic requirement
])
def test_a_spec_below_the_threshold_or_not_a_chips_is_no_signal(text: str) -> None:
    assert not findings(text)


def test_a_benchmark_chip_is_classified_as_the_chip_it_names() -> None:
    [item] = findings("算力租赁服务：提供不低于H100性能的GPU算力512卡，租期12个月")
    assert item.chip == "H100 SXM" and item.us_signal == "benchmark chip" and item.route == "cloud_rental"
    assert "benchmark" in item.reason


def test_a_compute_service_names_its_chip_elsewhere_in_the_paragraph() -> None:
    text = "二、采购内容：智算算力服务，服务期24个月。\n三、技术要求：GPU型号为NVIDIA H800，不少于256卡。"
    [item] = findings(text)
    assert item.chip == "H800" and item.route == "cloud_rental"


@pytest.mark.parametrize(("text", "route"), [
    ("Lease of 256 NVIDIA H200 GPUs hosted in an overseas data center for 18 months.", "cloud_rental"),
    ("The Institute will procure two GPU servers, each with eight NVIDIA B200 accelerators.", "hardware_purchase"),
    ("续费OpenAI企业API额度，含GPT-4o调用", "model_api"),
    ("为Claude 3.5 Sonnet API账号充值10万元", "model_api"),
    ("境外服务器租用：B200 8卡机器4台，位于新加坡数据中心", "cloud_rental"),
])
def test_the_route_comes_from_the_verb_and_the_object(text: str, route: str) -> None:
    assert route in {c.route for c in findings(text)}


def test_a_below_threshold_chip_is_no_finding_before_its_letter() -> None:
    assert not findings("采购H20服务器4台", date(2024, 9, 1))
    [after] = findings("采购H20服务器4台", date(2025, 6, 1))
    assert after.controlled


def test_a_controlled_class_chip_before_its_control_is_still_a_finding() -> None:
    [item] = findings("采购GPU服务器4台，每台8块A100", date(2022, 3, 1))
    assert not item.controlled and item.compute_finding


def test_a_named_chip_with_no_route_in_running_text_is_no_finding() -> None:
    from tendertrace.extract.mentions import find_mentions
    from tendertrace.model import Extraction
    from tendertrace.rules import classify_extraction
    text = "行业观察：H100显卡的发布改变了大模型训练的格局。"
    [item] = classify_extraction(Extraction(mentions=find_mentions(text)), text, ON)
    assert item.route is None and not item.compute_finding and "no route" in (item.context or "")


def test_domestic_chips_on_a_domestic_cloud_are_no_us_compute() -> None:
    assert not findings("租用天翼云昇腾910B算力资源用于模型训练")


def test_azure_china_general_vms_are_no_us_compute() -> None:
    assert not findings("由世纪互联运营的Azure中国区通用型虚拟机10台租用")


def test_an_unambiguous_provider_name_needs_no_cloud_word() -> None:
    [item] = findings("之江实验室采购亚马逊云科技服务，用于AI模型训练")
    assert item.provider == "Amazon Web Services" and item.route == "cloud_rental"


def test_a_generic_us_chip_in_a_cloud_server_is_a_rental() -> None:
    [item] = findings("租用搭载美国产高端AI芯片的GPU云服务器20台，租期一年")
    assert item.chip == UNCLASSIFIED and item.route == "cloud_rental"


def test_a_spec_in_a_notice_naming_a_domestic_chip_is_the_domestic_chips() -> None:
    text = "一、采购昇腾910B训练服务器2台\n二、技术参数：AI加速卡单卡FP16算力≥320 TFLOPS"
    assert not findings(text)


def test_the_standard_domestic_products_clause_is_no_domestic_requirement() -> None:
    [item] = findings("采购政策：支持本国产品。GPU服务器，单卡FP16算力≥989 TFLOPS")
    assert item.us_signal == "spec"


@pytest.mark.parametrize("text", ["采购英伟达GPU服务器4台", "采购超微GPU服务器2台", "Supply of servers with NVIDIA GPUs"])
def test_the_makers_name_before_an_accelerator_word_is_a_us_vendor_signal(text: str) -> None:
    [item] = findings(text)
    assert item.chip == UNCLASSIFIED and item.us_signal == "US vendor"


@pytest.mark.parametrize("text", [
    "推理加速卡：NVIDIA Tesla T4 16GB，8块",          # the model is named, and it is below 3A090
    "服务器须兼容NVIDIA GPU及CUDA生态，采购国产加速卡",  # compatibility, not the item bought
    "采购AMD EPYC服务器",                              # a CPU
])
def test_a_named_low_end_chip_or_compatibility_is_no_vendor_signal(text: str) -> None:
    assert not findings(text)


def test_a_generic_chip_takes_no_route_from_the_page_title() -> None:
    from tendertrace.extract.mentions import find_mentions
    from tendertrace.model import Extraction
    from tendertrace.rules import classify_extraction
    body = "今年以来，各地智算中心建设提速，多家研究机构发布了新的大模型评测结果，业内关注训练效率与能耗。" * 3
    text = f"首页 | 招标采购 | 新闻中心\n行业动态\n{body}\n业内普遍认为英伟达高端GPU仍供不应求。"
    [item] = classify_extraction(Extraction(mentions=find_mentions(text)), text, ON)
    assert not item.compute_finding


@pytest.mark.parametrize("text", ["某公司斥资10亿元购买英伟达芯片，用于大模型训练",
                                  "The Centre invites bids for eight NVIDIA H100 servers"])
def test_more_buy_words(text: str) -> None:
    assert findings(text)[0].route == "hardware_purchase"


@pytest.mark.parametrize(("text", "route"), [
    ("通过新加坡节点租用GPU算力，单卡性能不低于A100", "cloud_rental"),
    ("采购海外算力资源，部署于香港机房，配置H100", "cloud_rental"),
    ("训练服务器选型：满足指标的仅有境外厂商的H100，采购8卡服务器4台", "hardware_purchase"),
    ("国外品牌GPU服务器采购：每台配置8块A800", "hardware_purchase"),
])
def test_overseas_access_is_a_place_of_compute_not_a_foreign_maker(text: str, route: str) -> None:
    [item] = findings(text, date(2024, 6, 1))
    assert item.route == route


def test_formats_written_together_read_the_rate() -> None:
    [item] = findings("采购训练服务器3台，单卡FP16/BF16稠密算力≥989 TFLOPS，显存HBM3 80GB", date(2024, 6, 1))
    assert item.us_signal == "spec" and item.tpp == pytest.approx(15_824)


def test_machine_hours_as_an_accounting_method_are_no_rental() -> None:
    [item] = findings("新建平台采购GPU服务器32台，每台8颗NVIDIA H200，按机时核算向校内开放", date(2025, 5, 1))
    assert item.route == "hardware_purchase"


def test_providing_gpus_to_a_customer_is_a_compute_service() -> None:
    [item] = findings("Under the agreement the Company will provide 512 NVIDIA H100 GPUs to the customer", date(2024, 6, 1))
    assert item.route == "cloud_rental"


def test_a_spec_row_takes_its_route_from_the_project_name() -> None:
    text = "第三章 技术规格\n序号 | 参数项 | 技术要求\n3 | ★加速卡算力 | 单卡FP16稠密算力≥989 TFLOPS；显存≥80GB |\n"
    named = Extraction(project_name="智能计算平台——训练服务器采购", mentions=find_mentions(text))
    [item] = [c for c in classify_extraction(named, text, ON) if c.compute_finding]
    assert item.route == "hardware_purchase" and item.needs_review
    unnamed = Extraction(mentions=find_mentions(text))
    assert not any(c.compute_finding for c in classify_extraction(unnamed, text, ON))


def test_a_disclosure_of_servers_sold_to_customers_is_a_purchase() -> None:
    [item] = findings("报告期内，公司向主要客户销售搭载英伟达H100 GPU的AI服务器1,200台", date(2024, 6, 1))
    assert item.route == "hardware_purchase" and item.controlled


def test_a_us_clouds_china_operation_named_in_the_body_covers_its_title() -> None:
    text = ("Azure云服务续费采购公告\n采购内容：续费由世纪互联运营的Microsoft Azure（中国区）通用型虚拟机20台，一年\n"
            "预算：18万元")
    ex = Extraction(notice_type="tender_call", mentions=find_mentions(text))
    assert not any(c.compute_finding for c in classify_extraction(ex, text, ON))


def test_a_global_us_cloud_said_not_to_be_its_china_operation_is_us_compute() -> None:
    text = ("Azure OpenAI 服务采购结果公告\n成交内容：Azure OpenAI服务GPT-4o模型tokens 2亿个（全球版，非世纪互联运营）\n"
            "成交金额：56万元")
    ex = Extraction(notice_type="award", mentions=find_mentions(text))
    assert any(c.compute_finding for c in classify_extraction(ex, text, ON))


@pytest.mark.parametrize(("text", "finding"), [
    ("采购海光DCU服务器4台，每台配置8块海光DCU（性能不低于A100水平）", False),
    ("采购昇腾910B训练服务器，整机性能对标进口高端GPU", False),
    ("采购昇腾服务器2台；另采购GPU服务器1台，性能不低于H100", True),
])
def test_a_benchmark_in_a_domestic_chips_sentence_measures_that_chip(text: str, finding: bool) -> None:
    assert bool(findings(text, date(2024, 12, 1))) is finding


def test_a_domestic_chips_figures_are_no_unknown_us_chip() -> None:
    text = "国产AI服务器6台，每台配置8块海光DCU K100，单卡FP16算力≥1000 TFLOPS，采购金额540万元"
    assert not findings(text, date(2025, 4, 1))


@pytest.mark.parametrize(("text", "finding"), [
    ("采购GPU服务器4台，单卡显存80GB HBM3，卡间NVLink互联带宽900GB/s", True),
    ("采购训练服务器，8卡NVSwitch全互联，NVLink带宽不低于600GB/s", True),
    ("采购GPU服务器，NVLink桥接器带宽300GB/s", False),    # a V100-class rate
    ("采购昇腾服务器，HCCS互联392GB/s", False),          # not NVIDIA's interconnect
])
def test_nvlink_at_a_controlled_rate_is_an_nvidia_accelerator(text: str, finding: bool) -> None:
    found = findings(text, date(2024, 6, 1))
    assert bool(found) is finding
    if finding:
        assert found[0].chip == UNCLASSIFIED and found[0].us_signal == "NVIDIA interconnect"


@pytest.mark.parametrize("text", [
    "采购NVIDIA GPU工作站5台（配置RTX 4060 8GB）",
    "采购英伟达GPU服务器（RTX A4000）2台",
    "采购NVIDIA GPU图形工作站，显卡Quadro P2000",
])
def test_a_generic_vendor_word_beside_a_named_card_is_no_unclassified_chip(text: str) -> None:
    assert not any(c.chip == UNCLASSIFIED for c in classify_text(text, ON))


def test_a_datacenter_class_product_of_the_maker_is_its_datacenter_gpu() -> None:
    [item] = findings("采购GPU服务器4台，每台8卡，GPU须为NVIDIA数据中心级产品")
    assert item.chip == UNCLASSIFIED and item.us_signal == "US vendor"


def test_a_contractor_providing_gpu_servers_supplies_hardware() -> None:
    [item] = findings("The Contractor shall provide 8 GPU servers with NVIDIA H100 for the Institute in Beijing",
                      date(2024, 6, 1))
    assert item.route == "hardware_purchase"
