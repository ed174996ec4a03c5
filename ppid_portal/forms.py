"""Forms of the shared portal pages."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, time, timedelta

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .files import UploadValidator
from .models import AuditLog, DokumenRegulasi, HalamanPortal


def error_messages(exc: ValidationError | PermissionDenied) -> list[str]:
    """The texts of a service's refusal, one per message."""
    if isinstance(exc, PermissionDenied):
        return [str(exc) or gettext("Anda tidak berwenang melakukan tindakan ini.")]
    return [str(m) for m in exc.messages]


def apply_errors(
    form: forms.BaseForm,
    exc: ValidationError | PermissionDenied,
    *,
    aliases: Mapping[str, str] | None = None,
) -> None:
    """Put a service's refusal on the form: the errors of a field the form has on that field
    (or on the field `aliases` names for it), everything else at the top. Every app's views
    and forms use this one."""
    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            target = (aliases or {}).get(name, name)
            target = target if target in form.fields else None
            for message in errors:
                form.add_error(target, message)
        return
    for message in error_messages(exc):
        form.add_error(None, message)


class _DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ContentTypeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: ContentType) -> str:
        model = obj.model_class()
        name = model._meta.verbose_name if model else obj.model
        return f"{str(name).capitalize()} ({obj.app_label})"


class AuditLogFilterForm(forms.Form):
    """Filters of the audit trail viewer: actor, object type, action, date range."""

    pelaku = forms.CharField(
        label=_("Pelaku"),
        required=False,
        help_text=_("Nama atau nama pengguna; sebagian saja boleh."),
    )
    jenis = ContentTypeChoiceField(
        label=_("Jenis objek"), queryset=ContentType.objects.none(), required=False
    )
    tindakan = forms.ChoiceField(label=_("Tindakan"), required=False)
    dari = forms.DateField(label=_("Dari tanggal"), required=False, widget=_DateInput())
    sampai = forms.DateField(label=_("Sampai tanggal"), required=False, widget=_DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only what the trail holds, so every choice finds something.
        self.fields["jenis"].queryset = ContentType.objects.filter(
            pk__in=AuditLog.objects.order_by().values("content_type").distinct()
        ).order_by("app_label", "model")
        actions = AuditLog.objects.order_by("action").values_list("action", flat=True).distinct()
        self.fields["tindakan"].choices = [("", _("Semua"))] + [(a, a) for a in actions]

    def clean(self):
        cleaned = super().clean()
        dari, sampai = cleaned.get("dari"), cleaned.get("sampai")
        if dari and sampai and sampai < dari:
            self.add_error("sampai", _("Tanggal akhir tidak boleh sebelum tanggal awal."))
        return cleaned

    def apply(self, queryset: QuerySet[AuditLog]) -> QuerySet[AuditLog]:
        if not self.is_bound or not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data.get("pelaku"):
            queryset = queryset.filter(
                Q(actor_label__icontains=data["pelaku"]) | Q(actor__username__iexact=data["pelaku"])
            )
        if data.get("jenis"):
            queryset = queryset.filter(content_type=data["jenis"])
        if data.get("tindakan"):
            queryset = queryset.filter(action=data["tindakan"])
        tz = timezone.get_current_timezone()
        if data.get("dari"):
            queryset = queryset.filter(created_at__gte=datetime.combine(data["dari"], time(), tz))
        if data.get("sampai"):
            end = datetime.combine(data["sampai"] + timedelta(days=1), time(), tz)
            queryset = queryset.filter(created_at__lt=end)
        return queryset

    def summary(self) -> str:
        if not self.is_bound or not self.is_valid():
            return ""
        parts = []
        for name, value in self.cleaned_data.items():
            if value:
                parts.append(f"{self.fields[name].label}: {value}")
        return "; ".join(parts)


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


class EmailKeluarFilterForm(forms.Form):
    """The outbox page's filter: by sending status."""

    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, **kwargs):
        from .models import EmailKeluar

        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("Semua")), *EmailKeluar.Status.choices]

    def apply(self, queryset):
        if self.is_valid() and self.cleaned_data["status"]:
            queryset = queryset.filter(status=self.cleaned_data["status"])
        return queryset
