"""A party written with a bracketed other name of itself or of its host after it: the name is the one
before the bracket, and the bracket's name is kept as a mentioned name for screening. A bracketed
place or campus, a bracket inside the name and a self marker are no second name."""

from __future__ import annotations

import pytest

from tendertrace.extract.fields import split_alias
from tests.extract._docs import ex_of


@pytest.mark.parametrize(("written", "name", "second"), [
    ("南江光电测控研究所（北辰航天集团第七〇六研究所）", "南江光电测控研究所", "北辰航天集团第七〇六研究所"),
    ("东湖数值模拟中心（东湖理工大学）", "东湖数值模拟中心", "东湖理工大学"),
    ("海岬算力服务有限公司（Capeline Compute Pte. Ltd.）", "海岬算力服务有限公司", "Capeline Compute Pte. Ltd."),
])
def test_a_bracketed_other_name_is_split_off(written: str, name: str, second: str) -> None:
    assert split_alias(written) == (name, second)


@pytest.mark.parametrize(("written", "name"), [
    ("北岭工业大学（青岛）", "北岭工业大学（青岛）"),          # a campus stays part of the name
    ("云杉技术（杭州）有限公司", "云杉技术（杭州）有限公司"),      # a bracket inside the name
    ("东湖区教育局（本级）", "东湖区教育局"),                  # a self marker is dropped
    ("东湖区教育局（用户单位）", "东湖区教育局（用户单位）"),    # a role word is no second name
])
def test_brackets_that_name_no_other_body(written: str, name: str) -> None:
    assert split_alias(written)[0] == name
    assert split_alias(written)[1] is None


def test_the_buyer_label_keeps_the_name_before_the_bracket_and_mentions_the_other() -> None:
    ex = ex_of("GPU服务器采购成交结果公告\n采购人：南江光电测控研究所（北辰航天集团第七〇六研究所）\n"
               "成交供应商：海岬算力服务有限公司（Capeline Compute Pte. Ltd.）\n成交金额：人民币120万元\n")
    assert ex.names("buyer") == ["南江光电测控研究所"]
    assert ex.names("supplier") == ["海岬算力服务有限公司"]
    mentioned = ex.names("mentioned")
    assert "北辰航天集团第七〇六研究所" in mentioned
    assert "Capeline Compute Pte. Ltd." in mentioned


def test_a_campus_bracket_stays_in_the_buyer() -> None:
    ex = ex_of("服务器采购结果公告\n采购人：北岭工业大学（青岛）\n成交供应商：云杉技术（杭州）有限公司\n成交金额：50万元\n")
    assert ex.names("buyer") == ["北岭工业大学（青岛）"]
    assert ex.names("supplier") == ["云杉技术（杭州）有限公司"]


@pytest.mark.parametrize("written", [
    "青禾算力科技有限公司（天津分公司）",   # a branch of the company: the party is the branch
    "南岭理工大学（深圳校区）",             # a campus
    "青禾算力科技有限公司（Phase II）",     # a Latin remark that names no organisation
    "青禾算力科技有限公司（Tianjin Branch）",
])
def test_a_bracketed_branch_or_remark_is_no_second_name(written: str) -> None:
    assert split_alias(written) == (written, None)
