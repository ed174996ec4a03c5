"""Who may open each route: ONE declaration per route of the URLconf, read by the access walk
(tests/security/test_access_matrix.py). A new route without a line here fails that test.

    PUBLIC      anyone, anonymous visitors included (objects still filtered: published only)
    TOKEN       the applicant of the request: its signed-in owner or whoever proved the tracking
                code in this session
    SIGNED_IN   any signed-in account (citizens and staff)
    staff(...)  members of these roles; UNIT = a Penyedia of the unit that holds the object
                (a Penyedia of another unit is refused)
    ADMIN       superusers (the Django admin; declared for the whole site by its path)
"""

from __future__ import annotations

from dataclasses import dataclass

from ppid_portal.roles import Role


@dataclass(frozen=True)
class Access:
    kind: str  # "public", "token", "signed_in", "staff", "admin"
    roles: frozenset = frozenset()
    unit_only: bool = False  # Penyedia only of the object's own unit

    def __str__(self) -> str:
        if self.kind != "staff":
            return self.kind.upper()
        names = sorted(str(r) for r in self.roles)
        return f"staff({', '.join(names)}{', UNIT' if self.unit_only else ''})"


PUBLIC = Access("public")
TOKEN = Access("token")
SIGNED_IN = Access("signed_in")
ADMIN = Access("admin")
UNIT = "unit"


def staff(*roles) -> Access:
    unit_only = UNIT in roles
    chosen = {Role.PENYEDIA if r == UNIT else Role(r) for r in roles}
    return Access("staff", frozenset(chosen), unit_only)


# Declared as a whole, by path: the Django admin (its own gate: active superusers and staff).
PREFIXES: dict[str, Access] = {"admin/": ADMIN}

