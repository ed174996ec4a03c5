"""Requests (permohonan informasi, UU 14/2008 Ps 22; Perki 1/2021): intake online or at the
desk, verification and the request to complete it, withdrawal and lapse, assignment (disposisi)
to the units and their answers, the extension, the written decision (`Putusan`: given, in part,
refused on Ps 17 grounds citing a decree or starting a consequence test) and its delivery."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ppid_portal import audit, mail
from ppid_portal.access import require
from ppid_portal.files import discard_on_rollback
from ppid_portal.models import UnitKerja, User
from ppid_portal.roles import Role

from .. import conf, deadlines, documents
from ..models import (
    AturanTenggat,
    Disposisi,
    DokumenPermohonan,
    JenisNomor,
    Keputusan,
    Permohonan,
)
from ..tracking import Pemohon, new_secret, tracking_link
from ..validators import clean_nik, clean_telepon
from ._common import (
    APPLICANT_FIELDS,
    DS,
    PS,
    Actor,
    _applicant_mail,
    _applicant_or_desk,
    _audit,
    _holidays,
    _lock,
    _new_status,
    _now,
    _required,
    _set_status,
    _staff,
    _staff_mail,
    _store_documents,
    _store_identity,
    _text,
    _today,
    _wrong_state,
    compute_notice_due,
    default_aturan,
)
from .nomor import take_number
from .uji import start_test_for_refusal

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
    year, urut, nomor = take_number(JenisNomor.PERMOHONAN, day)
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
    _staff_mail("staf_permohonan_baru", mail.staff_emails(Role.DESK), permohonan)
    return permohonan, code


@transaction.atomic
def permohonan_verify(*, permohonan_id: int, actor: User, catatan: str = "") -> Permohonan:
    """BARU → DIVERIFIKASI. Desk or PPID: the request is complete; the PPID assigns it."""
    _staff(actor, "permohonan.periksa")
    p = _lock(Permohonan, permohonan_id)
    before = _set_status(p, "permohonan", PS.DIVERIFIKASI)
    p.save(update_fields=["status", "updated_at"])
    _audit(actor, p, "permohonan.verifikasi", before, p.status, catatan)
    _staff_mail("staf_perlu_disposisi", mail.staff_emails(Role.PPID), p)
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
    _staff_mail("staf_permohonan_dilengkapi", mail.staff_emails(Role.DESK), p)
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
    _staff_mail("staf_permohonan_ditarik", mail.staff_emails(Role.PPID, Role.DESK), p)
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
            mail.staff_emails(Role.PENYEDIA, unit=unit),
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
        mail.staff_emails(Role.PPID),
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
        mail.staff_emails(Role.PENYEDIA, unit=d.unit),
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
        uji = start_test_for_refusal(p, actor=actor, dasar=putusan.dasar_pengecualian, at=at)
    year, urut, nomor = take_number(JenisNomor.PEMBERITAHUAN, today)
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
