"""The decree that excepts information (penetapan pengecualian, UU 14/2008 Ps 17 and 20; seed
002): issued by the PPID from a completed test, approved or rejected by the Atasan PPID, and
opened again by a decision (keberatan, Komisi Informasi, court, a new test, or the PPID within the
last 30 working days, seed 004). Also what a decree does to its DIP entry: excepting it in whole
or in part, and moving it back to the open DIP."""

from __future__ import annotations

from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ppid_portal import audit, mail, numbering
from ppid_portal.access import can, require, user_roles
from ppid_portal.calendar import holidays_around
from ppid_portal.files import UploadValidator, discard_on_rollback, store_upload
from ppid_portal.models import StoredFile, User
from ppid_portal.roles import Role
from ppid_portal.workdays import working_days_between

from .. import conf, extract, search, selectors
from ..models import (
    KATEGORI_TERBUKA,
    Cakupan,
    DokumenInformasi,
    InformasiPublik,
    Kategori,
    Kesimpulan,
    PembukaanInformasi,
    PenetapanPengecualian,
    UjiKonsekuensi,
)
from ._common import (
    PN,
    E,
    Transition,
    U,
    _lock_entry,
    _lock_penetapan,
    _lock_uji,
    _now,
    _person,
    _refuse_state,
    _required_text,
    _t,
    _today,
)

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


def _begin_penetapan(name: str, actor, penetapan) -> tuple[PenetapanPengecualian, Transition]:
    transition = PENETAPAN_TRANSITIONS[name]
    locked = _lock_penetapan(penetapan)
    if transition.action:
        require(actor, transition.action, locked)
    _refuse_state(transition, locked.status, PN)
    return locked, transition


def available_penetapan_transitions(penetapan: PenetapanPengecualian, user) -> list[Transition]:
    return [
        t
        for t in PENETAPAN_TRANSITIONS.values()
        if penetapan.status in t.sources and t.action and can(user, t.action, penetapan)
    ]


# ----------------------------------------------------------------------------- the decree


def format_nomor_penetapan(urut: int, day: date) -> str:
    return numbering.format_number(
        conf.nomor_penetapan_format(), urut=urut, day=day, setting="INFORMASI_NOMOR_PENETAPAN"
    )


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
    # The decree's number, per year of its date; a decree refused below gives it back.
    urut = numbering.take(PenetapanPengecualian.SERI_NOMOR, year=tanggal.year)
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
        # Another decree of the same entry still waits for the Atasan PPID.
        raise ValidationError(
            _(
                "Penetapan tidak dapat diterbitkan: entri ini sudah memiliki penetapan yang "
                "menunggu persetujuan. Muat ulang dan coba lagi."
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
    mail.notify(
        "informasi/penetapan_diterbitkan",
        to=mail.staff_emails(Role.ATASAN),
        context={"penetapan": penetapan, "actor": actor},
        about=penetapan,
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
    from .. import documents

    locked.berkas_pdf = documents.store_penetapan_pdf(locked, actor=actor)
    locked.save(update_fields=["berkas_pdf"])
    audit.record(
        actor=actor, obj=locked, action="informasi.penetapan.setujui", from_state=PN.MENUNGGU,
        to_state=locked.status, note=locked.catatan_persetujuan,
    )  # fmt: skip
    recipients = mail.staff_emails(Role.PPID)
    if locked.unit_id:
        recipients += mail.staff_emails(Role.PENYEDIA, unit=locked.unit)
    mail.notify(
        "informasi/penetapan_disetujui",
        to=recipients,
        context={"penetapan": locked, "actor": actor},
        about=locked,
    )
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
    mail.notify(
        "informasi/penetapan_ditolak",
        to=mail.staff_emails(Role.PPID),
        context={"penetapan": locked, "actor": actor, "alasan": alasan},
        about=locked,
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
    at: datetime | None = None,
) -> PenetapanPengecualian:
    """berlaku → dibuka. Record the decision that opens excepted information before its period
    ends — a keberatan granted by the Atasan PPID, the Komisi Informasi, a court — or the PPID
    opening it within the last 30 working days (seed 004). PPID or Atasan PPID. (A keberatan
    granted in the portal records the opening it caused on itself, `Keberatan.pembukaan`.)"""
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
    if jenis == PembukaanInformasi.Jenis.KEBERATAN and not nomor_putusan:
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
