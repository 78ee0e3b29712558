"""Suppliers of structured records and proposals: every winner a listing record lists (its winner
field holds only one), a contract amendment release in the 2014 OCDS draft layout, the winner of a
record that corrects a result, and the supplier a single-source proposal names."""

from __future__ import annotations

import json
from typing import Any

from tendertrace.extract import extract
from tendertrace.ingest import read_input
from tendertrace.model import Extraction


def ex_of(record: dict[str, Any] | str, name: str = "r.json") -> Extraction:
    text = record if isinstance(record, str) else json.dumps(record, ensure_ascii=False)
    doc = next(read_input(text, name=name, source=name))
    return extract(doc)  # type: ignore[arg-type]


def test_every_winner_of_a_listing_record_is_a_supplier() -> None:
    ex = ex_of({"title": "西溪医院信息化项目中标结果公告", "publishTime": 1700000000, "spiderCode": "x", "subtype": "成交",
                "buyer": "西溪医院", "winner": "白沙湾信息系统有限公司",
                "winnerInfo": [{"winner": "松岭数智科技有限公司"}, {"winner": "青禾计算设备有限公司"},
                               {"winner": "白沙湾信息系统有限公司"}]})
    assert sorted(ex.names("supplier")) == sorted(["松岭数智科技有限公司", "青禾计算设备有限公司", "白沙湾信息系统有限公司"])


def test_a_record_correcting_a_result_keeps_its_winner() -> None:
    ex = ex_of({"title": "西溪医院手术室系统采购项目中标公告内容更正公告", "publishTime": 1700000000, "spiderCode": "x",
                "subtype": "结果变更", "buyer": "西溪医院", "winner": "松岭数智科技有限公司"})
    assert ex.names("supplier") == ["松岭数智科技有限公司"]


def test_a_record_correcting_a_tender_names_no_supplier() -> None:
    ex = ex_of({"title": "西溪医院手术室系统采购项目招标文件更正公告", "publishTime": 1700000000, "spiderCode": "x",
                "subtype": "更正", "buyer": "西溪医院"})
    assert ex.names("supplier") == []


def test_a_contract_amendment_in_the_draft_ocds_layout() -> None:
    ex = ex_of({"releaseTag": "contractAmendment", "releaseID": "r-1", "ocid": "ocds-y",
                "buyer": {"id": {"name": "Department of Fisheries"}},
                "tender": {"procuringEntity": {"id": {"name": "Central Purchasing Office"}}},
                "awards": [{"suppliers": [{"id": {"name": "NORDHAFEN TECHNIK GMBH"}}]}],
                "contracts": [{"contractValue": {"amount": 5120.0}}]})
    assert ex.names("supplier") == ["NORDHAFEN TECHNIK GMBH"]
    assert ex.names("buyer") == ["Department of Fisheries"]
    assert ex.amount is not None and ex.amount.value == 5120


def test_the_supplier_a_single_source_proposal_names() -> None:
    ex = ex_of("西溪会展中心运营服务人员增加项目单一来源采购论证公示\n一、采购人名称：西溪会展服务有限公司\n"
               "五、预算金额：人民币320000.00元\n七、拟单一来源采购对象：白沙湾物业服务有限公司\n", name="s.txt")
    assert ex.names("supplier") == ["白沙湾物业服务有限公司"]


def test_a_record_no_schema_knows_is_read_by_its_key_words() -> None:
    ex = ex_of({"ticket": {"title": "申请采购 GPU 云服务", "requester": {"name": "刘XX", "dept_path": "滨湖中心；设计部",
                                                                "dept_full_name": "滨湖船舶设计中心设计研究部"},
                           "items": [{"amount": 100000.0}, {"amount": 68000.0}],
                           "vendor_quote": {"vendor": "武汉衡景数智科技有限公司", "total": "168,000.00"}}})
    assert ex.names("buyer") == ["滨湖船舶设计中心设计研究部"]  # not the person, not the path of units
    assert ex.names("supplier") == ["武汉衡景数智科技有限公司"]
    assert ex.amount is not None and ex.amount.value == 168000  # the total, not an item's amount


def test_a_chinese_platforms_tenderer_is_its_buyer_and_a_winners_sum_its_award() -> None:
    xml = ("<?xml version=\"1.0\"?><X><TenderProject><TendererName>滨湖先进技术研究院</TendererName>"
           "<AgencyName>滨湖工程咨询有限公司</AgencyName></TenderProject><Bulletin><BulletinTitle>GPU计算节点中标结果公告</BulletinTitle>"
           "<WinBidder><BidderName>滨湖恒锐信息系统有限公司</BidderName><BidAmount unit=\"万元\">1536.8</BidAmount></WinBidder>"
           "<Candidate><BidderName>滨湖澄域智能科技有限公司</BidderName><BidAmount unit=\"万元\">1552</BidAmount></Candidate></Bulletin></X>")
    ex = ex_of(xml, name="m.xml")
    assert ex.notice_type == "award"
    assert (ex.names("buyer"), ex.names("supplier"), ex.names("agency")) == (
        ["滨湖先进技术研究院"], ["滨湖恒锐信息系统有限公司"], ["滨湖工程咨询有限公司"])
    assert ex.amount is not None and ex.amount.value == 15_368_000
    english = ex_of("<?xml version=\"1.0\"?><Tender><TendererParty><Name>Acme Widgets Ltd</Name></TendererParty></Tender>", name="e.xml")
    assert english.names("buyer") == []  # UBL's tenderer is a bidder


def test_a_records_own_date_is_its_publication_not_its_export() -> None:
    ex = ex_of({"export": {"exported_at": "2024-11-20T09:14:55+08:00"},
                "ticket": {"created_at": "2024-11-12T10:21:37+08:00", "title": "申请采购 GPU 云服务"}})
    assert str(ex.published) == "2024-11-12"
    ex = ex_of({"data": {"issueDate": "2025-09-25", "disclosureDate": "2025-09-18", "title": "专项债券项目信息披露"}})
    assert str(ex.published) == "2025-09-18"
