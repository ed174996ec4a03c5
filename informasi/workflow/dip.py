"""The DIP register: entries from a unit's draft to a documented entry, and versions of the DIP
from penetapan (the PPID's SK) to publication on the website. Also the PPID's own documents (the
annual report) entering the register.

SOP (seed 001, KPU Kab. Serang): 1. Penyedia/Tim Penghubung collect their unit's information
(draft per sub-bagian); 2. Desk classifies and documents it in softcopy and hardcopy; 3. PPID sets
and updates the DIP; 4. Atasan orders the upload; 5. Desk uploads the DIP to the website."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ppid_portal import audit, mail, numbering
from ppid_portal.access import can, require
from ppid_portal.models import StoredFile, UnitKerja
from ppid_portal.retention import retention_text
from ppid_portal.roles import Role

from .. import extract, search, selectors
from ..models import (
    BENTUK_FIELDS,
    VALUE_FIELDS,
    DokumenInformasi,
    EntriVersi,
    ImporDIP,
    InformasiPublik,
    VersiDIP,
)
from ..validation import TEXT_LIMITS, clean_values, field_label
from ._common import E, Transition, V, _lock_entry, _refuse_state, _required_text, _t

# Creating an entry puts it in DRAF (`entry_create`).
ENTRY_INITIAL = E.DRAF
ENTRY_TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        _t("ajukan", {E.DRAF, E.DIKEMBALIKAN}, E.DIAJUKAN, "informasi.entri.ajukan",
           gettext_lazy("Ajukan ke Desk")),
        _t("dokumentasikan", {E.DIAJUKAN}, E.DIDOKUMENTASIKAN, "informasi.entri.dokumentasikan",
           gettext_lazy("Klasifikasi dan dokumentasikan")),
        _t("kembalikan", {E.DIAJUKAN}, E.DIKEMBALIKAN, "informasi.entri.kembalikan",
           gettext_lazy("Kembalikan ke unit")),
        _t("koreksi", {E.DIAJUKAN, E.DIDOKUMENTASIKAN}, E.DIKEMBALIKAN, "informasi.entri.koreksi",
           gettext_lazy("Koreksi: kembalikan dengan catatan")),
        _t("mutakhirkan", {E.DIDOKUMENTASIKAN}, E.DRAF, "informasi.entri.mutakhirkan",
           gettext_lazy("Buka untuk pemutakhiran")),
        _t("cabut", {E.DRAF, E.DIAJUKAN, E.DIKEMBALIKAN, E.DIDOKUMENTASIKAN}, E.DICABUT,
           "informasi.entri.cabut", gettext_lazy("Cabut dari DIP")),
    ]
}  # fmt: skip

# Setting a version (`version_set`) creates it in DITETAPKAN.
VERSION_INITIAL = V.DITETAPKAN
VERSION_TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        _t("perintahkan", {V.DITETAPKAN}, V.DIPERINTAHKAN, "informasi.versi.perintahkan",
           gettext_lazy("Perintahkan unggah")),
        _t("publikasikan", {V.DIPERINTAHKAN}, V.DIPUBLIKASIKAN, "informasi.versi.publikasikan",
           gettext_lazy("Unggah ke situs")),
        # Part of publishing the next version: the newest published version replaces it.
        _t("gantikan", {V.DIPUBLIKASIKAN}, V.DIGANTIKAN, None, gettext_lazy("Digantikan")),
        _t("batalkan", {V.DITETAPKAN, V.DIPERINTAHKAN}, V.DIBATALKAN, "informasi.versi.batalkan",
           gettext_lazy("Batalkan versi")),
    ]
}  # fmt: skip


def _lock_version(versi: VersiDIP | int) -> VersiDIP:
    pk = versi.pk if isinstance(versi, VersiDIP) else versi
    return VersiDIP.objects.select_for_update().get(pk=pk)


def _begin_entry(name: str, actor, entry) -> tuple[InformasiPublik, Transition]:
    transition = ENTRY_TRANSITIONS[name]
    locked = _lock_entry(entry)
    require(actor, transition.action, locked)
    _refuse_state(transition, locked.status, E)
    return locked, transition


def _begin_version(name: str, actor, versi) -> tuple[VersiDIP, Transition]:
    transition = VERSION_TRANSITIONS[name]
    locked = _lock_version(versi)
    require(actor, transition.action, locked)
    _refuse_state(transition, locked.status, V)
    return locked, transition


def available_entry_transitions(entry: InformasiPublik, user) -> list[Transition]:
    """The transitions `user` may make now (for buttons); the functions check again."""
    return [
        t
        for t in ENTRY_TRANSITIONS.values()
        if entry.status in t.sources and t.action and can(user, t.action, entry)
    ]


def available_version_transitions(versi: VersiDIP, user) -> list[Transition]:
    return [
        t
        for t in VERSION_TRANSITIONS.values()
        if versi.status in t.sources and t.action and can(user, t.action, versi)
    ]


# ----------------------------------------------------------------------------- entries


def _retention_from_schedule(cleaned: dict, known: dict | None = None) -> dict:
    """An entry whose classification code is in the Jadwal Retensi Arsip takes its "jangka waktu
    penyimpanan" (Perki 1/2021 DIP column 7) from the schedule, in Bahasa Indonesia. `known`:
    the codes already looked up in this step (an import of thousands of rows asks about a few
    dozen codes). The schedule is the archive app's: asked through the core, not imported."""
    if cleaned.get("kode_klasifikasi"):
        kode = cleaned["kode_klasifikasi"]
        if known is not None and kode in known:
            teks = known[kode]
        else:
            with translation.override("id"):
                teks = retention_text(kode)
            if known is not None:
                known[kode] = teks
        if teks is not None:
            cleaned["retensi"] = teks[: TEXT_LIMITS["retensi"]]
    return cleaned


