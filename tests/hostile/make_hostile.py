"""Write the hostile-input corpus used by tests/test_hostile.py.

    python tests/hostile/make_hostile.py [OUT_DIR]   (default: tests/hostile/files)

Small files are committed; the 100 MB page is made at test time (``big_html``) rather than stored.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF with a text layer, written by hand (no PDF writer needed)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer << /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(minimal_pdf("NVIDIA A100 rental"))))
    writer.encrypt(user_password="secret", owner_password="owner")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def zip_bomb_docx(size: int = 300 * 1024 * 1024) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as handle:
            chunk = b"0" * (1024 * 1024)
            for _ in range(size // len(chunk)):
                handle.write(chunk)
    return buf.getvalue()


def files() -> dict[str, bytes]:
    good = minimal_pdf("Buyer: Sichuan University. NVIDIA A100 x 8")
    broken_xref = good.replace(b"startxref\n", b"startxref\n9").replace(b"xref\n0 6", b"xref\n0 9")
    parties = "".join(f"<p>中标供应商：测试供应商第{i}号有限公司</p>" for i in range(10_000))
    return {
        "zip_bomb.docx": zip_bomb_docx(),
        "encrypted.pdf": encrypted_pdf(),
        "broken_xref.pdf": broken_xref,
        "truncated.pdf": good[: len(good) // 2],
        # An object that is a reference to itself: pdfminer resolves it forever (found by fuzzing).
        "self_reference_loop.pdf": b"%PDF-1.4\n1 0 obj\n1 0 R\nendobj\ntrailer\n<< /Size 2 /Root 1 0 R >>\n%%EOF\n",
        "deep_nesting.html": ("<div>" * 100_000 + "采购人：某单位" + "</div>" * 100_000).encode(),
        "nul_bytes.txt": "采购人：某单位\x00\x00成交金额：20万元\x00".encode(),
        "mixed_encodings.txt": "采购人：四川大学\n".encode() + "預算金額：壹佰萬元\n".encode("big5") + b"\xff\xfe\xfd",
        "gb18030_four_byte.txt": "采购人：𠀀𪚥单位\n项目：𠮷野家算力租赁\n成交金额：20万元".encode("gb18030"),
        "bidi_controls.html": "<p>采购人：\u202e学大川四\u202c</p><p>\u2066AWS账号\u2069 \u200f租用A100\u200e</p>".encode(),
        "ten_thousand_parties.html": f"<p>中标结果公告</p>{parties}".encode(),
        "empty.html": b"",
        "binary.bin": bytes(range(256)) * 64,
    }


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "files"
    out.mkdir(parents=True, exist_ok=True)
    for name, data in files().items():
        (out / name).write_bytes(data)
        print(f"{name}: {len(data):,} bytes")


def big_html(path: Path, size: int = 100 * 1024 * 1024) -> None:
    """A 100 MB page on a single line."""
    with path.open("wb") as handle:
        handle.write(b"<html><body><p>")
        unit = "采购人：某单位 租用A100服务器 ".encode()
        for _ in range(size // len(unit)):
            handle.write(unit)
        handle.write(b"</p></body></html>")


if __name__ == "__main__":
    main()
