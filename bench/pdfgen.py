"""Valid PDF files of an exact size, written without a PDF library (fast enough for thousands).

One page with a few lines of text (what pypdf extracts), plus, to reach the requested size, an
image of incompressible pixels such as a scanned page carries. pypdf opens them; the portal's
upload check (readable, not encrypted, no active content) accepts them.
"""

from __future__ import annotations

import random


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(text: str, size: int, *, seed: int = 0) -> bytes:
    """A one-page PDF showing `text`, padded with an image to exactly `size` bytes (when `size`
    is larger than the page alone)."""
    lines = []
    words = text.split()
    line: list[str] = []
    for word in words:
        line.append(word)
        if len(" ".join(line)) > 80:
            lines.append(" ".join(line))
            line = []
    if line:
        lines.append(" ".join(line))
    content_ops = ["BT", "/F1 10 Tf", "50 800 Td", "12 TL"]
    for item in lines[:60]:
        content_ops.append(f"({_escape(item)}) '")
    content_ops.append("ET")
    content_ops.append("q 100 0 0 100 400 50 cm /Im1 Do Q")
    content = "\n".join(content_ops).encode("latin-1", "replace")

    def build(image_len: int) -> bytes:
        rng = random.Random(seed)
        pixels = rng.randbytes(image_len)
        objects = [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 4 0 R >> /XObject << /Im1 6 0 R >> >> "
            b"/Contents 5 0 R >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /XObject /Subtype /Image /Width %d /Height 1 /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8 /Length %d >>\nstream\n"
            % (max(image_len, 1), image_len)
            + pixels
            + b"\nendstream",
        ]
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(objects, start=1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        for offset in offsets:
            out += b"%010d 00000 n \n" % offset
        out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
            len(objects) + 1,
            xref,
        )
        return bytes(out)

    base = build(0)
    if size <= len(base):
        return base
    # The image length appears twice in decimal (Width and Length); adjust until exact.
    image_len = size - len(base)
    for _attempt in range(4):
        data = build(image_len)
        diff = size - len(data)
        if diff == 0:
            return data
        image_len += diff
    return build(image_len)
