"""Objections (keberatan, UU 14/2008 Ps 35–36): when the ground arises and the window closes,
filing by the applicant or the desk, the Atasan PPID's written answer (a granted objection
reopens the request and opens information a cited decree excepted), withdrawal; and the record
of a dispute before the Komisi Informasi (sengketa, Ps 37)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ppid_portal import mail
from ppid_portal.files import discard_on_rollback
from ppid_portal.models import User
from ppid_portal.roles import Role

from .. import deadlines, documents
from ..models import JenisNomor, Keberatan, Permohonan, Sengketa
from ..tracking import Pemohon
from ..validators import clean_telepon
from ._common import (
    KS,
    PS,
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
    _store_identity,
    _text,
    _today,
    compute_notice_due,
)
from .nomor import take_number

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
    year, urut, nomor = take_number(JenisNomor.KEBERATAN, today)
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
    _staff_mail("staf_keberatan_baru", mail.staff_emails(Role.ATASAN), kb)
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
    year, urut, nomor = take_number(JenisNomor.TANGGAPAN, today)
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
            "pembukaan",
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
        _staff_mail("staf_keberatan_dikabulkan", mail.staff_emails(Role.PPID), p, {"kb": kb})
    return kb


def _open_cited_penetapan(
    p: Permohonan, kb: Keberatan, *, actor: User, today: date, at: datetime | None
) -> None:
    """UU 14/2008 Ps 35(1)a: a keberatan against a refusal on Ps 17 grounds, granted by the
    Atasan PPID, opens the information the refusal's decree excepted (recorded as a decision
    and moved back to the open DIP, like the end of its period). The keberatan keeps the opening
    it caused (`pembukaan`, saved with the decision)."""
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
        at=at,
    )
    # A decree is opened once (informasi_pembukaan_sekali_per_penetapan): this is the one.
    kb.pembukaan = PembukaanInformasi.objects.get(penetapan=penetapan)


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
    _staff_mail("staf_keberatan_ditarik", mail.staff_emails(Role.ATASAN), kb)
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
