"""The arsip app's state machines: the life of an archive item (aktif → inaktif → musnah or
statis) and the disposal proposal (diajukan → disetujui/ditolak/dibatalkan).

This module is the only code that assigns `.status` of `ItemArsip` and `UsulPemusnahan`.
Retention follows the Jadwal Retensi Arsip (UU 43/2009 tentang Kearsipan Ps 48–51; PP 28/2012
Ps 65–66: destruction only of records whose retention has ended and with the approval of the
head of the body, recorded in a berita acara).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from ppid_portal import audit, numbering, outbox
from ppid_portal.access import require
from ppid_portal.roles import Role

from . import conf
from .models import (
    BerkasArsip,
    ItemArsip,
    JadwalRetensi,
    PemindahanItem,
    UsulPemusnahan,
    UsulPemusnahanItem,
)

logger = logging.getLogger(__name__)

S = ItemArsip.Status
U = UsulPemusnahan.Status

# (from, to) -> the action whose roles may make the move.
ITEM_TRANSITIONS: dict[tuple[str, str], str] = {
    (S.AKTIF, S.INAKTIF): "arsip.retensi.inaktif",
    (S.AKTIF, S.STATIS): "arsip.retensi.statis",
    (S.INAKTIF, S.STATIS): "arsip.retensi.statis",
    # Only through an approved disposal proposal.
    (S.AKTIF, S.DIMUSNAHKAN): "arsip.pemusnahan.decide",
    (S.INAKTIF, S.DIMUSNAHKAN): "arsip.pemusnahan.decide",
}
ITEM_INITIAL = S.AKTIF

USUL_TRANSITIONS: dict[tuple[str, str], str] = {
    ("", U.DIAJUKAN): "arsip.pemusnahan.propose",
    (U.DIAJUKAN, U.DISETUJUI): "arsip.pemusnahan.decide",
    (U.DIAJUKAN, U.DITOLAK): "arsip.pemusnahan.decide",
    (U.DIAJUKAN, U.DIBATALKAN): "arsip.pemusnahan.propose",
}


def _check(table: dict[tuple[str, str], str], actor, current: str, target: str, label) -> None:
    action = table.get((current, target))
    if action is None:
        raise ValidationError(
            _("%(objek)s berstatus “%(dari)s” dan tidak dapat diubah menjadi “%(ke)s”.")
            % {"objek": label, "dari": current or "-", "ke": target}
        )
    require(actor, action)


def _nomor_berita_acara(when) -> str:
    """The next berita acara number of the year of approval; taken inside the approval's
    transaction, so a failed approval gives it back."""
    day = timezone.localtime(when).date()
    urut = numbering.take(UsulPemusnahan.SERI_BERITA_ACARA, year=day.year)
    return numbering.format_number(
        conf.nomor_berita_acara_format(), urut=urut, day=day, setting="ARSIP_NOMOR_BERITA_ACARA"
    )


def _send(
    subject: str, template: str, context: dict, recipients: Iterable[str], *, about=None
) -> None:
    """Render now and queue in the portal's outbox; sent once the decision has committed (a
    mail server that is down neither undoes it nor loses the message)."""
    body = render_to_string(template, {**context, "site_url": settings.PPID_SITE_URL})
    outbox.queue(to=recipients, subject=str(subject), body=body, about=about, templat=template)


def _atasan_emails() -> list[str]:
    return list(
        get_user_model()
        .objects.filter(groups__name=Role.ATASAN.value, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )


# --- Items --------------------------------------------------------------------------------------


def _move_out(item: ItemArsip, actor, alasan: str) -> None:
    """The physical record leaves the shelves (destroyed or handed over): keep where it was."""
    if item.lokasi_id is None:
        return
    PemindahanItem.objects.create(
        item=item,
        dari=item.lokasi,
        ke=None,
        dari_teks=item.lokasi.jalur[:300],
        ke_teks="",
        alasan=alasan[:300],
        oleh=actor if getattr(actor, "is_authenticated", False) else None,
    )
    item.lokasi = None


@transaction.atomic
def item_transfer_to_inaktif(*, item: ItemArsip, actor, catatan: str = "") -> ItemArsip:
    """aktif → inaktif. Desk or PPID, when the active period has ended (earlier only with a
    written reason)."""
    item = ItemArsip.objects.select_for_update().get(pk=item.pk)
    _check(ITEM_TRANSITIONS, actor, item.status, S.INAKTIF, item.nomor)
    catatan = (catatan or "").strip()
    if item.tanggal_inaktif > timezone.localdate() and not catatan:
        raise ValidationError(
            _(
                "Masa aktif arsip ini baru berakhir pada %(tanggal)s. Tuliskan alasan bila "
                "arsip dipindahkan ke penyimpanan inaktif lebih awal."
            )
            % {"tanggal": f"{item.tanggal_inaktif:%d-%m-%Y}"}
        )
    before = item.status
    item.status = S.INAKTIF
    item.save(update_fields=["status", "updated_at"])
    audit.record(
        actor=actor,
        obj=item,
        action="arsip.item.inaktif",
        from_state=before,
        to_state=item.status,
        note=catatan,
    )
    return item


@transaction.atomic
def item_hand_over_to_statis(*, item: ItemArsip, actor, catatan: str) -> ItemArsip:
    """aktif/inaktif → statis: a permanent record handed over to the archival institution
    (UU 43/2009 Ps 53). PPID only, once the retention has ended."""
    item = ItemArsip.objects.select_for_update().get(pk=item.pk)
    _check(ITEM_TRANSITIONS, actor, item.status, S.STATIS, item.nomor)
    if item.jadwal.nasib_akhir == JadwalRetensi.NasibAkhir.MUSNAH:
        raise ValidationError(
            _("Jadwal retensi arsip ini berketerangan musnah; ajukan usul pemusnahan.")
        )
    if item.tanggal_nasib > timezone.localdate():
        raise ValidationError(
            _("Masa retensi arsip ini baru berakhir pada %(tanggal)s.")
            % {"tanggal": f"{item.tanggal_nasib:%d-%m-%Y}"}
        )
    catatan = (catatan or "").strip()
    if not catatan:
        raise ValidationError(_("Tuliskan berita acara atau keterangan penyerahan."))
    before = item.status
    _move_out(item, actor, _("Diserahkan ke lembaga kearsipan"))
    item.status = S.STATIS
    item.save(update_fields=["status", "lokasi", "updated_at"])
    audit.record(
        actor=actor,
        obj=item,
        action="arsip.item.statis",
        from_state=before,
        to_state=item.status,
        note=catatan,
    )
    return item


# --- Disposal proposals -------------------------------------------------------------------------


def _row_from_item(usul: UsulPemusnahan, item: ItemArsip) -> UsulPemusnahanItem:
    return UsulPemusnahanItem(
        usul=usul,
        item=item,
        terbuka=True,
        kode_klasifikasi=item.kode_klasifikasi,
        judul=item.judul,
        unit_nama=item.unit.nama,
        kurun_waktu=item.kurun_waktu,
        jumlah=item.jumlah_teks,
        lokasi_teks=item.lokasi.jalur[:300] if item.lokasi_id else "",
        retensi_teks=item.jadwal.teks_retensi[:200],
        berkas=[
            {"nama": b.berkas.original_name, "ukuran": b.berkas.size, "sha256": b.berkas.sha256}
            for b in item.berkas.all()
        ],
    )


@transaction.atomic
def pemusnahan_propose(*, items: Sequence[ItemArsip], actor, pertimbangan: str) -> UsulPemusnahan:
    """(new) → diajukan. PPID: propose to destroy items whose retention has ended and whose
    schedule says musnah (or dinilai kembali, after the PPID's appraisal)."""
    _check(USUL_TRANSITIONS, actor, "", U.DIAJUKAN, _("Usul pemusnahan"))
    pertimbangan = (pertimbangan or "").strip()
    if not pertimbangan:
        raise ValidationError(_("Tuliskan pertimbangan usul pemusnahan."))
    ids = sorted({item.pk for item in items})
    if not ids:
        raise ValidationError(_("Pilih sedikitnya satu item arsip."))
    locked = list(
        ItemArsip.objects.select_for_update()
        .filter(pk__in=ids)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    rows = list(
        ItemArsip.objects.filter(pk__in=locked)
        .select_related("unit", "jadwal", "lokasi__induk__induk__induk")
        .prefetch_related("berkas__berkas")
    )
    if len(rows) != len(ids):
        raise ValidationError(_("Sebagian item arsip tidak ditemukan."))
    today = timezone.localdate()
    problems = []
    for item in rows:
        if item.status not in (S.AKTIF, S.INAKTIF):
            problems.append(
                _("%(nomor)s berstatus %(status)s.")
                % {"nomor": item.nomor, "status": item.get_status_display()}
            )
        elif item.jadwal.nasib_akhir == JadwalRetensi.NasibAkhir.PERMANEN:
            problems.append(
                _("%(nomor)s berketerangan permanen dan tidak boleh dimusnahkan.")
                % {"nomor": item.nomor}
            )
        elif item.tanggal_nasib > today:
            problems.append(
                _("Masa retensi %(nomor)s baru berakhir pada %(tanggal)s.")
                % {"nomor": item.nomor, "tanggal": f"{item.tanggal_nasib:%d-%m-%Y}"}
            )
    open_ids = set(
        UsulPemusnahanItem.objects.filter(item_id__in=ids, terbuka=True).values_list(
            "item_id", flat=True
        )
    )
    for item in rows:
        if item.pk in open_ids:
            problems.append(
                _("%(nomor)s sudah ada dalam usul pemusnahan lain yang belum diputus.")
                % {"nomor": item.nomor}
            )
    if problems:
        raise ValidationError(problems)
    usul = UsulPemusnahan.objects.create(
        status=U.DIAJUKAN, pertimbangan=pertimbangan, diusulkan_oleh=actor
    )
    UsulPemusnahanItem.objects.bulk_create([_row_from_item(usul, item) for item in rows])
    audit.record(
        actor=actor,
        obj=usul,
        action="arsip.usul.ajukan",
        from_state="",
        to_state=usul.status,
        note=pertimbangan,
    )
    for item in rows:
        audit.record(
            actor=actor,
            obj=item,
            action="arsip.item.diusulkan_musnah",
            note=_("Masuk usul pemusnahan #%(pk)s") % {"pk": usul.pk},
        )
    context = {"usul": usul, "jumlah": len(rows)}
    _send(
        _("Usul pemusnahan arsip menunggu persetujuan"),
        "arsip/emails/usul_diajukan.txt",
        context,
        _atasan_emails(),
        about=usul,
    )
    return usul


def _delete_files(names: list[str]) -> None:
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:
            # periksa_arsip reports a destroyed file still on disk as "sisa_musnah".
            logger.exception("Berkas %s yang dimusnahkan gagal dihapus", name)


def _decide(usul: UsulPemusnahan, actor, target: str, alasan: str) -> tuple[UsulPemusnahan, str]:
    usul = UsulPemusnahan.objects.select_for_update().get(pk=usul.pk)
    _check(USUL_TRANSITIONS, actor, usul.status, target, usul)
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError(_("Tuliskan alasan keputusan."))
    return usul, alasan


@transaction.atomic
def pemusnahan_approve(*, usul: UsulPemusnahan, actor, alasan: str) -> UsulPemusnahan:
    """diajukan → disetujui. Atasan PPID, with a reason. Every item becomes dimusnahkan, its
    digital files leave the disk after commit (their name, size and SHA-256 stay on record),
    and the berita acara gets its number."""
    usul, alasan = _decide(usul, actor, U.DISETUJUI, alasan)
    if actor.pk == usul.diusulkan_oleh_id:
        raise PermissionDenied(_("Usul pemusnahan tidak boleh disetujui oleh pengusulnya."))
    baris = list(usul.baris.all())
    items = list(
        ItemArsip.objects.select_for_update()
        .filter(pk__in=[b.item_id for b in baris])
        .order_by("pk")
    )
    for item in items:
        if item.status not in (S.AKTIF, S.INAKTIF):
            raise ValidationError(
                _("%(nomor)s sudah berstatus %(status)s; usul ini tidak dapat disetujui.")
                % {"nomor": item.nomor, "status": item.get_status_display()}
            )
    now = timezone.now()
    before = usul.status
    usul.status = U.DISETUJUI
    usul.diputus_oleh = actor
    usul.diputus_pada = now
    usul.alasan_keputusan = alasan
    usul.nomor_berita_acara = _nomor_berita_acara(now)
    usul.save(
        update_fields=[
            "status",
            "diputus_oleh",
            "diputus_pada",
            "alasan_keputusan",
            "nomor_berita_acara",
        ]
    )
    usul.baris.update(terbuka=False)
    audit.record(
        actor=actor,
        obj=usul,
        action="arsip.usul.setujui",
        from_state=before,
        to_state=usul.status,
        note=f"{usul.nomor_berita_acara}: {alasan}",
    )
    names: list[str] = []
    item_lokasi = ItemArsip.objects.select_related("lokasi__induk__induk__induk").in_bulk(
        [i.pk for i in items]
    )
    for item in items:
        item.lokasi = item_lokasi[item.pk].lokasi
        item_before = item.status
        _move_out(
            item,
            actor,
            _("Dimusnahkan, berita acara %(nomor)s") % {"nomor": usul.nomor_berita_acara},
        )
        item.status = S.DIMUSNAHKAN
        item.dimusnahkan_pada = now
        item.save(update_fields=["status", "dimusnahkan_pada", "lokasi", "updated_at"])
        audit.record(
            actor=actor,
            obj=item,
            action="arsip.item.musnah",
            from_state=item_before,
            to_state=item.status,
            note=_("Berita acara %(nomor)s") % {"nomor": usul.nomor_berita_acara},
        )
        berkas = BerkasArsip.objects.filter(item=item, dimusnahkan_pada__isnull=True)
        names.extend(berkas.values_list("berkas__file", flat=True))
        berkas.update(dimusnahkan_pada=now)
    transaction.on_commit(lambda: _delete_files(names))
    _notify_pengusul(usul)
    return usul


@transaction.atomic
def pemusnahan_reject(*, usul: UsulPemusnahan, actor, alasan: str) -> UsulPemusnahan:
    """diajukan → ditolak. Atasan PPID, with a reason; the items stay as they are."""
    usul, alasan = _decide(usul, actor, U.DITOLAK, alasan)
    before = usul.status
    usul.status = U.DITOLAK
    usul.diputus_oleh = actor
    usul.diputus_pada = timezone.now()
    usul.alasan_keputusan = alasan
    usul.save(update_fields=["status", "diputus_oleh", "diputus_pada", "alasan_keputusan"])
    usul.baris.update(terbuka=False)
    audit.record(
        actor=actor,
        obj=usul,
        action="arsip.usul.tolak",
        from_state=before,
        to_state=usul.status,
        note=alasan,
    )
    _notify_pengusul(usul)
    return usul


@transaction.atomic
def pemusnahan_cancel(*, usul: UsulPemusnahan, actor, alasan: str) -> UsulPemusnahan:
    """diajukan → dibatalkan. The PPID withdraws a proposal not yet decided."""
    usul, alasan = _decide(usul, actor, U.DIBATALKAN, alasan)
    before = usul.status
    usul.status = U.DIBATALKAN
    usul.alasan_keputusan = alasan
    usul.save(update_fields=["status", "alasan_keputusan"])
    usul.baris.update(terbuka=False)
    audit.record(
        actor=actor,
        obj=usul,
        action="arsip.usul.batal",
        from_state=before,
        to_state=usul.status,
        note=alasan,
    )
    return usul


def _notify_pengusul(usul: UsulPemusnahan) -> None:
    email = usul.diusulkan_oleh.email
    context = {"usul": usul}
    _send(
        _("Keputusan usul pemusnahan arsip #%(pk)s") % {"pk": usul.pk},
        "arsip/emails/usul_diputus.txt",
        context,
        [email],
        about=usul,
    )
