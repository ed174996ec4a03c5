"""Faults (issue 7), injected for real: a mail server that is down (SMTP to a closed local port),
a media directory that cannot be written, and the database going away in the middle of a
submission (a failing statement, or the connection really closed). The submission is never
blocked by the mail, never half-written by the disk or the database, and the visitor is told
clearly that nothing was saved.
"""

from __future__ import annotations

import logging
import socket
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

from permohonan import tracking, workflow
from permohonan.models import JenisNomor, Keberatan, Keputusan, Permohonan
from ppid_portal.models import AuditLog, EmailKeluar, NomorUrut, StoredFile
from ppid_portal.roles import Role
from tests.permohonan.factories import NIK, decided
from tests.portal.samples import pdf_bytes, png_bytes
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


# --- The database going away mid-submission --------------------------------------------------


class DatabaseFault:
    """An execute wrapper that fails the first statement starting with `prefix` — the database
    going away in the middle of a step. `close=True` really closes the driver's connection
    under Django's feet first, as a server restart or a dropped network does (PostgreSQL: the
    statement then fails in the driver; an in-memory SQLite test database would be destroyed by
    closing it, so there the fault is raised as the driver would raise it)."""

    def __init__(self, table: str, *, close: bool = False):
        self.prefix = f'INSERT INTO "{table}"'
        self.close = close
        self.fired = False

    def __call__(self, execute, sql, params, many, context):
        if self.fired or not sql.lstrip().startswith(self.prefix):
            return execute(sql, params, many, context)
        self.fired = True
        if self.close and connection.vendor != "sqlite":
            connection.connection.close()
            return execute(sql, params, many, context)  # fails for real: closed
        raise OperationalError("server closed the connection unexpectedly")


def media_files() -> set[str]:
    root = Path(settings.MEDIA_ROOT)
    return (
        {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}
        if root.exists()
        else set()
    )


def counters() -> dict[str, int]:
    return dict(NomorUrut.objects.values_list("seri", "terakhir"))


def assert_nothing_written(response, before, files_before, counters_before, fault, caplog):
    assert fault.fired, f"no statement {fault.prefix}"
    assert response.status_code == 503
    html = response.content.decode()
    assert "Layanan sedang terganggu" in html and "belum tersimpan" in html
    assert "Traceback" not in html
    assert any("Basis data tidak tersedia" in r.getMessage() for r in caplog.records)
    changed = changed_counts(before, row_counts())
    changed.pop("sessions.session", None)
    assert changed == {}  # no request, objection, file row, audit record or e-mail
    assert media_files() == files_before  # the scan written before the fault is gone again
    assert counters() == counters_before  # numbering stays gapless


REQUEST_FAULTS = [
    StoredFile._meta.db_table,  # the identity scan is already on disk
    Permohonan._meta.db_table,
    AuditLog._meta.db_table,  # after the request's INSERT
    EmailKeluar._meta.db_table,  # the receipt, the last statement of the step
]


@pytest.mark.parametrize("table", REQUEST_FAULTS)
def test_database_gone_mid_request_gives_503_and_writes_nothing(
    users, table, caplog, django_capture_on_commit_callbacks
):
    client = Client(raise_request_exception=False)
    before, files_before, counters_before = row_counts(), media_files(), counters()
    fault = DatabaseFault(table)
    with (
        caplog.at_level(logging.ERROR),
        django_capture_on_commit_callbacks(execute=True),
        connection.execute_wrapper(fault),
    ):
        response = client.post(reverse("permohonan:ajukan"), request_form())
    assert_nothing_written(response, before, files_before, counters_before, fault, caplog)
    assert mail.outbox == []
    # Trying again works and takes the number the failed attempt did not keep.
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("permohonan:ajukan"), request_form()).status_code == 302
    p = Permohonan.objects.get()
    assert p.urut == counters_before.get(workflow.nomor_seri(JenisNomor.PERMOHONAN), 0) + 1
    assert len(media_files() - files_before) == 1
    assert EmailKeluar.objects.filter(penerima="siti@contoh.id").exists()


def objection_form() -> dict:
    return {
        "alasan": ["a"],
        "kasus_posisi": "Informasi menyangkut anggaran publik.",
        "tujuan_penggunaan": "Pengawasan.",
        "nama_kuasa": "Budi Santoso",
        "alamat_kuasa": "Jl. Sudirman 1",
        "telepon_kuasa": "0812 1111 2222",
        "berkas_kuasa": SimpleUploadedFile(
            "kuasa.pdf", pdf_bytes("Surat kuasa"), "application/pdf"
        ),
    }


@pytest.fixture
def refused_request(users):
    return applicant_of_refused_request(users)


def applicant_of_refused_request(users):
    """A refused request and a client holding its tracking code (the applicant)."""
    p, _k = decided(users, hasil=Keputusan.Hasil.DITOLAK_DIKECUALIKAN)
    _p, code = workflow.permohonan_reset_code(permohonan_id=p.pk, actor=users[Role.DESK])
    client = Client(raise_request_exception=False)
    client.get(tracking.tracking_path(code))
    return p, client


