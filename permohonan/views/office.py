"""Staff pages the office configures: the holiday calendar (hari libur) and the deadline
profiles (aturan tenggat) the working-day rules read."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView

from ppid_portal.access import ActionRequiredMixin
from ppid_portal.calendar import load_holidays
from ppid_portal.models import HariLibur

from .. import services
from ..forms import AturanForm, HapusLiburForm, HariLiburForm, TahunForm, apply_errors
from ..models import AturanTenggat, Permohonan
from .mixins import StaffPostView

# ---------------------------------------------------------------------------------------------
# Staff: calendar and deadline profiles


class KalenderView(ActionRequiredMixin, FormView):
    """PPID: the office calendar of a year; add a holiday with a note."""

    action = "portal.kalender.manage"
    template_name = "permohonan/kalender.html"
    form_class = HariLiburForm

    @cached_property
    def tahun(self) -> int:
        form = TahunForm(self.request.GET or None)
        if form.is_bound and form.is_valid() and form.cleaned_data.get("tahun"):
            return form.cleaned_data["tahun"]
        return timezone.localdate().year

    def get_context_data(self, **kwargs):
        load_holidays([self.tahun])
        days = HariLibur.objects.filter(tanggal__year=self.tahun).order_by("tanggal")
        return super().get_context_data(
            tahun=self.tahun,
            hari_list=days,
            hapus_form=HapusLiburForm(),
            **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.holiday_add(
                actor=self.request.user,
                tanggal=data["tanggal"],
                nama=data["nama"],
                catatan=data["catatan"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Hari libur ditambahkan; tenggat dihitung ulang."))
        return redirect(f"{reverse('permohonan:kalender')}?tahun={data['tanggal'].year}")


class KalenderHapusView(StaffPostView):
    """PPID (POST): make a holiday a working day again, with a note."""

    action = "portal.kalender.manage"
    form_class = HapusLiburForm
    success_message = _("Tanggal dijadikan hari kerja; tenggat dihitung ulang.")

    @cached_property
    def day(self) -> HariLibur:
        return get_object_or_404(HariLibur, pk=self.kwargs["pk"])

    def redirect_url(self) -> str:
        return f"{reverse('permohonan:kalender')}?tahun={self.day.tanggal.year}"

    def perform(self, data):
        services.holiday_remove(
            actor=self.request.user, harilibur_id=self.day.pk, catatan=data["catatan"]
        )


class AturanListView(ActionRequiredMixin, ListView):
    """PPID: the deadline profiles."""

    action = "permohonan.aturan"
    template_name = "permohonan/aturan_list.html"

    def get_queryset(self):
        return AturanTenggat.objects.annotate(
            jumlah=Count("permohonan"),
            terbuka=Count("permohonan", filter=Q(permohonan__status__in=Permohonan.OPEN_STATES)),
        )


class AturanFormMixin(ActionRequiredMixin):
    action = "permohonan.aturan"
    template_name = "permohonan/aturan_form.html"
    form_class = AturanForm

    def form_valid(self, form):
        try:
            services.aturan_save(
                actor=self.request.user, aturan=form.instance, changed=list(form.changed_data)
            )
        except ValidationError as exc:
            apply_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Aturan tenggat disimpan."))
        return redirect("permohonan:aturan")


class AturanCreateView(AturanFormMixin, FormView):
    """PPID: add a deadline profile (e.g. Perki 1/2019 for election information)."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": AturanTenggat()}


class AturanUpdateView(AturanFormMixin, FormView):
    """PPID: edit a deadline profile; requests already received keep their numbers."""

    def get_form_kwargs(self):
        aturan = get_object_or_404(AturanTenggat, pk=self.kwargs["pk"])
        return {**super().get_form_kwargs(), "instance": aturan}
