import hashlib
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.signals import request_finished
from django.db import close_old_connections

from ppid_portal.files import UploadValidator, file_response, store_upload
from ppid_portal.models import StoredFile
from tests.portal.samples import docx_bytes, pdf_bytes, png_bytes


def close_quietly(response):
    """Close a response outside the test client without Django's request_finished handler,
    which would close the database connection in the middle of the test transaction."""
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.mark.parametrize(
    "name,maker",
    [("laporan.pdf", pdf_bytes), ("surat.docx", docx_bytes), ("foto.png", png_bytes)],
)
def test_allowed_types_pass(name, maker):
    UploadValidator()(upload(name, maker()))


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("laporan.pdf.exe", None, "berakhiran"),
        ("halaman.pdf", b"<html><script>alert(1)</script></html>", "tidak diterima"),
        ("gambar.png", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "tidak diterima"),
        ("kosong.pdf", b"", "kosong"),
    ],
)
def test_refused_with_indonesian_reason(name, content, message):
    data = pdf_bytes() if content is None else content
    with pytest.raises(ValidationError) as exc:
        UploadValidator()(upload(name, data))
    assert message in str(exc.value)


def test_too_large_is_refused():
    with pytest.raises(ValidationError) as exc:
        UploadValidator(max_bytes=1000)(upload("besar.pdf", pdf_bytes() + b"0" * 2000))
    assert "terlalu besar" in str(exc.value)


@pytest.mark.django_db
def test_store_records_digest_size_and_random_name(settings):
    data = pdf_bytes()
    stored = store_upload(upload("../../etc/Laporan Tahunan.pdf", data), purpose="dokumen_dip")
    assert stored.sha256 == hashlib.sha256(data).hexdigest()
    assert stored.size == len(data)
    assert stored.original_name == "Laporan Tahunan.pdf"
    assert "Laporan" not in stored.file.name and stored.file.name.startswith("berkas/")
    path = settings.MEDIA_ROOT / stored.file.name
    assert path.read_bytes() == data
    stored.sha256 = "0" * 64
    with pytest.raises(ValidationError):
        stored.save()
    assert StoredFile.objects.get(pk=stored.pk).sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.django_db
def test_file_response_is_an_attachment_that_is_never_sniffed():
    stored = store_upload(upload("a.pdf", pdf_bytes()), purpose="dokumen_dip")
    response = file_response(stored)
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == stored.file.open("rb").read()
    close_quietly(response)


def test_samples_are_real_files():
    assert pdf_bytes().startswith(b"%PDF")
    assert io.BytesIO(docx_bytes()).read(2) == b"PK"


@pytest.mark.django_db
def test_reading_a_sensitive_file_is_audited(users):
    from ppid_portal import audit
    from ppid_portal.roles import Role

    stored = store_upload(upload("ktp.png", png_bytes()), purpose="identitas", sensitive=True)
    close_quietly(file_response(stored, actor=users[Role.DESK], reason="verifikasi identitas"))
    (log,) = audit.history(stored)
    assert log.action == "berkas.unduh" and log.actor == users[Role.DESK]
    assert log.note == "verifikasi identitas"
