"""Staff pages: who may open what, privacy of identity data, registers and exports, queue and
register query counts, and the POST-only steps."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from permohonan import tracking, workflow
from permohonan.models import AturanTenggat, Keberatan, Keputusan, Permohonan
from permohonan.queues import QUEUES
from ppid_portal import access, audit
from ppid_portal.calendar import load_holidays
from ppid_portal.models import AuditLog, HariLibur
from ppid_portal.roles import Role

from .factories import (
    NIK,
    answered,
    applicant_data,
    assigned,
    decided,
    objected,
    submit_desk,
    submit_online,
    verified,
)

pytestmark = pytest.mark.django_db
P, D, PP, A, T, B = (
    Role.PENYEDIA,
    Role.DESK,
    Role.PPID,
    Role.ATASAN,
    Role.TIM_PERTIMBANGAN,
    Role.PEMBINA,
)
MASKED = "************" + NIK[-4:]

# Every action of the app × role. "pemohon" is a citizen account, "anonim" a visitor.
MATRIX = {
    "permohonan.ajukan": {P, D, PP, A, T, B, "pemohon", "anonim"},
    "permohonan.lacak": {P, D, PP, A, T, B, "pemohon", "anonim"},
    "permohonan.akun_daftar": {P, D, PP, A, T, B, "pemohon", "anonim"},
    "permohonan.saya": {P, D, PP, A, T, B, "pemohon"},
    "permohonan.catat": {D},
    "permohonan.lihat": {P, D, PP, A},
    "permohonan.identitas": {D, PP, A},
    "permohonan.periksa": {D, PP},
    "permohonan.disposisi": {PP},
    "permohonan.jawab_unit": {P},
    "permohonan.putus": {PP},
    "permohonan.mulai_uji": {P, PP, T},
    "permohonan.perpanjang": {PP},
    "permohonan.penyampaian": {D, PP},
    "permohonan.tarik_desk": {D},
    "permohonan.kode_baru": {D, PP},
    "permohonan.register": {D, PP, A, B},
    "permohonan.aturan": {PP},
    "keberatan.lihat": {D, PP, A},
    "keberatan.catat": {D},
    "keberatan.putus": {A},
    "keberatan.tanggapan_pemohon": {D, PP},
    "sengketa.catat": {PP, A},
    "permohonan.prosedur": {P, D, PP, A, T, B, "pemohon", "anonim"},
    "permohonan.survei": {P, D, PP, A, T, B, "pemohon", "anonim"},
}


def test_matrix_covers_every_action_of_the_app():
    ours = {
        a
        for a in access.registered_actions()
        if a.split(".")[0] in ("permohonan", "keberatan", "sengketa")
    }
    assert ours == set(MATRIX)


@pytest.mark.parametrize("action", sorted(MATRIX))
@pytest.mark.parametrize("role", [*Role, "pemohon", "anonim"])
def test_permission_matrix(users, action, role):
    user = AnonymousUser() if role == "anonim" else users[role]
    expected = role in MATRIX[action]
    assert access.can(user, action) is expected
    if not expected:
        with pytest.raises(PermissionDenied):
            access.require(user, action)


# --- request detail and privacy ------------------------------------------------------------------


def test_desk_sees_identity_penyedia_of_the_unit_does_not(client, users):
    p, _code = submit_online()
    workflow.permohonan_verify(permohonan_id=p.pk, actor=users[D])
    workflow.permohonan_assign(permohonan_id=p.pk, actor=users[PP], units=[users[P].unit])
    url = p.get_absolute_url()
    client.force_login(users[D])
    html = client.get(url).content.decode()
    assert NIK in html and p.alamat in html and p.email in html
    assert reverse("permohonan:identitas", args=[p.pk]) in html
    client.force_login(users[P])
    html = client.get(url).content.decode()
    assert p.rincian_informasi in html
    for secret in (
        NIK,
        MASKED,
        p.alamat,
        p.email,
        p.telepon,
        p.nama,
        reverse("permohonan:identitas", args=[p.pk]),
    ):
        assert secret not in html
    assert "Data pribadi pemohon tidak ditampilkan" in html


def test_guessed_ids_give_404_to_an_unassigned_penyedia(client, users, make_user):
    p, _d = answered(users)
    stranger = make_user(Role.PENYEDIA)
    client.force_login(stranger)
    assert client.get(p.get_absolute_url()).status_code == 404
    doc = p.dokumen.get()
    assert client.get(reverse("permohonan:dokumen", args=[doc.pk])).status_code == 404
    client.force_login(users[P])
    assert client.get(reverse("permohonan:dokumen", args=[doc.pk])).status_code == 200


@pytest.mark.parametrize("who,status", [(B, 403), (T, 403), ("pemohon", 403)])
def test_others_cannot_open_a_request(client, users, who, status):
    p, _ = submit_desk(users[D])
    client.force_login(users[who])
    assert client.get(p.get_absolute_url()).status_code == status


def test_anonymous_staff_pages_redirect_to_login(client, users):
    p, _ = submit_desk(users[D])
    response = client.get(p.get_absolute_url())
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_identity_scan_reads_are_audited_and_limited(client, users):
    p, code = submit_desk(users[D])
    p = workflow.permohonan_request_completion(permohonan_id=p.pk, actor=users[D], kekurangan="KTP")
    from .factories import ktp

    workflow.permohonan_complete(
        permohonan_id=p.pk, actor=tracking.Pemohon(p.pk), data={}, berkas_identitas=ktp()
    )
    url = reverse("permohonan:identitas", args=[p.pk])
    client.force_login(users[PP])
    response = client.get(url)
    assert response.status_code == 200
    # Read to the end, as a server would (closing it by hand would fire request_finished).
    assert b"".join(response.streaming_content)
    p.refresh_from_db()
    (log,) = AuditLog.objects.filter(action="berkas.unduh")
    assert log.actor == users[PP] and p.nomor in log.note
    for who in (P, B, T, "pemohon"):
        client.force_login(users[who])
        assert client.get(url).status_code in (403, 404)
    assert AuditLog.objects.filter(action="berkas.unduh").count() == 1


def test_staff_steps_are_post_only(client, users):
    p, _ = submit_desk(users[D])
    client.force_login(users[D])
    for name in ("verifikasi", "perlu_dilengkapi", "gugur", "tarik_desk", "kode_baru"):
        assert client.get(reverse(f"permohonan:{name}", args=[p.pk])).status_code == 405


def test_desk_flow_through_the_pages(client, users, mailoutbox, django_capture_on_commit_callbacks):
    client.force_login(users[D])
    response = client.post(
        reverse("permohonan:catat"),
        {
            "kanal": "telepon",
            "tanggal_diterima": timezone.localdate().isoformat(),
            "jenis_pemohon": "perorangan",
            "nama": "Pak Darto",
            "alamat": "Desa Sukamaju",
            "pekerjaan": "Petani",
            "telepon": "0813 1111 2222",
            "rincian_informasi": "Jadwal penyaluran bantuan.",
            "tujuan_penggunaan": "Informasi warga.",
            "cara_memperoleh": "melihat",
        },
    )
    p = Permohonan.objects.get()
    assert response["Location"] == reverse("permohonan:tercatat", args=[p.pk])
    page = client.get(response["Location"]).content.decode()
    assert p.nomor in page and 'id="kode-pelacakan"' in page
    assert p.kanal == "telepon" and p.dicatat_oleh == users[D]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("permohonan:verifikasi", args=[p.pk]))
    p.refresh_from_db()
    assert p.status == Permohonan.Status.DIVERIFIKASI
    assert users[PP].email in {m.to[0] for m in mailoutbox}


def test_desk_form_refuses_future_dates(client, users):
    client.force_login(users[D])
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(
        reverse("permohonan:catat"), {"kanal": "surat", "tanggal_diterima": tomorrow.isoformat()}
    )
    assert "tidak boleh di masa depan" in response.content.decode()
    assert Permohonan.objects.count() == 0


def test_ppid_assigns_penyedia_answers_ppid_decides(client, users):
    p = verified(users)
    client.force_login(users[PP])
    client.post(
        reverse("permohonan:disposisi", args=[p.pk]),
        {"units": [users[P].unit.pk], "catatan": "Segera"},
    )
    d = p.disposisi.get()
    client.force_login(users[P])
    from .factories import pdf

    response = client.post(
        reverse("permohonan:jawab", args=[d.pk]),
        {"pilihan": "tersedia", "berkas": [pdf("a.pdf"), pdf("b.pdf")], "jawaban": "Terlampir"},
    )
    assert response.status_code == 302
    assert p.dokumen.count() == 2
    client.force_login(users[PP])
    url = reverse("permohonan:putus", args=[p.pk])
    past = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client.post(
        url, {"hasil": "belum_didokumentasikan", "tanggal_didokumentasikan": past, "biaya": "0"}
    )
    assert "harus setelah hari ini" in response.content.decode()
    assert Keputusan.objects.count() == 0
    response = client.post(
        url,
        {
            "hasil": "diberikan_seluruhnya",
            "dokumen": list(p.dokumen.values_list("pk", flat=True)),
            "bentuk": "softcopy",
            "biaya": "0",
            "cara_penyampaian": "email",
            "waktu_penyampaian": "Segera",
        },
    )
    assert response.status_code == 302
    k = Keputusan.objects.get()
    assert k.dokumen.count() == 2
    pdf_response = client.get(reverse("permohonan:pemberitahuan", args=[k.pk]))
    content = b"".join(pdf_response.streaming_content)
    assert k.nomor in "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_penyedia_cannot_answer_for_another_unit(client, users, make_user):
    _p, d = assigned(users)
    client.force_login(make_user(Role.PENYEDIA))
    assert client.get(reverse("permohonan:jawab", args=[d.pk])).status_code == 404


def test_atasan_decides_a_keberatan(client, users):
    _p, kb = objected(users)
    url = reverse("permohonan:keberatan_putus", args=[kb.pk])
    client.force_login(users[PP])
    assert client.get(url).status_code == 403
    client.force_login(users[A])
    response = client.post(url, {"putusan": "menguatkan", "pertimbangan": ""})
    assert "Bidang ini tidak boleh kosong" in response.content.decode()
    response = client.post(url, {"putusan": "menguatkan", "pertimbangan": "Pengecualian sah."})
    assert response["Location"] == kb.get_absolute_url()
    kb.refresh_from_db()
    assert kb.status == Keberatan.Status.DIPUTUS
    page = client.get(kb.get_absolute_url()).content.decode()
    assert kb.nomor_tanggapan in page


def test_desk_records_a_keberatan_at_the_counter(client, users):
    p, _k = decided(users, hasil=Keputusan.Hasil.DITOLAK_DIKECUALIKAN)
    client.force_login(users[D])
    response = client.post(
        reverse("permohonan:keberatan_desk", args=[p.pk]),
        {"alasan": ["a"], "kasus_posisi": "Datang langsung.", "tujuan_penggunaan": "x"},
    )
    kb = Keberatan.objects.get()
    assert response["Location"] == kb.get_absolute_url() and kb.kanal == "desk"


def test_sengketa_recorded_by_ppid(client, users):
    p, kb = objected(users)
    workflow.keberatan_decide(
        keberatan_id=kb.pk, actor=users[A], putusan="menguatkan", pertimbangan="x"
    )
    client.force_login(users[PP])
    response = client.post(
        reverse("permohonan:sengketa_catat", args=[p.pk]),
        {
            "keberatan": kb.pk,
            "nomor_register": "01/KI/2026",
            "tanggal_diajukan": timezone.localdate().isoformat(),
            "tahap": "mediasi",
        },
    )
    assert response.status_code == 302
    assert p.sengketa_set.get().nomor_register == "01/KI/2026"


# --- queues and registers ----------------------------------------------------------------------


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _more_data(users, n):
    for _ in range(n):
        submit_desk(users[D])
        assigned(users)
        objected(users)


@pytest.mark.parametrize("key", sorted(QUEUES))
def test_queue_pages_use_few_queries_whatever_the_size(
    client, users, key, django_assert_max_num_queries
):
    roles = QUEUES[key][1]
    url = reverse(QUEUES[key][3])
    client.force_login(users[roles[0]])
    _more_data(users, 1)
    client.get(url)  # the calendar of this year is filled once
    small = _queries(client, url)
    _more_data(users, 3)
    with django_assert_max_num_queries(8):
        client.get(url)
    assert _queries(client, url) == small


def test_queue_pages_are_for_their_roles_only(client, users):
    client.force_login(users[P])
    assert client.get(reverse("permohonan:antrean_atasan_keberatan")).status_code == 403
    assert client.get(reverse("permohonan:antrean_penyedia_unit")).status_code == 200


@pytest.mark.parametrize("name", ["register_permohonan", "register_keberatan"])
def test_register_pages_use_few_queries(client, users, name, django_assert_max_num_queries):
    url = reverse(f"permohonan:{name}")
    client.force_login(users[PP])
    _more_data(users, 1)
    client.get(url)
    small = _queries(client, url + "?status=&kanal=")
    _more_data(users, 3)
    decided(users)
    with django_assert_max_num_queries(8):
        client.get(url + "?status=&kanal=")
    assert _queries(client, url + "?status=&kanal=") == small


def test_dashboard_queries_do_not_grow_with_data(client, users):
    client.force_login(users[PP])
    _more_data(users, 1)
    client.get(reverse("portal:dashboard"))
    small = _queries(client, reverse("portal:dashboard"))
    _more_data(users, 3)
    assert _queries(client, reverse("portal:dashboard")) == small


def test_dashboard_shows_due_dates_and_overdue(client, users):
    late, _ = submit_desk(users[D], days_ago=25)
    workflow.permohonan_verify(permohonan_id=late.pk, actor=users[D])
    client.force_login(users[PP])
    html = client.get(reverse("portal:dashboard")).content.decode()
    assert late.nomor in html and "Terlambat" in html
    assert late.tenggat_pemberitahuan.strftime("%d-%m-%Y") in html


def test_register_masks_nik_on_page_and_in_exports(client, users):
    p, k = decided(users, hasil=Keputusan.Hasil.DITOLAK_DIKECUALIKAN)
    client.force_login(users[B])
    url = reverse("permohonan:register_permohonan")
    html = client.get(url).content.decode()
    assert MASKED in html and NIK not in html and p.nomor in html
    xlsx = client.get(url + "?ekspor=xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert MASKED in cells and NIK not in cells and p.nomor in cells
    assert "Alasan penolakan / penghitaman" in cells
    pdf = client.get(url + "?ekspor=pdf")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert p.nomor in text and k.nomor in text and NIK not in text


def test_register_keberatan_export(client, users):
    p, kb = objected(users)
    client.force_login(users[A])
    url = reverse("permohonan:register_keberatan")
    assert kb.nomor in client.get(url).content.decode()
    sheet = load_workbook(io.BytesIO(client.get(url + "?ekspor=xlsx").content)).active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert kb.nomor in cells and p.nomor in cells and NIK not in cells
    text = "".join(
        page.extract_text()
        for page in PdfReader(io.BytesIO(client.get(url + "?ekspor=pdf").content)).pages
    )
    assert kb.nomor in text


def test_register_filters_on_the_page(client, users):
    letter, _ = submit_desk(users[D], kanal="surat")
    walk_in, _ = submit_desk(users[D])
    client.force_login(users[D])
    html = client.get(reverse("permohonan:register_permohonan") + "?kanal=surat").content.decode()
    assert letter.nomor in html and walk_in.nomor not in html
    bad = client.get(
        reverse("permohonan:register_permohonan") + "?dari=2026-12-31&sampai=2026-01-01"
    )
    assert "Tanggal akhir harus setelah tanggal awal" in bad.content.decode()


@pytest.mark.parametrize("who", [P, T, "pemohon"])
def test_registers_are_closed_to_others(client, users, who):
    client.force_login(users[who])
    assert client.get(reverse("permohonan:register_permohonan")).status_code == 403
    assert client.get(reverse("permohonan:register_keberatan") + "?ekspor=xlsx").status_code == 403


# --- navigation, calendar, profiles ----------------------------------------------------------


@pytest.mark.parametrize(
    "who,present,absent",
    [
        (D, ["Catat permohonan", "Register permohonan"], ["Kalender hari libur", "Aturan tenggat"]),
        (PP, ["Register keberatan", "Kalender hari libur", "Aturan tenggat"], ["Catat permohonan"]),
        (P, [], ["Catat permohonan", "Register permohonan", "Kalender hari libur"]),
        (B, ["Register permohonan"], ["Catat permohonan", "Aturan tenggat"]),
    ],
)
def test_staff_nav_shows_only_usable_links(client, users, who, present, absent):
    client.force_login(users[who])
    html = client.get("/").content.decode()
    for text in present:
        assert text in html
    for text in absent:
        assert text not in html


def test_citizen_nav_has_my_requests(client, users):
    client.force_login(users["pemohon"])
    html = client.get("/").content.decode()
    assert reverse("permohonan:saya") in html


def test_ppid_adds_and_removes_a_holiday(client, users):
    load_holidays([2026])
    client.force_login(users[PP])
    url = reverse("permohonan:kalender")
    assert "Tahun Baru" in client.get(url + "?tahun=2026").content.decode()
    response = client.post(
        url,
        {"tanggal": "2026-11-03", "nama": "Hari jadi kabupaten", "catatan": "SK Bupati 12/2026"},
    )
    assert response.status_code == 302
    day = HariLibur.objects.get(tanggal="2026-11-03")
    assert day.libur and [r.action for r in audit.history(day)] == ["kalender.tambah"]
    response = client.post(url, {"tanggal": "2026-11-07", "nama": "Sabtu", "catatan": "x"})
    assert "Sabtu dan Minggu" in response.content.decode()
    client.post(reverse("permohonan:kalender_hapus", args=[day.pk]), {"catatan": "Dibatalkan"})
    assert not HariLibur.objects.filter(tanggal="2026-11-03").exists()
    assert AuditLog.objects.filter(action="kalender.hapus").count() == 1


@pytest.mark.parametrize("who", [D, A, P])
def test_calendar_and_profiles_are_for_the_ppid(client, users, who):
    client.force_login(users[who])
    assert client.get(reverse("permohonan:kalender")).status_code == 403
    assert client.get(reverse("permohonan:aturan")).status_code == 403


def test_ppid_adds_an_election_profile(client, users):
    client.force_login(users[PP])
    response = client.post(
        reverse("permohonan:aturan_tambah"),
        {
            "nama": "Perki 1/2019 (informasi pemilu)",
            "dasar_hukum": "Perki 1/2019",
            "hari_pemberitahuan": 5,
            "hari_perpanjangan_maks": 2,
            "hari_keberatan": 30,
            "hari_tanggapan_atasan": 30,
            "hari_sengketa": 14,
            "hari_pemeriksaan_kelengkapan": 1,
            "hari_melengkapi": 2,
            "jam_kelengkapan": "jeda",
            "hari_pelaksanaan_keberatan": 3,
            "aktif": "on",
        },
    )
    assert response.status_code == 302
    pemilu = AturanTenggat.objects.get(nama__startswith="Perki 1/2019")
    assert AuditLog.objects.filter(action="aturan.tambah").exists()
    # With two active profiles the forms let the applicant and the desk choose.
    client.logout()
    assert (
        "Jenis informasi (aturan jangka waktu)"
        in client.get(reverse("permohonan:ajukan")).content.decode()
    )
    p, _ = workflow.permohonan_submit(
        actor=users[D],
        kanal="langsung",
        data=applicant_data(),
        aturan=pemilu,
    )
    assert p.rules.pemberitahuan == 5
