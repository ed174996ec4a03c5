"""Mass assignment (issue 7): a citizen's POST carrying extra fields — status, assignee and
disposition, owner or applicant id, nomor, channel, another citizen's object id, account flags —
sets none of them. The forms are plain forms with an explicit field list and the workflow
decides every such value; these tests prove it through the real pages.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.models import model_to_dict
from django.urls import reverse

from permohonan import tracking, workflow
from permohonan.models import Keberatan, Keputusan, Permohonan, SurveiKepuasan
from ppid_portal.roles import Role
from tests.permohonan.factories import NIK, decided, submit_desk, submit_online
from tests.portal.samples import png_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def other(make_user):
    """Another citizen and their request: what the extra fields point at."""
    citizen = make_user()
    p, _code = submit_online(actor=citizen, email="lain@contoh.id")
    return citizen, p


def extras(other_user, other_p, unit) -> dict:
    return {
        "status": "selesai",
        "nomor": "999/PPID/MASSAL",
        "pemilik": other_user.pk,
        "pemohon": other_user.pk,
        "user": other_user.pk,
        "dicatat_oleh": other_user.pk,
        "permohonan": other_p.pk,
        "permohonan_id": other_p.pk,
        "id": other_p.pk,
        "pk": other_p.pk,
        "unit": unit.pk,
        "disposisi": unit.pk,
        "units": [unit.pk],
        "kanal": "langsung",
        "diterima_pada": "2020-01-01 08:00",
        "keputusan_aktif": other_p.pk,
        "putusan": "mengabulkan",
        "diputus_oleh": other_user.pk,
    }


def snapshot(obj) -> dict:
    obj.refresh_from_db()
    return model_to_dict(obj)


def _grant_code(client, users, p) -> None:
    _p, code = workflow.permohonan_reset_code(permohonan_id=p.pk, actor=users[Role.DESK])
    client.get(tracking.tracking_path(code))


def test_request_form_sets_only_its_own_fields(client, users, other, unit):
    other_user, other_p = other
    before = snapshot(other_p)
    citizen = users["pemohon"]
    client.force_login(citizen)
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
        **extras(other_user, other_p, unit),
    }
    response = client.post(reverse("permohonan:ajukan"), data)
    assert response.status_code == 302
    p = Permohonan.objects.exclude(pk=other_p.pk).get()
    assert p.status == Permohonan.Status.BARU
    assert p.pemilik == citizen and p.dicatat_oleh_id in (None, citizen.pk)
    assert p.nomor != "999/PPID/MASSAL" and p.kanal == Permohonan.Kanal.ONLINE
    assert p.disposisi.count() == 0 and p.keputusan_aktif_id is None
    assert p.diterima_pada.year != 2020
    assert snapshot(other_p) == before


def test_completion_sets_only_what_the_applicant_may_correct(client, users, other, unit):
    other_user, other_p = other
    before = snapshot(other_p)
    p, _code = submit_desk(users[Role.DESK])
    workflow.permohonan_request_completion(
        permohonan_id=p.pk, actor=users[Role.DESK], kekurangan="Perjelas tahun anggaran."
    )
    nomor, pemilik = p.nomor, p.pemilik_id
    _grant_code(client, users, p)
    response = client.post(
        reverse("permohonan:lengkapi", args=[p.pk]),
        {
            "rincian_informasi": "Daftar pengadaan tahun anggaran 2026.",
            "tujuan_penggunaan": p.tujuan_penggunaan,
            "alamat": p.alamat,
            "pekerjaan": p.pekerjaan,
            "telepon": p.telepon,
            "nik": "",
            "keterangan_pelengkap": "",
            **extras(other_user, other_p, unit),
        },
    )
    assert response.status_code == 302
    p.refresh_from_db()
    assert p.status == Permohonan.Status.BARU  # the workflow's step, not "selesai"
    assert (p.nomor, p.pemilik_id, p.kanal) == (nomor, pemilik, Permohonan.Kanal.LANGSUNG)
    assert p.disposisi.count() == 0
    assert snapshot(other_p) == before


def test_keberatan_belongs_to_the_request_of_the_link(client, users, other, unit):
    other_user, other_p = other
    before = snapshot(other_p)
    p, _k = decided(users, hasil=Keputusan.Hasil.DITOLAK_DIKECUALIKAN)
    _grant_code(client, users, p)
    response = client.post(
        reverse("permohonan:keberatan_ajukan", args=[p.pk]),
        {
            "alasan": ["a"],
            "kasus_posisi": "Informasi menyangkut anggaran publik.",
            "tujuan_penggunaan": "Pengawasan.",
            **extras(other_user, other_p, unit),
        },
    )
    assert response.status_code == 302
    kb = Keberatan.objects.get()
    assert kb.permohonan_id == p.pk and kb.status == Keberatan.Status.DIAJUKAN
    assert kb.nomor != "999/PPID/MASSAL" and kb.kanal == "online"
    assert not kb.putusan and kb.diputus_oleh_id is None and kb.dicatat_oleh_id is None
    assert not Keberatan.objects.filter(permohonan=other_p).exists()
    assert snapshot(other_p) == before


def test_survey_answers_only_the_request_of_the_link(client, users, other, unit):
    other_user, other_p = other
    p, _k = decided(users)
    _grant_code(client, users, p)
    answers = {name: "4" for name, _q, _a in SurveiKepuasan.UNSUR}
    response = client.post(
        reverse("permohonan:survei", args=[p.pk]),
        {**answers, "komentar": "Baik.", **extras(other_user, other_p, unit)},
    )
    assert response.status_code == 302
    survei = SurveiKepuasan.objects.get()
    assert survei.permohonan_id == p.pk
    p.refresh_from_db()
    assert p.status == Permohonan.Status.SELESAI


def test_sign_up_cannot_make_staff(client, unit):
    from django.contrib.auth.models import Group

    ppid_group = Group.objects.get(name=Role.PPID.value)
    response = client.post(
        reverse("permohonan:daftar"),
        {
            "username": "warga_baru",
            "first_name": "Warga Baru",
            "email": "warga.baru@contoh.id",
            "password1": "Sandi-Panjang-2026!",
            "password2": "Sandi-Panjang-2026!",
            "is_staff": "on",
            "is_superuser": "on",
            "is_active": "on",
            "groups": [ppid_group.pk],
            "user_permissions": [1, 2, 3],
            "unit": unit.pk,
        },
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(username="warga_baru")
    assert not user.is_staff and not user.is_superuser
    assert user.groups.count() == 0 and user.user_permissions.count() == 0
    assert user.unit_id is None
