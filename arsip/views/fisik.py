"""Staff pages of the physical archive: places, items, moves, labels and the daftar arsip."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, FormView, ListView, TemplateView, View

from ppid_portal.access import ActionRequiredMixin, can
from ppid_portal.documents import pdf_response, xlsx_response
from ppid_portal.files import file_response

from .. import selectors
from ..forms import (
    BerkasForm,
    DaftarArsipForm,
    ItemFilterForm,
    ItemForm,
    LokasiForm,
    PindahForm,
    TautanForm,
)
from ..labels import absolute_url, qr_data_uri
from ..models import BerkasArsip, ItemArsip, Lokasi, TautanItem
from ..services import fisik
from .base import FilterMixin, ServiceFormMixin, querystring


class LokasiListView(ActionRequiredMixin, TemplateView):
    """Desk, PPID, Atasan PPID: the whole location tree with the number of items in each."""

    action = "arsip.view"
    template_name = "arsip/lokasi_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pohon"] = selectors.pohon_lokasi()
        context["boleh_kelola"] = can(self.request.user, "arsip.manage")
        return context


class LokasiDetailView(ActionRequiredMixin, DetailView):
    """Desk, PPID, Atasan PPID: one place, what it holds, its label (the QR code leads here)."""

    action = "arsip.view"
    template_name = "arsip/lokasi_detail.html"
    context_object_name = "lokasi"

    def get_queryset(self):
        return selectors.lokasi_dengan_jalur().select_related("unit")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        lokasi = self.object
        context["anak"] = lokasi.anak.annotate(
            jumlah_item=Count("item", filter=~Q(item__status=ItemArsip.Status.DIMUSNAHKAN))
        ).order_by("kode")
        context["items"] = selectors.isi_lokasi(lokasi)
        context["boleh_kelola"] = can(self.request.user, "arsip.manage")
        return context


class LokasiCreateView(ActionRequiredMixin, ServiceFormMixin, FormView):
    """Desk and PPID: add a building, room, cabinet/shelf or box/folder."""

    action = "arsip.manage"
    template_name = "arsip/lokasi_form.html"
    form_class = LokasiForm

    def get_initial(self):
        initial = super().get_initial()
        induk = self.request.GET.get("induk")
        if induk and induk.isdigit():
            parent = Lokasi.objects.filter(pk=induk).first()
            if parent is not None:
                initial["induk"] = parent
                kinds = [k for k, parents in Lokasi.INDUK_BOLEH.items() if parent.jenis in parents]
                if kinds:
                    initial["jenis"] = kinds[0]
        return initial

    def perform(self, form):
        data = form.cleaned_data
        return fisik.lokasi_create(
            actor=self.request.user,
            jenis=data["jenis"],
            kode=data["kode"],
            nama=data["nama"],
            induk=data["induk"],
            unit=data["unit"],
            keterangan=data["keterangan"],
        )

    def get_success_url(self):
        messages.success(self.request, _("Lokasi %(kode)s dicatat.") % {"kode": self.result.kode})
        return self.result.get_absolute_url()


class LokasiUpdateView(ActionRequiredMixin, ServiceFormMixin, FormView):
    """Desk and PPID: rename a place or move it (a box to another shelf)."""

    action = "arsip.manage"
    template_name = "arsip/lokasi_form.html"
    form_class = LokasiForm

    def dispatch(self, request, *args, **kwargs):
        self.object = get_object_or_404(selectors.lokasi_dengan_jalur(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.object}

    def perform(self, form):
        data = form.cleaned_data
        return fisik.lokasi_update(
            lokasi=self.object,
            actor=self.request.user,
            kode=data["kode"],
            nama=data["nama"],
            induk=data["induk"],
            unit=data["unit"],
            keterangan=data["keterangan"],
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(lokasi=self.object, **kwargs)

    def get_success_url(self):
        messages.success(self.request, _("Lokasi diperbarui."))
        return self.object.get_absolute_url()


def _label_lokasi(lokasi: Lokasi, items_by_box: dict) -> dict:
    items = items_by_box.get(lokasi.pk, [])
    years = sorted({i.tanggal_mulai.year for i in items} | {i.tanggal_dasar.year for i in items})
    return {
        "judul": lokasi.get_jenis_display(),
        "kode": lokasi.kode_lengkap,
        "nama": lokasi.nama,
        "jalur": lokasi.jalur,
        "unit": lokasi.unit.nama if lokasi.unit_id else "",
        "tahun": f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else ""),
        "items": items,
        "url": absolute_url(lokasi.get_absolute_url()),
        "qr": qr_data_uri(absolute_url(lokasi.get_absolute_url())),
    }


class LokasiLabelView(ActionRequiredMixin, View):
    """Desk, PPID, Atasan PPID: printable label (PDF with QR code) of a shelf, cabinet, box or
    folder; `?isi=1` prints the labels of every box and folder under a shelf."""

    action = "arsip.view"

    def get(self, request, pk):
        lokasi = get_object_or_404(selectors.lokasi_dengan_jalur().select_related("unit"), pk=pk)
        if not lokasi.bisa_dilabel:
            raise Http404(_("Label dicetak untuk lemari, rak, boks dan map."))
        places = [lokasi]
        if request.GET.get("isi") and lokasi.jenis in (Lokasi.Jenis.LEMARI, Lokasi.Jenis.RAK):
            places = list(
                selectors.lokasi_dengan_jalur()
                .select_related("unit")
                .filter(induk=lokasi)
                .order_by("kode")
            )
        items_by_box: dict = {}
        for item in (
            ItemArsip.objects.filter(lokasi__in=places)
            .exclude(status=ItemArsip.Status.DIMUSNAHKAN)
            .order_by("kode_klasifikasi", "tanggal_mulai")
        ):
            items_by_box.setdefault(item.lokasi_id, []).append(item)
        labels = [_label_lokasi(place, items_by_box) for place in places]
        return pdf_response(
            "arsip/pdf/label.html",
            {"labels": labels},
            f"label-{lokasi.kode_lengkap}",
        )


class ItemListView(ActionRequiredMixin, FilterMixin, ListView):
    """Desk, PPID, Atasan PPID: archive items with filters."""

    action = "arsip.view"
    template_name = "arsip/item_list.html"
    context_object_name = "items"
    filter_form_class = ItemFilterForm
    paginate_by = 50

    def get_queryset(self):
        return selectors.item_filter(selectors.item_list(), **self.get_filters())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["boleh_kelola"] = can(self.request.user, "arsip.manage")
        return context


class ItemCreateView(ActionRequiredMixin, ServiceFormMixin, FormView):
    """Desk and PPID: record an archive item."""

    action = "arsip.manage"
    template_name = "arsip/item_form.html"
    form_class = ItemForm

    def get_initial(self):
        initial = super().get_initial()
        lokasi = self.request.GET.get("lokasi")
        if lokasi and lokasi.isdigit():
            initial["lokasi"] = lokasi
        return initial

    def perform(self, form):
        return fisik.item_create(actor=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        messages.success(
            self.request, _("Item arsip %(nomor)s dicatat.") % {"nomor": self.result.nomor}
        )
        return self.result.get_absolute_url()


class ItemDetailView(ActionRequiredMixin, DetailView):
    """Desk, PPID, Atasan PPID: one item with its retention, place, moves, files and links;
    a destroyed item keeps its record here."""

    action = "arsip.view"
    template_name = "arsip/item_detail.html"
    context_object_name = "item"

    def get_queryset(self):
        return selectors.item_detail_qs()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        item = self.object
        open_status = item.status in (ItemArsip.Status.AKTIF, ItemArsip.Status.INAKTIF)
        context.update(
            boleh_kelola=can(user, "arsip.manage") and open_status,
            boleh_inaktif=can(user, "arsip.retensi.inaktif")
            and item.status == ItemArsip.Status.AKTIF,
            boleh_statis=can(user, "arsip.retensi.statis")
            and open_status
            and item.jadwal.nasib_akhir != item.jadwal.NasibAkhir.MUSNAH
            and item.tanggal_nasib <= timezone.localdate(),
            riwayat=item.pemindahan.all(),
            usul=[b.usul for b in item.usul_pemusnahan.all()],
            tautan_tersedia=bool(selectors.tautan_models()),
        )
        return context


class ItemObjectMixin:
    item_queryset = None

    def dispatch(self, request, *args, **kwargs):
        self.item = get_object_or_404(
            ItemArsip.objects.select_related("lokasi__induk__induk__induk", "jadwal"),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(item=self.item, **kwargs)

    def get_success_url(self):
        return self.item.get_absolute_url()


class ItemUpdateView(ActionRequiredMixin, ItemObjectMixin, ServiceFormMixin, FormView):
    """Desk and PPID: correct an item's description; retention is recomputed."""

    action = "arsip.manage"
    template_name = "arsip/item_form.html"
    form_class = ItemForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.item}

    def perform(self, form):
        return fisik.item_update(item=self.item, actor=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        messages.success(self.request, _("Item arsip diperbarui."))
        return super().get_success_url()


class ItemPindahView(ActionRequiredMixin, ItemObjectMixin, ServiceFormMixin, FormView):
    """Desk and PPID: move an item to another box or folder (GET shows the form; the move
    happens on POST and is recorded)."""

    action = "arsip.manage"
    template_name = "arsip/item_pindah.html"
    form_class = PindahForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "item": self.item}

    def perform(self, form):
        return fisik.item_relocate(
            item=self.item,
            ke=form.cleaned_data["ke"],
            actor=self.request.user,
            alasan=form.cleaned_data["alasan"],
        )

    def get_success_url(self):
        messages.success(
            self.request, _("Item dipindahkan ke %(tujuan)s.") % {"tujuan": self.result.ke_teks}
        )
        return super().get_success_url()


