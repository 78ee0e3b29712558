"""Roles from the clause that relates two organisations (extract/clauses.py), on sentences written
for these tests: one per frame of orgs.yaml, and the cases a frame must leave alone."""

from __future__ import annotations

import pytest

from tendertrace.extract.clauses import clause_roles, is_clause_cue
from tendertrace.extract.orgs import OrgName

from ._docs import ex_of, roles


@pytest.mark.parametrize(("text", "buyer", "supplier"), [
    # a body and a company sign: the body buys, whatever adverbials stand before 与
    ("2023年9月，临川市气象局以竞争性谈判方式与临川云栈数据有限公司签订了算力服务合同。", "临川市气象局", "临川云栈数据有限公司"),
    # bought through an intermediary
    ("报道称，东岭大学经由上海叶舟信息技术有限公司代为开通境外云账号。", "东岭大学", "上海叶舟信息技术有限公司"),
    ("白鹭湾研究院近日向南港星桥科技有限公司租用一批GPU服务器。", "白鹭湾研究院", "南港星桥科技有限公司"),
    ("成都云杉科技有限公司向青禾大学交付了32台服务器。", "青禾大学", "成都云杉科技有限公司"),
    ("苏州穹宇信息有限公司为梧州市人民医院提供模型接口服务。", "梧州市人民医院", "苏州穹宇信息有限公司"),
    ("西陵算力有限公司此前已将两台服务器出租给北川理工学院。", "北川理工学院", "西陵算力有限公司"),
    ("杭州湛川科技有限公司斩获江陵大学智算平台建设项目。", "江陵大学", "杭州湛川科技有限公司"),
    ("Harbor Lane Computing Ltd. sold 40 GPU servers worth US$6 million to Eastmoor University in May.", "Eastmoor University", "Harbor Lane Computing Ltd."),
    ("Qinghe Institute of Optics purchased the cluster last year from Redwater Systems Co., Ltd.", "Qinghe Institute of Optics", "Redwater Systems Co., Ltd."),
    ("Tianlu Data Co., Ltd. won a three-year contract from Nanshan University for rented GPU capacity.", "Nanshan University", "Tianlu Data Co., Ltd."),
])
def test_a_frame_gives_buyer_and_supplier(text: str, buyer: str, supplier: str) -> None:
    got = roles(text)
    assert got.get(buyer) == "buyer", got
    assert got.get(supplier) == "supplier", got


def test_two_companies_that_sign_stay_unread() -> None:
    # No public body: who sells to whom is not said, so the frame guesses nothing.
    text = "江南云图有限公司与北川数智有限公司签订了合作协议。"
    out = clause_roles(text, [OrgName("江南云图有限公司", 0, 8, "mentioned"), OrgName("北川数智有限公司", 9, 17, "mentioned")])
    assert [o.role for o in out] == ["mentioned", "mentioned"]


def test_a_subsidiary_clause_is_no_sale() -> None:
    # "为X的全资子公司，为客户提供": 为 says what A is, and the comma ends the frame's reach.
    got = roles("南河算力有限公司为北岸控股集团有限公司的全资子公司，为客户提供算力。")
    assert got.get("北岸控股集团有限公司") != "buyer"


def test_a_frame_never_overrides_a_label() -> None:
    got = roles("采购人：锦屏大学\n供应商：锦屏大学后勤服务有限公司\n锦屏大学后勤服务有限公司向锦屏大学采购了餐券。")
    assert got["锦屏大学"] == "buyer"


def test_an_agency_a_frame_names_is_the_agency() -> None:
    got = roles("丰城市教育局委托江西恒正招标咨询有限公司采购一批教学用服务器。")
    assert got == {"丰城市教育局": "buyer", "江西恒正招标咨询有限公司": "agency"}


def test_a_name_opening_with_its_place_after_yu_is_its_own() -> None:
    got = roles("该中心以单一来源方式与广州岳川信息科技有限公司签订采购合同。")
    assert "广州岳川信息科技有限公司" in got


def test_private_use_characters_of_a_text_are_no_placeholders() -> None:
    text = "\ue000\ue001 北岭大学向南港数算科技有限公司采购服务器。"
    got = roles(text)
    assert got.get("北岭大学") == "buyer" and got.get("南港数算科技有限公司") == "supplier"


def test_the_cue_names_the_frame() -> None:
    out = clause_roles("江北大学向临港算力有限公司采购", [
        OrgName("江北大学", 0, 4, "mentioned"), OrgName("临港算力有限公司", 5, 13, "mentioned")])
    assert [o.role for o in out] == ["buyer", "supplier"]
    assert all(is_clause_cue(o.cue) for o in out) and out[0].cue.endswith("向…采购")  # type: ignore[union-attr]


def test_news_prose_gives_the_extraction_its_parties() -> None:
    ex = ex_of("（记者 王某）记者从多方获悉，宁川理工大学去年通过深圳鹭岛科技有限公司采购了8台配备H100的服务器。")
    assert ex.names("buyer") == ["宁川理工大学"]
    assert ex.names("supplier") == ["深圳鹭岛科技有限公司"]


def test_a_designated_party_is_named_by_its_letter() -> None:
    # 客户甲为X: the letter tells one customer from another; X is the customer.
    got = roles("附注(i)：客户甲为深圳前川星算科技有限公司。本集团全资附属公司星河算力(香港)有限公司与客户甲订立算力服务协议。")
    assert got["深圳前川星算科技有限公司"] == "buyer"
    assert got["星河算力(香港)有限公司"] == "supplier"
