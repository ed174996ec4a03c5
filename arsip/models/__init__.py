"""Models of the arsip app, split by topic and re-exported here."""

from .fisik import BerkasArsip, ItemArsip, Lokasi, PemindahanItem, TautanItem
from .kegiatan import Kegiatan, LampiranKegiatan, TautanKegiatan
from .retensi import JadwalRetensi, UsulPemusnahan, UsulPemusnahanItem, tambah_tahun
from .sistem import LaporanCadangan, PemeriksaanArsip, TemuanPemeriksaan

__all__ = [
    "BerkasArsip",
    "ItemArsip",
    "JadwalRetensi",
    "Kegiatan",
    "LampiranKegiatan",
    "LaporanCadangan",
    "Lokasi",
    "PemeriksaanArsip",
    "PemindahanItem",
    "TautanItem",
    "TautanKegiatan",
    "TemuanPemeriksaan",
    "UsulPemusnahan",
    "UsulPemusnahanItem",
    "tambah_tahun",
]
