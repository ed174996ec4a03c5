import io

import pytest
from django.core.management import call_command
from PIL import Image

from arsip.models import ItemArsip, JadwalRetensi, Kegiatan, LampiranKegiatan, Lokasi

pytestmark = pytest.mark.django_db


def test_seed_demo_builds_the_archive_and_is_idempotent():
    call_command("seed_demo", stdout=io.StringIO())
    counts = [
        Lokasi.objects.count(),
        ItemArsip.objects.count(),
        JadwalRetensi.objects.count(),
        Kegiatan.objects.count(),
        LampiranKegiatan.objects.count(),
    ]
    assert Lokasi.objects.filter(jenis="boks").exists()
    assert ItemArsip.objects.filter(lokasi__jenis="boks").count() >= 5
    assert all(item.jadwal_id for item in ItemArsip.objects.all())
    assert Kegiatan.objects.filter(publik=True).count() == 2
    assert Kegiatan.objects.filter(publik=False).exists()
    photos = LampiranKegiatan.objects.filter(jenis="foto").select_related("berkas")
    assert photos.count() == 2
    for photo in photos:
        with photo.berkas.file.open("rb") as handle:
            image = Image.open(handle)
            image.verify()
        assert photo.berkas.content_type in {"image/png", "image/jpeg"}
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert [
        Lokasi.objects.count(),
        ItemArsip.objects.count(),
        JadwalRetensi.objects.count(),
        Kegiatan.objects.count(),
        LampiranKegiatan.objects.count(),
    ] == counts
    assert "Arsip:" in out.getvalue()
