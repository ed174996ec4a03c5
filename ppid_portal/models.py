"""Models every app shares: users and their unit, units, the audit trail, stored files and the
working-day calendar."""

from __future__ import annotations

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UnitKerja(models.Model):
    """A sub-bagian, satuan kerja or PPID Pelaksana/Pembantu that holds information."""

    class Jenis(models.TextChoices):
        SUB_BAGIAN = "sub_bagian", _("Sub-bagian")
        SATUAN_KERJA = "satuan_kerja", _("Satuan kerja")
        PPID_PELAKSANA = "ppid_pelaksana", _("PPID Pelaksana/Pembantu")

    kode = models.SlugField(_("kode"), max_length=40, unique=True)
    nama = models.CharField(_("nama unit"), max_length=200, unique=True)
    jenis = models.CharField(_("jenis"), max_length=20, choices=Jenis, default=Jenis.SUB_BAGIAN)
    kepala = models.CharField(_("pejabat yang menguasai"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail unit"), blank=True)
    aktif = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["nama"]
        verbose_name = _("unit kerja")
        verbose_name_plural = _("unit kerja")

    def __str__(self) -> str:
        return self.nama


class User(AbstractUser):
    """A portal account: staff in one or more role groups, or a citizen (Pemohon) with none."""

    unit = models.ForeignKey(
        UnitKerja,
        verbose_name=_("unit kerja"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="anggota",
        help_text=_("Wajib untuk Penyedia Informasi: unit yang informasinya ia kelola."),
    )
    jabatan = models.CharField(_("jabatan"), max_length=200, blank=True)
    telepon = models.CharField(_("telepon"), max_length=30, blank=True)

    class Meta(AbstractUser.Meta):
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ValidationError(_("Jejak audit tidak dapat diubah."))

    def delete(self):
        raise ValidationError(_("Jejak audit tidak dapat dihapus."))


class AuditLog(models.Model):
    """One state change (or sensitive read) of any object. Append-only through the application.

    Write it with `ppid_portal.audit.record()`, never directly.
    """

    created_at = models.DateTimeField(_("waktu"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pelaku"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept as text too: the record must still say who acted after an account is removed, and
    # a citizen without an account or a cron job is an actor too.
    actor_label = models.CharField(_("nama pelaku"), max_length=200)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("jenis objek"), on_delete=models.PROTECT, related_name="+"
    )
    object_id = models.CharField(_("ID objek"), max_length=64, db_index=True)
    object_repr = models.CharField(_("objek"), max_length=300)
    action = models.CharField(_("tindakan"), max_length=80, db_index=True)
    from_state = models.CharField(_("dari status"), max_length=60, blank=True)
    to_state = models.CharField(_("ke status"), max_length=60, blank=True)
    note = models.TextField(_("catatan"), blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"])]
        verbose_name = _("jejak audit")
        verbose_name_plural = _("jejak audit")

    def __str__(self) -> str:
        # The office's time, as the audit trail viewer shows it (ppid_portal/dates.py).
        when = timezone.localtime(self.created_at)
        return f"{when:%Y-%m-%d %H:%M} {self.actor_label}: {self.action} {self.object_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            raise ValidationError(_("Jejak audit tidak dapat diubah."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Jejak audit tidak dapat dihapus."))


def _stored_file_path(instance: StoredFile, filename: str) -> str:
    # The stored name is random: nothing a citizen typed ends up in a path on disk.
    suffix = PurePosixPath(filename).suffix.lower()[:10]
    now = timezone.now()
    return f"berkas/{now:%Y/%m}/{uuid.uuid4().hex}{suffix}"


class StoredFile(models.Model):
    """Every uploaded file of the portal, with its digest recorded at upload.

    Originals are never rewritten: a new version is a new StoredFile. Which file a person may
    download is decided by the object that refers to it (a DIP document, a request, ...).
    """

    class Purpose(models.TextChoices):
        DOKUMEN_DIP = "dokumen_dip", _("Dokumen DIP")
        IDENTITAS = "identitas", _("Dokumen identitas pemohon")
        PERMOHONAN = "permohonan", _("Dokumen permohonan")
        JAWABAN = "jawaban", _("Dokumen jawaban")
        ARSIP = "arsip", _("Pindaian arsip")
        KEGIATAN = "kegiatan", _("Dokumentasi kegiatan")
        LAINNYA = "lainnya", _("Lainnya")

    file = models.FileField(_("berkas"), upload_to=_stored_file_path, max_length=300)
    original_name = models.CharField(_("nama asli"), max_length=255)
    content_type = models.CharField(_("jenis isi"), max_length=120)
    size = models.PositiveBigIntegerField(_("ukuran (bita)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    purpose = models.CharField(_("kegunaan"), max_length=20, choices=Purpose)
    # Sensitive files (identity scans, excepted originals) have every read written to the audit
    # trail.
    sensitive = models.BooleanField(_("sensitif"), default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diunggah oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("waktu unggah"), default=timezone.now)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("berkas tersimpan")
        verbose_name_plural = _("berkas tersimpan")

    def __str__(self) -> str:
        return self.original_name

    def save(self, *args, **kwargs):
        if self.pk is not None:
            stored = StoredFile.objects.filter(pk=self.pk).values("file", "sha256", "size").first()
            if stored and (
                stored["file"] != self.file.name
                or stored["sha256"] != self.sha256
                or stored["size"] != self.size
            ):
                raise ValidationError(
                    _("Berkas asli tidak boleh ditimpa; unggah versi baru sebagai berkas baru.")
                )
        super().save(*args, **kwargs)


class HariLibur(models.Model):
    """A day in the office calendar that differs from Monday–Friday.

    `libur=True` makes a weekday a non-working day (national holiday, cuti bersama, office
    holiday); `libur=False` turns a day the `holidays` package lists back into a working day
    (a decree can move a cuti bersama).
    """

    class Sumber(models.TextChoices):
        NASIONAL = "nasional", _("Libur nasional / cuti bersama (paket holidays)")
        KANTOR = "kantor", _("Ditetapkan kantor")

    tanggal = models.DateField(_("tanggal"), unique=True)
    nama = models.CharField(_("keterangan"), max_length=200)
    libur = models.BooleanField(
        _("hari libur"),
        default=True,
        help_text=_("Hapus centang untuk menjadikan tanggal ini hari kerja."),
    )
    sumber = models.CharField(_("sumber"), max_length=10, choices=Sumber, default=Sumber.KANTOR)
    catatan = models.TextField(_("catatan"), blank=True)

    class Meta:
        ordering = ["tanggal"]
        verbose_name = _("hari libur")
        verbose_name_plural = _("kalender hari libur")

    def __str__(self) -> str:
        return f"{self.tanggal:%d-%m-%Y} {self.nama}"


class KalenderTahun(models.Model):
    """Marks a year whose national holidays have been copied from the `holidays` package, so a
    day the PPID removed is not copied back."""

    tahun = models.PositiveSmallIntegerField(unique=True)
    diisi_pada = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("tahun kalender")
        verbose_name_plural = _("tahun kalender")

    def __str__(self) -> str:
        return str(self.tahun)


class NomorUrut(models.Model):
    """The last number issued in one series and year: the one counter behind every numbered
    document of the portal (nomor pendaftaran, keberatan, pemberitahuan tertulis, penetapan,
    berita acara, ...). Only `ppid_portal.numbering` changes it, with the row locked in the
    transaction that stores the number, so each series is unique and gapless.

    `tahun` is 0 for a series that never restarts (DIP versions). A federation of offices will
    add the office to the key; `numbering` is the only code that would change with it."""

    seri = models.CharField(_("seri"), max_length=40)
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    terakhir = models.PositiveIntegerField(_("nomor terakhir"), default=0)

    class Meta:
        ordering = ["seri", "-tahun"]
        verbose_name = _("nomor urut")
        verbose_name_plural = _("nomor urut")
        constraints = [
            models.UniqueConstraint(fields=["seri", "tahun"], name="portal_nomor_urut_unik")
        ]

    def __str__(self) -> str:
        return f"{self.seri} {self.tahun}: {self.terakhir}"


class HalamanPortal(models.Model):
    """A page of the public website that the office writes itself (profil PPID, maklumat
    pelayanan, ...). Text is plain: paragraphs and line breaks, no HTML, so nothing typed into it
    can break the page."""

    class Jenis(models.TextChoices):
        PROFIL = "profil", _("Profil PPID")
        STRUKTUR = "struktur-organisasi", _("Struktur organisasi")
        TUGAS = "tugas-dan-fungsi", _("Tugas dan fungsi")
        MAKLUMAT = "maklumat-pelayanan", _("Maklumat pelayanan")
        BIAYA = "biaya-layanan", _("Biaya layanan")
        JAM = "jam-layanan", _("Jam layanan")
        KONTAK = "kontak", _("Kontak")

    slug = models.SlugField(_("halaman"), max_length=40, unique=True, choices=Jenis)
    judul = models.CharField(_("judul"), max_length=200)
    ringkasan = models.CharField(
        _("ringkasan"),
        max_length=300,
        blank=True,
        help_text=_("Satu kalimat untuk mesin pencari dan pratinjau tautan."),
    )
    isi = models.TextField(_("isi"), help_text=_("Teks biasa; baris kosong memisahkan paragraf."))
    judul_en = models.CharField(_("judul (bahasa Inggris)"), max_length=200, blank=True)
    isi_en = models.TextField(_("isi (bahasa Inggris)"), blank=True)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    diperbarui_pada = models.DateTimeField(_("diperbarui pada"), auto_now=True)
    diperbarui_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diperbarui oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["urutan", "slug"]
        verbose_name = _("halaman portal")
        verbose_name_plural = _("halaman portal")

    def __str__(self) -> str:
        return self.judul

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("portal:halaman", args=[self.slug])


class DokumenRegulasi(models.Model):
    """A regulation or SOP the office publishes in its list of regulations, with its file."""

    class Jenis(models.TextChoices):
        UNDANG_UNDANG = "uu", _("Undang-undang")
        PERATURAN_PEMERINTAH = "pp", _("Peraturan pemerintah")
        PERATURAN_KI = "perki", _("Peraturan Komisi Informasi")
        PERATURAN_LAIN = "peraturan", _("Peraturan lain")
        KEPUTUSAN = "sk", _("Surat keputusan")
        SOP = "sop", _("Standar operasional prosedur")

    jenis = models.CharField(_("jenis"), max_length=12, choices=Jenis)
    nomor = models.CharField(_("nomor"), max_length=120)
    judul = models.CharField(_("judul / tentang"), max_length=300)
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    keterangan = models.TextField(_("keterangan"), blank=True)
    berkas = models.ForeignKey(
        StoredFile,
        verbose_name=_("berkas"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    tautan = models.URLField(_("tautan resmi"), blank=True)
    aktif = models.BooleanField(
        _("ditampilkan"), default=True, help_text=_("Hapus centang untuk menyembunyikan.")
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["urutan", "jenis", "-tahun", "nomor"]
        verbose_name = _("dokumen regulasi")
        verbose_name_plural = _("regulasi dan SOP")

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.nomor}: {self.judul}"


class KunjunganHarian(models.Model):
    """Page views per day, counted by the portal itself. No address, no cookie, no path with a
    query string: only a date, a site section and a number."""

    tanggal = models.DateField(_("tanggal"))
    bagian = models.CharField(_("bagian situs"), max_length=40)
    jumlah = models.PositiveIntegerField(_("jumlah tampilan"), default=0)

    class Meta:
        ordering = ["-tanggal", "bagian"]
        constraints = [
            models.UniqueConstraint(fields=["tanggal", "bagian"], name="kunjungan_unik_per_hari")
        ]
        verbose_name = _("kunjungan harian")
        verbose_name_plural = _("kunjungan harian")

    def __str__(self) -> str:
        return f"{self.tanggal} {self.bagian}: {self.jumlah}"


class EmailKeluar(models.Model):
    """One outgoing e-mail to one recipient (the outbox of every app).

    Written by `ppid_portal.outbox.queue()` inside the transaction of the step that causes it
    (a rolled-back step leaves no row) and sent after that transaction commits. A send that
    fails keeps the row as GAGAL with the error; `manage.py kirim_ulang_email` and the PPID's
    page `/staf/email/` try again. The body and attachments are removed once the message is
    sent: they carry citizens' personal data and, on receipts, the tracking code whose digest
    alone is stored elsewhere.
    """

    class Status(models.TextChoices):
        MENUNGGU = "menunggu", _("Menunggu dikirim")
        TERKIRIM = "terkirim", _("Terkirim")
        GAGAL = "gagal", _("Gagal terkirim")

    penerima = models.EmailField(_("penerima"), max_length=254)
    subjek = models.CharField(_("subjek"), max_length=300)
    isi = models.TextField(_("isi"), blank=True)
    templat = models.CharField(_("templat"), max_length=120, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.MENUNGGU, db_index=True
    )
    percobaan = models.PositiveIntegerField(_("jumlah percobaan"), default=0)
    galat_terakhir = models.TextField(_("galat terakhir"), blank=True)
    dibuat_pada = models.DateTimeField(_("dibuat pada"), default=timezone.now, db_index=True)
    dicoba_pada = models.DateTimeField(_("percobaan terakhir"), null=True, blank=True)
    dikirim_pada = models.DateTimeField(_("dikirim pada"), null=True, blank=True)
    # A sender (the on-commit hook, the command, the PPID's button) claims a row until this
    # time, so two of them never send the same message; no database lock is held while the
    # mail server answers (SQLite would stop every writer meanwhile).
    diklaim_sampai = models.DateTimeField(null=True, blank=True, editable=False)
    # Which object the message is about (a request, an objection, a DIP entry, ...).
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("jenis objek"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    object_id = models.CharField(_("ID objek"), max_length=64, blank=True)
    perihal = models.CharField(_("perihal"), max_length=300, blank=True)

    class Meta:
        ordering = ["-dibuat_pada", "-id"]
        indexes = [models.Index(fields=["status", "dibuat_pada"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["menunggu", "terkirim", "gagal"]),
                name="emailkeluar_status_valid",
            )
        ]
        verbose_name = _("e-mail keluar")
        verbose_name_plural = _("e-mail keluar")

    def __str__(self) -> str:
        # No address and no body: this text goes into the audit trail.
        return f"E-mail #{self.pk}: {self.subjek}"


class LampiranEmailKeluar(models.Model):
    """An attachment of an outgoing e-mail (a written notice as PDF, ...), kept in the
    database so that it shares the transaction of its message."""

    email = models.ForeignKey(EmailKeluar, on_delete=models.CASCADE, related_name="lampiran")
    nama = models.CharField(_("nama berkas"), max_length=255)
    jenis = models.CharField(_("jenis isi"), max_length=120)
    isi = models.BinaryField(_("isi"))

    class Meta:
        ordering = ["id"]
        verbose_name = _("lampiran e-mail keluar")
        verbose_name_plural = _("lampiran e-mail keluar")

    def __str__(self) -> str:
        return self.nama
