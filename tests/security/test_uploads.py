"""Upload hygiene: what is refused by content, what is rewritten before it is stored."""

import hashlib
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from ppid_portal.files import SCAN_KINDS, UploadValidator, file_response, store_upload
from ppid_portal.models import DokumenRegulasi, StoredFile
from ppid_portal.roles import Role
from tests.portal.samples import pdf_bytes, png_bytes
from tests.portal.test_files import close_quietly
from tests.security import samples

SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
)
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def refusal(validator, name, content) -> ValidationError:
    with pytest.raises(ValidationError) as exc:
        validator(upload(name, content))
    return exc.value


@pytest.mark.parametrize(
    "name,content",
    [
        ("gambar.svg", SVG),
        ("foto.png", SVG),
        ("foto.jpg", SVG),
        ("surat.pdf", SVG),
        ("halaman.html", HTML),
        ("laporan.pdf", HTML),
        ("scan.jpg", HTML),
        ("laporan.docx", HTML),
        ("laporan.pdf", b"\xef\xbb\xbf  \n<html><body>hai</body></html>"),
    ],
)
def test_svg_and_html_are_refused_whatever_their_name(name, content):
    error = refusal(UploadValidator(), name, content)
    assert error.code == "bad_type"
    assert "Jenis berkas tidak diterima" in error.messages[0]


@pytest.mark.parametrize(
    "maker,code,words",
    [
        (samples.pdf_with_document_javascript, "pdf_javascript", "JavaScript"),
        (samples.pdf_with_javascript_action, "pdf_javascript", "JavaScript"),
        (samples.pdf_with_escaped_javascript_name, "pdf_javascript", "JavaScript"),
        (samples.pdf_hiding_javascript_in_object_stream, "pdf_javascript", "JavaScript"),
        (samples.pdf_with_launch_action, "pdf_launch", "menjalankan program"),
        (samples.pdf_with_attachment, "pdf_embedded", "lampiran tersemat"),
        (samples.encrypted_pdf, "pdf_encrypted", "kata sandi"),
    ],
)
def test_active_or_encrypted_pdfs_are_refused_with_a_reason(maker, code, words):
    error = refusal(UploadValidator(kinds=SCAN_KINDS), "dokumen.pdf", maker())
    assert error.code == code
    assert words in error.messages[0]


def test_raw_scan_catches_what_no_parser_can_read():
    # Not a PDF any parser accepts, yet a viewer's repair could still find the action: the raw
    # scan names the reason before the parser gives up.
    data = b"%PDF-1.7\n%\xe2\xe3\n1 0 obj << /OpenAction << /S /JavaScript /JS (x) >> \ngarbage"
    assert refusal(UploadValidator(), "rusak.pdf", data).code == "pdf_javascript"


def test_unreadable_pdf_is_refused():
    data = b"%PDF-1.7\n%\xe2\xe3\n" + b"\x00\x13\x37" * 200
    error = refusal(UploadValidator(), "rusak.pdf", data)
    assert error.code == "pdf_unreadable"
    assert "rusak" in error.messages[0]


def test_plain_pdf_and_images_pass():
    validator = UploadValidator(kinds=SCAN_KINDS)
    validator(upload("surat.pdf", pdf_bytes()))
    validator(upload("foto.jpg", samples.jpeg_with_gps()))
    validator(upload("foto.png", samples.png_with_text_and_trailer()))


def test_broken_image_is_refused():
    data = png_bytes()
    error = refusal(UploadValidator(), "foto.png", data[:60])
    assert error.code == "image_unreadable"


def test_decompression_bomb_is_refused_before_decoding(settings):
    error = refusal(UploadValidator(), "bom.png", samples.png_bomb_header(9000, 9000))
    assert error.code == "image_too_many_pixels"
    settings.PPID_IMAGE_MAX_PIXELS = 10
    assert refusal(UploadValidator(), "kecil.png", png_bytes()).code == "image_too_many_pixels"


