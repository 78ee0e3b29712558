"""Seed inputs for the atheris harness: one small valid document per format, written from code
so nothing binary needs committing.

    python fuzz/seeds.py fuzz/corpus    # then fuzz/corpus/{html,pdf,docx}/
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

NOTICE = "采购人：中国科学技术大学\n成交供应商：成都运达科技股份有限公司\n采购8台服务器，每台配置8块NVIDIA A100\n成交金额：￥200,000元"


def pdf_bytes(text: str = "Procurement: 8 x NVIDIA A100 servers, 200,000 CNY") -> bytes:
    """A one-page PDF with a text layer, its xref offsets computed."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def docx_bytes(text: str = NOTICE) -> bytes:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "采购人", "四川大学"
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def html_bytes(text: str = NOTICE) -> bytes:
    rows = "".join(f"<tr><td>{line.split('：')[0]}</td><td>{line.split('：')[-1]}</td></tr>" for line in text.splitlines())
    return f"<html><head><title>成交公告</title></head><body><h1>成交公告</h1><table>{rows}</table></body></html>".encode()


def write_seeds(root: Path) -> None:
    for fmt, data in (("html", html_bytes()), ("pdf", pdf_bytes()), ("docx", docx_bytes())):
        folder = root / fmt
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"seed.{fmt}").write_bytes(data)


if __name__ == "__main__":
    write_seeds(Path(sys.argv[1] if len(sys.argv) > 1 else "fuzz/corpus"))