def _new_entry(
    *,
    actor,
    unit: UnitKerja,
    values: dict,
    impor: ImporDIP | None,
    note: str,
    retensi_known: dict | None = None,
):
    cleaned = _retention_from_schedule(clean_values(values), retensi_known)
    now = timezone.now()
    entry = InformasiPublik(
        unit=unit,
        status=ENTRY_INITIAL,
        dibuat_oleh=actor if getattr(actor, "is_authenticated", False) else None,
        dibuat_pada=now,
        diubah_pada=now,
        impor=impor,
        **{k: v for k, v in cleaned.items() if k in VALUE_FIELDS and k != "unit"},
    )
    entry.save()
    audit.record(actor=actor, obj=entry, action="informasi.buat", to_state=entry.status, note=note)
    return entry


@transaction.atomic
def entry_create(*, actor, values: dict) -> InformasiPublik:
    """(new) → draf. A Penyedia proposes an entry for their own unit."""
    require(actor, "informasi.entri.create")
    return _new_entry(actor=actor, unit=actor.unit, values=values, impor=None, note="")


def entry_create_imported(
    *,
    actor,
    unit: UnitKerja,
    values: dict,
    impor: ImporDIP,
    row: int,
    retensi_known: dict | None = None,
) -> InformasiPublik:
    """(new) → draf, for one row of an import the PPID runs (inside its transaction);
    `retensi_known` is shared by the rows of one import."""
    require(actor, "informasi.impor")
    return _new_entry(
        actor=actor,
        unit=unit,
        values=values,
        impor=impor,
        retensi_known=retensi_known,
        note=_("Diimpor dari %(file)s, baris %(row)s")
        % {"file": impor.berkas.original_name, "row": row},
    )


@transaction.atomic
def entry_update(*, actor, entry: InformasiPublik, values: dict) -> InformasiPublik:
    """Edit the values of a draft or returned entry (no state change). Penyedia of the unit."""
    locked = _lock_entry(entry)
    require(actor, "informasi.entri.edit", locked)
    if not locked.editable:
        raise ValidationError(_("Hanya draf atau entri yang dikembalikan yang dapat diubah."))
    merged = {name: getattr(locked, name) for name in VALUE_FIELDS if name != "unit"}
    merged.update(values)
    cleaned = _retention_from_schedule(clean_values(merged))
    changed = [
        name for name in VALUE_FIELDS if name != "unit" and getattr(locked, name) != cleaned[name]
    ]
    if not changed:
        return locked
    for name in changed:
        setattr(locked, name, cleaned[name])
    locked.diubah_pada = timezone.now()
    locked.save(update_fields=[*changed, "diubah_pada"])
    if "kategori" in changed:
        # The public pages of a published version serve an entry's documents by its current
        # category: an entry (re)classified as excepted loses them, and its text, at once.
        search.reindex_entry(locked.pk)
        selectors.invalidate_public()
    audit.record(
        actor=actor,
        obj=locked,
        action="informasi.ubah",
        from_state=locked.status,
        to_state=locked.status,
        note=_("Diubah: %(fields)s") % {"fields": ", ".join(field_label(n) for n in changed)},
    )
    return locked


