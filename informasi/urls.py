from django.urls import path

from .views import api, pengecualian, public, staff

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
    # Public: the register of excepted information (metadata only).
    path("dikecualikan/", pengecualian.RegisterView.as_view(), name="dikecualikan-list"),
    path(
        "dikecualikan/unduh/<str:fmt>/",
        pengecualian.RegisterDownloadView.as_view(),
        name="dikecualikan-unduh",
    ),
    path("api/dikecualikan/", pengecualian.ApiRegisterView.as_view(), name="api-dikecualikan"),
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
    # Staff: excepted information (uji konsekuensi and penetapan).
    path("staf/uji/", pengecualian.UjiListView.as_view(), name="uji-list"),
    path("staf/uji/usul/", pengecualian.UjiProposeView.as_view(), name="uji-usul"),
    path("staf/uji/<int:pk>/", pengecualian.UjiDetailView.as_view(), name="uji-detail"),
    path("staf/uji/<int:pk>/ubah/", pengecualian.UjiUpdateView.as_view(), name="uji-ubah"),
    path("staf/uji/<int:pk>/pdf/", pengecualian.UjiPdfView.as_view(), name="uji-pdf"),
    path(
        "staf/uji/<int:pk>/lampiran/",
        pengecualian.UjiOriginalDownloadView.as_view(),
        name="uji-lampiran",
    ),
    path(
        "staf/uji/<int:pk>/lampiran/unggah/",
        pengecualian.UjiOriginalUploadView.as_view(),
        name="uji-lampiran-unggah",
    ),
    path(
        "staf/uji/<int:pk>/peserta/tambah/",
        pengecualian.PesertaAddView.as_view(),
        name="uji-peserta-tambah",
    ),
    path(
        "staf/uji/peserta/<int:pk>/hapus/",
        pengecualian.PesertaRemoveView.as_view(),
        name="uji-peserta-hapus",
    ),
    path("staf/uji/<int:pk>/edarkan/", pengecualian.UjiCirculateView.as_view(), name="uji-edarkan"),
    path("staf/uji/<int:pk>/revisi/", pengecualian.UjiReviseView.as_view(), name="uji-revisi"),
    path(
        "staf/uji/<int:pk>/tandatangani/",
        pengecualian.UjiSignView.as_view(),
        name="uji-tandatangani",
    ),
    path("staf/uji/<int:pk>/batalkan/", pengecualian.UjiCancelView.as_view(), name="uji-batalkan"),
    path(
        "staf/uji/<int:pk>/tetapkan/",
        pengecualian.PenetapanCreateView.as_view(),
        name="penetapan-create",
    ),
    path("staf/penetapan/", pengecualian.PenetapanListView.as_view(), name="penetapan-list"),
    path(
        "staf/penetapan/<int:pk>/",
        pengecualian.PenetapanDetailView.as_view(),
        name="penetapan-detail",
    ),
    path(
        "staf/penetapan/<int:pk>/setujui/",
        pengecualian.PenetapanApproveView.as_view(),
        name="penetapan-setujui",
    ),
    path(
        "staf/penetapan/<int:pk>/tolak/",
        pengecualian.PenetapanRejectView.as_view(),
        name="penetapan-tolak",
    ),
    path(
        "staf/penetapan/<int:pk>/buka/",
        pengecualian.PenetapanOpenView.as_view(),
        name="penetapan-buka",
    ),
    path(
        "staf/penetapan/<int:pk>/prioritas/",
        pengecualian.PenetapanPriorityView.as_view(),
        name="penetapan-prioritas",
    ),
    path(
        "staf/penetapan/<int:pk>/pdf/",
        pengecualian.PenetapanPdfView.as_view(),
        name="penetapan-pdf",
    ),
]
