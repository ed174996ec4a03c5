from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import LoginView
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import (
    CreateView,
    DetailView,
    ListView,
    TemplateView,
    UpdateView,
    View,
)

from . import audit, cache, outbox, services
from .access import ActionRequiredMixin, user_roles
from .dashboard import queues_for
from .documents import xlsx_response
from .files import file_response
from .forms import AuditLogFilterForm, EmailKeluarFilterForm, HalamanForm, RegulasiForm
from .models import AuditLog, DokumenRegulasi, EmailKeluar, HalamanPortal
from .roles import ROLE_DESCRIPTIONS, STAFF_ROLES


class HomeView(TemplateView):
    """Public: anyone. What the PPID is, current serta-merta information, the request buttons,
    headline statistics of this year and the DIP by category."""

    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        from django.utils import timezone

        from .statistik import Periode, headlines

        periode = Periode(timezone.localdate().year)
        # Summed over a whole year of requests: kept until the next audited step of any
        # workflow ("beranda") or the next day, whichever comes first.
        sorotan = cache.memo(
            f"portal:sorotan:{timezone.localdate().isoformat()}:{get_language()}",
            ("beranda",),
            lambda: headlines(periode),
        )
        return super().get_context_data(periode=periode, sorotan=sorotan, **kwargs)


class PortalLoginView(LoginView):
    """Public: the staff and citizen login."""

    template_name = "registration/login.html"
    redirect_authenticated_user = True


class DashboardView(ActionRequiredMixin, TemplateView):
    """Staff of any role: the work queues of their roles."""

    action = "portal.dashboard.view"
    template_name = "portal/dashboard.html"
    queue_limit = 10

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        roles = user_roles(user)
        context["roles"] = [
            {"name": role.value, "description": ROLE_DESCRIPTIONS[role]}
            for role in STAFF_ROLES
            if role in roles
        ]
        context["queues"] = []
        for queue in queues_for(user):
            items = list(queue.items(user, self.queue_limit))
            # A queue shorter than the limit is counted by its items: one query instead of two.
            count = len(items) if len(items) < self.queue_limit else queue.count(user)
            context["queues"].append({"queue": queue, "items": items, "count": count})
        return context


class AuditLogListView(ActionRequiredMixin, ListView):
    """PPID and Atasan PPID: the audit trail, newest first, filtered by actor, object type,
    action and date range; `?unduh=xlsx` exports the filtered trail for a compliance audit
    (the export itself is recorded)."""

    action = "portal.audit.view"
    template_name = "portal/auditlog_list.html"
    paginate_by = 50
    export_limit = 100_000

    def get_filter_form(self) -> AuditLogFilterForm:
        if not hasattr(self, "_filter_form"):
            self._filter_form = AuditLogFilterForm(self.request.GET or None)
        return self._filter_form

    def get_queryset(self):
        queryset = AuditLog.objects.select_related("content_type").order_by("-created_at", "-id")
        return self.get_filter_form().apply(queryset)

    def get(self, request, *args, **kwargs):
        if request.GET.get("unduh") == "xlsx":
            return self.export()
        return super().get(request, *args, **kwargs)

    def export(self):
        form = self.get_filter_form()
        rows = (
            [
                log.created_at,
                log.actor_label,
                log.action,
                log.content_type.name,
                log.object_id,
                log.object_repr,
                log.from_state,
                log.to_state,
                log.note,
            ]
            for log in self.get_queryset()[: self.export_limit].iterator(chunk_size=2000)
        )
        summary = form.summary()
        response = xlsx_response(
            f"jejak-audit-{timezone.localdate():%Y%m%d}",
            [
                _("Waktu"),
                _("Pelaku"),
                _("Tindakan"),
                _("Jenis objek"),
                _("ID objek"),
                _("Objek"),
                _("Dari status"),
                _("Ke status"),
                _("Catatan"),
            ],
            rows,
            sheet_title=_("Jejak audit"),
            title_lines=[
                settings.PPID_OFFICE_NAME,
                _("Jejak audit, diekspor %(waktu)s oleh %(nama)s")
                % {
                    "waktu": f"{timezone.localtime():%d-%m-%Y %H:%M}",
                    "nama": self.request.user.get_full_name() or self.request.user.get_username(),
                },
                summary or _("Tanpa saringan"),
            ],
        )
        audit.record(
            actor=self.request.user,
            obj=self.request.user,
            action="audit.ekspor",
            note=summary or _("Tanpa saringan"),
        )
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.get_filter_form()
        params = self.request.GET.copy()
        params.pop("page", None)
        params.pop("unduh", None)
        context["query_string"] = params.urlencode()
        return context


class HalamanDetailView(DetailView):
    """Public: an office page (profil, maklumat, biaya, jam layanan, kontak, ...)."""

    model = HalamanPortal
    template_name = "portal/halaman_detail.html"
    context_object_name = "halaman"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        english = get_language() == "en"
        halaman = self.object
        context["judul"] = (english and halaman.judul_en) or halaman.judul
        context["isi"] = (english and halaman.isi_en) or halaman.isi
        context["halaman_lain"] = HalamanPortal.objects.only("slug", "judul", "judul_en")
        return context


