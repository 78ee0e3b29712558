from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from tendertrace.ingest import Limits, expand_paths, iter_documents, read_input
from tendertrace.ingest.decoding import DecodeError, decode
from tendertrace.ingest.html import html_to_text
from tendertrace.model import Document, IngestFailure
from tendertrace.text.fold import match_text

NOTICE = "采购人：深圳大学\n成交金额：贰拾万元整"


def _one(data: bytes | str, name: str = "x.txt", **kw) -> Document | IngestFailure:
    items = list(read_input(data, name=name, source=name, **kw))
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "gbk", "utf-16"])
def test_decodes_chinese_encodings(encoding: str) -> None:
    doc = _one(NOTICE.encode(encoding))
    assert isinstance(doc, Document)
    assert "深圳大学" in doc.text


def test_decodes_big5_traditional_and_folds_to_simplified_for_matching() -> None:
    text = "採購人：國立臺灣大學\n預算金額：新臺幣壹佰萬元"
    doc = _one(text.encode("big5"))
    assert isinstance(doc, Document)
    assert doc.encoding == "big5"
    assert "國立臺灣大學" in doc.text  # evidence keeps the original
    assert "国立台湾大学" in doc.match_text
    assert len(doc.match_text) == len(doc.text)


def test_match_text_keeps_offsets_for_fullwidth_and_ligatures() -> None:
    text = "ＡＷＳ账号 ﬁ ㎡ 國防"
    folded = match_text(text)
    assert len(folded) == len(text)
    assert folded.startswith("AWS账号")
    assert folded.endswith("国防")


def test_binary_is_not_decoded() -> None:
    with pytest.raises(DecodeError):
        decode(bytes(range(256)) * 50)


@pytest.mark.parametrize(("data", "name", "reason"), [
    (b"\x00\x01\x02\xff" * 1000, "junk.bin", "binary"),
    (b"   \n", "empty.txt", "empty"),
    (b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nendobj\n%%EO", "broken.pdf", "PDF"),
])
def test_broken_input_fails_with_reason(data: bytes, name: str, reason: str) -> None:
    item = _one(data, name=name)
    assert isinstance(item, IngestFailure)
    assert reason in item.reason


def test_html_keeps_table_rows_as_label_value_and_drops_scripts() -> None:
    html = """<html><head><style>.h200{font-family:微软雅黑}</style><script>var A100=1</script></head>
    <body><p>公告</p><table><tr><td>招标人:</td><td>长阳城投</td><td>招标机构:</td><td>湖北大绪</td></tr>
    <tr><td>中标价(元)</td><td>1691973.68</td></tr></table></body></html>"""
    text = html_to_text(html)
    assert "招标人: 长阳城投" in text
    assert "招标机构: 湖北大绪" in text
    assert "中标价(元)：1691973.68" in text
    assert "A100" not in text and "h200" not in text and "微软雅黑" not in text


def test_deeply_nested_html_does_not_overflow_the_stack() -> None:
    html = "<div>" * 20000 + "采购人：某单位" + "</div>" * 20000
    doc = _one(html, name="deep.html", fmt="html")
    assert isinstance(doc, Document)
    assert "采购人：某单位" in doc.text


def test_docx_is_read_and_zip_bomb_refused() -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("采购人：四川大学")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "采购需求"
    table.rows[0].cells[1].text = "Azure OpenAI 4000万tokens"
    buf = io.BytesIO()
    document.save(buf)
    doc = _one(buf.getvalue(), name="notice.docx")
    assert isinstance(doc, Document)
    assert "四川大学" in doc.text and "采购需求：Azure OpenAI" in doc.text

    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"0" * (50 * 1024 * 1024))
    item = _one(bomb.getvalue(), name="bomb.docx")
    assert isinstance(item, IngestFailure)
    assert "zip bomb" in item.reason


