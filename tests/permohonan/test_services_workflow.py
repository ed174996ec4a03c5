"""The request workflow: every transition by the right role and refused for the others, and the
rules each step enforces."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from permohonan import deadlines, tracking, workflow
from permohonan.models import (
    AturanTenggat,
    Disposisi,
    Keberatan,
    Keputusan,
    Permohonan,
    Sengketa,
)
from permohonan.tracking import Pemohon
from ppid_portal import audit
from ppid_portal.calendar import load_holidays
from ppid_portal.models import NomorUrut, StoredFile
from ppid_portal.roles import Role
from ppid_portal.workdays import add_working_days, working_days_between
from tests.portal.samples import pdf_bytes

from .factories import (
    AturanTenggatFactory,
    answered,
    applicant_data,
    assigned,
    decided,
    ktp,
    objected,
    pdf,
    submit_desk,
    submit_online,
    verified,
)

pytestmark = pytest.mark.django_db
PS = Permohonan.Status
P, D, PP, A, T, B = (
    Role.PENYEDIA,
    Role.DESK,
    Role.PPID,
    Role.ATASAN,
    Role.TIM_PERTIMBANGAN,
    Role.PEMBINA,
)
ACTORS = [*Role, "warga", "anonim", "pemohon"]


def today() -> date:
    return timezone.localdate()


def holidays():
    t = today()
    return load_holidays([t.year - 1, t.year, t.year + 1])


def actor_for(who, users, permohonan_id):
    if who == "anonim":
        return None
    if who == "warga":
        return users["pemohon"]
    if who == "pemohon":
        return Pemohon(permohonan_id)
    return users[who]


# --- setups -----------------------------------------------------------------------------------


def s_new(users):
    p, _ = submit_desk(users[D])
    return {"p": p}


def s_incomplete(users, days_ago=0):
    p, _ = submit_desk(users[D], days_ago=days_ago)
    at = timezone.now() - timedelta(days=days_ago) if days_ago else None
    workflow.permohonan_request_completion(
        permohonan_id=p.pk, actor=users[D], kekurangan="Lampirkan KTP.", at=at
    )
    return {"p": p}


def s_verified(users):
    return {"p": verified(users)}


def s_assigned(users):
    p, d = assigned(users)
    return {"p": p, "d": d}


def s_answered(users):
    p, d = answered(users)
    return {"p": p, "d": d}


def s_decided(users):
    p, k = decided(users, hasil=Keputusan.Hasil.DITOLAK_DIKECUALIKAN)
    return {"p": p, "k": k}


def s_objected(users):
    p, kb = objected(users)
    return {"p": p, "kb": kb}


def s_kb_decided(users):
    p, kb = objected(users)
    workflow.keberatan_decide(
        keberatan_id=kb.pk, actor=users[A], putusan="menguatkan", pertimbangan="Sesuai Ps 17."
    )
    kb.refresh_from_db()
    return {"p": p, "kb": kb}


SENGKETA = {
    "nomor_register": "001/REG-PSI/2026",
    "tanggal_diajukan": None,
    "tahap": Sengketa.Tahap.MEDIASI,
    "hasil": "",
    "tanggal_hasil": None,
    "catatan": "",
}

# name: (setup, call, allowed, what to observe)
SPECS = {
    "desk_submit": (
        lambda users: {"p": None},
        lambda c, a: workflow.permohonan_submit(
            actor=a, kanal=Permohonan.Kanal.LANGSUNG, data=applicant_data()
        ),
        {D},
        lambda c: Permohonan.objects.count(),
    ),
    "verify": (
        s_new,
        lambda c, a: workflow.permohonan_verify(permohonan_id=c["p"].pk, actor=a),
        {D, PP},
        lambda c: Permohonan.objects.get(pk=c["p"].pk).status,
    ),
    "request_completion": (
        s_new,
        lambda c, a: workflow.permohonan_request_completion(
            permohonan_id=c["p"].pk, actor=a, kekurangan="Lampirkan KTP."
        ),
        {D, PP},
        lambda c: Permohonan.objects.get(pk=c["p"].pk).status,
    ),
    "complete": (
        s_incomplete,
        lambda c, a: workflow.permohonan_complete(
            permohonan_id=c["p"].pk, actor=a, data={"keterangan_pelengkap": "KTP terlampir."}
        ),
        {D, PP, "pemohon"},
        lambda c: Permohonan.objects.get(pk=c["p"].pk).status,
    ),
    "lapse": (
        lambda users: s_incomplete(users, days_ago=10),
        lambda c, a: workflow.permohonan_lapse(permohonan_id=c["p"].pk, actor=a),
        {D, PP},
        lambda c: Permohonan.objects.get(pk=c["p"].pk).status,
    ),
    "assign": (
        s_verified,
        lambda c, a: workflow.permohonan_assign(
            permohonan_id=c["p"].pk, actor=a, units=[c["unit"]]
        ),
        {PP},
        lambda c: Permohonan.objects.get(pk=c["p"].pk).status,
    ),
    "answer": (
        s_assigned,
        lambda c, a: workflow.disposisi_answer(
            disposisi_id=c["d"].pk, actor=a, tersedia=False, jawaban="Bukan wewenang unit."
        ),
        {P},
        lambda c: Disposisi.objects.get(pk=c["d"].pk).status,
    ),
    "ask_unit_again": (
        s_answered,
        lambda c, a: workflow.disposisi_reopen(
            disposisi_id=c["d"].pk, actor=a, catatan="Lengkapi lampiran."
        ),
        {PP},
        lambda c: Disposisi.objects.get(pk=c["d"].pk).status,
    ),
    "extend": (
        s_verified,
        lambda c, a: workflow.permohonan_extend(
            permohonan_id=c["p"].pk, actor=a, hari=7, alasan="Dokumen di arsip inaktif."
        ),
        {PP},
        lambda c: Permohonan.objects.get(pk=c["p"].pk).tenggat_pemberitahuan,
    ),
    "decide": (
        s_answered,
        lambda c, a: workflow.permohonan_decide(
            permohonan_id=c["p"].pk,
            actor=a,
            putusan=workflow.Putusan(hasil=Keputusan.Hasil.TIDAK_DIKUASAI),
        ),
        {PP},
        lambda c: Permohonan.objects.get(pk=c["p"].pk).status,
    ),
    "withdraw": (
        s_new,
        lambda c, a: workflow.permohonan_withdraw(permohonan_id=c["p"].pk, actor=a),
        {D, "pemohon"},
        lambda c: Permohonan.objects.get(pk=c["p"].pk).status,
    ),
    "reset_code": (
        s_new,
        lambda c, a: workflow.permohonan_reset_code(permohonan_id=c["p"].pk, actor=a),
        {D, PP},
        lambda c: Permohonan.objects.get(pk=c["p"].pk).token_hash,
    ),
    "record_delivery": (
        s_decided,
        lambda c, a: workflow.keputusan_record_delivery(
            keputusan_id=c["k"].pk, actor=a, tanggal=today(), cara="Diserahkan langsung"
        ),
        {D, PP},
        lambda c: Keputusan.objects.get(pk=c["k"].pk).disampaikan_pada,
    ),
    "keberatan_submit": (
        s_decided,
        lambda c, a: workflow.keberatan_submit(
            permohonan_id=c["p"].pk, actor=a, alasan=["a"], kasus_posisi="Penolakan keliru."
        ),
        {D, "pemohon"},
        lambda c: Keberatan.objects.count(),
    ),
    "keberatan_decide": (
        s_objected,
        lambda c, a: workflow.keberatan_decide(
            keberatan_id=c["kb"].pk, actor=a, putusan="menguatkan", pertimbangan="Sesuai Ps 17."
        ),
        {A},
        lambda c: Keberatan.objects.get(pk=c["kb"].pk).status,
    ),
    "keberatan_withdraw": (
        s_objected,
        lambda c, a: workflow.keberatan_withdraw(keberatan_id=c["kb"].pk, actor=a),
        {D, "pemohon"},
        lambda c: Keberatan.objects.get(pk=c["kb"].pk).status,
    ),
    "keberatan_reply": (
        s_kb_decided,
        lambda c, a: workflow.keberatan_record_reply(
            keberatan_id=c["kb"].pk, actor=a, tanggapan="Pemohon menerima."
        ),
        {D, PP},
        lambda c: Keberatan.objects.get(pk=c["kb"].pk).tanggapan_pemohon,
    ),
    "sengketa": (
        s_kb_decided,
        lambda c, a: workflow.sengketa_record(
            permohonan_id=c["p"].pk, actor=a, values={**SENGKETA, "tanggal_diajukan": today()}
        ),
        {PP, A},
        lambda c: Sengketa.objects.count(),
    ),
}


def _cases(allowed: bool):
    for name, (_setup, _call, roles, _observe) in SPECS.items():
        for who in ACTORS:
            if (who in roles) is allowed:
                yield pytest.param(name, who, id=f"{name}-{who}")


def _run(name, users, who):
    setup, call, _roles, observe = SPECS[name]
    ctx = setup(users)
    ctx["unit"] = users[P].unit
    pk = ctx["p"].pk if ctx.get("p") else 0
    return ctx, call, observe, actor_for(who, users, pk)


@pytest.mark.parametrize("name,who", list(_cases(True)))
def test_transition_allowed(name, who, users):
    ctx, call, observe, actor = _run(name, users, who)
    before = observe(ctx)
    with transaction.atomic():
        call(ctx, actor)
    assert observe(ctx) != before


@pytest.mark.parametrize("name,who", list(_cases(False)))
def test_transition_refused(name, who, users):
    ctx, call, observe, actor = _run(name, users, who)
    before = observe(ctx)
    with pytest.raises(PermissionDenied):
        call(ctx, actor)
    assert observe(ctx) == before


def test_penyedia_of_another_unit_cannot_answer(users, make_user):
    _p, d = assigned(users)
    other = make_user(Role.PENYEDIA)
    with pytest.raises(PermissionDenied):
        workflow.disposisi_answer(disposisi_id=d.pk, actor=other, tersedia=False, jawaban="x")


def test_applicant_of_another_request_cannot_act(users):
    p, _ = submit_desk(users[D])
    other, _ = submit_desk(users[D])
    with pytest.raises(PermissionDenied):
        workflow.permohonan_withdraw(permohonan_id=p.pk, actor=Pemohon(other.pk))
    p.refresh_from_db()
    assert p.status == PS.BARU


@pytest.mark.parametrize(
    "call",
    [
        lambda p, u: workflow.permohonan_verify(permohonan_id=p.pk, actor=u[D]),
        lambda p, u: workflow.permohonan_assign(permohonan_id=p.pk, actor=u[PP], units=[u[P].unit]),
        lambda p, u: workflow.permohonan_withdraw(permohonan_id=p.pk, actor=u[D]),
        lambda p, u: workflow.permohonan_complete(
            permohonan_id=p.pk, actor=u[D], data={"keterangan_pelengkap": "x"}
        ),
    ],
)
def test_wrong_state_is_refused_with_a_clear_message(users, call):
    p, _k = decided(users)
    with pytest.raises(ValidationError, match="tidak dapat dilakukan pada status"):
        call(p, users)


# --- intake and numbering -----------------------------------------------------------------------


def test_online_submission_issues_number_code_and_deadline(users):
    p, code = submit_online(actor=users["pemohon"])
    t = today()
    assert p.nomor == f"001/PPID/{workflow.ROMAN[t.month]}/{t.year}"
    assert p.status == PS.BARU and p.kanal == Permohonan.Kanal.ONLINE
    assert p.pemilik == users["pemohon"] and p.persetujuan_pada is not None
    # Only the digest of the code is stored.
    assert code not in p.token_hash and p.token_hash == tracking.hash_secret(code)
    assert tracking.verify(p.nomor, code) == p
    assert p.tenggat_pemberitahuan == add_working_days(t, 10, holidays())
    assert p.berkas_identitas.sensitive
    assert p.berkas_identitas.purpose == StoredFile.Purpose.IDENTITAS
    (log,) = audit.history(p)
    assert (log.action, log.to_state) == ("permohonan.ajukan", PS.BARU)


def test_numbers_are_sequential_and_a_failed_submission_gives_its_number_back(users):
    first, _ = submit_online()
    bad = ktp("ktp.png")
    bad.file.write(b"")
    with pytest.raises(ValidationError):
        workflow.permohonan_submit(
            actor=None,
            kanal=Permohonan.Kanal.ONLINE,
            data=applicant_data(),
            berkas_identitas=type(bad)("ktp.png", b"<html>bukan gambar</html>", "image/png"),
            persetujuan=True,
        )
    second, _ = submit_desk(users[D])
    assert (first.urut, second.urut) == (1, 2)
    assert Permohonan.objects.count() == 2


def test_counters_are_per_kind_and_per_year():
    with transaction.atomic():
        assert workflow.take_number("permohonan", date(2027, 1, 4)) == (2027, 1, "001/PPID/I/2027")
        assert workflow.take_number("permohonan", date(2027, 2, 1))[2] == "002/PPID/II/2027"
        assert workflow.take_number("keberatan", date(2027, 2, 1))[2] == "001/KEB/PPID/II/2027"
        assert workflow.take_number("permohonan", date(2028, 1, 3))[2] == "001/PPID/I/2028"
    assert NomorUrut.objects.get(seri="permohonan.permohonan", tahun=2027).terakhir == 2


def test_number_format_is_configurable(settings, users):
    settings.PPID_NOMOR_PERMOHONAN = "PPID-{tahun}-{bulan}-{urut:05d}"
    p, _ = submit_desk(users[D])
    t = today()
    assert p.nomor == f"PPID-{t.year}-{t.month:02d}-00001"


@pytest.mark.parametrize(
    "overrides,field,message",
    [
        ({"nama": ""}, "nama", "Nama wajib"),
        ({"rincian_informasi": " "}, "rincian_informasi", "Rincian informasi"),
        ({"nik": "12345"}, "nik", "16 angka"),
        ({"nik": "3201019999990001"}, "nik", "NIK tidak valid"),
        ({"nik": ""}, "nik", "wajib diisi untuk pemohon perorangan"),
        ({"email": ""}, "email", "e-mail wajib"),
        ({"telepon": "telepon saya"}, "telepon", "hanya boleh berisi angka"),
        ({"jenis_pemohon": "kelompok", "nama_lembaga": ""}, "nama_lembaga", "kelompok"),
        ({"cara_memperoleh": "salinan_hardcopy", "cara_salinan": ""}, "cara_salinan", "salinan"),
    ],
)
def test_bad_online_input_creates_nothing(overrides, field, message):
    with pytest.raises(ValidationError) as exc:
        submit_online(**overrides)
    assert message in " ".join(exc.value.message_dict[field])
    assert Permohonan.objects.count() == 0
    assert StoredFile.objects.count() == 0
    assert not NomorUrut.objects.filter(terakhir__gt=0).exists()


def test_online_needs_identity_document_and_consent():
    with pytest.raises(ValidationError) as exc:
        workflow.permohonan_submit(
            actor=None, kanal=Permohonan.Kanal.ONLINE, data=applicant_data(), persetujuan=False
        )
    assert set(exc.value.message_dict) == {"persetujuan", "berkas_identitas"}
    assert Permohonan.objects.count() == 0


@pytest.mark.parametrize(
    "upload,message",
    [
        (lambda: type(ktp())("ktp.png", b"GIF89a palsu", "image/png"), "tidak diterima"),
        (lambda: type(ktp())("ktp.exe", ktp().read(), "image/png"), "berakhiran"),
    ],
)
def test_wrong_type_identity_scan_is_refused(upload, message):
    with pytest.raises(ValidationError) as exc:
        workflow.permohonan_submit(
            actor=None,
            kanal=Permohonan.Kanal.ONLINE,
            data=applicant_data(),
            berkas_identitas=upload(),
            persetujuan=True,
        )
    assert message in " ".join(exc.value.message_dict["berkas_identitas"])
    assert Permohonan.objects.count() == 0


def test_oversize_identity_scan_is_refused(settings):
    settings.PPID_IDENTITAS_MAX_MB = 1
    big = type(ktp())("ktp.pdf", pdf_bytes() + b"0" * (1024 * 1024), "application/pdf")
    with pytest.raises(ValidationError, match="terlalu besar"):
        workflow.permohonan_submit(
            actor=None,
            kanal=Permohonan.Kanal.ONLINE,
            data=applicant_data(),
            berkas_identitas=big,
            persetujuan=True,
        )
    assert Permohonan.objects.count() == 0 and StoredFile.objects.count() == 0


def test_desk_dates_in_the_future_or_too_old_are_refused(users):
    for at, message in (
        (timezone.now() + timedelta(days=2), "masa depan"),
        (timezone.now() - timedelta(days=45), "paling lama 30 hari"),
    ):
        with pytest.raises(ValidationError, match=message):
            workflow.permohonan_submit(
                actor=users[D],
                kanal=Permohonan.Kanal.SURAT,
                data=applicant_data(),
                diterima_pada=at,
            )
    assert Permohonan.objects.count() == 0


def test_desk_logs_a_letter_with_its_date_of_receipt(users):
    p, _ = submit_desk(users[D], days_ago=3, kanal=Permohonan.Kanal.SURAT, nik="", email="")
    received = today() - timedelta(days=3)
    assert p.tanggal_diterima == received
    assert p.tenggat_pemberitahuan == add_working_days(received, 10, holidays())
    assert p.dicatat_oleh == users[D] and p.pemilik is None


def test_online_cannot_be_backdated():
    with pytest.raises(ValidationError):
        workflow.permohonan_submit(
            actor=None,
            kanal=Permohonan.Kanal.ONLINE,
            data=applicant_data(),
            berkas_identitas=ktp(),
            persetujuan=True,
            diterima_pada=timezone.now() - timedelta(days=1),
        )


# --- e-mail only after commit ----------------------------------------------------------------


def test_emails_are_sent_only_on_commit(users, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        p, code = submit_online()
    assert mailoutbox == []
    assert callbacks
    for callback in callbacks:
        callback()
    to_applicant = [m for m in mailoutbox if m.to == ["siti@contoh.id"]]
    assert len(to_applicant) == 1
    body = to_applicant[0].body
    assert p.nomor in body and code in body
    assert f"https://ppid.contoh.go.id/permohonan/lacak/k/{tracking.normalize(code)}/" in body
    assert {m.to[0] for m in mailoutbox} >= {"siti@contoh.id", users[D].email}


def test_a_rolled_back_step_sends_no_email(users, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                submit_online()
                raise RuntimeError("gagal setelahnya")
        except RuntimeError:
            pass
    assert mailoutbox == []
    assert Permohonan.objects.count() == 0


def test_each_step_mails_the_queue_it_enters(users, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        p, d = assigned(users)
    recipients = {m.to[0] for m in mailoutbox}
    assert users[PP].email in recipients  # verified: PPID's queue
    assert users[P].email in recipients  # assigned: the unit's Penyedia
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.disposisi_answer(disposisi_id=d.pk, actor=users[P], tersedia=True, files=[pdf()])
    assert [m.to[0] for m in mailoutbox] == [users[PP].email]
    assert "siap diputus" in mailoutbox[0].body


# --- completeness ------------------------------------------------------------------------------


def test_incomplete_request_restarts_the_clock_on_completion(users):
    ctx = s_incomplete(users, days_ago=5)
    p = Permohonan.objects.get(pk=ctx["p"].pk)
    assert p.tenggat_melengkapi is not None
    workflow.permohonan_complete(
        permohonan_id=p.pk, actor=Pemohon(p.pk), data={"keterangan_pelengkap": "KTP dikirim."}
    )
    p.refresh_from_db()
    assert p.status == PS.BARU and p.dilengkapi_pada == today()
    assert p.tenggat_pemberitahuan == add_working_days(today(), 10, holidays())


def test_pause_rule_resumes_with_the_days_left(users):
    aturan = AturanTenggatFactory(jam_kelengkapan="jeda")
    p, _ = workflow.permohonan_submit(
        actor=users[D],
        kanal=Permohonan.Kanal.LANGSUNG,
        data=applicant_data(),
        aturan=aturan,
        diterima_pada=timezone.now() - timedelta(days=8),
    )
    marked = timezone.now() - timedelta(days=6)
    workflow.permohonan_request_completion(
        permohonan_id=p.pk, actor=users[D], kekurangan="KTP", at=marked
    )
    workflow.permohonan_complete(
        permohonan_id=p.pk, actor=users[D], data={"keterangan_pelengkap": "KTP diserahkan."}
    )
    p.refresh_from_db()
    used = working_days_between(today() - timedelta(days=8), timezone.localdate(marked), holidays())
    assert p.jam_hari == max(10 - used, 1)
    assert p.tenggat_pemberitahuan == add_working_days(today(), p.jam_hari, holidays())


def test_completion_needs_something_new(users):
    ctx = s_incomplete(users)
    with pytest.raises(ValidationError, match="Lengkapi data"):
        workflow.permohonan_complete(permohonan_id=ctx["p"].pk, actor=Pemohon(ctx["p"].pk), data={})


def test_lapse_only_after_the_completion_period(users):
    ctx = s_incomplete(users)
    with pytest.raises(ValidationError, match="masih dapat melengkapi"):
        workflow.permohonan_lapse(permohonan_id=ctx["p"].pk, actor=users[D])


# --- extension -----------------------------------------------------------------------------------


def test_extension_once_and_at_most_seven_days(
    users, mailoutbox, django_capture_on_commit_callbacks
):
    p = verified(users)
    with pytest.raises(ValidationError, match="antara 1 dan 7"):
        workflow.permohonan_extend(permohonan_id=p.pk, actor=users[PP], hari=8, alasan="x")
    original = Permohonan.objects.get(pk=p.pk).tenggat_pemberitahuan
    with django_capture_on_commit_callbacks(execute=True):
        workflow.permohonan_extend(permohonan_id=p.pk, actor=users[PP], hari=7, alasan="Arsip.")
    p.refresh_from_db()
    assert p.tenggat_pemberitahuan == add_working_days(original, 7, holidays())
    assert p.hari_perpanjangan == 7 and p.alasan_perpanjangan == "Arsip."
    assert any(
        "diperpanjang" in m.subject.lower() or "perpanjangan" in m.subject.lower()
        for m in mailoutbox
    )
    with pytest.raises(ValidationError, match="sudah pernah diperpanjang"):
        workflow.permohonan_extend(permohonan_id=p.pk, actor=users[PP], hari=1, alasan="Lagi.")


def test_extension_needs_a_reason_and_an_unexpired_period(users):
    p = verified(users)
    with pytest.raises(ValidationError, match="Alasan"):
        workflow.permohonan_extend(permohonan_id=p.pk, actor=users[PP], hari=3, alasan=" ")
    late, _ = submit_desk(users[D], days_ago=25)
    with pytest.raises(ValidationError, match="sudah terlewati"):
        workflow.permohonan_extend(permohonan_id=late.pk, actor=users[PP], hari=3, alasan="x")


def test_extension_limited_by_the_office_profile(users):
    aturan = AturanTenggatFactory(hari_perpanjangan_maks=3)
    p, _ = workflow.permohonan_submit(
        actor=users[D], kanal=Permohonan.Kanal.LANGSUNG, data=applicant_data(), aturan=aturan
    )
    with pytest.raises(ValidationError, match="antara 1 dan 3"):
        workflow.permohonan_extend(permohonan_id=p.pk, actor=users[PP], hari=4, alasan="x")


# --- decisions -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "putusan,field",
    [
        ({"hasil": "diberikan_sebagian", "dasar_pengecualian": "h"}, "bagian_dihitamkan"),
        (
            {"hasil": "diberikan_sebagian", "bagian_dihitamkan": "NIK", "alasan_penghitaman": "x"},
            "dasar_pengecualian",
        ),
        ({"hasil": "ditolak_dikecualikan", "alasan_pengecualian": "x"}, "dasar_pengecualian"),
        ({"hasil": "ditolak_dikecualikan", "dasar_pengecualian": "h"}, "alasan_pengecualian"),
        ({"hasil": "belum_didokumentasikan"}, "tanggal_didokumentasikan"),
        (
            {"hasil": "belum_didokumentasikan", "tanggal_didokumentasikan": date(2020, 1, 1)},
            "tanggal_didokumentasikan",
        ),
        ({"hasil": "diberikan_seluruhnya", "biaya": Decimal(5000)}, "rincian_biaya"),
        ({"hasil": "diberikan_seluruhnya", "biaya": Decimal(-1)}, "biaya"),
    ],
)
def test_bad_decisions_are_refused_and_create_nothing(users, putusan, field):
    p, _d = answered(users)
    doc_ids = list(p.dokumen.values_list("pk", flat=True))
    with pytest.raises(ValidationError) as exc:
        workflow.permohonan_decide(
            permohonan_id=p.pk,
            actor=users[PP],
            putusan=workflow.Putusan(**putusan),
            dokumen_ids=doc_ids,
        )
    assert field in exc.value.message_dict
    p.refresh_from_db()
    assert p.status == PS.DIPROSES and Keputusan.objects.count() == 0
    assert not NomorUrut.objects.filter(seri="permohonan.pemberitahuan", terakhir__gt=0).exists()


def test_giving_information_needs_documents_unless_viewed_on_site(users):
    p, _d = answered(users)
    with pytest.raises(ValidationError) as exc:
        workflow.permohonan_decide(
            permohonan_id=p.pk,
            actor=users[PP],
            putusan=workflow.Putusan(hasil="diberikan_seluruhnya"),
        )
    assert "dokumen" in exc.value.message_dict
    k = workflow.permohonan_decide(
        permohonan_id=p.pk,
        actor=users[PP],
        putusan=workflow.Putusan(hasil="diberikan_seluruhnya", bentuk=Keputusan.Bentuk.MELIHAT),
    )
    assert k.dokumen.count() == 0


def test_documents_of_another_request_cannot_be_given(users):
    p, _ = answered(users)
    other, _ = answered(users)
    with pytest.raises(ValidationError, match="tidak termasuk"):
        workflow.permohonan_decide(
            permohonan_id=p.pk,
            actor=users[PP],
            putusan=workflow.Putusan(hasil="diberikan_seluruhnya"),
            dokumen_ids=list(other.dokumen.values_list("pk", flat=True)),
        )


def test_decision_issues_a_numbered_notice(users, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        p, k = decided(
            users,
            hasil=Keputusan.Hasil.DIBERIKAN_SEBAGIAN,
            bagian_dihitamkan="Nomor rekening",
            alasan_penghitaman="Data pribadi",
            dasar_pengecualian="h",
            alasan_pengecualian="Rahasia pribadi",
        )
    t = today()
    assert k.nomor == f"001/PT/PPID/{workflow.ROMAN[t.month]}/{t.year}"
    assert p.status == PS.SELESAI and p.keputusan_aktif == k
    assert k.berkas_pdf.content_type == "application/pdf" and k.dokumen.count() == 1
    assert k.biaya == 0
    (mail,) = [m for m in mailoutbox if m.to == [p.email] and "Pemberitahuan" in m.subject]
    assert mail.attachments and mail.attachments[0][2] == "application/pdf"


def test_an_applicant_download_is_the_delivery(users):
    p, k = decided(users)
    doc = k.dokumen.get()
    workflow.record_applicant_download(actor=Pemohon(p.pk), dokumen_id=doc.pk)
    workflow.record_applicant_download(actor=Pemohon(p.pk), dokumen_id=doc.pk)
    doc.refresh_from_db()
    k.refresh_from_db()
    assert doc.jumlah_unduhan == 2 and doc.diserahkan_pada is not None
    assert k.disampaikan_pada == today()
    with pytest.raises(PermissionDenied):
        workflow.record_applicant_download(actor=users[PP], dokumen_id=doc.pk)
    other, _ = submit_desk(users[D])
    with pytest.raises(PermissionDenied):
        workflow.record_applicant_download(actor=Pemohon(other.pk), dokumen_id=doc.pk)


def test_delivery_date_cannot_be_in_the_future(users):
    _p, k = decided(users)
    with pytest.raises(ValidationError, match="masa depan"):
        workflow.keputusan_record_delivery(
            keputusan_id=k.pk, actor=users[D], tanggal=today() + timedelta(days=1), cara="Pos"
        )


# --- keberatan ---------------------------------------------------------------------------------


def test_keberatan_gets_its_number_and_atasan_deadline(
    users, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        p, kb = objected(users, alasan=["e", "a"])
    t = today()
    assert kb.nomor == f"001/KEB/PPID/{workflow.ROMAN[t.month]}/{t.year}"
    assert kb.alasan == "ae" and kb.kanal == Keberatan.Kanal.ONLINE
    assert kb.tenggat_tanggapan == add_working_days(t, 30, holidays())
    assert kb.tanggal_alasan == p.keputusan_aktif.tanggal
    assert users[A].email in {m.to[0] for m in mailoutbox}


def test_keberatan_after_the_window_is_refused(users):
    decided_at = timezone.now() - timedelta(days=70)
    p, k = decided(users, hasil=Keputusan.Hasil.DITOLAK_DIKECUALIKAN, at=decided_at)
    last = deadlines.keberatan_last_day(k.tanggal, p.rules, holidays())
    assert last < today()
    with pytest.raises(ValidationError, match="telah berakhir pada " + last.strftime("%d-%m-%Y")):
        workflow.keberatan_submit(
            permohonan_id=p.pk, actor=Pemohon(p.pk), alasan=["a"], kasus_posisi="x"
        )
    assert Keberatan.objects.count() == 0


def test_keberatan_on_the_last_day_is_accepted_and_the_next_refused(users):
    p, k = decided(users, hasil=Keputusan.Hasil.DITOLAK_DIKECUALIKAN)
    last = deadlines.keberatan_last_day(k.tanggal, p.rules, holidays())
    at_noon = timezone.make_aware(timezone.datetime.combine(last, timezone.datetime.min.time()))
    with pytest.raises(ValidationError, match="telah berakhir"):
        workflow.keberatan_submit(
            permohonan_id=p.pk,
            actor=Pemohon(p.pk),
            alasan=["a"],
            kasus_posisi="x",
            at=at_noon + timedelta(days=1, hours=12),
        )
    kb = workflow.keberatan_submit(
        permohonan_id=p.pk,
        actor=Pemohon(p.pk),
        alasan=["a"],
        kasus_posisi="x",
        at=at_noon + timedelta(hours=12),
    )
    assert kb.tanggal_diajukan == last


def test_keberatan_for_an_unanswered_request_counts_from_the_missed_deadline(users):
    late, _ = submit_desk(users[D], days_ago=25)
    workflow.permohonan_verify(permohonan_id=late.pk, actor=users[D])
    late.refresh_from_db()
    assert late.tenggat_pemberitahuan < today()
    kb = workflow.keberatan_submit(
        permohonan_id=late.pk, actor=users[D], alasan=["c"], kasus_posisi="Tidak ditanggapi."
    )
    assert kb.tanggal_alasan == late.tenggat_pemberitahuan
    assert kb.kanal == Keberatan.Kanal.DESK and kb.dicatat_oleh == users[D]


def test_keberatan_before_any_ground_is_refused(users):
    p = verified(users)
    with pytest.raises(ValidationError, match="setelah ada pemberitahuan tertulis"):
        workflow.keberatan_submit(
            permohonan_id=p.pk, actor=Pemohon(p.pk), alasan=["c"], kasus_posisi="x"
        )


@pytest.mark.parametrize(
    "kwargs,field",
    [
        ({"alasan": []}, "alasan"),
        ({"alasan": ["z"]}, "alasan"),
        ({"kasus_posisi": " "}, "kasus_posisi"),
        ({"nama_kuasa": "Budi"}, "berkas_kuasa"),
        ({"berkas_kuasa": "file"}, "nama_kuasa"),
    ],
)
def test_bad_keberatan_input(users, kwargs, field):
    p, _k = decided(users, hasil=Keputusan.Hasil.DITOLAK_DIKECUALIKAN)
    args = {"alasan": ["a"], "kasus_posisi": "Penolakan keliru."} | kwargs
    if args.get("berkas_kuasa") == "file":
        args["berkas_kuasa"] = pdf("kuasa.pdf")
    with pytest.raises(ValidationError) as exc:
        workflow.keberatan_submit(permohonan_id=p.pk, actor=Pemohon(p.pk), **args)
    assert field in exc.value.message_dict
    assert Keberatan.objects.count() == 0


def test_keberatan_through_a_proxy_keeps_the_power_of_attorney_private(users):
    p, _k = decided(users, hasil=Keputusan.Hasil.DITOLAK_DIKECUALIKAN)
    kb = workflow.keberatan_submit(
        permohonan_id=p.pk,
        actor=Pemohon(p.pk),
        alasan=["a", "f"],
        kasus_posisi="x",
        nama_kuasa="Budi Kuasa",
        telepon_kuasa="021 555 0101",
        berkas_kuasa=pdf("kuasa.pdf"),
    )
    assert kb.berkas_kuasa.sensitive and kb.nama_kuasa == "Budi Kuasa"


def test_second_open_keberatan_is_refused(users):
    p, _kb = objected(users)
    with pytest.raises(ValidationError, match="Masih ada keberatan"):
        workflow.keberatan_submit(
            permohonan_id=p.pk, actor=Pemohon(p.pk), alasan=["e"], kasus_posisi="x"
        )


def test_mengabulkan_reopens_the_request_with_a_deadline(
    users, mailoutbox, django_capture_on_commit_callbacks
):
    p, kb = objected(users)
    with django_capture_on_commit_callbacks(execute=True):
        kb = workflow.keberatan_decide(
            keberatan_id=kb.pk,
            actor=users[A],
            putusan="mengabulkan",
            pertimbangan="Kepentingan publik lebih besar.",
        )
    p.refresh_from_db()
    t = today()
    assert kb.status == Keberatan.Status.DIPUTUS and kb.nomor_tanggapan.startswith("001/TK/")
    assert kb.tenggat_sengketa == add_working_days(t, 14, holidays())
    assert p.status == PS.DIPROSES and p.dibuka_kembali_pada == t
    assert p.tenggat_pemberitahuan == kb.tenggat_pelaksanaan == add_working_days(t, 10, holidays())
    assert kb.berkas_tanggapan.content_type == "application/pdf"
    assert users[PP].email in {m.to[0] for m in mailoutbox}
    # The order is carried out by the PPID without a further extension.
    with pytest.raises(ValidationError, match="sudah pernah diperpanjang"):
        workflow.permohonan_extend(permohonan_id=p.pk, actor=users[PP], hari=2, alasan="x")
    workflow.permohonan_decide(
        permohonan_id=p.pk,
        actor=users[PP],
        putusan=workflow.Putusan(hasil="diberikan_seluruhnya"),
        dokumen_ids=list(p.dokumen.values_list("pk", flat=True)),
    )
    p.refresh_from_db()
    assert p.status == PS.SELESAI and p.keputusan_set.count() == 2


def test_menguatkan_keeps_the_decision(users):
    p, kb = objected(users)
    workflow.keberatan_decide(
        keberatan_id=kb.pk, actor=users[A], putusan="menguatkan", pertimbangan="Ps 17 huruf h."
    )
    p.refresh_from_db()
    assert p.status == PS.SELESAI and p.dibuka_kembali_pada is None


def test_keberatan_decision_needs_written_reasons(users):
    _p, kb = objected(users)
    with pytest.raises(ValidationError) as exc:
        workflow.keberatan_decide(keberatan_id=kb.pk, actor=users[A], putusan="x", pertimbangan="")
    assert set(exc.value.message_dict) == {"putusan", "pertimbangan"}


def test_sengketa_result_is_recorded(users):
    ctx = s_kb_decided(users)
    s = workflow.sengketa_record(
        permohonan_id=ctx["p"].pk,
        actor=users[PP],
        keberatan_id=ctx["kb"].pk,
        values={**SENGKETA, "tanggal_diajukan": today()},
    )
    with pytest.raises(ValidationError) as exc:
        workflow.sengketa_update(
            sengketa_id=s.pk,
            actor=users[A],
            values={**SENGKETA, "tanggal_diajukan": today(), "hasil": "ditolak"},
        )
    assert "tanggal_hasil" in exc.value.message_dict
    workflow.sengketa_update(
        sengketa_id=s.pk,
        actor=users[A],
        values={
            **SENGKETA,
            "tanggal_diajukan": today(),
            "tahap": "ajudikasi",
            "hasil": "ditolak",
            "tanggal_hasil": today(),
        },
    )
    s.refresh_from_db()
    assert (s.tahap, s.hasil) == ("ajudikasi", "ditolak")
    with pytest.raises(ValidationError, match="masa depan"):
        workflow.sengketa_record(
            permohonan_id=ctx["p"].pk,
            actor=users[PP],
            values={**SENGKETA, "tanggal_diajukan": today() + timedelta(days=3)},
        )


# --- codes and calendar ------------------------------------------------------------------------


def test_new_code_replaces_the_old(users):
    p, old = submit_desk(users[D])
    _p, new = workflow.permohonan_reset_code(permohonan_id=p.pk, actor=users[D])
    assert tracking.verify(p.nomor, new) == p
    assert tracking.verify(p.nomor, old) is None


def test_added_office_holiday_recomputes_open_deadlines(users):
    from permohonan import services

    open_p, _ = submit_desk(users[D])
    closed, _k = decided(users)
    due_before = open_p.tenggat_pemberitahuan
    closed_due = closed.tenggat_pemberitahuan
    h = holidays()
    day = today()
    while True:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in h:
            break
    assert day < due_before
    services.holiday_add(actor=users[PP], tanggal=day, nama="Hari jadi kabupaten", catatan="SK 1")
    open_p.refresh_from_db()
    closed.refresh_from_db()
    assert open_p.tenggat_pemberitahuan == add_working_days(due_before, 1, holidays())
    assert closed.tenggat_pemberitahuan == closed_due
    day_row = services.HariLibur.objects.get(tanggal=day)
    assert [r.action for r in audit.history(day_row)] == ["kalender.tambah"]
    services.holiday_remove(actor=users[PP], harilibur_id=day_row.pk, catatan="Dibatalkan")
    open_p.refresh_from_db()
    assert open_p.tenggat_pemberitahuan == due_before


def test_calendar_is_managed_by_the_ppid_only(users):
    from permohonan import services

    with pytest.raises(PermissionDenied):
        services.holiday_add(
            actor=users[D], tanggal=today() + timedelta(days=7), nama="x", catatan="x"
        )


def test_holiday_needs_a_weekday_and_a_note(users):
    from permohonan import services

    saturday = today() + timedelta(days=(5 - today().weekday()) % 7 or 7)
    with pytest.raises(ValidationError) as exc:
        services.holiday_add(actor=users[PP], tanggal=saturday, nama="x", catatan="")
    assert set(exc.value.message_dict) == {"tanggal", "catatan"}


def test_a_national_holiday_removed_becomes_a_working_day(users):
    from permohonan import services

    load_holidays([2026])
    row = services.HariLibur.objects.get(tanggal=date(2026, 12, 24))
    services.holiday_remove(actor=users[PP], harilibur_id=row.pk, catatan="SKB cuti bersama diubah")
    row.refresh_from_db()
    assert row.libur is False and date(2026, 12, 24) not in load_holidays([2026])


def test_default_profile_cannot_be_switched_off(users):
    from permohonan import services

    aturan = AturanTenggat.objects.get(utama=True)
    aturan.utama = False
    with pytest.raises(ValidationError, match="satu aturan utama"):
        services.aturan_save(actor=users[PP], aturan=aturan, changed=["utama"])
    other = AturanTenggatFactory.build(nama="Perki 1/2019 pemilu", utama=True, hari_pemberitahuan=5)
    services.aturan_save(actor=users[PP], aturan=other, changed=["nama"])
    assert AturanTenggat.objects.get(utama=True) == other
