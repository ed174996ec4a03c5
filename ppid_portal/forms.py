from django import forms
from django.utils.translation import gettext_lazy as _

from .files import UploadValidator
from .models import DokumenRegulasi, HalamanPortal


class HalamanForm(forms.ModelForm):
    class Meta:
        model = HalamanPortal
        fields = ["judul", "ringkasan", "isi", "judul_en", "isi_en"]
        widgets = {"isi": forms.Textarea(attrs={"rows": 12}), "isi_en": forms.Textarea()}


class RegulasiForm(forms.ModelForm):
    unggah = forms.FileField(
        label=_("Berkas (PDF, DOCX, atau ODT)"),
        required=False,
        validators=[UploadValidator(kinds=("pdf", "docx", "odt"))],
        help_text=_("Kosongkan bila tidak mengganti berkas."),
    )

    tautan = forms.URLField(label=_("Tautan resmi"), required=False, assume_scheme="https")

    class Meta:
        model = DokumenRegulasi
        fields = ["jenis", "nomor", "judul", "tahun", "keterangan", "tautan", "aktif", "urutan"]

    def clean_tahun(self):
        tahun = self.cleaned_data["tahun"]
        if not 1945 <= tahun <= 2100:
            raise forms.ValidationError(_("Tahun harus antara 1945 dan 2100."))
        return tahun

    def clean(self):
        cleaned = super().clean()
        has_file = cleaned.get("unggah") or (self.instance.pk and self.instance.berkas_id)
        if not self.errors and not has_file and not cleaned.get("tautan"):
            raise forms.ValidationError(_("Lampirkan berkas atau isi tautan resmi dokumen."))
        return cleaned


class PeriodeForm(forms.Form):
    """The period of the statistics pages (GET): a year, optionally one month of it."""

    YEARS_BACK = 9

    tahun = forms.TypedChoiceField(label=_("Tahun"), coerce=int, required=False)
    bulan = forms.TypedChoiceField(label=_("Bulan"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, today=None, **kwargs):
        from django.utils import timezone

        from .statistik import month_name

        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        years = range(self.today.year, self.today.year - self.YEARS_BACK - 1, -1)
        self.fields["tahun"].choices = [(y, str(y)) for y in years]
        self.fields["bulan"].choices = [("", _("Setahun penuh"))] + [
            (m, month_name(m)) for m in range(1, 13)
        ]

    def periode(self):
        """The chosen period; this year when nothing (or nothing valid) was chosen."""
        from .statistik import Periode

        if self.is_bound and self.is_valid():
            tahun = self.cleaned_data.get("tahun") or self.today.year
            return Periode(tahun, bulan=self.cleaned_data.get("bulan") or None)
        return Periode(self.today.year)
