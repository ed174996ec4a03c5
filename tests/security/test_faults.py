"""Faults (issue 7), injected for real: a mail server that is down (SMTP to a closed local port)
and a media directory that cannot be written. The submission is never blocked by the mail and
never half-written by the disk.
"""

from __future__ import annotations

import logging
import socket

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from permohonan.models import Permohonan
from ppid_portal.models import StoredFile
from tests.permohonan.factories import NIK
from tests.portal.samples import png_bytes
from tests.security.helpers import changed_counts, row_counts

pytestmark = pytest.mark.django_db


def request_form(**overrides) -> dict:
    data = {
        "jenis_pemohon": "perorangan",
        "nama": "Siti Aminah",
        "nama_lembaga": "",
        "nik": NIK,
        "alamat": "Jl. Merdeka No. 10",
        "pekerjaan": "Wartawan",
        "telepon": "0812 3456 7890",
        "email": "siti@contoh.id",
        "rincian_informasi": "Daftar pengadaan 2026.",
        "tujuan_penggunaan": "Liputan.",
        "cara_memperoleh": "salinan_softcopy",
        "cara_salinan": "email",
        "persetujuan": "on",
        "berkas_identitas": SimpleUploadedFile("ktp.png", png_bytes(), "image/png"),
    }
    data.update(overrides)
    return data


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again when the block ends: nobody listens


def test_mail_server_down_never_blocks_a_submission(
    client, settings, users, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port()
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 3
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True) as sent:
        response = client.post(reverse("permohonan:ajukan"), request_form())
    assert response.status_code == 302
    p = Permohonan.objects.get()
    assert p.status == Permohonan.Status.BARU and p.berkas_identitas_id
    assert sent, "no notification was attempted"
    failures = [r for r in caplog.records if "gagal dikirim" in r.getMessage()]
    assert failures and all(r.levelno == logging.ERROR for r in failures)
    assert any("siti@contoh.id" in r.getMessage() for r in failures)
    # The tracking page works after the failed mail.
    assert client.get(response["Location"]).status_code == 200


def test_failing_media_write_rolls_the_request_back(settings, tmp_path, caplog):
    # A file where the media directory should be: no process (root included) can create it.
    blocker = tmp_path / "bukan-folder"
    blocker.write_text("x")
    settings.MEDIA_ROOT = blocker / "media"
    before = row_counts()
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.ERROR):
        response = client.post(reverse("permohonan:ajukan"), request_form())
    assert response.status_code == 200  # the form again, with the reason
    assert "gangguan pada server" in response.content.decode()
    assert any("tidak dapat disimpan" in r.getMessage() for r in caplog.records)
    assert not Permohonan.objects.exists() and not StoredFile.objects.exists()
    changed = changed_counts(before, row_counts())
    changed.pop("sessions.session", None)
    assert changed == {}
