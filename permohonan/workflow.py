"""The one state machine of requests, unit assignments and objections.

This module owns the transition tables and is the only code that assigns `.status` on a
`Permohonan`, `Disposisi` or `Keberatan`. Views, the desk, management commands, the demo and the
tests call these functions. Each one:

- takes keyword-only arguments including `actor` (a staff `User`, or `tracking.Pemohon` for the
  applicant proven by the tracking secret or the owning account);
- runs in one transaction, re-reading the row with `select_for_update()`;
- refuses the wrong state (`ValidationError`) or role (`PermissionDenied`) with an Indonesian
  message;
- saves with `update_fields`, writes the audit trail, and queues e-mail with
  `transaction.on_commit` (see `notifications`).

Legal periods come from `deadlines` (pure) with the office calendar.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from informasi import workflow as dip_workflow
from ppid_portal import audit
from ppid_portal.access import can, require
from ppid_portal.calendar import holidays_around, load_holidays
from ppid_portal.files import (
    DOCUMENT_KINDS,
    SCAN_KINDS,
    UploadValidator,
    discard_on_rollback,
    store_upload,
)
from ppid_portal.models import StoredFile, UnitKerja, User
from ppid_portal.roles import Role
from ppid_portal.statistik import Periode

from . import conf, deadlines, documents, notifications
from . import laporan as dokumen_laporan
from .models import (
    AturanTenggat,
    Disposisi,
    DokumenPermohonan,
    Keberatan,
    Keputusan,
    LaporanTahunan,
    NomorUrut,
    Permohonan,
    Sengketa,
)
from .tracking import Pemohon, new_secret, tracking_link
from .validators import clean_nik, clean_telepon

PS = Permohonan.Status
DS = Disposisi.Status
KS = Keberatan.Status
LS = LaporanTahunan.Status

# (from, to) -> what the step is. `None` is "does not exist yet".
PERMOHONAN_TRANSITIONS: dict[tuple[str | None, str], str] = {
    (None, PS.BARU): "diajukan (daring) atau dicatat desk",
    (PS.BARU, PS.DIVERIFIKASI): "desk/PPID: lengkap",
    (PS.BARU, PS.PERLU_DILENGKAPI): "desk/PPID: perlu dilengkapi",
    (PS.PERLU_DILENGKAPI, PS.BARU): "pemohon melengkapi",
    (PS.PERLU_DILENGKAPI, PS.GUGUR): "desk/PPID: tidak dilengkapi sampai batas waktu",
    (PS.DIVERIFIKASI, PS.DIPROSES): "PPID: disposisi ke unit",
    (PS.DIVERIFIKASI, PS.SELESAI): "PPID: memutus tanpa disposisi",
    (PS.DIPROSES, PS.SELESAI): "PPID: memutus, pemberitahuan tertulis",
    (PS.SELESAI, PS.DIPROSES): "Atasan PPID: keberatan dikabulkan, dibuka kembali",
    (PS.BARU, PS.DITARIK): "pemohon menarik",
    (PS.PERLU_DILENGKAPI, PS.DITARIK): "pemohon menarik",
    (PS.DIVERIFIKASI, PS.DITARIK): "pemohon menarik",
    (PS.DIPROSES, PS.DITARIK): "pemohon menarik",
}
DISPOSISI_TRANSITIONS: dict[tuple[str | None, str], str] = {
    (None, DS.MENUNGGU): "PPID: disposisi",
    (DS.MENUNGGU, DS.TERSEDIA): "Penyedia: dokumen disediakan",
    (DS.MENUNGGU, DS.TIDAK_DIKUASAI): "Penyedia: tidak dikuasai",
    (DS.TERSEDIA, DS.MENUNGGU): "PPID: diminta ulang",
    (DS.TIDAK_DIKUASAI, DS.MENUNGGU): "PPID: diminta ulang",
}
KEBERATAN_TRANSITIONS: dict[tuple[str | None, str], str] = {
    (None, KS.DIAJUKAN): "pemohon/desk: keberatan diajukan",
    (KS.DIAJUKAN, KS.DIPUTUS): "Atasan PPID: tanggapan tertulis",
    (KS.DIAJUKAN, KS.DITARIK): "pemohon menarik / selesai musyawarah",
}
LAPORAN_TRANSITIONS: dict[tuple[str | None, str], str] = {
    (None, LS.DRAF): "PPID: menyusun draf laporan tahunan",
    (LS.DRAF, LS.DISETUJUI): "PPID: menyetujui; angka dibekukan, PDF/XLSX disimpan, masuk DIP",
    (LS.DRAF, LS.DIBATALKAN): "PPID: membatalkan draf",
    (LS.DISETUJUI, LS.DIGANTIKAN): "PPID: laporan revisi tahun yang sama disetujui",
}
TRANSITIONS = {
    "permohonan": PERMOHONAN_TRANSITIONS,
    "disposisi": DISPOSISI_TRANSITIONS,
    "keberatan": KEBERATAN_TRANSITIONS,
    "laporan": LAPORAN_TRANSITIONS,
}

APPLICANT_FIELDS = (
    "jenis_pemohon",
    "nama",
    "nama_lembaga",
    "nik",
    "alamat",
    "pekerjaan",
    "telepon",
    "email",
    "rincian_informasi",
    "tujuan_penggunaan",
    "cara_memperoleh",
    "cara_salinan",
)

Actor = User | Pemohon | None


# ---------------------------------------------------------------------------------------------
# Plumbing


def _wrong_state(obj) -> ValidationError:
    return ValidationError(
        _("Tindakan ini tidak dapat dilakukan pada status “%(status)s”.")
        % {"status": obj.get_status_display()}
    )


def _check_transition(obj, kind: str, to: str) -> None:
    if (obj.status, to) not in TRANSITIONS[kind]:
        raise _wrong_state(obj)


def _set_status(obj, kind: str, to: str) -> str:
    """The only assignment of `.status` in the code base. Returns the previous state."""
    before = obj.status
    _check_transition(obj, kind, to)
    obj.status = to
    return before


def _new_status(obj, kind: str, to: str) -> None:
    if (None, to) not in TRANSITIONS[kind]:
        raise ValidationError(_("Status awal tidak sah."))
    obj.status = to


def _audit(actor: Actor, obj, action: str, before: str = "", after: str = "", note: str = ""):
    if isinstance(actor, Pemohon):
        return audit.record(
            actor=actor.user,
            actor_label=actor.label,
            obj=obj,
            action=action,
            from_state=before,
            to_state=after,
            note=note,
        )
    return audit.record(
        actor=actor, obj=obj, action=action, from_state=before, to_state=after, note=note
    )


def _staff(actor: Actor, action: str, obj=None) -> User:
    if isinstance(actor, Pemohon) or actor is None:
        raise PermissionDenied(_("Anda tidak berwenang melakukan tindakan ini."))
    require(actor, action, obj)
    return actor


def _applicant_or_desk(actor: Actor, permohonan: Permohonan) -> None:
    """The applicant of this request, or the desk acting on the applicant's word."""
    if isinstance(actor, Pemohon):
        if actor.permohonan_id != permohonan.pk:
            raise PermissionDenied(_("Anda tidak berwenang melakukan tindakan ini."))
        return
    _staff(actor, "permohonan.tarik_desk")


def _now(at: datetime | None) -> datetime:
    return at or timezone.now()


def _today(at: datetime | None) -> date:
    return timezone.localdate(_now(at))


def _text(value: Any) -> str:
    return str(value or "").strip()


def _required(errors: dict, field: str, value: Any, message: str) -> None:
    if not _text(value):
        errors[field] = message


def _lock(model, pk: int):
    return model.objects.select_for_update().get(pk=pk)


ROMAN = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def format_nomor(jenis: str, urut: int, day: date) -> str:
    fmt = conf.nomor_format(jenis)
    try:
        return fmt.format(
            urut=urut, tahun=day.year, bulan=f"{day.month:02d}", bulan_romawi=ROMAN[day.month]
        )
    except (KeyError, IndexError, ValueError) as exc:
        raise ImproperlyConfigured(f"Format nomor {jenis} tidak sah: {fmt!r} ({exc})") from exc


def take_number(jenis: str, day: date) -> tuple[int, int, str]:
    """The next number of `jenis` in `day`'s year: (year, sequence, formatted).

    Must run inside the transaction that stores the number. The counter row is created if
    missing (a concurrent creator is waited for, not duplicated) and then locked until commit,
    so two requests never share a number, and a rolled-back request gives its number back:
    unique and gapless on PostgreSQL and on SQLite (whose IMMEDIATE transactions serialise
    writers).
    """
    NomorUrut.objects.bulk_create(
        [NomorUrut(jenis=jenis, tahun=day.year, terakhir=0)], ignore_conflicts=True
    )
    counter = NomorUrut.objects.select_for_update().get(jenis=jenis, tahun=day.year)
    counter.terakhir += 1
    counter.save(update_fields=["terakhir"])
    return day.year, counter.terakhir, format_nomor(jenis, counter.terakhir, day)


def _holidays(*days: date) -> frozenset[date]:
    years = set()
    for day in days:
        years.update({day.year - 1, day.year, day.year + 1})
    return load_holidays(years)


def _abs(path: str) -> str:
    return conf.site_url() + path


