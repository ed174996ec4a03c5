"""The baseline: the least a Django view can do, through the portal's whole middleware stack."""

from django.http import HttpResponse


def baseline(request):
    """Anyone: a short text answer, the ceiling every page is measured against."""
    return HttpResponse(b"ok\n", content_type="text/plain; charset=utf-8")
