"""Hostile and tricky files, made on the fly: PDFs with active content, images with metadata."""

from __future__ import annotations

import io
import zlib

from PIL import Image, PngImagePlugin
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from tests.portal.samples import pdf_bytes


def _writer() -> PdfWriter:
    return PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes("Dokumen uji"))))


def _written(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_with_document_javascript() -> bytes:
    """Document-level JavaScript in the catalog's /Names tree (run when the file opens)."""
    writer = _writer()
    action = writer._add_object(
        DictionaryObject(
            {
                NameObject("/S"): NameObject("/JavaScript"),
                NameObject("/JS"): TextStringObject("app.alert('x');"),
            }
        )
    )
    tree = DictionaryObject({NameObject("/Names"): ArrayObject([TextStringObject("buka"), action])})
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/JavaScript"): writer._add_object(tree)}
    )
    return _written(writer)


def pdf_with_open_action(action: dict[str, object]) -> bytes:
    writer = _writer()
    entries = {
        NameObject(key): (NameObject(value) if value.startswith("/") else TextStringObject(value))
        for key, value in action.items()
    }
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(DictionaryObject(entries))
    return _written(writer)


def pdf_with_launch_action() -> bytes:
    return pdf_with_open_action({"/S": "/Launch", "/F": "cmd.exe"})


def pdf_with_javascript_action() -> bytes:
    return pdf_with_open_action({"/S": "/JavaScript", "/JS": "app.alert(1)"})


def pdf_with_attachment() -> bytes:
    writer = _writer()
    writer.add_attachment("bukan-pdf.exe", b"MZ bukan program sungguhan")
    return _written(writer)


def encrypted_pdf() -> bytes:
    writer = _writer()
    writer.encrypt(user_password="", owner_password="pemilik", algorithm="RC4-128")
    return _written(writer)


def pdf_with_escaped_javascript_name() -> bytes:
    """A hand-written PDF whose action names are #-escaped (/J#61vaScript is /JavaScript)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>",
    ]
    return _classic_pdf(objects)


def pdf_hiding_javascript_in_object_stream() -> bytes:
    """PDF 1.5 with the JavaScript action inside a compressed object stream: invisible to a scan
    of the raw bytes, found only by reading the objects."""
    header = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n"
    hidden = b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>"
    objstm_body = b"4 0 " + hidden
    compressed = zlib.compress(objstm_body)
    plain = [
        (1, b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>"),
        (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        (3, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"),
    ]
    out = bytearray(header)
    offsets: dict[int, int] = {}
    for number, body in plain:
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    offsets[5] = len(out)
    out += (
        b"5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length %d >>\nstream\n"
        % len(compressed)
        + compressed
        + b"\nendstream\nendobj\n"
    )
    xref_offset = len(out)
    rows = [b"\x00" + (0).to_bytes(4, "big") + b"\xff\xff"]
    for number in (1, 2, 3):
        rows.append(b"\x01" + offsets[number].to_bytes(4, "big") + b"\x00\x00")
    rows.append(b"\x02" + (5).to_bytes(4, "big") + b"\x00\x00")  # object 4: in stream 5, index 0
    rows.append(b"\x01" + offsets[5].to_bytes(4, "big") + b"\x00\x00")
    rows.append(b"\x01" + xref_offset.to_bytes(4, "big") + b"\x00\x00")
    xref_data = zlib.compress(b"".join(rows))
    out += (
        b"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode "
        b"/Length %d >>\nstream\n" % len(xref_data) + xref_data + b"\nendstream\nendobj\n"
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref_offset
    return bytes(out)


def _classic_pdf(objects: list[bytes]) -> bytes:
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


def jpeg_with_gps(size: tuple[int, int] = (40, 20), orientation: int | None = None) -> bytes:
    """A JPEG whose EXIF carries a GPS position (Monas, Jakarta), a camera serial and a comment."""
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "Kamera Uji"  # Make
    exif[0xA431] = "SERIAL-123456"  # BodySerialNumber
    if orientation:
        exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps.update({1: "S", 2: (6.0, 10.0, 30.0), 3: "E", 4: (106.0, 49.0, 37.0)})
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif, comment=b"rumah pemohon")
    return out.getvalue()


def png_with_text_and_trailer() -> bytes:
    """A PNG with a text chunk holding markup and HTML appended after the image end."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "<script>alert('png')</script>")
    info.add_text("Author", "Nama Pemohon")
    out = io.BytesIO()
    Image.new("RGBA", (16, 16), (0, 120, 0, 128)).save(out, format="PNG", pnginfo=info)
    return out.getvalue() + b"<html><script>alert('ekor')</script></html>"


def png_bomb_header(width: int = 20_000, height: int = 20_000) -> bytes:
    """A tiny PNG that claims width x height pixels (a decompression bomb's header)."""
    out = io.BytesIO()
    Image.new("1", (width, height)).save(out, format="PNG", optimize=True)
    return out.getvalue()
