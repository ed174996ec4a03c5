import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from informasi import services, workflow
from informasi.models import DokumenInformasi, EntriVersi
from ppid_portal import audit
from tests.informasi.factories import (
    attach_docx,
    attach_pdf,
    create_entry,
    documented_entry,
    excepted_values,
    publish_version,
    submitted_entry,
    upload,
)
from tests.portal.samples import pdf_bytes, png_bytes

pytestmark = pytest.mark.django_db


def test_upload_records_digest_random_name_and_text(actors, settings):
    entry = create_entry(actors["penyedia"])
    content = pdf_bytes("Neraca keuangan daerah")
    document = services.document_add_file(
        actor=actors["penyedia"], entry=entry, upload=upload("Neraca 2024.pdf", content)
    )
    stored = document.berkas
    assert stored.sha256 == hashlib.sha256(content).hexdigest()
    assert stored.original_name == "Neraca 2024.pdf" and "Neraca" not in stored.file.name
    assert (settings.MEDIA_ROOT / stored.file.name).read_bytes() == content
    assert "Neraca keuangan daerah" in document.teks
    assert document.judul == "Neraca 2024"
    assert not stored.sensitive
    assert stored.sha256 in audit.history(entry).last().note


def test_docx_text_is_extracted(actors):
    document = attach_docx(actors["penyedia"], create_entry(actors["penyedia"]), text="Rekap PPK")
    assert "Rekap PPK" in document.teks


def test_image_has_no_text_but_is_kept(actors):
    entry = create_entry(actors["penyedia"])
    document = services.document_add_file(
        actor=actors["penyedia"], entry=entry, upload=upload("foto.png", png_bytes())
    )
    assert document.teks == "" and document.berkas.content_type == "image/png"


def test_files_of_excepted_entries_are_sensitive(actors):
    entry = workflow.entry_create(actor=actors["penyedia"], values=excepted_values())
    assert attach_pdf(actors["penyedia"], entry).berkas.sensitive


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("a.pdf.exe", pdf_bytes(), "berakhiran"),
        ("laporan.pdf", b"<html><script>alert(1)</script></html>", "tidak diterima"),
        ("program.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200, "tidak diterima"),
        ("kosong.pdf", b"", "kosong"),
    ],
)
def test_refused_uploads_store_nothing(actors, name, content, words):
    entry = create_entry(actors["penyedia"])
    with pytest.raises(ValidationError) as exc:
        services.document_add_file(
            actor=actors["penyedia"], entry=entry, upload=upload(name, content)
        )
    assert words in " ".join(exc.value.messages)
    assert not DokumenInformasi.objects.exists()


def test_too_large_upload_is_refused(actors, settings):
    settings.UPLOAD_MAX_BYTES = 1000
    entry = create_entry(actors["penyedia"])
    with pytest.raises(ValidationError) as exc:
        services.document_add_file(
            actor=actors["penyedia"],
            entry=entry,
            upload=upload("besar.pdf", pdf_bytes() + b"0" * 2000),
        )
    assert "terlalu besar" in exc.value.messages[0]


def test_default_size_limit_is_50_mb(settings):
    assert settings.UPLOAD_MAX_BYTES == 50 * 1024 * 1024


@pytest.mark.parametrize("actor_key", ["penyedia_lain", "desk", "ppid", "atasan", "pemohon"])
def test_others_cannot_attach_to_a_units_draft(actors, actor_key):
    entry = create_entry(actors["penyedia"])
    with pytest.raises(PermissionDenied):
        attach_pdf(actors[actor_key], entry)


def test_desk_attaches_while_documenting_and_penyedia_no_longer(actors):
    entry = submitted_entry(actors["penyedia"])
    assert attach_pdf(actors["desk"], entry).informasi == entry
    with pytest.raises(PermissionDenied):
        attach_pdf(actors["penyedia"], entry)


def test_links_must_be_web_addresses(actors):
    entry = create_entry(actors["penyedia"])
    with pytest.raises(ValidationError):
        services.document_add_link(
            actor=actors["penyedia"], entry=entry, tautan="javascript:alert(1)"
        )
    document = services.document_add_link(
        actor=actors["penyedia"], entry=entry, tautan="https://jdih.contoh.go.id/sk.pdf"
    )
    assert document.judul == "https://jdih.contoh.go.id/sk.pdf"


def test_removed_document_stays_in_the_version_that_froze_it(actors):
    penyedia = actors["penyedia"]
    entry = documented_entry(penyedia, actors["desk"], document="Lampiran lama")
    versi = publish_version(actors)
    entry = workflow.entry_reopen(actor=penyedia, entry=entry)
    document = entry.dokumen.get()
    services.document_remove(actor=penyedia, dokumen=document)
    document.refresh_from_db()
    assert document.dihapus_pada is not None
    assert list(EntriVersi.objects.get(versi=versi).dokumen.all()) == [document]
    with pytest.raises(ValidationError):
        services.document_remove(actor=penyedia, dokumen=document)


def test_download_counter(actors):
    entry = create_entry(actors["penyedia"])
    services.count_download(entry.pk)
    services.count_download(entry.pk)
    entry.refresh_from_db()
    assert entry.jumlah_unduhan == 2
