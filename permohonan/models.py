"""Requests for public information (permohonan), objections (keberatan), disputes (sengketa)
and what they need: deadline profiles, per-year counters, unit assignments, documents, decisions.

States change only through `permohonan.workflow`.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from informasi.models import UjiKonsekuensi
from ppid_portal.models import StoredFile, UnitKerja

from .deadlines import PEMBERITAHUAN, AturanHari, JamKelengkapan


def _choices_check(field: str, choices: type[models.TextChoices], *, blank: bool = False) -> Q:
    values = list(choices.values) + ([""] if blank else [])
    return Q(**{f"{field}__in": values})


class AturanTenggat(models.Model):
    """A profile of legal periods in working days (Perki 1/2021 by default; an office under
    Perki 1/2019 adds its election-information profile). A request keeps a snapshot of its
    profile's numbers, so editing a profile affects only requests received afterwards."""

    class JamKelengkapanChoices(models.TextChoices):
        MULAI_ULANG = (
            JamKelengkapan.MULAI_ULANG.value,
            _("Dihitung ulang penuh sejak permohonan dilengkapi"),
        )
        JEDA = JamKelengkapan.JEDA.value, _("Berhenti sementara, dilanjutkan dengan sisa hari")
        BERJALAN = JamKelengkapan.BERJALAN.value, _("Tetap berjalan sejak permohonan diterima")

    nama = models.CharField(_("nama aturan"), max_length=120, unique=True)
    dasar_hukum = models.CharField(_("dasar hukum"), max_length=200, blank=True)
    hari_pemberitahuan = models.PositiveSmallIntegerField(
        _("pemberitahuan tertulis (hari kerja)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("UU 14/2008 Ps 22(7): 10 hari kerja sejak permohonan diterima."),
    )
    hari_perpanjangan_maks = models.PositiveSmallIntegerField(
        _("perpanjangan paling lama (hari kerja)"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(7)],
        help_text=_("UU 14/2008 Ps 22(8): satu kali, paling lama 7 hari kerja."),
    )
    hari_keberatan = models.PositiveSmallIntegerField(
        _("batas pengajuan keberatan (hari kerja)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text=_("UU 14/2008 Ps 36(1): 30 hari kerja sejak alasan keberatan ditemukan."),
    )
    hari_tanggapan_atasan = models.PositiveSmallIntegerField(
        _("tanggapan Atasan PPID (hari kerja)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text=_("UU 14/2008 Ps 36(2): 30 hari kerja sejak keberatan diterima."),
    )
    hari_sengketa = models.PositiveSmallIntegerField(
        _("batas pengajuan sengketa (hari kerja)"),
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("UU 14/2008 Ps 37(2): 14 hari kerja sejak tanggapan Atasan PPID diterima."),
    )
    hari_pemeriksaan_kelengkapan = models.PositiveSmallIntegerField(
        _("pemeriksaan kelengkapan oleh desk (hari kerja)"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
    )
    hari_melengkapi = models.PositiveSmallIntegerField(
        _("waktu pemohon melengkapi (hari kerja)"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    jam_kelengkapan = models.CharField(
        _("jam pemberitahuan selama permohonan dilengkapi"),
        max_length=20,
        choices=JamKelengkapanChoices,
        default=JamKelengkapanChoices.MULAI_ULANG,
    )
    hari_pelaksanaan_keberatan = models.PositiveSmallIntegerField(
        _("pelaksanaan putusan keberatan oleh PPID (hari kerja)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("Batas waktu PPID memberikan informasi setelah keberatan dikabulkan."),
    )
    utama = models.BooleanField(
        _("aturan utama"),
        default=False,
        help_text=_("Dipakai untuk permohonan yang tidak memilih aturan lain."),
    )
    aktif = models.BooleanField(_("aktif"), default=True)
    catatan = models.TextField(_("catatan"), blank=True)

    class Meta:
        ordering = ["-utama", "nama"]
        verbose_name = _("aturan tenggat")
        verbose_name_plural = _("aturan tenggat")

    # Meta cannot see the nested choices, so the constraints are attached in the class body.
    Meta.constraints = [
        models.UniqueConstraint(
            fields=["utama"], condition=Q(utama=True), name="permohonan_satu_aturan_utama"
        ),
        models.CheckConstraint(
            condition=_choices_check("jam_kelengkapan", JamKelengkapanChoices),
            name="permohonan_aturan_jam_valid",
        ),
    ]

    def __str__(self) -> str:
        return self.nama

    def get_absolute_url(self) -> str:
        return reverse("permohonan:aturan_ubah", args=[self.pk])

    def as_rules(self) -> AturanHari:
        return AturanHari(
            pemberitahuan=self.hari_pemberitahuan,
            perpanjangan_maks=self.hari_perpanjangan_maks,
            keberatan=self.hari_keberatan,
            tanggapan_atasan=self.hari_tanggapan_atasan,
            sengketa=self.hari_sengketa,
            pemeriksaan_kelengkapan=self.hari_pemeriksaan_kelengkapan,
            melengkapi=self.hari_melengkapi,
            jam_kelengkapan=self.jam_kelengkapan,
            pelaksanaan_keberatan=self.hari_pelaksanaan_keberatan,
        )


class JenisNomor(models.TextChoices):
    """The number series of this app. Each is counted per year by the portal's one gapless
    counter (`ppid_portal.numbering`, series "permohonan.<value>"); its format is the office's
    setting (`conf.nomor_format`)."""

    PERMOHONAN = "permohonan", _("Nomor pendaftaran permohonan")
    KEBERATAN = "keberatan", _("Nomor keberatan")
    PEMBERITAHUAN = "pemberitahuan", _("Nomor pemberitahuan tertulis")
    TANGGAPAN = "tanggapan", _("Nomor tanggapan atas keberatan")


class Permohonan(models.Model):
    """One request for public information, from receipt to the written notice (UU 14/2008 Ps 22)."""

    class Status(models.TextChoices):
        BARU = "baru", _("Diterima, menunggu pemeriksaan kelengkapan")
        PERLU_DILENGKAPI = "perlu_dilengkapi", _("Perlu dilengkapi pemohon")
        DIVERIFIKASI = "diverifikasi", _("Lengkap, menunggu disposisi PPID")
        DIPROSES = "diproses", _("Sedang diproses")
        SELESAI = "selesai", _("Pemberitahuan tertulis diterbitkan")
        DITARIK = "ditarik", _("Ditarik pemohon")
        GUGUR = "gugur", _("Ditutup karena tidak dilengkapi")

    OPEN_STATES = (Status.BARU, Status.PERLU_DILENGKAPI, Status.DIVERIFIKASI, Status.DIPROSES)
    # States in which the notice clock runs and the PPID owes an answer (the rule's home is
    # `deadlines.PEMBERITAHUAN`).
    CLOCK_STATES = tuple(map(Status, PEMBERITAHUAN.states))

    class Kanal(models.TextChoices):
        ONLINE = "online", _("Daring (situs)")
        LANGSUNG = "langsung", _("Datang langsung")
        TELEPON = "telepon", _("Telepon")
        SURAT = "surat", _("Surat / pos")
        EMAIL = "email", _("E-mail")
        FAKSIMILI = "faksimili", _("Faksimili")

    class JenisPemohon(models.TextChoices):
        PERORANGAN = "perorangan", _("Perorangan")
        KELOMPOK = "kelompok", _("Kelompok orang")
        BADAN_HUKUM = "badan_hukum", _("Badan hukum")

    class CaraMemperoleh(models.TextChoices):
        MELIHAT = "melihat", _("Melihat, membaca, mendengarkan, atau mencatat")
        SALINAN_SOFTCOPY = "salinan_softcopy", _("Mendapatkan salinan softcopy")
        SALINAN_HARDCOPY = "salinan_hardcopy", _("Mendapatkan salinan hardcopy")

    class CaraSalinan(models.TextChoices):
        AMBIL_LANGSUNG = "ambil_langsung", _("Mengambil langsung")
        KURIR = "kurir", _("Kurir")
        POS = "pos", _("Pos")
        FAKSIMILI = "faksimili", _("Faksimili")
        EMAIL = "email", _("E-mail")

    nomor = models.CharField(_("nomor pendaftaran"), max_length=60, unique=True)
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    urut = models.PositiveIntegerField(_("nomor urut"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.BARU, db_index=True
    )
    kanal = models.CharField(_("cara permohonan"), max_length=12, choices=Kanal)

    # The applicant (Perki form).
    jenis_pemohon = models.CharField(_("jenis pemohon"), max_length=12, choices=JenisPemohon)
    nama = models.CharField(_("nama"), max_length=200)
    nama_lembaga = models.CharField(_("nama kelompok / badan hukum"), max_length=200, blank=True)
    nik = models.CharField(_("NIK"), max_length=16, blank=True)
    alamat = models.TextField(_("alamat"))
    pekerjaan = models.CharField(_("pekerjaan"), max_length=120)
    telepon = models.CharField(_("telepon"), max_length=30)
    email = models.EmailField(_("e-mail"), blank=True)
    berkas_identitas = models.ForeignKey(
        StoredFile,
        verbose_name=_("dokumen identitas"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The request.
    rincian_informasi = models.TextField(_("rincian informasi yang dibutuhkan"))
    tujuan_penggunaan = models.TextField(_("tujuan penggunaan informasi"))
    cara_memperoleh = models.CharField(
        _("cara memperoleh informasi"), max_length=20, choices=CaraMemperoleh
    )
    cara_salinan = models.CharField(
        _("cara mendapatkan salinan"), max_length=20, choices=CaraSalinan, blank=True
    )
    persetujuan_pada = models.DateTimeField(_("pernyataan persetujuan pada"), null=True)

    pemilik = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun pemohon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="permohonan_saya",
    )
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Only a digest of the tracking secret is kept; the secret itself is e-mailed once.
    token_hash = models.CharField(max_length=64, unique=True, editable=False)

    diterima_pada = models.DateTimeField(_("diterima pada"))
    tanggal_diterima = models.DateField(_("tanggal diterima"), db_index=True)

    # Deadlines. `aturan_hari` is the snapshot of the profile's numbers; the stored due dates are
    # recomputed from the anchors when the office calendar changes.
    aturan = models.ForeignKey(
        AturanTenggat, verbose_name=_("aturan tenggat"), on_delete=models.PROTECT
    )
    aturan_hari = models.JSONField(_("angka aturan tenggat"), default=dict)
    jam_mulai = models.DateField(_("jam pemberitahuan dihitung sejak"))
    jam_hari = models.PositiveSmallIntegerField(_("jangka waktu pemberitahuan (hari kerja)"))
    hari_perpanjangan = models.PositiveSmallIntegerField(_("perpanjangan (hari kerja)"), default=0)
    alasan_perpanjangan = models.TextField(_("alasan perpanjangan"), blank=True)
    diperpanjang_pada = models.DateField(_("diperpanjang pada"), null=True, blank=True)
    tenggat_pemberitahuan = models.DateField(_("batas pemberitahuan tertulis"), db_index=True)
    pemeriksaan_mulai = models.DateField(_("pemeriksaan kelengkapan sejak"))
    tenggat_pemeriksaan = models.DateField(_("batas pemeriksaan kelengkapan"))

    kekurangan = models.TextField(_("kekurangan yang harus dilengkapi"), blank=True)
    perlu_dilengkapi_pada = models.DateField(_("diminta melengkapi pada"), null=True, blank=True)
    tenggat_melengkapi = models.DateField(_("batas melengkapi"), null=True, blank=True)
    dilengkapi_pada = models.DateField(_("dilengkapi pada"), null=True, blank=True)
    keterangan_pelengkap = models.TextField(_("keterangan tambahan pemohon"), blank=True)

    keputusan_aktif = models.ForeignKey(
        "Keputusan",
        verbose_name=_("keputusan terakhir"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dibuka_kembali_pada = models.DateField(_("dibuka kembali pada"), null=True, blank=True)
    ditutup_pada = models.DateTimeField(_("ditutup pada"), null=True, blank=True)
    alasan_penarikan = models.TextField(_("alasan penarikan / penutupan"), blank=True)

    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-tahun", "-urut"]
        verbose_name = _("permohonan informasi")
        verbose_name_plural = _("permohonan informasi")
        indexes = [models.Index(fields=["status", "tenggat_pemberitahuan"])]

    # Meta cannot see the nested choices, so the constraints are attached in the class body.
    Meta.constraints = [
        models.UniqueConstraint(fields=["tahun", "urut"], name="permohonan_urut_per_tahun"),
        models.CheckConstraint(
            condition=_choices_check("status", Status), name="permohonan_status_valid"
        ),
        models.CheckConstraint(
            condition=_choices_check("kanal", Kanal), name="permohonan_kanal_valid"
        ),
        models.CheckConstraint(
            condition=_choices_check("jenis_pemohon", JenisPemohon),
            name="permohonan_jenis_pemohon_valid",
        ),
        models.CheckConstraint(
            condition=_choices_check("cara_memperoleh", CaraMemperoleh),
            name="permohonan_cara_memperoleh_valid",
        ),
        models.CheckConstraint(
            condition=_choices_check("cara_salinan", CaraSalinan, blank=True),
            name="permohonan_cara_salinan_valid",
        ),
        # UU 14/2008 Ps 22(8): one extension of at most 7 days; the profile may say fewer,
        # which the workflow checks.
        models.CheckConstraint(
            condition=Q(hari_perpanjangan__lte=7), name="permohonan_perpanjangan_maks_7"
        ),
        # A person's NIK is 16 digits (UU 24/2013 Adminduk).
        models.CheckConstraint(
            condition=Q(nik="") | Q(nik__regex=r"^[0-9]{16}$"), name="permohonan_nik_16_angka"
        ),
    ]

    def __str__(self) -> str:
        return self.nomor

    def get_absolute_url(self) -> str:
        return reverse("permohonan:detail", args=[self.pk])

    @property
    def rules(self) -> AturanHari:
        return AturanHari.from_dict(self.aturan_hari)

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATES

    @property
    def clock_runs(self) -> bool:
        return self.status in self.CLOCK_STATES

    @property
    def nama_tampil(self) -> str:
        return f"{self.nama} ({self.nama_lembaga})" if self.nama_lembaga else self.nama


class Disposisi(models.Model):
    """The PPID's assignment of a request to a unit that holds (or may hold) the information."""

    class Status(models.TextChoices):
        MENUNGGU = "menunggu", _("Menunggu jawaban unit")
        TERSEDIA = "tersedia", _("Dokumen disediakan")
        TIDAK_DIKUASAI = "tidak_dikuasai", _("Informasi tidak dikuasai unit")

    permohonan = models.ForeignKey(Permohonan, on_delete=models.CASCADE, related_name="disposisi")
    unit = models.ForeignKey(
        UnitKerja, verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.MENUNGGU, db_index=True
    )
    catatan_ppid = models.TextField(_("arahan PPID"), blank=True)
    ditugaskan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    ditugaskan_pada = models.DateTimeField(_("ditugaskan pada"), default=timezone.now)
    jawaban = models.TextField(_("jawaban unit"), blank=True)
    badan_penguasa = models.CharField(
        _("badan publik yang menguasai (bila diketahui)"), max_length=200, blank=True
    )
    dijawab_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dijawab_pada = models.DateTimeField(_("dijawab pada"), null=True, blank=True)

    class Meta:
        ordering = ["ditugaskan_pada", "id"]
        verbose_name = _("disposisi")
        verbose_name_plural = _("disposisi")

    # Meta cannot see the nested choices, so the constraints are attached in the class body.
    Meta.constraints = [
        models.UniqueConstraint(
            fields=["permohonan", "unit"], name="permohonan_disposisi_unit_unik"
        ),
        models.CheckConstraint(
            condition=_choices_check("status", Status), name="permohonan_disposisi_status"
        ),
    ]

    def __str__(self) -> str:
        return f"{self.permohonan} → {self.unit}"

    def get_absolute_url(self) -> str:
        return self.permohonan.get_absolute_url()


class Keputusan(models.Model):
    """A PPID decision on a request and its numbered written notice (UU 14/2008 Ps 22(7), (9))."""

    class Hasil(models.TextChoices):
        DIBERIKAN_SELURUHNYA = "diberikan_seluruhnya", _("Diberikan seluruhnya")
        DIBERIKAN_SEBAGIAN = "diberikan_sebagian", _("Diberikan sebagian")
        DITOLAK_DIKECUALIKAN = "ditolak_dikecualikan", _("Ditolak karena informasi dikecualikan")
        TIDAK_DIKUASAI = "tidak_dikuasai", _("Informasi tidak dikuasai")
        BELUM_DIDOKUMENTASIKAN = "belum_didokumentasikan", _("Informasi belum didokumentasikan")

    GIVING = (Hasil.DIBERIKAN_SELURUHNYA, Hasil.DIBERIKAN_SEBAGIAN)

    class DasarPengecualian(models.TextChoices):
        """UU 14/2008 Ps 17 huruf a–j (the same letters as the excepted-information register)."""

        A = "a", _("a. menghambat proses penegakan hukum")
        B = "b", _("b. mengganggu hak atas kekayaan intelektual dan persaingan usaha")
        C = "c", _("c. membahayakan pertahanan dan keamanan negara")
        D = "d", _("d. mengungkapkan kekayaan alam Indonesia")
        E = "e", _("e. merugikan ketahanan ekonomi nasional")
        F = "f", _("f. merugikan kepentingan hubungan luar negeri")
        G = "g", _("g. mengungkapkan isi akta otentik yang bersifat pribadi dan wasiat")
        H = "h", _("h. mengungkap rahasia pribadi")
        I = "i", _("i. memorandum atau surat antar/intra badan publik yang dirahasiakan")  # noqa: E741
        J = "j", _("j. tidak boleh diungkapkan berdasarkan undang-undang")

    class Bentuk(models.TextChoices):
        SOFTCOPY = "softcopy", _("Softcopy")
        HARDCOPY = "hardcopy", _("Hardcopy")
        KEDUANYA = "keduanya", _("Softcopy dan hardcopy")
        MELIHAT = "melihat", _("Dilihat / dibaca di tempat")

    permohonan = models.ForeignKey(
        Permohonan, on_delete=models.PROTECT, related_name="keputusan_set"
    )
    nomor = models.CharField(_("nomor pemberitahuan tertulis"), max_length=60, unique=True)
    tanggal = models.DateField(_("tanggal pemberitahuan"))
    hasil = models.CharField(_("keputusan"), max_length=30, choices=Hasil)

    bagian_dihitamkan = models.TextField(_("bagian yang dihitamkan"), blank=True)
    alasan_penghitaman = models.TextField(_("alasan penghitaman"), blank=True)
    dasar_pengecualian = models.CharField(
        _("dasar pengecualian (Pasal 17)"), max_length=1, choices=DasarPengecualian, blank=True
    )
    alasan_pengecualian = models.TextField(_("alasan pengecualian dan konsekuensi"), blank=True)
    # A refusal as excepted cites a decree in force (informasi.PenetapanPengecualian); its
    # number is copied here so registers and older notices read one column.
    nomor_penetapan = models.CharField(
        _("nomor penetapan informasi dikecualikan"), max_length=120, blank=True
    )
    penetapan = models.ForeignKey(
        "informasi.PenetapanPengecualian",
        verbose_name=_("penetapan informasi dikecualikan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="keputusan_set",
    )
    badan_penguasa = models.CharField(_("badan publik yang menguasai"), max_length=200, blank=True)
    tanggal_didokumentasikan = models.DateField(
        _("tanggal informasi akan didokumentasikan"), null=True, blank=True
    )
    bentuk = models.CharField(
        _("bentuk informasi"), max_length=10, choices=Bentuk, default=Bentuk.SOFTCOPY
    )
    # UU 14/2008 Ps 21 and Perki 1/2021: the service is free; only real copying and delivery
    # costs may be charged.
    biaya = models.DecimalField(_("biaya (Rp)"), max_digits=12, decimal_places=0, default=0)
    rincian_biaya = models.CharField(_("rincian biaya"), max_length=300, blank=True)
    cara_pembayaran = models.CharField(_("cara pembayaran"), max_length=200, blank=True)
    cara_penyampaian = models.CharField(
        _("cara penyampaian"), max_length=20, choices=Permohonan.CaraSalinan, blank=True
    )
    waktu_penyampaian = models.CharField(_("waktu penyampaian"), max_length=200, blank=True)
    catatan = models.TextField(_("keterangan"), blank=True)
    dokumen = models.ManyToManyField(
        "DokumenPermohonan",
        verbose_name=_("dokumen yang diberikan"),
        blank=True,
        related_name="keputusan_set",
    )
    berkas_pdf = models.ForeignKey(
        StoredFile, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    diputus_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    nama_pejabat = models.CharField(_("nama pejabat"), max_length=200)
    jabatan_pejabat = models.CharField(_("jabatan pejabat"), max_length=200, blank=True)
    disampaikan_pada = models.DateField(_("tanggal disampaikan"), null=True, blank=True)
    cara_disampaikan = models.CharField(_("disampaikan melalui"), max_length=200, blank=True)
    # The due date in force when the notice was issued (the notice period with any extension,
    # or the period to carry out a granted keberatan): the statistics of answers on time read
    # it, since the request's own due date moves when a keberatan reopens it.
    tenggat = models.DateField(_("batas waktu yang berlaku saat diputus"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-tanggal", "-id"]
        verbose_name = _("keputusan / pemberitahuan tertulis")
        verbose_name_plural = _("keputusan / pemberitahuan tertulis")

    # Meta cannot see the nested choices, so the constraints are attached in the class body.
    Meta.constraints = [
        models.CheckConstraint(
            condition=_choices_check("hasil", Hasil), name="permohonan_keputusan_hasil"
        ),
        models.CheckConstraint(
            condition=~Q(hasil="ditolak_dikecualikan")
            | (~Q(dasar_pengecualian="") & ~Q(alasan_pengecualian="")),
            name="permohonan_penolakan_berdasar",
        ),
        models.CheckConstraint(
            condition=~Q(hasil="diberikan_sebagian")
            | (~Q(bagian_dihitamkan="") & ~Q(alasan_penghitaman="")),
            name="permohonan_sebagian_beralasan",
        ),
        models.CheckConstraint(
            condition=~Q(hasil="belum_didokumentasikan")
            | Q(tanggal_didokumentasikan__isnull=False),
            name="permohonan_belum_didokumentasikan_bertanggal",
        ),
        models.CheckConstraint(condition=Q(biaya__gte=0), name="permohonan_biaya_positif"),
    ]

    def __str__(self) -> str:
        return self.nomor

    def get_absolute_url(self) -> str:
        return self.permohonan.get_absolute_url()

    @property
    def memberi(self) -> bool:
        return self.hasil in self.GIVING


class DokumenPermohonan(models.Model):
    """A document a unit supplied (or the PPID added) for a request. The applicant can download
    it only once a decision gives it (`Keputusan.dokumen`)."""

    permohonan = models.ForeignKey(Permohonan, on_delete=models.CASCADE, related_name="dokumen")
    berkas = models.ForeignKey(StoredFile, on_delete=models.PROTECT, related_name="+")
    disposisi = models.ForeignKey(
        Disposisi, null=True, blank=True, on_delete=models.SET_NULL, related_name="dokumen"
    )
    unit = models.ForeignKey(
        UnitKerja, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    keterangan = models.CharField(_("keterangan"), max_length=300, blank=True)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    diunggah_pada = models.DateTimeField(default=timezone.now)
    diserahkan_pada = models.DateTimeField(_("pertama diunduh pemohon"), null=True, blank=True)
    jumlah_unduhan = models.PositiveIntegerField(_("jumlah unduhan pemohon"), default=0)

    class Meta:
        ordering = ["diunggah_pada", "id"]
        verbose_name = _("dokumen permohonan")
        verbose_name_plural = _("dokumen permohonan")

    def __str__(self) -> str:
        return self.berkas.original_name


class Keberatan(models.Model):
    """An objection to the Atasan PPID (UU 14/2008 Ps 35–36)."""

    class Status(models.TextChoices):
        DIAJUKAN = "diajukan", _("Diajukan, menunggu tanggapan Atasan PPID")
        DIPUTUS = "diputus", _("Ditanggapi Atasan PPID")
        DITARIK = "ditarik", _("Ditarik / selesai dengan musyawarah")

    class Putusan(models.TextChoices):
        MENGUATKAN = "menguatkan", _("Menguatkan putusan PPID")
        MENGABULKAN = "mengabulkan", _("Mengabulkan keberatan (memerintahkan informasi diberikan)")

    class Alasan(models.TextChoices):
        """UU 14/2008 Ps 35(1) huruf a–g."""

        A = "a", _("a. permohonan ditolak dengan alasan pengecualian Pasal 17")
        B = "b", _("b. informasi berkala (Pasal 9) tidak disediakan")
        C = "c", _("c. permohonan tidak ditanggapi")
        D = "d", _("d. permohonan ditanggapi tidak sebagaimana yang diminta")
        E = "e", _("e. permohonan tidak dipenuhi")
        F = "f", _("f. pengenaan biaya yang tidak wajar")
        G = "g", _("g. penyampaian informasi melebihi waktu yang diatur")

    class Kanal(models.TextChoices):
        ONLINE = "online", _("Daring (tautan pelacakan)")
        DESK = "desk", _("Melalui desk layanan")

    nomor = models.CharField(_("nomor keberatan"), max_length=60, unique=True)
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    urut = models.PositiveIntegerField(_("nomor urut"))
    permohonan = models.ForeignKey(
        Permohonan, on_delete=models.PROTECT, related_name="keberatan_set"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.DIAJUKAN, db_index=True
    )
    kanal = models.CharField(_("cara pengajuan"), max_length=10, choices=Kanal)
    alasan = models.CharField(
        _("alasan keberatan"),
        max_length=7,
        help_text=_("Huruf alasan Pasal 35 ayat (1), misalnya “ac”."),
    )
    kasus_posisi = models.TextField(_("kasus posisi"))
    tujuan_penggunaan = models.TextField(_("tujuan penggunaan informasi"))
    nama_kuasa = models.CharField(_("nama kuasa"), max_length=200, blank=True)
    alamat_kuasa = models.TextField(_("alamat kuasa"), blank=True)
    telepon_kuasa = models.CharField(_("telepon kuasa"), max_length=30, blank=True)
    berkas_kuasa = models.ForeignKey(
        StoredFile,
        verbose_name=_("surat kuasa"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    diajukan_pada = models.DateTimeField(_("diajukan pada"))
    tanggal_diajukan = models.DateField(_("tanggal diajukan"), db_index=True)
    tanggal_alasan = models.DateField(_("alasan keberatan timbul pada"))
    tenggat_tanggapan = models.DateField(_("batas tanggapan Atasan PPID"), db_index=True)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    putusan = models.CharField(_("putusan"), max_length=12, choices=Putusan, blank=True)
    pertimbangan = models.TextField(_("pertimbangan tertulis"), blank=True)
    nomor_tanggapan = models.CharField(
        _("nomor tanggapan"), max_length=60, unique=True, null=True, blank=True
    )
    tanggal_tanggapan = models.DateField(_("tanggal tanggapan"), null=True, blank=True)
    diputus_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    nama_atasan = models.CharField(_("nama Atasan PPID"), max_length=200, blank=True)
    jabatan_atasan = models.CharField(_("jabatan Atasan PPID"), max_length=200, blank=True)
    berkas_tanggapan = models.ForeignKey(
        StoredFile, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    tenggat_pelaksanaan = models.DateField(_("batas pelaksanaan oleh PPID"), null=True, blank=True)
    tenggat_sengketa = models.DateField(
        _("batas pengajuan sengketa ke Komisi Informasi"), null=True, blank=True
    )
    tanggapan_pemohon = models.TextField(_("tanggapan pemohon atas putusan"), blank=True)
    ditarik_pada = models.DateTimeField(_("ditarik pada"), null=True, blank=True)
    alasan_penarikan = models.TextField(_("alasan penarikan"), blank=True)
    # UU 14/2008 Ps 35(1)a: granted against a refusal that cited a decree, the keberatan opens
    # the excepted information; the decision recorded in `informasi` (one per keberatan).
    pembukaan = models.OneToOneField(
        "informasi.PembukaanInformasi",
        verbose_name=_("pembukaan informasi yang dikecualikan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-tahun", "-urut"]
        verbose_name = _("keberatan")
        verbose_name_plural = _("keberatan")

    # Meta cannot see the nested choices, so the constraints are attached in the class body.
    Meta.constraints = [
        models.UniqueConstraint(fields=["tahun", "urut"], name="keberatan_urut_per_tahun"),
        # At most one open keberatan per request.
        models.UniqueConstraint(
            fields=["permohonan"],
            condition=Q(status="diajukan"),
            name="keberatan_satu_terbuka_per_permohonan",
        ),
        models.CheckConstraint(
            condition=_choices_check("status", Status), name="keberatan_status_valid"
        ),
        models.CheckConstraint(
            condition=_choices_check("kanal", Kanal), name="keberatan_kanal_valid"
        ),
        models.CheckConstraint(
            condition=_choices_check("putusan", Putusan, blank=True),
            name="keberatan_putusan_valid",
        ),
        models.CheckConstraint(
            condition=~Q(status="diputus") | (~Q(putusan="") & ~Q(pertimbangan="")),
            name="keberatan_diputus_beralasan",
        ),
        # One or more letters a–g, each at most once and in order.
        models.CheckConstraint(
            condition=Q(alasan__regex=r"^a?b?c?d?e?f?g?$") & ~Q(alasan=""),
            name="keberatan_alasan_a_g",
        ),
    ]

    def __str__(self) -> str:
        return self.nomor

    def get_absolute_url(self) -> str:
        return reverse("permohonan:keberatan_detail", args=[self.pk])

    @property
    def alasan_list(self) -> list[str]:
        return list(self.alasan)

    @property
    def alasan_labels(self) -> list[str]:
        labels = dict(self.Alasan.choices)
        return [str(labels[letter]) for letter in self.alasan if letter in labels]


class Sengketa(models.Model):
    """A dispute the applicant took to the Komisi Informasi (UU 14/2008 Ps 37–50), recorded by
    staff so the annual report can count it."""

    class Tahap(models.TextChoices):
        MEDIASI = "mediasi", _("Mediasi (Komisi Informasi)")
        AJUDIKASI = "ajudikasi", _("Ajudikasi non-litigasi (Komisi Informasi)")
        PENGADILAN = "pengadilan", _("Pengadilan (PTUN/PN/Mahkamah Agung)")

    class Hasil(models.TextChoices):
        MEDIASI_BERHASIL = "mediasi_berhasil", _("Mediasi berhasil (kesepakatan)")
        MEDIASI_GAGAL = "mediasi_gagal", _("Mediasi tidak berhasil, dilanjutkan ajudikasi")
        DIKABULKAN = "dikabulkan", _("Permohonan pemohon dikabulkan")
        DIKABULKAN_SEBAGIAN = "dikabulkan_sebagian", _("Permohonan pemohon dikabulkan sebagian")
        DITOLAK = "ditolak", _("Permohonan pemohon ditolak")
        DICABUT = "dicabut", _("Dicabut / gugur")

    permohonan = models.ForeignKey(
        Permohonan, on_delete=models.PROTECT, related_name="sengketa_set"
    )
    keberatan = models.ForeignKey(
        Keberatan, null=True, blank=True, on_delete=models.PROTECT, related_name="sengketa_set"
    )
    nomor_register = models.CharField(_("nomor register sengketa"), max_length=120, blank=True)
    tanggal_diajukan = models.DateField(_("tanggal diajukan"))
    tahap = models.CharField(_("tahap"), max_length=12, choices=Tahap)
    hasil = models.CharField(_("hasil"), max_length=20, choices=Hasil, blank=True)
    tanggal_hasil = models.DateField(_("tanggal hasil/putusan"), null=True, blank=True)
    catatan = models.TextField(_("catatan"), blank=True)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-tanggal_diajukan", "-id"]
        verbose_name = _("sengketa informasi")
        verbose_name_plural = _("sengketa informasi")

    # Meta cannot see the nested choices, so the constraints are attached in the class body.
    Meta.constraints = [
        models.CheckConstraint(
            condition=_choices_check("tahap", Tahap), name="sengketa_tahap_valid"
        ),
        models.CheckConstraint(
            condition=_choices_check("hasil", Hasil, blank=True), name="sengketa_hasil_valid"
        ),
    ]

    def __str__(self) -> str:
        return self.nomor_register or f"Sengketa {self.permohonan}"

    def get_absolute_url(self) -> str:
        return self.permohonan.get_absolute_url()


class UjiPermohonan(models.Model):
    """A consequence test (`informasi.UjiKonsekuensi`) of the information a request asks for:
    started from the request page or by a refusal without a decree (UU 14/2008 Ps 17, 19).

    The link lives here because requests build on excepted information, not the reverse.
    `terbuka` mirrors the sheet's state (draf or diedarkan) so that the database itself keeps
    one open test per request; `permohonan.workflow` sets it when the link is made and a
    `post_save` receiver of the sheet keeps it (a closed sheet never opens again)."""

    permohonan = models.ForeignKey(
        Permohonan,
        verbose_name=_("permohonan"),
        on_delete=models.PROTECT,
        related_name="uji_set",
    )
    uji = models.OneToOneField(
        "informasi.UjiKonsekuensi",
        verbose_name=_("uji konsekuensi"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    terbuka = models.BooleanField(_("uji belum selesai"), default=True)

    OPEN_STATES = (UjiKonsekuensi.Status.DRAF, UjiKonsekuensi.Status.DIEDARKAN)

    class Meta:
        ordering = ["-uji_id"]
        verbose_name = _("uji konsekuensi atas permohonan")
        verbose_name_plural = _("uji konsekuensi atas permohonan")
        constraints = [
            # One open sheet at a time per request.
            models.UniqueConstraint(
                fields=["permohonan"],
                condition=Q(terbuka=True),
                name="permohonan_uji_satu_terbuka",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.permohonan} — uji #{self.uji_id}"

    def save(self, *args, **kwargs):
        sheet = UjiKonsekuensi.objects.filter(pk=self.uji_id).values("status", "atas_permintaan")
        sheet = sheet.first() or {}
        # The request is part of what the participants sign: not moved once the sheet is done.
        if sheet.get("status") in UjiKonsekuensi.FROZEN_STATES:
            raise ValidationError(
                _("Uji konsekuensi yang sudah selesai tidak dapat dipindahkan ke permohonan lain.")
            )
        # A request's test says so on the sheet (its check "an entry or a request" reads it).
        if sheet and not sheet["atas_permintaan"]:
            raise ValueError("the sheet does not test requested information (atas_permintaan)")
        super().save(*args, **kwargs)


class PengingatTerkirim(models.Model):
    """One reminder e-mail sent by `kirim_pengingat`: it runs safely twice a day because a
    reminder for the same item, kind, day and recipient is never sent twice."""

    class Kategori(models.TextChoices):
        SEGERA = "segera", _("Segera jatuh tempo")
        TERLAMBAT = "terlambat", _("Terlambat")

    objek = models.CharField(max_length=20)
    objek_id = models.PositiveBigIntegerField()
    kategori = models.CharField(max_length=10, choices=Kategori)
    tanggal = models.DateField()
    penerima = models.EmailField()
    dikirim_pada = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("pengingat terkirim")
        verbose_name_plural = _("pengingat terkirim")
        constraints = [
            models.UniqueConstraint(
                fields=["objek", "objek_id", "kategori", "tanggal", "penerima"],
                name="pengingat_sekali_sehari",
            )
        ]

    def __str__(self) -> str:
        return f"{self.tanggal} {self.objek} {self.objek_id} → {self.penerima}"


class SurveiKepuasan(models.Model):
    """The applicant's rating of the service once a request is finished: a short survey in the
    style of the Indeks Kepuasan Masyarakat (PermenPANRB 14/2017), each element scored 1–4, and
    a comment only staff read. At most one per request."""

    # (field, question, answers 1..4): elements of the IKM (prosedur, waktu, produk, perilaku
    # pelaksana, sarana).
    UNSUR = (
        (
            "nilai_prosedur",
            _("Bagaimana kemudahan prosedur permohonan informasi?"),
            (_("Tidak mudah"), _("Kurang mudah"), _("Mudah"), _("Sangat mudah")),
        ),
        (
            "nilai_waktu",
            _("Bagaimana kecepatan waktu pelayanan?"),
            (_("Tidak cepat"), _("Kurang cepat"), _("Cepat"), _("Sangat cepat")),
        ),
        (
            "nilai_hasil",
            _("Bagaimana kesesuaian informasi yang Anda terima dengan permintaan Anda?"),
            (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai")),
        ),
        (
            "nilai_petugas",
            _("Bagaimana kesopanan dan keramahan petugas?"),
            (
                _("Tidak sopan dan ramah"),
                _("Kurang sopan dan ramah"),
                _("Sopan dan ramah"),
                _("Sangat sopan dan ramah"),
            ),
        ),
        (
            "nilai_sarana",
            _("Bagaimana kualitas sarana layanan (situs, desk layanan, formulir)?"),
            (_("Buruk"), _("Cukup"), _("Baik"), _("Sangat baik")),
        ),
    )
    FIELDS = tuple(name for name, _question, _answers in UNSUR)

    permohonan = models.OneToOneField(
        Permohonan, on_delete=models.CASCADE, related_name="survei", verbose_name=_("permohonan")
    )
    diisi_pada = models.DateTimeField(_("diisi pada"), default=timezone.now)
    tanggal = models.DateField(_("tanggal pengisian"), db_index=True)
    nilai_prosedur = models.PositiveSmallIntegerField(_("kemudahan prosedur"))
    nilai_waktu = models.PositiveSmallIntegerField(_("kecepatan waktu"))
    nilai_hasil = models.PositiveSmallIntegerField(_("kesesuaian hasil"))
    nilai_petugas = models.PositiveSmallIntegerField(_("perilaku petugas"))
    nilai_sarana = models.PositiveSmallIntegerField(_("kualitas sarana"))
    # Read by staff only: it may name officers or the applicant.
    komentar = models.TextField(_("komentar dan saran"), blank=True)

    class Meta:
        ordering = ["-diisi_pada", "-id"]
        verbose_name = _("survei kepuasan")
        verbose_name_plural = _("survei kepuasan")
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{name}__gte": 1, f"{name}__lte": 4}),
                name=f"survei_{name}_1_sampai_4",
            )
            for name in (
                "nilai_prosedur",
                "nilai_waktu",
                "nilai_hasil",
                "nilai_petugas",
                "nilai_sarana",
            )
        ]

    def __str__(self) -> str:
        return f"Survei {self.permohonan}"

    @property
    def rata_rata(self) -> float:
        return sum(getattr(self, name) for name in self.FIELDS) / len(self.FIELDS)


class LaporanTahunan(models.Model):
    """The laporan layanan informasi publik of one year (Perki 1/2021): the figures computed
    from the registers plus the narrative the PPID writes. Approved by the PPID, when its
    figures are frozen, its PDF and XLSX kept, and it enters the DIP as setiap-saat
    information. Due within three months after the year ends, to the Atasan PPID and the
    Komisi Informasi.

    States change only through `permohonan.workflow`.
    """

    class Status(models.TextChoices):
        DRAF = "draf", _("Draf")
        DISETUJUI = "disetujui", _("Disetujui PPID")
        DIGANTIKAN = "digantikan", _("Digantikan laporan revisi")
        DIBATALKAN = "dibatalkan", _("Dibatalkan")

    # The narrative sections, in the order of the report.
    NARASI = (
        "kebijakan",
        "sarana_prasarana",
        "sumber_daya_manusia",
        "anggaran",
        "kendala",
        "rekomendasi",
    )

    tahun = models.PositiveSmallIntegerField(_("tahun laporan"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.DRAF, db_index=True
    )
    kebijakan = models.TextField(
        _("gambaran umum kebijakan pelayanan informasi publik"), blank=True
    )
    sarana_prasarana = models.TextField(_("sarana dan prasarana pelayanan"), blank=True)
    sumber_daya_manusia = models.TextField(
        _("sumber daya manusia yang menangani layanan"), blank=True
    )
    anggaran = models.TextField(_("anggaran pelayanan informasi"), blank=True)
    kendala = models.TextField(_("kendala internal dan eksternal"), blank=True)
    rekomendasi = models.TextField(_("rekomendasi dan rencana tindak lanjut"), blank=True)
    # The figures as approved; empty while a draft (a draft always shows the registers now).
    angka = models.JSONField(_("angka laporan"), default=dict, blank=True, editable=False)
    berkas_pdf = models.ForeignKey(
        StoredFile, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    berkas_xlsx = models.ForeignKey(
        StoredFile, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The DIP entry (setiap saat) that publishes the approved report.
    informasi = models.ForeignKey(
        "informasi.InformasiPublik",
        verbose_name=_("entri DIP"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    dibuat_pada = models.DateTimeField(_("dibuat pada"), default=timezone.now)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diubah_pada = models.DateTimeField(_("diubah pada"), default=timezone.now)
    disetujui_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    disetujui_pada = models.DateTimeField(_("disetujui pada"), null=True, blank=True)
    digantikan_pada = models.DateTimeField(_("digantikan pada"), null=True, blank=True)
    dibatalkan_pada = models.DateTimeField(_("dibatalkan pada"), null=True, blank=True)
    alasan_pembatalan = models.TextField(_("alasan pembatalan"), blank=True)

    class Meta:
        ordering = ["-tahun", "-dibuat_pada", "-id"]
        verbose_name = _("laporan layanan informasi publik")
        verbose_name_plural = _("laporan layanan informasi publik")

    # Meta cannot see the nested choices, so the constraints are attached in the class body.
    Meta.constraints = [
        models.CheckConstraint(
            condition=_choices_check("status", Status), name="laporan_status_valid"
        ),
        # One draft and one approved report per year at a time; a revision replaces the last.
        models.UniqueConstraint(
            fields=["tahun"], condition=Q(status="draf"), name="laporan_satu_draf_per_tahun"
        ),
        models.UniqueConstraint(
            fields=["tahun"],
            condition=Q(status="disetujui"),
            name="laporan_satu_disetujui_per_tahun",
        ),
        models.CheckConstraint(
            condition=~Q(status="disetujui") | Q(berkas_pdf__isnull=False),
            name="laporan_disetujui_berkas",
        ),
    ]

    def __str__(self) -> str:
        return _("Laporan layanan informasi publik tahun %(tahun)s") % {"tahun": self.tahun}

    def get_absolute_url(self) -> str:
        return reverse("permohonan:laporan_detail", args=[self.pk])

    @property
    def narasi(self) -> list[tuple[str, str, str]]:
        """(field, title, text) of each narrative section."""
        return [
            (name, str(self._meta.get_field(name).verbose_name), getattr(self, name))
            for name in self.NARASI
        ]
