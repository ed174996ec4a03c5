"""Small views behind the public page cache, for tests/portal/test_page_cache.py."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template import engines
from django.urls import path

from ppid_portal.cache import public_page
from ppid_portal.security import mark_private
from ppid_portal.urls import urlpatterns as portal_urlpatterns

CALLS: dict[str, int] = {}

FORM = engines["django"].from_string(
    "{% load i18n %}<p>{% get_current_language as lang %}{{ lang }}</p>"
    '<form method="post" action="/i18n/setlang/">{% csrf_token %}'
    '<input name="language" value="en"></form>'
    '<script nonce="{{ request.csp_nonce }}">var x = 1;</script>'
)


def _count(name: str) -> int:
    CALLS[name] = CALLS.get(name, 0) + 1
    return CALLS[name]


@public_page("uji")
def plain(request):
    return HttpResponse(f"tampilan ke-{_count('plain')} {request.GET.get('q', '')}")


@public_page("uji")
def form(request):
    _count("form")
    return HttpResponse(FORM.render({}, request))


@public_page("uji")
def private(request):
    _count("private")
    return mark_private(HttpResponse("data pribadi"))


@public_page("uji")
def with_cookie(request):
    _count("with_cookie")
    response = HttpResponse("kue")
    response.set_cookie("pilihan", "1")
    return response


@public_page("uji")
def missing(request):
    _count("missing")
    raise Http404


def add_message(request):
    messages.info(request, "Sesi Anda berakhir.")
    return redirect("/uji/biasa/")


urlpatterns = [
    path("uji/biasa/", plain),
    path("uji/formulir/", form),
    path("uji/pribadi/", private),
    path("uji/kue/", with_cookie),
    path("uji/tidak-ada/", missing),
    path("uji/pesan/", add_message),
    *portal_urlpatterns,
]
