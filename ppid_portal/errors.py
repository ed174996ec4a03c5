"""Error pages in the portal's layout, in Bahasa Indonesia."""

from django.shortcuts import render
from django.template.loader import get_template


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors: whatever broke must not break the error page too.
    from django.http import HttpResponseServerError

    return HttpResponseServerError(get_template("500.html").render({}))
