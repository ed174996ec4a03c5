"""The Daftar Informasi Publik (DIP): entries as units propose them, their documents, and the
numbered versions (penetapan) that freeze the register as it was set.

Every `.status` here is assigned only by `informasi.workflow`; ordinary field edits go through
`informasi.services`.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from ppid_portal.models import StoredFile, UnitKerja

from .. import pengecualian


class Kategori(models.TextChoices):
    """UU 14/2008: Ps 9 berkala, Ps 10 serta merta, Ps 11 setiap saat, Ps 17 dikecualikan."""

    BERKALA = "berkala", _("Berkala")
    SERTA_MERTA = "serta_merta", _("Serta merta")
    SETIAP_SAAT = "setiap_saat", _("Setiap saat")
    DIKECUALIKAN = "dikecualikan", _("Dikecualikan")


KATEGORI_ORDER = [k.value for k in Kategori]

# Bentuk informasi yang tersedia (Perki 1/2021 DIP column): carrier and medium, each a flag.
BENTUK_FIELDS: tuple[tuple[str, str], ...] = (
    ("softcopy", _("Softcopy")),
    ("hardcopy", _("Hardcopy")),
    ("cetak", _("Cetak")),
    ("rekam", _("Rekam")),
    ("online", _("Online")),
)


class NilaiDIP(models.Model):
    """The values of one DIP row: the Perki columns plus category, year and subject.

    Shared by the living entry (`InformasiPublik`) and its frozen copy in a version
    (`EntriVersi`), so a version keeps exactly the values that were set.
    """

    unit = models.ForeignKey(
        UnitKerja,
        verbose_name=_("unit kerja"),
        on_delete=models.PROTECT,
        related_name="%(app_label)s_%(class)s_set",
    )
    kategori = models.CharField(_("kategori"), max_length=20, choices=Kategori)
    ringkasan = models.TextField(_("ringkasan isi informasi"))
    pejabat_penguasa = models.CharField(
        _("pejabat/unit/satuan kerja yang menguasai informasi"), max_length=300
    )
    penanggung_jawab = models.CharField(
        _("penanggung jawab pembuatan atau penerbitan informasi"), max_length=300
    )
    waktu_tempat = models.CharField(_("waktu dan tempat pembuatan informasi"), max_length=300)
    softcopy = models.BooleanField(_("softcopy"), default=False)
    hardcopy = models.BooleanField(_("hardcopy"), default=False)
    cetak = models.BooleanField(_("cetak"), default=False)
    rekam = models.BooleanField(_("rekam"), default=False)
    online = models.BooleanField(_("online"), default=False)
    # Plain text for now: a later merge computes it from the archive's Jadwal Retensi Arsip by
    # `kode_klasifikasi`.
    retensi = models.CharField(
        _("jangka waktu penyimpanan atau retensi arsip"), max_length=300, blank=True
    )
    kode_klasifikasi = models.CharField(
        _("kode klasifikasi arsip"), max_length=40, blank=True, db_index=True
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    subjek = models.CharField(
        _("subjek / kata kunci"),
        max_length=300,
        blank=True,
        help_text=_("Pisahkan dengan koma, misalnya: anggaran, pemilu, pengadaan."),
    )
    # What the public may know of an excepted entry (metadata only, UU 14/2008 Ps 17).
    alasan_pengecualian = models.CharField(
        _("alasan pengecualian (Pasal 17)"),
        max_length=1,
        choices=pengecualian.Alasan,
        blank=True,
    )
    pengecualian_berakhir = models.DateField(
        _("pengecualian berlaku sampai"), null=True, blank=True
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(kategori__in=KATEGORI_ORDER),
                name="%(app_label)s_%(class)s_kategori_valid",
            ),
            models.CheckConstraint(
                condition=Q(alasan_pengecualian__in=["", *pengecualian.Alasan.values]),
                name="%(app_label)s_%(class)s_alasan_valid",
            ),
            # An excepted entry must name its ground; any other entry names none.
            models.CheckConstraint(
                condition=(
                    Q(kategori=Kategori.DIKECUALIKAN) & ~Q(alasan_pengecualian="")
                    | ~Q(kategori=Kategori.DIKECUALIKAN)
                    & Q(alasan_pengecualian="")
                    & Q(pengecualian_berakhir__isnull=True)
                ),
                name="%(app_label)s_%(class)s_pengecualian_konsisten",
            ),
        ]

    def __str__(self) -> str:
        return Truncator(self.ringkasan).chars(90)

    @property
    def dikecualikan(self) -> bool:
        return self.kategori == Kategori.DIKECUALIKAN

    @property
    def bentuk_list(self) -> list[str]:
        return [str(label) for name, label in BENTUK_FIELDS if getattr(self, name)]

    @property
    def bentuk_display(self) -> str:
        """'Softcopy, Hardcopy; Cetak, Online' as the Perki column reads."""
        carrier = [str(label) for name, label in BENTUK_FIELDS[:2] if getattr(self, name)]
        medium = [str(label) for name, label in BENTUK_FIELDS[2:] if getattr(self, name)]
        return "; ".join(part for part in (", ".join(carrier), ", ".join(medium)) if part)

    @property
    def subjek_list(self) -> list[str]:
        return [s.strip() for s in self.subjek.split(",") if s.strip()]

    @property
    def dasar_pengecualian(self) -> str:
        return pengecualian.short_label(self.alasan_pengecualian)

    @property
    def uraian_pengecualian(self) -> str:
        return pengecualian.description(self.alasan_pengecualian)


# The value fields a version freezes and a comparison reads, in Perki column order.
VALUE_FIELDS: tuple[str, ...] = (
    "ringkasan",
    "pejabat_penguasa",
    "penanggung_jawab",
    "waktu_tempat",
    "softcopy",
    "hardcopy",
    "cetak",
    "rekam",
    "online",
    "retensi",
    "kode_klasifikasi",
    "kategori",
    "tahun",
    "subjek",
    "alasan_pengecualian",
    "pengecualian_berakhir",
    "unit",
)


class InformasiPublik(NilaiDIP):
    """One entry of the register, from a unit's draft to a documented entry the PPID can set.

    Excepted information (kategori dikecualikan) is kept here too so that the consequence test
    and its penetapan (a later issue) can attach to the entry by a foreign key.
    """

    class Status(models.TextChoices):
        DRAF = "draf", _("Draf")
        DIAJUKAN = "diajukan", _("Diajukan ke Desk")
        DIKEMBALIKAN = "dikembalikan", _("Dikembalikan ke unit")
        DIDOKUMENTASIKAN = "didokumentasikan", _("Didokumentasikan")
        DICABUT = "dicabut", _("Dicabut dari DIP")

    Kategori = Kategori

    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.DRAF, db_index=True
    )
    lokasi_softcopy = models.CharField(_("lokasi penyimpanan softcopy"), max_length=300, blank=True)
    lokasi_hardcopy = models.CharField(_("lokasi penyimpanan hardcopy"), max_length=300, blank=True)
    catatan_pengembalian = models.TextField(_("alasan/catatan pengembalian"), blank=True)
    dikembalikan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dikembalikan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dikembalikan_pada = models.DateTimeField(_("dikembalikan pada"), null=True, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dibuat_pada = models.DateTimeField(_("dibuat pada"), default=timezone.now)
    diubah_pada = models.DateTimeField(_("diubah pada"), default=timezone.now)
    diajukan_pada = models.DateTimeField(_("diajukan pada"), null=True, blank=True)
    didokumentasikan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("didokumentasikan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    didokumentasikan_pada = models.DateTimeField(
        _("didokumentasikan pada"), null=True, blank=True, db_index=True
    )
    # Public downloads of this entry's documents, for the annual report.
    jumlah_unduhan = models.PositiveIntegerField(_("jumlah unduhan"), default=0)
    impor = models.ForeignKey(
        "ImporDIP",
        verbose_name=_("berasal dari impor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="entri",
    )

    class Meta(NilaiDIP.Meta):
        ordering = ["-diubah_pada", "-id"]
        verbose_name = _("informasi publik")
        verbose_name_plural = _("informasi publik")
        constraints = [
            *NilaiDIP.Meta.constraints,
            models.CheckConstraint(
                condition=Q(
                    status__in=["draf", "diajukan", "dikembalikan", "didokumentasikan", "dicabut"]
                ),
                name="informasi_informasipublik_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["unit", "status"])]

    def get_absolute_url(self) -> str:
        """The public page; it answers only while the entry is in the published version."""
        return reverse("informasi:dip-detail", args=[self.pk])

    def get_staff_url(self) -> str:
        return reverse("informasi:entri-detail", args=[self.pk])

    @property
    def editable(self) -> bool:
        return self.status in (self.Status.DRAF, self.Status.DIKEMBALIKAN)


class DokumenInformasi(models.Model):
    """A document of an entry: an uploaded file or a link to where it is published.

    Rows are never changed: removing a document only marks it removed, because a version that
    was set with it must still serve it.
    """

    class Jenis(models.TextChoices):
        BERKAS = "berkas", _("Berkas unggahan")
        TAUTAN = "tautan", _("Tautan")

    informasi = models.ForeignKey(
        InformasiPublik,
        verbose_name=_("informasi"),
        on_delete=models.CASCADE,
        related_name="dokumen",
    )
    jenis = models.CharField(_("jenis"), max_length=10, choices=Jenis)
    judul = models.CharField(_("judul dokumen"), max_length=300)
    berkas = models.ForeignKey(
        StoredFile,
        verbose_name=_("berkas"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    tautan = models.URLField(_("tautan"), max_length=1000, blank=True)
    # Text read from a PDF/DOCX/XLSX at upload, for full-text search.
    teks = models.TextField(_("teks untuk pencarian"), blank=True, editable=False)
    ditambahkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditambahkan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ditambahkan_pada = models.DateTimeField(_("ditambahkan pada"), default=timezone.now)
    dihapus_pada = models.DateTimeField(_("dihapus pada"), null=True, blank=True)
    dihapus_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dihapus oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["ditambahkan_pada", "id"]
        verbose_name = _("dokumen informasi")
        verbose_name_plural = _("dokumen informasi")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(jenis="berkas", berkas__isnull=False, tautan="")
                    | Q(jenis="tautan", berkas__isnull=True) & ~Q(tautan="")
                ),
                name="informasi_dokumen_berkas_atau_tautan",
            ),
        ]

    def __str__(self) -> str:
        return self.judul

    @property
    def is_berkas(self) -> bool:
        return self.jenis == self.Jenis.BERKAS


class VersiDIP(models.Model):
    """A penetapan: the numbered, dated version of the whole register set by an SK of the PPID.

    Its entries (`EntriVersi`) are copies of the values in force when it was set; nothing edits
    them afterwards.
    """

    class Status(models.TextChoices):
        DITETAPKAN = "ditetapkan", _("Ditetapkan")
        DIPERINTAHKAN = "diperintahkan", _("Diperintahkan untuk diunggah")
        DIPUBLIKASIKAN = "dipublikasikan", _("Dipublikasikan")
        DIGANTIKAN = "digantikan", _("Digantikan versi baru")
        DIBATALKAN = "dibatalkan", _("Dibatalkan")

    # The series of `nomor`, which never restarts (ppid_portal.numbering).
    SERI_NOMOR = "informasi.versi_dip"

    nomor = models.PositiveIntegerField(_("nomor versi"), unique=True)
    nomor_sk = models.CharField(_("nomor SK penetapan"), max_length=120, unique=True)
    tanggal_sk = models.DateField(_("tanggal SK"))
    penandatangan = models.CharField(_("penandatangan"), max_length=200)
    jabatan_penandatangan = models.CharField(_("jabatan penandatangan"), max_length=200)
    keterangan = models.TextField(_("keterangan"), blank=True)
    sebelumnya = models.ForeignKey(
        "self",
        verbose_name=_("dimutakhirkan dari versi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.DITETAPKAN, db_index=True
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditetapkan oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dibuat_pada = models.DateTimeField(_("ditetapkan pada"), default=timezone.now)
    diperintahkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diperintahkan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diperintahkan_pada = models.DateTimeField(_("diperintahkan pada"), null=True, blank=True)
    catatan_perintah = models.TextField(_("catatan perintah unggah"), blank=True)
    dipublikasikan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dipublikasikan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dipublikasikan_pada = models.DateTimeField(_("dipublikasikan pada"), null=True, blank=True)
    digantikan_pada = models.DateTimeField(_("digantikan pada"), null=True, blank=True)
    dibatalkan_pada = models.DateTimeField(_("dibatalkan pada"), null=True, blank=True)
    alasan_pembatalan = models.TextField(_("alasan pembatalan"), blank=True)

    class Meta:
        ordering = ["-nomor"]
        verbose_name = _("versi DIP")
        verbose_name_plural = _("versi DIP")
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    status__in=[
                        "ditetapkan",
                        "diperintahkan",
                        "dipublikasikan",
                        "digantikan",
                        "dibatalkan",
                    ]
                ),
                name="informasi_versidip_status_valid",
            ),
            # Only one version is on the website at a time.
            models.UniqueConstraint(
                fields=["status"],
                condition=Q(status="dipublikasikan"),
                name="informasi_versidip_satu_dipublikasikan",
            ),
        ]

    def __str__(self) -> str:
        return _("DIP versi %(nomor)s (SK %(sk)s)") % {"nomor": self.nomor, "sk": self.nomor_sk}

    def get_absolute_url(self) -> str:
        return reverse("informasi:versi-detail", args=[self.nomor])

    @property
    def menunggu_publikasi(self) -> bool:
        return self.status in (self.Status.DITETAPKAN, self.Status.DIPERINTAHKAN)


class EntriVersi(NilaiDIP):
    """One row of a version: the values of an entry frozen at penetapan, and its documents."""

    versi = models.ForeignKey(
        VersiDIP, verbose_name=_("versi"), on_delete=models.CASCADE, related_name="entri"
    )
    informasi = models.ForeignKey(
        InformasiPublik,
        verbose_name=_("informasi"),
        on_delete=models.PROTECT,
        related_name="entri_versi",
    )
    nomor_urut = models.PositiveIntegerField(_("no."))
    # When the values were documented: the date the public list sorts "newest" by.
    tanggal = models.DateTimeField(_("tanggal pendokumentasian"), db_index=True)
    dokumen = models.ManyToManyField(
        DokumenInformasi, verbose_name=_("dokumen"), blank=True, related_name="entri_versi"
    )
    # What the search indexes: summary and metadata, plus document text unless excepted.
    search_text = models.TextField(editable=False, blank=True)
    # PostgreSQL only (GIN index added by migration); SQLite uses an FTS5 table instead.
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta(NilaiDIP.Meta):
        ordering = ["versi", "nomor_urut"]
        verbose_name = _("entri versi DIP")
        verbose_name_plural = _("entri versi DIP")
        constraints = [
            *NilaiDIP.Meta.constraints,
            models.UniqueConstraint(
                fields=["versi", "informasi"], name="informasi_entriversi_sekali_per_versi"
            ),
            models.UniqueConstraint(
                fields=["versi", "nomor_urut"], name="informasi_entriversi_nomor_unik"
            ),
        ]
        indexes = [
            models.Index(fields=["versi", "kategori", "nomor_urut"]),
            models.Index(fields=["versi", "tahun"]),
            models.Index(fields=["versi", "unit"]),
            models.Index(fields=["versi", "tanggal"]),
        ]

    def get_absolute_url(self) -> str:
        return reverse("informasi:dip-detail", args=[self.informasi_id])


class ImporDIP(models.Model):
    """A spreadsheet uploaded for import: checked in a dry run, imported at most once."""

    berkas = models.ForeignKey(
        StoredFile, verbose_name=_("berkas"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        UnitKerja, verbose_name=_("unit tujuan"), on_delete=models.PROTECT, related_name="+"
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diunggah oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dibuat_pada = models.DateTimeField(_("diunggah pada"), default=timezone.now)
    diimpor_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diimpor oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diimpor_pada = models.DateTimeField(_("diimpor pada"), null=True, blank=True)
    jumlah_entri = models.PositiveIntegerField(_("jumlah entri dibuat"), default=0)

    class Meta:
        ordering = ["-dibuat_pada", "-id"]
        verbose_name = _("impor DIP")
        verbose_name_plural = _("impor DIP")

    def __str__(self) -> str:
        return _("Impor %(nama)s untuk %(unit)s") % {
            "nama": self.berkas.original_name,
            "unit": self.unit,
        }

    def get_absolute_url(self) -> str:
        return reverse("informasi:impor-detail", args=[self.pk])
