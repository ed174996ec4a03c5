"""Forms of the arsip app: they validate and render; the services change state."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ppid_portal.files import DOCUMENT_KINDS, UploadValidator
from ppid_portal.models import UnitKerja

from . import selectors
from .models import (
    ItemArsip,
    JadwalRetensi,
    Kegiatan,
    LampiranKegiatan,
    Lokasi,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class LokasiChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Lokasi) -> str:
        return f"{obj.jalur} · {obj.nama}"


def _lokasi_qs(jenis):
    return (
        selectors.lokasi_dengan_jalur()
        .filter(jenis__in=jenis)
        .order_by("induk__induk__induk__kode", "induk__induk__kode", "induk__kode", "kode")
    )


def _unit_qs():
    return UnitKerja.objects.filter(aktif=True)


class LokasiForm(forms.ModelForm):
    induk = LokasiChoiceField(
        label=_("Berada di"),
        queryset=Lokasi.objects.none(),
        required=False,
        help_text=_("Kosongkan hanya untuk gedung."),
    )

    class Meta:
        model = Lokasi
        fields = ["jenis", "kode", "nama", "induk", "unit", "keterangan"]
        widgets = {"keterangan": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["induk"].queryset = _lokasi_qs(
            [Lokasi.Jenis.GEDUNG, Lokasi.Jenis.RUANG, Lokasi.Jenis.LEMARI, Lokasi.Jenis.RAK]
        )
        self.fields["unit"].queryset = _unit_qs()
        if self.instance.pk:
            self.fields["jenis"].disabled = True
            self.fields["induk"].queryset = self.fields["induk"].queryset.filter(
                jenis__in=Lokasi.INDUK_BOLEH[self.instance.jenis]
            )

    def _post_clean(self):
        # The service validates the tree and uniqueness; the form only checks its fields.
        pass


class ItemForm(forms.ModelForm):
    lokasi = LokasiChoiceField(
        label=_("Lokasi (boks/map)"),
        queryset=Lokasi.objects.none(),
        required=False,
        help_text=_("Wajib untuk arsip fisik; arsip digital boleh tanpa lokasi."),
    )

    class Meta:
        model = ItemArsip
        fields = [
            "kode_klasifikasi",
            "judul",
            "uraian",
            "unit",
            "tanggal_mulai",
            "tanggal_selesai",
            "medium",
            "jumlah",
            "satuan",
            "kondisi",
            "lokasi",
        ]
        widgets = {
            "tanggal_mulai": DateInput(),
            "tanggal_selesai": DateInput(),
            "uraian": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "kode_klasifikasi": _(
                "Kode dari pedoman klasifikasi arsip; retensinya diambil dari Jadwal Retensi Arsip."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = _unit_qs()
        if self.instance.pk:
            # Moves go through "Pindahkan", which keeps the history.
            del self.fields["lokasi"]
        else:
            self.fields["lokasi"].queryset = _lokasi_qs(Lokasi.WADAH_ITEM)

    def _post_clean(self):
        pass


class PindahForm(forms.Form):
    ke = LokasiChoiceField(label=_("Pindahkan ke (boks/map)"), queryset=Lokasi.objects.none())
    alasan = forms.CharField(label=_("Alasan"), max_length=300, required=False)

    def __init__(self, *args, item: ItemArsip, **kwargs):
        super().__init__(*args, **kwargs)
        qs = _lokasi_qs(Lokasi.WADAH_ITEM)
        if item.lokasi_id:
            qs = qs.exclude(pk=item.lokasi_id)
        self.fields["ke"].queryset = qs


class BerkasForm(forms.Form):
    berkas = forms.FileField(
        label=_("Berkas"), validators=[UploadValidator(DOCUMENT_KINDS)], allow_empty_file=True
    )
    keterangan = forms.CharField(label=_("Keterangan"), max_length=200, required=False)
    sensitif = forms.BooleanField(
        label=_("Berkas sensitif"),
        required=False,
        help_text=_(
            "Misalnya dokumen asli informasi yang dikecualikan: setiap unduhan dicatat di jejak "
            "audit."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["berkas"].help_text = _("Jenis yang diterima: %(jenis)s.") % {
            "jenis": UploadValidator(DOCUMENT_KINDS).allowed_labels()
        }


class TautanForm(forms.Form):
    jenis = forms.ChoiceField(label=_("Jenis"))
    object_id = forms.CharField(
        label=_("Nomor ID"),
        max_length=64,
        help_text=_("Nomor ID entri DIP atau permohonan, seperti tertera pada halamannya."),
    )
    keterangan = forms.CharField(label=_("Keterangan"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jenis"].choices = selectors.tautan_pilihan()


class AlasanForm(forms.Form):
    alasan = forms.CharField(label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, required: bool = True, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["alasan"].required = required
        if label:
            self.fields["alasan"].label = label


class ItemFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari uraian"), required=False)
    kode = forms.CharField(label=_("Kode klasifikasi"), required=False)
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=UnitKerja.objects.all(), required=False)
    lokasi = LokasiChoiceField(label=_("Lokasi"), queryset=Lokasi.objects.none(), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Semua"))] + list(ItemArsip.Status.choices),
        required=False,
    )
    medium = forms.ChoiceField(
        label=_("Media"),
        choices=[("", _("Semua"))] + list(ItemArsip.Medium.choices),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lokasi"].queryset = _lokasi_qs([j for j, _label in Lokasi.Jenis.choices])

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v}


class JadwalForm(forms.ModelForm):
    class Meta:
        model = JadwalRetensi
        fields = [
            "kode_klasifikasi",
            "jenis_arsip",
            "retensi_aktif",
            "retensi_inaktif",
            "nasib_akhir",
            "keterangan",
        ]
        widgets = {"keterangan": forms.Textarea(attrs={"rows": 2})}

    def _post_clean(self):
        pass


class ItemPilihanField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: ItemArsip) -> str:
        return (
            f"{obj.nomor} · {obj.kode_klasifikasi} · {obj.judul} ({obj.kurun_waktu}) · "
            f"{obj.jadwal.get_nasib_akhir_display()} sejak {obj.tanggal_nasib:%d-%m-%Y}"
        )


class UsulForm(forms.Form):
    items = ItemPilihanField(
        label=_("Item arsip yang diusulkan dimusnahkan"),
        queryset=ItemArsip.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    pertimbangan = forms.CharField(
        label=_("Pertimbangan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Misalnya hasil penilaian arsip dan dasar jadwal retensinya."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].queryset = selectors.item_boleh_diusulkan_musnah()


class KegiatanForm(forms.ModelForm):
    class Meta:
        model = Kegiatan
        fields = [
            "judul",
            "jenis",
            "tanggal",
            "tempat",
            "unit",
            "peserta",
            "ringkasan",
            "keputusan",
            "publik",
        ]
        widgets = {
            "tanggal": DateInput(),
            "peserta": forms.Textarea(attrs={"rows": 3}),
            "ringkasan": forms.Textarea(attrs={"rows": 6}),
            "keputusan": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = _unit_qs()

    def _post_clean(self):
        pass


class LampiranForm(forms.Form):
    berkas = forms.FileField(
        label=_("Berkas"), validators=[UploadValidator(DOCUMENT_KINDS)], allow_empty_file=True
    )
    jenis = forms.ChoiceField(label=_("Jenis"), choices=LampiranKegiatan.Jenis.choices)
    keterangan = forms.CharField(label=_("Keterangan"), max_length=200, required=False)
    publik = forms.BooleanField(
        label=_("Boleh diunduh publik bila kegiatannya publik"), required=False, initial=True
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["berkas"].help_text = _(
            "Foto: JPG atau PNG. Rekaman: MP3 atau MP4. Notulen dan dokumen: PDF, DOCX, ODT, "
            "XLSX atau ODS."
        )


class KegiatanFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari"), required=False)
    jenis = forms.ChoiceField(
        label=_("Jenis"), choices=[("", _("Semua"))] + list(Kegiatan.Jenis.choices), required=False
    )
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=UnitKerja.objects.all(), required=False)
    publik = forms.ChoiceField(
        label=_("Tampil di situs"),
        choices=[("", _("Semua")), ("ya", _("Publik")), ("tidak", _("Internal"))],
        required=False,
    )
    dari = forms.DateField(label=_("Dari tanggal"), required=False, widget=DateInput())
    sampai = forms.DateField(label=_("Sampai tanggal"), required=False, widget=DateInput())

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v}


class KegiatanPublikFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari kegiatan"), required=False)
    jenis = forms.ChoiceField(
        label=_("Jenis"), choices=[("", _("Semua"))] + list(Kegiatan.Jenis.choices), required=False
    )

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v}


class DaftarArsipForm(forms.Form):
    lokasi = LokasiChoiceField(label=_("Lokasi"), queryset=Lokasi.objects.none(), required=False)
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=UnitKerja.objects.all(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lokasi"].queryset = _lokasi_qs([j for j, _label in Lokasi.Jenis.choices])