@transaction.atomic
def entry_submit(*, actor, entry: InformasiPublik) -> InformasiPublik:
    """draf | dikembalikan → diajukan. Penyedia of the entry's unit."""
    locked, transition = _begin_entry("ajukan", actor, entry)
    clean_values({name: getattr(locked, name) for name in VALUE_FIELDS if name != "unit"})
    before = locked.status
    locked.status = transition.target
    locked.diajukan_pada = timezone.now()
    locked.save(update_fields=["status", "diajukan_pada"])
    audit.record(
        actor=actor, obj=locked, action="informasi.ajukan", from_state=before,
        to_state=locked.status,
    )  # fmt: skip
    mail.notify(
        "informasi/diajukan",
        to=mail.staff_emails(Role.DESK),
        context={"entry": locked, "actor": actor},
        about=locked,
    )
    return locked


@dataclass(frozen=True)
class Klasifikasi:
    """What the Desk records when it documents an entry (SOP seed 001 step 2, seed 003)."""

    kategori: str
    retensi: str
    softcopy: bool = False
    hardcopy: bool = False
    cetak: bool = False
    rekam: bool = False
    online: bool = False
    lokasi_softcopy: str = ""
    lokasi_hardcopy: str = ""
    kode_klasifikasi: str = ""
    alasan_pengecualian: str = ""
    pengecualian_berakhir: date | None = None


@transaction.atomic
def entry_document(
    *, actor, entry: InformasiPublik, klasifikasi: Klasifikasi, note: str = ""
) -> InformasiPublik:
    """diajukan → didokumentasikan. Desk: checks category and format, records where the
    softcopy and hardcopy are kept."""
    locked, transition = _begin_entry("dokumentasikan", actor, entry)
    values = {name: getattr(locked, name) for name in VALUE_FIELDS if name != "unit"}
    for name in (
        "kategori",
        "retensi",
        "kode_klasifikasi",
        "alasan_pengecualian",
        "pengecualian_berakhir",
        *(n for n, _label in BENTUK_FIELDS),
    ):
        values[name] = getattr(klasifikasi, name)
    cleaned = _retention_from_schedule(clean_values(values))
    errors: dict[str, str] = {}
    if not cleaned["retensi"]:
        errors["retensi"] = _("Isi jangka waktu penyimpanan atau retensi arsip.")
    lokasi_softcopy = " ".join(klasifikasi.lokasi_softcopy.split())
    lokasi_hardcopy = " ".join(klasifikasi.lokasi_hardcopy.split())
    if cleaned["softcopy"] and not lokasi_softcopy:
        errors["lokasi_softcopy"] = _("Catat di mana softcopy disimpan.")
    if cleaned["hardcopy"] and not lokasi_hardcopy:
        errors["lokasi_hardcopy"] = _("Catat di mana hardcopy disimpan.")
    if errors:
        raise ValidationError(errors)
    changes = [
        f"{field_label(name)}: {getattr(locked, name) or '—'} → {cleaned[name] or '—'}"
        for name in values
        if getattr(locked, name) != cleaned[name]
    ]
    for name in values:
        setattr(locked, name, cleaned[name])
    before = locked.status
    locked.lokasi_softcopy = lokasi_softcopy
    locked.lokasi_hardcopy = lokasi_hardcopy
    locked.status = transition.target
    locked.didokumentasikan_oleh = actor
    locked.didokumentasikan_pada = timezone.now()
    locked.save(
        update_fields=[
            *values,
            "lokasi_softcopy",
            "lokasi_hardcopy",
            "status",
            "didokumentasikan_oleh",
            "didokumentasikan_pada",
        ]
    )
    if locked.dikecualikan:
        # Files of excepted information: every staff read is audited from now on.
        from ppid_portal.models import StoredFile

        StoredFile.objects.filter(
            pk__in=locked.dokumen.filter(berkas__isnull=False).values("berkas_id")
        ).update(sensitive=True)
        # A published row of this entry stops being found by its documents' text at once.
        search.reindex_entry(locked.pk)
        selectors.invalidate_public()
    audit.record(
        actor=actor,
        obj=locked,
        action="informasi.dokumentasikan",
        from_state=before,
        to_state=locked.status,
        note="\n".join(filter(None, [note.strip(), *changes])),
    )
    return locked


