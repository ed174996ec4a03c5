from django.urls import path

from .views import fisik, kegiatan, retensi, sistem

app_name = "arsip"

urlpatterns = [
    # Public: documented activities marked public.
    path("kegiatan/", kegiatan.KegiatanPublikListView.as_view(), name="kegiatan_publik_list"),
    path(
        "kegiatan/<int:pk>/",
        kegiatan.KegiatanPublikDetailView.as_view(),
        name="kegiatan_publik_detail",
    ),
    path(
        "kegiatan/<int:pk>/lampiran/<int:lampiran_pk>/",
        kegiatan.LampiranPublikView.as_view(),
        name="lampiran_publik",
    ),
    # Staff: the physical archive.
    path("staf/lokasi/", fisik.LokasiListView.as_view(), name="lokasi_list"),
    path("staf/lokasi/tambah/", fisik.LokasiCreateView.as_view(), name="lokasi_create"),
    path("staf/lokasi/<int:pk>/", fisik.LokasiDetailView.as_view(), name="lokasi_detail"),
    path("staf/lokasi/<int:pk>/ubah/", fisik.LokasiUpdateView.as_view(), name="lokasi_update"),
    path("staf/lokasi/<int:pk>/label.pdf", fisik.LokasiLabelView.as_view(), name="lokasi_label"),
    path("staf/item/", fisik.ItemListView.as_view(), name="item_list"),
    path("staf/item/tambah/", fisik.ItemCreateView.as_view(), name="item_create"),
    path("staf/item/<int:pk>/", fisik.ItemDetailView.as_view(), name="item_detail"),
    path("staf/item/<int:pk>/ubah/", fisik.ItemUpdateView.as_view(), name="item_update"),
    path("staf/item/<int:pk>/pindah/", fisik.ItemPindahView.as_view(), name="item_pindah"),
    path("staf/item/<int:pk>/label.pdf", fisik.ItemLabelView.as_view(), name="item_label"),
    path("staf/item/<int:pk>/berkas/", fisik.ItemBerkasCreateView.as_view(), name="item_berkas"),
    path(
        "staf/item/<int:pk>/berkas/<int:berkas_pk>/",
        fisik.ItemBerkasDownloadView.as_view(),
        name="item_berkas_unduh",
    ),
    path("staf/item/<int:pk>/tautan/", fisik.ItemTautanCreateView.as_view(), name="item_tautan"),
    path(
        "staf/item/<int:pk>/tautan/<int:tautan_pk>/hapus/",
        fisik.ItemTautanDeleteView.as_view(),
        name="item_tautan_hapus",
    ),
    path("staf/item/<int:pk>/inaktif/", retensi.ItemInaktifView.as_view(), name="item_inaktif"),
    path("staf/item/<int:pk>/statis/", retensi.ItemStatisView.as_view(), name="item_statis"),
    path("staf/daftar-arsip/", fisik.DaftarArsipView.as_view(), name="daftar"),
    path("staf/daftar-arsip.pdf", fisik.DaftarArsipPdfView.as_view(), name="daftar_pdf"),
    path("staf/daftar-arsip.xlsx", fisik.DaftarArsipXlsxView.as_view(), name="daftar_xlsx"),
    # Staff: retention and disposal.
    path("staf/jadwal-retensi/", retensi.JadwalListView.as_view(), name="jadwal_list"),
    path("staf/jadwal-retensi/tambah/", retensi.JadwalCreateView.as_view(), name="jadwal_create"),
    path(
        "staf/jadwal-retensi/<int:pk>/ubah/",
        retensi.JadwalUpdateView.as_view(),
        name="jadwal_update",
    ),
    path("staf/retensi/", retensi.LaporanRetensiView.as_view(), name="retensi"),
    path("staf/retensi.xlsx", retensi.LaporanRetensiXlsxView.as_view(), name="retensi_xlsx"),
    path("staf/pemusnahan/", retensi.UsulListView.as_view(), name="usul_list"),
    path("staf/pemusnahan/usul/", retensi.UsulCreateView.as_view(), name="usul_create"),
    path("staf/pemusnahan/<int:pk>/", retensi.UsulDetailView.as_view(), name="usul_detail"),
    path(
        "staf/pemusnahan/<int:pk>/setujui/",
        retensi.UsulSetujuiView.as_view(),
        name="usul_setujui",
    ),
    path("staf/pemusnahan/<int:pk>/tolak/", retensi.UsulTolakView.as_view(), name="usul_tolak"),
    path("staf/pemusnahan/<int:pk>/batal/", retensi.UsulBatalView.as_view(), name="usul_batal"),
    path(
        "staf/pemusnahan/<int:pk>/berita-acara.pdf",
        retensi.BeritaAcaraView.as_view(),
        name="berita_acara",
    ),
    # Staff: activity documentation.
    path("staf/kegiatan/", kegiatan.KegiatanStafListView.as_view(), name="kegiatan_staf_list"),
    path("staf/kegiatan/tambah/", kegiatan.KegiatanCreateView.as_view(), name="kegiatan_create"),
    path(
        "staf/kegiatan/<int:pk>/",
        kegiatan.KegiatanStafDetailView.as_view(),
        name="kegiatan_staf_detail",
    ),
    path(
        "staf/kegiatan/<int:pk>/ubah/",
        kegiatan.KegiatanUpdateView.as_view(),
        name="kegiatan_update",
    ),
    path(
        "staf/kegiatan/<int:pk>/lampiran/",
        kegiatan.LampiranCreateView.as_view(),
        name="lampiran_create",
    ),
    path(
        "staf/kegiatan/<int:pk>/lampiran/<int:lampiran_pk>/",
        kegiatan.LampiranStafView.as_view(),
        name="lampiran_staf",
    ),
    path(
        "staf/kegiatan/<int:pk>/tautan/",
        kegiatan.KegiatanTautanCreateView.as_view(),
        name="kegiatan_tautan",
    ),
    path(
        "staf/kegiatan/<int:pk>/tautan/<int:tautan_pk>/hapus/",
        kegiatan.KegiatanTautanDeleteView.as_view(),
        name="kegiatan_tautan_hapus",
    ),
    # Staff: digital archive upkeep and reports.
    path("staf/pemeriksaan/", sistem.PemeriksaanListView.as_view(), name="pemeriksaan_list"),
    path(
        "staf/pemeriksaan/<int:pk>/",
        sistem.PemeriksaanDetailView.as_view(),
        name="pemeriksaan_detail",
    ),
    path("staf/cadangan/", sistem.CadanganListView.as_view(), name="cadangan_list"),
    path("staf/laporan-bulanan/", sistem.LaporanBulananView.as_view(), name="laporan_bulanan"),
    path(
        "staf/laporan-bulanan.pdf",
        sistem.LaporanBulananPdfView.as_view(),
        name="laporan_bulanan_pdf",
    ),
    path(
        "staf/laporan-bulanan.xlsx",
        sistem.LaporanBulananXlsxView.as_view(),
        name="laporan_bulanan_xlsx",
    ),
]
