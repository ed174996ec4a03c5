"""Staff pages of the reports: the annual laporan layanan informasi publik (draft, narrative,
approval, documents) and the monthly and quarterly rekap of requests for the Atasan PPID.
Thin: figures through `laporan`, writes through `workflow`/`services`."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView

from ppid_portal.access import ActionRequiredMixin, can
from ppid_portal.audit import history
from ppid_portal.documents import PDF_MIME, XLSX_MIME, safe_filename
from ppid_portal.files import file_response
from ppid_portal.statistik import Periode

from .. import laporan, services, workflow
from ..forms import (
    LaporanBaruForm,
    LaporanBatalForm,
    LaporanNarasiForm,
    LaporanSetujuiForm,
    RekapForm,
    apply_errors,
)
from ..models import LaporanTahunan
from .mixins import StaffPostView

LS = LaporanTahunan.Status


def _download(content: bytes, filename: str, mime: str) -> HttpResponse:
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


class LaporanListView(ActionRequiredMixin, ListView):
    """Desk, PPID, Atasan PPID, Pembina: the annual reports of every year."""

    action = "laporan.lihat"
    template_name = "permohonan/laporan_list.html"
    context_object_name = "laporan_list"

    def get_queryset(self):
        return LaporanTahunan.objects.select_related("disetujui_oleh", "informasi")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            boleh_kelola=can(self.request.user, "laporan.kelola"),
            baru_form=LaporanBaruForm(),
            **kwargs,
        )


class LaporanCreateView(ActionRequiredMixin, FormView):
    """PPID: start the draft report of a year."""

    action = "laporan.kelola"
    template_name = "permohonan/laporan_baru.html"
    form_class = LaporanBaruForm

    def form_valid(self, form):
        try:
            lap = workflow.laporan_create(actor=self.request.user, tahun=form.cleaned_data["tahun"])
        except ValidationError as exc:
            apply_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Draf laporan tahun %(t)d dibuat.") % {"t": lap.tahun})
        return redirect(lap.get_absolute_url())


class LaporanDetailView(ActionRequiredMixin, DetailView):
    """Desk, PPID, Atasan PPID, Pembina: a report with its figures (live while a draft, frozen
    once approved), its narrative, its DIP entry and its history."""

    action = "laporan.lihat"
    template_name = "permohonan/laporan_detail.html"
    context_object_name = "laporan"

    def get_queryset(self):
        return LaporanTahunan.objects.select_related(
            "berkas_pdf", "berkas_xlsx", "informasi", "disetujui_oleh", "dibuat_oleh"
        )

    def get_context_data(self, **kwargs):
        lap = self.object
        angka = lap.angka or laporan.hitung(Periode(lap.tahun))
        boleh = can(self.request.user, "laporan.kelola")
        unit = self.request.user.unit
        return super().get_context_data(
            angka=angka,
            tabel_list=laporan.tabel(angka),
            boleh_kelola=boleh and lap.status == LS.DRAF,
            setujui_form=LaporanSetujuiForm(initial={"unit": unit} if unit else None),
            batal_form=LaporanBatalForm(),
            riwayat=history(lap),
            tahun_berakhir=lap.tahun < timezone.localdate().year,
            **kwargs,
        )


class LaporanUpdateView(ActionRequiredMixin, FormView):
    """PPID: write the narrative sections of a draft report."""

    action = "laporan.kelola"
    template_name = "permohonan/laporan_form.html"
    form_class = LaporanNarasiForm

    @cached_property
    def laporan(self) -> LaporanTahunan:
        return get_object_or_404(LaporanTahunan, pk=self.kwargs["pk"], status=LS.DRAF)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.laporan}

    def get_context_data(self, **kwargs):
        return super().get_context_data(laporan=self.laporan, **kwargs)

    def form_valid(self, form):
        try:
            services.laporan_update(
                actor=self.request.user,
                laporan_id=self.laporan.pk,
                values={name: form.cleaned_data[name] for name in LaporanTahunan.NARASI},
            )
        except ValidationError as exc:
            apply_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Narasi laporan disimpan."))
        return redirect(self.laporan.get_absolute_url())


class LaporanPostView(StaffPostView):
    @cached_property
    def laporan(self) -> LaporanTahunan:
        return get_object_or_404(LaporanTahunan, pk=self.kwargs["pk"])

    def redirect_url(self) -> str:
        return self.laporan.get_absolute_url()


class LaporanApproveView(LaporanPostView):
    """PPID (POST): approve a draft report; it is frozen, kept as PDF/XLSX and sent to the
    DIP."""

    action = "laporan.kelola"
    form_class = LaporanSetujuiForm
    success_message = _(
        "Laporan disetujui. PDF dan XLSX disimpan; laporan diajukan ke Desk untuk masuk DIP."
    )

    def perform(self, data):
        workflow.laporan_approve(
            actor=self.request.user, laporan_id=self.laporan.pk, unit=data["unit"]
        )


class LaporanCancelView(LaporanPostView):
    """PPID (POST): discard a draft report, with a reason."""

    action = "laporan.kelola"
    form_class = LaporanBatalForm
    success_message = _("Draf laporan dibatalkan.")

    def perform(self, data):
        workflow.laporan_cancel(
            actor=self.request.user, laporan_id=self.laporan.pk, alasan=data["alasan"]
        )


class LaporanDownloadView(ActionRequiredMixin, DetailView):
    """Desk, PPID, Atasan PPID, Pembina: the report as PDF or XLSX; the kept files of an
    approved report, a preview rendered now for a draft."""

    action = "laporan.lihat"
    model = LaporanTahunan

    def get(self, request, *args, **kwargs):
        lap = self.get_object()
        kind = kwargs["format"]
        if kind not in ("pdf", "xlsx"):
            raise Http404
        if lap.angka:
            stored = lap.berkas_pdf if kind == "pdf" else lap.berkas_xlsx
            if stored is None:
                raise Http404
            return file_response(stored, actor=request.user)
        angka = laporan.hitung(Periode(lap.tahun))
        stem = f"draf-laporan-layanan-informasi-publik-{lap.tahun}"
        if kind == "pdf":
            return _download(laporan.laporan_pdf(lap, angka), safe_filename(stem, "pdf"), PDF_MIME)
        return _download(laporan.laporan_xlsx(lap, angka), safe_filename(stem, "xlsx"), XLSX_MIME)


class RekapView(ActionRequiredMixin, FormView):
    """Desk, PPID, Atasan PPID, Pembina: the monthly or quarterly rekap of requests, on the
    page and as PDF or XLSX for the Atasan PPID."""

    action = "laporan.lihat"
    template_name = "permohonan/rekap.html"
    form_class = RekapForm
    http_method_names = ["get", "head"]

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.request.GET:
            kwargs["data"] = self.request.GET
        return kwargs

    def get(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_bound:
            return self.render_to_response(self.get_context_data(form=form))
        if not form.is_valid():
            return self.form_invalid(form)
        periode = form.periode()
        if periode.awal > timezone.localdate():
            form.add_error(None, _("Periode ini belum dimulai."))
            return self.form_invalid(form)
        angka = laporan.hitung(periode)
        kind = request.GET.get("unduh")
        stem = f"rekap-permohonan-{periode.slug}"
        if kind == "pdf":
            return _download(laporan.rekap_pdf(angka), safe_filename(stem, "pdf"), PDF_MIME)
        if kind == "xlsx":
            return _download(laporan.rekap_xlsx(angka), safe_filename(stem, "xlsx"), XLSX_MIME)
        query = request.GET.copy()
        query.pop("unduh", None)
        return self.render_to_response(
            self.get_context_data(
                form=form,
                periode=periode,
                tabel_list=laporan.tabel(angka),
                query_string=query.urlencode(),
            )
        )