def test_too_large_input_fails(tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    path.write_bytes(b"<p>x</p>" * 2000)
    items = list(iter_documents([path], Limits(max_bytes=1000)))
    assert isinstance(items[0], IngestFailure)
    assert "limit" in items[0].reason


def test_ocds_release_package_gives_one_document_per_release(tmp_path: Path) -> None:
    package = {"releases": [
        {"ocid": "ocds-1", "id": "1", "date": "2024-01-02T00:00:00Z", "tag": ["tender"],
         "tender": {"title": "GPU servers", "value": {"amount": 10, "currency": "USD"}}},
        {"ocid": "ocds-2", "id": "2", "date": "2024-02-02T00:00:00Z", "tag": ["award"], "tender": {"title": "Cloud"}},
    ]}
    path = tmp_path / "package.json"
    path.write_text(json.dumps(package))
    docs = list(iter_documents([path]))
    assert [d.title for d in docs] == ["GPU servers", "Cloud"]
    assert docs[0].id != docs[1].id
    assert str(docs[0].published) == "2024-01-02"


def test_jsonl_corpus_bad_line_fails_but_others_read(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    good = {"id": "r1", "source": "s", "format": "html", "title": "T", "published": "2024-03-01", "content": "<p>采购人：甲</p>"}
    path.write_text(json.dumps(good, ensure_ascii=False) + "\n{not json\n", encoding="utf-8")
    items = list(iter_documents([path]))
    assert isinstance(items[0], Document) and items[0].source_id == "r1" and str(items[0].published) == "2024-03-01"
    assert isinstance(items[1], IngestFailure) and "JSON" in items[1].reason


def test_document_id_is_a_stable_content_hash() -> None:
    a = _one("采购人：甲", name="a.txt")
    b = _one("采购人：甲", name="b.txt")
    c = _one("采购人：乙", name="a.txt")
    assert a.id == b.id != c.id


DEEP_BOUND_SECONDS = 15.0  # a page nested 100,000 deep: a few seconds capped, about half a minute uncapped


def test_a_page_nested_100000_deep_reads_in_seconds_with_its_text() -> None:
    import time

    from tendertrace.ingest.html import MAX_DEPTH, cap_depth

    depth = 100_000
    page = "<div>" * depth + "<p>采购人：深圳大学</p><span>NVIDIA A100</span>" + "</div>" * depth + "<p>结束</p>"
    started = time.monotonic()
    text = html_to_text(page)
    assert time.monotonic() - started < DEEP_BOUND_SECONDS
    assert text.splitlines() == ["采购人：深圳大学", "NVIDIA A100", "结束"]
    capped = cap_depth(page)
    assert capped.count("<div>") == MAX_DEPTH and capped.count("</div>") == MAX_DEPTH


def test_depth_cap_leaves_ordinary_pages_alone() -> None:
    from tendertrace.ingest.html import cap_depth

    examples = Path(__file__).resolve().parents[2] / "examples"
    pages = [p.read_text("utf-8") for p in sorted(examples.glob("*.htm*"))]
    unclosed = "<table>" + "<tr><td>名称<td>服务器" * 2000 + "</table>" + "<p>段落" * 2000  # implied ends do not nest
    for page in [*pages, unclosed]:
        assert cap_depth(page) is page
    assert pages


def test_html_reading_has_a_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    from tendertrace.ingest import html
    from tendertrace.ingest.readers import ReadError

    page = "<div>" + "<p>服务器</p>" * 20_000 + "</div>"
    assert "服务器" in html_to_text(page)
    with pytest.raises(ReadError, match="HTML reading stopped"):
        html_to_text(page, seconds=0)
    monkeypatch.setattr(html, "HTML_SECONDS", 0.0)
    failed = _one(page.encode(), name="slow.html", fmt="html")
    assert isinstance(failed, IngestFailure) and "HTML reading stopped" in failed.reason


@pytest.mark.parametrize("lone", ["\ud800", "\udfff", "\udc00"])
def test_a_lone_surrogate_in_a_record_becomes_a_replacement_character(lone: str) -> None:
    html = f"<p>采购人：某某大学{lone}信息中心</p>"
    [doc] = read_input(html, name="record.html", source="s", fmt="html")
    assert isinstance(doc, Document)
    assert "\ufffd" in doc.text and lone not in doc.text
    assert doc.text.encode("utf-8")  # storable
    [plain] = read_input("<p>采购人：某某大学𠀀信息中心</p>", name="record.html", source="s", fmt="html")
    assert isinstance(plain, Document) and "𠀀" in plain.text and "\ufffd" not in plain.text


def test_a_folder_reads_its_markdown_documents_not_its_own_docs(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# What this folder holds\n", encoding="utf-8")
    (tmp_path / "PROVENANCE.md").write_text("Sources of these files.\n", encoding="utf-8")
    (tmp_path / "quotation.md").write_text("# 报价单\n\n| 客户名称 | 东岭大学 |\n|---|---|\n", encoding="utf-8")
    (tmp_path / "notice.txt").write_text("采购公告\n采购人：东岭大学\n", encoding="utf-8")
    names = [p.name for p in expand_paths([tmp_path])]
    assert names == ["notice.txt", "quotation.md"]


def test_a_box_drawn_table_in_gb18030_decodes() -> None:
    # A table exported as text with box-drawing rules (┌─┬─┐ │ └─┴─┘), saved in GB18030: its rules are
    # GB2312 symbols, not signs of a wrong encoding.
    text = ("采购明细表\n┌────┬──────────┬────┐\n│序号│品目名称          │数量│\n├────┼──────────┼────┤\n"
            "│ 1  │GPU服务器（8卡）  │ 2  │\n│ 2  │存储阵列★         │ 1  │\n└────┴──────────┴────┘\n"
            "注：①含三年维保；温度≤35℃。\n")
    decoded, encoding, _ = decode(text.encode("gb18030"))
    assert decoded == text
    assert encoding in {"gb18030", "gbk", "gb2312"}


def test_markdown_reads_its_words_and_tables_without_markup() -> None:
    md = ("# 智算服务采购成交结果公告\n\n**采购人：** 东岭大学\n\n| 品目 | 供应商 | 金额（元） |\n|---|---|---|\n"
          "| GPU云主机租赁 | 南岸算力科技有限公司 | 880,000.00 |\n\n详见[附件](https://example.org/a.pdf)。\n")
    [doc] = read_input(md.encode("utf-8"), name="result.md", source="result.md")
    assert isinstance(doc, Document)
    assert "**" not in doc.text and "|---" not in doc.text and "](" not in doc.text
    assert "采购人：" in doc.text and "东岭大学" in doc.text
    row = next(line for line in doc.text.splitlines() if "南岸算力科技有限公司" in line)
    assert "GPU云主机租赁" in row and "880,000.00" in row


def test_docx_page_header_and_footer_are_read_once_in_place() -> None:
    # The unit's name printed over every page (a header) and a signature under it (a footer).
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "东岭研究所　大型仪器设备购置论证材料"
    document.sections[0].footer.paragraphs[0].text = "条件保障处　二〇二三年五月"
    document.add_paragraph("一、购置必要性")
    document.add_section()  # a second section linked to the first: its header is the same text
    document.add_paragraph("二、选型")
    buf = io.BytesIO()
    document.save(buf)
    doc = _one(buf.getvalue(), name="report.docx")
    assert isinstance(doc, Document)
    lines = doc.text.splitlines()
    assert lines[0] == "东岭研究所　大型仪器设备购置论证材料"
    assert lines[-1] == "条件保障处　二〇二三年五月"
    assert doc.text.count("东岭研究所") == 1


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>东岭研究院 - 采购信息</title>
  <entry><title>物业服务项目中标公告</title><link href="https://example.org/1.html"/>
    <published>2024-08-20T09:15:00+08:00</published><summary>中标供应商：东岭物业服务有限公司</summary></entry>
  <entry><title>算力租赁服务项目成交公告</title><link href="https://example.org/2.html"/>
    <published>2024-08-14T16:40:00+08:00</published>
    <content type="html">&lt;p&gt;成交供应商：西岭算力科技有限公司&lt;/p&gt;&lt;p&gt;成交金额：345.6万元&lt;/p&gt;</content></entry>
</feed>"""


def test_an_atom_feed_gives_one_document_per_entry() -> None:
    docs = list(read_input(ATOM.encode("utf-8"), name="atom.xml", source="atom.xml"))
    assert [d.title for d in docs if isinstance(d, Document)] == ["物业服务项目中标公告", "算力租赁服务项目成交公告"]
    second = docs[1]
    assert isinstance(second, Document)
    assert "成交供应商：西岭算力科技有限公司" in second.text and "<p>" not in second.text
    assert second.published is not None and second.published.isoformat() == "2024-08-14"
    assert second.provenance.url == "https://example.org/2.html"
    assert len({d.id for d in docs if isinstance(d, Document)}) == 2


def test_an_rss_feed_and_a_broken_one() -> None:
    rss = ("<?xml version='1.0'?><rss version='2.0'><channel><title>公告</title><item><title>GPU服务器采购结果公告</title>"
           "<link>https://example.org/3.html</link><pubDate>Tue, 05 Mar 2024 08:00:00 +0800</pubDate>"
           "<description>&lt;p&gt;中标人：东岭信息技术有限公司&lt;/p&gt;</description></item></channel></rss>")
    [doc] = read_input(rss.encode("utf-8"), name="feed.xml", source="feed.xml")
    assert isinstance(doc, Document) and doc.title == "GPU服务器采购结果公告" and "东岭信息技术有限公司" in doc.text
    [failed] = read_input(b"<?xml version='1.0'?><rss version='2.0'><channel><item><title>x</title>", name="bad.xml", source="bad.xml")
    assert isinstance(failed, IngestFailure) and "feed" in failed.reason


def test_a_csv_sheet_reads_as_a_table_and_its_form_rows_as_labels() -> None:
    sheet = ("东岭算力科技有限公司 算力租赁服务月度结算对账单,,,,,\n客户名称,西岭智能科技股份有限公司,,,合同编号,RX-0087\n"
             "序号,资源规格,数量,单价,金额（元）,备注\n1,GPU裸金属 8×NVIDIA RTX 4090,24,\"16,800.00\",\"403,200.00\",\n")
    [doc] = read_input(sheet.encode("gb18030"), name="statement.csv", source="statement.csv")
    assert isinstance(doc, Document)
    assert "客户名称：西岭智能科技股份有限公司" in doc.text.replace(" | ", "  ") or "客户名称 | 西岭智能科技股份有限公司" in doc.text
    row = next(line for line in doc.text.splitlines() if "RTX 4090" in line)
    assert "403,200.00" in row and '"' not in row


def test_an_rss_items_full_content_is_read_over_its_summary() -> None:
    rss = ("<?xml version='1.0'?><rss version='2.0' xmlns:content='http://purl.org/rss/1.0/modules/content/'><channel>"
           "<item><title>算力租赁服务项目成交公告</title><pubDate>Tue, 19 Mar 2024 16:12:00 +0800</pubDate>"
           "<description>采购人：东岭研究院……</description>"
           "<content:encoded><![CDATA[<p>采购人：东岭研究院</p><table><tr><td>8张NVIDIA A800 80GB</td></tr></table>]]>"
           "</content:encoded></item></channel></rss>")
    [doc] = read_input(rss.encode("utf-8"), name="feed.xml", source="feed.xml")
    assert isinstance(doc, Document) and "A800" in doc.text


LISTING = """东岭市公共资源交易网
当前位置：首页 > 交易信息 > 结果公示
东岭市环境卫生管理中心道路清扫服务项目中标结果公告
发布时间：2026-02-11 来源：市本级
采购人：东岭市环境卫生管理中心
中标供应商：东岭绿岸环境服务有限公司
东岭市智能计算研究院GPU服务器采购项目成交结果公告
发布时间：2026-02-10 来源：市本级
采购人：东岭市智能计算研究院
成交供应商：东岭数智科技有限公司
东岭市人民医院耗材配送服务项目废标公告
发布时间：2026-02-06 来源：市本级
废标原因：实质性响应的供应商不足三家
"""


def test_a_listing_page_gives_one_document_per_notice() -> None:
    docs = [d for d in read_input(LISTING.encode("utf-8"), name="list.txt", source="list.txt") if isinstance(d, Document)]
    assert [d.title for d in docs] == ["东岭市环境卫生管理中心道路清扫服务项目中标结果公告",
                                       "东岭市智能计算研究院GPU服务器采购项目成交结果公告", "东岭市人民医院耗材配送服务项目废标公告"]
    assert "东岭数智科技有限公司" in docs[1].text and "废标" not in docs[1].text
    again = [d.id for d in read_input(LISTING.encode("utf-8"), name="list.txt", source="list.txt") if isinstance(d, Document)]
    assert again == [d.id for d in docs] and len(set(again)) == 3


def test_a_notice_with_one_date_line_is_one_document() -> None:
    text = "东岭大学GPU服务器采购项目中标公告\n发布时间：2026-02-10\n采购人：东岭大学\n相关公告\n东岭大学GPU服务器采购项目招标公告\n"
    assert len(list(read_input(text.encode("utf-8"), name="one.txt", source="one.txt"))) == 1


def test_an_email_is_read_as_its_headers_and_decoded_text_parts() -> None:
    import base64
    from email.header import Header

    body = "尊敬的江北研究所：\n您通过我司开立的账户本月费用明细如下。\n".encode("gb18030")
    raw = (b"From: =?gb2312?B?" + base64.b64encode("岚拓账单中心".encode("gb2312")) + b"?= <bill@example.com>\n"
           b"To: it@example.cn\nSubject: " + Header("十月账单", "gb2312").encode().encode() + b"\n"
           b"Date: Tue, 05 Nov 2024 09:12:44 +0800\nMIME-Version: 1.0\n"
           b"Content-Type: multipart/mixed; boundary=\"b1\"\n\n--b1\n"
           b"Content-Type: text/plain; charset=\"gb2312\"\nContent-Transfer-Encoding: base64\n\n"
           + base64.encodebytes(body) + b"\n--b1\nContent-Type: application/pdf\n"
           b"Content-Disposition: attachment; filename=\"bill.pdf\"\nContent-Transfer-Encoding: base64\n\nJVBERi0=\n--b1--\n")
    doc = next(read_input(raw, name="bill.eml", source="bill.eml"))
    assert isinstance(doc, Document) and doc.format == "email"
    assert doc.title == "十月账单" and str(doc.published) == "2024-11-05"
    assert "From: 岚拓账单中心 <bill@example.com>" in doc.text and "尊敬的江北研究所：" in doc.text
    assert any("bill.pdf" in w for w in doc.warnings)
    # no extension: the header lines say it is a message
    assert next(read_input(raw, name="bill", source="bill")).format == "email"  # type: ignore[union-attr]


def test_an_xml_message_is_read_as_its_element_paths_and_its_html_body() -> None:
    xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Msg xmlns=\"urn:x\"><Project><TendererName>滨湖研究院</TendererName>"
           "<Price unit=\"万元\">12.5</Price></Project><Body><![CDATA[<p>一、项目名称：服务器采购</p><table><tr><td>中标人</td>"
           "</tr></table>]]></Body></Msg>").encode()
    doc = next(read_input(xml, name="m.xml", source="m.xml"))
    assert isinstance(doc, Document) and doc.format == "xml"
    assert "Msg.Project.TendererName: 滨湖研究院" in doc.text and "Msg.Project.Price@unit: 万元" in doc.text
    assert "一、项目名称：服务器采购" in doc.text and "<p>" not in doc.text
    broken = next(read_input(b"<?xml version=\"1.0\"?><a><b>x</a>", name="b.xml", source="b.xml"))
    assert isinstance(broken, Document) and any("not well-formed" in w for w in broken.warnings)


def test_a_digest_of_notices_is_one_document_per_entry() -> None:
    text = ("【每日订阅推送】2025年03月11日\n\n①【招标公告】滨湖市公安局视频云存储扩容项目\n　　采购人：滨湖市公安局　｜　预算：312.00万元\n\n"
            "②【竞争性磋商】滨湖港务集团有限公司大模型服务采购项目\n　　采购人：滨湖港务集团有限公司　｜　预算：48.00万元\n")
    docs = list(read_input(text, name="d.txt", source="d.txt"))
    assert [d.title for d in docs] == ["①【招标公告】滨湖市公安局视频云存储扩容项目", "②【竞争性磋商】滨湖港务集团有限公司大模型服务采购项目"]


def test_xlsx_sheets_and_rows_are_read_and_a_broken_one_fails_clearly() -> None:
    # A budget kept in a spreadsheet: the sheet's name, a label row of two cells, a table row, a formula.
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "设备购置预算"
    sheet.append(["采购单位", "东岭智算研究院"])
    sheet.append(["序号", "设备名称", "数量", "金额（万元）"])
    sheet.append([1, "GPU服务器（8×H100）", 2, 560.0])
    buf = io.BytesIO()
    book.save(buf)
    doc = _one(buf.getvalue(), name="budget.xlsx")
    assert isinstance(doc, Document)
    assert "【设备购置预算】" in doc.text and "采购单位：东岭智算研究院" in doc.text
    assert "1 | GPU服务器（8×H100） | 2 | 560" in doc.text
    broken = _one(b"PK\x03\x04 not a workbook", name="budget.xlsx")
    assert isinstance(broken, IngestFailure) and "XLSX" in broken.reason


def test_pptx_slides_tables_and_notes_are_read() -> None:
    pptx = pytest.importorskip("pptx")
    from pptx.util import Inches

    deck = pptx.Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "算力平台建设汇报"
    rows = slide.shapes.add_table(2, 3, Inches(1), Inches(2), Inches(6), Inches(1)).table
    for i, cell in enumerate(["设备", "数量", "供应商"]):
        rows.cell(0, i).text = cell
    for i, cell in enumerate(["HGX H100服务器", "4台", "澜峰国际有限公司"]):
        rows.cell(1, i).text = cell
    slide.notes_slide.notes_text_frame.text = "经费来源：自筹"
    buf = io.BytesIO()
    deck.save(buf)
    doc = _one(buf.getvalue(), name="report.pptx")
    assert isinstance(doc, Document)
    assert "算力平台建设汇报" in doc.text and "HGX H100服务器 | 4台 | 澜峰国际有限公司" in doc.text
    assert "经费来源：自筹" in doc.text
