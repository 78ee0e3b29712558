"""Buyers and suppliers in the shapes notices, disclosures and news write them: more role labels,
the one a company provides to, a price between a buyer and its verb, English verbs and "from",
two English names joined by "and"."""

from __future__ import annotations

import pytest

from tendertrace.extract import extract
from tendertrace.extract.orgs import find_orgs
from tendertrace.model import Document
from tendertrace.text.fold import match_text


def parties(text: str, title: str = "GPU服务器采购公告") -> tuple[list[str], list[str]]:
    ex = extract(Document(id="p", source="p.txt", format="text", title=title, text=text, match_text=match_text(text)))
    return ex.names("buyer"), ex.names("supplier")


def test_the_client_of_an_agency_is_the_buyer() -> None:
    text = "委托单位：北方航天工程学院\n代理机构：华信招标代理有限公司\n采购GPU服务器2台\n公告日期：2024年6月3日"
    assert parties(text)[0] == ["北方航天工程学院"]


@pytest.mark.parametrize("sentence", [
    "公司拟向南方智能计算有限公司提供搭载GPU的算力租赁服务，合同金额为3.2亿元。",
    "近日，公司与南方智能计算有限公司签订了《GPU算力服务采购合同》，由公司提供服务器算力。合同金额：2.4亿元。",
])
def test_a_disclosure_names_its_customer(sentence: str) -> None:
    text = "证券代码：600001 证券简称：星河数据\n星河数据股份有限公司关于签订重大合同的公告\n" + sentence + "\n2024年8月5日"
    assert parties(text, "星河数据股份有限公司关于签订重大合同的公告") == (["南方智能计算有限公司"], ["星河数据股份有限公司"])


@pytest.mark.parametrize("sentence", [
    "2024年8月5日，北辰大数据集团有限公司以1.84亿元的价格采购GPU服务器，供应商为北京华科信息技术有限公司。",
    "据悉，北辰大数据集团有限公司以498万元的总价购置GPU服务器4台，供应商为北京华科信息技术有限公司。",
    "北辰大数据集团有限公司近日斥资1.2亿元采购GPU服务器，供应商为北京华科信息技术有限公司。",
    "据采购公告，北辰大数据集团有限公司拟投入预算980万元，采购GPU服务器8台，供应商为北京华科信息技术有限公司。",
])
def test_a_price_between_a_buyer_and_its_verb(sentence: str) -> None:
    roles = {o.name: o.role for o in find_orgs(sentence)}
    assert roles == {"北辰大数据集团有限公司": "buyer", "北京华科信息技术有限公司": "supplier"}


def test_a_winner_with_its_price_stays_a_winner() -> None:
    roles = {o.name: o.role for o in find_orgs("北辰科技有限公司以498万元中标GPU服务器采购项目。")}
    assert roles["北辰科技有限公司"] == "supplier"


@pytest.mark.parametrize(("text", "buyer", "supplier"), [
    ("Shenzhen University invites bids for the supply of 8 GPU servers.", "Shenzhen University", None),
    ("Zhejiang Lab has purchased GPU servers from Hangzhou Hikvision Digital Technology Co., Ltd. for RMB 12 million.",
     "Zhejiang Lab", "Hangzhou Hikvision Digital Technology Co., Ltd."),
])
def test_english_prose_roles(text: str, buyer: str, supplier: str | None) -> None:
    roles = {o.name: o.role for o in find_orgs(text)}
    assert roles[buyer] == "buyer"
    if supplier:
        assert roles[supplier] == "supplier"


@pytest.mark.parametrize(("text", "names"), [
    ("Tsinghua University and Zhejiang Lab announced a joint purchase.", ["Tsinghua University", "Zhejiang Lab"]),
    ("Sugon and the National Supercomputing Center signed.", ["National Supercomputing Center"]),
    ("The Ministry of Science and Technology said.", ["Ministry of Science and Technology"]),
    ("University of Science and Technology of China bought servers.", ["University of Science and Technology of China"]),
])
def test_english_names_joined_by_and(text: str, names: list[str]) -> None:
    assert [o.name for o in find_orgs(text)] == names


