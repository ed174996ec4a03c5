"""Reports of the digital archive's upkeep: fixity checks and backups."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ppid_portal.models import StoredFile


class PemeriksaanArsip(models.Model):
    """One run of `periksa_arsip`: every stored file re-hashed, every file on disk accounted
    for."""

    class Hasil(models.TextChoices):
        BAIK = "baik", _("Baik")
        BERMASALAH = "bermasalah", _("Ada masalah")
        GAGAL = "gagal", _("Gagal dijalankan")

    mulai = models.DateTimeField(_("mulai"), default=timezone.now, db_index=True)
    selesai = models.DateTimeField(_("selesai"), null=True, blank=True)
    hasil = models.CharField(_("hasil"), max_length=12, choices=Hasil)
    jumlah_berkas = models.PositiveIntegerField(_("berkas diperiksa"), default=0)
    jumlah_bita = models.PositiveBigIntegerField(_("bita dibaca"), default=0)
    jumlah_masalah = models.PositiveIntegerField(_("jumlah masalah"), default=0)
    jumlah_dimusnahkan = models.PositiveIntegerField(_("berkas dimusnahkan (dilewati)"), default=0)
    pesan = models.TextField(_("pesan"), blank=True)

    class Meta:
        ordering = ["-mulai", "-id"]
        verbose_name = _("pemeriksaan keutuhan arsip")
        verbose_name_plural = _("pemeriksaan keutuhan arsip")
        constraints = [
            models.CheckConstraint(
                condition=Q(hasil__in=["baik", "bermasalah", "gagal"]),
                name="arsip_pemeriksaan_hasil_valid",
            )
        ]

    def __str__(self) -> str:
        return gettext("Pemeriksaan %(waktu)s: %(hasil)s") % {
            "waktu": f"{timezone.localtime(self.mulai):%d-%m-%Y %H:%M}",
            "hasil": self.get_hasil_display(),
        }

    def get_absolute_url(self) -> str:
        return reverse("arsip:pemeriksaan_detail", args=[self.pk])


class TemuanPemeriksaan(models.Model):
    """One problem found by a fixity run."""

    class Jenis(models.TextChoices):
        HILANG = "hilang", _("Berkas hilang")
        BERUBAH = "berubah", _("Isi berubah (SHA-256 atau ukuran berbeda)")
        KOSONG = "kosong", _("Berkas kosong (0 bita)")
        YATIM = "yatim", _("Berkas tanpa catatan (yatim)")
        SISA_MUSNAH = "sisa_musnah", _("Berkas yang sudah dimusnahkan masih ada")
        TIDAK_TERBACA = "tidak_terbaca", _("Berkas tidak dapat dibaca")

    pemeriksaan = models.ForeignKey(
        PemeriksaanArsip,
        verbose_name=_("pemeriksaan"),
        on_delete=models.CASCADE,
        related_name="temuan",
    )
    jenis = models.CharField(_("jenis temuan"), max_length=14, choices=Jenis)
    berkas = models.ForeignKey(
        StoredFile,
        verbose_name=_("berkas tercatat"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    path = models.CharField(_("lokasi di disk"), max_length=500)
    ukuran_tercatat = models.PositiveBigIntegerField(_("ukuran tercatat"), null=True, blank=True)
    ukuran_terbaca = models.PositiveBigIntegerField(_("ukuran terbaca"), null=True, blank=True)
    sha256_tercatat = models.CharField(_("SHA-256 tercatat"), max_length=64, blank=True)
    sha256_terbaca = models.CharField(_("SHA-256 terbaca"), max_length=64, blank=True)

    class Meta:
        ordering = ["pemeriksaan", "jenis", "path"]
        verbose_name = _("temuan pemeriksaan")
        verbose_name_plural = _("temuan pemeriksaan")

    def __str__(self) -> str:
        return f"{self.get_jenis_display()}: {self.path}"


class LaporanCadangan(models.Model):
    """One run of `backup`, `backup --verify` or `restore`, with its outcome."""

    class Jenis(models.TextChoices):
        CADANGAN = "cadangan", _("Pencadangan")
        VERIFIKASI = "verifikasi", _("Verifikasi")
        PEMULIHAN = "pemulihan", _("Pemulihan")

    class Hasil(models.TextChoices):
        BERHASIL = "berhasil", _("Berhasil")
        GAGAL = "gagal", _("Gagal")

    jenis = models.CharField(_("jenis"), max_length=12, choices=Jenis, default=Jenis.CADANGAN)
    mulai = models.DateTimeField(_("mulai"), default=timezone.now, db_index=True)
    selesai = models.DateTimeField(_("selesai"), null=True, blank=True)
    hasil = models.CharField(_("hasil"), max_length=10, choices=Hasil)
    bundel = models.CharField(_("bundel"), max_length=500, blank=True)
    ukuran = models.PositiveBigIntegerField(_("ukuran (bita)"), null=True, blank=True)
    jumlah_objek = models.PositiveIntegerField(_("jumlah baris basis data"), default=0)
    jumlah_berkas = models.PositiveIntegerField(_("jumlah berkas"), default=0)
    digest_manifest = models.CharField(_("SHA-256 manifest"), max_length=64, blank=True)
    pesan = models.TextField(_("pesan"), blank=True)

    class Meta:
        ordering = ["-mulai", "-id"]
        verbose_name = _("laporan cadangan")
        verbose_name_plural = _("laporan cadangan")
        constraints = [
            models.CheckConstraint(
                condition=Q(jenis__in=["cadangan", "verifikasi", "pemulihan"]),
                name="arsip_cadangan_jenis_valid",
            ),
            models.CheckConstraint(
                condition=Q(hasil__in=["berhasil", "gagal"]), name="arsip_cadangan_hasil_valid"
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(jenis)s %(waktu)s: %(hasil)s") % {
            "jenis": self.get_jenis_display(),
            "waktu": f"{timezone.localtime(self.mulai):%d-%m-%Y %H:%M}",
            "hasil": self.get_hasil_display(),
        }

    def get_absolute_url(self) -> str:
        return reverse("arsip:cadangan_list") + f"#cadangan-{self.pk}"
