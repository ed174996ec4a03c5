"""Public pages: the request form, tracking, completing, withdrawing and objecting, accounts."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from permohonan import tracking, workflow
from permohonan.models import Keberatan, Keputusan, Permohonan
from ppid_portal.models import AuditLog, StoredFile
from ppid_portal.roles import Role
from tests.portal.samples import pdf_bytes, png_bytes

from .factories import NIK, decided, submit_desk, submit_online

pytestmark = pytest.mark.django_db
AJUKAN = reverse("permohonan:ajukan")
LACAK = reverse("permohonan:lacak")


def form_data(**overrides):
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
    return {k: v for k, v in data.items() if v is not None}


def test_form_has_every_perki_field(client):
    html = client.get(AJUKAN).content.decode()
    for name in (
        "jenis_pemohon",
        "nama",
        "nama_lembaga",
        "nik",
        "berkas_identitas",
        "alamat",
        "pekerjaan",
        "telepon",
        "email",
        "rincian_informasi",
        "tujuan_penggunaan",
        "cara_memperoleh",
        "cara_salinan",
        "persetujuan",
        "situs_web",
    ):
        assert f'name="{name}"' in html, name
    for label in ("Perorangan", "Kelompok orang", "Badan hukum", "Mengambil langsung", "Faksimili"):
        assert label in html


@pytest.mark.clock  # also at both sides of local and UTC midnight
def test_submission_shows_number_and_code_once_and_mails_the_link(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(AJUKAN, form_data())
    p = Permohonan.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "permohonan:terkirim", args=[p.pk]
    )
    page = client.get(response["Location"]).content.decode()
    code = re.search(r'id="kode-pelacakan"[^>]*>([A-Z0-9-]+)<', page).group(1)
    assert p.nomor in page and tracking.verify(p.nomor, code) == p
    mail = next(m for m in mailoutbox if m.to == ["siti@contoh.id"])
    assert code in mail.body
    # The receipt printed now carries the code; it is a real PDF.
    receipt = client.get(reverse("permohonan:lacak_tanda_bukti", args=[p.pk]))
    assert receipt["Content-Type"] == "application/pdf"


@pytest.mark.parametrize(
    "overrides,message",
    [
        ({"nama": ""}, "Bidang ini tidak boleh kosong"),
        ({"rincian_informasi": ""}, "Bidang ini tidak boleh kosong"),
        ({"nik": "1234"}, "NIK harus terdiri atas 16 angka"),
        ({"nik": "3201019913900001"}, "NIK tidak valid"),
        ({"nik": ""}, "NIK wajib diisi untuk pemohon perorangan"),
        ({"persetujuan": None}, "menyetujui pernyataan pemohon"),
        ({"berkas_identitas": None}, "Bidang ini tidak boleh kosong"),
        ({"email": "bukan-email"}, "Masukkan alamat email yang valid"),
        # Files are made per run: an upload object is read to its end by the first request.
        (
            {"berkas_identitas": lambda: SimpleUploadedFile("ktp.png", b"<svg/>", "image/png")},
            "Jenis berkas tidak diterima",
        ),
        (
            {"berkas_identitas": lambda: SimpleUploadedFile("ktp.exe", png_bytes(), "image/png")},
            "berakhiran",
        ),
        ({"jenis_pemohon": "badan_hukum", "nama_lembaga": ""}, "Nama kelompok atau badan hukum"),
    ],
)
def test_bad_input_gives_a_clear_message_and_creates_nothing(client, overrides, message):
    overrides = {key: value() if callable(value) else value for key, value in overrides.items()}
    response = client.post(AJUKAN, form_data(**overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Periksa kembali isian" in html
    assert Permohonan.objects.count() == 0 and StoredFile.objects.count() == 0


def test_oversize_scan_is_refused(client, settings):
    settings.PPID_IDENTITAS_MAX_MB = 1
    big = SimpleUploadedFile("ktp.pdf", pdf_bytes() + b"0" * (1024 * 1024), "application/pdf")
    response = client.post(AJUKAN, form_data(berkas_identitas=big))
    assert "Berkas terlalu besar" in response.content.decode()
    assert Permohonan.objects.count() == 0


def test_honeypot_stops_robots(client):
    response = client.post(AJUKAN, form_data(situs_web="http://spam.example"))
    assert response.status_code == 200
    assert "tidak dapat diproses" in response.content.decode()
    assert Permohonan.objects.count() == 0


def test_request_form_is_rate_limited_per_address(client, settings):
    settings.PPID_BATAS_AJUKAN = (2, 3600)
    for _ in range(2):
        client.post(AJUKAN, form_data(nama=""))
    response = client.post(AJUKAN, form_data())
    assert response.status_code == 429
    assert "Terlalu banyak percobaan" in response.content.decode()
    assert Permohonan.objects.count() == 0
    other = client.post(AJUKAN, form_data(), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_request_while_signed_in_belongs_to_the_account(client, users, make_user):
    client.force_login(users["pemohon"])
    client.post(AJUKAN, form_data())
    p = Permohonan.objects.get()
    assert p.pemilik == users["pemohon"]
    page = client.get(reverse("permohonan:saya")).content.decode()
    assert p.nomor in page
    # The owner opens it without the code; another citizen cannot.
    assert client.get(reverse("permohonan:lacak_detail", args=[p.pk])).status_code == 200
    client.force_login(make_user())
    assert p.nomor not in client.get(reverse("permohonan:saya")).content.decode()
    assert client.get(reverse("permohonan:lacak_detail", args=[p.pk])).status_code == 404


def test_my_requests_needs_login(client):
    response = client.get(reverse("permohonan:saya"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def _body(response) -> str:
    html = response.content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_tracking_failures_are_indistinguishable(client, users):
    p, code = submit_desk(users[Role.DESK])
    wrong_number = client.post(LACAK, {"nomor": "999/PPID/I/2026", "kode": code})
    wrong_code = client.post(LACAK, {"nomor": "999/PPID/I/2026", "kode": "AAAA-BBBB-CCCC-DDDD"})
    right_number_wrong_code = client.post(LACAK, {"nomor": "999/PPID/I/2026", "kode": code})
    assert wrong_number.status_code == wrong_code.status_code == 200
    # The same page whatever was wrong (the typed number is echoed back in both).
    assert _body(wrong_number) == _body(right_number_wrong_code)
    other = client.post(LACAK, {"nomor": p.nomor, "kode": "AAAA-BBBB-CCCC-DDDD"})
    assert _body(other).replace(p.nomor, "X") == _body(wrong_code).replace("999/PPID/I/2026", "X")
    assert "tidak cocok" in _body(other)
    ok = client.post(LACAK, {"nomor": p.nomor.lower(), "kode": code.lower().replace("-", " ")})
    assert ok.status_code == 302 and ok["Location"] == reverse(
        "permohonan:lacak_detail", args=[p.pk]
    )


def test_tracking_is_rate_limited(client, settings, users):
    settings.PPID_BATAS_LACAK = (3, 900)
    p, code = submit_desk(users[Role.DESK])
    for _ in range(3):
        client.post(LACAK, {"nomor": p.nomor, "kode": "SALAH"})
    # Even the right code is refused until the window passes.
    response = client.post(LACAK, {"nomor": p.nomor, "kode": code})
    assert response.status_code == 429
    assert client.get(reverse("permohonan:lacak_tautan", args=[code])).status_code == 429


def test_tracking_link_grants_this_session_only(client, users):
    p, code = submit_desk(users[Role.DESK])
    detail = reverse("permohonan:lacak_detail", args=[p.pk])
    assert client.get(detail).status_code == 404
    bad = client.get(reverse("permohonan:lacak_tautan", args=["AAAABBBBCCCCDDDD"]))
    assert bad.status_code == 200 and "tidak cocok" in bad.content.decode()
    response = client.get(tracking.tracking_path(code))
    assert response.status_code == 302 and response["Location"] == detail
    page = client.get(detail).content.decode()
    assert p.nomor in page and p.get_status_display() in page
    assert p.tenggat_pemberitahuan.strftime("%d-%m-%Y") in page
    assert "Permohonan dicatat oleh desk layanan" in page


def _grant(client, p, code):
    client.get(tracking.tracking_path(code))


def test_applicant_downloads_given_documents_only_and_they_are_recorded(client, users):
    p, k = decided(users)
    extra = p.dokumen.create(
        berkas=k.dokumen.get().berkas, keterangan="bahan internal", diunggah_oleh=users[Role.PPID]
    )
    _p, code = workflow.permohonan_reset_code(permohonan_id=p.pk, actor=users[Role.DESK])
    _grant(client, p, code)
    given = k.dokumen.get()
    response = client.get(reverse("permohonan:lacak_dokumen", args=[p.pk, given.pk]))
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    given.refresh_from_db()
    k.refresh_from_db()
    assert given.jumlah_unduhan == 1 and k.disampaikan_pada is not None
    assert client.get(reverse("permohonan:lacak_dokumen", args=[p.pk, extra.pk])).status_code == 404
    notice = client.get(reverse("permohonan:lacak_pemberitahuan", args=[p.pk, k.pk]))
    assert notice.status_code == 200
    assert b"".join(notice.streaming_content).startswith(b"%PDF")


def test_another_requests_documents_are_not_reachable(client, users):
    p, k = decided(users)
    other, code = submit_desk(users[Role.DESK])
    _grant(client, other, code)
    doc = k.dokumen.get()
    assert (
        client.get(reverse("permohonan:lacak_dokumen", args=[other.pk, doc.pk])).status_code == 404
    )
    assert client.get(reverse("permohonan:lacak_dokumen", args=[p.pk, doc.pk])).status_code == 404
    assert (
        client.get(reverse("permohonan:lacak_pemberitahuan", args=[p.pk, k.pk])).status_code == 404
    )


def test_applicant_completes_through_the_link(client, users):
    p, code = submit_desk(users[Role.DESK])
    workflow.permohonan_request_completion(
        permohonan_id=p.pk, actor=users[Role.DESK], kekurangan="Perjelas tahun anggaran."
    )
    _grant(client, p, code)
    url = reverse("permohonan:lengkapi", args=[p.pk])
    page = client.get(url).content.decode()
    assert "Perjelas tahun anggaran." in page
    response = client.post(
        url,
        {
            "rincian_informasi": "Daftar pengadaan tahun anggaran 2026.",
            "tujuan_penggunaan": p.tujuan_penggunaan,
            "alamat": p.alamat,
            "pekerjaan": p.pekerjaan,
            "telepon": p.telepon,
            "nik": "",
            "keterangan_pelengkap": "",
        },
    )
    assert response.status_code == 302
    p.refresh_from_db()
    assert p.status == Permohonan.Status.BARU and "2026" in p.rincian_informasi
    assert p.nik == NIK  # an empty field does not erase what the desk recorded


def test_applicant_withdraws_by_post_only(client, users):
    p, code = submit_desk(users[Role.DESK])
    _grant(client, p, code)
    url = reverse("permohonan:tarik", args=[p.pk])
    assert client.get(url).status_code == 405
    client.post(url, {"alasan": "Sudah tidak perlu."})
    p.refresh_from_db()
    assert p.status == Permohonan.Status.DITARIK


def test_applicant_files_a_keberatan(client, users, mailoutbox, django_capture_on_commit_callbacks):
    p, _k = decided(users, hasil=Keputusan.Hasil.DITOLAK_DIKECUALIKAN)
    _p, code = workflow.permohonan_reset_code(permohonan_id=p.pk, actor=users[Role.DESK])
    # Through the "Keberatan" page: number and code lead to the form.
    response = client.post(LACAK, {"nomor": p.nomor, "kode": code, "next": "keberatan"})
    url = reverse("permohonan:keberatan_ajukan", args=[p.pk])
    assert response["Location"] == url
    assert "Batas pengajuan keberatan" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "alasan": ["a", "d"],
                "kasus_posisi": "Informasi menyangkut anggaran publik.",
                "tujuan_penggunaan": "Pengawasan.",
            },
        )
    assert response.status_code == 302
    kb = Keberatan.objects.get()
    assert kb.alasan == "ad" and kb.kanal == "online"
    assert any(m.to == [users[Role.ATASAN].email] for m in mailoutbox)
    receipt = client.get(reverse("permohonan:keberatan_bukti_publik", args=[p.pk, kb.pk]))
    assert receipt["Content-Type"] == "application/pdf"


def test_keberatan_form_errors_are_clear(client, users):
    p, _k = decided(users, hasil=Keputusan.Hasil.DITOLAK_DIKECUALIKAN)
    _p, code = workflow.permohonan_reset_code(permohonan_id=p.pk, actor=users[Role.DESK])
    _grant(client, p, code)
    response = client.post(
        reverse("permohonan:keberatan_ajukan", args=[p.pk]),
        {"kasus_posisi": "", "tujuan_penggunaan": "x", "nama_kuasa": "Budi"},
    )
    html = response.content.decode()
    assert "Pilih minimal satu alasan keberatan" in html
    assert "wajib melampirkan surat kuasa" in html
    assert Keberatan.objects.count() == 0


def test_keberatan_page_for_a_stranger_is_404(client, users):
    p, _k = decided(users, hasil=Keputusan.Hasil.DITOLAK_DIKECUALIKAN)
    assert client.get(reverse("permohonan:keberatan_ajukan", args=[p.pk])).status_code == 404
    assert client.post(reverse("permohonan:keberatan_ajukan", args=[p.pk]), {}).status_code == 404


def test_sign_up_then_my_requests(client):
    response = client.post(
        reverse("permohonan:daftar"),
        {
            "username": "warga_baru",
            "first_name": "Warga Baru",
            "email": "warga.baru@contoh.id",
            "password1": "Sandi-Panjang-2026!",
            "password2": "Sandi-Panjang-2026!",
        },
    )
    assert response.status_code == 302 and response["Location"] == reverse("permohonan:saya")
    page = client.get(reverse("permohonan:saya")).content.decode()
    assert "Belum ada permohonan" in page and "Permohonan saya" in page


def test_home_has_the_three_buttons(client):
    html = client.get("/").content.decode()
    for url in (AJUKAN, LACAK, reverse("permohonan:keberatan")):
        assert f'href="{url}"' in html
    assert "Ajukan permohonan informasi" in html


@pytest.mark.clock  # also at both sides of local and UTC midnight
def test_online_request_without_code_in_session_prints_receipt_without_code(client, users):
    p, code = submit_online()
    _grant(client, p, code)
    response = client.get(reverse("permohonan:lacak_tanda_bukti", args=[p.pk]))
    assert response.status_code == 200
    assert AuditLog.objects.filter(action="berkas.unduh").count() == 0


def test_applicant_pages_are_never_cached(client, users):
    p, code = submit_desk(users[Role.DESK])
    _grant(client, p, code)
    for url in (
        reverse("permohonan:lacak_detail", args=[p.pk]),
        reverse("permohonan:lacak_tanda_bukti", args=[p.pk]),
    ):
        assert "no-store" in client.get(url)["Cache-Control"]


@pytest.mark.clock  # also at both sides of local and UTC midnight
def test_form_and_mails_quote_the_deadline_profile_in_force(
    client, users, mailoutbox, django_capture_on_commit_callbacks
):
    """The numbers the citizen reads are the ones the workflow counts with, not fixed text."""
    aturan = workflow.default_aturan()
    aturan.hari_pemberitahuan, aturan.hari_perpanjangan_maks = 12, 5
    aturan.hari_tanggapan_atasan = 25
    aturan.save()
    page = client.get(AJUKAN).content.decode()
    assert "paling lambat 12 hari kerja" in page and "paling lama 5 hari kerja" in page
    assert "10 hari kerja" not in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(AJUKAN, form_data())
    diterima = next(m for m in mailoutbox if m.to == ["siti@contoh.id"])
    assert "(12 hari kerja sejak permohonan diterima" in diterima.body
    assert "paling lama 5 hari kerja" in diterima.body

    p, _k = decided(users, hasil=Keputusan.Hasil.DITOLAK_DIKECUALIKAN)
    p.aturan = aturan
    p.save(update_fields=["aturan"])
    _p, code = workflow.permohonan_reset_code(permohonan_id=p.pk, actor=users[Role.DESK])
    client.post(LACAK, {"nomor": p.nomor, "kode": code, "next": "keberatan"})
    url = reverse("permohonan:keberatan_ajukan", args=[p.pk])
    assert "paling lambat 25 hari kerja" in client.get(url).content.decode()
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url,
            {
                "alasan": ["a"],
                "kasus_posisi": "Anggaran publik.",
                "tujuan_penggunaan": "Pengawasan.",
            },
        )
    bukti = next(m for m in mailoutbox if p.email in m.to)
    assert "(25 hari kerja sejak keberatan diterima" in bukti.body
