"""A state body written with its second name in brackets (一个机构两块牌子: one body, two nameplates)
is that body itself; a unit in brackets stays a unit of it."""

from __future__ import annotations

import pytest

from tendertrace.model import ListEntry
from tendertrace.screen import Screener
from tendertrace.screen.relation import second_name


@pytest.mark.parametrize(("head", "inner", "second"), [
    ("国家海洋遥感中心", "国家海洋监测预警中心", True),
    ("国家某某管理局", "国家某某监督局", True),
    ("国家海洋遥感中心", "遥感应用室", False),  # a unit of it
    ("国家海洋遥感中心", "国家海洋监测预警局", False),  # another kind of body
    ("某某海洋遥感中心", "国家海洋监测预警中心", False),  # the head is no state body
    ("National Ocean Center", "National Ocean Warning Center", False),
])
def test_second_name(head: str, inner: str, second: bool) -> None:
    assert second_name(head, inner) is second


def test_state_body_with_its_second_name_is_itself() -> None:
    # 国家卫星气象中心 is a row of the alias table (the listed bureau's Chinese name).
    screener = Screener([ListEntry("nsmc", "MEU", "National Satellite Meteorological Bureau", [], "China")])
    hit = screener.best("国家卫星气象中心（国家卫星遥感应用服务中心）")
    assert hit is not None and (hit.entry.id, hit.relation) == ("nsmc", "self")
    unit = screener.best("国家卫星气象中心（遥感应用室）")
    assert unit is not None and unit.relation == "affiliate"
