from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views

portal_patterns = (
    [
        path("", views.HomeView.as_view(), name="home"),
        path("staf/", views.DashboardView.as_view(), name="dashboard"),
        path("staf/audit/", views.AuditLogListView.as_view(), name="audit"),
    ],
    "portal",
)

urlpatterns = [
    path("", include(portal_patterns)),
    path("masuk/", views.PortalLoginView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("informasi/", include("informasi.urls")),
    path("permohonan/", include("permohonan.urls")),
    path("arsip/", include("arsip.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "ppid_portal.errors.permission_denied"
handler404 = "ppid_portal.errors.page_not_found"
handler500 = "ppid_portal.errors.server_error"