@pytest.mark.parametrize(
    "table",
    [
        StoredFile._meta.db_table,  # the letter of authority is already on disk
        Keberatan._meta.db_table,
        AuditLog._meta.db_table,
        EmailKeluar._meta.db_table,
    ],
)
def test_database_gone_mid_objection_gives_503_and_writes_nothing(
    refused_request, table, caplog, django_capture_on_commit_callbacks
):
    p, client = refused_request
    url = reverse("permohonan:keberatan_ajukan", args=[p.pk])
    before, files_before, counters_before = row_counts(), media_files(), counters()
    fault = DatabaseFault(table)
    with (
        caplog.at_level(logging.ERROR),
        django_capture_on_commit_callbacks(execute=True),
        connection.execute_wrapper(fault),
    ):
        response = client.post(url, objection_form())
    assert_nothing_written(response, before, files_before, counters_before, fault, caplog)
    p.refresh_from_db()
    assert not Keberatan.objects.exists() and p.status == Permohonan.Status.SELESAI
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, objection_form()).status_code == 302
    kb = Keberatan.objects.get()
    assert kb.urut == counters_before.get(workflow.nomor_seri(JenisNomor.KEBERATAN), 0) + 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("form", ["permohonan", "keberatan"])
def test_connection_closed_mid_submission(form, users, caplog):
    """No test transaction around it: the step's own transaction is the outermost one, and the
    connection it ran on is really closed (PostgreSQL). The next request reconnects."""
    if form == "permohonan":
        client = Client(raise_request_exception=False)
        url, data = reverse("permohonan:ajukan"), request_form
    else:
        p, client = applicant_of_refused_request(users)
        url, data = reverse("permohonan:keberatan_ajukan", args=[p.pk]), objection_form
    before, files_before, counters_before = row_counts(), media_files(), counters()
    fault = DatabaseFault(AuditLog._meta.db_table, close=True)
    with caplog.at_level(logging.ERROR), connection.execute_wrapper(fault):
        response = client.post(url, data())
    assert_nothing_written(response, before, files_before, counters_before, fault, caplog)
    assert client.post(url, data()).status_code == 302


# --- Every service that stores a file: a fault after the file is on disk leaves none ----------


def _scan_on_an_archive_item(users, unit):
    from tests.arsip.factories import JadwalRetensiFactory, add_scan, make_item, make_tree

    desk = users[Role.DESK]
    JadwalRetensiFactory(kode_klasifikasi="KU.01")
    item = make_item(desk, unit=unit, lokasi=make_tree(desk)["b1"])
    return lambda: add_scan(desk, item)


def _photo_of_an_activity(users, unit):
    from tests.arsip.factories import add_photo, make_kegiatan

    kegiatan = make_kegiatan(users[Role.DESK])
    return lambda: add_photo(users[Role.DESK], kegiatan)


def _document_of_a_dip_entry(users, unit, make_user):
    from tests.informasi.factories import attach_pdf, create_entry

    penyedia = make_user(Role.PENYEDIA, unit=unit)
    entry = create_entry(penyedia)
    return lambda: attach_pdf(penyedia, entry)


def _regulation_file(users, unit):
    from ppid_portal import services
    from ppid_portal.models import DokumenRegulasi

    regulasi = DokumenRegulasi(
        judul="Keterbukaan Informasi Publik",
        nomor="14",
        tahun=2008,
        jenis=DokumenRegulasi.Jenis.UNDANG_UNDANG,
    )
    upload = SimpleUploadedFile("uu-14-2008.pdf", pdf_bytes("UU 14/2008"), "application/pdf")
    return lambda: services.regulasi_save(actor=users[Role.PPID], regulasi=regulasi, upload=upload)


@pytest.mark.parametrize(
    "setup",
    [_scan_on_an_archive_item, _photo_of_an_activity, _document_of_a_dip_entry, _regulation_file],
    ids=["arsip-pindaian", "kegiatan-foto", "dip-dokumen", "regulasi"],
)
def test_a_step_rolled_back_after_its_upload_leaves_no_file(setup, users, unit, make_user):
    """The audit record is the step's last INSERT: when the database fails there, the file
    already written to disk is removed with the rolled-back rows."""
    import inspect

    extra = {"make_user": make_user} if "make_user" in inspect.signature(setup).parameters else {}
    step = setup(users, unit, **extra)
    before, files_before = row_counts(), media_files()
    fault = DatabaseFault(AuditLog._meta.db_table)
    with connection.execute_wrapper(fault), pytest.raises(OperationalError):
        step()
    assert fault.fired
    assert media_files() == files_before
    assert changed_counts(before, row_counts()) == {}
    # Without the fault the same step stores its file.
    step()
    assert len(media_files() - files_before) == 1


@pytest.mark.django_db(transaction=True)
def test_a_failure_after_the_commit_keeps_the_files_of_committed_rows():
    """discard_on_rollback removes only files whose row was rolled back: an exception raised
    by an on-commit callback, after the step committed, leaves the committed file alone."""
    from django.db import transaction

    from ppid_portal.files import discard_on_rollback, store_upload

    files_before = media_files()

    @discard_on_rollback()
    def step():
        with transaction.atomic():
            stored = store_upload(
                SimpleUploadedFile("a.pdf", pdf_bytes("a"), "application/pdf"), purpose="lainnya"
            )
            transaction.on_commit(lambda: 1 / 0)
        return stored

    with pytest.raises(ZeroDivisionError):
        step()
    stored = StoredFile.objects.get()
    assert media_files() - files_before == {stored.file.name}


def test_a_cache_that_cannot_be_written_never_fails_a_workflow_step(
    settings, tmp_path, caplog, users, django_capture_on_commit_callbacks
):
    """The page cache's generation stamps live in a folder that cannot be created (a file is in
    the way): the step is saved anyway, and the failure is logged."""
    blocker = tmp_path / "bukan-folder"
    blocker.write_text("x")
    settings.PPID_CACHE_STAMP_DIR = str(blocker / "stempel")
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        response = Client().post(reverse("permohonan:ajukan"), request_form())
    assert response.status_code == 302 and Permohonan.objects.count() == 1
    assert any("Generasi cache" in r.getMessage() for r in caplog.records)