def test_an_english_disclosure_names_its_client_and_its_issuer_supplies() -> None:
    text = ("HK-listed Alpha Cloud Holdings Limited (the Company) announces that it has entered into a service "
            "agreement with Shenzhen Deep Compute Co., Ltd. (the Client) for the provision of GPU computing power "
            "at a total consideration of HK$120 million.\nDate: 5 August 2024")
    ex = extract(Document(id="p", source="p.txt", format="text", title="Announcement", text=text, match_text=match_text(text)))
    assert (ex.names("buyer"), ex.names("supplier")) == (["Shenzhen Deep Compute Co., Ltd."], ["Alpha Cloud Holdings Limited"])
    assert ex.amount is not None and (ex.amount.value, ex.amount.currency) == (120_000_000, "HKD")


def test_a_prospectus_customer_table_and_prose_keep_the_issuer_as_supplier() -> None:
    """The issuer heads its prospectus; its prose names the one customer it provides to: every row of
    its customer table is still supplied by the issuer, not by that customer."""
    text = ("江苏云启算力科技股份有限公司\n首次公开发行股票并在创业板上市招股说明书\n报告期内，发行人向前五名客户销售情况如下：\n"
            "单位：万元\n序号 | 客户名称 | 销售内容 | 销售金额\n1 | 南京北辰智算有限公司 | 智算服务（H800集群租赁） | 8,912.46\n"
            "2 | 常州龙湖数据科技有限公司 | 算力设备销售 | 3,980.71\n"
            "发行人向南京北辰智算有限公司提供的智算服务，系以512张NVIDIA H800 GPU提供算力租赁。\n2025年6月27日")
    ex = extract(Document(id="p", source="p.txt", format="text", title="招股说明书", text=text, match_text=match_text(text)))
    assert ex.lots and {lot.supplier for lot in ex.lots} == {"江苏云启算力科技股份有限公司"}


@pytest.mark.parametrize(("text", "name", "role"), [
    ("The servers will be supplied by Pacific Compute Limited.", "Pacific Compute Limited", "supplier"),
    ("The servers were bought by Zhejiang Lab. Delivery follows.", "Zhejiang Lab", "buyer"),
    ("The servers will be supplied by Alpha Compute Co., Ltd.", "Alpha Compute Co., Ltd.", "supplier"),
    ("The servers will be supplied by Alpha Compute Pte. Ltd.", "Alpha Compute Pte. Ltd.", "supplier"),
])
def test_an_english_name_at_a_sentence_end(text: str, name: str, role: str) -> None:
    """A sentence's full stop is no part of the name; an abbreviation's is."""
    assert [(o.name, o.role) for o in find_orgs(text)] == [(name, role)]


@pytest.mark.parametrize(("text", "roles"), [
    # the counterpart named by its bracket: the subject of "entered into ... with" takes the other side
    ("Shenzhen Sino Compute Technology Co., Ltd., an indirect wholly-owned subsidiary of the Company, entered into "
     "a purchase agreement with Apex Server Systems Limited (the \"Vendor\") for 200 GPU servers.",
     {"Shenzhen Sino Compute Technology Co., Ltd.": "buyer", "Apex Server Systems Limited": "supplier"}),
    # a common noun between "from" and the seller
    ("Beijing Zhiyuan Data Co., a data center operator, has ordered 1,000 GPUs from distributor Pacific Links Pte Ltd for US$12 million.",
     {"Beijing Zhiyuan Data Co.": "buyer", "Pacific Links Pte Ltd": "supplier"}),
    # a news report's builder or deliverer
    ("该校新增GPU服务器32台，由北京华胜天成科技股份有限公司承建，合同金额约2,680万元。",
     {"北京华胜天成科技股份有限公司": "supplier"}),
])
def test_counterparts_in_prose(text: str, roles: dict[str, str]) -> None:
    assert {o.name: o.role for o in find_orgs(text) if o.role != "mentioned"} == roles
