"""The consequence test (uji konsekuensi, UU 14/2008 Ps 19): a sheet proposed for a DIP entry or
for the information a request asks for, written by the PPID with the Tim Pertimbangan and the
unit, circulated and signed by every participant. A sheet that concludes *terbuka* opens the
information at once (`penetapan._open_after_test`); one that concludes *dikecualikan* is the
basis of a decree (`penetapan.py`)."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ppid_portal import audit, mail
from ppid_portal.access import can, require, user_roles
from ppid_portal.files import UploadValidator, discard_on_rollback, store_upload
from ppid_portal.models import StoredFile, UnitKerja, User
from ppid_portal.roles import Role

from .. import pengecualian
from ..models import (
    KATEGORI_TERBUKA,
    PERMANENT_GROUNDS,
    Cakupan,
    InformasiPublik,
    Kategori,
    Kesimpulan,
    PesertaUji,
    UjiKonsekuensi,
)
from ..rules import is_participant
from ._common import (
    E,
    Transition,
    U,
    _lock_entry,
    _lock_uji,
    _now,
    _person,
    _refuse_state,
    _required_text,
    _t,
    _today,
)
from .penetapan import _open_after_test

# ============================================================================ excepted information
# UU 14/2008 Ps 17 (grounds), Ps 19 (the PPID's consequence test), Ps 20 (periods); PP 61/2010;
# seed 002 (Tim Pertimbangan proposes, PPID tests with the Tim and the Pembina, Atasan answers);
# seed 004 (opening excepted information up to 30 working days before its period ends).

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


def _begin_uji(name: str, actor, uji) -> tuple[UjiKonsekuensi, Transition]:
    transition = UJI_TRANSITIONS[name]
    locked = _lock_uji(uji)
    if transition.action:
        require(actor, transition.action, locked)
    _refuse_state(transition, locked.status, U)
    return locked, transition


def available_uji_transitions(uji: UjiKonsekuensi, user) -> list[Transition]:
    return [
        t
        for t in UJI_TRANSITIONS.values()
        if uji.status in t.sources and t.action and can(user, t.action, uji)
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
    atas_permintaan: bool = False,
    unit: UnitKerja | None = None,
    alasan: str = "",
    at: datetime | None = None,
) -> UjiKonsekuensi:
    """(new) → draf. The Tim Pertimbangan, the PPID, or the unit holding the information
    proposes that a DIP entry, or the information asked for in a request (`atas_permintaan`),
    be tested. A request's test is started by the requests app
    (`permohonan.workflow.permohonan_start_test`), which checks its own rule, names the unit and
    the information, and links the sheet to the request."""
    if informasi is None and not atas_permintaan:
        raise ValidationError(_("Pilih entri DIP atau permohonan yang informasinya diuji."))
    require(actor, "informasi.uji.usulkan", informasi)
    today = _today(at)
    if informasi is not None:
        informasi = _lock_entry(informasi)
        if informasi.status == E.DICABUT:
            raise ValidationError(_("Entri yang dicabut dari DIP tidak dapat diuji."))
        unit = informasi.unit
    values = clean_uji_values(
        {
            "judul_informasi": judul_informasi or (informasi.ringkasan if informasi else "")[:300],
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
                atas_permintaan=atas_permintaan,
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
    mail.notify(
        "informasi/uji_diusulkan",
        to=mail.staff_emails(Role.PPID, Role.TIM_PERTIMBANGAN),
        context={"uji": uji, "actor": actor},
        about=uji,
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
    mail.notify(
        "informasi/uji_diedarkan",
        to=_participants_emails(locked),
        context={"uji": locked, "actor": actor},
        about=locked,
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
    mail.notify(
        "informasi/uji_direvisi",
        to=_participants_emails(locked),
        context={"uji": locked, "actor": actor, "catatan": catatan},
        about=locked,
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
    mail.notify(
        "informasi/uji_selesai",
        to=mail.staff_emails(Role.PPID),
        context={"uji": locked, "actor": actor},
        about=locked,
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
