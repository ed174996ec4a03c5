"""Staff pages of retention: the schedule, the retention report, transitions and disposal."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, FormView, ListView, TemplateView, View

from ppid_portal.access import ActionRequiredMixin, can
from ppid_portal.documents import pdf_response, xlsx_response

from .. import selectors, workflow
from ..forms import AlasanForm, JadwalForm, UsulForm
from ..models import ItemArsip, JadwalRetensi, UsulPemusnahan
from ..services import fisik
from .base import ServiceFormMixin


class JadwalListView(ActionRequiredMixin, ListView):
    """Desk, PPID, Atasan PPID: the Jadwal Retensi Arsip."""

    action = "arsip.jadwal.view"
    template_name = "arsip/jadwal_list.html"
    context_object_name = "jadwal_list"

    def get_queryset(self):
        return JadwalRetensi.objects.order_by("kode_klasifikasi")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["boleh_kelola"] = can(self.request.user, "arsip.jadwal.manage")
        return context


class JadwalCreateView(ActionRequiredMixin, ServiceFormMixin, FormView):
    """PPID: add a row to the retention schedule."""

    action = "arsip.jadwal.manage"
    template_name = "arsip/jadwal_form.html"
    form_class = JadwalForm

    def perform(self, form):
        return fisik.jadwal_save(actor=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        messages.success(self.request, _("Jadwal retensi disimpan."))
        return reverse("arsip:jadwal_list")


class JadwalUpdateView(ActionRequiredMixin, ServiceFormMixin, FormView):
    """PPID: change a row of the retention schedule; open items under it are recomputed."""

    action = "arsip.jadwal.manage"
    template_name = "arsip/jadwal_form.html"
    form_class = JadwalForm

    def dispatch(self, request, *args, **kwargs):
        self.object = get_object_or_404(JadwalRetensi, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.object}

    def perform(self, form):
        return fisik.jadwal_save(actor=self.request.user, jadwal=self.object, **form.cleaned_data)

    def get_context_data(self, **kwargs):
        return super().get_context_data(jadwal=self.object, **kwargs)

    def get_success_url(self):
        messages.success(self.request, _("Jadwal retensi diperbarui."))
        return reverse("arsip:jadwal_list")


class LaporanRetensiView(ActionRequiredMixin, TemplateView):
    """Desk, PPID, Atasan PPID: items due to move to inactive storage or due for their final
    disposition, and those coming due soon."""

    action = "arsip.jadwal.view"
    template_name = "arsip/laporan_retensi.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["laporan"] = selectors.laporan_retensi()
        context["boleh_usul"] = can(self.request.user, "arsip.pemusnahan.propose")
        return context


RETENSI_HEADER = [
    gettext_lazy("Bagian"),
    gettext_lazy("Nomor"),
    gettext_lazy("Kode klasifikasi"),
    gettext_lazy("Uraian"),
    gettext_lazy("Unit"),
    gettext_lazy("Kurun waktu"),
    gettext_lazy("Status"),
    gettext_lazy("Masa aktif berakhir"),
    gettext_lazy("Masa inaktif berakhir"),
    gettext_lazy("Nasib akhir"),
    gettext_lazy("Lokasi"),
]


class LaporanRetensiXlsxView(ActionRequiredMixin, View):
    """Desk, PPID, Atasan PPID: the retention report as XLSX."""

    action = "arsip.jadwal.view"

    def get(self, request):
        laporan = selectors.laporan_retensi()
        sections = [
            (_("Jatuh tempo pindah ke inaktif"), laporan.jatuh_tempo_inaktif),
            (_("Jatuh tempo musnah"), laporan.jatuh_tempo_musnah),
            (_("Jatuh tempo permanen"), laporan.jatuh_tempo_permanen),
            (_("Jatuh tempo dinilai kembali"), laporan.jatuh_tempo_dinilai),
            (_("Segera pindah ke inaktif"), laporan.segera_inaktif),
            (_("Segera berakhir retensinya"), laporan.segera_nasib),
        ]
        rows = [
            [
                title,
                item.nomor,
                item.kode_klasifikasi,
                item.judul,
                item.unit.nama,
                item.kurun_waktu,
                item.get_status_display(),
                item.tanggal_inaktif,
                item.tanggal_nasib,
                item.jadwal.get_nasib_akhir_display(),
                item.lokasi_teks,
            ]
            for title, items in sections
            for item in items
        ]
        return xlsx_response(
            "laporan-retensi-arsip",
            RETENSI_HEADER,
            rows,
            sheet_title=_("Retensi"),
            title_lines=[
                settings.PPID_OFFICE_NAME,
                _("Laporan retensi arsip per %(tanggal)s")
                % {"tanggal": f"{laporan.hari_ini:%d-%m-%Y}"},
            ],
        )


class ItemTransitionView(ActionRequiredMixin, ServiceFormMixin, FormView):
    """Base of the item transitions: GET shows the form, POST makes the change."""

    template_name = "arsip/konfirmasi_form.html"
    form_class = AlasanForm
    alasan_wajib = True
    judul = ""
    tombol = ""

    def dispatch(self, request, *args, **kwargs):
        self.item = get_object_or_404(ItemArsip, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "required": self.alasan_wajib}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            objek=self.item,
            judul=self.judul,
            tombol=self.tombol,
            kembali=self.item.get_absolute_url(),
            **kwargs,
        )

    def get_success_url(self):
        return self.item.get_absolute_url()


class ItemInaktifView(ItemTransitionView):
    """Desk and PPID: move an item to inactive storage (aktif → inaktif)."""

    action = "arsip.retensi.inaktif"
    alasan_wajib = False

    @property
    def judul(self):
        return _("Pindahkan ke penyimpanan inaktif")

    @property
    def tombol(self):
        return _("Pindahkan ke inaktif")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["label"] = _("Catatan (wajib bila masa aktif belum berakhir)")
        return kwargs

    def perform(self, form):
        return workflow.item_transfer_to_inaktif(
            item=self.item, actor=self.request.user, catatan=form.cleaned_data["alasan"]
        )


class ItemStatisView(ItemTransitionView):
    """PPID: record the hand-over of a permanent record to the archival institution."""

    action = "arsip.retensi.statis"

    @property
    def judul(self):
        return _("Serahkan ke lembaga kearsipan (arsip statis)")

    @property
    def tombol(self):
        return _("Catat penyerahan")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["label"] = _("Nomor berita acara penyerahan dan keterangan")
        return kwargs

    def perform(self, form):
        return workflow.item_hand_over_to_statis(
            item=self.item, actor=self.request.user, catatan=form.cleaned_data["alasan"]
        )


# --- Disposal -----------------------------------------------------------------------------------


class UsulListView(ActionRequiredMixin, ListView):
    """PPID and Atasan PPID: disposal proposals, newest first."""

    action = "arsip.pemusnahan.view"
    template_name = "arsip/usul_list.html"
    context_object_name = "usul_list"
    paginate_by = 50

    def get_queryset(self):
        return selectors.usul_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["boleh_usul"] = can(self.request.user, "arsip.pemusnahan.propose")
        return context


class UsulCreateView(ActionRequiredMixin, ServiceFormMixin, FormView):
    """PPID: propose to destroy items whose retention has ended."""

    action = "arsip.pemusnahan.propose"
    template_name = "arsip/usul_form.html"
    form_class = UsulForm

    def perform(self, form):
        return workflow.pemusnahan_propose(
            items=list(form.cleaned_data["items"]),
            actor=self.request.user,
            pertimbangan=form.cleaned_data["pertimbangan"],
        )

    def get_success_url(self):
        messages.success(self.request, _("Usul pemusnahan diajukan kepada Atasan PPID."))
        return self.result.get_absolute_url()


class UsulDetailView(ActionRequiredMixin, DetailView):
    """PPID and Atasan PPID: one proposal, its items, its decision."""

    action = "arsip.pemusnahan.view"
    template_name = "arsip/usul_detail.html"
    context_object_name = "usul"

    def get_queryset(self):
        return selectors.usul_detail_qs()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        diajukan = self.object.status == UsulPemusnahan.Status.DIAJUKAN
        context["boleh_putus"] = (
            diajukan
            and can(user, "arsip.pemusnahan.decide")
            and user.pk != self.object.diusulkan_oleh_id
        )
        context["boleh_batal"] = diajukan and can(user, "arsip.pemusnahan.propose")
        context["form"] = AlasanForm()
        return context


class UsulTransitionView(ActionRequiredMixin, ServiceFormMixin, FormView):
    template_name = "arsip/konfirmasi_form.html"
    form_class = AlasanForm

    def dispatch(self, request, *args, **kwargs):
        self.usul = get_object_or_404(UsulPemusnahan, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            objek=self.usul,
            judul=self.judul,
            tombol=self.tombol,
            kembali=self.usul.get_absolute_url(),
            **kwargs,
        )

    def get_success_url(self):
        return self.usul.get_absolute_url()


class UsulSetujuiView(UsulTransitionView):
    """Atasan PPID: approve a proposal with a reason; the berita acara is issued."""

    action = "arsip.pemusnahan.decide"

    @property
    def judul(self):
        return _("Setujui usul pemusnahan")

    @property
    def tombol(self):
        return _("Setujui pemusnahan")

    def perform(self, form):
        usul = workflow.pemusnahan_approve(
            usul=self.usul, actor=self.request.user, alasan=form.cleaned_data["alasan"]
        )
        messages.success(
            self.request,
            _("Usul disetujui. Berita acara %(nomor)s siap dicetak.")
            % {"nomor": usul.nomor_berita_acara},
        )
        return usul


class UsulTolakView(UsulTransitionView):
    """Atasan PPID: refuse a proposal with a reason."""

    action = "arsip.pemusnahan.decide"

    @property
    def judul(self):
        return _("Tolak usul pemusnahan")

    @property
    def tombol(self):
        return _("Tolak usul")

    def perform(self, form):
        usul = workflow.pemusnahan_reject(
            usul=self.usul, actor=self.request.user, alasan=form.cleaned_data["alasan"]
        )
        messages.info(self.request, _("Usul pemusnahan ditolak."))
        return usul


class UsulBatalView(UsulTransitionView):
    """PPID: withdraw a proposal not yet decided."""

    action = "arsip.pemusnahan.propose"

    @property
    def judul(self):
        return _("Batalkan usul pemusnahan")

    @property
    def tombol(self):
        return _("Batalkan usul")

    def perform(self, form):
        usul = workflow.pemusnahan_cancel(
            usul=self.usul, actor=self.request.user, alasan=form.cleaned_data["alasan"]
        )
        messages.info(self.request, _("Usul pemusnahan dibatalkan."))
        return usul


class BeritaAcaraView(ActionRequiredMixin, View):
    """PPID and Atasan PPID: the berita acara pemusnahan (PDF) of an approved proposal."""

    action = "arsip.pemusnahan.view"

    def get(self, request, pk):
        usul = get_object_or_404(
            selectors.usul_detail_qs(), pk=pk, status=UsulPemusnahan.Status.DISETUJUI
        )
        baris = list(usul.baris.all())
        return pdf_response(
            "arsip/pdf/berita_acara.html",
            {
                "usul": usul,
                "baris": baris,
                "jumlah_berkas": sum(len(b.berkas) for b in baris),
            },
            f"berita-acara-pemusnahan-{usul.pk}",
        )
