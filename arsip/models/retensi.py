"""The Jadwal Retensi Arsip (retention schedule) and disposal proposals."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# A classification code as offices write them: segments of letters and digits joined by dots
# ("HK.01", "KU.02.03", "PR.01.01.2").
kode_klasifikasi_validator = RegexValidator(
    r"^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$",
    _("Kode klasifikasi hanya berisi huruf dan angka yang dipisah titik, misalnya HK.01.02."),
)


def tambah_tahun(day: date, years: int) -> date:
    """`day` plus whole years; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


class JadwalRetensi(models.Model):
    """One row of the Jadwal Retensi Arsip: how long records of a classification stay active,
    then inactive, and what happens to them at the end (UU 43/2009 tentang Kearsipan Ps 48).

    Archive items and DIP entries take their retention from the row of their classification
    code, or of the nearest parent code ("KU.01" covers "KU.01.02")."""

    class NasibAkhir(models.TextChoices):
        MUSNAH = "musnah", _("Musnah")
        PERMANEN = "permanen", _("Permanen")
        DINILAI_KEMBALI = "dinilai_kembali", _("Dinilai kembali")

    kode_klasifikasi = models.CharField(
        _("kode klasifikasi"), max_length=40, unique=True, validators=[kode_klasifikasi_validator]
    )
    jenis_arsip = models.CharField(_("jenis arsip"), max_length=300)
    retensi_aktif = models.PositiveSmallIntegerField(
        _("retensi aktif (tahun)"),
        help_text=_("Lama arsip disimpan di unit pengolah sejak kegiatannya selesai."),
    )
    retensi_inaktif = models.PositiveSmallIntegerField(
        _("retensi inaktif (tahun)"),
        help_text=_("Lama arsip disimpan di pusat arsip setelah masa aktif berakhir."),
    )
    nasib_akhir = models.CharField(_("keterangan nasib akhir"), max_length=20, choices=NasibAkhir)
    keterangan = models.TextField(
        _("keterangan"), blank=True, help_text=_("Misalnya dasar hukum atau catatan penilaian.")
    )
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        ordering = ["kode_klasifikasi"]
        verbose_name = _("jadwal retensi arsip")
        verbose_name_plural = _("jadwal retensi arsip")
        constraints = [
            models.CheckConstraint(
                condition=Q(nasib_akhir__in=["musnah", "permanen", "dinilai_kembali"]),
                name="arsip_jadwal_nasib_valid",
            ),
            models.CheckConstraint(
                condition=Q(retensi_aktif__lte=100) & Q(retensi_inaktif__lte=100),
                name="arsip_jadwal_retensi_wajar",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kode_klasifikasi} {self.jenis_arsip}"

    def get_absolute_url(self) -> str:
        return reverse("arsip:jadwal_list") + f"#jadwal-{self.pk}"

    @property
    def teks_retensi(self) -> str:
        return gettext("Aktif %(aktif)s tahun, inaktif %(inaktif)s tahun, kemudian %(nasib)s") % {
            "aktif": self.retensi_aktif,
            "inaktif": self.retensi_inaktif,
            "nasib": self.get_nasib_akhir_display().lower(),
        }

    def tanggal_inaktif(self, dasar: date) -> date:
        return tambah_tahun(dasar, self.retensi_aktif)

    def tanggal_nasib(self, dasar: date) -> date:
        return tambah_tahun(dasar, self.retensi_aktif + self.retensi_inaktif)


class UsulPemusnahan(models.Model):
    """A proposal to destroy archive items whose retention has ended. The PPID proposes, the
    Atasan PPID approves or refuses with a reason; approval yields the berita acara pemusnahan.
    States change only through `arsip.workflow`."""

    class Status(models.TextChoices):
        DIAJUKAN = "diajukan", _("Diajukan")
        DISETUJUI = "disetujui", _("Disetujui")
        DITOLAK = "ditolak", _("Ditolak")
        DIBATALKAN = "dibatalkan", _("Dibatalkan")

    # The series of the berita acara number, counted per year of approval.
    SERI_BERITA_ACARA = "arsip.berita_acara"

    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.DIAJUKAN, db_index=True
    )
    pertimbangan = models.TextField(_("pertimbangan usul"))
    diusulkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diusulkan oleh"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    diusulkan_pada = models.DateTimeField(_("diusulkan pada"), default=timezone.now)
    diputus_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputus oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    diputus_pada = models.DateTimeField(_("diputus pada"), null=True, blank=True)
    alasan_keputusan = models.TextField(_("alasan keputusan"), blank=True)
    nomor_berita_acara = models.CharField(_("nomor berita acara"), max_length=60, blank=True)

    class Meta:
        ordering = ["-diusulkan_pada", "-id"]
        verbose_name = _("usul pemusnahan arsip")
        verbose_name_plural = _("usul pemusnahan arsip")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["diajukan", "disetujui", "ditolak", "dibatalkan"]),
                name="arsip_usul_status_valid",
            ),
            models.UniqueConstraint(
                fields=["nomor_berita_acara"],
                condition=~Q(nomor_berita_acara=""),
                name="arsip_nomor_berita_acara_unik",
            ),
            # An approved proposal always says who approved it, when and why.
            models.CheckConstraint(
                condition=~Q(status="disetujui")
                | (
                    Q(diputus_oleh__isnull=False)
                    & Q(diputus_pada__isnull=False)
                    & ~Q(alasan_keputusan="")
                    & ~Q(nomor_berita_acara="")
                ),
                name="arsip_usul_disetujui_lengkap",
            ),
        ]

    def __str__(self) -> str:
        return gettext("Usul pemusnahan #%(pk)s") % {"pk": self.pk}

    def get_absolute_url(self) -> str:
        return reverse("arsip:usul_detail", args=[self.pk])


class UsulPemusnahanItem(models.Model):
    """One item of a disposal proposal, with a copy of what the item was, so the berita acara
    still says what was destroyed however the item record is later shown."""

    usul = models.ForeignKey(
        UsulPemusnahan, verbose_name=_("usul"), on_delete=models.CASCADE, related_name="baris"
    )
    item = models.ForeignKey(
        "arsip.ItemArsip",
        verbose_name=_("item arsip"),
        on_delete=models.PROTECT,
        related_name="usul_pemusnahan",
    )
    # True while the proposal is open: an item is in at most one open proposal.
    terbuka = models.BooleanField(default=True)
    kode_klasifikasi = models.CharField(_("kode klasifikasi"), max_length=40)
    judul = models.CharField(_("uraian"), max_length=300)
    unit_nama = models.CharField(_("unit"), max_length=200)
    kurun_waktu = models.CharField(_("kurun waktu"), max_length=60)
    jumlah = models.CharField(_("jumlah"), max_length=60)
    lokasi_teks = models.CharField(_("lokasi"), max_length=300, blank=True)
    retensi_teks = models.CharField(_("retensi"), max_length=200)
    # [{"nama": ..., "ukuran": ..., "sha256": ...}] of the item's digital files.
    berkas = models.JSONField(_("berkas digital"), default=list, blank=True)

    class Meta:
        ordering = ["usul", "kode_klasifikasi", "id"]
        verbose_name = _("baris usul pemusnahan")
        verbose_name_plural = _("baris usul pemusnahan")
        constraints = [
            models.UniqueConstraint(
                fields=["item"],
                condition=Q(terbuka=True),
                name="arsip_satu_usul_terbuka_per_item",
            ),
            models.UniqueConstraint(fields=["usul", "item"], name="arsip_item_sekali_per_usul"),
        ]

    def __str__(self) -> str:
        return f"{self.kode_klasifikasi} {self.judul}"