class ItemLabelView(ActionRequiredMixin, View):
    """Desk, PPID, Atasan PPID: label (PDF with QR code) of one item or folder."""

    action = "arsip.view"

    def get(self, request, pk):
        item = get_object_or_404(
            ItemArsip.objects.select_related("unit", "jadwal", "lokasi__induk__induk__induk"),
            pk=pk,
        )
        url = absolute_url(item.get_absolute_url())
        label = {
            "judul": _("Item arsip"),
            "kode": f"{item.nomor} · {item.kode_klasifikasi}",
            "nama": item.judul,
            "jalur": item.lokasi_teks,
            "unit": item.unit.nama,
            "tahun": item.kurun_waktu,
            "items": [],
            "retensi": item.jadwal.teks_retensi,
            "url": url,
            "qr": qr_data_uri(url),
        }
        return pdf_response("arsip/pdf/label.html", {"labels": [label]}, f"label-{item.nomor}")


class ItemBerkasCreateView(ActionRequiredMixin, ItemObjectMixin, ServiceFormMixin, FormView):
    """Desk and PPID: attach a scan or born-digital file to an item."""

    action = "arsip.manage"
    template_name = "arsip/item_berkas_form.html"
    form_class = BerkasForm

    def perform(self, form):
        return fisik.berkas_add(
            item=self.item,
            upload=form.cleaned_data["berkas"],
            actor=self.request.user,
            keterangan=form.cleaned_data["keterangan"],
            sensitif=form.cleaned_data["sensitif"],
        )

    def get_success_url(self):
        messages.success(self.request, _("Berkas diunggah dan SHA-256-nya dicatat."))
        return super().get_success_url()