def _lacak_url() -> str:
    return _abs(reverse("permohonan:lacak"))


def _applicant_mail(permohonan: Permohonan, name: str, context: dict[str, Any], **kwargs):
    if permohonan.email:
        notifications.send_on_commit(
            name,
            [permohonan.email],
            {"p": permohonan, "lacak_url": _lacak_url(), **context},
            about=permohonan,
            **kwargs,
        )


def _staff_mail(name: str, recipients: Iterable[str], obj, context: dict[str, Any] | None = None):
    notifications.send_on_commit(
        name,
        recipients,
        {"obj": obj, "url": _abs(obj.get_absolute_url()), **(context or {})},
        about=obj,
    )


def default_aturan() -> AturanTenggat:
    aturan = AturanTenggat.objects.filter(utama=True, aktif=True).first()
    if aturan is None:
        aturan = AturanTenggat.objects.filter(aktif=True).order_by("pk").first()
    if aturan is None:
        raise ImproperlyConfigured("Belum ada aturan tenggat yang aktif.")
    return aturan


def _identity_validator() -> UploadValidator:
    return UploadValidator(SCAN_KINDS, max_bytes=conf.identitas_max_bytes())


def _document_validator() -> UploadValidator:
    return UploadValidator(DOCUMENT_KINDS)


def _store_identity(upload: UploadedFile, actor: Actor, field: str) -> StoredFile:
    try:
        _identity_validator()(upload)
    except ValidationError as exc:
        raise ValidationError({field: exc.messages}) from exc
    user = actor.user if isinstance(actor, Pemohon) else actor
    return store_upload(upload, purpose=StoredFile.Purpose.IDENTITAS, actor=user, sensitive=True)


def _store_documents(
    files: Sequence[UploadedFile], actor: User, field: str = "berkas"
) -> list[StoredFile]:
    validator = _document_validator()
    for upload in files:
        try:
            validator(upload)
        except ValidationError as exc:
            raise ValidationError({field: [f"{upload.name}: {m}" for m in exc.messages]}) from exc
    return [store_upload(f, purpose=StoredFile.Purpose.JAWABAN, actor=actor) for f in files]


# ---------------------------------------------------------------------------------------------
# Deadlines


def notice_extension_days(permohonan: Permohonan) -> int:
    # After a keberatan reopens a request the clock is the Atasan's order, without the earlier
    # extension.
    return 0 if permohonan.dibuka_kembali_pada else permohonan.hari_perpanjangan


def compute_notice_due(permohonan: Permohonan, holidays: frozenset[date]) -> date:
    clock = deadlines.Jam(permohonan.jam_mulai, permohonan.jam_hari)
    return deadlines.notice_due(clock, holidays, extension_days=notice_extension_days(permohonan))


def recompute_deadlines() -> int:
    """Recompute the stored due dates of open requests and objections from their anchors, after
    the office calendar changed. Returns how many rows changed."""
    changed = 0
    cache: dict[int, frozenset[date]] = {}

    def holidays_for(day: date) -> frozenset[date]:
        if day.year not in cache:
            cache[day.year] = holidays_around(day)
        return cache[day.year]

    for p in Permohonan.objects.filter(status__in=Permohonan.OPEN_STATES):
        rules = p.rules
        fields = {
            "tenggat_pemberitahuan": compute_notice_due(p, holidays_for(p.jam_mulai)),
            "tenggat_pemeriksaan": deadlines.check_due(
                p.pemeriksaan_mulai, rules, holidays_for(p.pemeriksaan_mulai)
            ),
        }
        if p.perlu_dilengkapi_pada and p.status == PS.PERLU_DILENGKAPI:
            fields["tenggat_melengkapi"] = deadlines.completion_due(
                p.perlu_dilengkapi_pada, rules, holidays_for(p.perlu_dilengkapi_pada)
            )
        updates = [name for name, value in fields.items() if getattr(p, name) != value]
        if updates:
            for name in updates:
                setattr(p, name, fields[name])
            p.save(update_fields=updates)
            changed += 1
    today = timezone.localdate()
    open_or_recent = Keberatan.objects.filter(status=KS.DIAJUKAN) | Keberatan.objects.filter(
        status=KS.DIPUTUS, tenggat_sengketa__gte=today - timedelta(days=60)
    )
    for kb in open_or_recent.select_related("permohonan"):
        rules = kb.permohonan.rules
        fields = {
            "tenggat_tanggapan": deadlines.atasan_due(
                kb.tanggal_diajukan, rules, holidays_for(kb.tanggal_diajukan)
            )
        }
        if kb.tanggal_tanggapan:
            fields["tenggat_sengketa"] = deadlines.sengketa_last_day(
                kb.tanggal_tanggapan, rules, holidays_for(kb.tanggal_tanggapan)
            )
        updates = [name for name, value in fields.items() if getattr(kb, name) != value]
        if updates:
            for name in updates:
                setattr(kb, name, fields[name])
            kb.save(update_fields=updates)
            changed += 1
    return changed


# ---------------------------------------------------------------------------------------------
# Intake


def _clean_applicant(data: Mapping[str, Any], *, online: bool) -> dict[str, Any]:
    """The applicant and request fields, checked as the Perki form requires. Raises one
    ValidationError with a message per field."""
    values = {name: _text(data.get(name)) for name in APPLICANT_FIELDS}
    errors: dict[str, str] = {}
    if values["jenis_pemohon"] not in Permohonan.JenisPemohon.values:
        errors["jenis_pemohon"] = _("Pilih jenis pemohon.")
    for field, message in (
        ("nama", _("Nama wajib diisi.")),
        ("alamat", _("Alamat wajib diisi.")),
        ("pekerjaan", _("Pekerjaan wajib diisi.")),
        ("telepon", _("Nomor telepon wajib diisi.")),
        ("rincian_informasi", _("Rincian informasi yang dibutuhkan wajib diisi.")),
        ("tujuan_penggunaan", _("Tujuan penggunaan informasi wajib diisi.")),
    ):
        _required(errors, field, values[field], message)
    if online:
        _required(errors, "email", values["email"], _("Alamat e-mail wajib diisi."))
    if values["jenis_pemohon"] in (
        Permohonan.JenisPemohon.KELOMPOK,
        Permohonan.JenisPemohon.BADAN_HUKUM,
    ):
        _required(
            errors,
            "nama_lembaga",
            values["nama_lembaga"],
            _("Nama kelompok atau badan hukum wajib diisi."),
        )
    else:
        values["nama_lembaga"] = ""
    if values["nik"]:
        try:
            values["nik"] = clean_nik(values["nik"])
        except ValidationError as exc:
            errors["nik"] = exc.messages[0]
    elif online and values["jenis_pemohon"] == Permohonan.JenisPemohon.PERORANGAN:
        errors["nik"] = _("NIK wajib diisi untuk pemohon perorangan.")
    if values["telepon"] and "telepon" not in errors:
        try:
            values["telepon"] = clean_telepon(values["telepon"])
        except ValidationError as exc:
            errors["telepon"] = exc.messages[0]
    if values["cara_memperoleh"] not in Permohonan.CaraMemperoleh.values:
        errors["cara_memperoleh"] = _("Pilih cara memperoleh informasi.")
    if values["cara_memperoleh"] == Permohonan.CaraMemperoleh.MELIHAT:
        values["cara_salinan"] = values["cara_salinan"] or ""
    elif values["cara_memperoleh"] and values["cara_salinan"] not in (
        Permohonan.CaraSalinan.values
    ):
        errors["cara_salinan"] = _("Pilih cara mendapatkan salinan informasi.")
    if values["cara_salinan"] and values["cara_salinan"] not in Permohonan.CaraSalinan.values:
        errors["cara_salinan"] = _("Pilih cara mendapatkan salinan informasi.")
    if errors:
        raise ValidationError(errors)
    return values


