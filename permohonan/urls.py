from django.urls import path

from . import views, views_laporan, views_publik
from .queues import QUEUES

app_name = "permohonan"

urlpatterns = [
    # Public.
    path("ajukan/", views.PermohonanCreateView.as_view(), name="ajukan"),
    path("ajukan/terkirim/<int:pk>/", views.PermohonanTerkirimView.as_view(), name="terkirim"),
    path("lacak/", views.LacakView.as_view(), name="lacak"),
    path("lacak/k/<str:kode>/", views.LacakTautanView.as_view(), name="lacak_tautan"),
    path("lacak/<int:pk>/", views.LacakDetailView.as_view(), name="lacak_detail"),
    path(
        "lacak/<int:pk>/tanda-bukti/",
        views.TandaBuktiPublikView.as_view(),
        name="lacak_tanda_bukti",
    ),
    path(
        "lacak/<int:pk>/pemberitahuan/<int:kid>/",
        views.PemberitahuanPublikView.as_view(),
        name="lacak_pemberitahuan",
    ),
    path(
        "lacak/<int:pk>/dokumen/<int:did>/",
        views.DokumenPublikView.as_view(),
        name="lacak_dokumen",
    ),
    path("lacak/<int:pk>/lengkapi/", views.LengkapiView.as_view(), name="lengkapi"),
    path("lacak/<int:pk>/tarik/", views.TarikPublikView.as_view(), name="tarik"),
    path(
        "lacak/<int:pk>/keberatan/",
        views.KeberatanPublikView.as_view(),
        name="keberatan_ajukan",
    ),
    path(
        "lacak/<int:pk>/keberatan/<int:kid>/tarik/",
        views.KeberatanTarikPublikView.as_view(),
        name="keberatan_tarik_publik",
    ),
    path(
        "lacak/<int:pk>/keberatan/<int:kid>/tanda-bukti/",
        views.KeberatanBuktiPublikView.as_view(),
        name="keberatan_bukti_publik",
    ),
    path(
        "lacak/<int:pk>/keberatan/<int:kid>/tanggapan/",
        views.TanggapanPublikView.as_view(),
        name="tanggapan_publik",
    ),
    path("lacak/<int:pk>/survei/", views_publik.SurveiView.as_view(), name="survei"),
    path("keberatan/", views.KeberatanMulaiView.as_view(), name="keberatan"),
    path("prosedur/<slug:halaman>/", views_publik.ProsedurView.as_view(), name="prosedur"),
    path("akun/daftar/", views.DaftarAkunView.as_view(), name="daftar"),
    path("saya/", views.PermohonanSayaView.as_view(), name="saya"),
    # Staff: requests.
    path("staf/catat/", views.DeskCatatView.as_view(), name="catat"),
    path("staf/<int:pk>/", views.PermohonanDetailView.as_view(), name="detail"),
    path("staf/<int:pk>/tercatat/", views.DeskTercatatView.as_view(), name="tercatat"),
    path("staf/<int:pk>/identitas/", views.IdentitasView.as_view(), name="identitas"),
    path("staf/<int:pk>/verifikasi/", views.VerifikasiView.as_view(), name="verifikasi"),
    path(
        "staf/<int:pk>/perlu-dilengkapi/",
        views.PerluDilengkapiView.as_view(),
        name="perlu_dilengkapi",
    ),
    path("staf/<int:pk>/lengkapi/", views.LengkapiDeskView.as_view(), name="lengkapi_desk"),
    path("staf/<int:pk>/gugur/", views.GugurView.as_view(), name="gugur"),
    path("staf/<int:pk>/disposisi/", views.DisposisiView.as_view(), name="disposisi"),
    path("staf/<int:pk>/perpanjang/", views.PerpanjangView.as_view(), name="perpanjang"),
    path("staf/<int:pk>/putus/", views.PutusView.as_view(), name="putus"),
    path("staf/<int:pk>/tarik/", views.TarikDeskView.as_view(), name="tarik_desk"),
    path("staf/<int:pk>/kode-baru/", views.KodeBaruView.as_view(), name="kode_baru"),
    path("staf/<int:pk>/tanda-bukti/", views.TandaBuktiStafView.as_view(), name="tanda_bukti"),
    path("staf/<int:pk>/keberatan/", views.KeberatanDeskView.as_view(), name="keberatan_desk"),
    path("staf/<int:pk>/sengketa/", views.SengketaCreateView.as_view(), name="sengketa_catat"),
    path("staf/dokumen/<int:pk>/", views.DokumenStafView.as_view(), name="dokumen"),
    path("staf/disposisi/<int:pk>/jawab/", views.JawabUnitView.as_view(), name="jawab"),
    path(
        "staf/disposisi/<int:pk>/minta-ulang/",
        views.MintaUlangView.as_view(),
        name="minta_ulang",
    ),
    path(
        "staf/keputusan/<int:pk>/pemberitahuan/",
        views.PemberitahuanStafView.as_view(),
        name="pemberitahuan",
    ),
    path(
        "staf/keputusan/<int:pk>/penyampaian/",
        views.PenyampaianView.as_view(),
        name="penyampaian",
    ),
    # Staff: keberatan and sengketa.
    path("staf/keberatan/<int:pk>/", views.KeberatanDetailView.as_view(), name="keberatan_detail"),
    path(
        "staf/keberatan/<int:pk>/putus/",
        views.KeberatanPutusView.as_view(),
        name="keberatan_putus",
    ),
    path(
        "staf/keberatan/<int:pk>/tarik/",
        views.KeberatanTarikDeskView.as_view(),
        name="keberatan_tarik",
    ),
    path(
        "staf/keberatan/<int:pk>/tanggapan-pemohon/",
        views.TanggapanPemohonView.as_view(),
        name="tanggapan_pemohon",
    ),
    path(
        "staf/keberatan/<int:pk>/tanda-bukti/",
        views.KeberatanBuktiStafView.as_view(),
        name="keberatan_bukti",
    ),
    path(
        "staf/keberatan/<int:pk>/tanggapan/",
        views.TanggapanStafView.as_view(),
        name="tanggapan",
    ),
    path("staf/keberatan/<int:pk>/kuasa/", views.KuasaView.as_view(), name="kuasa"),
    path("staf/sengketa/<int:pk>/ubah/", views.SengketaUpdateView.as_view(), name="sengketa_ubah"),
    # Staff: registers, calendar, deadline profiles.
    path(
        "staf/register/permohonan/",
        views.RegisterPermohonanView.as_view(),
        name="register_permohonan",
    ),
    path(
        "staf/register/keberatan/",
        views.RegisterKeberatanView.as_view(),
        name="register_keberatan",
    ),
    # Staff: annual reports and rekap.
    path("staf/laporan/", views_laporan.LaporanListView.as_view(), name="laporan"),
    path("staf/laporan/baru/", views_laporan.LaporanCreateView.as_view(), name="laporan_baru"),
    path(
        "staf/laporan/<int:pk>/", views_laporan.LaporanDetailView.as_view(), name="laporan_detail"
    ),
    path(
        "staf/laporan/<int:pk>/ubah/",
        views_laporan.LaporanUpdateView.as_view(),
        name="laporan_ubah",
    ),
    path(
        "staf/laporan/<int:pk>/setujui/",
        views_laporan.LaporanApproveView.as_view(),
        name="laporan_setujui",
    ),
    path(
        "staf/laporan/<int:pk>/batalkan/",
        views_laporan.LaporanCancelView.as_view(),
        name="laporan_batalkan",
    ),
    path(
        "staf/laporan/<int:pk>/unduh.<str:format>",
        views_laporan.LaporanDownloadView.as_view(),
        name="laporan_unduh",
    ),
    path("staf/rekap/", views_laporan.RekapView.as_view(), name="rekap"),
    path("staf/kalender/", views.KalenderView.as_view(), name="kalender"),
    path("staf/kalender/<int:pk>/hapus/", views.KalenderHapusView.as_view(), name="kalender_hapus"),
    path("staf/aturan/", views.AturanListView.as_view(), name="aturan"),
    path("staf/aturan/tambah/", views.AturanCreateView.as_view(), name="aturan_tambah"),
    path("staf/aturan/<int:pk>/ubah/", views.AturanUpdateView.as_view(), name="aturan_ubah"),
]

# One page per work queue; the dashboard links to them by name.
for _key, (_title, _roles, _query, _url_name, _order) in QUEUES.items():
    _slug = _key.removeprefix("permohonan.").replace(".", "-")
    urlpatterns.append(
        path(
            f"staf/antrean/{_slug}/",
            views.QueueView.as_view(queue_key=_key),
            name=_url_name.split(":", 1)[1],
        )
    )
