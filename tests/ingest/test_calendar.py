"""An iCalendar invitation (a mail client's .ics) is read with its folded lines joined and its text
escapes undone (RFC 5545 §3.1, §3.3.11), so a name or a figure split across lines is whole. The
invitation is written for this test."""

from __future__ import annotations

from tendertrace.extract import extract
from tendertrace.ingest import read_input
from tendertrace.model import Document

_ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
    "SUMMARY:【交付会】东岭衡川智能科技有限公司 海外云账号\r\n 交付说明\r\n"
    "ATTENDEE;CN=东岭衡\r\n 川智能科技有限公司 财务部:mailto:a@example-dl.cn\r\n"
    "DESCRIPTION:各位好：\\n根据《云资源代开通合同》（合同金额人民币1\\,280\r\n \\,000.00元），我司已开通账号。\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
)


def test_folded_lines_are_joined_and_escapes_read() -> None:
    doc = next(read_input(_ICS.encode(), name="invite.ics", source="invite.ics"))
    assert isinstance(doc, Document)
    assert "东岭衡川智能科技有限公司 财务部" in doc.text
    assert "SUMMARY:【交付会】东岭衡川智能科技有限公司 海外云账号交付说明\n" in doc.text
    assert "1,280,000.00元" in doc.text
    assert "\\n" not in doc.text and "各位好：\n根据" in doc.text
    assert extract(doc).amount is not None


def test_a_text_that_merely_mentions_begin_is_left_as_written() -> None:
    doc = next(read_input("说明：BEGIN:VCALENDAR 是日历文件的开头\n 第二行\n".encode(), name="a.txt", source="a.txt"))
    assert isinstance(doc, Document)
    assert "\n 第二行" in doc.text