@discard_on_rollback()
@transaction.atomic
def permohonan_submit(
    *,
    actor: Actor,
    kanal: str,
    data: Mapping[str, Any],
    berkas_identitas: UploadedFile | None = None,
    persetujuan: bool = False,
    aturan: AturanTenggat | None = None,
    diterima_pada: datetime | None = None,
) -> tuple[Permohonan, str]:
    """None → BARU. Online: anyone (a signed-in account becomes the owner); other channels: the
    Desk, who may give the real time of receipt of a letter or e-mail. Returns the request and
    its tracking code (shown once; only its digest is stored)."""
    online = kanal == Permohonan.Kanal.ONLINE
    if kanal not in Permohonan.Kanal.values:
        raise ValidationError({"kanal": _("Pilih cara permohonan diterima.")})
    if online:
        require(actor, "permohonan.ajukan")
        if diterima_pada is not None:
            raise ValidationError(_("Permohonan daring dicatat pada saat diterima."))
    else:
        _staff(actor, "permohonan.catat")
    values = _clean_applicant(data, online=online)
    errors: dict[str, str] = {}
    if online and not persetujuan:
        errors["persetujuan"] = _("Anda perlu menyetujui pernyataan pemohon.")
    if online and berkas_identitas is None:
        errors["berkas_identitas"] = _(
            "Unggah pindaian KTP (perorangan), surat kuasa (kelompok), atau akta/SK (badan hukum)."
        )
    now = timezone.now()
    received = _now(diterima_pada)
    if received > now + timedelta(minutes=5):
        errors["diterima_pada"] = _("Tanggal diterima tidak boleh di masa depan.")
    elif timezone.localdate(received) < timezone.localdate(now) - timedelta(
        days=conf.catat_mundur_maks_hari()
    ):
        errors["diterima_pada"] = _(
            "Tanggal diterima paling lama %(n)d hari yang lalu; untuk surat yang lebih lama "
            "hubungi PPID."
        ) % {"n": conf.catat_mundur_maks_hari()}
    aturan = aturan or default_aturan()
    if not aturan.aktif:
        errors["aturan"] = _("Aturan tenggat ini tidak aktif.")
    if errors:
        raise ValidationError(errors)

    day = timezone.localdate(received)
    rules = aturan.as_rules()
    holidays = _holidays(day)
    clock = deadlines.notice_clock(day, rules)
    year, urut, nomor = take_number(NomorUrut.Jenis.PERMOHONAN, day)
    code, token_hash = new_secret()
    user = actor if getattr(actor, "is_authenticated", False) else None
    permohonan = Permohonan(
        nomor=nomor,
        tahun=year,
        urut=urut,
        kanal=kanal,
        **values,
        persetujuan_pada=now if persetujuan else None,
        pemilik=user if online else None,
        dicatat_oleh=None if online else user,
        token_hash=token_hash,
        diterima_pada=received,
        tanggal_diterima=day,
        aturan=aturan,
        aturan_hari=rules.as_dict(),
        jam_mulai=clock.mulai,
        jam_hari=clock.hari,
        tenggat_pemberitahuan=deadlines.notice_due(clock, holidays),
        pemeriksaan_mulai=day,
        tenggat_pemeriksaan=deadlines.check_due(day, rules, holidays),
    )
    if berkas_identitas is not None:
        permohonan.berkas_identitas = _store_identity(berkas_identitas, actor, "berkas_identitas")
    _new_status(permohonan, "permohonan", PS.BARU)
    permohonan.save()
    action = "permohonan.ajukan" if online else "permohonan.catat"
    kanal_label = str(permohonan.get_kanal_display())
    if user is None:
        audit.record(
            actor=None,
            actor_label="Pemohon (daring)",
            obj=permohonan,
            action=action,
            to_state=permohonan.status,
            note=kanal_label,
        )
    else:
        _audit(user, permohonan, action, "", permohonan.status, kanal_label)
    _applicant_mail(
        permohonan,
        "permohonan_diterima",
        {"kode": code, "tautan": tracking_link(code)},
    )
    _staff_mail("staf_permohonan_baru", notifications.staff_emails(Role.DESK), permohonan)
    return permohonan, code


@transaction.atomic
def permohonan_verify(*, permohonan_id: int, actor: User, catatan: str = "") -> Permohonan:
    """BARU → DIVERIFIKASI. Desk or PPID: the request is complete; the PPID assigns it."""
    _staff(actor, "permohonan.periksa")
    p = _lock(Permohonan, permohonan_id)
    before = _set_status(p, "permohonan", PS.DIVERIFIKASI)
    p.save(update_fields=["status", "updated_at"])
    _audit(actor, p, "permohonan.verifikasi", before, p.status, catatan)
    _staff_mail("staf_perlu_disposisi", notifications.staff_emails(Role.PPID), p)
    return p


@transaction.atomic
def permohonan_request_completion(
    *, permohonan_id: int, actor: User, kekurangan: str, at: datetime | None = None
) -> Permohonan:
    """BARU → PERLU_DILENGKAPI. Desk or PPID, saying what is missing; the applicant has
    `melengkapi` working days and completes through the tracking link."""
    _staff(actor, "permohonan.periksa")
    if not _text(kekurangan):
        raise ValidationError({"kekurangan": _("Tuliskan apa yang perlu dilengkapi pemohon.")})
    p = _lock(Permohonan, permohonan_id)
    before = _set_status(p, "permohonan", PS.PERLU_DILENGKAPI)
    today = _today(at)
    p.kekurangan = _text(kekurangan)
    p.perlu_dilengkapi_pada = today
    p.tenggat_melengkapi = deadlines.completion_due(today, p.rules, _holidays(today))
    p.dilengkapi_pada = None
    p.save(
        update_fields=[
            "status",
            "kekurangan",
            "perlu_dilengkapi_pada",
            "tenggat_melengkapi",
            "dilengkapi_pada",
            "updated_at",
        ]
    )
    _audit(actor, p, "permohonan.perlu_dilengkapi", before, p.status, p.kekurangan)
    _applicant_mail(p, "permohonan_perlu_dilengkapi", {})
    return p


@discard_on_rollback()
@transaction.atomic
def permohonan_complete(
    *,
    permohonan_id: int,
    actor: Pemohon | User,
    data: Mapping[str, Any],
    berkas_identitas: UploadedFile | None = None,
    at: datetime | None = None,
) -> Permohonan:
    """PERLU_DILENGKAPI → BARU. The applicant (or the desk on their behalf) completes the
    request; the notice clock follows the profile's rule (restart, pause or keep running)."""
    p = _lock(Permohonan, permohonan_id)
    if isinstance(actor, Pemohon):
        _applicant_or_desk(actor, p)
    else:
        _staff(actor, "permohonan.periksa")
    before = _set_status(p, "permohonan", PS.BARU)
    merged = {name: data.get(name, getattr(p, name)) for name in APPLICANT_FIELDS}
    values = _clean_applicant(merged, online=False)
    keterangan = _text(data.get("keterangan_pelengkap"))
    if (
        not keterangan
        and berkas_identitas is None
        and all(values[name] == getattr(p, name) for name in APPLICANT_FIELDS)
    ):
        raise ValidationError(
            {"keterangan_pelengkap": _("Lengkapi data yang diminta atau tulis keterangan.")}
        )
    for name, value in values.items():
        setattr(p, name, value)
    if berkas_identitas is not None:
        p.berkas_identitas = _store_identity(berkas_identitas, actor, "berkas_identitas")
    today = _today(at)
    holidays = _holidays(p.jam_mulai, today)
    clock = deadlines.clock_after_completion(
        deadlines.Jam(p.jam_mulai, p.jam_hari),
        rules=p.rules,
        paused_on=p.perlu_dilengkapi_pada or today,
        completed_on=today,
        holidays=holidays,
    )
    p.jam_mulai, p.jam_hari = clock.mulai, clock.hari
    p.tenggat_pemberitahuan = compute_notice_due(p, holidays)
    p.pemeriksaan_mulai = today
    p.tenggat_pemeriksaan = deadlines.check_due(today, p.rules, holidays)
    p.dilengkapi_pada = today
    p.keterangan_pelengkap = keterangan
    p.save(
        update_fields=[
            *APPLICANT_FIELDS,
            "berkas_identitas",
            "status",
            "jam_mulai",
            "jam_hari",
            "tenggat_pemberitahuan",
            "pemeriksaan_mulai",
            "tenggat_pemeriksaan",
            "dilengkapi_pada",
            "keterangan_pelengkap",
            "updated_at",
        ]
    )
    _audit(actor, p, "permohonan.dilengkapi", before, p.status, keterangan)
    _staff_mail("staf_permohonan_dilengkapi", notifications.staff_emails(Role.DESK), p)
    return p


@transaction.atomic
def permohonan_lapse(
    *, permohonan_id: int, actor: User, alasan: str = "", at: datetime | None = None
) -> Permohonan:
    """PERLU_DILENGKAPI → GUGUR. Desk or PPID, only after the applicant's period has passed."""
    _staff(actor, "permohonan.periksa")
    p = _lock(Permohonan, permohonan_id)
    today = _today(at)
    if (
        p.status == PS.PERLU_DILENGKAPI
        and p.tenggat_melengkapi
        and not deadlines.is_overdue(p, today, clock=deadlines.MELENGKAPI)
    ):
        raise ValidationError(
            _("Pemohon masih dapat melengkapi sampai %(d)s.")
            % {"d": p.tenggat_melengkapi.strftime("%d-%m-%Y")}
        )
    before = _set_status(p, "permohonan", PS.GUGUR)
    p.ditutup_pada = _now(at)
    p.alasan_penarikan = _text(alasan) or _("Tidak dilengkapi sampai batas waktu.")
    p.save(update_fields=["status", "ditutup_pada", "alasan_penarikan", "updated_at"])
    _audit(actor, p, "permohonan.gugur", before, p.status, p.alasan_penarikan)
    _applicant_mail(p, "permohonan_gugur", {})
    return p


@transaction.atomic
def permohonan_withdraw(
    *, permohonan_id: int, actor: Pemohon | User, alasan: str = "", at: datetime | None = None
) -> Permohonan:
    """BARU/PERLU_DILENGKAPI/DIVERIFIKASI/DIPROSES → DITARIK. The applicant, or the desk on the
    applicant's word."""
    p = _lock(Permohonan, permohonan_id)
    _applicant_or_desk(actor, p)
    before = _set_status(p, "permohonan", PS.DITARIK)
    p.ditutup_pada = _now(at)
    p.alasan_penarikan = _text(alasan)
    p.save(update_fields=["status", "ditutup_pada", "alasan_penarikan", "updated_at"])
    _audit(actor, p, "permohonan.tarik", before, p.status, p.alasan_penarikan)
    _applicant_mail(p, "permohonan_ditarik", {})
    _staff_mail("staf_permohonan_ditarik", notifications.staff_emails(Role.PPID, Role.DESK), p)
    return p


