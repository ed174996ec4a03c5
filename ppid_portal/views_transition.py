"""Views of state changes, the same in every app.

A transition view declares who may use it (`action`, checked by `ActionRequiredMixin` with the
object from the app's object mixin), validates a small form, calls one service (`perform`) and
goes back to the object. The service's refusal — `ValidationError` (wrong state, missing
reason) or `PermissionDenied` (an object rule, e.g. a proposer deciding their own proposal) —
reaches the user as form errors on a form page, or as messages on the object's page. The forms
are rendered by one partial, `templates/portal/_transition_form.html`.

- `TransitionView`: POST only; the form sits on the object's page; failures become messages.
- `TransitionPageView`: GET shows the form on its own page (`portal/transition_page.html`);
  failures show the page again with the errors on the form.
- `ServiceFormMixin`: any FormView whose valid form goes to one service.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.views import View

from .access import ActionRequiredMixin
from .forms import apply_errors, error_messages


class ServiceFormMixin:
    """FormView whose valid form goes to one service, `perform(form)`; its refusal turns into
    form errors and the page is shown again (services are atomic: nothing half-written)."""

    result: Any = None
    # Errors the service reports under another name than the form's field.
    error_aliases: Mapping[str, str] = {}

    def perform(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            self.result = self.perform(form)
        except (ValidationError, PermissionDenied) as exc:
            apply_errors(form, exc, aliases=self.error_aliases)
            return self.form_invalid(form)
        return self.success()

    def success(self):
        return HttpResponseRedirect(self.get_success_url())


class TransitionView(ActionRequiredMixin, View):
    """POST only: validate `form_class` (if any), call `perform(form)`, say how it went, go back
    to `get_success_url()` (by default the object's `get_absolute_url()`)."""

    http_method_names = ["post"]
    form_class = None
    success_message = ""
    result: Any = None

    def get_object(self):
        """The object the transition acts on; the app's object mixin provides it."""
        raise NotImplementedError

    def get_form_kwargs(self) -> dict[str, Any]:
        return {"data": self.request.POST, "files": self.request.FILES}

    def get_form(self):
        return self.form_class(**self.get_form_kwargs()) if self.form_class else None

    def perform(self, form) -> Any:
        raise NotImplementedError

    def get_success_message(self) -> str:
        return str(self.success_message) if self.success_message else ""

    def get_success_url(self) -> str:
        return self.get_object().get_absolute_url()

    def get_failure_url(self) -> str:
        return self.get_success_url()

    def post(self, request, *args, **kwargs):
        # The object first: a guessed id outside what the user may see is a 404, whatever
        # the form holds.
        self.get_object()
        form = self.get_form()
        if form is not None and not form.is_valid():
            return self.failed(form, None)
        try:
            self.result = self.perform(form)
        except (ValidationError, PermissionDenied) as exc:
            return self.failed(form, exc)
        message = self.get_success_message()
        if message:
            messages.success(request, message)
        return HttpResponseRedirect(self.get_success_url())

    def failed(self, form, exc: ValidationError | PermissionDenied | None):
        texts = error_messages(exc) if exc is not None else []
        if form is not None and exc is None:
            texts = [str(m) for errors in form.errors.values() for m in errors]
        for text in texts:
            messages.error(self.request, text)
        return HttpResponseRedirect(self.get_failure_url())


class TransitionPageView(TransitionView):
    """A transition with a page of its own: GET shows the form, a refused POST shows it again
    with the errors on the form (and answers 200, as a form page does)."""

    http_method_names = ["get", "post"]
    template_name = "portal/transition_page.html"
    judul = ""
    tombol = ""
    tombol_kelas = "btn-primary"
    error_aliases: Mapping[str, str] = {}

    def get_initial(self) -> dict[str, Any]:
        return {}

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        obj = self.get_object()
        return {
            "view": self,
            "objek": obj,
            "judul": self.judul,
            "tombol": self.tombol,
            "tombol_kelas": self.tombol_kelas,
            "kembali": obj.get_absolute_url(),
            **kwargs,
        }

    def get_form_kwargs(self) -> dict[str, Any]:
        if self.request.method == "POST":
            return super().get_form_kwargs()
        return {"initial": self.get_initial()}

    def get(self, request, *args, **kwargs):
        return render(request, self.template_name, self.get_context_data(form=self.get_form()))

    def failed(self, form, exc):
        if exc is not None:
            if form is None:
                return super().failed(form, exc)
            apply_errors(form, exc, aliases=self.error_aliases)
        return render(self.request, self.template_name, self.get_context_data(form=form))
