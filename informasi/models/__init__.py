"""Models of the informasi app: the DIP (`dip`) and excepted information (`dikecualikan`)."""

from .dikecualikan import (
    KATEGORI_TERBUKA,
    PERMANENT_GROUNDS,
    Cakupan,
    Kesimpulan,
    PembukaanInformasi,
    PenetapanPengecualian,
    PesertaUji,
    UjiKonsekuensi,
)
from .dip import (
    BENTUK_FIELDS,
    KATEGORI_ORDER,
    VALUE_FIELDS,
    DokumenInformasi,
    EntriVersi,
    ImporDIP,
    InformasiPublik,
    Kategori,
    NilaiDIP,
    VersiDIP,
)

__all__ = [
    "BENTUK_FIELDS",
    "KATEGORI_ORDER",
    "KATEGORI_TERBUKA",
    "PERMANENT_GROUNDS",
    "VALUE_FIELDS",
    "Cakupan",
    "DokumenInformasi",
    "EntriVersi",
    "ImporDIP",
    "InformasiPublik",
    "Kategori",
    "Kesimpulan",
    "NilaiDIP",
    "PembukaanInformasi",
    "PenetapanPengecualian",
    "PesertaUji",
    "UjiKonsekuensi",
    "VersiDIP",
]