ROUTES: dict[str, Access] = {
    "admin:login": PUBLIC,
    "admin:logout": PUBLIC,
    "portal:home": PUBLIC,
    "portal:halaman": PUBLIC,
    "portal:regulasi": PUBLIC,
    "portal:regulasi_unduh": PUBLIC,
    "portal:statistik": PUBLIC,
    "portal:dashboard": staff(
        Role.PENYEDIA, Role.DESK, Role.PPID, Role.ATASAN, Role.TIM_PERTIMBANGAN, Role.PEMBINA
    ),
    "portal:statistik_staf": staff(Role.DESK, Role.PPID, Role.ATASAN, Role.PEMBINA),
    "portal:audit": staff(Role.PPID, Role.ATASAN),
    "portal:email": staff(Role.PPID),
    "portal:email_kirim_ulang": staff(Role.PPID),
    "portal:email_kirim_ulang_semua": staff(Role.PPID),
    "portal:konten": staff(Role.PPID),
    "portal:halaman_ubah": staff(Role.PPID),
    "portal:regulasi_tambah": staff(Role.PPID),
    "portal:regulasi_ubah": staff(Role.PPID),
    "login": PUBLIC,
    "logout": PUBLIC,  # anonymous: nothing to end, a redirect
    "set_language": PUBLIC,
    "sitemap": PUBLIC,
    "informasi:dip-list": PUBLIC,
    "informasi:dip-detail": PUBLIC,
    "informasi:dip-dokumen": PUBLIC,
    "informasi:dip-pdf": PUBLIC,
    "informasi:dip-xlsx": PUBLIC,
    "informasi:api-docs": PUBLIC,
    "informasi:api-list": PUBLIC,
    "informasi:api-detail": PUBLIC,
    "informasi:dikecualikan-list": PUBLIC,
    "informasi:dikecualikan-unduh": PUBLIC,
    "informasi:api-dikecualikan": PUBLIC,
    "informasi:entri-list": staff(
        Role.PENYEDIA, Role.DESK, Role.PPID, Role.ATASAN, Role.TIM_PERTIMBANGAN, Role.PEMBINA
    ),
    "informasi:entri-create": staff(Role.PENYEDIA),
    "informasi:entri-detail": staff(
        UNIT, Role.DESK, Role.PPID, Role.ATASAN, Role.TIM_PERTIMBANGAN, Role.PEMBINA
    ),
    "informasi:entri-update": staff(UNIT),
    "informasi:entri-ajukan": staff(UNIT),
    "informasi:entri-dokumentasikan": staff(Role.DESK),
    "informasi:entri-kembalikan": staff(Role.DESK),
    "informasi:entri-koreksi": staff(Role.ATASAN),
    "informasi:entri-mutakhirkan": staff(UNIT),
    "informasi:entri-cabut": staff(UNIT, Role.PPID),  # Penyedia: only the unit's own draft
    "informasi:dokumen-tambah": staff(UNIT, Role.DESK),
    "informasi:dokumen-hapus": staff(UNIT, Role.DESK),
    "informasi:dokumen-unduh": staff(
        UNIT, Role.DESK, Role.PPID, Role.ATASAN, Role.TIM_PERTIMBANGAN, Role.PEMBINA
    ),
    "informasi:versi-list": staff(
        Role.PENYEDIA, Role.DESK, Role.PPID, Role.ATASAN, Role.TIM_PERTIMBANGAN, Role.PEMBINA
    ),
    "informasi:versi-create": staff(Role.PPID),
    "informasi:versi-bandingkan": staff(
        Role.PENYEDIA, Role.DESK, Role.PPID, Role.ATASAN, Role.TIM_PERTIMBANGAN, Role.PEMBINA
    ),
    "informasi:versi-detail": staff(
        Role.PENYEDIA, Role.DESK, Role.PPID, Role.ATASAN, Role.TIM_PERTIMBANGAN, Role.PEMBINA
    ),
    "informasi:versi-perintahkan": staff(Role.ATASAN),
    "informasi:versi-publikasikan": staff(Role.DESK),
    "informasi:versi-batalkan": staff(Role.PPID),
    "informasi:versi-ekspor": staff(
        Role.PENYEDIA, Role.DESK, Role.PPID, Role.ATASAN, Role.TIM_PERTIMBANGAN, Role.PEMBINA
    ),  # no object of the world in a state for it; roles of its action
    "informasi:impor-create": staff(Role.PPID),
    "informasi:impor-templat": staff(Role.PPID),
    "informasi:impor-detail": staff(
        Role.PPID
    ),  # no object of the world in a state for it; roles of its action
    "informasi:impor-jalankan": staff(
        Role.PPID
    ),  # no object of the world in a state for it; roles of its action
    "informasi:uji-list": staff(
        Role.PENYEDIA, Role.PPID, Role.ATASAN, Role.TIM_PERTIMBANGAN, Role.PEMBINA
    ),
    "informasi:uji-usul": staff(Role.PENYEDIA, Role.PPID, Role.TIM_PERTIMBANGAN),
    "informasi:uji-detail": staff(
        UNIT, Role.PPID, Role.ATASAN, Role.TIM_PERTIMBANGAN, Role.PEMBINA
    ),
    "informasi:uji-ubah": staff(UNIT, Role.PPID, Role.TIM_PERTIMBANGAN),
    "informasi:uji-pdf": staff(UNIT, Role.PPID, Role.ATASAN, Role.TIM_PERTIMBANGAN, Role.PEMBINA),
    "informasi:uji-lampiran": staff(
        UNIT, Role.PPID, Role.ATASAN, Role.TIM_PERTIMBANGAN, Role.PEMBINA
    ),  # as uji-detail
    "informasi:uji-lampiran-unggah": staff(UNIT, Role.PPID, Role.TIM_PERTIMBANGAN),
    "informasi:uji-peserta-tambah": staff(UNIT, Role.PPID, Role.TIM_PERTIMBANGAN),
    "informasi:uji-peserta-hapus": staff(
        UNIT, Role.PPID, Role.TIM_PERTIMBANGAN
    ),  # no object of the world in a state for it; roles of its action
    "informasi:uji-edarkan": staff(Role.PPID, Role.TIM_PERTIMBANGAN),
    "informasi:uji-revisi": staff(UNIT, Role.PPID, Role.TIM_PERTIMBANGAN),
    "informasi:uji-tandatangani": staff(UNIT, Role.PPID, Role.TIM_PERTIMBANGAN),
    "informasi:uji-batalkan": staff(Role.PPID),
    "informasi:penetapan-create": staff(Role.PPID),
    "informasi:penetapan-list": staff(
        Role.PENYEDIA, Role.PPID, Role.ATASAN, Role.TIM_PERTIMBANGAN, Role.PEMBINA
    ),
    "informasi:penetapan-detail": staff(
        UNIT, Role.PPID, Role.ATASAN, Role.TIM_PERTIMBANGAN, Role.PEMBINA
    ),
    "informasi:penetapan-setujui": staff(Role.ATASAN),
    "informasi:penetapan-tolak": staff(Role.ATASAN),
    "informasi:penetapan-buka": staff(Role.PPID, Role.ATASAN),
    "informasi:penetapan-prioritas": staff(Role.PPID),
    "informasi:penetapan-pdf": staff(
        UNIT, Role.PPID, Role.ATASAN, Role.TIM_PERTIMBANGAN, Role.PEMBINA
    ),
    "permohonan:ajukan": PUBLIC,
    "permohonan:terkirim": TOKEN,
    "permohonan:lacak": PUBLIC,
    "permohonan:lacak_tautan": PUBLIC,
    "permohonan:lacak_detail": TOKEN,
    "permohonan:lacak_tanda_bukti": TOKEN,
    "permohonan:lacak_pemberitahuan": TOKEN,
    "permohonan:lacak_dokumen": TOKEN,  # only documents given by the decision
    "permohonan:lengkapi": TOKEN,
    "permohonan:tarik": TOKEN,
    "permohonan:keberatan_ajukan": TOKEN,
    "permohonan:keberatan_tarik_publik": TOKEN,
    "permohonan:keberatan_bukti_publik": TOKEN,
    "permohonan:tanggapan_publik": TOKEN,  # once the Atasan has answered
    "permohonan:survei": TOKEN,
    "permohonan:keberatan": PUBLIC,
    "permohonan:prosedur": PUBLIC,
    "permohonan:daftar": PUBLIC,
    "permohonan:saya": SIGNED_IN,
    "permohonan:catat": staff(Role.DESK),
    "permohonan:detail": staff(UNIT, Role.DESK, Role.PPID, Role.ATASAN),
    "permohonan:tercatat": staff(Role.DESK, Role.PPID),
    "permohonan:identitas": staff(Role.DESK, Role.PPID, Role.ATASAN),
    "permohonan:verifikasi": staff(Role.DESK, Role.PPID),
    "permohonan:perlu_dilengkapi": staff(Role.DESK, Role.PPID),
    "permohonan:lengkapi_desk": staff(Role.DESK, Role.PPID),
    "permohonan:gugur": staff(Role.DESK, Role.PPID),
    "permohonan:disposisi": staff(Role.PPID),
    "permohonan:perpanjang": staff(Role.PPID),
    "permohonan:putus": staff(Role.PPID),
    # The rule admits the Tim Pertimbangan too, but the request's page is not theirs (404).
    "permohonan:mulai_uji": staff(UNIT, Role.PPID),
    "permohonan:tarik_desk": staff(Role.DESK),
    "permohonan:kode_baru": staff(Role.DESK, Role.PPID),
    "permohonan:tanda_bukti": staff(Role.DESK, Role.PPID, Role.ATASAN),
    "permohonan:keberatan_desk": staff(Role.DESK),
    "permohonan:sengketa_catat": staff(Role.PPID, Role.ATASAN),
    "permohonan:dokumen": staff(UNIT, Role.DESK, Role.PPID, Role.ATASAN),
    "permohonan:jawab": staff(UNIT),
    "permohonan:minta_ulang": staff(Role.PPID),
    "permohonan:pemberitahuan": staff(UNIT, Role.DESK, Role.PPID, Role.ATASAN),
    "permohonan:penyampaian": staff(Role.DESK, Role.PPID),
    "permohonan:keberatan_detail": staff(Role.DESK, Role.PPID, Role.ATASAN),
    "permohonan:keberatan_putus": staff(Role.ATASAN),
    "permohonan:keberatan_tarik": staff(Role.DESK),
    "permohonan:tanggapan_pemohon": staff(Role.DESK, Role.PPID),
    "permohonan:keberatan_bukti": staff(Role.DESK, Role.PPID, Role.ATASAN),
    "permohonan:tanggapan": staff(
        Role.DESK, Role.PPID, Role.ATASAN
    ),  # no object of the world in a state for it; roles of its action
    "permohonan:kuasa": staff(
        Role.DESK, Role.PPID, Role.ATASAN
    ),  # no object of the world in a state for it; roles of its action
    "permohonan:sengketa_ubah": staff(
        Role.PPID, Role.ATASAN
    ),  # no object of the world in a state for it; roles of its action
    "permohonan:register_permohonan": staff(Role.DESK, Role.PPID, Role.ATASAN, Role.PEMBINA),
    "permohonan:register_keberatan": staff(Role.DESK, Role.PPID, Role.ATASAN, Role.PEMBINA),
    "permohonan:laporan": staff(Role.DESK, Role.PPID, Role.ATASAN, Role.PEMBINA),
    "permohonan:laporan_baru": staff(Role.PPID),
    "permohonan:laporan_detail": staff(Role.DESK, Role.PPID, Role.ATASAN, Role.PEMBINA),
    "permohonan:laporan_ubah": staff(Role.PPID),
    "permohonan:laporan_setujui": staff(Role.PPID),
    "permohonan:laporan_batalkan": staff(Role.PPID),
    "permohonan:laporan_unduh": staff(Role.DESK, Role.PPID, Role.ATASAN, Role.PEMBINA),
    "permohonan:rekap": staff(Role.DESK, Role.PPID, Role.ATASAN, Role.PEMBINA),
    "permohonan:kalender": staff(Role.PPID),
    "permohonan:kalender_hapus": staff(Role.PPID),
    "permohonan:aturan": staff(Role.PPID),
    "permohonan:aturan_tambah": staff(Role.PPID),
    "permohonan:aturan_ubah": staff(Role.PPID),
    "permohonan:antrean_desk_baru": staff(Role.DESK),
    "permohonan:antrean_desk_dilengkapi": staff(Role.DESK),
    "permohonan:antrean_ppid_tenggat": staff(Role.PPID),
    "permohonan:antrean_ppid_disposisi": staff(Role.PPID),
    "permohonan:antrean_ppid_putus": staff(Role.PPID),
    "permohonan:antrean_penyedia_unit": staff(Role.PENYEDIA),
    "permohonan:antrean_atasan_keberatan": staff(Role.ATASAN),
    "arsip:kegiatan_publik_list": PUBLIC,
    "arsip:kegiatan_publik_detail": PUBLIC,  # public meetings only
    "arsip:lampiran_publik": PUBLIC,  # public attachments only
    "arsip:lokasi_list": staff(Role.DESK, Role.PPID, Role.ATASAN),
    "arsip:lokasi_create": staff(Role.DESK, Role.PPID),
    "arsip:lokasi_detail": staff(Role.DESK, Role.PPID, Role.ATASAN),
    "arsip:lokasi_update": staff(Role.DESK, Role.PPID),
    "arsip:lokasi_label": staff(Role.DESK, Role.PPID, Role.ATASAN),
    "arsip:item_list": staff(Role.DESK, Role.PPID, Role.ATASAN),
    "arsip:item_create": staff(Role.DESK, Role.PPID),
    "arsip:item_detail": staff(Role.DESK, Role.PPID, Role.ATASAN),
    "arsip:item_update": staff(Role.DESK, Role.PPID),
    "arsip:item_pindah": staff(Role.DESK, Role.PPID),
    "arsip:item_label": staff(Role.DESK, Role.PPID, Role.ATASAN),
    "arsip:item_berkas": staff(Role.DESK, Role.PPID),
    "arsip:item_berkas_unduh": staff(Role.DESK, Role.PPID, Role.ATASAN),
    "arsip:item_tautan": staff(Role.DESK, Role.PPID),
    "arsip:item_tautan_hapus": staff(
        Role.DESK, Role.PPID
    ),  # no object of the world in a state for it; roles of its action
    "arsip:item_inaktif": staff(Role.DESK, Role.PPID),
    "arsip:item_statis": staff(Role.PPID),
    "arsip:daftar": staff(Role.DESK, Role.PPID, Role.ATASAN),
    "arsip:daftar_pdf": staff(Role.DESK, Role.PPID, Role.ATASAN),
    "arsip:daftar_xlsx": staff(Role.DESK, Role.PPID, Role.ATASAN),
    "arsip:jadwal_list": staff(Role.DESK, Role.PPID, Role.ATASAN),
    "arsip:jadwal_create": staff(Role.PPID),
    "arsip:jadwal_update": staff(Role.PPID),
    "arsip:retensi": staff(Role.DESK, Role.PPID, Role.ATASAN),
    "arsip:retensi_xlsx": staff(Role.DESK, Role.PPID, Role.ATASAN),
    "arsip:usul_list": staff(Role.PPID, Role.ATASAN),
    "arsip:usul_create": staff(Role.PPID),
    "arsip:usul_detail": staff(
        Role.PPID, Role.ATASAN
    ),  # no object of the world in a state for it; roles of its action
    "arsip:usul_setujui": staff(
        Role.ATASAN
    ),  # no object of the world in a state for it; roles of its action
    "arsip:usul_tolak": staff(
        Role.ATASAN
    ),  # no object of the world in a state for it; roles of its action
    "arsip:usul_batal": staff(
        Role.PPID
    ),  # no object of the world in a state for it; roles of its action
    "arsip:berita_acara": staff(
        Role.PPID, Role.ATASAN
    ),  # no object of the world in a state for it; roles of its action
    "arsip:kegiatan_staf_list": staff(
        Role.PENYEDIA, Role.DESK, Role.PPID, Role.ATASAN, Role.TIM_PERTIMBANGAN, Role.PEMBINA
    ),
    "arsip:kegiatan_create": staff(Role.DESK, Role.PPID),
    "arsip:kegiatan_staf_detail": staff(
        Role.PENYEDIA, Role.DESK, Role.PPID, Role.ATASAN, Role.TIM_PERTIMBANGAN, Role.PEMBINA
    ),
    "arsip:kegiatan_update": staff(Role.DESK, Role.PPID),
    "arsip:lampiran_create": staff(Role.DESK, Role.PPID),
    "arsip:lampiran_staf": staff(
        Role.PENYEDIA, Role.DESK, Role.PPID, Role.ATASAN, Role.TIM_PERTIMBANGAN, Role.PEMBINA
    ),
    "arsip:kegiatan_tautan": staff(Role.DESK, Role.PPID),
    "arsip:kegiatan_tautan_hapus": staff(
        Role.DESK, Role.PPID
    ),  # no object of the world in a state for it; roles of its action
    "arsip:pemeriksaan_list": staff(Role.PPID, Role.ATASAN),
    "arsip:pemeriksaan_detail": staff(
        Role.PPID, Role.ATASAN
    ),  # no object of the world in a state for it; roles of its action
    "arsip:cadangan_list": staff(Role.PPID, Role.ATASAN),
    "arsip:laporan_bulanan": staff(Role.PPID, Role.ATASAN, Role.PEMBINA),
    "arsip:laporan_bulanan_pdf": staff(Role.PPID, Role.ATASAN, Role.PEMBINA),
    "arsip:laporan_bulanan_xlsx": staff(Role.PPID, Role.ATASAN, Role.PEMBINA),
}
