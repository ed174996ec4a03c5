from django.urls import path

from .queues import QUEUES
from .views import keberatan, laporan, office, prosedur, public, registers, staff

app_name = "permohonan"

urlpatterns = [
    # Public.
    path("ajukan/", public.PermohonanCreateView.as_view(), name="ajukan"),
    path("ajukan/terkirim/<int:pk>/", public.PermohonanTerkirimView.as_view(), name="terkirim"),
    path("lacak/", public.LacakView.as_view(), name="lacak"),
    path("lacak/k/<str:kode>/", public.LacakTautanView.as_view(), name="lacak_tautan"),
    path("lacak/<int:pk>/", public.LacakDetailView.as_view(), name="lacak_detail"),
    path(
        "lacak/<int:pk>/tanda-bukti/",
        public.TandaBuktiPublikView.as_view(),
        name="lacak_tanda_bukti",
    ),
    path(
        "lacak/<int:pk>/pemberitahuan/<int:kid>/",
        public.PemberitahuanPublikView.as_view(),
        name="lacak_pemberitahuan",
    ),
    path(
        "lacak/<int:pk>/dokumen/<int:did>/",
        public.DokumenPublikView.as_view(),
        name="lacak_dokumen",
    ),
    path("lacak/<int:pk>/lengkapi/", public.LengkapiView.as_view(), name="lengkapi"),
    path("lacak/<int:pk>/tarik/", public.TarikPublikView.as_view(), name="tarik"),
    path(
        "lacak/<int:pk>/keberatan/",
        public.KeberatanPublikView.as_view(),
        name="keberatan_ajukan",
    ),
    path(
        "lacak/<int:pk>/keberatan/<int:kid>/tarik/",
        public.KeberatanTarikPublikView.as_view(),
        name="keberatan_tarik_publik",
    ),
    path(
        "lacak/<int:pk>/keberatan/<int:kid>/tanda-bukti/",
        public.KeberatanBuktiPublikView.as_view(),
        name="keberatan_bukti_publik",
    ),
    path(
        "lacak/<int:pk>/keberatan/<int:kid>/tanggapan/",
        public.TanggapanPublikView.as_view(),
        name="tanggapan_publik",
    ),
    path("lacak/<int:pk>/survei/", prosedur.SurveiView.as_view(), name="survei"),
    path("keberatan/", public.KeberatanMulaiView.as_view(), name="keberatan"),
    path("prosedur/<slug:halaman>/", prosedur.ProsedurView.as_view(), name="prosedur"),
    path("akun/daftar/", public.DaftarAkunView.as_view(), name="daftar"),
    path("saya/", public.PermohonanSayaView.as_view(), name="saya"),
    # Staff: requests.
    path("staf/catat/", staff.DeskCatatView.as_view(), name="catat"),
    path("staf/<int:pk>/", staff.PermohonanDetailView.as_view(), name="detail"),
    path("staf/<int:pk>/tercatat/", staff.DeskTercatatView.as_view(), name="tercatat"),
    path("staf/<int:pk>/identitas/", staff.IdentitasView.as_view(), name="identitas"),
    path("staf/<int:pk>/verifikasi/", staff.VerifikasiView.as_view(), name="verifikasi"),
    path(
        "staf/<int:pk>/perlu-dilengkapi/",
        staff.PerluDilengkapiView.as_view(),
        name="perlu_dilengkapi",
    ),
    path("staf/<int:pk>/lengkapi/", staff.LengkapiDeskView.as_view(), name="lengkapi_desk"),
    path("staf/<int:pk>/gugur/", staff.GugurView.as_view(), name="gugur"),
    path("staf/<int:pk>/disposisi/", staff.DisposisiView.as_view(), name="disposisi"),
    path("staf/<int:pk>/perpanjang/", staff.PerpanjangView.as_view(), name="perpanjang"),
    path("staf/<int:pk>/putus/", staff.PutusView.as_view(), name="putus"),
    path("staf/<int:pk>/uji-konsekuensi/", staff.MulaiUjiView.as_view(), name="mulai_uji"),
    path("staf/<int:pk>/tarik/", staff.TarikDeskView.as_view(), name="tarik_desk"),
    path("staf/<int:pk>/kode-baru/", staff.KodeBaruView.as_view(), name="kode_baru"),
    path("staf/<int:pk>/tanda-bukti/", staff.TandaBuktiStafView.as_view(), name="tanda_bukti"),
    path("staf/<int:pk>/keberatan/", keberatan.KeberatanDeskView.as_view(), name="keberatan_desk"),
    path("staf/<int:pk>/sengketa/", keberatan.SengketaCreateView.as_view(), name="sengketa_catat"),
    path("staf/dokumen/<int:pk>/", staff.DokumenStafView.as_view(), name="dokumen"),
    path("staf/disposisi/<int:pk>/jawab/", staff.JawabUnitView.as_view(), name="jawab"),
    path(
        "staf/disposisi/<int:pk>/minta-ulang/",
        staff.MintaUlangView.as_view(),
        name="minta_ulang",
    ),
    path(
        "staf/keputusan/<int:pk>/pemberitahuan/",
        staff.PemberitahuanStafView.as_view(),
        name="pemberitahuan",
    ),
    path(
        "staf/keputusan/<int:pk>/penyampaian/",
        staff.PenyampaianView.as_view(),
        name="penyampaian",
    ),
    # Staff: keberatan and sengketa.
    path(
        "staf/keberatan/<int:pk>/", keberatan.KeberatanDetailView.as_view(), name="keberatan_detail"
    ),
    path(
        "staf/keberatan/<int:pk>/putus/",
        keberatan.KeberatanPutusView.as_view(),
        name="keberatan_putus",
    ),
    path(
        "staf/keberatan/<int:pk>/tarik/",
        keberatan.KeberatanTarikDeskView.as_view(),
        name="keberatan_tarik",
    ),
    path(
        "staf/keberatan/<int:pk>/tanggapan-pemohon/",
        keberatan.TanggapanPemohonView.as_view(),
        name="tanggapan_pemohon",
    ),
    path(
        "staf/keberatan/<int:pk>/tanda-bukti/",
        keberatan.KeberatanBuktiStafView.as_view(),
        name="keberatan_bukti",
    ),
    path(
        "staf/keberatan/<int:pk>/tanggapan/",
        keberatan.TanggapanStafView.as_view(),
        name="tanggapan",
    ),
    path("staf/keberatan/<int:pk>/kuasa/", keberatan.KuasaView.as_view(), name="kuasa"),
    path(
        "staf/sengketa/<int:pk>/ubah/", keberatan.SengketaUpdateView.as_view(), name="sengketa_ubah"
    ),
    # Staff: registers, calendar, deadline profiles.
    path(
        "staf/register/permohonan/",
        registers.RegisterPermohonanView.as_view(),
        name="register_permohonan",
    ),
    path(
        "staf/register/keberatan/",
        registers.RegisterKeberatanView.as_view(),
        name="register_keberatan",
    ),
    # Staff: annual reports and rekap.
    path("staf/laporan/", laporan.LaporanListView.as_view(), name="laporan"),
    path("staf/laporan/baru/", laporan.LaporanCreateView.as_view(), name="laporan_baru"),
    path("staf/laporan/<int:pk>/", laporan.LaporanDetailView.as_view(), name="laporan_detail"),
    path(
        "staf/laporan/<int:pk>/ubah/",
        laporan.LaporanUpdateView.as_view(),
        name="laporan_ubah",
    ),
    path(
        "staf/laporan/<int:pk>/setujui/",
        laporan.LaporanApproveView.as_view(),
        name="laporan_setujui",
    ),
    path(
        "staf/laporan/<int:pk>/batalkan/",
        laporan.LaporanCancelView.as_view(),
        name="laporan_batalkan",
    ),
    path(
        "staf/laporan/<int:pk>/unduh.<str:format>",
        laporan.LaporanDownloadView.as_view(),
        name="laporan_unduh",
    ),
    path("staf/rekap/", laporan.RekapView.as_view(), name="rekap"),
    path("staf/kalender/", office.KalenderView.as_view(), name="kalender"),
    path(
        "staf/kalender/<int:pk>/hapus/", office.KalenderHapusView.as_view(), name="kalender_hapus"
    ),
    path("staf/aturan/", office.AturanListView.as_view(), name="aturan"),
    path("staf/aturan/tambah/", office.AturanCreateView.as_view(), name="aturan_tambah"),
    path("staf/aturan/<int:pk>/ubah/", office.AturanUpdateView.as_view(), name="aturan_ubah"),
]

# One page per work queue; the dashboard links to them by name.
for _key, (_title, _roles, _query, _url_name, _order) in QUEUES.items():
    _slug = _key.removeprefix("permohonan.").replace(".", "-")
    urlpatterns.append(
        path(
            f"staf/antrean/{_slug}/",
            registers.QueueView.as_view(queue_key=_key),
            name=_url_name.split(":", 1)[1],
        )
    )