def _send_back(name: str, *, actor, entry, reason: str, message: str) -> InformasiPublik:
    locked, transition = _begin_entry(name, actor, entry)
    reason = _required_text(reason, message)
    before = locked.status
    locked.status = transition.target
    locked.catatan_pengembalian = reason
    locked.dikembalikan_oleh = actor
    locked.dikembalikan_pada = timezone.now()
    locked.save(
        update_fields=["status", "catatan_pengembalian", "dikembalikan_oleh", "dikembalikan_pada"]
    )
    audit.record(
        actor=actor, obj=locked, action=f"informasi.{name}", from_state=before,
        to_state=locked.status, note=reason,
    )  # fmt: skip
    mail.notify(
        "informasi/dikembalikan",
        to=mail.staff_emails(Role.PENYEDIA, unit=locked.unit),
        context={"entry": locked, "actor": actor, "reason": reason},
        about=locked,
    )
    return locked


@transaction.atomic
def entry_return(*, actor, entry: InformasiPublik, reason: str) -> InformasiPublik:
    """diajukan → dikembalikan. Desk, with the reason shown to the unit."""
    return _send_back(
        "kembalikan",
        actor=actor,
        entry=entry,
        reason=reason,
        message=_("Tuliskan alasan pengembalian agar unit dapat memperbaikinya."),
    )


@transaction.atomic
def entry_correct(*, actor, entry: InformasiPublik, note: str) -> InformasiPublik:
    """diajukan | didokumentasikan → dikembalikan. Atasan PPID corrects a unit's entry; the
    notes are shown to the unit. A version already set keeps the old values."""
    return _send_back(
        "koreksi",
        actor=actor,
        entry=entry,
        reason=note,
        message=_("Tuliskan catatan koreksi untuk unit."),
    )


@transaction.atomic
def entry_reopen(*, actor, entry: InformasiPublik, note: str = "") -> InformasiPublik:
    """didokumentasikan → draf. The unit's Penyedia updates an entry (pemutakhiran); versions
    already set keep the values they froze."""
    locked, transition = _begin_entry("mutakhirkan", actor, entry)
    before = locked.status
    locked.status = transition.target
    locked.diubah_pada = timezone.now()
    locked.save(update_fields=["status", "diubah_pada"])
    audit.record(
        actor=actor, obj=locked, action="informasi.mutakhirkan", from_state=before,
        to_state=locked.status, note=note.strip(),
    )  # fmt: skip
    return locked


@transaction.atomic
def entry_withdraw(*, actor, entry: InformasiPublik, reason: str) -> InformasiPublik:
    """draf | diajukan | dikembalikan | didokumentasikan → dicabut. PPID (any entry) or the
    unit's Penyedia (own draft or returned entry). The next version leaves it out."""
    locked, transition = _begin_entry("cabut", actor, entry)
    reason = _required_text(reason, _("Tuliskan alasan pencabutan."))
    before = locked.status
    locked.status = transition.target
    locked.diubah_pada = timezone.now()
    locked.save(update_fields=["status", "diubah_pada"])
    audit.record(
        actor=actor, obj=locked, action="informasi.cabut", from_state=before,
        to_state=locked.status, note=reason,
    )  # fmt: skip
    return locked


# ----------------------------------------------------------------------------- versions


