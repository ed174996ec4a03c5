from django.conf import settings
from django.contrib.auth.views import LoginView
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView

from . import audit
from .access import ActionRequiredMixin, user_roles
from .dashboard import queues_for
from .documents import xlsx_response
from .forms import AuditLogFilterForm
from .models import AuditLog
from .roles import ROLE_DESCRIPTIONS, STAFF_ROLES


class HomeView(TemplateView):
    """Public: anyone."""

    template_name = "portal/home.html"


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
        context["queues"] = [
            {
                "queue": queue,
                "items": queue.items(user, self.queue_limit),
                "count": queue.count(user),
            }
            for queue in queues_for(user)
        ]
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
