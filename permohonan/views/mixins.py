"""What the request pages share: the rate limit of public forms, the applicant reached by the
tracking code (`_applicant_or_404`, never-cached `ApplicantPageMixin`), the staff request of the
URL (`StaffPermohonanMixin`), and the POST-only staff step (`StaffPostView`) that calls one
workflow function and reports its outcome."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.views import View

from ppid_portal import ratelimit
from ppid_portal.access import ActionRequiredMixin

from .. import conf, selectors, tracking
from ..models import Permohonan

PS = Permohonan.Status


def limited(request, scope: str) -> bool:
    """Count one attempt of `scope` for the client's address; True when over the limit."""
    limit, window = conf.batas(scope)
    return not ratelimit.hit(scope, ratelimit.client_ip(request), limit=limit, window=window)


def too_many(request) -> HttpResponse:
    return render(request, "permohonan/batas.html", status=429)


def _applicant_or_404(request, pk: int) -> tuple[Permohonan, tracking.Pemohon]:
    # The decision in force is read by every applicant page (keberatan window, notice).
    permohonan = Permohonan.objects.filter(pk=pk).select_related("keputusan_aktif").first()
    actor = tracking.applicant_for(request, permohonan) if permohonan else None
    if actor is None:
        # The same answer for a request that does not exist and one that is not yours.
        raise Http404
    return permohonan, actor


class ApplicantPageMixin:
    """Pages with the applicant's data, reached by the tracking code without an account: never
    kept by browsers or proxies (the portal's middleware does this only for signed-in users)."""

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        add_never_cache_headers(response)
        response["Cache-Control"] = "private, no-store, no-cache, must-revalidate, max-age=0"
        return response


# ---------------------------------------------------------------------------------------------
# Staff: helpers


class StaffPermohonanMixin:
    """The request of the URL among those the user may open (404 otherwise)."""

    pk_url_kwarg = "pk"

    @cached_property
    def permohonan(self) -> Permohonan:
        return get_object_or_404(
            selectors.permohonan_for(self.request.user), pk=self.kwargs[self.pk_url_kwarg]
        )

    def detail_url(self) -> str:
        return reverse("permohonan:detail", args=[self.permohonan.pk])


class StaffPostView(ActionRequiredMixin, View):
    """POST-only staff step: validate a small form, call one workflow function, report the
    outcome as a message and go back to the detail page."""

    http_method_names = ["post"]
    form_class = None
    success_message = ""

    def get_form(self):
        return self.form_class(self.request.POST, self.request.FILES) if self.form_class else None

    def perform(self, data: dict):
        raise NotImplementedError

    def redirect_url(self) -> str:
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form is not None and not form.is_valid():
            for errors in form.errors.values():
                for message in errors:
                    messages.error(request, message)
            return HttpResponseRedirect(self.redirect_url())
        try:
            self.perform(form.cleaned_data if form is not None else {})
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            if self.success_message:
                messages.success(request, self.success_message)
        return HttpResponseRedirect(self.redirect_url())


class PermohonanPostView(StaffPermohonanMixin, StaffPostView):
    def redirect_url(self) -> str:
        return self.detail_url()
