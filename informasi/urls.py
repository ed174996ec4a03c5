from django.urls import path

from .views import api, public, staff

app_name = "informasi"

urlpatterns = [
    # Public: the published DIP and its open-data API.
    path("", public.DipListView.as_view(), name="dip-list"),
    path("dip/<int:pk>/", public.DipDetailView.as_view(), name="dip-detail"),
    path(
        "dip/<int:pk>/dokumen/<int:dokumen>/",
        public.DipDocumentView.as_view(),
        name="dip-dokumen",
    ),
    path("dip/unduh/pdf/", public.DipPdfView.as_view(), name="dip-pdf"),
    path("dip/unduh/xlsx/", public.DipXlsxView.as_view(), name="dip-xlsx"),
    path("api/", api.ApiDocsView.as_view(), name="api-docs"),
    path("api/dip/", api.ApiListView.as_view(), name="api-list"),
    path("api/dip/<int:pk>/", api.ApiDetailView.as_view(), name="api-detail"),
    # Staff: the register.
    path("staf/entri/", staff.EntryListView.as_view(), name="entri-list"),
    path("staf/entri/baru/", staff.EntryCreateView.as_view(), name="entri-create"),
    path("staf/entri/<int:pk>/", staff.EntryDetailView.as_view(), name="entri-detail"),
    path("staf/entri/<int:pk>/ubah/", staff.EntryUpdateView.as_view(), name="entri-update"),
    path("staf/entri/<int:pk>/ajukan/", staff.EntrySubmitView.as_view(), name="entri-ajukan"),
    path(
        "staf/entri/<int:pk>/dokumentasikan/",
        staff.EntryDocumentView.as_view(),
        name="entri-dokumentasikan",
    ),
    path(
        "staf/entri/<int:pk>/kembalikan/",
        staff.EntryReturnView.as_view(),
        name="entri-kembalikan",
    ),
    path("staf/entri/<int:pk>/koreksi/", staff.EntryCorrectView.as_view(), name="entri-koreksi"),
    path(
        "staf/entri/<int:pk>/mutakhirkan/",
        staff.EntryReopenView.as_view(),
        name="entri-mutakhirkan",
    ),
    path("staf/entri/<int:pk>/cabut/", staff.EntryWithdrawView.as_view(), name="entri-cabut"),
    path(
        "staf/entri/<int:pk>/dokumen/tambah/",
        staff.DocumentAddView.as_view(),
        name="dokumen-tambah",
    ),
    path("staf/dokumen/<int:pk>/hapus/", staff.DocumentRemoveView.as_view(), name="dokumen-hapus"),
    path(
        "staf/dokumen/<int:pk>/unduh/", staff.DocumentDownloadView.as_view(), name="dokumen-unduh"
    ),
    # Staff: versions (penetapan dan pemutakhiran).
    path("staf/versi/", staff.VersionListView.as_view(), name="versi-list"),
    path("staf/versi/baru/", staff.VersionCreateView.as_view(), name="versi-create"),
    path("staf/versi/bandingkan/", staff.VersionCompareView.as_view(), name="versi-bandingkan"),
    path("staf/versi/<int:nomor>/", staff.VersionDetailView.as_view(), name="versi-detail"),
    path(
        "staf/versi/<int:nomor>/perintahkan/",
        staff.VersionOrderView.as_view(),
        name="versi-perintahkan",
    ),
    path(
        "staf/versi/<int:nomor>/publikasikan/",
        staff.VersionPublishView.as_view(),
        name="versi-publikasikan",
    ),
    path(
        "staf/versi/<int:nomor>/batalkan/",
        staff.VersionCancelView.as_view(),
        name="versi-batalkan",
    ),
    path(
        "staf/versi/<int:nomor>/ekspor.<str:fmt>",
        staff.VersionExportView.as_view(),
        name="versi-ekspor",
    ),
    # Staff: import.
    path("staf/impor/", staff.ImportCreateView.as_view(), name="impor-create"),
    path("staf/impor/templat.xlsx", staff.ImportTemplateView.as_view(), name="impor-templat"),
    path("staf/impor/<int:pk>/", staff.ImportDetailView.as_view(), name="impor-detail"),
    path("staf/impor/<int:pk>/jalankan/", staff.ImportRunView.as_view(), name="impor-jalankan"),
]
