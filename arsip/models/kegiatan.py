"""Dokumentasi kegiatan: records of the office's activities, meetings and decisions (seed 000,
"laporan pendokumentasian kegiatan")."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ppid_portal.models import StoredFile, UnitKerja

from .tautan import TautanBase


class Kegiatan(models.Model):
    """One activity, meeting or decision, with its minutes and decisions. Marked `publik`, it
    is shown on the website with its public attachments; otherwise it stays internal."""

    class Jenis(models.TextChoices):
        RAPAT = "rapat", _("Rapat")
        ACARA = "acara", _("Acara/kegiatan")
        KEPUTUSAN = "keputusan", _("Keputusan")
        LAYANAN = "layanan", _("Layanan informasi")
        LAINNYA = "lainnya", _("Lainnya")

    judul = models.CharField(_("judul"), max_length=250)
    jenis = models.CharField(_("jenis"), max_length=12, choices=Jenis, default=Jenis.RAPAT)
    tanggal = models.DateField(_("tanggal"))
    tempat = models.CharField(_("tempat"), max_length=200)
    unit = models.ForeignKey(
        UnitKerja,
        verbose_name=_("unit penyelenggara"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    peserta = models.TextField(_("peserta"), help_text=_("Satu nama atau jabatan per baris."))
    ringkasan = models.TextField(_("ringkasan / notulen"))
    keputusan = models.TextField(_("keputusan yang diambil"), blank=True)
    publik = models.BooleanField(
        _("tampilkan di situs publik"),
        default=False,
        help_text=_("Hanya kegiatan yang ditandai publik yang tampil di situs."),
    )
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
        ordering = ["-tanggal", "-id"]
        verbose_name = _("dokumentasi kegiatan")
        verbose_name_plural = _("dokumentasi kegiatan")
        indexes = [models.Index(fields=["publik", "tanggal"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(jenis__in=["rapat", "acara", "keputusan", "layanan", "lainnya"]),
                name="arsip_kegiatan_jenis_valid",
            )
        ]

    def __str__(self) -> str:
        return f"{self.judul} ({self.tanggal:%d-%m-%Y})"

    def get_absolute_url(self) -> str:
        """The public page; the staff page is `arsip:kegiatan_staf_detail`."""
        if self.publik:
            return reverse("arsip:kegiatan_publik_detail", args=[self.pk])
        return reverse("arsip:kegiatan_staf_detail", args=[self.pk])

    def peserta_list(self) -> list[str]:
        return [line.strip() for line in self.peserta.splitlines() if line.strip()]


class LampiranKegiatan(models.Model):
    """A photo, the minutes, or an audio/video recording of an activity."""

    class Jenis(models.TextChoices):
        FOTO = "foto", _("Foto")
        NOTULEN = "notulen", _("Notulen")
        REKAMAN = "rekaman", _("Rekaman audio/video")
        DOKUMEN = "dokumen", _("Dokumen terkait")

    kegiatan = models.ForeignKey(
        Kegiatan, verbose_name=_("kegiatan"), on_delete=models.PROTECT, related_name="lampiran"
    )
    berkas = models.OneToOneField(
        StoredFile, verbose_name=_("berkas"), on_delete=models.PROTECT, related_name="+"
    )
    jenis = models.CharField(_("jenis"), max_length=10, choices=Jenis, default=Jenis.FOTO)
    keterangan = models.CharField(_("keterangan"), max_length=200, blank=True)
    publik = models.BooleanField(
        _("boleh diunduh publik"),
        default=True,
        help_text=_("Berlaku bila kegiatannya ditandai publik."),
    )
    created_at = models.DateTimeField(_("diunggah"), default=timezone.now)

    class Meta:
        ordering = ["jenis", "created_at", "id"]
        verbose_name = _("lampiran kegiatan")
        verbose_name_plural = _("lampiran kegiatan")
        constraints = [
            models.CheckConstraint(
                condition=Q(jenis__in=["foto", "notulen", "rekaman", "dokumen"]),
                name="arsip_lampiran_jenis_valid",
            )
        ]

    def __str__(self) -> str:
        return self.keterangan or self.berkas.original_name

    @property
    def is_image(self) -> bool:
        return self.berkas.content_type in ("image/png", "image/jpeg")


class TautanKegiatan(TautanBase):
    """An activity record linked to a DIP entry or a request (for example the coordination
    meeting that prepared a DIP entry)."""

    kegiatan = models.ForeignKey(
        Kegiatan, verbose_name=_("kegiatan"), on_delete=models.CASCADE, related_name="tautan"
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("tautan kegiatan")
        verbose_name_plural = _("tautan kegiatan")
        constraints = [
            models.UniqueConstraint(
                fields=["kegiatan", "content_type", "object_id"], name="arsip_tautan_kegiatan_unik"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]
