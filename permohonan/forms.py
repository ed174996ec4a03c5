"""Forms of the request workflow. They validate and render; the workflow changes state."""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ppid_portal.files import DOCUMENT_KINDS, SCAN_KINDS, UploadValidator
from ppid_portal.models import UnitKerja

from . import conf
from .models import (
    AturanTenggat,
    Keberatan,
    Keputusan,
    LaporanTahunan,
    Permohonan,
    Sengketa,
    SurveiKepuasan,
)
from .validators import clean_nik, clean_telepon

# A field no person sees (hidden by CSS, skipped by keyboard); a form robot fills it in.
HONEYPOT = "situs_web"

DATE_WIDGET = {"type": "date"}


def date_field(label, **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=forms.DateInput(attrs=DATE_WIDGET, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
        **kwargs,
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; each goes through the field's validators."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            files = [single(item, initial) for item in data if item]
        else:
            files = [single(data, initial)] if data else []
        files = [f for f in files if f]
        if self.required and not files:
            raise ValidationError(self.error_messages["required"], code="required")
        return files


def identity_validator() -> UploadValidator:
    return UploadValidator(SCAN_KINDS, max_bytes=conf.identitas_max_bytes())


class HoneypotMixin:
    def clean(self):
        cleaned = super().clean()
        if self.data.get(HONEYPOT):
            raise ValidationError(
                _("Permohonan tidak dapat diproses. Muat ulang halaman lalu coba lagi.")
            )
        return cleaned


class ApplicantFieldsMixin:
    """The Perki request form fields, and their cross-field rules."""

    def clean_nik(self):
        value = self.cleaned_data.get("nik", "")
        return clean_nik(value) if value else ""

    def clean_telepon(self):
        return clean_telepon(self.cleaned_data.get("telepon", ""))

    def clean(self):
        cleaned = super().clean()
        jenis = cleaned.get("jenis_pemohon")
        if jenis in (Permohonan.JenisPemohon.KELOMPOK, Permohonan.JenisPemohon.BADAN_HUKUM):
            if not cleaned.get("nama_lembaga"):
                self.add_error("nama_lembaga", _("Nama kelompok atau badan hukum wajib diisi."))
        cara = cleaned.get("cara_memperoleh")
        if cara and cara != Permohonan.CaraMemperoleh.MELIHAT and not cleaned.get("cara_salinan"):
            self.add_error("cara_salinan", _("Pilih cara mendapatkan salinan informasi."))
        return cleaned


def _applicant_fields(*, online: bool) -> dict[str, forms.Field]:
    P = Permohonan
    return {
        "jenis_pemohon": forms.ChoiceField(
            label=_("Jenis pemohon"),
            choices=P.JenisPemohon.choices,
            widget=forms.RadioSelect,
            initial=P.JenisPemohon.PERORANGAN,
        ),
        "nama": forms.CharField(label=_("Nama lengkap pemohon"), max_length=200),
        "nama_lembaga": forms.CharField(
            label=_("Nama kelompok / badan hukum"),
            max_length=200,
            required=False,
            help_text=_("Diisi bila pemohon kelompok orang atau badan hukum."),
        ),
        "nik": forms.CharField(
            label=_("NIK (Nomor Induk Kependudukan)"),
            max_length=24,
            required=False,
            help_text=_("16 angka sesuai KTP; wajib untuk pemohon perorangan.")
            if online
            else _("16 angka sesuai KTP, bila ada."),
        ),
        "berkas_identitas": forms.FileField(
            label=_("Dokumen identitas"),
            required=online,
            validators=[identity_validator()],
            help_text=_(
                "Perorangan: pindaian KTP. Kelompok: surat kuasa. Badan hukum: akta pendirian "
                "atau SK pengesahan. PDF, JPG, atau PNG, paling besar %(mb)d MB."
            )
            % {"mb": conf.identitas_max_bytes() // (1024 * 1024)},
        ),
        "alamat": forms.CharField(label=_("Alamat"), widget=forms.Textarea(attrs={"rows": 2})),
        "pekerjaan": forms.CharField(label=_("Pekerjaan"), max_length=120),
        "telepon": forms.CharField(label=_("Nomor telepon"), max_length=30),
        "email": forms.EmailField(
            label=_("Alamat e-mail"),
            required=online,
            help_text=_("Tautan pelacakan dan pemberitahuan dikirim ke alamat ini.")
            if online
            else _("Bila ada; tautan pelacakan dikirim ke alamat ini."),
        ),
        "rincian_informasi": forms.CharField(
            label=_("Rincian informasi yang dibutuhkan"),
            widget=forms.Textarea(attrs={"rows": 4}),
        ),
        "tujuan_penggunaan": forms.CharField(
            label=_("Tujuan penggunaan informasi"), widget=forms.Textarea(attrs={"rows": 3})
        ),
        "cara_memperoleh": forms.ChoiceField(
            label=_("Cara memperoleh informasi"),
            choices=P.CaraMemperoleh.choices,
            widget=forms.RadioSelect,
        ),
        "cara_salinan": forms.ChoiceField(
            label=_("Cara mendapatkan salinan informasi"),
            choices=[("", _("— tidak perlu salinan —")), *P.CaraSalinan.choices],
            required=False,
        ),
    }


def _aturan_field() -> forms.ModelChoiceField | None:
    active = AturanTenggat.objects.filter(aktif=True)
    if active.count() <= 1:
        return None
    return forms.ModelChoiceField(
        label=_("Jenis informasi (aturan jangka waktu)"),
        queryset=active,
        initial=active.filter(utama=True).first(),
        empty_label=None,
    )


class PermohonanForm(HoneypotMixin, ApplicantFieldsMixin, forms.Form):
    """The public request form (Perki 1/2021 formulir permohonan informasi)."""

    persetujuan = forms.BooleanField(
        label=_(
            "Saya menyatakan data yang saya isi benar, informasi yang diperoleh akan digunakan "
            "sesuai tujuan yang saya sebutkan dan ketentuan peraturan perundang-undangan, dan saya "
            "menyetujui data pribadi saya diolah untuk layanan permohonan ini."
        ),
        error_messages={"required": _("Anda perlu menyetujui pernyataan pemohon.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = _applicant_fields(online=True)
        aturan = _aturan_field()
        if aturan:
            fields["aturan"] = aturan
        fields["persetujuan"] = self.fields.pop("persetujuan")
        self.fields = fields | {k: v for k, v in self.fields.items() if k not in fields}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("jenis_pemohon") == Permohonan.JenisPemohon.PERORANGAN and not cleaned.get(
            "nik"
        ):
            if "nik" not in self.errors:
                self.add_error("nik", _("NIK wajib diisi untuk pemohon perorangan."))
        return cleaned


class DeskPermohonanForm(ApplicantFieldsMixin, forms.Form):
    """The desk logs a request received in person, by phone, letter, e-mail or fax."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields: dict[str, forms.Field] = {
            "kanal": forms.ChoiceField(
                label=_("Permohonan diterima melalui"),
                choices=[c for c in Permohonan.Kanal.choices if c[0] != Permohonan.Kanal.ONLINE],
            ),
            "tanggal_diterima": date_field(
                _("Tanggal diterima"),
                initial=timezone.localdate,
                help_text=_("Untuk surat atau e-mail yang diterima sebelum hari ini."),
            ),
        }
        fields.update(_applicant_fields(online=False))
        fields["berkas_identitas"].label = _("Pindaian dokumen identitas (bila ada)")
        aturan = _aturan_field()
        if aturan:
            fields["aturan"] = aturan
        self.fields = fields

    def clean_tanggal_diterima(self):
        value = self.cleaned_data["tanggal_diterima"]
        today = timezone.localdate()
        if value > today:
            raise ValidationError(_("Tanggal diterima tidak boleh di masa depan."))
        if (today - value).days > conf.catat_mundur_maks_hari():
            raise ValidationError(
                _("Tanggal diterima paling lama %(n)d hari yang lalu.")
                % {"n": conf.catat_mundur_maks_hari()}
            )
        return value


class LacakForm(forms.Form):
    nomor = forms.CharField(
        label=_("Nomor pendaftaran"),
        max_length=60,
        help_text=_("Contoh: 012/PPID/XI/2026"),
    )
    kode = forms.CharField(
        label=_("Kode pelacakan"),
        max_length=40,
        help_text=_("Kode 16 huruf/angka dari e-mail atau tanda bukti permohonan."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


class LengkapiForm(forms.Form):
    """What the applicant may correct or add when the request was found incomplete."""

    rincian_informasi = forms.CharField(
        label=_("Rincian informasi yang dibutuhkan"), widget=forms.Textarea(attrs={"rows": 4})
    )
    tujuan_penggunaan = forms.CharField(
        label=_("Tujuan penggunaan informasi"), widget=forms.Textarea(attrs={"rows": 3})
    )
    alamat = forms.CharField(label=_("Alamat"), widget=forms.Textarea(attrs={"rows": 2}))
    pekerjaan = forms.CharField(label=_("Pekerjaan"), max_length=120)
    telepon = forms.CharField(label=_("Nomor telepon"), max_length=30)
    nik = forms.CharField(label=_("NIK"), max_length=24, required=False)
    berkas_identitas = forms.FileField(
        label=_("Dokumen identitas baru (bila diminta)"),
        required=False,
        validators=[identity_validator()],
    )
    keterangan_pelengkap = forms.CharField(
        label=_("Keterangan tambahan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_nik(self):
        value = self.cleaned_data.get("nik", "")
        return clean_nik(value) if value else ""

    def clean_telepon(self):
        return clean_telepon(self.cleaned_data.get("telepon", ""))


class AlasanForm(forms.Form):
    alasan = forms.CharField(
        label=_("Alasan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class PerluDilengkapiForm(forms.Form):
    kekurangan = forms.CharField(
        label=_("Apa yang perlu dilengkapi pemohon"), widget=forms.Textarea(attrs={"rows": 3})
    )


class DisposisiForm(forms.Form):
    units = forms.ModelMultipleChoiceField(
        label=_("Unit kerja yang menguasai informasi"),
        queryset=UnitKerja.objects.filter(aktif=True),
        widget=forms.CheckboxSelectMultiple,
    )
    catatan = forms.CharField(
        label=_("Arahan untuk unit"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, permohonan: Permohonan | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if permohonan is not None:
            self.fields["units"].queryset = UnitKerja.objects.filter(aktif=True).exclude(
                pk__in=permohonan.disposisi.values("unit_id")
            )


class JawabUnitForm(forms.Form):
    JAWABAN = [
        ("tersedia", _("Informasi dikuasai unit: dokumen diunggah")),
        ("tidak_dikuasai", _("Informasi tidak dikuasai unit")),
    ]
    pilihan = forms.ChoiceField(label=_("Jawaban unit"), choices=JAWABAN, widget=forms.RadioSelect)
    berkas = MultipleFileField(
        label=_("Dokumen"),
        required=False,
        validators=[UploadValidator(DOCUMENT_KINDS)],
        help_text=_("Boleh lebih dari satu berkas."),
    )
    jawaban = forms.CharField(
        label=_("Keterangan"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    badan_penguasa = forms.CharField(
        label=_("Badan publik yang menguasai (bila diketahui)"), max_length=200, required=False
    )


class MintaUlangForm(forms.Form):
    catatan = forms.CharField(
        label=_("Yang diminta dari unit"), widget=forms.Textarea(attrs={"rows": 2})
    )


class PerpanjangForm(forms.Form):
    hari = forms.IntegerField(label=_("Perpanjangan (hari kerja)"), min_value=1)
    alasan = forms.CharField(
        label=_("Alasan perpanjangan (tertulis)"), widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, maks: int = 7, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hari"].max_value = maks
        self.fields["hari"].validators.append(MaxValueValidator(maks))
        self.fields["hari"].widget.attrs["max"] = maks
        self.fields["hari"].help_text = _("Paling lama %(n)d hari kerja, satu kali.") % {"n": maks}


class KeputusanForm(forms.Form):
    """The PPID's decision and the content of the written notice (UU 14/2008 Ps 22)."""

    hasil = forms.ChoiceField(
        label=_("Keputusan"), choices=Keputusan.Hasil.choices, widget=forms.RadioSelect
    )
    dokumen = forms.ModelMultipleChoiceField(
        label=_("Dokumen yang diberikan kepada pemohon"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    berkas = MultipleFileField(
        label=_("Unggah dokumen tambahan (misalnya versi yang sudah dihitamkan)"),
        required=False,
        validators=[UploadValidator(DOCUMENT_KINDS)],
    )
    bentuk = forms.ChoiceField(
        label=_("Bentuk informasi"), choices=Keputusan.Bentuk.choices, required=False
    )
    bagian_dihitamkan = forms.CharField(
        label=_("Bagian yang dihitamkan (diberikan sebagian)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    alasan_penghitaman = forms.CharField(
        label=_("Alasan penghitaman"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    dasar_pengecualian = forms.ChoiceField(
        label=_("Dasar pengecualian (UU 14/2008 Pasal 17)"),
        choices=[("", "—"), *Keputusan.DasarPengecualian.choices],
        required=False,
    )
    alasan_pengecualian = forms.CharField(
        label=_("Alasan pengecualian dan konsekuensi bila dibuka (uji konsekuensi)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    penetapan = forms.ModelChoiceField(
        label=_("Penetapan informasi dikecualikan yang berlaku"),
        queryset=None,
        required=False,
        help_text=_(
            "Wajib untuk penolakan, kecuali uji konsekuensi baru dimulai dari permohonan ini. "
            "Pemberitahuan tertulis menyebut nomor penetapan dan dasar pengecualiannya."
        ),
    )
    mulai_uji = forms.BooleanField(
        label=_("Belum ada penetapan: mulai uji konsekuensi baru dari permohonan ini"),
        required=False,
    )
    badan_penguasa = forms.CharField(
        label=_("Badan publik yang menguasai informasi (tidak dikuasai)"),
        max_length=200,
        required=False,
    )
    tanggal_didokumentasikan = date_field(
        _("Tanggal informasi akan didokumentasikan"), required=False
    )
    biaya = forms.DecimalField(
        label=_("Biaya (Rp)"),
        min_value=0,
        decimal_places=0,
        initial=0,
        help_text=_("Layanan gratis; hanya biaya nyata penyalinan dan pengiriman."),
    )
    rincian_biaya = forms.CharField(label=_("Rincian biaya"), max_length=300, required=False)
    cara_pembayaran = forms.CharField(label=_("Cara pembayaran"), max_length=200, required=False)
    cara_penyampaian = forms.ChoiceField(
        label=_("Cara penyampaian"),
        choices=[("", "—"), *Permohonan.CaraSalinan.choices],
        required=False,
    )
    waktu_penyampaian = forms.CharField(
        label=_("Waktu penyampaian"),
        max_length=200,
        required=False,
        initial=_("Segera, melalui tautan pelacakan"),
    )
    catatan = forms.CharField(
        label=_("Keterangan lain"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, permohonan: Permohonan, **kwargs):
        from informasi import selectors as informasi_selectors

        super().__init__(*args, **kwargs)
        self.fields["penetapan"].queryset = informasi_selectors.penetapan_for_refusal(
            timezone.localdate()
        )
        self.fields["penetapan"].label_from_instance = lambda p: (
            f"{p.nomor} — {p.uraian_publik[:80]} ({p.dasar_pengecualian}"
            + (f", s.d. {p.berakhir_pada:%d-%m-%Y})" if p.berakhir_pada else ")")
        )
        self.fields["dokumen"].queryset = permohonan.dokumen.select_related("berkas", "unit")
        self.fields["dokumen"].label_from_instance = lambda d: (
            f"{d.berkas.original_name}" + (f" ({d.unit})" if d.unit else "")
        )
        if permohonan.cara_salinan:
            self.fields["cara_penyampaian"].initial = permohonan.cara_salinan
        if permohonan.cara_memperoleh == Permohonan.CaraMemperoleh.SALINAN_HARDCOPY:
            self.fields["bentuk"].initial = Keputusan.Bentuk.HARDCOPY
        elif permohonan.cara_memperoleh == Permohonan.CaraMemperoleh.MELIHAT:
            self.fields["bentuk"].initial = Keputusan.Bentuk.MELIHAT

    def clean_tanggal_didokumentasikan(self):
        value = self.cleaned_data.get("tanggal_didokumentasikan")
        if value and value <= timezone.localdate():
            raise ValidationError(
                _("Tanggal informasi akan didokumentasikan harus setelah hari ini.")
            )
        return value


class PenyampaianForm(forms.Form):
    tanggal = date_field(_("Tanggal disampaikan"), initial=timezone.localdate)
    cara = forms.CharField(
        label=_("Disampaikan melalui"),
        max_length=200,
        help_text=_("Misalnya: diserahkan langsung, pos tercatat, e-mail."),
    )

    def clean_tanggal(self):
        value = self.cleaned_data["tanggal"]
        if value > timezone.localdate():
            raise ValidationError(_("Tanggal penyampaian tidak boleh di masa depan."))
        return value


class KeberatanForm(HoneypotMixin, forms.Form):
    """Formulir keberatan (Perki 1/2021): grounds a–g, the facts, and an optional proxy."""

    alasan = forms.MultipleChoiceField(
        label=_("Alasan keberatan (UU 14/2008 Pasal 35 ayat 1)"),
        choices=Keberatan.Alasan.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Pilih minimal satu alasan keberatan.")},
    )
    kasus_posisi = forms.CharField(
        label=_("Kasus posisi"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Uraikan kejadiannya: apa yang Anda minta, apa yang terjadi, dan mengapa Anda "
            "keberatan."
        ),
    )
    tujuan_penggunaan = forms.CharField(
        label=_("Tujuan penggunaan informasi"), widget=forms.Textarea(attrs={"rows": 2})
    )
    nama_kuasa = forms.CharField(
        label=_("Nama kuasa pemohon (bila melalui kuasa)"), max_length=200, required=False
    )
    alamat_kuasa = forms.CharField(
        label=_("Alamat kuasa"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    telepon_kuasa = forms.CharField(label=_("Telepon kuasa"), max_length=30, required=False)
    berkas_kuasa = forms.FileField(
        label=_("Surat kuasa"),
        required=False,
        validators=[identity_validator()],
        help_text=_("Wajib bila keberatan diajukan melalui kuasa. PDF, JPG, atau PNG."),
    )

    def clean_telepon_kuasa(self):
        value = self.cleaned_data.get("telepon_kuasa", "")
        return clean_telepon(value) if value else ""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("nama_kuasa") and not cleaned.get("berkas_kuasa"):
            if "berkas_kuasa" not in self.errors:
                self.add_error(
                    "berkas_kuasa", _("Keberatan melalui kuasa wajib melampirkan surat kuasa.")
                )
        return cleaned


class KeberatanPutusForm(forms.Form):
    putusan = forms.ChoiceField(
        label=_("Putusan Atasan PPID"), choices=Keberatan.Putusan.choices, widget=forms.RadioSelect
    )
    pertimbangan = forms.CharField(
        label=_("Pertimbangan tertulis"), widget=forms.Textarea(attrs={"rows": 6})
    )


class TanggapanPemohonForm(forms.Form):
    tanggapan = forms.CharField(
        label=_("Tanggapan pemohon atas putusan"), widget=forms.Textarea(attrs={"rows": 3})
    )


class SengketaForm(forms.Form):
    keberatan = forms.ModelChoiceField(
        label=_("Keberatan terkait"), queryset=Keberatan.objects.none(), required=False
    )
    nomor_register = forms.CharField(
        label=_("Nomor register sengketa (Komisi Informasi/pengadilan)"),
        max_length=120,
        required=False,
    )
    tanggal_diajukan = date_field(_("Tanggal diajukan"))
    tahap = forms.ChoiceField(label=_("Tahap"), choices=Sengketa.Tahap.choices)
    hasil = forms.ChoiceField(
        label=_("Hasil"),
        choices=[("", _("— masih berjalan —")), *Sengketa.Hasil.choices],
        required=False,
    )
    tanggal_hasil = date_field(_("Tanggal hasil/putusan"), required=False)
    catatan = forms.CharField(
        label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, permohonan: Permohonan, with_keberatan: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if with_keberatan:
            self.fields["keberatan"].queryset = permohonan.keberatan_set.all()
        else:
            del self.fields["keberatan"]


class HariLiburForm(forms.Form):
    tanggal = date_field(_("Tanggal"))
    nama = forms.CharField(label=_("Keterangan"), max_length=200)
    catatan = forms.CharField(
        label=_("Catatan (misalnya nomor surat keputusan)"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class HapusLiburForm(forms.Form):
    catatan = forms.CharField(
        label=_("Alasan menjadikan hari kerja"), widget=forms.Textarea(attrs={"rows": 2})
    )


class TahunForm(forms.Form):
    tahun = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100, required=False)


class AturanForm(forms.ModelForm):
    class Meta:
        model = AturanTenggat
        fields = [
            "nama",
            "dasar_hukum",
            "hari_pemberitahuan",
            "hari_perpanjangan_maks",
            "hari_keberatan",
            "hari_tanggapan_atasan",
            "hari_sengketa",
            "hari_pemeriksaan_kelengkapan",
            "hari_melengkapi",
            "jam_kelengkapan",
            "hari_pelaksanaan_keberatan",
            "utama",
            "aktif",
            "catatan",
        ]
        widgets = {"catatan": forms.Textarea(attrs={"rows": 2})}


class RegisterFilterForm(forms.Form):
    dari = date_field(_("Dari tanggal"), required=False)
    sampai = date_field(_("Sampai tanggal"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    unit = forms.ModelChoiceField(
        label=_("Unit kerja"),
        queryset=UnitKerja.objects.all(),
        required=False,
        empty_label=_("Semua"),
    )
    kanal = forms.ChoiceField(label=_("Cara permohonan"), required=False)
    hasil = forms.ChoiceField(label=_("Keputusan"), required=False)

    def __init__(self, *args, jenis: str = "permohonan", **kwargs):
        super().__init__(*args, **kwargs)
        empty = [("", _("Semua"))]
        if jenis == "permohonan":
            self.fields["status"].choices = empty + list(Permohonan.Status.choices)
            self.fields["kanal"].choices = empty + list(Permohonan.Kanal.choices)
            self.fields["hasil"].choices = empty + list(Keputusan.Hasil.choices)
        else:
            self.fields["status"].choices = empty + list(Keberatan.Status.choices)
            self.fields["kanal"].choices = empty + list(Keberatan.Kanal.choices)
            self.fields["hasil"].label = _("Putusan")
            self.fields["hasil"].choices = empty + list(Keberatan.Putusan.choices)
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs["class"] = f"{css} form-control-sm"

    def clean(self):
        cleaned = super().clean()
        dari, sampai = cleaned.get("dari"), cleaned.get("sampai")
        if isinstance(dari, date) and isinstance(sampai, date) and dari > sampai:
            self.add_error("sampai", _("Tanggal akhir harus setelah tanggal awal."))
        return cleaned


class DaftarAkunForm(HoneypotMixin, UserCreationForm):
    """A citizen account: the requests made while signed in belong to it."""

    first_name = forms.CharField(label=_("Nama lengkap"), max_length=150)
    email = forms.EmailField(label=_("Alamat e-mail"))

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "first_name", "email")

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise ValidationError(_("Alamat e-mail ini sudah dipakai akun lain."))
        return email


class SurveiForm(forms.Form):
    """The satisfaction survey: each element of the service scored 1–4, and a comment."""

    komentar = forms.CharField(
        label=_("Komentar dan saran (tidak wajib)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Hanya dibaca petugas PPID; tidak ditampilkan kepada umum."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = {}
        for name, question, answers in SurveiKepuasan.UNSUR:
            fields[name] = forms.TypedChoiceField(
                label=question,
                choices=[(i, f"{i} – {answer}") for i, answer in enumerate(answers, start=1)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Pilih salah satu nilai.")},
            )
        fields["komentar"] = self.fields.pop("komentar")
        self.fields = {**fields, **self.fields}


class LaporanBaruForm(forms.Form):
    tahun = forms.IntegerField(
        label=_("Tahun laporan"),
        help_text=_("Laporan disampaikan paling lambat tiga bulan setelah tahun berakhir."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tahun"].initial = timezone.localdate().year - 1


class LaporanNarasiForm(forms.ModelForm):
    """The narrative sections the PPID writes; the figures come from the registers."""

    class Meta:
        model = LaporanTahunan
        fields = list(LaporanTahunan.NARASI)
        widgets = {name: forms.Textarea(attrs={"rows": 6}) for name in LaporanTahunan.NARASI}
        help_texts = {
            "kebijakan": _("Misalnya SK PPID, SOP layanan, dan kebijakan keterbukaan informasi."),
            "sarana_prasarana": _("Ruang layanan, situs, komputer, dan sarana lain."),
            "sumber_daya_manusia": _("Jumlah dan kualifikasi petugas PPID dan Desk Layanan."),
            "anggaran": _("Anggaran layanan informasi tahun ini dan realisasinya."),
            "kendala": _("Kendala internal dan eksternal dalam melayani informasi."),
            "rekomendasi": _("Rekomendasi dan rencana tindak lanjut untuk perbaikan layanan."),
        }


class LaporanSetujuiForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Unit yang menguasai laporan (untuk DIP)"),
        queryset=UnitKerja.objects.filter(aktif=True),
        help_text=_(
            "Laporan yang disetujui masuk register DIP sebagai informasi setiap saat atas nama "
            "unit ini, lalu didokumentasikan Desk seperti entri lainnya."
        ),
    )


class LaporanBatalForm(forms.Form):
    alasan = forms.CharField(
        label=_("Alasan pembatalan"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


class RekapForm(forms.Form):
    """Monthly or quarterly rekap of requests for the Atasan PPID."""

    tahun = forms.IntegerField(label=_("Tahun"), min_value=2010)
    jenis = forms.ChoiceField(
        label=_("Rekap"),
        choices=[("bulan", _("Bulanan")), ("triwulan", _("Triwulanan"))],
        widget=forms.RadioSelect,
        initial="bulan",
    )
    bulan = forms.TypedChoiceField(label=_("Bulan"), coerce=int, required=False)
    triwulan = forms.TypedChoiceField(
        label=_("Triwulan"),
        coerce=int,
        required=False,
        choices=[("", "—"), (1, "I"), (2, "II"), (3, "III"), (4, "IV")],
    )

    def __init__(self, *args, **kwargs):
        from ppid_portal.statistik import month_name

        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["tahun"].initial = today.year
        self.fields["tahun"].max_value = today.year
        self.fields["tahun"].validators.append(MaxValueValidator(today.year))
        self.fields["bulan"].choices = [("", "—")] + [(m, month_name(m)) for m in range(1, 13)]
        self.fields["bulan"].initial = today.month

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("jenis") == "bulan" and not cleaned.get("bulan"):
            self.add_error("bulan", _("Pilih bulan."))
        if cleaned.get("jenis") == "triwulan" and not cleaned.get("triwulan"):
            self.add_error("triwulan", _("Pilih triwulan."))
        return cleaned

    def periode(self):
        from ppid_portal.statistik import Periode

        data = self.cleaned_data
        if data["jenis"] == "bulan":
            return Periode(data["tahun"], bulan=data["bulan"])
        return Periode(data["tahun"], triwulan=data["triwulan"])