@transaction.atomic
def permohonan_reset_code(*, permohonan_id: int, actor: User) -> tuple[Permohonan, str]:
    """No state change. Desk or PPID issue a new tracking code (the old one stops working),
    e.g. when the applicant lost the e-mail."""
    _staff(actor, "permohonan.kode_baru")
    p = _lock(Permohonan, permohonan_id)
    code, p.token_hash = new_secret()
    p.save(update_fields=["token_hash", "updated_at"])
    _audit(actor, p, "permohonan.kode_baru", p.status, p.status)
    _applicant_mail(p, "permohonan_kode_baru", {"kode": code, "tautan": tracking_link(code)})
    return p, code


# ---------------------------------------------------------------------------------------------
# Processing


@transaction.atomic
def permohonan_assign(
    *, permohonan_id: int, actor: User, units: Sequence[UnitKerja], catatan: str = ""
) -> list[Disposisi]:
    """DIVERIFIKASI → DIPROSES (or, while DIPROSES, more units). PPID only."""
    _staff(actor, "permohonan.disposisi")
    p = _lock(Permohonan, permohonan_id)
    # Reopening a decided request is the Atasan's (keberatan_decide), not a new assignment.
    if p.status not in (PS.DIVERIFIKASI, PS.DIPROSES):
        raise _wrong_state(p)
    units = [u for u in units if u is not None]
    if not units:
        raise ValidationError({"units": _("Pilih minimal satu unit kerja.")})
    inactive = [u.nama for u in units if not u.aktif]
    if inactive:
        raise ValidationError({"units": _("Unit tidak aktif: %(u)s.") % {"u": ", ".join(inactive)}})
    existing = set(p.disposisi.values_list("unit_id", flat=True))
    new_units = [u for u in units if u.pk not in existing]
    if not new_units:
        raise ValidationError({"units": _("Unit yang dipilih sudah menerima disposisi ini.")})
    if p.status == PS.DIPROSES:
        before = p.status
    else:
        before = _set_status(p, "permohonan", PS.DIPROSES)
        p.save(update_fields=["status", "updated_at"])
    created = []
    for unit in new_units:
        d = Disposisi(permohonan=p, unit=unit, catatan_ppid=_text(catatan), ditugaskan_oleh=actor)
        _new_status(d, "disposisi", DS.MENUNGGU)
        d.save()
        _audit(actor, d, "disposisi.buat", "", d.status, d.catatan_ppid)
        _staff_mail(
            "staf_disposisi_baru",
            notifications.staff_emails(Role.PENYEDIA, unit=unit),
            p,
            {"unit": unit, "catatan": d.catatan_ppid},
        )
        created.append(d)
    _audit(
        actor,
        p,
        "permohonan.disposisi",
        before,
        p.status,
        ", ".join(u.nama for u in new_units),
    )
    return created


@discard_on_rollback()
@transaction.atomic
def disposisi_answer(
    *,
    disposisi_id: int,
    actor: User,
    tersedia: bool,
    files: Sequence[UploadedFile] = (),
    jawaban: str = "",
    badan_penguasa: str = "",
) -> Disposisi:
    """MENUNGGU → TERSEDIA (documents uploaded) or TIDAK_DIKUASAI. A Penyedia of the assigned
    unit, while the request is being processed."""
    d = _lock(Disposisi, disposisi_id)
    _staff(actor, "permohonan.jawab_unit", d)
    p = Permohonan.objects.select_for_update().get(pk=d.permohonan_id)
    if p.status != PS.DIPROSES:
        raise ValidationError(_("Permohonan ini tidak sedang diproses."))
    if tersedia and not files:
        raise ValidationError({"berkas": _("Unggah minimal satu dokumen.")})
    if not tersedia and not _text(jawaban):
        raise ValidationError({"jawaban": _("Jelaskan mengapa informasi tidak dikuasai unit.")})
    before = _set_status(d, "disposisi", DS.TERSEDIA if tersedia else DS.TIDAK_DIKUASAI)
    stored = _store_documents(files, actor) if tersedia else []
    for item in stored:
        DokumenPermohonan.objects.create(
            permohonan=p, berkas=item, disposisi=d, unit=d.unit, diunggah_oleh=actor
        )
    d.jawaban = _text(jawaban)
    d.badan_penguasa = "" if tersedia else _text(badan_penguasa)
    d.dijawab_oleh = actor
    d.dijawab_pada = timezone.now()
    d.save(update_fields=["status", "jawaban", "badan_penguasa", "dijawab_oleh", "dijawab_pada"])
    _audit(actor, d, "disposisi.jawab", before, d.status, d.jawaban)
    pending = p.disposisi.filter(status=DS.MENUNGGU).exists()
    _staff_mail(
        "staf_unit_menjawab",
        notifications.staff_emails(Role.PPID),
        p,
        {"disposisi": d, "semua_dijawab": not pending},
    )
    return d


@transaction.atomic
def disposisi_reopen(*, disposisi_id: int, actor: User, catatan: str) -> Disposisi:
    """TERSEDIA/TIDAK_DIKUASAI → MENUNGGU. PPID asks the unit again (more documents, or after a
    keberatan reopened the request)."""
    _staff(actor, "permohonan.disposisi")
    d = _lock(Disposisi, disposisi_id)
    if not _text(catatan):
        raise ValidationError({"catatan": _("Tuliskan apa yang diminta dari unit.")})
    p = Permohonan.objects.select_for_update().get(pk=d.permohonan_id)
    if p.status != PS.DIPROSES:
        raise ValidationError(_("Permohonan ini tidak sedang diproses."))
    before = _set_status(d, "disposisi", DS.MENUNGGU)
    d.catatan_ppid = _text(catatan)
    d.save(update_fields=["status", "catatan_ppid"])
    _audit(actor, d, "disposisi.minta_ulang", before, d.status, d.catatan_ppid)
    _staff_mail(
        "staf_disposisi_baru",
        notifications.staff_emails(Role.PENYEDIA, unit=d.unit),
        p,
        {"unit": d.unit, "catatan": d.catatan_ppid},
    )
    return d


@transaction.atomic
def permohonan_extend(
    *, permohonan_id: int, actor: User, hari: int, alasan: str, at: datetime | None = None
) -> Permohonan:
    """No state change. PPID extends the notice period once, by at most the profile's maximum
    (UU 14/2008 Ps 22(8): 7 working days), with written reasons, before the period ends."""
    _staff(actor, "permohonan.perpanjang")
    p = _lock(Permohonan, permohonan_id)
    if p.status not in Permohonan.CLOCK_STATES:
        raise ValidationError(
            _("Jangka waktu hanya dapat diperpanjang selama permohonan belum diputus.")
        )
    today = _today(at)
    try:
        deadlines.check_extension(
            already_extended=bool(p.hari_perpanjangan) or p.dibuka_kembali_pada is not None,
            days=int(hari),
            reason=alasan,
            today=today,
            due=p.tenggat_pemberitahuan,
            rules=p.rules,
        )
    except deadlines.DeadlineError as exc:
        raise ValidationError(str(exc)) from exc
    previous_due = p.tenggat_pemberitahuan
    p.hari_perpanjangan = int(hari)
    p.alasan_perpanjangan = _text(alasan)
    p.diperpanjang_pada = today
    p.tenggat_pemberitahuan = compute_notice_due(p, _holidays(p.jam_mulai, today))
    p.save(
        update_fields=[
            "hari_perpanjangan",
            "alasan_perpanjangan",
            "diperpanjang_pada",
            "tenggat_pemberitahuan",
            "updated_at",
        ]
    )
    _audit(
        actor,
        p,
        "permohonan.perpanjang",
        p.status,
        p.status,
        f"{hari} hari kerja: {p.alasan_perpanjangan}",
    )
    _applicant_mail(p, "permohonan_diperpanjang", {"tenggat_lama": previous_due})
    return p


@dataclass(frozen=True)
class Putusan:
    """What the PPID decides; the fields a decision of each outcome needs (UU 14/2008 Ps 22(9))."""

    hasil: str
    bentuk: str = Keputusan.Bentuk.SOFTCOPY
    biaya: Decimal = Decimal(0)
    rincian_biaya: str = ""
    cara_pembayaran: str = ""
    cara_penyampaian: str = ""
    waktu_penyampaian: str = ""
    bagian_dihitamkan: str = ""
    alasan_penghitaman: str = ""
    dasar_pengecualian: str = ""
    alasan_pengecualian: str = ""
    # A refusal as excepted cites a decree in force (informasi.PenetapanPengecualian), or starts
    # a new consequence test from the request.
    penetapan_id: int | None = None
    mulai_uji: bool = False
    badan_penguasa: str = ""
    tanggal_didokumentasikan: date | None = None
    catatan: str = ""


