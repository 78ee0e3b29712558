"""classify keeps every count of a line, names its provider, says when nothing is found, and
prints TPP as a whole number."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from tendertrace.cli import app

runner = CliRunner()
DATE = "2025-01-01"


def _items(text: str) -> list[dict]:
    result = runner.invoke(app, ["classify", text, "--date", DATE, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["items"]


def test_servers_times_chips_per_server() -> None:
    (item,) = [i for i in _items("采购GPU服务器2台，每台配置8块H100") if i["chip"]]
    assert (item["servers"], item["count"], item["accelerators"]) == (2, 8, 16)
    table = runner.invoke(app, ["classify", "采购GPU服务器2台，每台配置8块H100", "--date", DATE],
                          env={"COLUMNS": "200"})
    assert "2 × 8 = 16" in table.stdout


def test_a_count_after_gpu_card() -> None:
    (item,) = [i for i in _items("采购NVIDIA H20 GPU卡16块") if i["chip"]]
    assert item["count"] == 16 and item["accelerators"] == 16


def test_a_chinese_provider_name_is_the_provider() -> None:
    items = _items("采购阿里云ECS GPU实例（A10）")
    assert any(i["provider"] == "Alibaba Cloud" and i["route"] == "cloud_rental" for i in items)


def test_nothing_recognised_says_so_without_a_table() -> None:
    result = runner.invoke(app, ["classify", "采购办公桌椅100套"])
    assert result.exit_code == 0
    assert "recognised" in result.stdout and "┏" not in result.stdout


def test_tpp_is_a_whole_number_for_every_chip() -> None:
    (item,) = [i for i in _items("采购RTX 4090显卡4块") if i["chip"]]
    assert isinstance(item["tpp"], int) and item["tpp"] == 5284  # 5,284.8 cut down, never rounded up


def test_json_keeps_the_documented_keys() -> None:
    (item,) = [i for i in _items("租用云服务器500台，每台配置8块NVIDIA A100") if i["chip"]]
    for key in ("compute_finding", "us_signal", "needs_review", "context", "date_unknown", "servers"):
        assert key in item
