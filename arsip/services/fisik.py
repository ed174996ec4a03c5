"""Writes of the physical archive: places, items, moves, digital files and links."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils.translation import gettext as _

from ppid_portal import audit, numbering
from ppid_portal.access import require
from ppid_portal.files import discard_on_rollback, store_upload
from ppid_portal.models import StoredFile, UnitKerja

from .. import selectors
from ..models import BerkasArsip, ItemArsip, JadwalRetensi, Lokasi, PemindahanItem, TautanItem
from ..models.tautan import TautanBase


def _full_clean(obj: models.Model, exclude: list[str] | None = None) -> None:
    obj.full_clean(exclude=exclude)


def _check_induk(jenis: str, induk: Lokasi | None) -> None:
    allowed = Lokasi.INDUK_BOLEH[jenis]
    label = Lokasi.Jenis(jenis).label
    if not allowed:
        if induk is not None:
            raise ValidationError({"induk": _("Gedung berada di puncak susunan lokasi.")})
        return
    if induk is None or induk.jenis not in allowed:
        raise ValidationError(
            {
                "induk": _("%(jenis)s harus berada di %(boleh)s.")
                % {
                    "jenis": label,
                    "boleh": _(" atau ").join(str(Lokasi.Jenis(a).label).lower() for a in allowed),
                }
            }
        )


@transaction.atomic
def lokasi_create(
    *,
    actor,
    jenis: str,
    kode: str,
    nama: str,
    induk: Lokasi | None = None,
    unit: UnitKerja | None = None,
    keterangan: str = "",
) -> Lokasi:
    """Add a place to the tree (Desk or PPID)."""
    require(actor, "arsip.manage")
    _check_induk(jenis, induk)
    lokasi = Lokasi(
        jenis=jenis,
        kode=kode.strip().upper(),
        nama=nama.strip(),
        induk=induk,
        unit=unit,
        keterangan=keterangan,
    )
    _full_clean(lokasi)
    lokasi.save()
    audit.record(actor=actor, obj=lokasi, action="arsip.lokasi.buat", note=lokasi.kode_lengkap)
    return lokasi


@transaction.atomic
def lokasi_update(
    *,
    lokasi: Lokasi,
    actor,
    kode: str,
    nama: str,
    induk: Lokasi | None,
    unit: UnitKerja | None = None,
    keterangan: str = "",
) -> Lokasi:
    """Rename a place or move it (a box to another shelf) within the same level."""
    require(actor, "arsip.manage")
    lokasi = Lokasi.objects.select_for_update().get(pk=lokasi.pk)
    before = Lokasi.objects.select_related(Lokasi.SELECT_JALUR).get(pk=lokasi.pk).kode_lengkap
    _check_induk(lokasi.jenis, induk)
    lokasi.kode = kode.strip().upper()
    lokasi.nama = nama.strip()
    lokasi.induk = induk
    lokasi.unit = unit
    lokasi.keterangan = keterangan
    _full_clean(lokasi)
    lokasi.save()
    after = Lokasi.objects.select_related(Lokasi.SELECT_JALUR).get(pk=lokasi.pk).kode_lengkap
    audit.record(
        actor=actor,
        obj=lokasi,
        action="arsip.lokasi.ubah",
        from_state=before[:60],
        to_state=after[:60],
        note=f"{before} → {after}" if before != after else "",
    )
    return lokasi


def _check_wadah(medium: str, lokasi: Lokasi | None) -> None:
    if lokasi is None:
        if medium != ItemArsip.Medium.DIGITAL:
            raise ValidationError(
                {"lokasi": _("Arsip fisik harus ditempatkan di sebuah boks atau map.")}
            )
        return
    if not lokasi.menampung_item:
        raise ValidationError(
            {
                "lokasi": _("Item arsip disimpan di boks atau map, bukan di %(jenis)s.")
                % {"jenis": str(lokasi.get_jenis_display()).lower()}
            }
        )


def _apply_retensi(item: ItemArsip) -> None:
    jadwal = selectors.jadwal_untuk_kode(item.kode_klasifikasi)
    if jadwal is None:
        raise ValidationError(
            {
                "kode_klasifikasi": _(
                    "Kode klasifikasi %(kode)s belum ada di Jadwal Retensi Arsip. Tambahkan "
                    "jadwalnya lebih dulu atau gunakan kode yang terdaftar."
                )
                % {"kode": item.kode_klasifikasi}
            }
        )
    item.jadwal = jadwal
    item.tanggal_inaktif = jadwal.tanggal_inaktif(item.tanggal_dasar)
    item.tanggal_nasib = jadwal.tanggal_nasib(item.tanggal_dasar)


def _jalur(lokasi: Lokasi | None) -> str:
    if lokasi is None:
        return ""
    return Lokasi.objects.select_related(Lokasi.SELECT_JALUR).get(pk=lokasi.pk).jalur[:300]


@transaction.atomic
def item_create(
    *,
    actor,
    kode_klasifikasi: str,
    judul: str,
    unit: UnitKerja,
    tanggal_mulai: date,
    tanggal_selesai: date | None = None,
    medium: str = ItemArsip.Medium.KERTAS,
    jumlah: int = 1,
    satuan: str = ItemArsip.Satuan.BERKAS,
    kondisi: str = ItemArsip.Kondisi.BAIK,
    lokasi: Lokasi | None = None,
    uraian: str = "",
) -> ItemArsip:
    """Record an archive item (Desk or PPID); its retention comes from the schedule."""
    require(actor, "arsip.manage")
    _check_wadah(medium, lokasi)
    item = ItemArsip(
        kode_klasifikasi=selectors.normalisasi_kode(kode_klasifikasi),
        judul=judul.strip(),
        uraian=uraian,
        unit=unit,
        tanggal_mulai=tanggal_mulai,
        tanggal_selesai=tanggal_selesai,
        medium=medium,
        jumlah=jumlah,
        satuan=satuan,
        kondisi=kondisi,
        lokasi=lokasi,
        dibuat_oleh=actor,
    )
    if tanggal_selesai and tanggal_selesai < tanggal_mulai:
        raise ValidationError({"tanggal_selesai": _("Tanggal akhir tidak boleh sebelum awal.")})
    _apply_retensi(item)
    _full_clean(item, exclude=["urut"])
    # After validation: the series stays locked from here until the transaction ends.
    item.urut = numbering.take(ItemArsip.SERI_NOMOR)
    item.save()
    if lokasi is not None:
        PemindahanItem.objects.create(
            item=item,
            dari=None,
            ke=lokasi,
            ke_teks=_jalur(lokasi),
            alasan=_("Penempatan awal"),
            oleh=actor,
        )
    audit.record(
        actor=actor, obj=item, action="arsip.item.catat", to_state=item.status, note=item.judul
    )
    return item


ITEM_FIELDS_UBAH = (
    "kode_klasifikasi",
    "judul",
    "uraian",
    "unit",
    "tanggal_mulai",
    "tanggal_selesai",
    "medium",
    "jumlah",
    "satuan",
    "kondisi",
)


@transaction.atomic
def item_update(*, item: ItemArsip, actor, **changes: Any) -> ItemArsip:
    """Correct an item's description (not its place: see `item_relocate`; not its status: see
    `arsip.workflow`). Retention dates are recomputed."""
    require(actor, "arsip.manage")
    unknown = set(changes) - set(ITEM_FIELDS_UBAH)
    if unknown:
        raise TypeError(f"item_update: unknown fields {sorted(unknown)}")
    item = ItemArsip.objects.select_for_update().get(pk=item.pk)
    if item.status in (ItemArsip.Status.DIMUSNAHKAN, ItemArsip.Status.STATIS):
        raise ValidationError(
            _("Item arsip berstatus %(status)s tidak dapat diubah lagi.")
            % {"status": item.get_status_display()}
        )
    changed = []
    for name in ITEM_FIELDS_UBAH:
        if name not in changes:
            continue
        value = changes[name]
        if name == "kode_klasifikasi":
            value = selectors.normalisasi_kode(value)
        if getattr(item, name) != value:
            changed.append(name)
            setattr(item, name, value)
    if not changed:
        return item
    if item.tanggal_selesai and item.tanggal_selesai < item.tanggal_mulai:
        raise ValidationError({"tanggal_selesai": _("Tanggal akhir tidak boleh sebelum awal.")})
    _check_wadah(item.medium, item.lokasi)
    _apply_retensi(item)
    _full_clean(item)
    item.save()
    labels = ", ".join(str(ItemArsip._meta.get_field(n).verbose_name) for n in changed)
    audit.record(actor=actor, obj=item, action="arsip.item.ubah", note=_("Diubah: %s") % labels)
    return item


@transaction.atomic
def item_relocate(*, item: ItemArsip, ke: Lokasi, actor, alasan: str = "") -> PemindahanItem:
    """Move an item to another box or folder; the move is kept in its history and the audit
    trail."""
    require(actor, "arsip.manage")
    item = ItemArsip.objects.select_for_update().get(pk=item.pk)
    if item.status in (ItemArsip.Status.DIMUSNAHKAN, ItemArsip.Status.STATIS):
        raise ValidationError(
            _("Item arsip berstatus %(status)s tidak lagi disimpan di sini.")
            % {"status": item.get_status_display()}
        )
    if ke is None:
        raise ValidationError({"ke": _("Pilih boks atau map tujuan.")})
    _check_wadah(item.medium, ke)
    if item.lokasi_id == ke.pk:
        raise ValidationError({"ke": _("Item arsip sudah berada di lokasi ini.")})
    dari = item.lokasi
    move = PemindahanItem.objects.create(
        item=item,
        dari=dari,
        ke=ke,
        dari_teks=_jalur(dari),
        ke_teks=_jalur(ke),
        alasan=(alasan or "").strip()[:300],
        oleh=actor,
    )
    item.lokasi = ke
    item.save(update_fields=["lokasi", "updated_at"])
    audit.record(
        actor=actor,
        obj=item,
        action="arsip.item.pindah",
        from_state=(dari and selectors.lokasi_dengan_jalur().get(pk=dari.pk).kode_lengkap or "")[
            :60
        ],
        to_state=selectors.lokasi_dengan_jalur().get(pk=ke.pk).kode_lengkap[:60],
        note=f"{move.dari_teks or '—'} → {move.ke_teks}"
        + (f". {move.alasan}" if move.alasan else ""),
    )
    return move


@discard_on_rollback()
@transaction.atomic
def berkas_add(
    *,
    item: ItemArsip,
    upload: UploadedFile,
    actor,
    keterangan: str = "",
    sensitif: bool = False,
) -> BerkasArsip:
    """Attach a scan or a born-digital file to an item (already validated by the form). A
    sensitive file (an excepted original) has every download written to the audit trail."""
    require(actor, "arsip.manage")
    item = ItemArsip.objects.select_for_update().get(pk=item.pk)
    if item.status == ItemArsip.Status.DIMUSNAHKAN:
        raise ValidationError(_("Item arsip yang sudah dimusnahkan tidak dapat diberi berkas."))
    stored = store_upload(upload, purpose=StoredFile.Purpose.ARSIP, actor=actor, sensitive=sensitif)
    berkas = BerkasArsip.objects.create(item=item, berkas=stored, keterangan=keterangan.strip())
    audit.record(
        actor=actor,
        obj=item,
        action="arsip.item.berkas",
        note=f"{stored.original_name} ({stored.size} bita, SHA-256 {stored.sha256})",
    )
    return berkas


# --- Links --------------------------------------------------------------------------------------


def find_target(model_label: str, object_id: str):
    """The object a link points to, or a ValidationError in Indonesian."""
    models_ok = selectors.tautan_models()
    model = models_ok.get((model_label or "").lower())
    if model is None:
        raise ValidationError({"jenis": _("Jenis objek ini tidak dapat ditautkan.")})
    object_id = (object_id or "").strip()
    try:
        pk = model._meta.pk.to_python(object_id)
        target = model._default_manager.get(pk=pk)
    except (ValidationError, ValueError, TypeError, model.DoesNotExist):
        raise ValidationError(
            {
                "object_id": _("%(jenis)s dengan ID %(id)s tidak ditemukan.")
                % {"jenis": str(model._meta.verbose_name).capitalize(), "id": object_id or "-"}
            }
        ) from None
    return target


def tautan_create(
    *,
    model: type[TautanBase],
    owner_field: str,
    owner,
    actor,
    jenis: str,
    object_id: str,
    keterangan: str = "",
) -> TautanBase:
    target = find_target(jenis, object_id)
    ct = ContentType.objects.get_for_model(target)
    if model.objects.filter(
        **{owner_field: owner}, content_type=ct, object_id=str(target.pk)
    ).exists():
        raise ValidationError({"object_id": _("Tautan ini sudah ada.")})
    link = model.objects.create(
        **{owner_field: owner},
        content_type=ct,
        object_id=str(target.pk),
        keterangan=keterangan.strip(),
        dibuat_oleh=actor,
    )
    audit.record(
        actor=actor,
        obj=owner,
        action="arsip.tautan.tambah",
        note=f"{ct.app_label}.{ct.model} #{target.pk}: {target}",
    )
    return link


@transaction.atomic
def item_link(
    *, item: ItemArsip, actor, jenis: str, object_id: str, keterangan: str = ""
) -> TautanItem:
    """Link an item to a DIP entry or a request (Desk or PPID)."""
    require(actor, "arsip.manage")
    item = ItemArsip.objects.select_for_update().get(pk=item.pk)
    return tautan_create(
        model=TautanItem,
        owner_field="item",
        owner=item,
        actor=actor,
        jenis=jenis,
        object_id=object_id,
        keterangan=keterangan,
    )


def tautan_delete(*, tautan: TautanBase, owner, actor, action: str) -> None:
    require(actor, action)
    note = f"{tautan.content_type.app_label}.{tautan.content_type.model} #{tautan.object_id}"
    tautan.delete()
    audit.record(actor=actor, obj=owner, action="arsip.tautan.hapus", note=note)


@transaction.atomic
def item_unlink(*, tautan: TautanItem, actor) -> None:
    tautan_delete(tautan=tautan, owner=tautan.item, actor=actor, action="arsip.manage")


# --- Retention schedule -------------------------------------------------------------------------


JADWAL_FIELDS = (
    "kode_klasifikasi",
    "jenis_arsip",
    "retensi_aktif",
    "retensi_inaktif",
    "nasib_akhir",
    "keterangan",
)


def _recompute_retensi(kode_list: list[str], jadwal_ids: list[int]) -> int:
    """Re-resolve the schedule and dates of open items under the given codes."""
    q = models.Q(jadwal_id__in=jadwal_ids)
    for kode in kode_list:
        q |= models.Q(kode_klasifikasi=kode) | models.Q(kode_klasifikasi__startswith=kode + ".")
    items = list(
        ItemArsip.objects.select_for_update()
        .filter(q, status__in=[ItemArsip.Status.AKTIF, ItemArsip.Status.INAKTIF])
        .order_by("pk")
    )
    changed = []
    for item in items:
        before = (item.jadwal_id, item.tanggal_inaktif, item.tanggal_nasib)
        try:
            _apply_retensi(item)
        except ValidationError:
            continue
        if (item.jadwal_id, item.tanggal_inaktif, item.tanggal_nasib) != before:
            changed.append(item)
    ItemArsip.objects.bulk_update(changed, ["jadwal", "tanggal_inaktif", "tanggal_nasib"])
    return len(changed)


@transaction.atomic
def jadwal_save(*, actor, jadwal: JadwalRetensi | None = None, **data: Any) -> JadwalRetensi:
    """Add or change a row of the Jadwal Retensi Arsip (PPID); the retention dates of every
    open item under that code are recomputed."""
    require(actor, "arsip.jadwal.manage")
    unknown = set(data) - set(JADWAL_FIELDS)
    if unknown:
        raise TypeError(f"jadwal_save: unknown fields {sorted(unknown)}")
    if "kode_klasifikasi" in data:
        data["kode_klasifikasi"] = selectors.normalisasi_kode(data["kode_klasifikasi"])
    creating = jadwal is None
    if creating:
        jadwal = JadwalRetensi()
        before_kode = ""
        before_text = ""
    else:
        jadwal = JadwalRetensi.objects.select_for_update().get(pk=jadwal.pk)
        before_kode = jadwal.kode_klasifikasi
        before_text = jadwal.teks_retensi
    if not creating and before_kode != data.get("kode_klasifikasi", before_kode):
        if jadwal.item.exists():
            raise ValidationError(
                {
                    "kode_klasifikasi": _(
                        "Jadwal ini sudah dipakai item arsip; tambahkan baris jadwal baru "
                        "alih-alih mengganti kodenya."
                    )
                }
            )
    for name, value in data.items():
        setattr(jadwal, name, value)
    _full_clean(jadwal)
    jadwal.save()
    kode_list = sorted({k for k in (before_kode, jadwal.kode_klasifikasi) if k})
    jumlah = _recompute_retensi(kode_list, [jadwal.pk])
    audit.record(
        actor=actor,
        obj=jadwal,
        action="arsip.jadwal.buat" if creating else "arsip.jadwal.ubah",
        note=(f"{before_text} → " if before_text and before_text != jadwal.teks_retensi else "")
        + jadwal.teks_retensi
        + (_("; %(n)s item arsip dihitung ulang") % {"n": jumlah} if jumlah else ""),
    )
    return jadwal
