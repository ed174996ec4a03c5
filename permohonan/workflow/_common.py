"""What every step of the request workflow shares: the transition tables of the four state
machines (requests, unit assignments, objections, annual reports) with `_set_status`, the only
assignment of `.status` in the app; the audit, role and applicant checks; e-mail to applicants and
staff; identity and document uploads; the recomputation of stored due dates from `deadlines`; and
`can_act`/`is_full_viewer` for templates and views."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ppid_portal import audit
from ppid_portal.access import can, has_role, require
from ppid_portal.calendar import holidays_around, load_holidays
from ppid_portal.files import DOCUMENT_KINDS, SCAN_KINDS, UploadValidator, store_upload
from ppid_portal.models import StoredFile, User
from ppid_portal.roles import Role

from .. import conf, deadlines, notifications
from ..models import AturanTenggat, Disposisi, Keberatan, LaporanTahunan, Permohonan
from ..tracking import Pemohon

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


def can_act(user, action: str, obj=None) -> bool:
    """For templates and views: whether `user` may take `action` (staff actions only)."""
    return bool(user and getattr(user, "is_authenticated", False)) and can(user, action, obj)


def is_full_viewer(user) -> bool:
    return has_role(user, Role.DESK, Role.PPID, Role.ATASAN)
