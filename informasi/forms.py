"""Forms of the DIP pages. They validate and render; the services change state."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ppid_portal.files import UploadValidator
from ppid_portal.forms import apply_errors
from ppid_portal.models import UnitKerja

from . import pengecualian
from .models import BENTUK_FIELDS, InformasiPublik, Kategori
from .selectors import BENTUK_NAMES
from .services import IMPORT_KINDS
from .validation import clean_values

BENTUK_CHOICES = [(name, label) for name, label in BENTUK_FIELDS]
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


# The service reports each format flag under its own name; the form has one field for them.
BENTUK_ALIASES = {name: "bentuk" for name, _label in BENTUK_FIELDS}


class EntryForm(forms.ModelForm):
    """A Penyedia's entry: the Perki columns, category, year, subject."""

    bentuk = forms.MultipleChoiceField(
        label=_("Bentuk informasi yang tersedia"),
        choices=BENTUK_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Softcopy/hardcopy; cetak, rekam, atau online."),
    )

    class Meta:
        model = InformasiPublik
        fields = [
            "kategori",
            "ringkasan",
            "pejabat_penguasa",
            "penanggung_jawab",
            "waktu_tempat",
            "bentuk",
            "retensi",
            "kode_klasifikasi",
            "tahun",
            "subjek",
            "alasan_pengecualian",
            "pengecualian_berakhir",
        ]
        widgets = {
            "ringkasan": forms.Textarea(attrs={"rows": 4}),
            "pengecualian_berakhir": DATE_WIDGET,
        }
        help_texts = {
            "alasan_pengecualian": _("Hanya untuk kategori Dikecualikan."),
            "pengecualian_berakhir": _(
                "Wajib untuk Pasal 17 huruf a–f (pengecualian tidak permanen)."
            ),
            "kode_klasifikasi": _("Kode klasifikasi arsip, bila ada."),
        }

    def __init__(self, *args, unit: UnitKerja | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ringkasan"].max_length = 4000
        if self.instance.pk:
            self.initial["bentuk"] = [n for n, _l in BENTUK_FIELDS if getattr(self.instance, n)]
        else:
            self.initial.setdefault("tahun", timezone.localdate().year)
            if unit is not None:
                self.initial.setdefault("pejabat_penguasa", unit.kepala or unit.nama)

    def values(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in self.Meta.fields if name != "bentuk"}
        chosen = set(self.cleaned_data.get("bentuk") or [])
        for name, _label in BENTUK_FIELDS:
            data[name] = name in chosen
        return data

    def clean(self):
        cleaned = super().clean()
        try:
            clean_values(self.values())
        except ValidationError as exc:
            # Report the rule errors too, but only on fields without a message already.
            for name, messages in exc.message_dict.items():
                target = "bentuk" if name in dict(BENTUK_FIELDS) else name
                if target in self.fields and target not in self.errors:
                    self.add_error(target, messages)
        return cleaned

    def _post_clean(self):
        # The model instance is written by the services, not by ModelForm.save().
        pass

    def apply_service_error(self, exc: ValidationError) -> None:
        apply_errors(self, exc, aliases=BENTUK_ALIASES)


class DocumentForm(forms.Form):
    judul = forms.CharField(
        label=_("Judul dokumen"),
        max_length=300,
        required=False,
        help_text=_("Bila kosong, dipakai nama berkas atau alamat tautan."),
    )
    berkas = forms.FileField(
        label=_("Berkas"),
        required=False,
        validators=[UploadValidator()],
        help_text=_("PDF, DOCX, XLSX, ODT, ODS, JPG, PNG, MP3 atau MP4."),
    )
    tautan = forms.URLField(
        label=_("atau tautan"),
        required=False,
        max_length=1000,
        assume_scheme="https",
        help_text=_("Alamat dokumen yang sudah dipublikasikan di tempat lain."),
    )

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        has_file = bool(cleaned.get("berkas"))
        has_link = bool(cleaned.get("tautan"))
        if has_file == has_link:
            raise ValidationError(_("Unggah satu berkas atau isi satu tautan (salah satu)."))
        return cleaned


class ReasonForm(forms.Form):
    alasan = forms.CharField(
        label=_("Alasan / catatan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        error_messages={"required": _("Tuliskan alasan atau catatan.")},
    )


class NoteForm(forms.Form):
    catatan = forms.CharField(
        label=_("Catatan (boleh kosong)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=4000,
        required=False,
    )


class DocumentationForm(forms.Form):
    """The Desk's classification and documentation of a submitted entry."""

    kategori = forms.ChoiceField(label=_("Kategori"), choices=Kategori.choices)
    alasan_pengecualian = forms.ChoiceField(
        label=_("Alasan pengecualian (Pasal 17)"),
        choices=[("", "—"), *pengecualian.Alasan.choices],
        required=False,
    )
    pengecualian_berakhir = forms.DateField(
        label=_("Pengecualian berlaku sampai"), required=False, widget=DATE_WIDGET
    )
    bentuk = forms.MultipleChoiceField(
        label=_("Bentuk informasi yang tersedia"),
        choices=BENTUK_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    lokasi_softcopy = forms.CharField(
        label=_("Lokasi penyimpanan softcopy"),
        max_length=300,
        required=False,
        help_text=_("Misalnya: server berkas \\\\PPID\\DIP\\2024 atau folder arsip digital."),
    )
    lokasi_hardcopy = forms.CharField(
        label=_("Lokasi penyimpanan hardcopy"),
        max_length=300,
        required=False,
        help_text=_("Misalnya: Ruang Arsip, Rak B-2, Boks 14."),
    )
    retensi = forms.CharField(
        label=_("Jangka waktu penyimpanan atau retensi arsip"),
        max_length=300,
        required=False,
        help_text=_(
            "Diisi otomatis dari Jadwal Retensi Arsip bila kode klasifikasi terdaftar di sana."
        ),
    )
    kode_klasifikasi = forms.CharField(
        label=_("Kode klasifikasi arsip"), max_length=40, required=False
    )
    catatan = forms.CharField(
        label=_("Catatan (boleh kosong)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    @classmethod
    def initial_for(cls, entry: InformasiPublik) -> dict:
        return {
            "kategori": entry.kategori,
            "alasan_pengecualian": entry.alasan_pengecualian,
            "pengecualian_berakhir": entry.pengecualian_berakhir,
            "bentuk": [n for n, _l in BENTUK_FIELDS if getattr(entry, n)],
            "lokasi_softcopy": entry.lokasi_softcopy,
            "lokasi_hardcopy": entry.lokasi_hardcopy,
            "retensi": entry.retensi,
            "kode_klasifikasi": entry.kode_klasifikasi,
        }

    def klasifikasi_kwargs(self) -> dict:
        data = self.cleaned_data
        chosen = set(data.get("bentuk") or [])
        return {
            "kategori": data["kategori"],
            "retensi": data["retensi"],
            "kode_klasifikasi": data.get("kode_klasifikasi") or "",
            "alasan_pengecualian": data.get("alasan_pengecualian") or "",
            "pengecualian_berakhir": data.get("pengecualian_berakhir"),
            "lokasi_softcopy": data.get("lokasi_softcopy") or "",
            "lokasi_hardcopy": data.get("lokasi_hardcopy") or "",
            **{name: name in chosen for name, _label in BENTUK_FIELDS},
        }

    def apply_service_error(self, exc: ValidationError) -> None:
        apply_errors(self, exc, aliases=BENTUK_ALIASES)


class VersionForm(forms.Form):
    nomor_sk = forms.CharField(
        label=_("Nomor SK penetapan"),
        max_length=120,
        help_text=_("Misalnya: 12/PPID/SK/II/2026."),
    )
    tanggal_sk = forms.DateField(label=_("Tanggal SK"), widget=DATE_WIDGET)
    penandatangan = forms.CharField(label=_("Nama penandatangan"), max_length=200)
    jabatan_penandatangan = forms.CharField(
        label=_("Jabatan penandatangan"), max_length=200, initial=_("PPID")
    )
    keterangan = forms.CharField(
        label=_("Keterangan (boleh kosong)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    def clean_tanggal_sk(self):
        tanggal = self.cleaned_data["tanggal_sk"]
        if tanggal > timezone.localdate():
            raise ValidationError(_("Tanggal SK tidak boleh di masa depan."))
        return tanggal

    def apply_service_error(self, exc: ValidationError) -> None:
        apply_errors(self, exc, aliases=BENTUK_ALIASES)


class ImportForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Unit tujuan"),
        queryset=UnitKerja.objects.filter(aktif=True),
        help_text=_("Semua baris diimpor sebagai draf unit ini."),
    )
    berkas = forms.FileField(
        label=_("Berkas XLSX atau CSV"),
        validators=[UploadValidator(kinds=IMPORT_KINDS)],
        help_text=_("Kolom sesuai format DIP Perki 1/2021; lihat panduan di bawah."),
    )


class PublicFilterForm(forms.Form):
    """Filters of the public DIP page and the API (GET)."""

    q = forms.CharField(label=_("Kata kunci"), required=False, max_length=200)
    kategori = forms.ChoiceField(
        label=_("Kategori"), required=False, choices=[("", _("Semua kategori")), *Kategori.choices]
    )
    unit = forms.ChoiceField(label=_("Unit"), required=False)
    tahun = forms.TypedChoiceField(label=_("Tahun"), required=False, coerce=int, empty_value=None)
    bentuk = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("Semua format")), *[(n, dict(BENTUK_FIELDS)[n]) for n in BENTUK_NAMES]],
    )
    urut = forms.ChoiceField(
        label=_("Urutkan"),
        required=False,
        choices=[
            ("", _("Bawaan")),
            ("nomor", _("Nomor DIP")),
            ("terbaru", _("Terbaru")),
            ("terlama", _("Terlama")),
            ("tahun_baru", _("Tahun (terbaru)")),
            ("tahun_lama", _("Tahun (terlama)")),
            ("ringkasan", _("Ringkasan (A–Z)")),
        ],
    )

    def __init__(self, *args, units=(), years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", _("Semua unit")), *units]
        self.fields["tahun"].choices = [("", _("Semua tahun")), *[(y, y) for y in years]]

    def filters(self) -> dict:
        """The valid filters; an invalid one (an unknown unit or year) is left out."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "q": data.get("q") or "",
            "kategori": data.get("kategori") or "",
            "unit": data.get("unit") or "",
            "tahun": data.get("tahun"),
            "bentuk": data.get("bentuk") or "",
            "urut": data.get("urut") or "",
        }


class StaffFilterForm(forms.Form):
    q = forms.CharField(label=_("Kata kunci"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Semua status")), *InformasiPublik.Status.choices],
    )
    kategori = forms.ChoiceField(
        label=_("Kategori"), required=False, choices=[("", _("Semua kategori")), *Kategori.choices]
    )
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        required=False,
        queryset=UnitKerja.objects.all(),
        empty_label=_("Semua unit"),
    )

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "q": data.get("q") or "",
            "status": data.get("status") or "",
            "kategori": data.get("kategori") or "",
            "unit": data["unit"].pk if data.get("unit") else None,
        }