@transaction.atomic
def version_set(
    *,
    actor,
    nomor_sk: str,
    tanggal_sk: date,
    penandatangan: str,
    jabatan_penandatangan: str,
    keterangan: str = "",
) -> VersiDIP:
    """(new) → ditetapkan. PPID sets (or updates, pemutakhiran) the DIP: a numbered version
    that freezes every entry in force and its values."""
    require(actor, "informasi.versi.tetapkan")
    nomor_sk = _required_text(nomor_sk, _("Nomor SK penetapan wajib diisi."))
    penandatangan = _required_text(penandatangan, _("Nama penandatangan wajib diisi."))
    jabatan_penandatangan = _required_text(
        jabatan_penandatangan, _("Jabatan penandatangan wajib diisi.")
    )
    # Taken first: the series stays locked until this transaction ends, so versions are set
    # one at a time and the checks below see every version set before this one.
    nomor = numbering.take(VersiDIP.SERI_NOMOR)
    pending = list(
        VersiDIP.objects.select_for_update().filter(status__in=[V.DITETAPKAN, V.DIPERINTAHKAN])
    )
    if pending:
        raise ValidationError(
            _(
                "Versi %(nomor)s belum dipublikasikan. Publikasikan atau batalkan dahulu "
                "sebelum menetapkan versi baru."
            )
            % {"nomor": pending[0].nomor}
        )
    if VersiDIP.objects.filter(nomor_sk=nomor_sk).exists():
        raise ValidationError(
            {"nomor_sk": _("Nomor SK %(sk)s sudah dipakai versi lain.") % {"sk": nomor_sk}}
        )
    # Lock the documented entries so none changes while it is copied.
    list(
        InformasiPublik.objects.select_for_update()
        .filter(status=E.DIDOKUMENTASIKAN)
        .values_list("pk", flat=True)
    )
    previous, planned = selectors.version_plan()
    if not planned:
        raise ValidationError(
            _("Belum ada entri yang didokumentasikan: DIP tidak dapat ditetapkan kosong.")
        )
    versi = VersiDIP.objects.create(
        nomor=nomor,
        nomor_sk=nomor_sk,
        tanggal_sk=tanggal_sk,
        penandatangan=penandatangan,
        jabatan_penandatangan=jabatan_penandatangan,
        keterangan=keterangan.strip(),
        sebelumnya=previous,
        status=VERSION_INITIAL,
        dibuat_oleh=actor,
        dibuat_pada=timezone.now(),
    )
    rows = EntriVersi.objects.bulk_create(
        [
            EntriVersi(
                versi=versi,
                informasi_id=baris.informasi_id,
                nomor_urut=index,
                tanggal=baris.tanggal or versi.dibuat_pada,
                search_text=baris.search_text,
                unit_id=baris.values["unit"],
                **{k: v for k, v in baris.values.items() if k != "unit"},
            )
            for index, baris in enumerate(planned, start=1)
        ],
        batch_size=500,
    )
    if any(row.pk is None for row in rows):
        # A backend without RETURNING: read the ids back.
        rows = list(EntriVersi.objects.filter(versi=versi).order_by("nomor_urut"))
    through = EntriVersi.dokumen.through
    through.objects.bulk_create(
        [
            through(entriversi_id=row.pk, dokumeninformasi_id=dokumen_id)
            for row, baris in zip(rows, planned, strict=True)
            for dokumen_id in sorted(baris.dokumen)
        ],
        batch_size=1000,
    )
    search.index_entries(row.pk for row in rows)
    audit.record(
        actor=actor,
        obj=versi,
        action="informasi.versi.tetapkan",
        to_state=versi.status,
        note=_("SK %(sk)s tanggal %(tanggal)s; %(n)s entri")
        % {"sk": nomor_sk, "tanggal": tanggal_sk.strftime("%d-%m-%Y"), "n": len(rows)},
    )
    mail.notify(
        "informasi/versi_ditetapkan",
        to=mail.staff_emails(Role.ATASAN),
        context={"versi": versi, "actor": actor},
        about=versi,
    )
    return versi


@transaction.atomic
def version_order(*, actor, versi: VersiDIP, note: str = "") -> VersiDIP:
    """ditetapkan → diperintahkan. Atasan PPID orders the upload to the website."""
    locked, transition = _begin_version("perintahkan", actor, versi)
    before = locked.status
    locked.status = transition.target
    locked.diperintahkan_oleh = actor
    locked.diperintahkan_pada = timezone.now()
    locked.catatan_perintah = note.strip()
    locked.save(
        update_fields=["status", "diperintahkan_oleh", "diperintahkan_pada", "catatan_perintah"]
    )
    audit.record(
        actor=actor, obj=locked, action="informasi.versi.perintahkan", from_state=before,
        to_state=locked.status, note=locked.catatan_perintah,
    )  # fmt: skip
    mail.notify(
        "informasi/versi_diperintahkan",
        to=mail.staff_emails(Role.DESK),
        context={"versi": locked, "actor": actor},
        about=locked,
    )
    return locked


