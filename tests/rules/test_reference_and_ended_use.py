"""Names that are no access bought: a platform taught in a course a notice announces, a US chip named
only as a yardstick that the notice says is no object of the procurement, a model a company says it
moved away from or used before, and a platform reported to have cut its service to China off."""

from __future__ import annotations

from datetime import date

import pytest

from tendertrace.rules import classify_text

ON = date(2024, 10, 8)


def compute(text: str, on: date = ON) -> list[str]:
    return [c.chip or c.model or c.provider or "" for c in classify_text(text, on) if c.compute_finding]


@pytest.mark.parametrize("text", [
    "关于举办“Google Cloud与Gemini应用开发”专题培训班的通知\n培训内容：Vertex AI平台、Claude模型调用示例。\n",
    "关于举办2024年AWS云架构与Azure OpenAI应用研修班的通知\n一、课程：Amazon Bedrock与GPT-4o接口调用演示。\n",
])
def test_a_notice_of_a_course_names_what_it_teaches(text: str) -> None:
    assert compute(text) == []


def test_a_chip_named_only_as_a_yardstick_and_no_object_is_no_finding() -> None:
    text = ("采购需求：推理服务器4台，每台配置昇腾910B加速卡8块。\n"
            "本项目不接受进口GPU，仅以H100作为算力对比参照，不构成采购标的。\n")
    assert "NVIDIA H100" not in " ".join(compute(text)) and not any("H100" in c for c in compute(text))


def test_a_benchmark_that_is_a_requirement_stays_a_finding() -> None:
    text = "采购GPU服务器2台，每台8卡，单卡性能不低于NVIDIA H100，用于大模型训练。\n"
    assert any("H100" in c for c in compute(text))


@pytest.mark.parametrize("text", [
    "PRESS RELEASE\nNINGBO, China -- Ningbo Tidewater Software Co., Ltd. completed the move of its writing assistant "
    "from the OpenAI API to a domestic model hosted locally. Output quality matched the previous GPT-4 based release.\n",
    "PRESS RELEASE\nWUHAN, China -- Wuhan Riverbend Data no longer uses the Anthropic API, following Anthropic's move "
    "to block access from mainland China; it runs ERNIE on Baidu AI Cloud.\n",
])
def test_a_model_moved_away_from_or_cut_off_is_no_finding(text: str) -> None:
    assert compute(text) == []


def test_a_company_buying_model_access_in_english_is_still_a_finding() -> None:
    text = ("PRESS RELEASE\nSHENZHEN, China -- Shenzhen Bayview Robotics Co., Ltd. signed an agreement to purchase "
            "OpenAI API credits for GPT-4o through a reseller for its customer-service product.\n")
    assert compute(text)
