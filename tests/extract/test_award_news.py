"""Winners that news of an award names by their short names (extract/award_news.py), on sentences
written for these tests in the shapes of tender-result news: a ranking, a share, a list after its cue,
由X中标; and the runs beside those cues that are no name."""

from __future__ import annotations

import pytest

from tendertrace.extract.award_news import award_news_winners
from tendertrace.text.fold import match_text

from ._docs import ex_of, roles


def winners(text: str) -> list[str]:
    match = match_text(text)
    return [text[w.start: w.end] for w in award_news_winners(match)]


@pytest.mark.parametrize(("text", "names"), [
    # a ranking of a shared award: first to third win, the fourth does not; of one award only the first
    ("标包1有3个中标名额。经评审，青岚智算综合排名第一、北辰数科综合排名第二、云栖远航排名第三、海棠星图综合排名第四。",
     ["青岚智算", "北辰数科", "云栖远航"]),
    ("经评审，青岚智算综合排名第一、北辰数科综合排名第二。", ["青岚智算"]),
    ("标包2中，青岚智算综合排名仍然位列第一。", ["青岚智算"]),
    # the price a winner takes stands between the name and its cue
    ("在本轮集采中，江汉长算以约3.21亿元成为第一中标候选人。", ["江汉长算"]),
    # shares, with the names coordinated before 分别
    ("西岭鲲算和华辰数码分别获得31%和19%份额。", ["西岭鲲算", "华辰数码"]),
    ("南湖智联、北港云数及东岳算力分别拿下一个标包。", ["南湖智联", "北港云数", "东岳算力"]),
    ("星河信息获得了最大的中标份额，金额达9.6亿元。", ["星河信息"]),
    ("紫岩华科预计中标数量1200台。", ["紫岩华科"]),
    # a list after its cue, with 等 dropped
    ("紧随其后的则是中川通讯、新岳三和曙辉信息等。", ["中川通讯", "新岳三", "曙辉信息"]),
    ("四个标包中，包一中标的是联讯数字科技，成交金额1.1亿元。", ["联讯数字科技"]),
    ("包三由湘江移动中标，成交金额1.2亿元。", ["湘江移动"]),
    # an unranked list's bracket is skipped, and a full name is found too
    ("中标单位为（排名不分先后）：青禾算力科技有限公司、云杉数据", ["青禾算力科技有限公司", "云杉数据"]),
])
def test_winners_beside_their_cue(text: str, names: list[str]) -> None:
    assert winners(text) == names


@pytest.mark.parametrize("text", [
    # a function word, the writer's reference, a package or a rank word stands where a name would
    "由于标包1只有3个中标名额，只有排名前三的厂商成功中标。",
    "本次集采中国产厂商获得了更多份额。",
    "其中包二的中标单位为：详见附件。",
    "该厂商综合排名第二。",
    "项目由采购人负责组织，第二包由第一名中标。",
    "国产厂商获得了最大的份额。",
])
def test_no_winner_without_a_name(text: str) -> None:
    assert winners(text) == []


def test_a_full_name_beside_a_cue_takes_the_role() -> None:
    got = roles("两个中标名额。经评审，北京远帆人工智能科技（北京）有限公司综合排名第一、青岚智算综合排名第二。")
    assert got == {"北京远帆人工智能科技（北京）有限公司": "supplier", "青岚智算": "supplier"}


def test_news_of_an_award_gives_its_suppliers() -> None:
    text = ("20亿！岭南移动服务器集采结果出炉\n"
            "岭南移动近日公示2025年计算型服务器集中采购结果。武汉江算以约6.2亿元成为第一中标候选人，"
            "获得50%份额，蜀川鲲宇和神舟数智分别获得27%和23%份额。")
    ex = ex_of(text)
    suppliers = {p.name for p in ex.parties if p.role == "supplier"}
    assert suppliers == {"武汉江算", "蜀川鲲宇", "神舟数智"}


def test_a_ranking_s_winners_listed_after_it() -> None:
    text = "经过二轮报价，最终获得前三名的公司分别是重庆甲乙信息产业有限责任公司、安徽丙丁医药有限公司、无锡戊己软件有限公司。"
    assert winners(text) == ["重庆甲乙信息产业有限责任公司", "安徽丙丁医药有限公司", "无锡戊己软件有限公司"]


def test_a_purchase_agreement_signed_with_a_known_name_makes_it_the_supplier() -> None:
    got = roles("中国移动近日与华为签署价值2200万美元的AI芯片采购协议。根据协议，中国移动将购买约1800颗芯片。")
    assert got.get("华为") == "supplier" and got.get("中国移动") == "buyer"
    # a cooperation agreement says no one sells
    assert "华为" not in roles("中国移动近日与华为签署战略合作协议。")


def test_a_date_opens_no_name() -> None:
    assert "杭州莲花科技创新有限公司" in roles("2023年9月杭州莲花科技创新有限公司与新华三信息技术有限公司签订采购合同。")
    assert "山东省监狱管理局" in roles("2024年度山东省监狱管理局办公设备采购项目")
