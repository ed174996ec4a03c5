"""The DIP state machines: every transition, who may and may not make it, and the freeze."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from informasi import workflow
from informasi.models import EntriVersi, InformasiPublik, VersiDIP
from ppid_portal import audit
from tests.informasi.factories import (
    EntryValuesFactory,
    attach_pdf,
    create_entry,
    documented_entry,
    klasifikasi_for,
    publish_version,
    set_version,
    submitted_entry,
)

pytestmark = pytest.mark.django_db

E = InformasiPublik.Status
V = VersiDIP.Status
ALL_ACTORS = ["penyedia", "penyedia_lain", "desk", "ppid", "atasan", "tim", "pembina", "pemohon"]


def entry_in(actors, state: str) -> InformasiPublik:
    """An entry of unit A (the `penyedia` fixture's unit) brought to `state` by the services."""
    penyedia, desk = actors["penyedia"], actors["desk"]
    if state == E.DRAF:
        return create_entry(penyedia)
    if state == E.DIAJUKAN:
        return submitted_entry(penyedia)
    if state == E.DIKEMBALIKAN:
        return workflow.entry_return(actor=desk, entry=submitted_entry(penyedia), reason="Kurang")
    if state == E.DIDOKUMENTASIKAN:
        return documented_entry(penyedia, desk)
    if state == E.DICABUT:
        return workflow.entry_withdraw(
            actor=actors["ppid"], entry=create_entry(penyedia), reason="x"
        )
    raise AssertionError(state)


def run_entry(name: str, actor, entry):
    if name == "ajukan":
        return workflow.entry_submit(actor=actor, entry=entry)
    if name == "dokumentasikan":
        return workflow.entry_document(actor=actor, entry=entry, klasifikasi=klasifikasi_for(entry))
    if name == "kembalikan":
        return workflow.entry_return(actor=actor, entry=entry, reason="Lengkapi dokumen")
    if name == "koreksi":
        return workflow.entry_correct(actor=actor, entry=entry, note="Perbaiki penanggung jawab")
    if name == "mutakhirkan":
        return workflow.entry_reopen(actor=actor, entry=entry)
    if name == "cabut":
        return workflow.entry_withdraw(actor=actor, entry=entry, reason="Tidak relevan")
    raise AssertionError(name)


# (transition, starting state, actors who may) — every other actor is refused.
ENTRY_CASES = [
    ("ajukan", E.DRAF, {"penyedia"}),
    ("ajukan", E.DIKEMBALIKAN, {"penyedia"}),
    ("dokumentasikan", E.DIAJUKAN, {"desk"}),
    ("kembalikan", E.DIAJUKAN, {"desk"}),
    ("koreksi", E.DIAJUKAN, {"atasan"}),
    ("koreksi", E.DIDOKUMENTASIKAN, {"atasan"}),
    ("mutakhirkan", E.DIDOKUMENTASIKAN, {"penyedia"}),
    ("cabut", E.DRAF, {"penyedia", "ppid"}),
    ("cabut", E.DIKEMBALIKAN, {"penyedia", "ppid"}),
    ("cabut", E.DIAJUKAN, {"ppid"}),
    ("cabut", E.DIDOKUMENTASIKAN, {"ppid"}),
]


@pytest.mark.parametrize("actor_key", ALL_ACTORS)
@pytest.mark.parametrize(("name", "state", "allowed"), ENTRY_CASES)
def test_entry_transition_by_role(actors, name, state, allowed, actor_key):
    entry = entry_in(actors, state)
    actor = actors[actor_key]
    transition = workflow.ENTRY_TRANSITIONS[name]
    if actor_key in allowed:
        result = run_entry(name, actor, entry)
        assert result.status == transition.target
        log = audit.history(entry).last()
        assert (log.from_state, log.to_state, log.actor) == (state, transition.target, actor)
        assert log.action == f"informasi.{name}"
    else:
        with pytest.raises(PermissionDenied):
            run_entry(name, actor, entry)
        entry.refresh_from_db()
        assert entry.status == state


@pytest.mark.parametrize(
    ("name", "actor_key", "state"),
    [
        ("ajukan", "penyedia", E.DIAJUKAN),
        ("ajukan", "penyedia", E.DIDOKUMENTASIKAN),
        ("dokumentasikan", "desk", E.DRAF),
        ("dokumentasikan", "desk", E.DIDOKUMENTASIKAN),
        ("kembalikan", "desk", E.DIDOKUMENTASIKAN),
        ("kembalikan", "desk", E.DRAF),
        ("koreksi", "atasan", E.DRAF),
        ("mutakhirkan", "penyedia", E.DRAF),
        ("cabut", "ppid", E.DICABUT),
    ],
)
def test_entry_transition_refused_in_wrong_state(actors, name, actor_key, state):
    entry = entry_in(actors, state)
    with pytest.raises((ValidationError, PermissionDenied)) as exc:
        run_entry(name, actors[actor_key], entry)
    if exc.type is ValidationError:
        assert "tidak dapat dilakukan" in " ".join(exc.value.messages)
    entry.refresh_from_db()
    assert entry.status == state


def test_every_state_appears_in_the_transition_tables():
    entry_states = {workflow.ENTRY_INITIAL}
    for t in workflow.ENTRY_TRANSITIONS.values():
        entry_states |= set(t.sources) | {t.target}
    assert entry_states == set(E.values)
    version_states = {workflow.VERSION_INITIAL}
    for t in workflow.VERSION_TRANSITIONS.values():
        version_states |= set(t.sources) | {t.target}
    assert version_states == set(V.values)


def test_return_reason_is_required_and_shown_to_the_unit(actors):
    entry = submitted_entry(actors["penyedia"])
    with pytest.raises(ValidationError):
        workflow.entry_return(actor=actors["desk"], entry=entry, reason="   ")
    entry = workflow.entry_return(actor=actors["desk"], entry=entry, reason="Lampirkan SK.")
    assert entry.catatan_pengembalian == "Lampirkan SK."
    assert entry.dikembalikan_oleh == actors["desk"]


def test_atasan_correction_keeps_notes_and_unit_resubmits(actors):
    entry = documented_entry(actors["penyedia"], actors["desk"])
    entry = workflow.entry_correct(actor=actors["atasan"], entry=entry, note="Retensi salah.")
    assert entry.status == E.DIKEMBALIKAN and entry.catatan_pengembalian == "Retensi salah."
    entry = workflow.entry_update(
        actor=actors["penyedia"], entry=entry, values={"retensi": "10 tahun"}
    )
    assert workflow.entry_submit(actor=actors["penyedia"], entry=entry).status == E.DIAJUKAN


def test_penyedia_creates_only_for_own_unit(actors):
    entry = create_entry(actors["penyedia"])
    assert entry.unit == actors["unit_a"] and entry.status == E.DRAF
    assert audit.history(entry).get().action == "informasi.buat"
    for key in ["desk", "ppid", "atasan", "pemohon"]:
        with pytest.raises(PermissionDenied):
            create_entry(actors[key])


def test_penyedia_without_unit_cannot_create(actors):
    user = actors["penyedia"]
    user.unit = None
    user.save(update_fields=["unit"])
    with pytest.raises(PermissionDenied):
        create_entry(user)


@pytest.mark.parametrize("actor_key", ["penyedia_lain", "desk", "ppid", "atasan"])
def test_only_the_units_penyedia_edits_a_draft(actors, actor_key):
    entry = create_entry(actors["penyedia"])
    with pytest.raises(PermissionDenied):
        workflow.entry_update(actor=actors[actor_key], entry=entry, values={"tahun": 2024})


def test_submitted_entry_cannot_be_edited_by_its_penyedia(actors):
    entry = submitted_entry(actors["penyedia"])
    with pytest.raises(PermissionDenied):
        workflow.entry_update(actor=actors["penyedia"], entry=entry, values={"tahun": 2024})


def test_edit_validates_and_audits_changed_fields(actors):
    entry = create_entry(actors["penyedia"])
    with pytest.raises(ValidationError) as exc:
        workflow.entry_update(
            actor=actors["penyedia"], entry=entry, values={"kategori": "dikecualikan"}
        )
    assert "alasan_pengecualian" in exc.value.message_dict
    entry = workflow.entry_update(actor=actors["penyedia"], entry=entry, values={"tahun": 2024})
    assert entry.tahun == 2024
    assert "tahun" in audit.history(entry).last().note


def test_desk_documents_with_locations_and_retention(actors):
    entry = submitted_entry(actors["penyedia"])
    with pytest.raises(ValidationError) as exc:
        workflow.entry_document(
            actor=actors["desk"],
            entry=entry,
            klasifikasi=klasifikasi_for(entry, lokasi_softcopy="", lokasi_hardcopy="", retensi=""),
        )
    assert {"lokasi_softcopy", "lokasi_hardcopy", "retensi"} <= set(exc.value.message_dict)
    entry.refresh_from_db()
    assert entry.status == E.DIAJUKAN
    entry = workflow.entry_document(
        actor=actors["desk"],
        entry=entry,
        klasifikasi=klasifikasi_for(entry, kategori="setiap_saat"),
    )
    assert entry.kategori == "setiap_saat" and entry.lokasi_hardcopy == "Ruang Arsip Rak A"
    assert "kategori" in audit.history(entry).last().note


def test_classifying_as_excepted_marks_files_sensitive(actors):
    entry = create_entry(actors["penyedia"])
    document = attach_pdf(actors["penyedia"], entry)
    assert not document.berkas.sensitive
    entry = workflow.entry_submit(actor=actors["penyedia"], entry=entry)
    workflow.entry_document(
        actor=actors["desk"],
        entry=entry,
        klasifikasi=klasifikasi_for(
            entry,
            kategori="dikecualikan",
            alasan_pengecualian="h",
        ),
    )
    document.berkas.refresh_from_db()
    assert document.berkas.sensitive


def test_notices_are_sent_after_commit(actors, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        entry = submitted_entry(actors["penyedia"])
    assert [m.to for m in mailoutbox] == [["desk@contoh.go.id"]]
    with django_capture_on_commit_callbacks(execute=True):
        workflow.entry_return(actor=actors["desk"], entry=entry, reason="Lampirkan SK.")
    assert mailoutbox[-1].to == ["penyedia@contoh.go.id"]
    assert "Lampirkan SK." in mailoutbox[-1].body


# ----------------------------------------------------------------------------- versions


def run_version(name: str, actor, versi):
    if name == "perintahkan":
        return workflow.version_order(actor=actor, versi=versi, note="Unggah")
    if name == "publikasikan":
        return workflow.version_publish(actor=actor, versi=versi)
    if name == "batalkan":
        return workflow.version_cancel(actor=actor, versi=versi, reason="SK salah")
    raise AssertionError(name)


VERSION_CASES = [
    ("perintahkan", V.DITETAPKAN, {"atasan"}),
    ("publikasikan", V.DIPERINTAHKAN, {"desk"}),
    ("batalkan", V.DITETAPKAN, {"ppid"}),
    ("batalkan", V.DIPERINTAHKAN, {"ppid"}),
]


def version_in(actors, state: str) -> VersiDIP:
    documented_entry(actors["penyedia"], actors["desk"])
    versi = set_version(actors["ppid"])
    if state == V.DIPERINTAHKAN:
        versi = workflow.version_order(actor=actors["atasan"], versi=versi)
    return versi


@pytest.mark.parametrize("actor_key", ALL_ACTORS)
@pytest.mark.parametrize(("name", "state", "allowed"), VERSION_CASES)
def test_version_transition_by_role(actors, name, state, allowed, actor_key):
    versi = version_in(actors, state)
    target = workflow.VERSION_TRANSITIONS[name].target
    if actor_key in allowed:
        assert run_version(name, actors[actor_key], versi).status == target
        log = audit.history(versi).last()
        assert (log.from_state, log.to_state) == (state, target)
    else:
        with pytest.raises(PermissionDenied):
            run_version(name, actors[actor_key], versi)
        versi.refresh_from_db()
        assert versi.status == state


@pytest.mark.parametrize("actor_key", [a for a in ALL_ACTORS if a != "ppid"])
def test_only_ppid_sets_a_version(actors, actor_key):
    documented_entry(actors["penyedia"], actors["desk"])
    with pytest.raises(PermissionDenied):
        set_version(actors[actor_key])
    assert not VersiDIP.objects.exists()


def test_publish_requires_the_order_and_order_requires_a_set_version(actors):
    versi = version_in(actors, V.DITETAPKAN)
    with pytest.raises(ValidationError):
        workflow.version_publish(actor=actors["desk"], versi=versi)
    versi = workflow.version_order(actor=actors["atasan"], versi=versi)
    with pytest.raises(ValidationError):
        workflow.version_order(actor=actors["atasan"], versi=versi)
    versi = workflow.version_publish(actor=actors["desk"], versi=versi)
    for name, actor in [("batalkan", "ppid"), ("publikasikan", "desk")]:
        with pytest.raises(ValidationError):
            run_version(name, actors[actor], versi)


def test_empty_register_cannot_be_set(actors):
    create_entry(actors["penyedia"])
    with pytest.raises(ValidationError) as exc:
        set_version(actors["ppid"])
    assert "kosong" in exc.value.messages[0]


def test_a_pending_version_blocks_a_new_one_until_cancelled(actors):
    versi = version_in(actors, V.DITETAPKAN)
    with pytest.raises(ValidationError) as exc:
        set_version(actors["ppid"])
    assert "belum dipublikasikan" in exc.value.messages[0]
    workflow.version_cancel(actor=actors["ppid"], versi=versi, reason="SK salah ketik")
    second = set_version(actors["ppid"])
    assert second.nomor == 2 and second.sebelumnya is None


def test_duplicate_sk_number_is_refused(actors):
    documented_entry(actors["penyedia"], actors["desk"])
    versi = publish_version(actors)
    with pytest.raises(ValidationError) as exc:
        workflow.version_set(
            actor=actors["ppid"],
            nomor_sk=versi.nomor_sk,
            tanggal_sk=versi.tanggal_sk,
            penandatangan="A",
            jabatan_penandatangan="PPID",
        )
    assert "nomor_sk" in exc.value.message_dict


def test_publishing_replaces_the_previous_version(actors):
    documented_entry(actors["penyedia"], actors["desk"])
    first = publish_version(actors)
    documented_entry(actors["penyedia"], actors["desk"])
    second = publish_version(actors)
    first.refresh_from_db()
    assert (first.status, second.status) == (V.DIGANTIKAN, V.DIPUBLIKASIKAN)
    assert audit.history(first).last().action == "informasi.versi.gantikan"
    assert VersiDIP.objects.filter(status=V.DIPUBLIKASIKAN).count() == 1


def test_database_allows_only_one_published_version(actors):
    documented_entry(actors["penyedia"], actors["desk"])
    first = publish_version(actors)
    documented_entry(actors["penyedia"], actors["desk"])
    second = set_version(actors["ppid"])
    with pytest.raises(IntegrityError), transaction.atomic():
        VersiDIP.objects.filter(pk=second.pk).update(status=V.DIPUBLIKASIKAN)
    assert first.pk != second.pk


def test_version_freezes_entries_and_values(actors):
    penyedia, desk = actors["penyedia"], actors["desk"]
    entry = documented_entry(penyedia, desk, ringkasan="Laporan keuangan 2024")
    attach = create_entry(penyedia, ringkasan="Masih draf")  # not documented: not in the version
    first = publish_version(actors)
    assert list(first.entri.values_list("informasi_id", flat=True)) == [entry.pk]

    entry = workflow.entry_reopen(actor=penyedia, entry=entry)
    entry = workflow.entry_update(
        actor=penyedia, entry=entry, values={"ringkasan": "Laporan keuangan 2024 (revisi)"}
    )
    attach_pdf(penyedia, entry)
    row = EntriVersi.objects.get(versi=first, informasi=entry)
    assert row.ringkasan == "Laporan keuangan 2024" and row.dokumen.count() == 0

    # Pemutakhiran while the entry is being revised: the old values are carried over.
    workflow.entry_withdraw(actor=penyedia, entry=attach, reason="duplikat")
    documented_entry(penyedia, desk, ringkasan="Entri baru")
    second = set_version(actors["ppid"])
    carried = EntriVersi.objects.get(versi=second, informasi=entry)
    assert carried.ringkasan == "Laporan keuangan 2024" and second.sebelumnya == first

    workflow.version_cancel(actor=actors["ppid"], versi=second, reason="ulang")
    entry = workflow.entry_submit(actor=penyedia, entry=entry)
    workflow.entry_document(actor=desk, entry=entry, klasifikasi=klasifikasi_for(entry))
    third = set_version(actors["ppid"])
    current = EntriVersi.objects.get(versi=third, informasi=entry)
    assert current.ringkasan == "Laporan keuangan 2024 (revisi)" and current.dokumen.count() == 1
    assert EntriVersi.objects.get(versi=first, informasi=entry).ringkasan == "Laporan keuangan 2024"
    assert third.sebelumnya == first  # a cancelled version is not built upon


def test_withdrawn_entry_leaves_the_next_version(actors):
    keep = documented_entry(actors["penyedia"], actors["desk"])
    drop = documented_entry(actors["penyedia"], actors["desk"])
    publish_version(actors)
    workflow.entry_withdraw(actor=actors["ppid"], entry=drop, reason="Digabung")
    second = set_version(actors["ppid"])
    assert set(second.entri.values_list("informasi_id", flat=True)) == {keep.pk}


def test_version_rows_are_numbered_in_category_order(actors):
    penyedia, desk = actors["penyedia"], actors["desk"]
    documented_entry(penyedia, desk, kategori="setiap_saat", ringkasan="C")
    documented_entry(penyedia, desk, kategori="berkala", ringkasan="A")
    documented_entry(penyedia, desk, kategori="serta_merta", ringkasan="B")
    versi = set_version(actors["ppid"])
    assert list(versi.entri.order_by("nomor_urut").values_list("nomor_urut", "kategori")) == [
        (1, "berkala"),
        (2, "serta_merta"),
        (3, "setiap_saat"),
    ]


def test_values_factory_is_valid():
    from informasi.validation import clean_values

    assert clean_values(EntryValuesFactory())["tahun"] == 2025
