"""Forms of the excepted-information pages. They validate and render; `informasi.workflow`
changes state."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ppid_portal.files import UploadValidator
from ppid_portal.models import User

from . import pengecualian
from .forms import DATE_WIDGET
from .models import (
    KATEGORI_TERBUKA,
    InformasiPublik,
    PembukaanInformasi,
    PenetapanPengecualian,
    PesertaUji,
)
from .models import UjiKonsekuensi as Uji
from .workflow import UJI_EDIT_FIELDS

ALASAN_CHOICES = [("", "—"), *pengecualian.Alasan.choices]


class UjiProposeForm(forms.Form):
    """The Tim Pertimbangan, the PPID or a unit proposes that information be excepted."""

    informasi = forms.ModelChoiceField(
        label=_("Entri DIP yang diusulkan untuk dikecualikan"),
        queryset=InformasiPublik.objects.none(),
        required=False,
    )
    judul_informasi = forms.CharField(
        label=_("Informasi yang diuji"),
        max_length=300,
        required=False,
        help_text=_("Bila kosong, dipakai ringkasan entri DIP atau rincian permohonan."),
    )
    alasan = forms.ChoiceField(
        label=_("Dasar pengecualian yang diusulkan (Pasal 17)"),
        choices=ALASAN_CHOICES,
        required=False,
    )
    usulan = forms.CharField(
        label=_("Alasan usulan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        error_messages={"required": _("Tuliskan mengapa informasi ini diusulkan dikecualikan.")},
    )

    def __init__(self, *args, entries=None, **kwargs):
        super().__init__(*args, **kwargs)
        if entries is None:
            # The information a request asks for (the requests app's page): no entry to choose.
            del self.fields["informasi"]
        else:
            self.fields["informasi"].queryset = entries
            self.fields["informasi"].required = True
            self.fields["informasi"].label_from_instance = lambda e: f"#{e.pk} {e} ({e.unit.nama})"


class UjiForm(forms.ModelForm):
    """The consequence-test sheet: the steps of the test in the order the law sets them."""

    class Meta:
        model = Uji
        fields = list(UJI_EDIT_FIELDS)
        widgets = {
            "judul_informasi": forms.TextInput(),
            "uraian_publik": forms.Textarea(attrs={"rows": 2}),
            "bagian_dikecualikan": forms.Textarea(attrs={"rows": 2}),
            "dasar_hukum_lain": forms.Textarea(attrs={"rows": 2}),
            "konsekuensi": forms.Textarea(attrs={"rows": 4}),
            "kepentingan_publik": forms.Textarea(attrs={"rows": 4}),
            "pertimbangan": forms.Textarea(attrs={"rows": 4}),
            "catatan_internal": forms.Textarea(attrs={"rows": 2}),
            "berakhir_pada": DATE_WIDGET,
            "tanggal_uji": DATE_WIDGET,
        }

    field_order = [
        "tanggal_uji",
        "tempat_uji",
        "judul_informasi",
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
        "uraian_publik",
        "catatan_internal",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["alasan"].choices = ALASAN_CHOICES
        self.fields["kesimpulan"].choices = [("", "—"), *Uji.Kesimpulan.choices]
        self.fields["kategori_terbuka"].choices = KATEGORI_TERBUKA
        self.fields["catatan_internal"].help_text = _("Hanya untuk staf; tidak pernah diumumkan.")
        self.order_fields(self.field_order)

    def _post_clean(self):
        # The sheet is written by `workflow.uji_update`, not by ModelForm.save().
        pass

    def values(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in UJI_EDIT_FIELDS}


class OriginalForm(forms.Form):
    berkas = forms.FileField(
        label=_("Dokumen yang diuji (asli)"),
        validators=[UploadValidator()],
        help_text=_("Disimpan sebagai berkas sensitif: setiap pembukaan tercatat di jejak audit."),
    )


class PesertaForm(forms.Form):
    username = forms.CharField(
        label=_("Nama pengguna (akun portal) peserta"),
        max_length=150,
        help_text=_("Ahli dari luar memerlukan akun portal untuk menandatangani."),
    )
    peran = forms.ChoiceField(label=_("Peran dalam uji"), choices=PesertaUji.Peran.choices)
    jabatan = forms.CharField(
        label=_("Jabatan / keahlian (boleh kosong)"), max_length=200, required=False
    )

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise ValidationError(_("Akun aktif dengan nama pengguna ini tidak ditemukan."))
        self.cleaned_data["pengguna"] = user
        return username


class SignForm(forms.Form):
    catatan = forms.CharField(
        label=_("Catatan (boleh kosong)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        required=False,
    )


class PenetapanForm(forms.Form):
    tanggal = forms.DateField(label=_("Tanggal penetapan"), widget=DATE_WIDGET)
    tempat = forms.CharField(label=_("Tempat penetapan"), max_length=120)
    berkas_sensor = forms.FileField(
        label=_("Dokumen yang sudah dihitamkan"),
        required=False,
        validators=[UploadValidator()],
        help_text=_(
            "Wajib bila informasi dikecualikan sebagian: hanya dokumen ini yang dipublikasikan "
            "di DIP; dokumen asli tidak pernah disajikan kepada publik."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tanggal"].initial = timezone.localdate()
        self.fields["tempat"].initial = settings.PPID_OFFICE_CITY


class PembukaanForm(forms.Form):
    jenis = forms.ChoiceField(label=_("Dasar pembukaan"))
    nomor_putusan = forms.CharField(label=_("Nomor putusan"), max_length=120, required=False)
    tanggal_putusan = forms.DateField(label=_("Tanggal putusan"), widget=DATE_WIDGET)
    keterangan = forms.CharField(
        label=_("Keterangan"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=4000,
        required=False,
    )

    def __init__(self, *args, early: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(PembukaanInformasi.Jenis.choices)
        # Decisions first; the PPID's early opening only within the last 30 working days.
        order = [
            PembukaanInformasi.Jenis.KOMISI_INFORMASI,
            PembukaanInformasi.Jenis.PENGADILAN,
            PembukaanInformasi.Jenis.KEBERATAN,
        ]
        if early:
            order.insert(0, PembukaanInformasi.Jenis.MENJELANG_BERAKHIR)
        self.fields["jenis"].choices = [(value, labels[value]) for value in order]
        self.fields["tanggal_putusan"].initial = timezone.localdate()


class PrioritasForm(forms.Form):
    prioritas = forms.TypedChoiceField(
        label=_("Prioritas pembukaan"),
        choices=PenetapanPengecualian.Prioritas.choices,
        coerce=int,
    )


class RegisterFilterForm(forms.Form):
    alasan = forms.ChoiceField(
        label=_("Dasar pengecualian"),
        choices=[("", _("Semua dasar")), *pengecualian.Alasan.choices],
        required=False,
    )