def _check_putusan(putusan: Putusan, *, today: date, giving_documents: bool) -> None:
    H = Keputusan.Hasil
    errors: dict[str, str] = {}
    if putusan.hasil not in H.values:
        raise ValidationError({"hasil": _("Pilih keputusan.")})
    if putusan.hasil in Keputusan.GIVING:
        if not giving_documents and putusan.bentuk != Keputusan.Bentuk.MELIHAT:
            errors["dokumen"] = _(
                "Pilih atau unggah dokumen yang diberikan, atau pilih bentuk “dilihat di tempat”."
            )
        if putusan.bentuk not in Keputusan.Bentuk.values:
            errors["bentuk"] = _("Pilih bentuk informasi.")
    if putusan.hasil == H.DIBERIKAN_SEBAGIAN:
        _required(
            errors,
            "bagian_dihitamkan",
            putusan.bagian_dihitamkan,
            _("Sebutkan bagian yang dihitamkan."),
        )
        _required(
            errors,
            "alasan_penghitaman",
            putusan.alasan_penghitaman,
            _("Tuliskan alasan penghitaman."),
        )
    if putusan.hasil in (H.DIBERIKAN_SEBAGIAN, H.DITOLAK_DIKECUALIKAN):
        if putusan.dasar_pengecualian not in Keputusan.DasarPengecualian.values:
            errors["dasar_pengecualian"] = _("Pilih dasar pengecualian Pasal 17 (huruf a–j).")
    if putusan.hasil == H.DITOLAK_DIKECUALIKAN:
        if putusan.penetapan_id is None and not putusan.mulai_uji:
            errors["penetapan"] = _(
                "Penolakan karena informasi dikecualikan harus merujuk penetapan yang berlaku, "
                "atau memulai uji konsekuensi baru dari permohonan ini."
            )
        _required(
            errors,
            "alasan_pengecualian",
            putusan.alasan_pengecualian,
            _("Tuliskan alasan pengecualian dan konsekuensi bila informasi dibuka."),
        )
    if putusan.hasil == H.BELUM_DIDOKUMENTASIKAN:
        if putusan.tanggal_didokumentasikan is None:
            errors["tanggal_didokumentasikan"] = _(
                "Isi tanggal informasi akan selesai didokumentasikan."
            )
        elif putusan.tanggal_didokumentasikan <= today:
            errors["tanggal_didokumentasikan"] = _(
                "Tanggal informasi akan didokumentasikan harus setelah hari ini."
            )
    if putusan.biaya is None or putusan.biaya < 0:
        errors["biaya"] = _("Biaya tidak boleh negatif.")
    elif putusan.biaya > 0:
        _required(
            errors,
            "rincian_biaya",
            putusan.rincian_biaya,
            _("Rincikan biaya penyalinan/pengiriman yang nyata."),
        )
        _required(
            errors, "cara_pembayaran", putusan.cara_pembayaran, _("Tuliskan cara pembayaran.")
        )
    if putusan.cara_penyampaian and putusan.cara_penyampaian not in (Permohonan.CaraSalinan.values):
        errors["cara_penyampaian"] = _("Pilih cara penyampaian.")
    if errors:
        raise ValidationError(errors)


def _cited_penetapan(putusan: Putusan, today: date):
    """The decree a refusal (or a partial grant) cites: it must be approved and in force on the
    day of the notice, on the same Ps 17 ground."""
    from informasi.models import PenetapanPengecualian

    if putusan.penetapan_id is None:
        return None
    penetapan = (
        PenetapanPengecualian.objects.select_for_update().filter(pk=putusan.penetapan_id).first()
    )
    if penetapan is None:
        raise ValidationError({"penetapan": _("Penetapan tidak ditemukan.")})
    S = PenetapanPengecualian.Status
    if penetapan.status == S.MENUNGGU:
        message = _("Penetapan %(n)s belum disetujui Atasan PPID.")
    elif penetapan.status != S.BERLAKU:
        message = _("Penetapan %(n)s tidak berlaku lagi (%(s)s).")
    elif not penetapan.in_force_on(today):
        message = _("Jangka waktu penetapan %(n)s tidak mencakup tanggal pemberitahuan ini.")
    else:
        message = ""
    if message:
        raise ValidationError(
            {"penetapan": message % {"n": penetapan.nomor, "s": penetapan.get_status_display()}}
        )
    if putusan.dasar_pengecualian and putusan.dasar_pengecualian != penetapan.alasan:
        raise ValidationError(
            {
                "dasar_pengecualian": _(
                    "Dasar pengecualian harus sama dengan penetapan %(n)s (Pasal 17 huruf %(h)s)."
                )
                % {"n": penetapan.nomor, "h": penetapan.alasan}
            }
        )
    return penetapan


def _start_test_from_request(p: Permohonan, *, actor: User, dasar: str, at: datetime | None):
    """A refusal without a decree starts a consequence test of the information asked for (or
    joins the one already open for this request)."""
    from informasi import workflow as informasi_workflow
    from informasi.models import UjiKonsekuensi

    open_test = UjiKonsekuensi.objects.filter(
        permohonan=p, status__in=[UjiKonsekuensi.Status.DRAF, UjiKonsekuensi.Status.DIEDARKAN]
    ).first()
    if open_test is not None:
        return open_test
    return informasi_workflow.uji_propose(
        actor=actor,
        permohonan=p,
        judul_informasi=p.rincian_informasi[:300],
        usulan=_("Permohonan %(n)s ditolak karena informasi dikecualikan; uji konsekuensi "
                 "dimulai dari permohonan ini.") % {"n": p.nomor},
        alasan=dasar,
        at=at,
    )  # fmt: skip


@discard_on_rollback()
@transaction.atomic
def permohonan_decide(
    *,
    permohonan_id: int,
    actor: User,
    putusan: Putusan,
    dokumen_ids: Sequence[int] = (),
    files: Sequence[UploadedFile] = (),
    at: datetime | None = None,
) -> Keputusan:
    """DIVERIFIKASI/DIPROSES → SELESAI. PPID only. Issues a numbered written notice (PDF, kept)
    with the outcome, format, cost, delivery and the right to object."""
    _staff(actor, "permohonan.putus")
    p = _lock(Permohonan, permohonan_id)
    before = _set_status(p, "permohonan", PS.SELESAI)
    today = _today(at)
    giving = putusan.hasil in Keputusan.GIVING
    chosen = list(p.dokumen.filter(pk__in=list(dokumen_ids))) if giving else []
    if giving and len(chosen) != len(set(dokumen_ids)):
        raise ValidationError({"dokumen": _("Dokumen yang dipilih tidak termasuk permohonan ini.")})
    H = Keputusan.Hasil
    penetapan = None
    if putusan.hasil in (H.DIBERIKAN_SEBAGIAN, H.DITOLAK_DIKECUALIKAN):
        penetapan = _cited_penetapan(putusan, today)
        if penetapan is not None:
            putusan = replace(putusan, dasar_pengecualian=penetapan.alasan)
    _check_putusan(putusan, today=today, giving_documents=bool(chosen or files))
    if not giving and files:
        raise ValidationError({"berkas": _("Dokumen hanya dilampirkan bila informasi diberikan.")})
    stored = _store_documents(files, actor) if giving else []
    for item in stored:
        chosen.append(
            DokumenPermohonan.objects.create(
                permohonan=p, berkas=item, diunggah_oleh=actor, keterangan=_("Dari PPID")
            )
        )
    uji = None
    if putusan.hasil == H.DITOLAK_DIKECUALIKAN and penetapan is None:
        uji = _start_test_from_request(p, actor=actor, dasar=putusan.dasar_pengecualian, at=at)
    year, urut, nomor = take_number(NomorUrut.Jenis.PEMBERITAHUAN, today)
    keputusan = Keputusan.objects.create(
        permohonan=p,
        nomor=nomor,
        tanggal=today,
        hasil=putusan.hasil,
        bentuk=putusan.bentuk if giving else Keputusan.Bentuk.SOFTCOPY,
        biaya=putusan.biaya if giving else Decimal(0),
        rincian_biaya=_text(putusan.rincian_biaya) if giving else "",
        cara_pembayaran=_text(putusan.cara_pembayaran) if giving else "",
        cara_penyampaian=putusan.cara_penyampaian if giving else "",
        waktu_penyampaian=_text(putusan.waktu_penyampaian),
        bagian_dihitamkan=_text(putusan.bagian_dihitamkan)
        if putusan.hasil == H.DIBERIKAN_SEBAGIAN
        else "",
        alasan_penghitaman=_text(putusan.alasan_penghitaman)
        if putusan.hasil == H.DIBERIKAN_SEBAGIAN
        else "",
        dasar_pengecualian=putusan.dasar_pengecualian
        if putusan.hasil in (H.DIBERIKAN_SEBAGIAN, H.DITOLAK_DIKECUALIKAN)
        else "",
        alasan_pengecualian=_text(putusan.alasan_pengecualian)
        if putusan.hasil in (H.DIBERIKAN_SEBAGIAN, H.DITOLAK_DIKECUALIKAN)
        else "",
        # The decree's number is copied for the registers (which read one column).
        nomor_penetapan=penetapan.nomor if penetapan is not None else "",
        penetapan=penetapan,
        badan_penguasa=_text(putusan.badan_penguasa) if putusan.hasil == H.TIDAK_DIKUASAI else "",
        tanggal_didokumentasikan=putusan.tanggal_didokumentasikan
        if putusan.hasil == H.BELUM_DIDOKUMENTASIKAN
        else None,
        catatan=_text(putusan.catatan),
        tenggat=p.tenggat_pemberitahuan,
        diputus_oleh=actor,
        nama_pejabat=actor.get_full_name() or actor.get_username(),
        jabatan_pejabat=actor.jabatan or "PPID",
    )
    if chosen:
        keputusan.dokumen.set(chosen)
    content = documents.pemberitahuan_pdf(keputusan)
    keputusan.berkas_pdf = documents.store_pdf(content, f"pemberitahuan-{nomor}", actor=actor)
    keputusan.save(update_fields=["berkas_pdf"])
    p.keputusan_aktif = keputusan
    p.ditutup_pada = _now(at)
    p.save(update_fields=["status", "keputusan_aktif", "ditutup_pada", "updated_at"])
    note = f"{nomor}: {keputusan.get_hasil_display()}"
    if penetapan is not None:
        note += " — " + _("penetapan %(n)s") % {"n": penetapan.nomor}
    if uji is not None:
        note += " — " + _("uji konsekuensi #%(n)s dimulai") % {"n": uji.pk}
    _audit(actor, p, "permohonan.putus", before, p.status, note)
    _applicant_mail(
        p,
        "permohonan_diputus",
        {"k": keputusan, "batas_keberatan": documents.keberatan_last_day_for(keputusan)},
        attachments=[(f"pemberitahuan-{urut:03d}-{year}.pdf", content, "application/pdf")],
    )
    return keputusan