class ItemBerkasDownloadView(ActionRequiredMixin, View):
    """Desk, PPID, Atasan PPID: download an item's file (not once it has been destroyed)."""

    action = "arsip.view"

    def get(self, request, pk, berkas_pk):
        berkas = get_object_or_404(
            BerkasArsip.objects.select_related("berkas"),
            pk=berkas_pk,
            item_id=pk,
            dimusnahkan_pada__isnull=True,
        )
        return file_response(
            berkas.berkas, actor=request.user, reason=_("Unduh berkas arsip %(pk)s") % {"pk": pk}
        )


class ItemTautanCreateView(ActionRequiredMixin, ItemObjectMixin, ServiceFormMixin, FormView):
    """Desk and PPID: link an item to a DIP entry or a request."""

    action = "arsip.manage"
    template_name = "arsip/tautan_form.html"
    form_class = TautanForm

    def perform(self, form):
        return fisik.item_link(item=self.item, actor=self.request.user, **form.cleaned_data)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            pemilik=self.item, kembali=self.item.get_absolute_url(), **kwargs
        )

    def get_success_url(self):
        messages.success(self.request, _("Tautan ditambahkan."))
        return super().get_success_url()


class ItemTautanDeleteView(ActionRequiredMixin, View):
    """Desk and PPID: remove a link (POST only)."""

    action = "arsip.manage"
    http_method_names = ["post"]

    def post(self, request, pk, tautan_pk):
        tautan = get_object_or_404(
            TautanItem.objects.select_related("item", "content_type"), pk=tautan_pk, item_id=pk
        )
        fisik.item_unlink(tautan=tautan, actor=request.user)
        messages.success(request, _("Tautan dihapus."))
        from django.shortcuts import redirect

        return redirect(tautan.item)


