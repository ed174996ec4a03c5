"""Excepted information (UU 14/2008 Ps 17): the consequence test (uji konsekuensi), its
participants' sign-offs, the PPID's decree (penetapan) approved by the Atasan PPID, and the
decisions that open excepted information again.

Every `.status` here is assigned only by `informasi.workflow`. A sheet signed by all its
participants is frozen: `UjiKonsekuensi.save()` refuses any change to its content, and its
participants can no longer be changed.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from ppid_portal import related
from ppid_portal.models import StoredFile, UnitKerja

from .. import pengecualian
from .dip import DokumenInformasi, InformasiPublik, Kategori

# What excepted information becomes when it is opened: any category but dikecualikan.
KATEGORI_TERBUKA = [(value, label) for value, label in Kategori.choices if value != "dikecualikan"]
# UU 14/2008 Ps 20(1): only grounds g–j may be permanent, and only where the law allows it.
PERMANENT_GROUNDS = sorted(set(pengecualian.Alasan.values) - pengecualian.TIME_LIMITED)


class Cakupan(models.TextChoices):
    SELURUHNYA = "seluruhnya", _("Dikecualikan seluruhnya")
    SEBAGIAN = "sebagian", _("Dikecualikan sebagian")


class Kesimpulan(models.TextChoices):
    DIKECUALIKAN = "dikecualikan", _("Dikecualikan")
    TERBUKA = "terbuka", _("Terbuka (dapat diberikan)")


class UjiKonsekuensi(models.Model):
    """The consequence-test sheet: what is excepted and why, weighed against the public interest,
    signed by every participant (PPID, Tim Pertimbangan, the unit, outside experts)."""

    class Status(models.TextChoices):
        DRAF = "draf", _("Draf (dapat direvisi)")
        DIEDARKAN = "diedarkan", _("Diedarkan untuk ditandatangani")
        SELESAI = "selesai", _("Selesai (ditandatangani semua peserta)")
        DIBATALKAN = "dibatalkan", _("Dibatalkan")

    Cakupan = Cakupan
    Kesimpulan = Kesimpulan

    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.DRAF, db_index=True
    )
    # What is tested: a DIP entry, or the information asked for in a request (or both). The
    # request itself is recorded by the requests app, which points at the sheet (layers point
    # one way); here only the fact that the sheet tests requested information.
    informasi = models.ForeignKey(
        InformasiPublik,
        verbose_name=_("entri DIP"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="uji_konsekuensi",
    )
    atas_permintaan = models.BooleanField(
        _("menguji informasi yang diminta pemohon"),
        default=False,
        help_text=_("Uji atas informasi yang diminta dalam sebuah permohonan informasi."),
    )
    unit = models.ForeignKey(
        UnitKerja,
        verbose_name=_("unit yang menguasai informasi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    usulan = models.TextField(_("alasan usulan"), blank=True)
    diusulkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diusulkan oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diusulkan_pada = models.DateTimeField(_("diusulkan pada"))

    # The sheet (internal: only `uraian_publik`, the ground, the period and the scope ever reach
    # the public register).
    judul_informasi = models.CharField(_("informasi yang diuji"), max_length=300)
    uraian_publik = models.TextField(
        _("uraian untuk daftar informasi yang dikecualikan"),
        blank=True,
        help_text=_(
            "Diumumkan kepada publik. Tulis uraian yang tidak mengungkap isi informasi yang "
            "dikecualikan (misalnya: “Berkas pemeriksaan disiplin pegawai Tahun 2025”)."
        ),
    )
    cakupan = models.CharField(
        _("cakupan pengecualian"), max_length=12, choices=Cakupan, default=Cakupan.SELURUHNYA
    )
    bagian_dikecualikan = models.TextField(
        _("bagian yang dikecualikan"),
        blank=True,
        help_text=_("Dokumen dan bagian persis yang dikecualikan (halaman, kolom, paragraf)."),
    )
    alasan = models.CharField(
        _("dasar pengecualian (Pasal 17)"), max_length=1, choices=pengecualian.Alasan, blank=True
    )
    dasar_hukum_lain = models.TextField(
        _("dasar hukum lain (undang-undang, pasal, dan bunyinya)"), blank=True
    )
    konsekuensi = models.TextField(_("konsekuensi (kerugian) bila informasi dibuka"), blank=True)
    kepentingan_publik = models.TextField(
        _("kepentingan publik untuk membuka informasi"), blank=True
    )
    pertimbangan = models.TextField(
        _("pertimbangan (menimbang konsekuensi dan kepentingan publik)"), blank=True
    )
    kesimpulan = models.CharField(_("kesimpulan"), max_length=12, choices=Kesimpulan, blank=True)
    permanen = models.BooleanField(
        _("dikecualikan tanpa batas waktu"),
        default=False,
        help_text=_("Hanya untuk Pasal 17 huruf g–j, dan hanya bila undang-undang mengaturnya."),
    )
    berakhir_pada = models.DateField(
        _("jangka waktu pengecualian berakhir pada"),
        null=True,
        blank=True,
        help_text=_("Hari terakhir informasi dikecualikan."),
    )
    kategori_terbuka = models.CharField(
        _("kategori bila dibuka"),
        max_length=20,
        choices=KATEGORI_TERBUKA,
        default=Kategori.SETIAP_SAAT,
        help_text=_("Kategori DIP informasi ini setelah pengecualian berakhir."),
    )
    catatan_internal = models.TextField(_("catatan internal"), blank=True)
    tanggal_uji = models.DateField(_("tanggal uji konsekuensi"))
    tempat_uji = models.CharField(_("tempat uji konsekuensi"), max_length=200, blank=True)
    berkas_asli = models.ForeignKey(
        StoredFile,
        verbose_name=_("dokumen yang diuji (asli)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    revisi = models.PositiveIntegerField(_("revisi ke"), default=0)
    diubah_pada = models.DateTimeField(_("diubah pada"))
    diedarkan_pada = models.DateTimeField(_("diedarkan pada"), null=True, blank=True)
    selesai_pada = models.DateTimeField(_("selesai pada"), null=True, blank=True)
    dibatalkan_pada = models.DateTimeField(_("dibatalkan pada"), null=True, blank=True)
    alasan_pembatalan = models.TextField(_("alasan pembatalan"), blank=True)

    # Fields the participants sign; after the last signature none of them changes.
    CONTENT_FIELDS: tuple[str, ...] = (
        "judul_informasi",
        "uraian_publik",
        "cakupan",
        "bagian_dikecualikan",
        "alasan",
        "dasar_hukum_lain",
        "konsekuensi",
        "kepentingan_publik",
        "pertimbangan",
        "kesimpulan",
        "permanen",
        "berakhir_pada",
        "kategori_terbuka",
        "catatan_internal",
        "tanggal_uji",
        "tempat_uji",
        "berkas_asli_id",
        "informasi_id",
        "unit_id",
    )
    # Later layers' records about the sheet that are signed with it (`ppid_portal.related`):
    # the requests app gives the request the test was started from.
    RELATED_SLOT = "informasi.uji"
    # Unchanged after the last signature as well, though not part of the signed digest.
    FROZEN_FIELDS: tuple[str, ...] = (*CONTENT_FIELDS, "atas_permintaan")
    FROZEN_STATES = ("selesai",)

    class Meta:
        ordering = ["-diusulkan_pada", "-id"]
        verbose_name = _("uji konsekuensi")
        verbose_name_plural = _("uji konsekuensi")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draf", "diedarkan", "selesai", "dibatalkan"]),
                name="informasi_uji_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(alasan__in=["", *pengecualian.Alasan.values]),
                name="informasi_uji_alasan_valid",
            ),
            models.CheckConstraint(
                condition=Q(kesimpulan__in=["", "dikecualikan", "terbuka"]),
                name="informasi_uji_kesimpulan_valid",
            ),
            models.CheckConstraint(
                condition=Q(cakupan__in=["seluruhnya", "sebagian"]),
                name="informasi_uji_cakupan_valid",
            ),
            models.CheckConstraint(
                condition=Q(kategori_terbuka__in=[v for v, _l in KATEGORI_TERBUKA]),
                name="informasi_uji_kategori_terbuka_valid",
            ),
            # What is tested: a DIP entry or the information a request asks for.
            models.CheckConstraint(
                condition=Q(informasi__isnull=False) | Q(atas_permintaan=True),
                name="informasi_uji_objek",
            ),
            # UU 14/2008 Ps 20(1): a–f are never permanent; a period is permanent or ends.
            models.CheckConstraint(
                condition=Q(permanen=False) | Q(alasan__in=PERMANENT_GROUNDS),
                name="informasi_uji_permanen_hanya_g_j",
            ),
            models.CheckConstraint(
                condition=Q(permanen=False) | Q(berakhir_pada__isnull=True),
                name="informasi_uji_permanen_tanpa_tanggal",
            ),
            # A completed sheet has a conclusion; an exception has its ground and period.
            models.CheckConstraint(
                condition=~Q(status="selesai") | ~Q(kesimpulan=""),
                name="informasi_uji_selesai_berkesimpulan",
            ),
            models.CheckConstraint(
                condition=~Q(status="selesai")
                | Q(kesimpulan="terbuka")
                | (~Q(alasan="") & (Q(permanen=True) | Q(berakhir_pada__isnull=False))),
                name="informasi_uji_pengecualian_lengkap",
            ),
            # One open sheet at a time per entry (per request: on the requests app's link).
            models.UniqueConstraint(
                fields=["informasi"],
                condition=Q(status__in=["draf", "diedarkan"], informasi__isnull=False),
                name="informasi_uji_satu_terbuka_per_entri",
            ),
        ]

    def __str__(self) -> str:
        return _("Uji konsekuensi #%(n)s: %(judul)s") % {
            "n": self.pk,
            "judul": Truncator(self.judul_informasi).chars(80),
        }

    def save(self, *args, **kwargs):
        if self.pk is not None:
            stored = (
                UjiKonsekuensi.objects.filter(pk=self.pk)
                .values("status", *self.FROZEN_FIELDS)
                .first()
            )
            if stored and stored["status"] in self.FROZEN_STATES:
                changed = [n for n in self.FROZEN_FIELDS if stored[n] != getattr(self, n)]
                if changed or self.status != stored["status"]:
                    raise ValidationError(
                        _(
                            "Lembar uji konsekuensi yang sudah ditandatangani semua peserta "
                            "tidak dapat diubah."
                        )
                    )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("informasi:uji-detail", args=[self.pk])

    @property
    def editable(self) -> bool:
        return self.status == self.Status.DRAF

    @property
    def dasar_pengecualian(self) -> str:
        return pengecualian.short_label(self.alasan)

    def content(self) -> dict:
        data = {name: getattr(self, name) for name in self.CONTENT_FIELDS}
        # The request a test was started from is signed too (it was a column of this table
        # until the requests app took the link over; the digests of sheets signed then stay).
        extra = related.attributes(self.RELATED_SLOT, self)
        clash = data.keys() & extra.keys()
        if clash:
            raise ValueError(f"related attributes {sorted(clash)} shadow the sheet's own fields")
        data.update(extra)
        return data

    def content_digest(self) -> str:
        """SHA-256 of what the participants sign (the content and the revision number)."""
        data = {name: _plain(value) for name, value in self.content().items()}
        data["revisi"] = self.revisi
        raw = json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")
        return hashlib.sha256(raw).hexdigest()


def _plain(value):
    if isinstance(value, date):
        return value.isoformat()
    return value


class PesertaUji(models.Model):
    """A participant of a consequence test, and their sign-off of the sheet's content."""

    class Peran(models.TextChoices):
        PPID = "ppid", _("PPID")
        TIM_PERTIMBANGAN = "tim_pertimbangan", _("Tim Pertimbangan")
        UNIT = "unit", _("Unit yang menguasai informasi")
        PEMBINA = "pembina", _("Pembina PPID")
        AHLI = "ahli", _("Ahli dari luar")

    uji = models.ForeignKey(
        UjiKonsekuensi, verbose_name=_("uji"), on_delete=models.CASCADE, related_name="peserta"
    )
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun peserta"),
        on_delete=models.PROTECT,
        related_name="peserta_uji",
    )
    peran = models.CharField(_("peran dalam uji"), max_length=20, choices=Peran)
    nama = models.CharField(_("nama"), max_length=200)
    jabatan = models.CharField(_("jabatan / keahlian"), max_length=200, blank=True)
    ditambahkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    ditambahkan_pada = models.DateTimeField(_("ditambahkan pada"))
    ditandatangani_pada = models.DateTimeField(_("ditandatangani pada"), null=True, blank=True)
    # The digest of the content signed: a signature belongs to one revision of the sheet.
    sidik = models.CharField(_("sidik isi yang ditandatangani"), max_length=64, blank=True)
    catatan = models.TextField(_("catatan peserta"), blank=True)

    class Meta:
        ordering = ["ditambahkan_pada", "id"]
        verbose_name = _("peserta uji konsekuensi")
        verbose_name_plural = _("peserta uji konsekuensi")
        constraints = [
            models.UniqueConstraint(fields=["uji", "pengguna"], name="informasi_peserta_unik"),
            models.CheckConstraint(
                condition=Q(peran__in=["ppid", "tim_pertimbangan", "unit", "pembina", "ahli"]),
                name="informasi_peserta_peran_valid",
            ),
            models.CheckConstraint(
                condition=Q(ditandatangani_pada__isnull=True, sidik="")
                | Q(ditandatangani_pada__isnull=False) & ~Q(sidik=""),
                name="informasi_peserta_tanda_tangan_bersidik",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.get_peran_display()})"

    def save(self, *args, **kwargs):
        status = UjiKonsekuensi.objects.filter(pk=self.uji_id).values_list("status", flat=True)
        if status and status[0] in UjiKonsekuensi.FROZEN_STATES:
            raise ValidationError(
                _("Peserta uji konsekuensi yang sudah selesai tidak dapat diubah.")
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        status = UjiKonsekuensi.objects.filter(pk=self.uji_id).values_list("status", flat=True)
        if status and status[0] in UjiKonsekuensi.FROZEN_STATES:
            raise ValidationError(
                _("Peserta uji konsekuensi yang sudah selesai tidak dapat diubah.")
            )
        return super().delete(*args, **kwargs)

    @property
    def sudah_menandatangani(self) -> bool:
        return self.ditandatangani_pada is not None


class PenetapanPengecualian(models.Model):
    """The PPID's numbered decree that information is excepted (Perki 1/2021: who, unit, what,
    the reason by law and consequence, the period, place and date), approved by the Atasan PPID.
    In force, it is listed in the public register of excepted information (metadata only)."""

    class Status(models.TextChoices):
        MENUNGGU = "menunggu", _("Menunggu persetujuan Atasan PPID")
        BERLAKU = "berlaku", _("Berlaku")
        DITOLAK = "ditolak", _("Tidak disetujui Atasan PPID")
        DIGANTIKAN = "digantikan", _("Digantikan penetapan baru")
        BERAKHIR = "berakhir", _("Berakhir (jangka waktu habis)")
        DIBUKA = "dibuka", _("Dibuka sebelum jangka waktu berakhir")

    class Prioritas(models.IntegerChoices):
        TINGGI = 1, _("Tinggi")
        SEDANG = 2, _("Sedang")
        RENDAH = 3, _("Rendah")

    # The series of `urut`, counted per year of the decree (ppid_portal.numbering).
    SERI_NOMOR = "informasi.penetapan"

    uji = models.ForeignKey(
        UjiKonsekuensi,
        verbose_name=_("uji konsekuensi"),
        on_delete=models.PROTECT,
        related_name="penetapan_set",
    )
    informasi = models.ForeignKey(
        InformasiPublik,
        verbose_name=_("entri DIP"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="penetapan_pengecualian",
    )
    unit = models.ForeignKey(
        UnitKerja,
        verbose_name=_("unit yang menguasai informasi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.MENUNGGU, db_index=True
    )
    nomor = models.CharField(_("nomor penetapan"), max_length=80, unique=True)
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    urut = models.PositiveIntegerField(_("nomor urut"))
    tanggal = models.DateField(_("tanggal penetapan"))
    tempat = models.CharField(_("tempat penetapan"), max_length=120)
    # Copied from the frozen sheet, so the register reads one table.
    uraian_publik = models.TextField(_("uraian untuk daftar informasi yang dikecualikan"))
    alasan = models.CharField(
        _("dasar pengecualian (Pasal 17)"), max_length=1, choices=pengecualian.Alasan
    )
    dasar_hukum_lain = models.TextField(_("dasar hukum lain"), blank=True)
    cakupan = models.CharField(_("cakupan pengecualian"), max_length=12, choices=Cakupan)
    permanen = models.BooleanField(_("tanpa batas waktu"), default=False)
    berakhir_pada = models.DateField(_("berlaku sampai"), null=True, blank=True, db_index=True)
    kategori_terbuka = models.CharField(
        _("kategori bila dibuka"), max_length=20, choices=KATEGORI_TERBUKA
    )

    nama_ppid = models.CharField(_("nama PPID"), max_length=200)
    jabatan_ppid = models.CharField(_("jabatan PPID"), max_length=200)
    diterbitkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    diterbitkan_pada = models.DateTimeField(_("diterbitkan pada"))
    disetujui_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    disetujui_pada = models.DateTimeField(_("disetujui pada"), null=True, blank=True)
    nama_atasan = models.CharField(_("nama Atasan PPID"), max_length=200, blank=True)
    jabatan_atasan = models.CharField(_("jabatan Atasan PPID"), max_length=200, blank=True)
    catatan_persetujuan = models.TextField(_("catatan Atasan PPID"), blank=True)
    ditolak_pada = models.DateTimeField(_("ditolak pada"), null=True, blank=True)
    alasan_penolakan = models.TextField(_("alasan tidak disetujui"), blank=True)
    ditutup_pada = models.DateTimeField(_("berakhir/dibuka pada"), null=True, blank=True)
    diubah_pada = models.DateTimeField(_("diubah pada"), db_index=True)

    # Excepted in part: the redacted document the PPID uploads is what the DIP publishes; the
    # originals are taken off the entry and kept sensitive (every read audited).
    berkas_sensor = models.ForeignKey(
        StoredFile,
        verbose_name=_("dokumen yang sudah dihitamkan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    dokumen_sensor = models.ForeignKey(
        DokumenInformasi,
        verbose_name=_("dokumen DIP yang dihitamkan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    dokumen_dikecualikan = models.ManyToManyField(
        DokumenInformasi,
        verbose_name=_("dokumen asli yang dikecualikan"),
        blank=True,
        related_name="penetapan_pengecualian",
    )
    # The signed decree with the test sheet attached, rendered when the Atasan approves it.
    berkas_pdf = models.ForeignKey(
        StoredFile, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    # The PPID's queue before the period ends (seed 004: up to 30 working days before, by
    # priority); set by `periksa_pengecualian`.
    antrean_pada = models.DateField(_("masuk antrean pada"), null=True, blank=True)
    prioritas = models.PositiveSmallIntegerField(
        _("prioritas"), choices=Prioritas, null=True, blank=True
    )

    class Meta:
        ordering = ["-tahun", "-urut"]
        verbose_name = _("penetapan informasi yang dikecualikan")
        verbose_name_plural = _("penetapan informasi yang dikecualikan")
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    status__in=[
                        "menunggu",
                        "berlaku",
                        "ditolak",
                        "digantikan",
                        "berakhir",
                        "dibuka",
                    ]
                ),
                name="informasi_penetapan_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(alasan__in=pengecualian.Alasan.values),
                name="informasi_penetapan_alasan_valid",
            ),
            models.CheckConstraint(
                condition=Q(cakupan__in=["seluruhnya", "sebagian"]),
                name="informasi_penetapan_cakupan_valid",
            ),
            models.CheckConstraint(
                condition=(Q(permanen=True) & Q(berakhir_pada__isnull=True))
                | (Q(permanen=False) & Q(berakhir_pada__isnull=False)),
                name="informasi_penetapan_jangka_waktu",
            ),
            models.CheckConstraint(
                condition=Q(permanen=False) | Q(alasan__in=PERMANENT_GROUNDS),
                name="informasi_penetapan_permanen_hanya_g_j",
            ),
            models.CheckConstraint(
                condition=Q(prioritas__isnull=True) | Q(prioritas__in=[1, 2, 3]),
                name="informasi_penetapan_prioritas_valid",
            ),
            models.UniqueConstraint(fields=["tahun", "urut"], name="informasi_penetapan_urut"),
            # One decree per sheet (a refused one may be issued again).
            models.UniqueConstraint(
                fields=["uji"],
                condition=~Q(status="ditolak"),
                name="informasi_penetapan_satu_per_uji",
            ),
            # At most one decree in force, and one awaiting approval, per DIP entry.
            models.UniqueConstraint(
                fields=["informasi"],
                condition=Q(status="berlaku", informasi__isnull=False),
                name="informasi_penetapan_satu_berlaku_per_entri",
            ),
            models.UniqueConstraint(
                fields=["informasi"],
                condition=Q(status="menunggu", informasi__isnull=False),
                name="informasi_penetapan_satu_menunggu_per_entri",
            ),
        ]

    def __str__(self) -> str:
        return _("Penetapan %(nomor)s") % {"nomor": self.nomor}

    def get_absolute_url(self) -> str:
        return reverse("informasi:penetapan-detail", args=[self.pk])

    @property
    def dasar_pengecualian(self) -> str:
        return pengecualian.short_label(self.alasan)

    @property
    def uraian_alasan(self) -> str:
        return pengecualian.description(self.alasan)

    def in_force_on(self, day: date) -> bool:
        """In force on `day`: approved, already decreed, and its period not yet over."""
        return (
            self.status == self.Status.BERLAKU
            and self.tanggal <= day
            and (self.berakhir_pada is None or day <= self.berakhir_pada)
        )


class PembukaanInformasi(models.Model):
    """A decision that opened excepted information: the end of the period (recorded by
    `periksa_pengecualian`), the PPID opening it shortly before, a new consequence test, or a
    decision of the Atasan PPID on a keberatan, of the Komisi Informasi or of a court."""

    class Jenis(models.TextChoices):
        MASA_BERAKHIR = "masa_berakhir", _("Jangka waktu pengecualian berakhir")
        MENJELANG_BERAKHIR = (
            "menjelang_berakhir",
            _("Dibuka PPID menjelang berakhirnya jangka waktu"),
        )
        UJI_ULANG = "uji_ulang", _("Uji konsekuensi ulang menyimpulkan terbuka")
        KEBERATAN = "keberatan", _("Putusan Atasan PPID atas keberatan")
        KOMISI_INFORMASI = "komisi_informasi", _("Putusan Komisi Informasi")
        PENGADILAN = "pengadilan", _("Putusan pengadilan")

    # Decisions a person records (the others are recorded by the portal itself).
    RECORDED_BY_STAFF = (
        Jenis.MENJELANG_BERAKHIR,
        Jenis.KEBERATAN,
        Jenis.KOMISI_INFORMASI,
        Jenis.PENGADILAN,
    )

    penetapan = models.ForeignKey(
        PenetapanPengecualian,
        verbose_name=_("penetapan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pembukaan",
    )
    informasi = models.ForeignKey(
        InformasiPublik,
        verbose_name=_("entri DIP"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pembukaan",
    )
    uji = models.ForeignKey(
        UjiKonsekuensi,
        verbose_name=_("uji konsekuensi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # A decision on a keberatan is linked from the keberatan (the requests app points here).
    jenis = models.CharField(_("dasar pembukaan"), max_length=20, choices=Jenis)
    nomor_putusan = models.CharField(_("nomor putusan"), max_length=120, blank=True)
    tanggal_putusan = models.DateField(_("tanggal putusan"))
    keterangan = models.TextField(_("keterangan"), blank=True)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dicatat_pada = models.DateTimeField(_("dicatat pada"))

    class Meta:
        ordering = ["-dicatat_pada", "-id"]
        verbose_name = _("pembukaan informasi yang dikecualikan")
        verbose_name_plural = _("pembukaan informasi yang dikecualikan")
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    jenis__in=[
                        "masa_berakhir",
                        "menjelang_berakhir",
                        "uji_ulang",
                        "keberatan",
                        "komisi_informasi",
                        "pengadilan",
                    ]
                ),
                name="informasi_pembukaan_jenis_valid",
            ),
            models.CheckConstraint(
                condition=Q(penetapan__isnull=False) | Q(informasi__isnull=False),
                name="informasi_pembukaan_objek",
            ),
            # A decree ends once.
            models.UniqueConstraint(
                fields=["penetapan"],
                condition=Q(penetapan__isnull=False),
                name="informasi_pembukaan_sekali_per_penetapan",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} ({self.tanggal_putusan:%d-%m-%Y})"