class RegulasiListView(ListView):
    """Public: the list of regulations and SOP documents."""

    template_name = "portal/regulasi_list.html"
    context_object_name = "regulasi"

    def get_queryset(self):
        return DokumenRegulasi.objects.filter(aktif=True).select_related("berkas")


def regulasi_download(request, pk: int):
    """Public: the file of a shown regulation."""
    regulasi = get_object_or_404(
        DokumenRegulasi.objects.select_related("berkas"),
        pk=pk,
        aktif=True,
        berkas__isnull=False,
    )
    return file_response(regulasi.berkas, actor=request.user)


class HalamanStaffListView(ActionRequiredMixin, ListView):
    """PPID: the office pages and the list of regulations, to edit."""

    action = "portal.halaman.manage"
    template_name = "portal/konten_staf.html"
    context_object_name = "halaman_list"

    def get_queryset(self):
        return HalamanPortal.objects.select_related("diperbarui_oleh")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["regulasi_list"] = DokumenRegulasi.objects.all()
        return context


class HalamanUpdateView(ActionRequiredMixin, UpdateView):
    """PPID: edit the text of an office page."""

    action = "portal.halaman.manage"
    model = HalamanPortal
    form_class = HalamanForm
    template_name = "portal/form.html"
    success_url = reverse_lazy("portal:konten")

    def form_valid(self, form):
        data = {f: form.cleaned_data[f] for f in form.Meta.fields}
        halaman = HalamanPortal.objects.get(pk=self.object.pk)
        services.halaman_update(actor=self.request.user, halaman=halaman, data=data)
        messages.success(self.request, _("Halaman “%s” disimpan.") % halaman.judul)
        return redirect(self.success_url)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "judul": _("Sunting halaman")}


class RegulasiFormMixin(ActionRequiredMixin):
    action = "portal.regulasi.manage"
    model = DokumenRegulasi
    form_class = RegulasiForm
    template_name = "portal/form.html"
    success_url = reverse_lazy("portal:konten")

    def form_valid(self, form):
        services.regulasi_save(
            actor=self.request.user, regulasi=form.instance, upload=form.cleaned_data.get("unggah")
        )
        messages.success(self.request, _("Dokumen regulasi disimpan."))
        return redirect(self.success_url)


class RegulasiCreateView(RegulasiFormMixin, CreateView):
    """PPID: add a regulation or SOP document."""

    extra_context = {"judul": _("Tambah regulasi atau SOP"), "multipart": True}


class RegulasiUpdateView(RegulasiFormMixin, UpdateView):
    """PPID: edit a regulation or SOP document (or hide it)."""

    extra_context = {"judul": _("Sunting regulasi atau SOP"), "multipart": True}


class EmailKeluarListView(ActionRequiredMixin, ListView):
    """PPID: the e-mail outbox, newest first, filtered by status. Recipient, subject, object,
    attempts and error; never the body or the attachments (see docs/email.md)."""

    action = "portal.email.view"
    template_name = "portal/emailkeluar_list.html"
    paginate_by = 50

    def get_filter_form(self) -> EmailKeluarFilterForm:
        if not hasattr(self, "_filter_form"):
            self._filter_form = EmailKeluarFilterForm(self.request.GET or None)
        return self._filter_form

    def get_queryset(self):
        queryset = EmailKeluar.objects.select_related("content_type").defer("isi")
        return self.get_filter_form().apply(queryset).order_by("-dibuat_pada", "-id")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.get_filter_form()
        context["jumlah_gagal"] = EmailKeluar.objects.filter(
            status=EmailKeluar.Status.GAGAL
        ).count()
        params = self.request.GET.copy()
        params.pop("page", None)
        context["query_string"] = params.urlencode()
        return context


class EmailKirimUlangView(ActionRequiredMixin, View):
    """PPID, POST: send one unsent e-mail (`pk`) or every failed one again, at once; each is
    written to the audit trail."""

    action = "portal.email.resend"
    http_method_names = ["post"]

    def post(self, request, pk: int | None = None):
        ids = None
        if pk is not None:
            ids = [get_object_or_404(EmailKeluar, pk=pk).pk]
        result = outbox.resend(actor=request.user, ids=ids)
        if not result.sent and not result.failed:
            messages.info(request, _("Tidak ada e-mail yang perlu dikirim ulang."))
        elif result.failed:
            messages.warning(
                request,
                _("%(sent)d e-mail terkirim, %(failed)d masih gagal. Periksa server e-mail.")
                % {"sent": result.sent, "failed": result.failed},
            )
        else:
            messages.success(request, _("%(sent)d e-mail terkirim.") % {"sent": result.sent})
        return redirect(_back_to_outbox(request))


def _back_to_outbox(request) -> str:
    """The outbox page the button was pressed on (filter and page kept), nowhere else."""
    target = request.POST.get("next", "")
    if target.startswith("/staf/email/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ):
        return target
    return reverse("portal:email")
