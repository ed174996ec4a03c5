"""Excepted information: the consequence test and its sign-offs, the decree and its approval,
what they do to the DIP, and the decisions that open it again. Every transition by role."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from informasi import selectors, workflow
from informasi.models import (
    DokumenInformasi,
    EntriVersi,
    InformasiPublik,
    PembukaanInformasi,
    PenetapanPengecualian,
    PesertaUji,
    UjiKonsekuensi,
)
from ppid_portal import audit
from tests.informasi.factories import (
    actors_penetapan,
    completed_uji,
    documented_entry,
    issued_penetapan,
    proposed_uji,
    publish_version,
    ready_uji,
    sheet_values,
    upload,
)
from tests.portal.samples import pdf_bytes

pytestmark = pytest.mark.django_db

U = UjiKonsekuensi.Status
P = PenetapanPengecualian.Status
ALL_ACTORS = ["penyedia", "penyedia_lain", "desk", "ppid", "atasan", "tim", "pembina", "pemohon"]


def sheet(actors, entry=None, **values) -> UjiKonsekuensi:
    entry = entry or documented_entry(actors["penyedia"], actors["desk"])
    return ready_uji(
        tim=actors["tim"],
        ppid=actors["ppid"],
        unit_user=actors["penyedia"],
        entry=entry,
        **values,
    )


def circulated(actors, **values) -> UjiKonsekuensi:
    return workflow.uji_circulate(actor=actors["ppid"], uji=sheet(actors, **values))


def completed(actors, entry=None, **values) -> UjiKonsekuensi:
    entry = entry or documented_entry(actors["penyedia"], actors["desk"])
    return completed_uji(
        tim=actors["tim"],
        ppid=actors["ppid"],
        unit_user=actors["penyedia"],
        entry=entry,
        **values,
    )


def issued(actors, **values) -> PenetapanPengecualian:
    return issued_penetapan(ppid=actors["ppid"], uji=completed(actors, **values))


def last_log(obj):
    return audit.history(obj).last()


# ----------------------------------------------------------------------------- tables


def test_every_state_appears_in_the_transition_tables():
    states = {workflow.UJI_INITIAL}
    for t in workflow.UJI_TRANSITIONS.values():
        states |= set(t.sources) | {t.target}
    assert states == set(U.values)
    states = {workflow.PENETAPAN_INITIAL}
    for t in workflow.PENETAPAN_TRANSITIONS.values():
        states |= set(t.sources) | {t.target}
    assert states == set(P.values)


# ----------------------------------------------------------------------------- proposal


@pytest.mark.parametrize("actor_key", ALL_ACTORS)
def test_who_may_propose_an_exception(actors, actor_key):
    entry = documented_entry(actors["penyedia"], actors["desk"])
    actor = actors[actor_key]
    if actor_key in {"tim", "ppid", "penyedia"}:
        uji = proposed_uji(actor, entry=entry)
        assert uji.status == U.DRAF and uji.unit == entry.unit
        log = last_log(uji)
        assert (log.action, log.to_state, log.actor) == ("informasi.uji.usulkan", U.DRAF, actor)
        # The proposer takes part in the test.
        assert list(uji.peserta.values_list("pengguna", flat=True)) == [actor.pk]
    else:
        with pytest.raises(PermissionDenied):
            proposed_uji(actor, entry=entry)
        assert not UjiKonsekuensi.objects.exists()


def test_one_open_test_per_entry_and_none_for_a_withdrawn_entry(actors):
    entry = documented_entry(actors["penyedia"], actors["desk"])
    proposed_uji(actors["tim"], entry=entry)
    with pytest.raises(ValidationError, match="belum selesai"):
        proposed_uji(actors["ppid"], entry=entry)
    withdrawn = workflow.entry_withdraw(
        actor=actors["ppid"],
        entry=documented_entry(actors["penyedia"], actors["desk"]),
        reason="x",
    )
    with pytest.raises(ValidationError, match="dicabut"):
        proposed_uji(actors["tim"], entry=withdrawn)


def test_a_proposal_needs_an_entry_or_a_request(actors):
    with pytest.raises(ValidationError):
        workflow.uji_propose(actor=actors["tim"], judul_informasi="x")


# ----------------------------------------------------------------------------- the sheet by role


@pytest.mark.parametrize("actor_key", ALL_ACTORS)
def test_who_may_fill_in_a_draft_sheet_and_its_participants(actors, actor_key):
    uji = proposed_uji(actors["tim"], entry=documented_entry(actors["penyedia"], actors["desk"]))
    actor = actors[actor_key]
    if actor_key in {"tim", "ppid", "penyedia"}:
        uji = workflow.uji_update(actor=actor, uji=uji, values={"konsekuensi": "Kerugian."})
        assert uji.konsekuensi == "Kerugian."
        log = last_log(uji)
        assert log.action == "informasi.uji.ubah" and "Kerugian" not in log.note
        workflow.peserta_add(actor=actor, uji=uji, pengguna=actors["pembina"], peran="pembina")
    else:
        with pytest.raises(PermissionDenied):
            workflow.uji_update(actor=actor, uji=uji, values={"konsekuensi": "Kerugian."})
        with pytest.raises(PermissionDenied):
            workflow.peserta_add(actor=actor, uji=uji, pengguna=actors["pembina"], peran="pembina")
        uji.refresh_from_db()
        assert uji.konsekuensi == "" and uji.peserta.count() == 1


@pytest.mark.parametrize("actor_key", ALL_ACTORS)
def test_who_may_circulate(actors, actor_key):
    uji = sheet(actors)
    if actor_key in {"tim", "ppid"}:
        uji = workflow.uji_circulate(actor=actors[actor_key], uji=uji)
        assert uji.status == U.DIEDARKAN
        log = last_log(uji)
        assert (log.from_state, log.to_state) == (U.DRAF, U.DIEDARKAN)
    else:
        with pytest.raises(PermissionDenied):
            workflow.uji_circulate(actor=actors[actor_key], uji=uji)
        uji.refresh_from_db()
        assert uji.status == U.DRAF


@pytest.mark.parametrize("actor_key", ALL_ACTORS)
def test_who_may_send_a_circulated_sheet_back(actors, actor_key):
    uji = circulated(actors)
    # Tim and PPID by role; the unit's Penyedia as a participant.
    if actor_key in {"tim", "ppid", "penyedia"}:
        uji = workflow.uji_revise(actor=actors[actor_key], uji=uji, catatan="Perjelas bagian.")
        assert uji.status == U.DRAF and uji.revisi == 1
    else:
        with pytest.raises(PermissionDenied):
            workflow.uji_revise(actor=actors[actor_key], uji=uji, catatan="x")
        uji.refresh_from_db()
        assert uji.status == U.DIEDARKAN


@pytest.mark.parametrize("actor_key", ALL_ACTORS)
def test_only_participants_sign(actors, actor_key):
    uji = circulated(actors)
    if actor_key in {"tim", "ppid", "penyedia"}:
        workflow.uji_sign(actor=actors[actor_key], uji=uji)
        peserta = uji.peserta.get(pengguna=actors[actor_key])
        assert peserta.ditandatangani_pada is not None and peserta.sidik == uji.content_digest()
    else:
        with pytest.raises(PermissionDenied):
            workflow.uji_sign(actor=actors[actor_key], uji=uji)
        assert not uji.peserta.filter(ditandatangani_pada__isnull=False).exists()


@pytest.mark.parametrize("actor_key", ALL_ACTORS)
def test_who_may_cancel_a_test(actors, actor_key):
    uji = sheet(actors)
    if actor_key == "ppid":
        uji = workflow.uji_cancel(actor=actors["ppid"], uji=uji, alasan="Tidak diperlukan.")
        assert uji.status == U.DIBATALKAN
    else:
        with pytest.raises(PermissionDenied):
            workflow.uji_cancel(actor=actors[actor_key], uji=uji, alasan="x")


@pytest.mark.parametrize(
    ("step", "state"),
    [
        ("edarkan", U.DIEDARKAN),
        ("revisi", U.DRAF),
        ("tandatangan", U.DRAF),
        ("batalkan", U.SELESAI),
        ("ubah", U.DIEDARKAN),
        ("ubah", U.SELESAI),
        ("selesaikan", U.DRAF),
    ],
)
def test_sheet_steps_refused_in_the_wrong_state(actors, step, state):
    if state == U.DRAF:
        uji = sheet(actors)
    elif state == U.DIEDARKAN:
        uji = circulated(actors)
    else:
        uji = completed(actors)
    ppid = actors["ppid"]
    run = {
        "edarkan": lambda: workflow.uji_circulate(actor=ppid, uji=uji),
        "revisi": lambda: workflow.uji_revise(actor=ppid, uji=uji, catatan="x"),
        "tandatangan": lambda: workflow.uji_sign(actor=ppid, uji=uji),
        "batalkan": lambda: workflow.uji_cancel(actor=ppid, uji=uji, alasan="x"),
        "ubah": lambda: workflow.uji_update(actor=ppid, uji=uji, values={"konsekuensi": "y"}),
        "selesaikan": lambda: workflow.uji_complete(actor=ppid, uji=uji),
    }[step]
    with pytest.raises(ValidationError):
        run()
    uji.refresh_from_db()
    assert uji.status == state


# ----------------------------------------------------------------------------- sign-offs


def test_a_sheet_is_circulated_only_when_every_step_and_participant_is_there(actors):
    uji = proposed_uji(actors["tim"], entry=documented_entry(actors["penyedia"], actors["desk"]))
    with pytest.raises(ValidationError) as exc:
        workflow.uji_circulate(actor=actors["ppid"], uji=uji)
    missing = exc.value.message_dict
    for field in ("konsekuensi", "kepentingan_publik", "pertimbangan", "kesimpulan", "peserta"):
        assert field in missing, field
    assert "PPID" in " ".join(missing["peserta"]) and "unit" in " ".join(missing["peserta"])
    workflow.uji_update(actor=actors["ppid"], uji=uji, values=sheet_values(berakhir_pada=None))
    with pytest.raises(ValidationError) as exc:
        workflow.uji_circulate(actor=actors["ppid"], uji=uji)
    assert "berakhir_pada" in exc.value.message_dict  # Ps 17 huruf a needs an end date
    uji.refresh_from_db()
    assert uji.status == U.DRAF


def test_a_sheet_cannot_be_completed_without_every_sign_off(actors):
    uji = circulated(actors)
    assert uji.peserta.count() == 3
    workflow.uji_sign(actor=actors["tim"], uji=uji)
    workflow.uji_sign(actor=actors["ppid"], uji=uji)
    uji.refresh_from_db()
    assert uji.status == U.DIEDARKAN
    with pytest.raises(ValidationError, match=str(actors["penyedia"])):
        workflow.uji_complete(actor=actors["ppid"], uji=uji)
    # Nothing changed by the refused completion, and the DB refuses it too.
    uji.refresh_from_db()
    assert uji.status == U.DIEDARKAN and uji.selesai_pada is None
    with pytest.raises(ValidationError, match="sudah menandatangani"):
        workflow.uji_sign(actor=actors["tim"], uji=uji)
    uji = workflow.uji_sign(actor=actors["penyedia"], uji=uji)
    assert uji.status == U.SELESAI and uji.selesai_pada is not None
    log = last_log(uji)
    assert (log.action, log.from_state, log.to_state) == (
        "informasi.uji.selesaikan",
        U.DIEDARKAN,
        U.SELESAI,
    )
    assert log.actor == actors["penyedia"]


def test_revision_voids_the_signatures_given(actors):
    uji = circulated(actors)
    workflow.uji_sign(actor=actors["tim"], uji=uji)
    workflow.uji_sign(actor=actors["ppid"], uji=uji)
    signed_digest = uji.content_digest()
    uji = workflow.uji_revise(actor=actors["penyedia"], uji=uji, catatan="Bagian kurang tepat.")
    assert not uji.peserta.filter(ditandatangani_pada__isnull=False).exists()
    uji = workflow.uji_update(
        actor=actors["ppid"], uji=uji, values={"bagian_dikecualikan": "Halaman 3"}
    )
    assert uji.content_digest() != signed_digest
    uji = workflow.uji_circulate(actor=actors["ppid"], uji=uji)
    for key in ("tim", "ppid"):
        uji = workflow.uji_sign(actor=actors[key], uji=uji)
    assert uji.status == U.DIEDARKAN
    uji = workflow.uji_sign(actor=actors["penyedia"], uji=uji)
    assert uji.status == U.SELESAI
    assert set(uji.peserta.values_list("sidik", flat=True)) == {uji.content_digest()}


def test_a_completed_sheet_is_frozen(actors):
    uji = completed(actors)
    with pytest.raises(ValidationError):
        workflow.uji_update(actor=actors["ppid"], uji=uji, values={"konsekuensi": "lain"})
    with pytest.raises(ValidationError):
        workflow.peserta_add(
            actor=actors["ppid"], uji=uji, pengguna=actors["pembina"], peran="pembina"
        )
    with pytest.raises(ValidationError):
        workflow.peserta_remove(actor=actors["ppid"], peserta=uji.peserta.first())
    with pytest.raises(ValidationError):
        workflow.uji_revise(actor=actors["ppid"], uji=uji, catatan="x")
    # Even code that bypasses the workflow cannot change the signed content.
    raw = UjiKonsekuensi.objects.get(pk=uji.pk)
    raw.konsekuensi = "diubah diam-diam"
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        raw.save()
    peserta = PesertaUji.objects.filter(uji=uji).first()
    peserta.catatan = "x"
    with pytest.raises(ValidationError):
        peserta.save()
    with pytest.raises(ValidationError):
        peserta.delete()
    uji.refresh_from_db()
    assert uji.konsekuensi == sheet_values()["konsekuensi"] and uji.peserta.count() == 3


def test_participants_must_hold_the_role_they_sign_for(actors):
    uji = proposed_uji(actors["tim"], entry=documented_entry(actors["penyedia"], actors["desk"]))
    ppid = actors["ppid"]
    with pytest.raises(ValidationError):
        workflow.peserta_add(actor=ppid, uji=uji, pengguna=actors["desk"], peran="ppid")
    with pytest.raises(ValidationError, match="Wakil unit"):
        workflow.peserta_add(actor=ppid, uji=uji, pengguna=actors["penyedia_lain"], peran="unit")
    with pytest.raises(ValidationError, match="sudah menjadi peserta"):
        workflow.peserta_add(actor=ppid, uji=uji, pengguna=actors["tim"], peran="tim_pertimbangan")
    # An outside expert needs only an active portal account.
    expert = workflow.peserta_add(actor=ppid, uji=uji, pengguna=actors["pemohon"], peran="ahli")
    assert expert.peran == "ahli"


def test_an_outside_expert_signs_as_a_participant(actors):
    uji = sheet(actors)
    workflow.peserta_add(
        actor=actors["ppid"], uji=uji, pengguna=actors["pemohon"], peran="ahli", jabatan="Ahli"
    )
    uji = workflow.uji_circulate(actor=actors["ppid"], uji=uji)
    for key in ("tim", "ppid", "penyedia"):
        uji = workflow.uji_sign(actor=actors[key], uji=uji)
    assert uji.status == U.DIEDARKAN
    uji = workflow.uji_sign(actor=actors["pemohon"], uji=uji)
    assert uji.status == U.SELESAI


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"permanen": True, "berakhir_pada": None, "alasan": "a"}, "permanen"),
        (
            {
                "permanen": True,
                "alasan": "h",
                "berakhir_pada": timezone.localdate() + timedelta(days=100),
            },
            "berakhir_pada",
        ),
        ({"berakhir_pada": timezone.localdate() - timedelta(days=1)}, "berakhir_pada"),
        ({"tanggal_uji": timezone.localdate() + timedelta(days=1)}, "tanggal_uji"),
        ({"judul_informasi": ""}, "judul_informasi"),
    ],
)
def test_sheet_values_are_checked(actors, values, field):
    uji = proposed_uji(actors["tim"], entry=documented_entry(actors["penyedia"], actors["desk"]))
    with pytest.raises(ValidationError) as exc:
        workflow.uji_update(actor=actors["ppid"], uji=uji, values=values)
    assert field in exc.value.message_dict


def test_permanent_only_for_grounds_g_to_j_also_in_the_database(actors):
    uji = completed(
        actors,
        alasan="h",
        permanen=True,
        berakhir_pada=None,
        dasar_hukum_lain="UU 27/2022 tentang Pelindungan Data Pribadi",
    )
    assert uji.permanen and uji.berakhir_pada is None
    draft = proposed_uji(actors["tim"], entry=documented_entry(actors["penyedia"], actors["desk"]))
    with pytest.raises(IntegrityError), transaction.atomic():
        UjiKonsekuensi.objects.filter(pk=draft.pk).update(alasan="a", permanen=True)


def test_a_permanent_exception_must_cite_the_law_that_allows_it(actors):
    uji = sheet(actors, alasan="h", permanen=True, berakhir_pada=None)
    with pytest.raises(ValidationError) as exc:
        workflow.uji_circulate(actor=actors["ppid"], uji=uji)
    assert "dasar_hukum_lain" in exc.value.message_dict


def test_an_original_attached_to_a_sheet_is_sensitive(actors):
    uji = proposed_uji(actors["tim"], entry=documented_entry(actors["penyedia"], actors["desk"]))
    uji = workflow.uji_attach_original(
        actor=actors["ppid"], uji=uji, upload=upload("asli.pdf", pdf_bytes("isi asli"))
    )
    assert uji.berkas_asli.sensitive


# ----------------------------------------------------------------------------- conclusion terbuka


def test_a_test_concluding_terbuka_sends_an_excepted_entry_back_to_the_dip(actors):
    from tests.informasi.factories import excepted_values

    entry = documented_entry(
        actors["penyedia"],
        actors["desk"],
        document="Isi dokumen",
        **{k: v for k, v in excepted_values().items() if k not in ("ringkasan",)},
    )
    assert entry.dikecualikan
    assert DokumenInformasi.objects.get(informasi=entry).berkas.sensitive
    stamp = entry.didokumentasikan_pada
    completed(actors, entry=entry, kesimpulan="terbuka", kategori_terbuka="berkala")
    entry.refresh_from_db()
    assert (entry.kategori, entry.alasan_pengecualian, entry.pengecualian_berakhir) == (
        "berkala",
        "",
        None,
    )
    assert entry.status == InformasiPublik.Status.DIDOKUMENTASIKAN
    assert entry.didokumentasikan_pada > stamp
    assert not DokumenInformasi.objects.get(informasi=entry).berkas.sensitive
    assert PembukaanInformasi.objects.get(informasi=entry).jenis == "uji_ulang"
    assert last_log(entry).action == "informasi.buka"
    _previous, planned = selectors.version_plan()
    row = next(b for b in planned if b.informasi_id == entry.pk)
    assert row.kategori == "berkala" and row.dokumen


def test_a_new_test_concluding_terbuka_ends_the_decree_in_force(actors):
    penetapan = actors_penetapan(actors)
    completed(actors, entry=penetapan.informasi, kesimpulan="terbuka")
    penetapan.refresh_from_db()
    assert penetapan.status == P.DIBUKA
    assert penetapan.pembukaan.get().jenis == "uji_ulang"
    entry = InformasiPublik.objects.get(pk=penetapan.informasi_id)
    assert not entry.dikecualikan


# ----------------------------------------------------------------------------- decree by role


@pytest.mark.parametrize("actor_key", ALL_ACTORS)
def test_only_the_ppid_issues_a_decree(actors, actor_key):
    uji = completed(actors)
    if actor_key == "ppid":
        penetapan = issued_penetapan(ppid=actors["ppid"], uji=uji)
        assert penetapan.status == P.MENUNGGU and penetapan.nomor.startswith("001/PPID-DK/")
        assert last_log(penetapan).to_state == P.MENUNGGU
    else:
        with pytest.raises(PermissionDenied):
            issued_penetapan(ppid=actors[actor_key], uji=uji)
        assert not PenetapanPengecualian.objects.exists()


@pytest.mark.parametrize("actor_key", ALL_ACTORS)
@pytest.mark.parametrize("step", ["setujui", "tolak"])
def test_only_the_atasan_approves_or_refuses(actors, actor_key, step):
    penetapan = issued(actors)
    actor = actors[actor_key]
    run = (
        (lambda: workflow.penetapan_approve(actor=actor, penetapan=penetapan))
        if step == "setujui"
        else (lambda: workflow.penetapan_reject(actor=actor, penetapan=penetapan, alasan="x"))
    )
    if actor_key == "atasan":
        result = run()
        assert result.status == workflow.PENETAPAN_TRANSITIONS[step].target
        log = last_log(result)
        assert (log.from_state, log.to_state, log.actor) == (P.MENUNGGU, result.status, actor)
    else:
        with pytest.raises(PermissionDenied):
            run()
        penetapan.refresh_from_db()
        assert penetapan.status == P.MENUNGGU


@pytest.mark.parametrize("actor_key", ALL_ACTORS)
def test_who_records_a_decision_that_opens_information(actors, actor_key):
    penetapan = actors_penetapan(actors)

    def run():
        return workflow.penetapan_open(
            actor=actors[actor_key],
            penetapan=penetapan,
            jenis="komisi_informasi",
            nomor_putusan="012/REG-PSI/2026",
            tanggal_putusan=timezone.localdate(),
        )

    if actor_key in {"ppid", "atasan"}:
        assert run().status == P.DIBUKA
    else:
        with pytest.raises(PermissionDenied):
            run()
        penetapan.refresh_from_db()
        assert penetapan.status == P.BERLAKU


@pytest.mark.parametrize("actor_key", ALL_ACTORS)
def test_only_the_ppid_sets_the_priority(actors, actor_key):
    penetapan = actors_penetapan(actors)
    if actor_key == "ppid":
        result = workflow.penetapan_set_priority(
            actor=actors["ppid"], penetapan=penetapan, prioritas=1
        )
        assert result.prioritas == 1
    else:
        with pytest.raises(PermissionDenied):
            workflow.penetapan_set_priority(
                actor=actors[actor_key], penetapan=penetapan, prioritas=1
            )


def test_a_decree_needs_a_completed_sheet_concluding_dikecualikan(actors):
    with pytest.raises(ValidationError, match="selesai"):
        issued_penetapan(ppid=actors["ppid"], uji=circulated(actors))
    with pytest.raises(ValidationError, match="selesai"):
        issued_penetapan(ppid=actors["ppid"], uji=completed(actors, kesimpulan="terbuka"))
    uji = completed(actors)
    issued_penetapan(ppid=actors["ppid"], uji=uji)
    with pytest.raises(ValidationError, match="sudah memiliki penetapan"):
        issued_penetapan(ppid=actors["ppid"], uji=uji)


@pytest.mark.parametrize(
    "days, message", [(1, "masa depan"), (-2, "sebelum tanggal uji konsekuensi")]
)
def test_decree_date_is_checked(actors, days, message):
    uji = completed(actors, tanggal_uji=timezone.localdate() - timedelta(days=1))
    with pytest.raises(ValidationError, match=message):
        issued_penetapan(
            ppid=actors["ppid"], uji=uji, tanggal=timezone.localdate() + timedelta(days=days)
        )


def test_decree_numbers_follow_each_other_per_year(actors):
    first = issued(actors)
    second = issued(actors)
    assert (first.urut, second.urut) == (1, 2) and first.tahun == second.tahun
    assert first.nomor != second.nomor


def test_a_refused_decree_can_be_issued_again(actors):
    penetapan = issued(actors)
    workflow.penetapan_reject(actor=actors["atasan"], penetapan=penetapan, alasan="Nomor salah.")
    again = issued_penetapan(ppid=actors["ppid"], uji=penetapan.uji)
    assert again.status == P.MENUNGGU and again.uji_id == penetapan.uji_id
    with pytest.raises(ValidationError):
        workflow.penetapan_approve(actor=actors["atasan"], penetapan=penetapan)


def test_approval_is_refused_when_the_period_has_already_ended(actors):
    today = timezone.localdate()
    uji = completed(
        actors, tanggal_uji=today - timedelta(days=100), berakhir_pada=today - timedelta(days=1)
    )
    penetapan = issued_penetapan(ppid=actors["ppid"], uji=uji, tanggal=today - timedelta(days=50))
    with pytest.raises(ValidationError, match="sudah berakhir"):
        workflow.penetapan_approve(actor=actors["atasan"], penetapan=penetapan)
    penetapan.refresh_from_db()
    assert penetapan.status == P.MENUNGGU


@pytest.mark.parametrize(
    ("name", "state"), [("setujui", P.BERLAKU), ("tolak", P.BERLAKU), ("buka", P.MENUNGGU)]
)
def test_decree_steps_refused_in_the_wrong_state(actors, name, state):
    penetapan = actors_penetapan(actors) if state == P.BERLAKU else issued(actors)
    with pytest.raises(ValidationError):
        if name == "setujui":
            workflow.penetapan_approve(actor=actors["atasan"], penetapan=penetapan)
        elif name == "tolak":
            workflow.penetapan_reject(actor=actors["atasan"], penetapan=penetapan, alasan="x")
        else:
            workflow.penetapan_open(
                actor=actors["ppid"],
                penetapan=penetapan,
                jenis="pengadilan",
                nomor_putusan="1/G/2026",
                tanggal_putusan=timezone.localdate(),
            )
    penetapan.refresh_from_db()
    assert penetapan.status == state


# ----------------------------------------------------------------------------- effect on the DIP


def test_approval_excepts_the_entry_in_whole(client, actors):
    entry = documented_entry(actors["penyedia"], actors["desk"], document="Laporan terbuka")
    publish_version(actors)
    document = DokumenInformasi.objects.get(informasi=entry)
    url = f"/informasi/dip/{entry.pk}/dokumen/{document.pk}/"
    assert client.get(url).status_code == 200
    penetapan = actors_penetapan(actors, entry=entry)
    entry.refresh_from_db()
    assert entry.kategori == "dikecualikan" and entry.alasan_pengecualian == "a"
    assert entry.pengecualian_berakhir == penetapan.berakhir_pada
    document.berkas.refresh_from_db()
    assert document.berkas.sensitive
    # Not served any more, even though the published version still lists it as public.
    assert client.get(url).status_code == 404
    assert last_log(entry).action == "informasi.kecualikan"
    assert penetapan.berkas_pdf is not None and penetapan.berkas_pdf.sensitive
    # The next version carries the entry as excepted, metadata only.
    versi = publish_version(actors)
    row = EntriVersi.objects.get(versi=versi, informasi=entry)
    assert row.kategori == "dikecualikan"
    assert client.get(f"/informasi/dip/{entry.pk}/").context["row"].dokumen_publik == []


def test_excepted_in_part_publishes_only_the_redacted_document(client, actors):
    entry = documented_entry(actors["penyedia"], actors["desk"], document="Nomor rekening asli")
    original = DokumenInformasi.objects.get(informasi=entry)
    uji = completed(actors, entry=entry, cakupan="sebagian", bagian_dikecualikan="Lampiran 3")
    with pytest.raises(ValidationError) as exc:
        issued_penetapan(ppid=actors["ppid"], uji=uji)
    assert "berkas_sensor" in exc.value.message_dict
    penetapan = issued_penetapan(
        ppid=actors["ppid"],
        uji=uji,
        berkas_sensor=upload("dihitamkan.pdf", pdf_bytes("Nomor rekening XXXX")),
    )
    penetapan = workflow.penetapan_approve(actor=actors["atasan"], penetapan=penetapan)
    entry.refresh_from_db()
    original.refresh_from_db()
    assert entry.kategori == "berkala"  # the rest stays public
    assert original.dihapus_pada is not None and original.berkas.sensitive
    assert list(penetapan.dokumen_dikecualikan.all()) == [original]
    redacted = penetapan.dokumen_sensor
    assert redacted.informasi_id == entry.pk and not redacted.berkas.sensitive
    versi = publish_version(actors)
    row = EntriVersi.objects.get(versi=versi, informasi=entry)
    assert list(row.dokumen.all()) == [redacted]
    page = client.get(f"/informasi/dip/{entry.pk}/")
    assert [d.pk for d in page.context["row"].dokumen_publik] == [redacted.pk]
    assert b"pengecualian-sebagian" in page.content
    assert client.get(f"/informasi/dip/{entry.pk}/dokumen/{original.pk}/").status_code == 404
    # When the exception ends, the originals come back in place of the redacted copy.
    workflow.penetapan_open(
        actor=actors["ppid"],
        penetapan=penetapan,
        jenis="pengadilan",
        nomor_putusan="5/G/2026/PTUN",
        tanggal_putusan=timezone.localdate(),
    )
    original.berkas.refresh_from_db()
    assert not original.berkas.sensitive
    active = selectors.active_documents(entry)
    assert [d.berkas_id for d in active] == [original.berkas_id]


def test_a_new_decree_replaces_the_one_in_force(actors):
    first = actors_penetapan(actors)
    second = actors_penetapan(actors, entry=first.informasi, berakhir_pada=first.berakhir_pada)
    first.refresh_from_db()
    assert (first.status, second.status) == (P.DIGANTIKAN, P.BERLAKU)
    with pytest.raises(IntegrityError), transaction.atomic():
        PenetapanPengecualian.objects.filter(pk=first.pk).update(status=P.BERLAKU)


def test_an_entry_excepted_while_being_updated_is_carried_as_excepted(actors):
    entry = documented_entry(actors["penyedia"], actors["desk"], document="teks dokumen")
    publish_version(actors)
    entry = workflow.entry_reopen(actor=actors["penyedia"], entry=entry)
    uji = completed(actors, entry=entry)
    workflow.penetapan_approve(
        actor=actors["atasan"], penetapan=issued_penetapan(ppid=actors["ppid"], uji=uji)
    )
    _previous, planned = selectors.version_plan()
    row = next(b for b in planned if b.informasi_id == entry.pk)
    assert row.source == "carry"
    assert row.kategori == "dikecualikan" and row.dokumen == frozenset()
    assert "teks dokumen" not in row.search_text


def test_text_of_a_newly_excepted_document_stops_being_searchable_at_once(actors):
    entry = documented_entry(actors["penyedia"], actors["desk"], document="kata zamrudrahasia")
    versi = publish_version(actors)

    def found():
        return selectors.filter_rows(selectors.version_rows(versi), q="zamrudrahasia").count()

    assert found() == 1
    actors_penetapan(actors, entry=entry)
    assert found() == 0


# ----------------------------------------------------------------------------- opening


def test_open_decisions_need_their_number_and_date(actors):
    penetapan = actors_penetapan(actors)
    with pytest.raises(ValidationError) as exc:
        workflow.penetapan_open(
            actor=actors["atasan"],
            penetapan=penetapan,
            jenis="komisi_informasi",
            tanggal_putusan=timezone.localdate() + timedelta(days=1),
        )
    assert {"nomor_putusan", "tanggal_putusan"} <= set(exc.value.message_dict)
    with pytest.raises(ValidationError):
        workflow.penetapan_open(
            actor=actors["ppid"],
            penetapan=penetapan,
            jenis="masa_berakhir",  # recorded only by the expiry check
            tanggal_putusan=timezone.localdate(),
        )


def test_the_ppid_opens_early_only_in_the_last_30_working_days(actors):
    far = actors_penetapan(actors)
    with pytest.raises(ValidationError, match="30 hari kerja"):
        workflow.penetapan_open(
            actor=actors["ppid"],
            penetapan=far,
            jenis="menjelang_berakhir",
            tanggal_putusan=timezone.localdate(),
        )
    near = actors_penetapan(actors, berakhir_pada=timezone.localdate() + timedelta(days=10))
    with pytest.raises(PermissionDenied):
        workflow.penetapan_open(
            actor=actors["atasan"],
            penetapan=near,
            jenis="menjelang_berakhir",
            tanggal_putusan=timezone.localdate(),
        )
    opened = workflow.penetapan_open(
        actor=actors["ppid"],
        penetapan=near,
        jenis="menjelang_berakhir",
        tanggal_putusan=timezone.localdate(),
    )
    assert opened.status == P.DIBUKA
    entry = InformasiPublik.objects.get(pk=near.informasi_id)
    assert not entry.dikecualikan and last_log(entry).action == "informasi.buka"