@transaction.atomic
def version_publish(*, actor, versi: VersiDIP) -> VersiDIP:
    """diperintahkan → dipublikasikan. Desk uploads the ordered version; the version published
    until now becomes digantikan, so the website shows only the newest."""
    locked, transition = _begin_version("publikasikan", actor, versi)
    now = timezone.now()
    replace = VERSION_TRANSITIONS["gantikan"]
    for old in VersiDIP.objects.select_for_update().filter(status__in=replace.sources):
        before = old.status
        old.status = replace.target
        old.digantikan_pada = now
        old.save(update_fields=["status", "digantikan_pada"])
        audit.record(
            actor=actor, obj=old, action="informasi.versi.gantikan", from_state=before,
            to_state=old.status, note=_("Digantikan versi %(nomor)s") % {"nomor": locked.nomor},
        )  # fmt: skip
    before = locked.status
    locked.status = transition.target
    locked.dipublikasikan_oleh = actor
    locked.dipublikasikan_pada = now
    locked.save(update_fields=["status", "dipublikasikan_oleh", "dipublikasikan_pada"])
    selectors.invalidate_public()
    audit.record(
        actor=actor, obj=locked, action="informasi.versi.publikasikan", from_state=before,
        to_state=locked.status,
    )  # fmt: skip
    mail.notify(
        "informasi/versi_dipublikasikan",
        to=mail.staff_emails(Role.PPID, Role.ATASAN),
        context={"versi": locked, "actor": actor},
        about=locked,
    )
    return locked


@transaction.atomic
def version_cancel(*, actor, versi: VersiDIP, reason: str) -> VersiDIP:
    """ditetapkan | diperintahkan → dibatalkan. PPID withdraws a version not yet published
    (e.g. a wrong SK); its rows stay readable."""
    locked, transition = _begin_version("batalkan", actor, versi)
    reason = _required_text(reason, _("Tuliskan alasan pembatalan."))
    before = locked.status
    locked.status = transition.target
    locked.dibatalkan_pada = timezone.now()
    locked.alasan_pembatalan = reason
    locked.save(update_fields=["status", "dibatalkan_pada", "alasan_pembatalan"])
    audit.record(
        actor=actor, obj=locked, action="informasi.versi.batalkan", from_state=before,
        to_state=locked.status, note=reason,
    )  # fmt: skip
    return locked


# ----------------------------------------------------------------------------- PPID documents


@transaction.atomic
def entry_propose_document(
    *,
    actor,
    unit: UnitKerja,
    values: dict,
    dokumen: list[tuple[str, StoredFile]],
    note: str = "",
) -> InformasiPublik:
    """(new) → draf → diajukan. PPID: information the PPID itself produces (the annual report
    on the information service) enters the register with its documents and goes straight to the
    Desk to be documented, as a unit's submitted entry would (SOP seed 001 step 2). From there it
    follows the ordinary path: documented, set in a version, ordered, published."""
    require(actor, "informasi.entri.usulkan_ppid")
    if unit is None or not unit.aktif:
        raise ValidationError({"unit": _("Pilih unit kerja yang aktif.")})
    if not dokumen:
        raise ValidationError(_("Lampirkan dokumen informasi."))
    entry = _new_entry(actor=actor, unit=unit, values=values, impor=None, note=note)
    for judul, stored in dokumen:
        with stored.file.open("rb") as handle:
            teks = extract.extract_text(handle, stored.content_type)
        DokumenInformasi.objects.create(
            informasi=entry,
            jenis=DokumenInformasi.Jenis.BERKAS,
            judul=" ".join(judul.split())[:300],
            berkas=stored,
            teks=teks,
            ditambahkan_oleh=actor,
        )
        audit.record(
            actor=actor,
            obj=entry,
            action="informasi.dokumen.tambah",
            from_state=entry.status,
            to_state=entry.status,
            note=_("%(judul)s (%(nama)s, SHA-256 %(sha)s)")
            % {"judul": judul, "nama": stored.original_name, "sha": stored.sha256},
        )
    transition = ENTRY_TRANSITIONS["ajukan"]
    _refuse_state(transition, entry.status, E)
    before = entry.status
    entry.status = transition.target
    entry.diajukan_pada = timezone.now()
    entry.save(update_fields=["status", "diajukan_pada"])
    audit.record(
        actor=actor, obj=entry, action="informasi.ajukan", from_state=before,
        to_state=entry.status, note=note,
    )  # fmt: skip
    mail.notify(
        "informasi/diajukan",
        to=mail.staff_emails(Role.DESK),
        context={"entry": entry, "actor": actor},
        about=entry,
    )
    return entry