@transaction.atomic
def keputusan_record_delivery(
    *, keputusan_id: int, actor: User, tanggal: date, cara: str
) -> Keputusan:
    """No state change. Desk or PPID record when and how the notice (and the information) was
    delivered, e.g. handed over or posted."""
    _staff(actor, "permohonan.penyampaian")
    k = _lock(Keputusan, keputusan_id)
    today = timezone.localdate()
    errors = {}
    if tanggal is None:
        errors["tanggal"] = _("Isi tanggal penyampaian.")
    elif tanggal > today:
        errors["tanggal"] = _("Tanggal penyampaian tidak boleh di masa depan.")
    elif tanggal < k.tanggal:
        errors["tanggal"] = _("Tanggal penyampaian tidak boleh sebelum tanggal pemberitahuan.")
    if not _text(cara):
        errors["cara"] = _("Tuliskan cara penyampaian.")
    if errors:
        raise ValidationError(errors)
    k.disampaikan_pada = tanggal
    k.cara_disampaikan = _text(cara)
    k.save(update_fields=["disampaikan_pada", "cara_disampaikan"])
    _audit(
        actor,
        k.permohonan,
        "keputusan.disampaikan",
        note=f"{k.nomor}: {tanggal} {k.cara_disampaikan}",
    )
    return k


@transaction.atomic
def record_applicant_download(
    *, actor: Pemohon, keputusan_id: int | None = None, dokumen_id: int | None = None
) -> None:
    """No state change. The applicant downloaded the notice or a document given to them: the
    first download is the delivery date (register column "tanggal disampaikan")."""
    if not isinstance(actor, Pemohon):
        raise PermissionDenied(_("Hanya pemohon yang tercatat menerima dokumen."))
    now = timezone.now()
    keputusan = None
    if dokumen_id is not None:
        doc = DokumenPermohonan.objects.select_for_update().get(pk=dokumen_id)
        if doc.permohonan_id != actor.permohonan_id:
            raise PermissionDenied(_("Dokumen ini bukan milik permohonan Anda."))
        keputusan = doc.keputusan_set.order_by("-tanggal", "-id").first()
        if keputusan is None:
            raise PermissionDenied(_("Dokumen ini belum diberikan kepada pemohon."))
        doc.diserahkan_pada = doc.diserahkan_pada or now
        doc.jumlah_unduhan += 1
        doc.save(update_fields=["diserahkan_pada", "jumlah_unduhan"])
        _audit(actor, doc.permohonan, "dokumen.diserahkan", note=doc.berkas.original_name)
    if keputusan_id is not None:
        keputusan = Keputusan.objects.get(pk=keputusan_id)
        if keputusan.permohonan_id != actor.permohonan_id:
            raise PermissionDenied(_("Pemberitahuan ini bukan milik permohonan Anda."))
    if keputusan is not None and keputusan.disampaikan_pada is None:
        keputusan = _lock(Keputusan, keputusan.pk)
        if keputusan.disampaikan_pada is None:
            keputusan.disampaikan_pada = timezone.localdate(now)
            keputusan.cara_disampaikan = _("Diunduh pemohon melalui tautan pelacakan")
            keputusan.save(update_fields=["disampaikan_pada", "cara_disampaikan"])
            _audit(actor, keputusan.permohonan, "keputusan.disampaikan", note=keputusan.nomor)


# ---------------------------------------------------------------------------------------------
# Keberatan


def keberatan_window(p: Permohonan, today: date) -> tuple[date | None, date | None]:
    """(ground date, last day to file) for the request, or (None, None); the ground is
    `deadlines.keberatan_ground` (UU 14/2008 Ps 35(1), 36(1))."""
    ground = deadlines.keberatan_ground(p, today)
    if ground is None:
        return None, None
    return ground, deadlines.keberatan_last_day(ground, p.rules, _holidays(ground))


@discard_on_rollback()
@transaction.atomic
def keberatan_submit(
    *,
    permohonan_id: int,
    actor: Pemohon | User,
    alasan: Sequence[str],
    kasus_posisi: str,
    tujuan_penggunaan: str = "",
    nama_kuasa: str = "",
    alamat_kuasa: str = "",
    telepon_kuasa: str = "",
    berkas_kuasa: UploadedFile | None = None,
    at: datetime | None = None,
) -> Keberatan:
    """None → DIAJUKAN. The applicant through the tracking link, or the Desk at the counter,
    within 30 working days of the ground arising; at most one open keberatan per request."""
    p = _lock(Permohonan, permohonan_id)
    if isinstance(actor, Pemohon):
        _applicant_or_desk(actor, p)
        kanal = Keberatan.Kanal.ONLINE
    else:
        _staff(actor, "keberatan.catat")
        kanal = Keberatan.Kanal.DESK
    today = _today(at)
    errors: dict[str, str] = {}
    letters = sorted({str(a).strip().lower() for a in alasan if str(a).strip()})
    if not letters:
        errors["alasan"] = _("Pilih minimal satu alasan keberatan.")
    elif any(letter not in Keberatan.Alasan.values for letter in letters):
        errors["alasan"] = _("Alasan keberatan hanya huruf a sampai g (Pasal 35 ayat 1).")
    _required(errors, "kasus_posisi", kasus_posisi, _("Uraikan kasus posisi keberatan Anda."))
    if _text(nama_kuasa) and berkas_kuasa is None:
        errors["berkas_kuasa"] = _("Keberatan melalui kuasa wajib melampirkan surat kuasa.")
    if berkas_kuasa is not None and not _text(nama_kuasa):
        errors["nama_kuasa"] = _("Isi nama penerima kuasa.")
    if _text(telepon_kuasa):
        try:
            telepon_kuasa = clean_telepon(telepon_kuasa)
        except ValidationError as exc:
            errors["telepon_kuasa"] = exc.messages[0]
    if errors:
        raise ValidationError(errors)
    if p.status in (PS.DITARIK, PS.GUGUR):
        raise ValidationError(
            _("Permohonan yang ditarik atau gugur tidak dapat diajukan keberatan.")
        )
    if p.keberatan_set.filter(status=KS.DIAJUKAN).exists():
        raise ValidationError(_("Masih ada keberatan yang sedang diproses untuk permohonan ini."))
    ground, last_day = keberatan_window(p, today)
    if ground is None:
        raise ValidationError(
            _(
                "Keberatan dapat diajukan setelah ada pemberitahuan tertulis, atau bila "
                "permohonan tidak ditanggapi sampai %(d)s."
            )
            % {"d": p.tenggat_pemberitahuan.strftime("%d-%m-%Y")}
        )
    if today > last_day:
        raise ValidationError(
            _(
                "Batas waktu pengajuan keberatan telah berakhir pada %(d)s (%(n)d hari kerja "
                "sejak %(g)s)."
            )
            % {
                "d": last_day.strftime("%d-%m-%Y"),
                "n": p.rules.keberatan,
                "g": ground.strftime("%d-%m-%Y"),
            }
        )
    year, urut, nomor = take_number(NomorUrut.Jenis.KEBERATAN, today)
    kb = Keberatan(
        nomor=nomor,
        tahun=year,
        urut=urut,
        permohonan=p,
        kanal=kanal,
        alasan="".join(letters),
        kasus_posisi=_text(kasus_posisi),
        tujuan_penggunaan=_text(tujuan_penggunaan) or p.tujuan_penggunaan,
        nama_kuasa=_text(nama_kuasa),
        alamat_kuasa=_text(alamat_kuasa),
        telepon_kuasa=_text(telepon_kuasa),
        diajukan_pada=_now(at),
        tanggal_diajukan=today,
        tanggal_alasan=ground,
        tenggat_tanggapan=deadlines.atasan_due(today, p.rules, _holidays(today)),
        dicatat_oleh=None if isinstance(actor, Pemohon) else actor,
    )
    if berkas_kuasa is not None:
        kb.berkas_kuasa = _store_identity(berkas_kuasa, actor, "berkas_kuasa")
    _new_status(kb, "keberatan", KS.DIAJUKAN)
    try:
        with transaction.atomic():
            kb.save()
    except IntegrityError as exc:
        # Two submissions at the same moment: the partial unique constraint keeps one.
        raise ValidationError(
            _("Masih ada keberatan yang sedang diproses untuk permohonan ini.")
        ) from exc
    _audit(actor, kb, "keberatan.ajukan", "", kb.status, "".join(letters))
    _audit(actor, p, "keberatan.ajukan", p.status, p.status, nomor)
    _applicant_mail(p, "keberatan_diterima", {"kb": kb})
    _staff_mail("staf_keberatan_baru", notifications.staff_emails(Role.ATASAN), kb)
    return kb


