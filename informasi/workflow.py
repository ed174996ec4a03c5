"""The state machines of the informasi app: DIP entries from a unit's draft to a documented
entry, versions from penetapan to publication, and excepted information — the consequence test
(uji konsekuensi) and the decree (penetapan) that excepts information until it is opened again.
The only code that assigns `.status` of these models.

SOP (seed 001, KPU Kab. Serang): 1. Penyedia/Tim Penghubung collect their unit's information
(draft per sub-bagian); 2. Desk classifies and documents it in softcopy and hardcopy; 3. PPID sets
and updates the DIP; 4. Atasan orders the upload; 5. Desk uploads the DIP to the website.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ppid_portal import audit
from ppid_portal.access import can, require, user_roles
from ppid_portal.calendar import holidays_around
from ppid_portal.files import UploadValidator, discard_on_rollback, store_upload
from ppid_portal.models import StoredFile, UnitKerja, User
from ppid_portal.roles import Role
from ppid_portal.workdays import working_days_between

from . import conf, extract, notify, pengecualian, search, selectors
from .models import (
    BENTUK_FIELDS,
    KATEGORI_TERBUKA,
    PERMANENT_GROUNDS,
    VALUE_FIELDS,
    Cakupan,
    DokumenInformasi,
    EntriVersi,
    ImporDIP,
    InformasiPublik,
    Kategori,
    Kesimpulan,
    PembukaanInformasi,
    PenetapanPengecualian,
    PesertaUji,
    UjiKonsekuensi,
    VersiDIP,
)
from .rules import is_participant
from .validation import TEXT_LIMITS, clean_values, field_label

E = InformasiPublik.Status
V = VersiDIP.Status
U = UjiKonsekuensi.Status
PN = PenetapanPengecualian.Status


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset[str]
    target: str
    # The access action that decides who may make it; None for a step the system takes.
    action: str | None
    label: str


def _t(name, sources, target, action, label) -> Transition:
    return Transition(name, frozenset(sources), target, action, label)


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


# Proposing a consequence test (`uji_propose`) creates its sheet in DRAF.
UJI_INITIAL = U.DRAF
UJI_TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        _t("edarkan", {U.DRAF}, U.DIEDARKAN, "informasi.uji.edarkan",
           gettext_lazy("Edarkan untuk ditandatangani")),
        # A participant who does not agree, or the PPID/Tim, sends it back; signatures lapse.
        _t("revisi", {U.DIEDARKAN}, U.DRAF, "informasi.uji.revisi",
           gettext_lazy("Kembalikan untuk direvisi")),
        # Taken by the last signature: a sheet is complete only when every participant signed.
        _t("selesaikan", {U.DIEDARKAN}, U.SELESAI, None,
           gettext_lazy("Selesai: semua peserta menandatangani")),
        _t("batalkan", {U.DRAF, U.DIEDARKAN}, U.DIBATALKAN, "informasi.uji.batalkan",
           gettext_lazy("Batalkan uji konsekuensi")),
    ]
}  # fmt: skip

# Issuing a decree (`penetapan_issue`) creates it awaiting the Atasan's approval.
PENETAPAN_INITIAL = PN.MENUNGGU
PENETAPAN_TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        _t("setujui", {PN.MENUNGGU}, PN.BERLAKU, "informasi.penetapan.setujui",
           gettext_lazy("Setujui penetapan")),
        _t("tolak", {PN.MENUNGGU}, PN.DITOLAK, "informasi.penetapan.tolak",
           gettext_lazy("Tidak menyetujui")),
        # Part of approving a new decree for the same entry.
        _t("gantikan", {PN.BERLAKU}, PN.DIGANTIKAN, None, gettext_lazy("Digantikan")),
        # `periksa_pengecualian`: the day after the period's last day.
        _t("akhiri", {PN.BERLAKU}, PN.BERAKHIR, None,
           gettext_lazy("Jangka waktu pengecualian berakhir")),
        # A decision opens it early: keberatan, Komisi Informasi, court, a new test, or the
        # PPID within the last 30 working days (seed 004).
        _t("buka", {PN.BERLAKU}, PN.DIBUKA, "informasi.penetapan.buka",
           gettext_lazy("Buka informasi")),
    ]
}  # fmt: skip


def _refuse_state(transition: Transition, current: str, labels) -> None:
    if current not in transition.sources:
        raise ValidationError(
            _("Tindakan “%(action)s” tidak dapat dilakukan pada status “%(status)s”.")
            % {"action": transition.label, "status": labels(current).label}
        )


def _lock_entry(entry: InformasiPublik | int) -> InformasiPublik:
    pk = entry.pk if isinstance(entry, InformasiPublik) else entry
    return InformasiPublik.objects.select_for_update().select_related("unit").get(pk=pk)


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


def _required_text(value: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(message)
    return value


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
    dozen codes)."""
    if cleaned.get("kode_klasifikasi"):
        from arsip.selectors import retensi_untuk_kode

        kode = cleaned["kode_klasifikasi"]
        if known is not None and kode in known:
            retensi = known[kode]
        else:
            with translation.override("id"):
                retensi = retensi_untuk_kode(kode)
            if known is not None:
                known[kode] = retensi
        if retensi is not None:
            cleaned["retensi"] = retensi.teks[: TEXT_LIMITS["retensi"]]
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
    notify.send_on_commit(
        "diajukan", notify.role_emails(Role.DESK), {"entry": locked, "actor": actor}
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
    notify.send_on_commit(
        "dikembalikan",
        notify.unit_emails(locked.unit),
        {"entry": locked, "actor": actor, "reason": reason},
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
    nomor = (VersiDIP.objects.aggregate(n=Max("nomor"))["n"] or 0) + 1
    try:
        with transaction.atomic():
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
    except IntegrityError:
        raise ValidationError(
            _("Versi lain baru saja ditetapkan bersamaan. Muat ulang halaman dan coba lagi.")
        ) from None
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
    notify.send_on_commit(
        "versi_ditetapkan", notify.role_emails(Role.ATASAN), {"versi": versi, "actor": actor}
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
    notify.send_on_commit(
        "versi_diperintahkan", notify.role_emails(Role.DESK), {"versi": locked, "actor": actor}
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
    notify.send_on_commit(
        "versi_dipublikasikan",
        notify.role_emails(Role.PPID, Role.ATASAN),
        {"versi": locked, "actor": actor},
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


# ============================================================================ excepted information
# UU 14/2008 Ps 17 (grounds), Ps 19 (the PPID's consequence test), Ps 20 (periods); PP 61/2010;
# seed 002 (Tim Pertimbangan proposes, PPID tests with the Tim and the Pembina, Atasan answers);
# seed 004 (opening excepted information up to 30 working days before its period ends).


def _now(at: datetime | None) -> datetime:
    return at or timezone.now()


def _today(at: datetime | None) -> date:
    return timezone.localdate(_now(at))


def _person(actor) -> tuple[str, str]:
    return (actor.get_full_name() or actor.get_username()), (actor.jabatan or "")


def _lock_uji(uji: UjiKonsekuensi | int) -> UjiKonsekuensi:
    pk = uji.pk if isinstance(uji, UjiKonsekuensi) else uji
    return UjiKonsekuensi.objects.select_for_update().get(pk=pk)


def _lock_penetapan(penetapan: PenetapanPengecualian | int) -> PenetapanPengecualian:
    pk = penetapan.pk if isinstance(penetapan, PenetapanPengecualian) else penetapan
    return PenetapanPengecualian.objects.select_for_update().get(pk=pk)


def _begin_uji(name: str, actor, uji) -> tuple[UjiKonsekuensi, Transition]:
    transition = UJI_TRANSITIONS[name]
    locked = _lock_uji(uji)
    if transition.action:
        require(actor, transition.action, locked)
    _refuse_state(transition, locked.status, U)
    return locked, transition


def _begin_penetapan(name: str, actor, penetapan) -> tuple[PenetapanPengecualian, Transition]:
    transition = PENETAPAN_TRANSITIONS[name]
    locked = _lock_penetapan(penetapan)
    if transition.action:
        require(actor, transition.action, locked)
    _refuse_state(transition, locked.status, PN)
    return locked, transition


def available_uji_transitions(uji: UjiKonsekuensi, user) -> list[Transition]:
    return [
        t
        for t in UJI_TRANSITIONS.values()
        if uji.status in t.sources and t.action and can(user, t.action, uji)
    ]


def available_penetapan_transitions(penetapan: PenetapanPengecualian, user) -> list[Transition]:
    return [
        t
        for t in PENETAPAN_TRANSITIONS.values()
        if penetapan.status in t.sources and t.action and can(user, t.action, penetapan)
    ]


def _participants_emails(uji: UjiKonsekuensi, *, unsigned_only: bool = False) -> list[str]:
    queryset = uji.peserta.select_related("pengguna")
    if unsigned_only:
        queryset = queryset.filter(ditandatangani_pada__isnull=True)
    return [p.pengguna.email for p in queryset if p.pengguna.email and p.pengguna.is_active]


# ----------------------------------------------------------------------------- the sheet

UJI_TEXT_FIELDS = (
    "judul_informasi",
    "uraian_publik",
    "bagian_dikecualikan",
    "dasar_hukum_lain",
    "konsekuensi",
    "kepentingan_publik",
    "pertimbangan",
    "catatan_internal",
    "tempat_uji",
)
UJI_EDIT_FIELDS = (
    *UJI_TEXT_FIELDS,
    "cakupan",
    "alasan",
    "kesimpulan",
    "permanen",
    "berakhir_pada",
    "kategori_terbuka",
    "tanggal_uji",
)


def uji_field_label(name: str) -> str:
    return str(UjiKonsekuensi._meta.get_field(name).verbose_name)


def clean_uji_values(values: dict, *, today: date) -> dict:
    """The value rules of a sheet that hold at any time (also while it is a draft)."""
    cleaned: dict = {}
    errors: dict[str, str] = {}
    for name in UJI_TEXT_FIELDS:
        text = str(values.get(name) or "").replace("\r\n", "\n").strip()
        limit = UjiKonsekuensi._meta.get_field(name).max_length
        if limit and len(text) > limit:
            errors[name] = _("Paling banyak %(n)s karakter.") % {"n": limit}
        cleaned[name] = text
    if not cleaned["judul_informasi"]:
        errors["judul_informasi"] = _("Sebutkan informasi yang diuji.")
    cleaned["cakupan"] = values.get("cakupan") or Cakupan.SELURUHNYA
    if cleaned["cakupan"] not in Cakupan.values:
        errors["cakupan"] = _("Pilih cakupan pengecualian.")
    cleaned["alasan"] = values.get("alasan") or ""
    if cleaned["alasan"] not in ["", *pengecualian.Alasan.values]:
        errors["alasan"] = _("Pilih dasar pengecualian Pasal 17 huruf a–j.")
    cleaned["kesimpulan"] = values.get("kesimpulan") or ""
    if cleaned["kesimpulan"] not in ["", *Kesimpulan.values]:
        errors["kesimpulan"] = _("Pilih kesimpulan: dikecualikan atau terbuka.")
    cleaned["kategori_terbuka"] = values.get("kategori_terbuka") or Kategori.SETIAP_SAAT
    if cleaned["kategori_terbuka"] not in [v for v, _label in KATEGORI_TERBUKA]:
        errors["kategori_terbuka"] = _("Pilih kategori DIP setelah informasi dibuka.")
    cleaned["permanen"] = bool(values.get("permanen"))
    cleaned["berakhir_pada"] = values.get("berakhir_pada") or None
    cleaned["tanggal_uji"] = values.get("tanggal_uji") or today
    if cleaned["tanggal_uji"] > today:
        errors["tanggal_uji"] = _("Tanggal uji tidak boleh di masa depan.")
    if cleaned["permanen"]:
        if cleaned["alasan"] not in PERMANENT_GROUNDS:
            # UU 14/2008 Ps 20(1): exceptions a–f are not permanent.
            errors["permanen"] = _(
                "Pengecualian tanpa batas waktu hanya untuk Pasal 17 huruf g–j; huruf a–f "
                "harus memiliki tanggal berakhir."
            )
        if cleaned["berakhir_pada"]:
            errors["berakhir_pada"] = _(
                "Kosongkan tanggal berakhir untuk pengecualian tanpa batas waktu."
            )
    if cleaned["berakhir_pada"] and cleaned["berakhir_pada"] <= cleaned["tanggal_uji"]:
        errors["berakhir_pada"] = _("Jangka waktu harus berakhir setelah tanggal uji.")
    if errors:
        raise ValidationError(errors)
    return cleaned


def _participant_problems(uji: UjiKonsekuensi) -> list[str]:
    peran = set(uji.peserta.values_list("peran", flat=True))
    problems = []
    if PesertaUji.Peran.PPID not in peran:
        problems.append(_("Tambahkan PPID sebagai peserta uji."))
    if PesertaUji.Peran.TIM_PERTIMBANGAN not in peran:
        problems.append(_("Tambahkan sedikitnya satu anggota Tim Pertimbangan."))
    if uji.unit_id and PesertaUji.Peran.UNIT not in peran:
        problems.append(
            _("Tambahkan wakil unit yang menguasai informasi (%(unit)s).") % {"unit": uji.unit}
        )
    return problems


def sheet_problems(uji: UjiKonsekuensi) -> dict[str, str]:
    """What is still missing before a sheet can be circulated for signature (the steps of the
    test: the document and the exact part, the legal basis, the harm, the public interest, the
    balance, the conclusion and the period)."""
    errors: dict[str, str] = {}

    def need(name: str, message: str) -> None:
        if not getattr(uji, name):
            errors[name] = message

    need("alasan", _("Pilih dasar pengecualian Pasal 17 yang diuji."))
    need("konsekuensi", _("Uraikan konsekuensi (kerugian) bila informasi dibuka."))
    need("kepentingan_publik", _("Uraikan kepentingan publik untuk membuka informasi."))
    need("pertimbangan", _("Tuliskan pertimbangan: timbang konsekuensi dengan kepentingan publik."))
    need("kesimpulan", _("Pilih kesimpulan uji: dikecualikan atau terbuka."))
    if uji.alasan == "j":
        need("dasar_hukum_lain", _("Sebutkan undang-undang, pasal, dan bunyinya (huruf j)."))
    if uji.kesimpulan == Kesimpulan.DIKECUALIKAN:
        need("uraian_publik", _("Tulis uraian untuk daftar informasi yang dikecualikan."))
        if uji.cakupan == Cakupan.SEBAGIAN:
            need("bagian_dikecualikan", _("Sebutkan bagian yang dikecualikan."))
        if uji.permanen:
            need(
                "dasar_hukum_lain",
                _("Sebutkan undang-undang yang membolehkan pengecualian tanpa batas waktu."),
            )
        elif not uji.berakhir_pada:
            errors["berakhir_pada"] = _(
                "Isi tanggal berakhirnya jangka waktu pengecualian (Pasal 17 huruf a–f wajib)."
            )
    problems = _participant_problems(uji)
    if problems:
        errors["peserta"] = " ".join(problems)
    return errors


def _role_peran(actor) -> str | None:
    roles = user_roles(actor)
    for role, peran in (
        (Role.PPID, PesertaUji.Peran.PPID),
        (Role.TIM_PERTIMBANGAN, PesertaUji.Peran.TIM_PERTIMBANGAN),
        (Role.PENYEDIA, PesertaUji.Peran.UNIT),
        (Role.PEMBINA, PesertaUji.Peran.PEMBINA),
    ):
        if role in roles:
            return peran
    return None


@transaction.atomic
def uji_propose(
    *,
    actor: User,
    judul_informasi: str,
    usulan: str = "",
    informasi: InformasiPublik | None = None,
    permohonan=None,
    unit: UnitKerja | None = None,
    alasan: str = "",
    at: datetime | None = None,
) -> UjiKonsekuensi:
    """(new) → draf. The Tim Pertimbangan, the PPID, or the unit holding the information
    proposes that a DIP entry, or the information asked for in a request, be tested."""
    if informasi is None and permohonan is None:
        raise ValidationError(_("Pilih entri DIP atau permohonan yang informasinya diuji."))
    require(actor, "informasi.uji.usulkan", informasi if informasi is not None else permohonan)
    today = _today(at)
    if informasi is not None:
        informasi = _lock_entry(informasi)
        if informasi.status == E.DICABUT:
            raise ValidationError(_("Entri yang dicabut dari DIP tidak dapat diuji."))
        unit = informasi.unit
    elif unit is None:
        first = permohonan.disposisi.select_related("unit").first()
        unit = first.unit if first else None
    values = clean_uji_values(
        {
            "judul_informasi": judul_informasi
            or (informasi.ringkasan if informasi else permohonan.rincian_informasi)[:300],
            # An entry's summary is already public in the DIP: a safe first register text.
            "uraian_publik": informasi.ringkasan if informasi is not None else "",
            "alasan": alasan or (informasi.alasan_pengecualian if informasi is not None else ""),
            "kategori_terbuka": informasi.kategori
            if informasi is not None and not informasi.dikecualikan
            else Kategori.SETIAP_SAAT,
            "tanggal_uji": today,
        },
        today=today,
    )
    now = _now(at)
    try:
        with transaction.atomic():
            uji = UjiKonsekuensi.objects.create(
                status=UJI_INITIAL,
                informasi=informasi,
                permohonan=permohonan,
                unit=unit,
                usulan=(usulan or "").strip(),
                diusulkan_oleh=actor,
                diusulkan_pada=now,
                diubah_pada=now,
                **values,
            )
    except IntegrityError:
        raise ValidationError(
            _(
                "Masih ada uji konsekuensi yang belum selesai untuk informasi ini. Lanjutkan uji "
                "tersebut atau batalkan dahulu."
            )
        ) from None
    peran = _role_peran(actor)
    if peran is not None:
        _add_participant(uji, pengguna=actor, peran=peran, actor=actor, at=now)
    audit.record(
        actor=actor, obj=uji, action="informasi.uji.usulkan", to_state=uji.status,
        note=uji.usulan,
    )  # fmt: skip
    if informasi is not None:
        audit.record(
            actor=actor, obj=informasi, action="informasi.uji.usulkan",
            from_state=informasi.status, to_state=informasi.status,
            note=_("Uji konsekuensi #%(n)s diusulkan") % {"n": uji.pk},
        )  # fmt: skip
    notify.send_on_commit(
        "uji_diusulkan",
        notify.role_emails(Role.PPID, Role.TIM_PERTIMBANGAN),
        {"uji": uji, "actor": actor},
    )
    return uji


@transaction.atomic
def uji_update(*, actor: User, uji: UjiKonsekuensi, values: dict) -> UjiKonsekuensi:
    """Fill in or revise a draft sheet (no state change). PPID, Tim Pertimbangan, or the
    unit's Penyedia. A circulated or completed sheet is not edited here."""
    locked = _lock_uji(uji)
    if not locked.editable:
        raise ValidationError(
            _("Lembar uji hanya dapat diubah selama draf. Kembalikan dahulu untuk direvisi.")
            if locked.status == U.DIEDARKAN
            else _("Lembar uji ini sudah %(status)s dan tidak dapat diubah.")
            % {"status": locked.get_status_display().lower()}
        )
    require(actor, "informasi.uji.ubah", locked)
    merged = {name: getattr(locked, name) for name in UJI_EDIT_FIELDS}
    merged.update({k: v for k, v in values.items() if k in UJI_EDIT_FIELDS})
    cleaned = clean_uji_values(merged, today=timezone.localdate())
    changed = [name for name in UJI_EDIT_FIELDS if getattr(locked, name) != cleaned[name]]
    if not changed:
        return locked
    for name in changed:
        setattr(locked, name, cleaned[name])
    locked.diubah_pada = timezone.now()
    locked.save(update_fields=[*changed, "diubah_pada"])
    # The audit trail names what changed, never the (internal) text itself.
    audit.record(
        actor=actor, obj=locked, action="informasi.uji.ubah", from_state=locked.status,
        to_state=locked.status,
        note=_("Diubah: %(fields)s") % {"fields": ", ".join(uji_field_label(n) for n in changed)},
    )  # fmt: skip
    return locked


@discard_on_rollback()
@transaction.atomic
def uji_attach_original(
    *, actor: User, uji: UjiKonsekuensi, upload: UploadedFile
) -> UjiKonsekuensi:
    """Attach the document under test (e.g. what a request asks for) to a draft sheet. Kept
    sensitive: every read is in the audit trail, and it is never served publicly."""
    locked = _lock_uji(uji)
    if not locked.editable:
        raise ValidationError(_("Dokumen hanya dapat dilampirkan selama lembar uji masih draf."))
    require(actor, "informasi.uji.ubah", locked)
    UploadValidator()(upload)
    stored = store_upload(
        upload, purpose=StoredFile.Purpose.DOKUMEN_DIP, actor=actor, sensitive=True
    )
    locked.berkas_asli = stored
    locked.diubah_pada = timezone.now()
    locked.save(update_fields=["berkas_asli", "diubah_pada"])
    audit.record(
        actor=actor, obj=locked, action="informasi.uji.berkas", from_state=locked.status,
        to_state=locked.status,
        note=_("%(nama)s (SHA-256 %(sha)s)") % {"nama": stored.original_name, "sha": stored.sha256},
    )  # fmt: skip
    return locked


def _add_participant(uji, *, pengguna, peran, actor, at=None, jabatan: str = "") -> PesertaUji:
    nama, jabatan_akun = _person(pengguna)
    return PesertaUji.objects.create(
        uji=uji,
        pengguna=pengguna,
        peran=peran,
        nama=nama,
        jabatan=(jabatan or jabatan_akun or str(PesertaUji.Peran(peran).label))[:200],
        ditambahkan_oleh=actor,
        ditambahkan_pada=_now(at),
    )


def _check_peran(uji: UjiKonsekuensi, pengguna: User, peran: str) -> None:
    roles = user_roles(pengguna)
    needed = {
        PesertaUji.Peran.PPID: Role.PPID,
        PesertaUji.Peran.TIM_PERTIMBANGAN: Role.TIM_PERTIMBANGAN,
        PesertaUji.Peran.PEMBINA: Role.PEMBINA,
        PesertaUji.Peran.UNIT: Role.PENYEDIA,
    }
    if peran not in PesertaUji.Peran.values:
        raise ValidationError({"peran": _("Pilih peran peserta.")})
    if not pengguna.is_active:
        raise ValidationError({"pengguna": _("Akun ini tidak aktif.")})
    role = needed.get(peran)
    if role is not None and role not in roles:
        raise ValidationError(
            {
                "pengguna": _("%(nama)s bukan %(peran)s.")
                % {"nama": pengguna, "peran": PesertaUji.Peran(peran).label}
            }
        )
    if peran == PesertaUji.Peran.UNIT and uji.unit_id and pengguna.unit_id != uji.unit_id:
        raise ValidationError(
            {"pengguna": _("Wakil unit harus dari %(unit)s.") % {"unit": uji.unit}}
        )


@transaction.atomic
def peserta_add(
    *, actor: User, uji: UjiKonsekuensi, pengguna: User, peran: str, jabatan: str = ""
) -> PesertaUji:
    """Add a participant to a draft sheet (PPID, Tim Pertimbangan, unit, Pembina, outside
    expert with a portal account). Editors of the sheet."""
    locked = _lock_uji(uji)
    if not locked.editable:
        raise ValidationError(_("Peserta hanya dapat diubah selama lembar uji masih draf."))
    require(actor, "informasi.uji.ubah", locked)
    _check_peran(locked, pengguna, peran)
    if locked.peserta.filter(pengguna=pengguna).exists():
        raise ValidationError(
            {"pengguna": _("%(nama)s sudah menjadi peserta.") % {"nama": pengguna}}
        )
    peserta = _add_participant(
        locked, pengguna=pengguna, peran=peran, actor=actor, jabatan=jabatan.strip()
    )
    audit.record(
        actor=actor, obj=locked, action="informasi.uji.peserta.tambah", from_state=locked.status,
        to_state=locked.status, note=str(peserta),
    )  # fmt: skip
    return peserta


@transaction.atomic
def peserta_remove(*, actor: User, peserta: PesertaUji) -> None:
    """Take a participant off a draft sheet. Editors of the sheet."""
    locked = _lock_uji(peserta.uji_id)
    if not locked.editable:
        raise ValidationError(_("Peserta hanya dapat diubah selama lembar uji masih draf."))
    require(actor, "informasi.uji.ubah", locked)
    peserta = PesertaUji.objects.get(pk=peserta.pk, uji=locked)
    label = str(peserta)
    peserta.delete()
    audit.record(
        actor=actor, obj=locked, action="informasi.uji.peserta.hapus", from_state=locked.status,
        to_state=locked.status, note=label,
    )  # fmt: skip


@transaction.atomic
def uji_circulate(*, actor: User, uji: UjiKonsekuensi) -> UjiKonsekuensi:
    """draf → diedarkan. PPID or Tim Pertimbangan, once every step of the test is written and
    the participants are named; each participant then signs."""
    locked, transition = _begin_uji("edarkan", actor, uji)
    errors = sheet_problems(locked)
    if errors:
        raise ValidationError(errors)
    locked.status = transition.target
    locked.diedarkan_pada = timezone.now()
    locked.save(update_fields=["status", "diedarkan_pada"])
    audit.record(
        actor=actor, obj=locked, action="informasi.uji.edarkan", from_state=U.DRAF,
        to_state=locked.status,
        note=_("Revisi %(n)s") % {"n": locked.revisi} if locked.revisi else "",
    )  # fmt: skip
    notify.send_on_commit(
        "uji_diedarkan", _participants_emails(locked), {"uji": locked, "actor": actor}
    )
    return locked


@transaction.atomic
def uji_revise(*, actor: User, uji: UjiKonsekuensi, catatan: str) -> UjiKonsekuensi:
    """diedarkan → draf. The PPID, the Tim Pertimbangan or any participant sends the sheet back
    for revision, with a note; signatures given so far lapse (they signed other content)."""
    locked, transition = _begin_uji("revisi", actor, uji)
    catatan = _required_text(catatan, _("Tuliskan apa yang perlu direvisi."))
    signed = locked.peserta.filter(ditandatangani_pada__isnull=False).update(
        ditandatangani_pada=None, sidik=""
    )
    locked.status = transition.target
    locked.revisi += 1
    locked.diubah_pada = timezone.now()
    locked.save(update_fields=["status", "revisi", "diubah_pada"])
    audit.record(
        actor=actor, obj=locked, action="informasi.uji.revisi", from_state=U.DIEDARKAN,
        to_state=locked.status,
        note=_("%(catatan)s (tanda tangan dibatalkan: %(n)s)") % {"catatan": catatan, "n": signed},
    )  # fmt: skip
    notify.send_on_commit(
        "uji_direvisi",
        _participants_emails(locked),
        {"uji": locked, "actor": actor, "catatan": catatan},
    )
    return locked


@transaction.atomic
def uji_sign(*, actor: User, uji: UjiKonsekuensi, catatan: str = "") -> UjiKonsekuensi:
    """A participant signs the circulated sheet (no state change, except that the last
    signature completes it: diedarkan → selesai)."""
    locked = _lock_uji(uji)
    if locked.status != U.DIEDARKAN:
        raise ValidationError(_("Lembar uji hanya ditandatangani selama diedarkan."))
    require(actor, "informasi.uji.tandatangani", locked)
    peserta = locked.peserta.select_for_update().filter(pengguna=actor).first()
    if peserta is None:
        raise PermissionDenied(_("Anda bukan peserta uji konsekuensi ini."))
    if peserta.sudah_menandatangani:
        raise ValidationError(_("Anda sudah menandatangani lembar uji ini."))
    peserta.ditandatangani_pada = timezone.now()
    peserta.sidik = locked.content_digest()
    peserta.catatan = (catatan or "").strip()
    peserta.save(update_fields=["ditandatangani_pada", "sidik", "catatan"])
    audit.record(
        actor=actor, obj=locked, action="informasi.uji.tandatangani", from_state=locked.status,
        to_state=locked.status, note=_("%(p)s; sidik %(s)s") % {"p": peserta, "s": peserta.sidik},
    )  # fmt: skip
    if not locked.peserta.filter(ditandatangani_pada__isnull=True).exists():
        return _complete(locked, actor)
    return locked


@transaction.atomic
def uji_complete(*, actor: User, uji: UjiKonsekuensi) -> UjiKonsekuensi:
    """diedarkan → selesai, only when every participant has signed the current content (the
    last signature does this itself). PPID, Tim Pertimbangan or a participant."""
    locked, _transition = _begin_uji("selesaikan", actor, uji)
    if not (can(actor, "informasi.uji.edarkan", locked) or is_participant(actor, locked)):
        raise PermissionDenied(_("Anda tidak berwenang melakukan tindakan ini."))
    return _complete(locked, actor)


def _complete(locked: UjiKonsekuensi, actor) -> UjiKonsekuensi:
    digest = locked.content_digest()
    participants = list(locked.peserta.all())
    missing = [p.nama for p in participants if not p.sudah_menandatangani or p.sidik != digest]
    if not participants or missing:
        raise ValidationError(
            _("Lembar uji belum lengkap: belum ditandatangani oleh %(names)s.")
            % {"names": ", ".join(missing) or _("seluruh peserta")}
        )
    locked.status = UJI_TRANSITIONS["selesaikan"].target
    locked.selesai_pada = timezone.now()
    locked.save(update_fields=["status", "selesai_pada"])
    audit.record(
        actor=actor, obj=locked, action="informasi.uji.selesaikan", from_state=U.DIEDARKAN,
        to_state=locked.status,
        note=_("Kesimpulan: %(k)s; sidik %(s)s") % {"k": locked.get_kesimpulan_display(),
                                                   "s": digest},
    )  # fmt: skip
    if locked.kesimpulan == Kesimpulan.TERBUKA:
        _open_after_test(locked, actor)
    notify.send_on_commit(
        "uji_selesai", notify.role_emails(Role.PPID), {"uji": locked, "actor": actor}
    )
    return locked


@transaction.atomic
def uji_cancel(*, actor: User, uji: UjiKonsekuensi, alasan: str) -> UjiKonsekuensi:
    """draf | diedarkan → dibatalkan. PPID, with a reason."""
    locked, transition = _begin_uji("batalkan", actor, uji)
    alasan = _required_text(alasan, _("Tuliskan alasan pembatalan."))
    before = locked.status
    locked.status = transition.target
    locked.dibatalkan_pada = timezone.now()
    locked.alasan_pembatalan = alasan
    locked.save(update_fields=["status", "dibatalkan_pada", "alasan_pembatalan"])
    audit.record(
        actor=actor, obj=locked, action="informasi.uji.batalkan", from_state=before,
        to_state=locked.status, note=alasan,
    )  # fmt: skip
    return locked


def _open_after_test(uji: UjiKonsekuensi, actor) -> None:
    """A test that concludes *terbuka* sends the entry back to the DIP as public information;
    a decree still in force for it ends."""
    if uji.informasi_id is None:
        return
    in_force = (
        PenetapanPengecualian.objects.select_for_update()
        .filter(informasi_id=uji.informasi_id, status=PN.BERLAKU)
        .first()
    )
    note = _("Uji konsekuensi #%(n)s menyimpulkan informasi terbuka.") % {"n": uji.pk}
    if in_force is not None:
        _end_penetapan(
            in_force,
            "buka",
            actor=actor,
            jenis=PembukaanInformasi.Jenis.UJI_ULANG,
            tanggal_putusan=timezone.localdate(),
            keterangan=note,
            uji=uji,
            kategori=uji.kategori_terbuka,
        )
        return
    entry = InformasiPublik.objects.get(pk=uji.informasi_id)
    if entry.dikecualikan:
        PembukaanInformasi.objects.create(
            informasi=entry,
            uji=uji,
            jenis=PembukaanInformasi.Jenis.UJI_ULANG,
            tanggal_putusan=timezone.localdate(),
            keterangan=note,
            dicatat_oleh=actor if getattr(actor, "is_authenticated", False) else None,
            dicatat_pada=timezone.now(),
        )
        _open_entry(entry_id=entry.pk, actor=actor, kategori=uji.kategori_terbuka, note=note)


# ----------------------------------------------------------------------------- the decree


def format_nomor_penetapan(urut: int, day: date) -> str:
    roman = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
    fmt = conf.nomor_penetapan_format()
    try:
        return fmt.format(
            urut=urut, tahun=day.year, bulan=f"{day.month:02d}", bulan_romawi=roman[day.month]
        )
    except (KeyError, IndexError, ValueError) as exc:
        raise ImproperlyConfigured(f"INFORMASI_NOMOR_PENETAPAN tidak sah: {fmt!r} ({exc})") from exc


@discard_on_rollback()
@transaction.atomic
def penetapan_issue(
    *,
    actor: User,
    uji: UjiKonsekuensi,
    tanggal: date,
    tempat: str = "",
    berkas_sensor: UploadedFile | None = None,
    at: datetime | None = None,
) -> PenetapanPengecualian:
    """(new) → menunggu. The PPID issues a numbered decree from a completed sheet that
    concludes *dikecualikan*; the Atasan PPID approves it."""
    require(actor, "informasi.penetapan.terbitkan")
    locked = _lock_uji(uji)
    if locked.status != U.SELESAI or locked.kesimpulan != Kesimpulan.DIKECUALIKAN:
        raise ValidationError(
            _(
                "Penetapan hanya diterbitkan dari uji konsekuensi yang selesai (ditandatangani "
                "semua peserta) dengan kesimpulan dikecualikan."
            )
        )
    if locked.penetapan_set.exclude(status=PN.DITOLAK).exists():
        raise ValidationError(_("Uji konsekuensi ini sudah memiliki penetapan."))
    today = _today(at)
    errors: dict[str, str] = {}
    if tanggal is None:
        errors["tanggal"] = _("Isi tanggal penetapan.")
    elif tanggal > today:
        errors["tanggal"] = _("Tanggal penetapan tidak boleh di masa depan.")
    elif tanggal < locked.tanggal_uji:
        errors["tanggal"] = _("Tanggal penetapan tidak boleh sebelum tanggal uji konsekuensi.")
    elif locked.berakhir_pada and locked.berakhir_pada <= tanggal:
        errors["tanggal"] = _(
            "Jangka waktu pengecualian pada lembar uji sudah berakhir sebelum tanggal ini; "
            "lakukan uji konsekuensi baru."
        )
    needs_redacted = (
        locked.cakupan == Cakupan.SEBAGIAN
        and locked.informasi_id is not None
        and DokumenInformasi.objects.filter(
            informasi_id=locked.informasi_id, dihapus_pada__isnull=True
        ).exists()
    )
    if needs_redacted and berkas_sensor is None:
        errors["berkas_sensor"] = _(
            "Unggah dokumen yang sudah dihitamkan: hanya dokumen itu yang dipublikasikan."
        )
    if errors:
        raise ValidationError(errors)
    stored = None
    if berkas_sensor is not None:
        try:
            UploadValidator()(berkas_sensor)
        except ValidationError as exc:
            raise ValidationError({"berkas_sensor": exc.messages}) from exc
        stored = store_upload(berkas_sensor, purpose=StoredFile.Purpose.DOKUMEN_DIP, actor=actor)
    urut = (
        PenetapanPengecualian.objects.filter(tahun=tanggal.year).aggregate(n=Max("urut"))["n"] or 0
    ) + 1
    nama, jabatan = _person(actor)
    now = _now(at)
    try:
        with transaction.atomic():
            penetapan = PenetapanPengecualian.objects.create(
                uji=locked,
                informasi_id=locked.informasi_id,
                unit_id=locked.unit_id,
                status=PENETAPAN_INITIAL,
                nomor=format_nomor_penetapan(urut, tanggal),
                tahun=tanggal.year,
                urut=urut,
                tanggal=tanggal,
                tempat=(tempat or "").strip() or settings.PPID_OFFICE_CITY,
                uraian_publik=locked.uraian_publik,
                alasan=locked.alasan,
                dasar_hukum_lain=locked.dasar_hukum_lain,
                cakupan=locked.cakupan,
                permanen=locked.permanen,
                berakhir_pada=locked.berakhir_pada,
                kategori_terbuka=locked.kategori_terbuka,
                nama_ppid=nama,
                jabatan_ppid=jabatan or "PPID",
                diterbitkan_oleh=actor,
                diterbitkan_pada=now,
                diubah_pada=now,
                berkas_sensor=stored,
            )
    except IntegrityError:
        raise ValidationError(
            _(
                "Penetapan tidak dapat diterbitkan: nomor baru saja dipakai, atau entri ini "
                "sudah memiliki penetapan yang menunggu persetujuan. Muat ulang dan coba lagi."
            )
        ) from None
    audit.record(
        actor=actor, obj=penetapan, action="informasi.penetapan.terbitkan",
        to_state=penetapan.status,
        note=_("Dari uji konsekuensi #%(n)s") % {"n": locked.pk},
    )  # fmt: skip
    audit.record(
        actor=actor, obj=locked, action="informasi.uji.ditetapkan", from_state=locked.status,
        to_state=locked.status, note=penetapan.nomor,
    )  # fmt: skip
    notify.send_on_commit(
        "penetapan_diterbitkan",
        notify.role_emails(Role.ATASAN),
        {"penetapan": penetapan, "actor": actor},
    )
    return penetapan


@discard_on_rollback()
@transaction.atomic
def penetapan_approve(
    *,
    actor: User,
    penetapan: PenetapanPengecualian,
    catatan: str = "",
    at: datetime | None = None,
) -> PenetapanPengecualian:
    """menunggu → berlaku. The Atasan PPID approves the decree: it enters the public register,
    the DIP entry becomes excepted (in whole, or in part with only the redacted document), and
    a decree in force for the same entry is replaced."""
    locked, transition = _begin_penetapan("setujui", actor, penetapan)
    today = _today(at)
    if locked.berakhir_pada is not None and locked.berakhir_pada < today:
        raise ValidationError(
            _(
                "Jangka waktu pengecualian dalam penetapan ini sudah berakhir; penetapan tidak "
                "dapat disetujui."
            )
        )
    now = _now(at)
    if locked.informasi_id is not None:
        replace = PENETAPAN_TRANSITIONS["gantikan"]
        for old in PenetapanPengecualian.objects.select_for_update().filter(
            informasi_id=locked.informasi_id, status__in=replace.sources
        ):
            old.status = replace.target
            old.ditutup_pada = now
            old.diubah_pada = now
            old.save(update_fields=["status", "ditutup_pada", "diubah_pada"])
            audit.record(
                actor=actor, obj=old, action="informasi.penetapan.gantikan",
                from_state=PN.BERLAKU, to_state=old.status,
                note=_("Digantikan %(nomor)s") % {"nomor": locked.nomor},
            )  # fmt: skip
    nama, jabatan = _person(actor)
    locked.status = transition.target
    locked.disetujui_oleh = actor
    locked.disetujui_pada = now
    locked.nama_atasan = nama
    locked.jabatan_atasan = jabatan or "Atasan PPID"
    locked.catatan_persetujuan = (catatan or "").strip()
    locked.diubah_pada = now
    locked.save(
        update_fields=[
            "status",
            "disetujui_oleh",
            "disetujui_pada",
            "nama_atasan",
            "jabatan_atasan",
            "catatan_persetujuan",
            "diubah_pada",
        ]
    )
    if locked.informasi_id is not None:
        _apply_exception(locked, actor=actor)
        # Also when the entry was withdrawn (no change to it): its decree changed on the
        # public pages of the version still published.
        selectors.invalidate_public()
    from . import documents

    locked.berkas_pdf = documents.store_penetapan_pdf(locked, actor=actor)
    locked.save(update_fields=["berkas_pdf"])
    audit.record(
        actor=actor, obj=locked, action="informasi.penetapan.setujui", from_state=PN.MENUNGGU,
        to_state=locked.status, note=locked.catatan_persetujuan,
    )  # fmt: skip
    recipients = notify.role_emails(Role.PPID)
    if locked.unit_id:
        recipients += notify.unit_emails(locked.unit)
    notify.send_on_commit("penetapan_disetujui", recipients, {"penetapan": locked, "actor": actor})
    return locked


@transaction.atomic
def penetapan_reject(
    *, actor: User, penetapan: PenetapanPengecualian, alasan: str
) -> PenetapanPengecualian:
    """menunggu → ditolak. The Atasan PPID does not approve, with written reasons; the PPID may
    issue a new decree from the same sheet, or start a new test."""
    locked, transition = _begin_penetapan("tolak", actor, penetapan)
    alasan = _required_text(alasan, _("Tuliskan alasan penetapan tidak disetujui."))
    locked.status = transition.target
    locked.ditolak_pada = timezone.now()
    locked.alasan_penolakan = alasan
    locked.diubah_pada = locked.ditolak_pada
    locked.save(update_fields=["status", "ditolak_pada", "alasan_penolakan", "diubah_pada"])
    audit.record(
        actor=actor, obj=locked, action="informasi.penetapan.tolak", from_state=PN.MENUNGGU,
        to_state=locked.status, note=alasan,
    )  # fmt: skip
    notify.send_on_commit(
        "penetapan_ditolak",
        notify.role_emails(Role.PPID),
        {"penetapan": locked, "actor": actor, "alasan": alasan},
    )
    return locked


def sisa_hari_kerja(penetapan: PenetapanPengecualian, today: date) -> int | None:
    """Working days from `today` to the last day of the period (0 on the last day)."""
    if penetapan.berakhir_pada is None:
        return None
    return working_days_between(today, penetapan.berakhir_pada, holidays_around(today))


def in_opening_window(penetapan: PenetapanPengecualian, today: date) -> bool:
    """Seed 004: within 30 working days of the end of the period (the last day included)."""
    left = sisa_hari_kerja(penetapan, today)
    return (
        left is not None
        and 0 <= left <= conf.hari_antrean_pembukaan()
        and (today <= penetapan.berakhir_pada)
    )


@transaction.atomic
def penetapan_open(
    *,
    actor: User,
    penetapan: PenetapanPengecualian,
    jenis: str,
    tanggal_putusan: date,
    nomor_putusan: str = "",
    keterangan: str = "",
    keberatan=None,
    at: datetime | None = None,
) -> PenetapanPengecualian:
    """berlaku → dibuka. Record the decision that opens excepted information before its period
    ends — a keberatan granted by the Atasan PPID, the Komisi Informasi, a court — or the PPID
    opening it within the last 30 working days (seed 004). PPID or Atasan PPID."""
    locked, _transition = _begin_penetapan("buka", actor, penetapan)
    today = _today(at)
    errors: dict[str, str] = {}
    if jenis not in PembukaanInformasi.RECORDED_BY_STAFF:
        errors["jenis"] = _("Pilih dasar pembukaan.")
    if tanggal_putusan is None:
        errors["tanggal_putusan"] = _("Isi tanggal putusan.")
    elif tanggal_putusan > today:
        errors["tanggal_putusan"] = _("Tanggal putusan tidak boleh di masa depan.")
    nomor_putusan = (nomor_putusan or "").strip()
    if jenis in (PembukaanInformasi.Jenis.KOMISI_INFORMASI, PembukaanInformasi.Jenis.PENGADILAN):
        if not nomor_putusan:
            errors["nomor_putusan"] = _("Isi nomor putusan.")
    if jenis == PembukaanInformasi.Jenis.KEBERATAN and not (nomor_putusan or keberatan):
        errors["nomor_putusan"] = _("Isi nomor tanggapan Atasan PPID atas keberatan.")
    if jenis == PembukaanInformasi.Jenis.MENJELANG_BERAKHIR:
        if Role.PPID not in user_roles(actor):
            raise PermissionDenied(_("Hanya PPID yang membuka informasi menjelang berakhir."))
        if not in_opening_window(locked, today):
            errors["jenis"] = _(
                "Informasi hanya dapat dibuka lebih awal dalam %(n)s hari kerja terakhir "
                "jangka waktu pengecualian."
            ) % {"n": conf.hari_antrean_pembukaan()}
    if errors:
        raise ValidationError(errors)
    return _end_penetapan(
        locked,
        "buka",
        actor=actor,
        jenis=jenis,
        tanggal_putusan=tanggal_putusan,
        nomor_putusan=nomor_putusan,
        keterangan=(keterangan or "").strip(),
        keberatan=keberatan,
        at=at,
    )


def _end_penetapan(
    locked: PenetapanPengecualian,
    name: str,
    *,
    actor,
    jenis: str,
    tanggal_putusan: date,
    nomor_putusan: str = "",
    keterangan: str = "",
    keberatan=None,
    uji: UjiKonsekuensi | None = None,
    kategori: str = "",
    at: datetime | None = None,
    actor_label: str | None = None,
) -> PenetapanPengecualian:
    """berlaku → berakhir | dibuka: record the decision and move the information back to the
    open DIP (the next version includes it)."""
    transition = PENETAPAN_TRANSITIONS[name]
    _refuse_state(transition, locked.status, PN)
    now = _now(at)
    person = actor if getattr(actor, "is_authenticated", False) else None
    pembukaan = PembukaanInformasi.objects.create(
        penetapan=locked,
        informasi_id=locked.informasi_id,
        uji=uji,
        keberatan=keberatan,
        jenis=jenis,
        nomor_putusan=nomor_putusan,
        tanggal_putusan=tanggal_putusan,
        keterangan=keterangan,
        dicatat_oleh=person,
        dicatat_pada=now,
    )
    before = locked.status
    locked.status = transition.target
    locked.ditutup_pada = now
    locked.diubah_pada = now
    locked.save(update_fields=["status", "ditutup_pada", "diubah_pada"])
    if locked.informasi_id is not None:
        selectors.invalidate_public()  # the decree leaves the entry's public pages
    note = " — ".join(filter(None, [pembukaan.get_jenis_display(), nomor_putusan, keterangan]))
    audit.record(
        actor=person, obj=locked, action=f"informasi.penetapan.{name}", from_state=before,
        to_state=locked.status, note=note, actor_label=actor_label,
    )  # fmt: skip
    if locked.informasi_id is not None:
        _open_entry(
            entry_id=locked.informasi_id,
            actor=person,
            kategori=kategori or locked.kategori_terbuka,
            note=_("%(nomor)s: %(note)s") % {"nomor": locked.nomor, "note": note},
            penetapan=locked,
            actor_label=actor_label,
        )
    return locked


@transaction.atomic
def penetapan_set_priority(
    *, actor: User, penetapan: PenetapanPengecualian, prioritas: int
) -> PenetapanPengecualian:
    """No state change. The PPID sets the order in which excepted information whose period is
    ending is opened (seed 004: "dengan penentuan prioritas")."""
    require(actor, "informasi.penetapan.prioritas")
    locked = _lock_penetapan(penetapan)
    if locked.status != PN.BERLAKU:
        raise ValidationError(_("Prioritas hanya untuk penetapan yang berlaku."))
    if prioritas not in PenetapanPengecualian.Prioritas.values:
        raise ValidationError({"prioritas": _("Pilih prioritas.")})
    before = locked.get_prioritas_display() or "—"
    locked.prioritas = prioritas
    locked.save(update_fields=["prioritas"])
    audit.record(
        actor=actor, obj=locked, action="informasi.penetapan.prioritas",
        from_state=locked.status, to_state=locked.status,
        note=f"{before} → {locked.get_prioritas_display()}",
    )  # fmt: skip
    return locked


# ----------------------------------------------------------------------------- the DIP entry


def _apply_exception(penetapan: PenetapanPengecualian, *, actor) -> None:
    """Make the decree's DIP entry excepted: in whole (metadata only in the DIP), or in part
    (the originals are taken off the entry and kept sensitive; the redacted document the PPID
    uploaded is what the next version publishes)."""
    entry = _lock_entry(penetapan.informasi_id)
    if entry.status == E.DICABUT:
        audit.record(
            actor=actor, obj=penetapan, action="informasi.penetapan.catatan",
            from_state=penetapan.status, to_state=penetapan.status,
            note=_("Entri DIP sudah dicabut; tidak ada yang diubah di DIP."),
        )  # fmt: skip
        return
    now = timezone.now()
    before = f"{entry.get_kategori_display()} {entry.dasar_pengecualian}".strip()
    documents = DokumenInformasi.objects.filter(informasi=entry)
    if penetapan.cakupan == Cakupan.SELURUHNYA:
        entry.kategori = Kategori.DIKECUALIKAN
        entry.alasan_pengecualian = penetapan.alasan
        entry.pengecualian_berakhir = penetapan.berakhir_pada
        StoredFile.objects.filter(
            pk__in=documents.filter(berkas__isnull=False).values("berkas_id")
        ).update(sensitive=True)
    else:
        if entry.dikecualikan:
            entry.kategori = penetapan.kategori_terbuka
            entry.alasan_pengecualian = ""
            entry.pengecualian_berakhir = None
        originals = list(documents.filter(dihapus_pada__isnull=True))
        StoredFile.objects.filter(pk__in=[d.berkas_id for d in originals if d.berkas_id]).update(
            sensitive=True
        )
        DokumenInformasi.objects.filter(pk__in=[d.pk for d in originals]).update(
            dihapus_pada=now, dihapus_oleh=actor
        )
        penetapan.dokumen_dikecualikan.set(originals)
        if penetapan.berkas_sensor_id:
            stored = penetapan.berkas_sensor
            with stored.file.open("rb") as handle:
                teks = extract.extract_text(handle, stored.content_type)
            penetapan.dokumen_sensor = DokumenInformasi.objects.create(
                informasi=entry,
                jenis=DokumenInformasi.Jenis.BERKAS,
                judul=(_("%(judul)s (bagian yang dikecualikan dihitamkan)")
                       % {"judul": entry.ringkasan[:200]})[:300],
                berkas=stored,
                teks=teks,
                ditambahkan_oleh=actor,
                ditambahkan_pada=now,
            )  # fmt: skip
            penetapan.save(update_fields=["dokumen_sensor"])
    _save_entry_change(entry, now)
    search.reindex_entry(entry.pk)
    after = f"{entry.get_kategori_display()} {entry.dasar_pengecualian}".strip()
    audit.record(
        actor=actor, obj=entry, action="informasi.kecualikan", from_state=entry.status,
        to_state=entry.status,
        note=_("%(nomor)s (%(cakupan)s): %(before)s → %(after)s")
        % {"nomor": penetapan.nomor, "cakupan": penetapan.get_cakupan_display(),
           "before": before, "after": after},
    )  # fmt: skip


def _save_entry_change(entry: InformasiPublik, now: datetime) -> None:
    fields = ["kategori", "alasan_pengecualian", "pengecualian_berakhir", "diubah_pada"]
    entry.diubah_pada = now
    if entry.status == E.DIDOKUMENTASIKAN:
        # Newer than the last version: the PPID's queue shows it for the next penetapan of the
        # DIP, which takes the entry's current values.
        entry.didokumentasikan_pada = now
        fields.append("didokumentasikan_pada")
    entry.save(update_fields=fields)
    # An exception (or its end) takes effect on the public pages at once, before the next DIP
    # version: cached public pages showing the entry's files must go.
    selectors.invalidate_public()


def _open_entry(
    *,
    entry_id: int,
    actor,
    kategori: str,
    note: str,
    penetapan: PenetapanPengecualian | None = None,
    actor_label: str | None = None,
) -> None:
    """Move excepted information back to the open DIP: the entry takes its open category, its
    files are public again (the originals of an exception in part come back in place of the
    redacted copy), and the next DIP version includes it."""
    entry = _lock_entry(entry_id)
    if entry.status == E.DICABUT:
        return
    now = timezone.now()
    person = actor if getattr(actor, "is_authenticated", False) else None
    if entry.dikecualikan:
        entry.kategori = kategori if kategori in dict(KATEGORI_TERBUKA) else Kategori.SETIAP_SAAT
        entry.alasan_pengecualian = ""
        entry.pengecualian_berakhir = None
    active = DokumenInformasi.objects.filter(informasi=entry, dihapus_pada__isnull=True)
    restored: list[DokumenInformasi] = []
    if penetapan is not None and penetapan.cakupan == Cakupan.SEBAGIAN:
        for original in penetapan.dokumen_dikecualikan.all():
            restored.append(
                DokumenInformasi.objects.create(
                    informasi=entry,
                    jenis=original.jenis,
                    judul=original.judul,
                    berkas_id=original.berkas_id,
                    tautan=original.tautan,
                    teks=original.teks,
                    ditambahkan_oleh=person,
                    ditambahkan_pada=now,
                )
            )
        if penetapan.dokumen_sensor_id:
            DokumenInformasi.objects.filter(
                pk=penetapan.dokumen_sensor_id, dihapus_pada__isnull=True
            ).update(dihapus_pada=now, dihapus_oleh=person)
    StoredFile.objects.filter(
        pk__in=[
            *active.filter(berkas__isnull=False).values_list("berkas_id", flat=True),
            *[d.berkas_id for d in restored if d.berkas_id],
        ]
    ).update(sensitive=False)
    _save_entry_change(entry, now)
    search.reindex_entry(entry.pk)
    audit.record(
        actor=person, obj=entry, action="informasi.buka", from_state=entry.status,
        to_state=entry.status, note=note, actor_label=actor_label,
    )  # fmt: skip


# ----------------------------------------------------------------------------- expiry (cron)


SYSTEM_LABEL = "Sistem (periksa_pengecualian)"


@dataclass
class HasilPemeriksaan:
    """What one run of `periksa_pengecualian` did."""

    antrean_baru: list[PenetapanPengecualian] = field(default_factory=list)
    prioritas_naik: list[PenetapanPengecualian] = field(default_factory=list)
    dibuka: list[PenetapanPengecualian] = field(default_factory=list)


def computed_priority(left: int) -> int:
    tinggi, sedang = conf.hari_prioritas()
    if left <= tinggi:
        return PenetapanPengecualian.Prioritas.TINGGI
    if left <= sedang:
        return PenetapanPengecualian.Prioritas.SEDANG
    return PenetapanPengecualian.Prioritas.RENDAH


def check_expiry(*, today: date | None = None) -> HasilPemeriksaan:
    """The daily run (seed 004). Each decree in force whose period ends within 30 working days
    enters the PPID's queue with a priority (raised as the end nears, never lowered); each whose
    last day has passed ends, and its information moves back to the open DIP. Each decree is
    handled in its own transaction; running it twice on a day changes nothing more."""
    today = today or timezone.localdate()
    result = HasilPemeriksaan()
    window = conf.hari_antrean_pembukaan()
    holidays = holidays_around(today)
    # 30 working days never span more than about eight calendar weeks, even around Lebaran.
    horizon = today + timedelta(days=window * 3)
    candidates = PenetapanPengecualian.objects.filter(
        status=PN.BERLAKU, permanen=False, berakhir_pada__lte=horizon
    ).order_by("berakhir_pada", "id")
    for pk in candidates.values_list("pk", flat=True):
        with transaction.atomic():
            locked = _lock_penetapan(pk)
            if locked.status != PN.BERLAKU or locked.berakhir_pada is None:
                continue
            if today > locked.berakhir_pada:
                _end_penetapan(
                    locked,
                    "akhiri",
                    actor=None,
                    actor_label=SYSTEM_LABEL,
                    jenis=PembukaanInformasi.Jenis.MASA_BERAKHIR,
                    tanggal_putusan=locked.berakhir_pada + timedelta(days=1),
                    keterangan=_("Jangka waktu pengecualian berakhir pada %(t)s.")
                    % {"t": locked.berakhir_pada.strftime("%d-%m-%Y")},
                )
                result.dibuka.append(locked)
                continue
            left = working_days_between(today, locked.berakhir_pada, holidays)
            if left > window:
                continue
            priority = computed_priority(left)
            if locked.antrean_pada is None:
                locked.antrean_pada = today
                locked.prioritas = min(priority, locked.prioritas or priority)
                locked.save(update_fields=["antrean_pada", "prioritas"])
                audit.record(
                    actor=None, actor_label=SYSTEM_LABEL, obj=locked,
                    action="informasi.penetapan.antrean", from_state=locked.status,
                    to_state=locked.status,
                    note=_("%(n)s hari kerja lagi; prioritas %(p)s")
                    % {"n": left, "p": locked.get_prioritas_display()},
                )  # fmt: skip
                result.antrean_baru.append(locked)
            elif priority < (locked.prioritas or PenetapanPengecualian.Prioritas.RENDAH + 1):
                before = locked.get_prioritas_display()
                locked.prioritas = priority
                locked.save(update_fields=["prioritas"])
                audit.record(
                    actor=None, actor_label=SYSTEM_LABEL, obj=locked,
                    action="informasi.penetapan.prioritas", from_state=locked.status,
                    to_state=locked.status,
                    note=f"{before} → {locked.get_prioritas_display()} ({left})",
                )  # fmt: skip
                result.prioritas_naik.append(locked)
    if result.antrean_baru or result.dibuka:
        notify.send_on_commit(
            "pengecualian_diperiksa",
            notify.role_emails(Role.PPID),
            {"hasil": result, "tanggal": today},
        )
    return result


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
    notify.send_on_commit(
        "diajukan", notify.role_emails(Role.DESK), {"entry": entry, "actor": actor}
    )
    return entry
