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
