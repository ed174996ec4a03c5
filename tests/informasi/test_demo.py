import io

import pytest

from informasi import demo
from informasi.models import EntriVersi, InformasiPublik, Kategori, VersiDIP
from ppid_portal import demo as portal_demo

pytestmark = pytest.mark.django_db


def test_demo_publishes_a_realistic_dip_and_is_idempotent():
    out = io.StringIO()
    portal_demo.seed(out)
    demo.seed(out)
    published = VersiDIP.objects.get(status=VersiDIP.Status.DIPUBLIKASIKAN)
    rows = EntriVersi.objects.filter(versi=published)
    assert rows.count() >= 40
    assert set(rows.values_list("kategori", flat=True)) == set(Kategori.values)
    assert rows.values("unit").distinct().count() >= 4
    assert rows.filter(dokumen__berkas__content_type="application/pdf").exists()
    assert rows.filter(dokumen__berkas__content_type__contains="wordprocessingml").exists()
    # Versions 1 and 2 replaced by version 3, which carries the excepted information's changes.
    assert VersiDIP.objects.filter(status=VersiDIP.Status.DIGANTIKAN).count() == 2
    statuses = set(InformasiPublik.objects.values_list("status", flat=True))
    assert {"draf", "diajukan", "dikembalikan", "didokumentasikan", "dicabut"} <= statuses
    counts = (InformasiPublik.objects.count(), VersiDIP.objects.count())
    demo.seed(out)
    assert (InformasiPublik.objects.count(), VersiDIP.objects.count()) == counts
    assert "sudah ada" in out.getvalue()


def test_demo_has_decrees_in_force_one_ending_soon_and_one_ended():
    from informasi.models import PenetapanPengecualian, UjiKonsekuensi
    from permohonan import demo as permohonan_demo
    from permohonan.models import Keputusan

    out = io.StringIO()
    portal_demo.seed(out)
    demo.seed(out)
    permohonan_demo.seed(out)
    S = PenetapanPengecualian.Status
    in_force = PenetapanPengecualian.objects.filter(status=S.BERLAKU)
    assert in_force.count() >= 3
    assert in_force.filter(permanen=True).exists()
    assert in_force.filter(cakupan="sebagian", dokumen_sensor__isnull=False).exists()
    assert in_force.filter(antrean_pada__isnull=False).count() == 1  # ending soon, queued
    ended = PenetapanPengecualian.objects.get(status=S.BERAKHIR)
    assert not ended.informasi.dikecualikan
    assert UjiKonsekuensi.objects.filter(status=UjiKonsekuensi.Status.DIEDARKAN).exists()
    refusal = Keputusan.objects.filter(penetapan__isnull=False).get()
    assert refusal.hasil == "ditolak_dikecualikan"
    counts = (PenetapanPengecualian.objects.count(), UjiKonsekuensi.objects.count())
    demo.seed(out)
    assert (PenetapanPengecualian.objects.count(), UjiKonsekuensi.objects.count()) == counts
