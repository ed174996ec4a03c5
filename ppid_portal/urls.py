from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from . import views, views_statistik
from .cache import public_page
from .sitemaps import all_sitemaps

portal_patterns = (
    [
        # The home page sums up the published DIP and the portal's activity (see cache.py).
        path("", public_page("dip", "unit", "beranda")(views.HomeView.as_view()), name="home"),
        path("profil/<slug:slug>/", views.HalamanDetailView.as_view(), name="halaman"),
        path("regulasi/", views.RegulasiListView.as_view(), name="regulasi"),
        path("regulasi/<int:pk>/unduh/", views.regulasi_download, name="regulasi_unduh"),
        path("statistik/", views_statistik.StatistikView.as_view(), name="statistik"),
        path("staf/", views.DashboardView.as_view(), name="dashboard"),
        path(
            "staf/statistik/",
            views_statistik.StatistikStafView.as_view(),
            name="statistik_staf",
        ),
        path("staf/audit/", views.AuditLogListView.as_view(), name="audit"),
        path("staf/email/", views.EmailKeluarListView.as_view(), name="email"),
        path(
            "staf/email/kirim-ulang/",
            views.EmailKirimUlangView.as_view(),
            name="email_kirim_ulang_semua",
        ),
        path(
            "staf/email/<int:pk>/kirim-ulang/",
            views.EmailKirimUlangView.as_view(),
            name="email_kirim_ulang",
        ),
        path("staf/konten/", views.HalamanStaffListView.as_view(), name="konten"),
        path(
            "staf/konten/halaman/<slug:slug>/",
            views.HalamanUpdateView.as_view(),
            name="halaman_ubah",
        ),
        path(
            "staf/konten/regulasi/baru/",
            views.RegulasiCreateView.as_view(),
            name="regulasi_tambah",
        ),
        path(
            "staf/konten/regulasi/<int:pk>/",
            views.RegulasiUpdateView.as_view(),
            name="regulasi_ubah",
        ),
    ],
    "portal",
)

urlpatterns = [
    path("", include(portal_patterns)),
    path("masuk/", views.PortalLoginView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, {"sitemaps": all_sitemaps()}, name="sitemap"),
    path("informasi/", include("informasi.urls")),
    path("permohonan/", include("permohonan.urls")),
    path("arsip/", include("arsip.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "ppid_portal.errors.permission_denied"
handler404 = "ppid_portal.errors.page_not_found"
handler500 = "ppid_portal.errors.server_error"
