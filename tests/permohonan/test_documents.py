"""Every letter renders as a real PDF carrying its numbers and dates (read back with pypdf)."""

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from pypdf import PdfReader

from permohonan import documents, workflow
from permohonan.models import Keputusan
from ppid_portal.roles import Role

from .factories import decided, objected, submit_desk

# Date-sensitive: also run on both sides of local and UTC midnight (tests/clock.py).
pytestmark = [pytest.mark.django_db, pytest.mark.clock]


def text_of(content: bytes) -> str:
    assert content.startswith(b"%PDF")
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def d(value) -> str:
    """A date as the office reads it: a datetime's day in the office's zone, not in UTC."""
    if isinstance(value, datetime):
        value = value.astimezone(ZoneInfo(settings.TIME_ZONE))
    return value.strftime("%d-%m-%Y")


def test_receipt_has_number_dates_and_the_code_only_when_given(users):
    p, code = submit_desk(users[Role.DESK])
    text = text_of(documents.tanda_bukti_pdf(p, code=code))
    assert p.nomor in text and d(p.diterima_pada) in text and d(p.tenggat_pemberitahuan) in text
    assert code in text and "TANDA BUKTI" in text
    assert code not in text_of(documents.tanda_bukti_pdf(p))
    # The receipt masks the NIK.
    assert p.nik not in text and p.nik[-4:] in text


@pytest.mark.parametrize(
    "hasil,extra,expected",
    [
        (Keputusan.Hasil.DIBERIKAN_SELURUHNYA, {}, ["Diberikan seluruhnya", "Tanpa biaya"]),
        (
            Keputusan.Hasil.DIBERIKAN_SEBAGIAN,
            {
                "bagian_dihitamkan": "Nomor rekening pihak ketiga",
                "alasan_penghitaman": "Data pribadi",
                "dasar_pengecualian": "h",
                "alasan_pengecualian": "Rahasia pribadi",
                "biaya": 15000,
                "rincian_biaya": "30 lembar",
                "cara_pembayaran": "Tunai",
            },
            ["Diberikan sebagian", "Nomor rekening pihak ketiga", "Pasal 17 huruf h", "Rp 15.000"],
        ),
        (
            Keputusan.Hasil.DITOLAK_DIKECUALIKAN,
            {},
            [
                "Ditolak karena informasi dikecualikan",
                "Pasal 17 huruf h",
                "Uji konsekuensi atas informasi ini sedang dilakukan",
            ],
        ),
        (
            Keputusan.Hasil.TIDAK_DIKUASAI,
            {"badan_penguasa": "Dinas Kependudukan"},
            ["Informasi tidak dikuasai", "Dinas Kependudukan"],
        ),
    ],
)
def test_written_notice_for_each_outcome(users, hasil, extra, expected):
    p, k = decided(users, hasil=hasil, **extra)
    text = text_of(documents.read_stored(k.berkas_pdf))
    assert k.nomor in text and p.nomor in text and d(k.tanggal) in text
    assert d(documents.keberatan_last_day_for(k)) in text and "keberatan" in text
    for phrase in expected:
        assert phrase in text, phrase


def test_written_notice_not_yet_documented_has_the_date(users):
    from datetime import timedelta

    from django.utils import timezone

    when = timezone.localdate() + timedelta(days=20)
    _p, k = decided(
        users, hasil=Keputusan.Hasil.BELUM_DIDOKUMENTASIKAN, tanggal_didokumentasikan=when
    )
    assert d(when) in text_of(documents.read_stored(k.berkas_pdf))


def test_keberatan_receipt_and_answer(users):
    p, kb = objected(users, alasan=["a", "g"])
    text = text_of(documents.tanda_bukti_keberatan_pdf(kb))
    assert kb.nomor in text and p.nomor in text and d(kb.tenggat_tanggapan) in text
    assert "a. permohonan ditolak" in text and "g. penyampaian informasi" in text
    kb = workflow.keberatan_decide(
        keberatan_id=kb.pk,
        actor=users[Role.ATASAN],
        putusan="mengabulkan",
        pertimbangan="Kepentingan publik lebih besar.",
    )
    text = text_of(documents.read_stored(kb.berkas_tanggapan))
    assert kb.nomor_tanggapan in text and kb.nomor in text
    assert d(kb.tanggal_tanggapan) in text and d(kb.tenggat_sengketa) in text
    assert d(kb.tenggat_pelaksanaan) in text and "Komisi Informasi" in text