@discard_on_rollback()
@transaction.atomic
def keberatan_decide(
    *,
    keberatan_id: int,
    actor: User,
    putusan: str,
    pertimbangan: str,
    at: datetime | None = None,
) -> Keberatan:
    """DIAJUKAN → DIPUTUS. Atasan PPID only, with written reasons (UU 14/2008 Ps 36(2)).
    Mengabulkan orders disclosure: the request goes back to the PPID (SELESAI → DIPROSES) with
    the profile's deadline. The answer (PDF) tells the applicant of the right to a sengketa
    within 14 working days (Ps 37(2))."""
    _staff(actor, "keberatan.putus")
    kb = _lock(Keberatan, keberatan_id)
    errors = {}
    if putusan not in Keberatan.Putusan.values:
        errors["putusan"] = _("Pilih putusan: menguatkan atau mengabulkan.")
    _required(errors, "pertimbangan", pertimbangan, _("Tuliskan pertimbangan tertulis."))
    if errors:
        raise ValidationError(errors)
    before = _set_status(kb, "keberatan", KS.DIPUTUS)
    today = _today(at)
    p = _lock(Permohonan, kb.permohonan_id)
    rules = p.rules
    holidays = _holidays(today)
    year, urut, nomor = take_number(NomorUrut.Jenis.TANGGAPAN, today)
    kb.putusan = putusan
    kb.pertimbangan = _text(pertimbangan)
    kb.nomor_tanggapan = nomor
    kb.tanggal_tanggapan = today
    kb.diputus_oleh = actor
    kb.nama_atasan = actor.get_full_name() or actor.get_username()
    kb.jabatan_atasan = actor.jabatan or "Atasan PPID"
    kb.tenggat_sengketa = deadlines.sengketa_last_day(today, rules, holidays)
    if putusan == Keberatan.Putusan.MENGABULKAN:
        clock = deadlines.reopened_clock(today, rules)
        kb.tenggat_pelaksanaan = deadlines.notice_due(clock, holidays)
        _reopen(p, actor=actor, clock=clock, today=today, keberatan=kb)
        _open_cited_penetapan(p, kb, actor=actor, today=today, at=at)
    content = documents.tanggapan_pdf(kb)
    kb.berkas_tanggapan = documents.store_pdf(content, f"tanggapan-{nomor}", actor=actor)
    kb.save(
        update_fields=[
            "status",
            "putusan",
            "pertimbangan",
            "nomor_tanggapan",
            "tanggal_tanggapan",
            "diputus_oleh",
            "nama_atasan",
            "jabatan_atasan",
            "tenggat_sengketa",
            "tenggat_pelaksanaan",
            "berkas_tanggapan",
        ]
    )
    _audit(actor, kb, "keberatan.putus", before, kb.status, f"{nomor}: {kb.get_putusan_display()}")
    _applicant_mail(
        p,
        "keberatan_diputus",
        {"kb": kb},
        attachments=[(f"tanggapan-keberatan-{urut:03d}-{year}.pdf", content, "application/pdf")],
    )
    if putusan == Keberatan.Putusan.MENGABULKAN:
        _staff_mail(
            "staf_keberatan_dikabulkan", notifications.staff_emails(Role.PPID), p, {"kb": kb}
        )
    return kb


def _open_cited_penetapan(
    p: Permohonan, kb: Keberatan, *, actor: User, today: date, at: datetime | None
) -> None:
    """UU 14/2008 Ps 35(1)a: a keberatan against a refusal on Ps 17 grounds, granted by the
    Atasan PPID, opens the information the refusal's decree excepted (recorded as a decision
    and moved back to the open DIP, like the end of its period)."""
    from informasi import workflow as informasi_workflow
    from informasi.models import PembukaanInformasi, PenetapanPengecualian

    k = p.keputusan_aktif
    if "a" not in kb.alasan or k is None or k.penetapan_id is None:
        return
    penetapan = PenetapanPengecualian.objects.filter(
        pk=k.penetapan_id, status=PenetapanPengecualian.Status.BERLAKU
    ).first()
    if penetapan is None:
        return
    informasi_workflow.penetapan_open(
        actor=actor,
        penetapan=penetapan,
        jenis=PembukaanInformasi.Jenis.KEBERATAN,
        tanggal_putusan=today,
        nomor_putusan=kb.nomor_tanggapan or "",
        keterangan=_("Keberatan %(n)s atas permohonan %(p)s dikabulkan.")
        % {"n": kb.nomor, "p": p.nomor},
        keberatan=kb,
        at=at,
    )


def _reopen(p: Permohonan, *, actor: User, clock: deadlines.Jam, today: date, keberatan) -> None:
    """SELESAI → DIPROSES (or, for a request never answered, a new deadline in its current
    state): the PPID must carry out the Atasan's order by the new due date."""
    before = p.status
    if p.status == PS.SELESAI:
        _set_status(p, "permohonan", PS.DIPROSES)
    elif p.status not in Permohonan.CLOCK_STATES:
        raise ValidationError(_("Permohonan ini tidak dapat dibuka kembali."))
    p.jam_mulai, p.jam_hari = clock.mulai, clock.hari
    p.dibuka_kembali_pada = today
    p.tenggat_pemberitahuan = compute_notice_due(p, _holidays(today))
    p.ditutup_pada = None
    p.save(
        update_fields=[
            "status",
            "jam_mulai",
            "jam_hari",
            "dibuka_kembali_pada",
            "tenggat_pemberitahuan",
            "ditutup_pada",
            "updated_at",
        ]
    )
    _audit(actor, p, "permohonan.buka_kembali", before, p.status, keberatan.nomor)


@transaction.atomic
def keberatan_withdraw(
    *, keberatan_id: int, actor: Pemohon | User, alasan: str = "", at: datetime | None = None
) -> Keberatan:
    """DIAJUKAN → DITARIK. The applicant, or the desk on the applicant's word (also when settled
    by musyawarah, grounds b–g)."""
    kb = _lock(Keberatan, keberatan_id)
    p = Permohonan.objects.get(pk=kb.permohonan_id)
    _applicant_or_desk(actor, p)
    before = _set_status(kb, "keberatan", KS.DITARIK)
    kb.ditarik_pada = _now(at)
    kb.alasan_penarikan = _text(alasan)
    kb.save(update_fields=["status", "ditarik_pada", "alasan_penarikan"])
    _audit(actor, kb, "keberatan.tarik", before, kb.status, kb.alasan_penarikan)
    _staff_mail("staf_keberatan_ditarik", notifications.staff_emails(Role.ATASAN), kb)
    return kb


@transaction.atomic
def keberatan_record_reply(*, keberatan_id: int, actor: User, tanggapan: str) -> Keberatan:
    """No state change. Desk or PPID record the applicant's reply to the Atasan's answer
    (register keberatan column)."""
    _staff(actor, "keberatan.tanggapan_pemohon")
    kb = _lock(Keberatan, keberatan_id)
    if kb.status != KS.DIPUTUS:
        raise ValidationError(_("Tanggapan pemohon dicatat setelah keberatan diputus."))
    if not _text(tanggapan):
        raise ValidationError({"tanggapan": _("Tuliskan tanggapan pemohon.")})
    kb.tanggapan_pemohon = _text(tanggapan)
    kb.save(update_fields=["tanggapan_pemohon"])
    _audit(actor, kb, "keberatan.tanggapan_pemohon", kb.status, kb.status, kb.tanggapan_pemohon)
    return kb


# ---------------------------------------------------------------------------------------------
# Sengketa


def _check_sengketa(values: Mapping[str, Any]) -> None:
    today = timezone.localdate()
    errors = {}
    diajukan = values.get("tanggal_diajukan")
    hasil_tanggal = values.get("tanggal_hasil")
    if diajukan is None:
        errors["tanggal_diajukan"] = _("Isi tanggal sengketa diajukan.")
    elif diajukan > today:
        errors["tanggal_diajukan"] = _("Tanggal diajukan tidak boleh di masa depan.")
    if values.get("tahap") not in Sengketa.Tahap.values:
        errors["tahap"] = _("Pilih tahap sengketa.")
    hasil = values.get("hasil") or ""
    if hasil and hasil not in Sengketa.Hasil.values:
        errors["hasil"] = _("Pilih hasil sengketa.")
    if hasil and hasil_tanggal is None:
        errors["tanggal_hasil"] = _("Isi tanggal hasil atau putusan.")
    if hasil_tanggal is not None:
        if hasil_tanggal > today:
            errors["tanggal_hasil"] = _("Tanggal hasil tidak boleh di masa depan.")
        elif diajukan and hasil_tanggal < diajukan:
            errors["tanggal_hasil"] = _("Tanggal hasil tidak boleh sebelum tanggal diajukan.")
    if errors:
        raise ValidationError(errors)


