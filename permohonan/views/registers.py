"""Staff lists: the work queues (one page per queue in `queues.QUEUES`) and the registers of
requests and objections with their XLSX/PDF exports."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import ListView

from ppid_portal.access import ActionRequiredMixin, has_role
from ppid_portal.documents import pdf_response, xlsx_response

from .. import selectors
from ..forms import RegisterFilterForm
from ..queues import QUEUES
from ..selectors import attach_deadlines

# ---------------------------------------------------------------------------------------------
# Staff: queues and registers


class QueueView(ActionRequiredMixin, ListView):
    """The roles of the queue: every item of one work queue, with due dates."""

    template_name = "permohonan/antrean.html"
    paginate_by = 25
    queue_key = ""

    @property
    def action(self) -> str:
        return "portal.dashboard.view"

    def dispatch(self, request, *args, **kwargs):
        title, roles, query, _url, _order = QUEUES[self.queue_key]
        if request.user.is_authenticated and not has_role(request.user, *roles):
            raise PermissionDenied(_("Antrean ini bukan untuk peran Anda."))
        self.title, self.query = title, query
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return self.query(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        attach_deadlines(context["object_list"])
        context["title"] = self.title
        context["queue_key"] = self.queue_key
        return context


class RegisterMixin(ActionRequiredMixin):
    action = "permohonan.register"
    jenis = "permohonan"
    paginate_by = 50

    @cached_property
    def filter_form(self) -> RegisterFilterForm:
        return RegisterFilterForm(self.request.GET or None, jenis=self.jenis)

    def filters(self) -> dict:
        form = self.filter_form
        if form.is_bound and form.is_valid():
            return {k: v for k, v in form.cleaned_data.items() if v}
        return {}

    def get(self, request, *args, **kwargs):
        export = request.GET.get("ekspor")
        if export in ("xlsx", "pdf"):
            return self.export(export)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        query.pop("ekspor", None)
        context.update(
            filter_form=self.filter_form,
            query_string=query.urlencode(),
            today=timezone.localdate(),
        )
        return context

    def period_label(self) -> str:
        f = self.filters()
        if f.get("dari") or f.get("sampai"):
            return _("Periode %(a)s s.d. %(b)s") % {
                "a": f["dari"].strftime("%d-%m-%Y") if f.get("dari") else "…",
                "b": f["sampai"].strftime("%d-%m-%Y") if f.get("sampai") else "…",
            }
        return _("Semua periode")


class RegisterPermohonanView(RegisterMixin, ListView):
    """Desk, PPID, Atasan, Pembina: register permohonan (Perki columns), filters, XLSX/PDF."""

    template_name = "permohonan/register_permohonan.html"

    def get_queryset(self):
        return selectors.register_permohonan(self.filters())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        start = context["page_obj"].start_index() if context.get("page_obj") else 1
        context["header"] = selectors.PERMOHONAN_HEADER
        context["rows"] = [
            (p, selectors.permohonan_row(i, p))
            for i, p in enumerate(context["object_list"], start=start)
        ]
        return context

    def export(self, kind: str):
        rows = [selectors.permohonan_row(i, p) for i, p in enumerate(self.get_queryset(), start=1)]
        title = _("Register Permohonan Informasi Publik")
        if kind == "xlsx":
            return xlsx_response(
                "register-permohonan",
                [str(h) for h in selectors.PERMOHONAN_HEADER],
                rows,
                sheet_title=_("Register permohonan"),
                title_lines=[settings_office(), str(title), self.period_label()],
            )
        return pdf_response(
            "permohonan/pdf/register.html",
            {
                "judul": title,
                "periode": self.period_label(),
                "header": selectors.PERMOHONAN_HEADER,
                "rows": rows,
            },
            "register-permohonan",
        )


class RegisterKeberatanView(RegisterMixin, ListView):
    """Desk, PPID, Atasan, Pembina: register keberatan (Perki columns), filters, XLSX/PDF."""

    template_name = "permohonan/register_keberatan.html"
    jenis = "keberatan"

    def filters(self) -> dict:
        f = super().filters()
        if "hasil" in f:
            f["putusan"] = f.pop("hasil")
        return f

    def get_queryset(self):
        return selectors.register_keberatan(self.filters())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        start = context["page_obj"].start_index() if context.get("page_obj") else 1
        context["header"] = selectors.KEBERATAN_HEADER
        context["rows"] = [
            (kb, selectors.keberatan_row(i, kb))
            for i, kb in enumerate(context["object_list"], start=start)
        ]
        return context

    def export(self, kind: str):
        rows = [selectors.keberatan_row(i, kb) for i, kb in enumerate(self.get_queryset(), start=1)]
        title = _("Register Keberatan")
        if kind == "xlsx":
            return xlsx_response(
                "register-keberatan",
                [str(h) for h in selectors.KEBERATAN_HEADER],
                rows,
                sheet_title=_("Register keberatan"),
                title_lines=[settings_office(), str(title), self.period_label()],
            )
        return pdf_response(
            "permohonan/pdf/register.html",
            {
                "judul": title,
                "periode": self.period_label(),
                "header": selectors.KEBERATAN_HEADER,
                "rows": rows,
            },
            "register-keberatan",
        )


def settings_office() -> str:
    from django.conf import settings

    return settings.PPID_OFFICE_NAME
