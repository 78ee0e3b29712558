"""A shipment's papers (a customs import declaration, a packing list) and a PDF's wrapped names, on
documents written for these tests: the importer or consignee buys, the shipper sells, and a shipment
of US accelerators is a hardware purchase."""

from __future__ import annotations

from tendertrace.extract.orgs import find_orgs
from tendertrace.ingest import read_input
from tendertrace.model import Document
from tendertrace.pipeline import process
from tendertrace.text.fold import match_text

from ._docs import ex_of

DECLARATION = (
    "中华人民共和国海关进口货物报关单\n\n"
    "境内收发货人：东岭精密仪器研究所有限公司（91110000XXXXXXXXXX）\n"
    "境外发货人：HARBOR LANE TRADING LIMITED\n"
    "消费使用单位：东岭精密仪器研究所有限公司（91110000XXXXXXXXXX）\n"
    "项号 | 商品名称及规格型号 | 数量及单位 | 原产国（地区）\n"
    "1 | 图形处理器模组 NVIDIA A100 SXM4 80GB | 8个 | 美国\n"
    "申报单位：南港通达报关有限公司\n申报日期：20220609\n"
)

PACKING_LIST = (
    "PACKING LIST / 装箱单\n"
    "Shipper 发货人: Redwater Components Trading Limited\n"
    "Consignee 收货人: 西陵飞行器设计研究院 (Xiling Aircraft Design Establishment)\n"
    "Carton No. | Description 货物描述 | Qty 数量\n"
    "1-4 | NVIDIA H200 NVL Tensor Core GPU, 141GB HBM3e | 16 pcs\n"
)


def _doc(text: str) -> Document:
    doc = next(read_input(text, name="a.txt", source="a.txt"))
    assert isinstance(doc, Document)
    return doc


def test_a_customs_declaration_names_its_importer_as_buyer() -> None:
    ex = ex_of(DECLARATION)
    buyers = [p.name for p in ex.parties if p.role == "buyer"]
    assert buyers == ["东岭精密仪器研究所有限公司"]  # the credit code's bracket is no part of the name


def test_a_shipment_of_us_accelerators_is_a_hardware_purchase() -> None:
    for text in (DECLARATION, PACKING_LIST):
        result = process(_doc(text))
        found = [c for c in result.classifications if c.compute_finding]
        assert found and {c.route for c in found} == {"hardware_purchase"}, text[:20]


def test_a_packing_list_gives_consignee_and_shipper() -> None:
    ex = ex_of(PACKING_LIST)
    roles = {p.name: p.role for p in ex.parties}
    assert roles.get("西陵飞行器设计研究院") == "buyer"
    assert roles.get("Redwater Components Trading Limited") == "supplier"


def test_a_name_wrapped_across_a_pdf_line_is_read_whole() -> None:
    text = ("亿岭智能科技有限公司拟将名下600台智算机以人民币156,000,000.00元的价格出售给华岭超算(甘肃)科技有\n"
            "限公司，本次交易不构成关联交易。\n")
    orgs = {o.name: (o.role, text[o.start: o.end]) for o in find_orgs(text, match_text(text))}
    assert orgs["华岭超算(甘肃)科技有限公司"] == ("buyer", "华岭超算(甘肃)科技有\n限公司")
    assert orgs["亿岭智能科技有限公司"][0] == "supplier"


def test_a_table_row_or_a_label_line_is_not_joined_to_the_next() -> None:
    rows = ("湖北甲乙建设有限公司 | 某市东方大道延伸段道路工程室外排水沟分包工程项目 | 916.0 | 张三\n"
            "湖北丙丁科技有限责任公司退城进园搬迁项目绿化工程 | 800.0 | 李四\n")
    assert "张三湖北丙丁科技有限责任公司" not in {o.name for o in find_orgs(rows, match_text(rows))}
    label = ("中标候选人名称：湖北建科甲乙工程有限公司、宜昌丙丁工程技术有限公司联合体\n"
             "长江戊己规划设计研究有限责任公司：湖北省庚辛规划设计研究院有限公司\n")
    names = {o.name for o in find_orgs(label, match_text(label))}
    assert "长江戊己规划设计研究有限责任公司" in names


def test_a_key_value_table_gives_its_labelled_parties() -> None:
    quotation = ("# 产品报价单\n\n| 项目 | 内容 |\n|---|---|\n| 客户名称 | 杭州东岭智算科技有限公司 |\n| 报价日期 | 2025年7月8日 |\n"
                 "序号 | 采购人 | 联系人\n")
    doc = next(read_input(quotation, name="q.md", source="q.md"))
    assert isinstance(doc, Document)
    from tendertrace.extract import extract
    assert [(p.name, p.role) for p in extract(doc).parties if p.role != "mentioned"] == [("杭州东岭智算科技有限公司", "buyer")]


def test_an_invoice_and_a_project_budget_name_their_buyer() -> None:
    ex = ex_of("形式发票\n购买方名称：西陵数据科技有限公司\n销售方名称：Harbor Lane Trading Limited\n")
    assert {(p.name, p.role) for p in ex.parties} >= {("西陵数据科技有限公司", "buyer"), ("Harbor Lane Trading Limited", "supplier")}
    ex = ex_of("课题经费决算表\n| 课题承担单位 | 东岭大学智能计算研究所 |\n| 课题编号 | 2024YFB0000000 |\n")
    assert ("东岭大学智能计算研究所", "buyer") in {(p.name, p.role) for p in ex.parties}