# --- Daftar arsip (inventory list) --------------------------------------------------------------

DAFTAR_HEADER = [
    gettext_lazy("No"),
    gettext_lazy("Nomor"),
    gettext_lazy("Kode klasifikasi"),
    gettext_lazy("Uraian informasi arsip"),
    gettext_lazy("Unit pengolah"),
    gettext_lazy("Kurun waktu"),
    gettext_lazy("Media"),
    gettext_lazy("Jumlah"),
    gettext_lazy("Kondisi"),
    gettext_lazy("Lokasi"),
    gettext_lazy("Retensi"),
    gettext_lazy("Status"),
]


def _daftar_rows(items):
    for number, item in enumerate(items, start=1):
        yield [
            number,
            item.nomor,
            item.kode_klasifikasi,
            item.judul,
            item.unit.nama,
            item.kurun_waktu,
            item.get_medium_display(),
            item.jumlah_teks,
            item.get_kondisi_display(),
            item.lokasi_teks,
            item.jadwal.teks_retensi,
            item.get_status_display(),
        ]


class DaftarArsipMixin(ActionRequiredMixin):
    action = "arsip.view"

    def get_daftar(self):
        form = DaftarArsipForm(self.request.GET or None)
        items = selectors.item_list().exclude(status=ItemArsip.Status.DIMUSNAHKAN)
        lokasi = unit = None
        if form.is_bound and form.is_valid():
            lokasi = form.cleaned_data["lokasi"]
            unit = form.cleaned_data["unit"]
            items = selectors.item_filter(items, lokasi=lokasi, unit=unit)
        parts = []
        if lokasi:
            parts.append(_("Lokasi: %(jalur)s") % {"jalur": lokasi.jalur})
        if unit:
            parts.append(_("Unit: %(unit)s") % {"unit": unit.nama})
        return form, items, " · ".join(parts) or _("Seluruh arsip")


class DaftarArsipView(DaftarArsipMixin, TemplateView):
    """Desk, PPID, Atasan PPID: the inventory list per location or unit, with PDF and XLSX."""

    template_name = "arsip/daftar_arsip.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form, items, cakupan = self.get_daftar()
        context.update(
            form=form,
            items=items[:500],
            jumlah=items.count(),
            cakupan=cakupan,
            query_string=self.request.GET.urlencode(),
        )
        return context


class DaftarArsipPdfView(DaftarArsipMixin, View):
    """Desk, PPID, Atasan PPID: the daftar arsip as PDF."""

    def get(self, request):
        _form, items, cakupan = self.get_daftar()
        return pdf_response(
            "arsip/pdf/daftar_arsip.html",
            {"rows": list(_daftar_rows(items)), "header": DAFTAR_HEADER, "cakupan": cakupan},
            "daftar-arsip",
        )


class DaftarArsipXlsxView(DaftarArsipMixin, View):
    """Desk, PPID, Atasan PPID: the daftar arsip as XLSX."""

    def get(self, request):
        _form, items, cakupan = self.get_daftar()
        from django.conf import settings

        return xlsx_response(
            "daftar-arsip",
            DAFTAR_HEADER,
            _daftar_rows(items),
            sheet_title=_("Daftar arsip"),
            title_lines=[settings.PPID_OFFICE_NAME, _("Daftar Arsip"), cakupan],
        )


def daftar_url(**params) -> str:
    return reverse("arsip:daftar") + "?" + querystring(**params)
