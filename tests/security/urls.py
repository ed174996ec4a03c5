"""The portal's URLconf plus a few test-only views (private pages, an inline script, a crash)."""

from django.http import HttpResponse
from django.template import engines
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import View

from ppid_portal.security import PrivatePageMixin, private_page
from ppid_portal.urls import urlpatterns as portal_urlpatterns

INLINE = engines["django"].from_string(
    '<!doctype html><title>x</title><script nonce="{{ request.csp_nonce }}">var siap = 1;</script>'
)


@private_page
def private_view(request):
    return HttpResponse("Status permohonan Anda")


class PrivateView(PrivatePageMixin, View):
    def get(self, request):
        return HttpResponse("Status keberatan Anda")


def public_view(request):
    return HttpResponse("Informasi umum")


def inline_script_view(request):
    return HttpResponse(INLINE.render({}, request))


def crash_view(request):
    raise RuntimeError("galat uji")


def unsafe_get_view(request, nomor):
    # Deliberately wrong, for the helpers' own tests: a GET that writes.
    from ppid_portal.models import UnitKerja

    number = UnitKerja.objects.count()
    UnitKerja.objects.create(kode=f"get-{number}", nama=f"Unit {nomor}-{number}")
    return HttpResponse("ditulis")


@csrf_exempt
def exempt_view(request):
    return HttpResponse("tanpa CSRF")


urlpatterns = [
    path("uji/pribadi/", private_view),
    path("uji/pribadi-kelas/", PrivateView.as_view()),
    path("uji/umum/", public_view),
    path("uji/skrip/", inline_script_view),
    path("uji/galat/", crash_view),
    path("uji/tulis-lewat-get/<int:nomor>/", unsafe_get_view, name="tulis_lewat_get"),
    path("uji/tanpa-csrf/", exempt_view, name="tanpa_csrf"),
    *portal_urlpatterns,
]

handler403 = "ppid_portal.errors.permission_denied"
handler404 = "ppid_portal.errors.page_not_found"
handler500 = "ppid_portal.errors.server_error"
