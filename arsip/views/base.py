"""Plumbing shared by the arsip views."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator


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
