"""A request refused as excepted cites a decree in force (informasi.PenetapanPengecualian) or
starts a new consequence test; the written notice names the decree and the ground; a keberatan
granted against such a refusal opens the information."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from informasi import workflow as informasi_workflow
from informasi.models import InformasiPublik, PenetapanPengecualian
from permohonan import documents, workflow
from permohonan.models import Keputusan, UjiPermohonan
from permohonan.tracking import Pemohon
from ppid_portal.models import NomorUrut
from ppid_portal.roles import Role
from tests.informasi.factories import (
    completed_uji,
    documented_entry,
    issued_penetapan,
    penetapan_berlaku,
)

from .factories import answered

# Date-sensitive: also run on both sides of local and UTC midnight (tests/clock.py).
pytestmark = [pytest.mark.django_db, pytest.mark.clock]

H = Keputusan.Hasil
PS = PenetapanPengecualian.Status


def text_of(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def people(users, make_user):
    return {
        "tim": make_user(Role.TIM_PERTIMBANGAN),
        "ppid": users[Role.PPID],
        "atasan": users[Role.ATASAN],
        "penyedia": users[Role.PENYEDIA],
        "desk": make_user(Role.DESK),
    }


def decree(users, make_user, **values) -> PenetapanPengecualian:
    p = people(users, make_user)
    entry = documented_entry(p["penyedia"], p["desk"], kategori="berkala")
    return penetapan_berlaku(
        tim=p["tim"],
        ppid=p["ppid"],
        atasan=p["atasan"],
        unit_user=p["penyedia"],
        entry=entry,
        **{"alasan": "h", **values},
    )


def refuse(users, **putusan):
    p, _d = answered(users)
    putusan = {
        "hasil": H.DITOLAK_DIKECUALIKAN,
        "dasar_pengecualian": "h",
        "alasan_pengecualian": "Membuka informasi mengungkap data pribadi pihak ketiga.",
        **putusan,
    }
    return p, workflow.permohonan_decide(
        permohonan_id=p.pk, actor=users[Role.PPID], putusan=workflow.Putusan(**putusan)
    )


def assert_refused(users, message: str, field: str = "penetapan", **putusan):
    p, _d = answered(users)
    before = (
        Keputusan.objects.count(),
        list(NomorUrut.objects.order_by("pk").values_list("terakhir")),
    )
    with pytest.raises(ValidationError) as exc:
        workflow.permohonan_decide(
            permohonan_id=p.pk,
            actor=users[Role.PPID],
            putusan=workflow.Putusan(
                hasil=H.DITOLAK_DIKECUALIKAN,
                alasan_pengecualian="Alasan.",
                **{"dasar_pengecualian": "h", **putusan},
            ),
        )
    assert message in " ".join(exc.value.message_dict[field])
    p.refresh_from_db()
    assert p.status == "diproses"
    assert (
        Keputusan.objects.count(),
        list(NomorUrut.objects.order_by("pk").values_list("terakhir")),
    ) == before


def test_a_refusal_cites_a_decree_in_force_and_the_notice_names_it(users, make_user):
    penetapan = decree(users, make_user)
    p, k = refuse(users, penetapan_id=penetapan.pk)
    assert k.penetapan == penetapan and k.nomor_penetapan == penetapan.nomor
    text = text_of(documents.read_stored(k.berkas_pdf))
    assert penetapan.nomor in text and "Pasal 17 huruf h" in text
    assert penetapan.berakhir_pada.strftime("%d-%m-%Y") in text
    # The decree's page lists the notices that cite it.
    assert list(penetapan.keputusan_set.all()) == [k]


def test_the_ground_comes_from_the_decree(users, make_user):
    penetapan = decree(users, make_user)
    _p, k = refuse(users, penetapan_id=penetapan.pk, dasar_pengecualian="")
    assert k.dasar_pengecualian == "h"
    assert_refused(
        users,
        "harus sama dengan penetapan",
        field="dasar_pengecualian",
        penetapan_id=penetapan.pk,
        dasar_pengecualian="a",
    )


def test_a_refusal_without_a_decree_must_start_a_new_test(users):
    assert_refused(users, "harus merujuk penetapan yang berlaku")
    p, k = refuse(users, mulai_uji=True)
    uji = UjiPermohonan.objects.get(permohonan=p).uji
    assert k.penetapan is None and uji.status == "draf" and uji.alasan == "h"
    assert uji.atas_permintaan and uji.informasi is None
    assert uji.judul_informasi == p.rincian_informasi[:300]
    assert uji.unit == p.disposisi.get().unit
    text = text_of(documents.read_stored(k.berkas_pdf))
    assert "Uji konsekuensi atas informasi ini sedang dilakukan" in text


def test_an_unapproved_decree_cannot_be_cited(users, make_user):
    p = people(users, make_user)
    uji = completed_uji(
        tim=p["tim"],
        ppid=p["ppid"],
        unit_user=p["penyedia"],
        entry=documented_entry(p["penyedia"], p["desk"]),
        alasan="h",
    )
    waiting = issued_penetapan(ppid=p["ppid"], uji=uji)
    assert_refused(users, "belum disetujui", penetapan_id=waiting.pk)
    informasi_workflow.penetapan_reject(actor=p["atasan"], penetapan=waiting, alasan="x")
    assert_refused(users, "tidak berlaku lagi", penetapan_id=waiting.pk)


def test_an_ended_decree_cannot_be_cited(users, make_user):
    penetapan = decree(users, make_user, berakhir_pada=timezone.localdate() + timedelta(days=3))
    # Past its last day but not yet processed by the expiry check: still refused.
    p, _d = answered(users)
    with pytest.raises(ValidationError, match="tidak mencakup"):
        workflow.permohonan_decide(
            permohonan_id=p.pk,
            actor=users[Role.PPID],
            putusan=workflow.Putusan(
                hasil=H.DITOLAK_DIKECUALIKAN,
                dasar_pengecualian="h",
                alasan_pengecualian="x",
                penetapan_id=penetapan.pk,
            ),
            at=timezone.now() + timedelta(days=4),
        )
    informasi_workflow.check_expiry(today=timezone.localdate() + timedelta(days=4))
    penetapan.refresh_from_db()
    assert penetapan.status == PS.BERAKHIR
    assert_refused(users, "tidak berlaku lagi", penetapan_id=penetapan.pk)


def test_the_decision_form_offers_decrees_in_force_only(client, users, make_user):
    in_force = decree(users, make_user)
    p, _d = answered(users)
    client.force_login(users[Role.PPID])
    page = client.get(reverse("permohonan:putus", args=[p.pk])).content.decode()
    assert in_force.nomor in page and 'name="mulai_uji"' in page
    response = client.post(
        reverse("permohonan:putus", args=[p.pk]),
        {
            "hasil": H.DITOLAK_DIKECUALIKAN,
            "dasar_pengecualian": "h",
            "alasan_pengecualian": "Data pribadi.",
            "biaya": "0",
        },
    )
    assert response.status_code == 200
    assert "harus merujuk penetapan yang berlaku" in response.content.decode()
    response = client.post(
        reverse("permohonan:putus", args=[p.pk]),
        {
            "hasil": H.DITOLAK_DIKECUALIKAN,
            "dasar_pengecualian": "h",
            "alasan_pengecualian": "Data pribadi.",
            "penetapan": in_force.pk,
            "biaya": "0",
        },
    )
    assert response.status_code == 302
    assert Keputusan.objects.get(permohonan=p).penetapan == in_force


def test_a_granted_keberatan_opens_the_cited_decree(users, make_user):
    penetapan = decree(users, make_user)
    p, _k = refuse(users, penetapan_id=penetapan.pk)
    kb = workflow.keberatan_submit(
        permohonan_id=p.pk, actor=Pemohon(p.pk), alasan=["a"], kasus_posisi="Kepentingan publik."
    )
    kb = workflow.keberatan_decide(
        keberatan_id=kb.pk,
        actor=users[Role.ATASAN],
        putusan="mengabulkan",
        pertimbangan="Kepentingan publik lebih besar.",
    )
    penetapan.refresh_from_db()
    assert penetapan.status == PS.DIBUKA
    pembukaan = penetapan.pembukaan.get()
    assert (pembukaan.jenis, kb.pembukaan, pembukaan.nomor_putusan) == (
        "keberatan",
        pembukaan,
        kb.nomor_tanggapan,
    )
    assert not InformasiPublik.objects.get(pk=penetapan.informasi_id).dikecualikan


def test_an_upheld_refusal_keeps_the_decree(users, make_user):
    penetapan = decree(users, make_user)
    p, _k = refuse(users, penetapan_id=penetapan.pk)
    kb = workflow.keberatan_submit(
        permohonan_id=p.pk, actor=Pemohon(p.pk), alasan=["a"], kasus_posisi="x"
    )
    workflow.keberatan_decide(
        keberatan_id=kb.pk, actor=users[Role.ATASAN], putusan="menguatkan", pertimbangan="y"
    )
    penetapan.refresh_from_db()
    assert penetapan.status == PS.BERLAKU


def test_staff_request_page_lists_the_tests_started_from_it(client, users):
    p, _k = refuse(users, mulai_uji=True)
    uji = UjiPermohonan.objects.get(permohonan=p).uji
    client.force_login(users[Role.PPID])
    page = client.get(reverse("permohonan:detail", args=[p.pk])).content.decode()
    assert uji.get_absolute_url() in page
