from django.contrib.auth.views import LoginView
from django.views.generic import ListView, TemplateView

from .access import ActionRequiredMixin, user_roles
from .dashboard import queues_for
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
    """PPID and Atasan PPID: the audit trail, newest first."""

    action = "portal.audit.view"
    template_name = "portal/auditlog_list.html"
    paginate_by = 50

    def get_queryset(self):
        return AuditLog.objects.select_related("content_type").order_by("-created_at", "-id")
