"""Public pages generated from the office's deadline rules (how to request, the deadlines in
working days, how to object, how to take a dispute to the Komisi Informasi), and the
applicant's satisfaction survey on the tracking link."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from ppid_portal.access import ActionRequiredMixin
from ppid_portal.calendar import holidays_around
from ppid_portal.workdays import add_working_days

from .. import services, workflow
from ..forms import SurveiForm, apply_errors
from ..models import AturanTenggat, Keberatan, Permohonan, SurveiKepuasan
from .mixins import ApplicantPageMixin, _applicant_or_404

PROSEDUR = {
    "permohonan": (
        gettext_lazy("Cara mengajukan permohonan informasi"),
        gettext_lazy(
            "Langkah mengajukan permohonan informasi publik: identitas, cara mengajukan, "
            "pemeriksaan kelengkapan, pemberitahuan tertulis, dan biaya."
        ),
    ),
    "jangka-waktu": (
        gettext_lazy("Jangka waktu layanan"),
        gettext_lazy(
            "Batas waktu layanan informasi publik dalam hari kerja menurut aturan yang berlaku "
            "di kantor kami, dan cara menghitung hari kerja."
        ),
    ),
    "keberatan": (
        gettext_lazy("Cara mengajukan keberatan"),
        gettext_lazy("Alasan, batas waktu, dan cara mengajukan keberatan kepada Atasan PPID."),
    ),
    "sengketa": (
        gettext_lazy("Sengketa informasi ke Komisi Informasi"),
        gettext_lazy(
            "Cara mengajukan sengketa informasi ke Komisi Informasi setelah keberatan, dan "
            "tahap mediasi, ajudikasi, dan pengadilan."
        ),
    ),
}


class ProsedurView(ActionRequiredMixin, TemplateView):
    """Public (anyone): a procedure page, with every number taken from the deadline profiles
    the PPID configured (`AturanTenggat`), so the page never disagrees with the workflow."""

    action = "permohonan.prosedur"

    def get_template_names(self):
        return [f"permohonan/prosedur_{self.kwargs['halaman'].replace('-', '_')}.html"]

    def get(self, request, *args, **kwargs):
        if kwargs["halaman"] not in PROSEDUR:
            raise Http404(_("Halaman tidak ditemukan."))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        aturan = workflow.default_aturan()
        today = timezone.localdate()
        judul, ringkasan = PROSEDUR[self.kwargs["halaman"]]
        context.update(
            halaman=self.kwargs["halaman"],
            judul=judul,
            ringkasan=ringkasan,
            menu=[(slug, title) for slug, (title, _desc) in PROSEDUR.items()],
            aturan=aturan,
            aturan_lain=list(AturanTenggat.objects.filter(aktif=True).exclude(pk=aturan.pk)),
            alasan_keberatan=Keberatan.Alasan.choices,
            kanal=Permohonan.Kanal.choices,
        )
        if self.kwargs["halaman"] == "jangka-waktu":
            # A worked example with the office calendar: a request received today.
            holidays = holidays_around(today)
            context["contoh"] = {
                "diterima": today,
                "pemberitahuan": add_working_days(today, aturan.hari_pemberitahuan, holidays),
                "perpanjangan": add_working_days(
                    today, aturan.hari_pemberitahuan + aturan.hari_perpanjangan_maks, holidays
                ),
            }
        return context


class SurveiView(ApplicantPageMixin, ActionRequiredMixin, FormView):
    """The applicant (proven tracking code, or the owning account) of a finished request:
    rate the service once."""

    action = "permohonan.survei"
    template_name = "permohonan/survei_form.html"
    form_class = SurveiForm

    @cached_property
    def access(self):
        return _applicant_or_404(self.request, self.kwargs["pk"])

    def dispatch(self, request, *args, **kwargs):
        permohonan, _actor = self.access
        if SurveiKepuasan.objects.filter(permohonan=permohonan).exists():
            messages.info(
                request, _("Terima kasih, Anda sudah mengisi survei untuk permohonan ini.")
            )
            return redirect("permohonan:lacak_detail", pk=permohonan.pk)
        if permohonan.status != Permohonan.Status.SELESAI:
            messages.info(
                request,
                _("Survei kepuasan dapat diisi setelah pemberitahuan tertulis diterbitkan."),
            )
            return redirect("permohonan:lacak_detail", pk=permohonan.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(p=self.access[0], **kwargs)

    def form_valid(self, form):
        permohonan, actor = self.access
        try:
            services.survei_submit(
                actor=actor,
                permohonan_id=permohonan.pk,
                nilai={name: form.cleaned_data[name] for name in SurveiKepuasan.FIELDS},
                komentar=form.cleaned_data["komentar"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Terima kasih atas penilaian Anda."))
        return redirect("permohonan:lacak_detail", pk=permohonan.pk)
