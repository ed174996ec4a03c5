"""Fixity: periksa_arsip re-hashes every stored file and accounts for every file on disk."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from arsip import workflow
from arsip.models import PemeriksaanArsip, TemuanPemeriksaan
from arsip.services.pemeriksaan import pemeriksaan_run
from ppid_portal.files import store_upload
from tests.arsip.factories import add_scan, make_item, upload
from tests.portal.samples import pdf_bytes, png_bytes

pytestmark = pytest.mark.django_db

J = TemuanPemeriksaan.Jenis


@pytest.fixture
def files(settings, desk):
    """Four stored files, as the apps store them."""
    stored = [
        store_upload(upload(f"dokumen-{i}.pdf", pdf_bytes(f"Dokumen {i}")), purpose="dokumen_dip")
        for i in range(3)
    ]
    stored.append(store_upload(upload("ktp.png", png_bytes()), purpose="identitas", sensitive=True))
    return {s.original_name: (s, settings.MEDIA_ROOT / s.file.name) for s in stored}


def test_clean_archive_passes(files):
    report = pemeriksaan_run()
    assert report.hasil == PemeriksaanArsip.Hasil.BAIK
    assert report.jumlah_berkas == 4 and report.jumlah_masalah == 0
    assert report.jumlah_bita == sum(s.size for s, _p in files.values())
    assert report.selesai >= report.mulai


def test_finds_changed_missing_empty_and_orphan_files(files, settings):
    changed, changed_path = files["dokumen-0.pdf"]
    data = bytearray(changed_path.read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit of one byte
    changed_path.write_bytes(bytes(data))
    missing, missing_path = files["dokumen-1.pdf"]
    missing_path.unlink()
    empty, empty_path = files["dokumen-2.pdf"]
    empty_path.write_bytes(b"")
    orphan = settings.MEDIA_ROOT / "berkas" / "2020" / "01" / "tanpa-catatan.pdf"
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b"%PDF-1.4 sisa unggahan yang gagal")

    report = pemeriksaan_run()
    assert report.hasil == PemeriksaanArsip.Hasil.BERMASALAH
    assert report.jumlah_berkas == 4 and report.jumlah_masalah == 4
    found = {(t.jenis, t.berkas_id, t.path) for t in report.temuan.all()}
    assert found == {
        (J.BERUBAH, changed.pk, changed.file.name),
        (J.HILANG, missing.pk, missing.file.name),
        (J.KOSONG, empty.pk, empty.file.name),
        (J.YATIM, None, "berkas/2020/01/tanpa-catatan.pdf"),
    }
    row = report.temuan.get(jenis=J.BERUBAH)
    assert row.sha256_tercatat == changed.sha256 and row.sha256_terbaca != changed.sha256
    assert row.ukuran_tercatat == row.ukuran_terbaca == changed.size
    assert report.temuan.get(jenis=J.YATIM).ukuran_terbaca == orphan.stat().st_size


def test_command_exits_non_zero_when_something_is_wrong(files, capsys):
    call_command("periksa_arsip")
    assert PemeriksaanArsip.objects.get().hasil == "baik"
    _stored, path = files["dokumen-1.pdf"]
    path.unlink()
    with pytest.raises(CommandError) as exc:
        call_command("periksa_arsip")
    assert exc.value.returncode == 1
    assert "1 masalah" in str(exc.value)
    assert PemeriksaanArsip.objects.count() == 2


@pytest.mark.once  # engine-independent: CI runs it in the SQLite pass only
def test_command_exit_code_from_the_shell(files, tmp_path):
    # cron sees the exit status; run the real command line against a broken media folder.
    import os
    import subprocess
    import sys

    from django.conf import settings

    env = {
        **os.environ,
        "PPID_ENV_FILE": "/dev/null",
        "DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'kosong.sqlite3'}",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"],
        env=env,
        check=True,
        cwd=settings.BASE_DIR,
        timeout=180,
    )
    # An empty database with files on disk: every file is an orphan.
    result = subprocess.run(
        [sys.executable, "manage.py", "periksa_arsip"],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Berkas tanpa catatan (yatim)" in result.stderr


def test_destroyed_files_are_skipped_but_leftovers_reported(
    ppid, desk, atasan, unit, jadwal, tree, settings
):
    from datetime import date

    item = make_item(desk, unit=unit, lokasi=tree["b1"], mulai=date(2010, 1, 1))
    berkas = add_scan(desk, item)
    usul = workflow.pemusnahan_propose(items=[item], actor=ppid, pertimbangan="x")
    # Approved, but the on-commit deletion never ran (say the process died right after commit).
    workflow.pemusnahan_approve(usul=usul, actor=atasan, alasan="ok")
    report = pemeriksaan_run()
    (finding,) = report.temuan.all()
    assert finding.jenis == J.SISA_MUSNAH and finding.berkas_id == berkas.berkas_id
    (settings.MEDIA_ROOT / berkas.berkas.file.name).unlink()
    report = pemeriksaan_run()
    assert report.hasil == "baik" and report.jumlah_dimusnahkan == 1 and report.jumlah_berkas == 0
