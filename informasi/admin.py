"""Read-only admin pages: the DIP changes only through its workflow and services (audited)."""

from django.contrib import admin

from .models import (
    DokumenInformasi,
    EntriVersi,
    ImporDIP,
    InformasiPublik,
    PembukaanInformasi,
    PenetapanPengecualian,
    PesertaUji,
    UjiKonsekuensi,
    VersiDIP,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    actions = None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(InformasiPublik)
class InformasiPublikAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "unit", "kategori", "tahun", "status", "jumlah_unduhan"]
    list_filter = ["status", "kategori", "unit"]
    search_fields = ["ringkasan", "subjek", "kode_klasifikasi"]


@admin.register(DokumenInformasi)
class DokumenInformasiAdmin(ReadOnlyAdmin):
    list_display = ["judul", "informasi", "jenis", "ditambahkan_pada", "dihapus_pada"]
    list_filter = ["jenis"]
    exclude = ["teks"]


@admin.register(VersiDIP)
class VersiDIPAdmin(ReadOnlyAdmin):
    list_display = ["nomor", "nomor_sk", "tanggal_sk", "status", "dipublikasikan_pada"]
    list_filter = ["status"]


@admin.register(EntriVersi)
class EntriVersiAdmin(ReadOnlyAdmin):
    list_display = ["versi", "nomor_urut", "__str__", "kategori", "unit", "tahun"]
    list_filter = ["versi", "kategori"]
    exclude = ["search_text", "search_vector"]


@admin.register(ImporDIP)
class ImporDIPAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "dibuat_pada", "diimpor_pada", "jumlah_entri"]


@admin.register(UjiKonsekuensi)
class UjiKonsekuensiAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "unit", "alasan", "kesimpulan", "status", "diusulkan_pada"]
    list_filter = ["status", "kesimpulan", "alasan"]


@admin.register(PesertaUji)
class PesertaUjiAdmin(ReadOnlyAdmin):
    list_display = ["nama", "peran", "uji", "ditandatangani_pada"]


@admin.register(PenetapanPengecualian)
class PenetapanPengecualianAdmin(ReadOnlyAdmin):
    list_display = ["nomor", "tanggal", "alasan", "berakhir_pada", "status", "prioritas"]
    list_filter = ["status", "alasan"]


@admin.register(PembukaanInformasi)
class PembukaanInformasiAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "penetapan", "informasi", "dicatat_pada"]
    list_filter = ["jenis"]