SENGKETA_FIELDS = (
    "nomor_register",
    "tanggal_diajukan",
    "tahap",
    "hasil",
    "tanggal_hasil",
    "catatan",
)


@transaction.atomic
def sengketa_record(
    *, permohonan_id: int, actor: User, values: Mapping[str, Any], keberatan_id: int | None = None
) -> Sengketa:
    """PPID or Atasan PPID record a dispute taken to the Komisi Informasi (no workflow state:
    the stage and result are facts reported by the Komisi or the court)."""
    _staff(actor, "sengketa.catat")
    p = _lock(Permohonan, permohonan_id)
    _check_sengketa(values)
    keberatan = None
    if keberatan_id is not None:
        keberatan = p.keberatan_set.filter(pk=keberatan_id).first()
        if keberatan is None:
            raise ValidationError({"keberatan": _("Keberatan ini bukan milik permohonan ini.")})
    s = Sengketa.objects.create(
        permohonan=p,
        keberatan=keberatan,
        dicatat_oleh=actor,
        **{
            f: (values.get(f) if values.get(f) is not None else "")
            for f in SENGKETA_FIELDS
            if f not in ("tanggal_hasil",)
        },
        tanggal_hasil=values.get("tanggal_hasil"),
    )
    _audit(actor, p, "sengketa.catat", note=f"{s.get_tahap_display()} {s.nomor_register}".strip())
    return s


@transaction.atomic
def sengketa_update(*, sengketa_id: int, actor: User, values: Mapping[str, Any]) -> Sengketa:
    """PPID or Atasan PPID record the next stage or the result of a dispute."""
    _staff(actor, "sengketa.catat")
    s = _lock(Sengketa, sengketa_id)
    _check_sengketa(values)
    before = f"{s.tahap}/{s.hasil}"
    for field in SENGKETA_FIELDS:
        value = values.get(field)
        setattr(s, field, value if value is not None or field == "tanggal_hasil" else "")
    s.save(update_fields=list(SENGKETA_FIELDS))
    _audit(
        actor,
        s.permohonan,
        "sengketa.ubah",
        before,
        f"{s.tahap}/{s.hasil}",
        s.get_hasil_display() if s.hasil else s.get_tahap_display(),
    )
    return s


# ---------------------------------------------------------------------------------------------
# Laporan layanan informasi publik (annual report)

# The Komisi Informasi was formed under UU 14/2008, in force from 30 April 2010.
LAPORAN_TAHUN_PERTAMA = 2010


@transaction.atomic
def laporan_create(*, actor: User, tahun: int, at: datetime | None = None) -> LaporanTahunan:
    """None → DRAF. PPID only, for a year that has begun; one draft per year at a time. The
    narrative starts from the last approved report of the same year (a revision) or of the
    year before, so the PPID edits what changed."""
    _staff(actor, "laporan.kelola")
    today = _today(at)
    if not isinstance(tahun, int) or not LAPORAN_TAHUN_PERTAMA <= tahun <= today.year:
        raise ValidationError(
            {
                "tahun": _("Tahun laporan harus antara %(a)d dan %(b)d.")
                % {"a": LAPORAN_TAHUN_PERTAMA, "b": today.year}
            }
        )
    if LaporanTahunan.objects.filter(tahun=tahun, status=LS.DRAF).exists():
        raise ValidationError({"tahun": _("Sudah ada draf laporan tahun %(t)d.") % {"t": tahun}})
    source = (
        LaporanTahunan.objects.filter(
            tahun__in=[tahun, tahun - 1], status__in=[LS.DISETUJUI, LS.DIGANTIKAN]
        )
        .order_by("-tahun", "-disetujui_pada", "-id")
        .first()
    )
    now = _now(at)
    laporan = LaporanTahunan(
        tahun=tahun,
        dibuat_oleh=actor,
        dibuat_pada=now,
        diubah_oleh=actor,
        diubah_pada=now,
        **{name: getattr(source, name) if source else "" for name in LaporanTahunan.NARASI},
    )
    _new_status(laporan, "laporan", LS.DRAF)
    try:
        with transaction.atomic():
            laporan.save()
    except IntegrityError as exc:
        raise ValidationError(
            {"tahun": _("Sudah ada draf laporan tahun %(t)d.") % {"t": tahun}}
        ) from exc
    note = _("Narasi disalin dari laporan tahun %(t)d") % {"t": source.tahun} if source else ""
    _audit(actor, laporan, "laporan.buat", "", laporan.status, note)
    return laporan


@discard_on_rollback()
@transaction.atomic
def laporan_approve(
    *, actor: User, laporan_id: int, unit: UnitKerja | None, at: datetime | None = None
) -> LaporanTahunan:
    """DRAF → DISETUJUI. PPID only, once the year has ended and every narrative section is
    written. The figures are computed from the registers and frozen, the PDF and XLSX kept;
    an earlier approved report of the same year becomes DIGANTIKAN (and its DIP entry is
    withdrawn); the report enters the DIP as setiap-saat information (UU 14/2008 Ps 11),
    submitted to the Desk through the DIP workflow, under `unit`."""
    _staff(actor, "laporan.kelola")
    lap = _lock(LaporanTahunan, laporan_id)
    _check_transition(lap, "laporan", LS.DISETUJUI)
    today = _today(at)
    if lap.tahun >= today.year:
        raise ValidationError(
            _("Laporan tahun %(t)d dapat disetujui setelah tahun itu berakhir.") % {"t": lap.tahun}
        )
    errors = {
        name: _("Bagian “%(judul)s” wajib diisi sebelum laporan disetujui.") % {"judul": title}
        for name, title, text in lap.narasi
        if not (text or "").strip()
    }
    if unit is None or not unit.aktif:
        errors["unit"] = _("Pilih unit kerja aktif yang menguasai laporan ini untuk DIP.")
    if errors:
        raise ValidationError(errors)
    now = _now(at)
    for old in LaporanTahunan.objects.select_for_update().filter(
        tahun=lap.tahun, status=LS.DISETUJUI
    ):
        old_before = _set_status(old, "laporan", LS.DIGANTIKAN)
        old.digantikan_pada = now
        old.save(update_fields=["status", "digantikan_pada"])
        _audit(actor, old, "laporan.gantikan", old_before, old.status, str(lap.pk))
        if old.informasi_id:
            entry = old.informasi
            if entry.status != entry.Status.DICABUT:
                dip_workflow.entry_withdraw(
                    actor=actor,
                    entry=entry,
                    reason=_("Digantikan laporan revisi tahun %(t)d.") % {"t": lap.tahun},
                )
    angka = dokumen_laporan.hitung(Periode(lap.tahun), today=today)
    before = _set_status(lap, "laporan", LS.DISETUJUI)
    lap.angka = angka
    lap.disetujui_oleh = actor
    lap.disetujui_pada = now
    lap.berkas_pdf, lap.berkas_xlsx = dokumen_laporan.store_documents(lap, angka, actor=actor)
    lap.save(
        update_fields=[
            "status",
            "angka",
            "disetujui_oleh",
            "disetujui_pada",
            "berkas_pdf",
            "berkas_xlsx",
        ]
    )
    entry = dip_workflow.entry_propose_document(
        actor=actor,
        unit=unit,
        values=dokumen_laporan.nilai_dip(lap, unit, today),
        dokumen=[
            (_("Laporan layanan informasi publik %(t)d (PDF)") % {"t": lap.tahun}, lap.berkas_pdf),
            (
                _("Laporan layanan informasi publik %(t)d (XLSX)") % {"t": lap.tahun},
                lap.berkas_xlsx,
            ),
        ],
        note=str(lap),
    )
    lap.informasi = entry
    lap.save(update_fields=["informasi"])
    _audit(
        actor,
        lap,
        "laporan.setujui",
        before,
        lap.status,
        _("PDF SHA-256 %(sha)s; entri DIP %(id)s") % {"sha": lap.berkas_pdf.sha256, "id": entry.pk},
    )
    _staff_mail(
        "staf_laporan_disetujui", notifications.staff_emails(Role.ATASAN, Role.PEMBINA), lap
    )
    return lap


@transaction.atomic
def laporan_cancel(*, actor: User, laporan_id: int, alasan: str) -> LaporanTahunan:
    """DRAF → DIBATALKAN. PPID only, with a reason (e.g. a draft started for the wrong year)."""
    _staff(actor, "laporan.kelola")
    lap = _lock(LaporanTahunan, laporan_id)
    if not _text(alasan):
        raise ValidationError({"alasan": _("Tuliskan alasan pembatalan.")})
    before = _set_status(lap, "laporan", LS.DIBATALKAN)
    lap.dibatalkan_pada = timezone.now()
    lap.alasan_pembatalan = _text(alasan)
    lap.save(update_fields=["status", "dibatalkan_pada", "alasan_pembatalan"])
    _audit(actor, lap, "laporan.batalkan", before, lap.status, lap.alasan_pembatalan)
    return lap


def can_act(user, action: str, obj=None) -> bool:
    """For templates and views: whether `user` may take `action` (staff actions only)."""
    return bool(user and getattr(user, "is_authenticated", False)) and can(user, action, obj)
