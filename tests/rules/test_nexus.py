"""The China nexus: a document that ties no party, place or listed party to the PRC, Hong Kong or
Macau makes no compute finding (knowledge/context.yaml ``china_nexus``)."""

from __future__ import annotations

from datetime import date

import pytest

from tendertrace.extract.mentions import find_mentions
from tendertrace.model import Extraction
from tendertrace.rules import classify_extraction
from tendertrace.rules.context import china_nexus
from tendertrace.text.fold import match_text

ON = date(2024, 3, 1)


def items(text: str, nexus: str | None = None) -> list:
    ex = Extraction(notice_type="award", mentions=find_mentions(text))
    return classify_extraction(ex, text, ON, nexus=nexus)


FOREIGN = ("Contract award: supply of four 8-GPU servers with NVIDIA H100 SXM5 to the Royal Institute of "
           "Fenbridge, for its data centre in Manchester, United Kingdom. Value: GBP 980,000.")


def test_a_foreign_purchase_with_no_china_tie_is_no_compute_finding() -> None:
    found = items(FOREIGN)
    assert found and not any(c.compute_finding for c in found)
    assert all((c.context or "").startswith("no China nexus") for c in found)
    assert found[0].controlled  # the item keeps its classification


def test_a_listed_party_ties_the_document() -> None:
    assert any(c.compute_finding for c in items(FOREIGN, nexus="listed party: Example Institute"))


@pytest.mark.parametrize(("text", "tie"), [
    ("Supply of 8 GPU servers (NVIDIA H100) for delivery to Shenzhen", "Shenzhen"),
    ("Lionrock Compute Pte. Ltd. will provide 256 H100 GPUs to a customer in the PRC", "PRC"),
    ("The Company agreed to lease H800 servers to Hangzhou Qiyun Technology Co., Ltd.", "Hangzhou"),
    ("Award to Kowloon Bay Trading Ltd, Hong Kong: 16 NVIDIA A100 cards", "Hong Kong"),
    ("采购GPU服务器2台，每台8块H100", "written in Chinese"),
    # prefecture-level cities, from the division table rather than a list of capitals
    ("Request for quotation: 4 servers with NVIDIA A100 for a design institute in Suzhou", "Suzhou"),
    ("Delivery address: Songshan Lake, DONGGUAN. Goods: 2 x DGX H100", "DONGGUAN"),
    ("The Company agreed to lease H100 servers to Wuxi Lingxi Data Co., Ltd.", "Wuxi"),
    ("Supply of 8 GPU servers (NVIDIA H100) for a data centre in Changzhi", "Changzhi"),  # 长治: the reading a place name takes, among others
])
def test_a_place_a_party_or_chinese_script_ties_it(text: str, tie: str) -> None:
    assert china_nexus(text) == tie
    assert any(c.compute_finding for c in items(text))


@pytest.mark.parametrize("text", [
    "Tender for GPU compute nodes, University of Northmoor, United Kingdom",
    "株式会社サンプルはNVIDIA H100サーバーを購入した",  # Japanese: Han characters, but with kana
    "Chinatown Community Centre: refurbishment",  # a word that only starts like the country
    "Wuxiang Road resurfacing, Kuala Lumpur",  # a word that only starts like a city
    "Dr Jian Luan (University of Northmoor) will purchase 8 H100 cards",  # 吉安, 六安: one syllable, a person's name
])
def test_no_tie(text: str) -> None:
    assert china_nexus(text) is None


@pytest.mark.parametrize(("text", "tie"), [
    ("國立臺北科技大學採購GPU伺服器2台，每台8塊NVIDIA H100，金額新臺幣3,200萬元", None),
    ("香港某大學採購GPU伺服器2台，每台8塊NVIDIA H100", "written in Chinese"),
    ("台湾某公司向广东省深圳市某科技有限公司出售H100服务器", "written in Chinese"),
])
def test_chinese_script_written_in_taiwan_is_no_tie(text: str, tie: str | None) -> None:
    assert china_nexus(match_text(text)) == tie


def test_a_japanese_ministrys_sheng_is_no_prc_province() -> None:
    # A Chinese-language digest of a Japanese tender: 国立大学法人, 日本 and 文部科学省 (a ministry, not a
    # province) tie it to no PRC place.
    text = ("【日本】国立大学法人东岭大学 GPU计算服务器系统 一般竞争入札公告\n调达机关：国立大学法人东岭大学（日本宫城县）\n"
            "品目：GPU服务器4台，每台8×NVIDIA H100 SXM5 80GB\n参加资格：具有文部科学省竞争参加资格\n")
    assert china_nexus(match_text(text)) is None


def test_the_prcs_name_for_taiwan_is_a_prc_document() -> None:
    # 原产地：美国/中国台湾 is how a PRC form writes a chip's origin; Taiwan's own documents write 台湾.
    text = ("大型仪器设备购置论证报告\n申请部门：东岭研究所智能计算室\n选型：8×NVIDIA H100 SXM5 整机\n"
            "是否进口：是（原产地：美国/中国台湾）\n")
    assert china_nexus(match_text(text)) == "written in Chinese"
