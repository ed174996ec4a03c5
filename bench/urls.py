"""URLs under the benchmark's settings: the portal's own, plus the baseline view."""

from django.urls import path

from ppid_portal.urls import handler403, handler404, handler500, urlpatterns  # noqa: F401

from .views import baseline

urlpatterns = [path("_bench/baseline/", baseline, name="bench-baseline"), *urlpatterns]
