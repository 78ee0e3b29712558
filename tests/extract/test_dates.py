"""The notice's own date: never one inside a code or the original notice's, a bare 日期 line, a signer's place."""

from __future__ import annotations

from datetime import date

from tendertrace.extract import extract
from tendertrace.extract.dates import document_date
from tendertrace.ingest import read_input


def _date(text: str) -> str | None:
    doc = next(read_input(text, name="n.txt", source="n.txt"))
    published = extract(doc).published
    return published.isoformat() if published else None


def test_a_date_inside_a_code_is_not_the_notice_date() -> None:
    assert _date("询价函\n编号：XY-CG-2024-09-02\n日期：2024年9月9日\n报价截止：2024年9月16日。\n") == "2024-09-09"


def test_a_bare_date_line_outranks_the_first_dated_line() -> None:
    assert _date("会议纪要\n时间：2025年9月16日 15:00\n内容：讨论算力租赁方案\n日期：2025年9月18日\n") == "2025-09-18"


def test_the_original_notice_date_is_not_this_notice_date() -> None:
    text = "项目终止公告\n项目编号：AB-2025-014\n原公告发布日期：2025年5月26日\n终止原因：需求变化。\n\n2025年6月10日\n"
    assert _date(text) == "2025-06-10"
    assert _date("更正公告\n首次公告日期：2024年7月10日\n更正内容：截止时间延期。\n更正日期：2024年7月22日\n") == "2024-07-22"


def test_english_notice_date_label() -> None:
    assert _date("Contract award notice\nDate of award    : 9 February 2024\nDate of this notice: 16 February 2024\n") == "2024-02-16"


def test_signature_date_after_a_place() -> None:
    text = "公告\n董事会宣布，于2025年10月13日签订算力服务合同。\n\n承董事会命\n某某控股有限公司\n香港，2025年10月14日\n"
    assert _date(text) == "2025-10-14"


def test_a_date_right_after_a_name_in_latin_letters() -> None:
    assert _date("签约\n原创 海算品牌部 HaiSuan2024年08月22日 17:40 广东\n正文\n") == "2024-08-22"


def test_a_bilingual_date_label() -> None:
    text = "询价公告\n报价截止 / Deadline: 2025年5月29日17:00\n联系人：王老师\n发布日期 / Date: 2025-05-22\n"
    assert _date(text) == "2025-05-22"


def test_wire_dateline_dates_the_report_not_the_event_it_tells() -> None:
    text = "HANGZHOU, Aug 5 (Reuters) - Orion Data Ltd said it bought 64 servers from Vela Systems Inc on July 30, 2024.\n"
    assert _date(text) == "2024-08-05"


def test_agency_dateline_takes_the_year_of_the_date_it_reports() -> None:
    assert _date("新华社杭州1月3日电（记者李明）2023年12月28日，南江大学与北岭科技有限公司签订服务器采购合同。\n") == "2024-01-03"


def test_a_dateline_beside_a_later_deadline_keeps_that_deadlines_year() -> None:
    text = "NANJING, Aug 5 (Reuters) - Lantern Compute Ltd said deliveries of its servers are due by December 31, 2025.\n"
    assert _date(text) == "2025-08-05"


def test_site_dateline_in_a_lead() -> None:
    assert _date("某某网讯：4月27日，东岭数据科技股份有限公司发布公告称，定标公示期为2025年4月25日至4月28日。\n") == "2025-04-27"


def test_a_page_date_before_the_dateline_is_the_date() -> None:
    text = "发表于 2024-08-14 08:36\n8月13日消息，西域交建公告称，子公司于2024年8月12日收到中标通知书。\n"
    assert _date(text) == "2024-08-14"


def test_a_dateline_without_any_year_in_the_text_gives_no_date() -> None:
    assert _date("某某讯 1月30日消息，某运营商人工智能服务器集中采购项目招标正式启动。\n") is None


def test_a_sentence_that_issues_the_text_gives_its_date() -> None:
    # A report's period end comes first; the sentence that issues the report gives its date.
    text = "截至二零二四年十二月三十一日止年度，收益如下。\n本年報由董事會於二零二五年三月二十七日批准刊發。"
    assert document_date(None, None, text) == (date(2025, 3, 27), "issued")
    english = "Revenue for the year ended 31 December 2024.\nThis announcement was published on 8 May 2025.\nEnd"
    assert document_date(None, None, english) == (date(2025, 5, 8), "issued")


def test_an_issuing_verb_of_another_text_is_no_issue_date() -> None:
    # The project's own call was published then: no sentence issues this text.
    assert document_date(None, None, "项目于2024年3月1日发布采购公告。")[1] == "first_dated_line"