def test_field_cap_applies_and_never_exceeds_the_portal_cap(settings):
    data = pdf_bytes()
    assert refusal(UploadValidator(max_bytes=len(data) - 1), "a.pdf", data).code == "too_large"
    UploadValidator(max_bytes=len(data))(upload("a.pdf", data))
    settings.UPLOAD_MAX_BYTES = len(data) - 1
    assert refusal(UploadValidator(max_bytes=10 * len(data)), "a.pdf", data).code == "too_large"


@pytest.mark.django_db
def test_jpeg_is_reencoded_without_gps_and_digest_is_of_stored_bytes(settings):
    original = samples.jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # the sample has GPS
    stored = store_upload(upload("foto-ktp.jpg", original), purpose="identitas", sensitive=True)
    on_disk = (settings.MEDIA_ROOT / stored.file.name).read_bytes()
    assert on_disk != original
    assert stored.sha256 == hashlib.sha256(on_disk).hexdigest()
    assert stored.size == len(on_disk)
    assert stored.content_type == "image/jpeg" and stored.original_name == "foto-ktp.jpg"
    image = Image.open(io.BytesIO(on_disk))
    assert image.format == "JPEG" and image.size == (40, 20)
    assert not image.getexif() and "exif" not in image.info
    assert b"SERIAL-123456" not in on_disk and b"rumah pemohon" not in on_disk
    assert image.getpixel((20, 10))[0] > 180  # still the same red picture


@pytest.mark.django_db
def test_reencoding_keeps_the_photo_upright(settings):
    # Orientation 6: the camera was turned; the stored picture is rotated instead.
    stored = store_upload(
        upload("miring.jpg", samples.jpeg_with_gps(size=(40, 20), orientation=6)),
        purpose="identitas",
    )
    image = Image.open(settings.MEDIA_ROOT / stored.file.name)
    assert image.size == (20, 40)
    assert not image.getexif()


@pytest.mark.django_db
def test_png_is_reencoded_without_text_chunks_or_trailing_html(settings):
    stored = store_upload(upload("gambar.png", samples.png_with_text_and_trailer()), purpose="x")
    on_disk = (settings.MEDIA_ROOT / stored.file.name).read_bytes()
    assert b"<script" not in on_disk and b"Nama Pemohon" not in on_disk
    assert stored.sha256 == hashlib.sha256(on_disk).hexdigest() and stored.size == len(on_disk)
    image = Image.open(io.BytesIO(on_disk))
    assert image.mode == "RGBA" and image.getpixel((3, 3)) == (0, 120, 0, 128)
    assert not image.text


@pytest.mark.django_db
def test_pdfs_are_stored_byte_for_byte(settings):
    data = pdf_bytes()
    stored = store_upload(upload("surat.pdf", data), purpose="dokumen_dip")
    assert (settings.MEDIA_ROOT / stored.file.name).read_bytes() == data


@pytest.mark.django_db
def test_broken_image_at_store_raises_and_writes_nothing():
    with pytest.raises(ValidationError):
        store_upload(upload("rusak.png", png_bytes()[:50]), purpose="identitas")
    assert not StoredFile.objects.exists()


@pytest.mark.django_db
def test_served_files_are_sandboxed_attachments():
    stored = store_upload(upload("foto.png", png_bytes()), purpose="dokumen_dip")
    response = file_response(stored)
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert "no-store" in response["Cache-Control"]
    close_quietly(response)


@pytest.mark.django_db
def test_staff_form_refuses_active_pdf_with_the_reason(client, users):
    client.force_login(users[Role.PPID])
    data = {"jenis": "uu", "nomor": "1/2026", "judul": "Uji", "tahun": 2026, "urutan": 0}
    data["unggah"] = SimpleUploadedFile("uu.pdf", samples.pdf_with_launch_action())
    response = client.post(reverse("portal:regulasi_tambah"), data)
    assert response.status_code == 200
    assert "menjalankan program lain" in response.content.decode()
    assert not DokumenRegulasi.objects.exists() and not StoredFile.objects.exists()
