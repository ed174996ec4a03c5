"""Plumbing shared by the arsip views."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator


def apply_errors(form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: field errors on their fields when the form
    has them, everything else at the top."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            target = field if field in form.fields else None
            for error in errors:
                form.add_error(target, error)
    else:
        for message in exc.messages:
            form.add_error(None, message)


class ServiceFormMixin:
    """FormView/CreateView/UpdateView whose `perform(form)` calls one service; its
    ValidationError turns into form errors, nothing half-written (services are atomic)."""

    def perform(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            self.result = self.perform(form)
        except ValidationError as exc:
            apply_errors(form, exc)
            return self.form_invalid(form)
        return self.success()

    def success(self):
        from django.http import HttpResponseRedirect

        return HttpResponseRedirect(self.get_success_url())


class FilterMixin:
    """A GET filter form on a list page; `query_string` keeps the filters across pages."""

    filter_form_class = None

    def get_filter_form(self):
        if not hasattr(self, "_filter_form"):
            self._filter_form = self.filter_form_class(self.request.GET or None)
        return self._filter_form

    def get_filters(self) -> dict:
        form = self.get_filter_form()
        return form.filters() if form.is_bound else {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.get_filter_form()
        params = self.request.GET.copy()
        params.pop("page", None)
        context["query_string"] = params.urlencode()
        return context


def paginate(request, items, per_page: int = 50):
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def querystring(**params) -> str:
    return urlencode({k: v for k, v in params.items() if v not in (None, "")})
