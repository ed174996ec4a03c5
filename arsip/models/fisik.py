"""The physical archive: the location tree, archive items, their moves, scans and links."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ppid_portal.models import StoredFile, UnitKerja

from .retensi import JadwalRetensi, kode_klasifikasi_validator
from .tautan import TautanBase

kode_lokasi_validator = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9.\-]*$",
    _("Kode lokasi hanya berisi huruf, angka, titik dan tanda hubung, misalnya R-02 atau B.014."),
)


class Lokasi(models.Model):
    """A place in the physical archive: gedung › ruang › lemari/rak › boks/map.

    The tree is at most four levels deep, so a node's whole path is read with one query
    (`select_related("induk__induk__induk")`)."""

    class Jenis(models.TextChoices):
        GEDUNG = "gedung", _("Gedung")
        RUANG = "ruang", _("Ruang")
        LEMARI = "lemari", _("Lemari")
        RAK = "rak", _("Rak")
        BOKS = "boks", _("Boks")
        MAP = "map", _("Map")

    # Which kind of place may hold which: a box stands on a shelf or in a cabinet, and so on.
    INDUK_BOLEH: dict[str, tuple[str, ...]] = {
        Jenis.GEDUNG: (),
        Jenis.RUANG: (Jenis.GEDUNG,),
        Jenis.LEMARI: (Jenis.RUANG,),
        Jenis.RAK: (Jenis.RUANG,),
        Jenis.BOKS: (Jenis.LEMARI, Jenis.RAK),
        Jenis.MAP: (Jenis.LEMARI, Jenis.RAK),
    }
    WADAH_ITEM = (Jenis.BOKS, Jenis.MAP)
    TEMPAT_LABEL = (Jenis.LEMARI, Jenis.RAK, Jenis.BOKS, Jenis.MAP)
    SELECT_JALUR = "induk__induk__induk"

    jenis = models.CharField(_("jenis"), max_length=10, choices=Jenis)
    kode = models.CharField(_("kode"), max_length=30, validators=[kode_lokasi_validator])
    nama = models.CharField(_("nama"), max_length=200)
    induk = models.ForeignKey(
        "self",
        verbose_name=_("berada di"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="anak",
    )
    unit = models.ForeignKey(
        UnitKerja,
        verbose_name=_("unit pengelola"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    keterangan = models.TextField(_("keterangan"), blank=True)
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)

    class Meta:
        ordering = ["kode"]
        verbose_name = _("lokasi arsip")
        verbose_name_plural = _("lokasi arsip")
        constraints = [
            models.CheckConstraint(
                condition=Q(jenis__in=["gedung", "ruang", "lemari", "rak", "boks", "map"]),
                name="arsip_lokasi_jenis_valid",
            ),
            # Only a building stands at the top of the tree.
            models.CheckConstraint(
                condition=(Q(jenis="gedung") & Q(induk__isnull=True))
                | (~Q(jenis="gedung") & Q(induk__isnull=False)),
                name="arsip_lokasi_induk_sesuai_jenis",
            ),
            models.UniqueConstraint(fields=["induk", "kode"], name="arsip_lokasi_kode_unik"),
            models.UniqueConstraint(
                fields=["kode"], condition=Q(induk__isnull=True), name="arsip_gedung_kode_unik"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.kode} · {self.nama}"

    def get_absolute_url(self) -> str:
        return reverse("arsip:lokasi_detail", args=[self.pk])

    def leluhur(self) -> list[Lokasi]:
        """From the building down to this node (reads parents already selected)."""
        chain = []
        node: Lokasi | None = self
        while node is not None:
            chain.append(node)
            node = node.induk
        return list(reversed(chain))

    @property
    def kode_lengkap(self) -> str:
        return "/".join(node.kode for node in self.leluhur())

    @property
    def jalur(self) -> str:
        return " › ".join(f"{node.get_jenis_display()} {node.kode}" for node in self.leluhur())

    @property
    def menampung_item(self) -> bool:
        return self.jenis in self.WADAH_ITEM

    @property
    def bisa_dilabel(self) -> bool:
        return self.jenis in self.TEMPAT_LABEL


class ItemArsip(models.Model):
    """One archive item (berkas) as listed in the daftar arsip. Its retention dates come from
    the Jadwal Retensi Arsip row of its classification code; its status changes only through
    `arsip.workflow`."""

    class Status(models.TextChoices):
        AKTIF = "aktif", _("Aktif")
        INAKTIF = "inaktif", _("Inaktif")
        STATIS = "statis", _("Statis (diserahkan ke lembaga kearsipan)")
        DIMUSNAHKAN = "dimusnahkan", _("Dimusnahkan")

    class Medium(models.TextChoices):
        KERTAS = "kertas", _("Kertas")
        DIGITAL = "digital", _("Digital")
        FOTO = "foto", _("Foto")
        AUDIO_VIDEO = "audio_video", _("Rekaman audio/video")
        PETA = "peta", _("Peta/gambar teknik")
        LAINNYA = "lainnya", _("Lainnya")

    class Kondisi(models.TextChoices):
        BAIK = "baik", _("Baik")
        RUSAK_RINGAN = "rusak_ringan", _("Rusak ringan")
        RUSAK_BERAT = "rusak_berat", _("Rusak berat")

    class Satuan(models.TextChoices):
        LEMBAR = "lembar", _("lembar")
        BERKAS = "berkas", _("berkas")
        MAP = "map", _("map")
        BOKS = "boks", _("boks")
        BUKU = "buku", _("buku")
        KEPING = "keping", _("keping")
        FILE = "file", _("file")

    # The series of the number on the label (ARS-00001).
    SERI_NOMOR = "arsip.item"

    # Not the primary key: a database sequence skips a value whenever a transaction rolls back,
    # and the number on the labels must not.
    urut = models.PositiveIntegerField(_("nomor urut"), unique=True, editable=False)
    kode_klasifikasi = models.CharField(
        _("kode klasifikasi"), max_length=40, validators=[kode_klasifikasi_validator]
    )
    jadwal = models.ForeignKey(
        JadwalRetensi,
        verbose_name=_("jadwal retensi"),
        on_delete=models.PROTECT,
        related_name="item",
    )
    judul = models.CharField(_("uraian informasi arsip"), max_length=300)
    uraian = models.TextField(_("keterangan"), blank=True)
    unit = models.ForeignKey(
        UnitKerja, verbose_name=_("unit pengolah"), on_delete=models.PROTECT, related_name="+"
    )
    tanggal_mulai = models.DateField(_("tanggal (awal)"))
    tanggal_selesai = models.DateField(
        _("tanggal akhir"), null=True, blank=True, help_text=_("Isi bila arsip berupa kurun waktu.")
    )
    medium = models.CharField(_("media"), max_length=12, choices=Medium, default=Medium.KERTAS)
    jumlah = models.PositiveIntegerField(_("jumlah"), default=1, validators=[MinValueValidator(1)])
    satuan = models.CharField(_("satuan"), max_length=10, choices=Satuan, default=Satuan.BERKAS)
    kondisi = models.CharField(_("kondisi"), max_length=12, choices=Kondisi, default=Kondisi.BAIK)
    lokasi = models.ForeignKey(
        Lokasi,
        verbose_name=_("lokasi (boks/map)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="item",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.AKTIF, db_index=True
    )
    # Computed from the schedule by the services whenever the code, the dates or the schedule
    # change; stored so the retention report can filter in the database.
    tanggal_inaktif = models.DateField(_("masa aktif berakhir"))
    tanggal_nasib = models.DateField(_("masa inaktif berakhir"))
    dimusnahkan_pada = models.DateTimeField(_("dimusnahkan pada"), null=True, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dicatat"), default=timezone.now)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        ordering = ["kode_klasifikasi", "tanggal_mulai", "id"]
        verbose_name = _("item arsip")
        verbose_name_plural = _("item arsip")
        indexes = [models.Index(fields=["status", "tanggal_nasib"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["aktif", "inaktif", "statis", "dimusnahkan"]),
                name="arsip_item_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(tanggal_selesai__isnull=True)
                | Q(tanggal_selesai__gte=F("tanggal_mulai")),
                name="arsip_item_kurun_waktu_urut",
            ),
            models.CheckConstraint(condition=Q(jumlah__gte=1), name="arsip_item_jumlah_positif"),
            models.CheckConstraint(
                condition=Q(status="dimusnahkan", dimusnahkan_pada__isnull=False)
                | (~Q(status="dimusnahkan") & Q(dimusnahkan_pada__isnull=True)),
                name="arsip_item_tanggal_musnah_sesuai_status",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nomor} {self.kode_klasifikasi} {self.judul}"

    def get_absolute_url(self) -> str:
        return reverse("arsip:item_detail", args=[self.pk])

    @property
    def nomor(self) -> str:
        return f"ARS-{self.urut:05d}" if self.urut else "ARS-?"

    @property
    def tanggal_dasar(self):
        """Retention counts from the end of the activity the record documents."""
        return self.tanggal_selesai or self.tanggal_mulai

    @property
    def kurun_waktu(self) -> str:
        if self.tanggal_selesai and self.tanggal_selesai != self.tanggal_mulai:
            return f"{self.tanggal_mulai:%d-%m-%Y} s.d. {self.tanggal_selesai:%d-%m-%Y}"
        return f"{self.tanggal_mulai:%d-%m-%Y}"

    @property
    def jumlah_teks(self) -> str:
        return f"{self.jumlah} {self.get_satuan_display()}"

    @property
    def lokasi_teks(self) -> str:
        return self.lokasi.jalur if self.lokasi_id else gettext("—")


class PemindahanItem(models.Model):
    """One move of an item from one place to another (or into its first place)."""

    item = models.ForeignKey(
        ItemArsip, verbose_name=_("item"), on_delete=models.CASCADE, related_name="pemindahan"
    )
    dari = models.ForeignKey(
        Lokasi,
        verbose_name=_("dari"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    ke = models.ForeignKey(
        Lokasi,
        verbose_name=_("ke"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The paths as they read at the time of the move: a box moved later does not rewrite history.
    dari_teks = models.CharField(_("dari (jalur)"), max_length=300, blank=True)
    ke_teks = models.CharField(_("ke (jalur)"), max_length=300, blank=True)
    alasan = models.CharField(_("alasan"), max_length=300, blank=True)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    waktu = models.DateTimeField(_("waktu"), default=timezone.now)

    class Meta:
        ordering = ["-waktu", "-id"]
        verbose_name = _("pemindahan item arsip")
        verbose_name_plural = _("pemindahan item arsip")

    def __str__(self) -> str:
        return f"{self.item_id}: {self.dari_teks or '—'} → {self.ke_teks or '—'}"


class BerkasArsip(models.Model):
    """A digital file (scan or born-digital record) of an archive item. When the item is
    destroyed the file leaves the disk and this row keeps what it was."""

    item = models.ForeignKey(
        ItemArsip, verbose_name=_("item"), on_delete=models.PROTECT, related_name="berkas"
    )
    berkas = models.OneToOneField(
        StoredFile, verbose_name=_("berkas"), on_delete=models.PROTECT, related_name="+"
    )
    keterangan = models.CharField(_("keterangan"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("diunggah"), default=timezone.now)
    dimusnahkan_pada = models.DateTimeField(_("dimusnahkan pada"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("berkas digital arsip")
        verbose_name_plural = _("berkas digital arsip")

    def __str__(self) -> str:
        return self.berkas.original_name


class TautanItem(TautanBase):
    """An archive item linked to a DIP entry or a request."""

    item = models.ForeignKey(
        ItemArsip, verbose_name=_("item"), on_delete=models.CASCADE, related_name="tautan"
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("tautan item arsip")
        verbose_name_plural = _("tautan item arsip")
        constraints = [
            models.UniqueConstraint(
                fields=["item", "content_type", "object_id"], name="arsip_tautan_item_unik"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]
