"""Admin: read-only views of the archive for the PPID. Every change goes through the portal's
pages and services, which check roles and write the audit trail."""

from django.contrib import admin

from .models import (
    ItemArsip,
    JadwalRetensi,
    Kegiatan,
    LaporanCadangan,
    Lokasi,
    PemeriksaanArsip,
    UsulPemusnahan,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Lokasi)
class LokasiAdmin(ReadOnlyAdmin):
    list_display = ["kode", "jenis", "nama", "induk", "unit"]
    list_filter = ["jenis"]
    search_fields = ["kode", "nama"]


@admin.register(ItemArsip)
class ItemArsipAdmin(ReadOnlyAdmin):
    list_display = ["kode_klasifikasi", "judul", "unit", "status", "tanggal_nasib"]
    list_filter = ["status", "medium", "unit"]
    search_fields = ["kode_klasifikasi", "judul"]


@admin.register(JadwalRetensi)
class JadwalRetensiAdmin(ReadOnlyAdmin):
    list_display = [
        "kode_klasifikasi",
        "jenis_arsip",
        "retensi_aktif",
        "retensi_inaktif",
        "nasib_akhir",
    ]


@admin.register(UsulPemusnahan)
class UsulPemusnahanAdmin(ReadOnlyAdmin):
    list_display = ["pk", "status", "diusulkan_oleh", "diusulkan_pada", "nomor_berita_acara"]
    list_filter = ["status"]


@admin.register(Kegiatan)
class KegiatanAdmin(ReadOnlyAdmin):
    list_display = ["judul", "jenis", "tanggal", "publik"]
    list_filter = ["jenis", "publik"]


@admin.register(PemeriksaanArsip)
class PemeriksaanArsipAdmin(ReadOnlyAdmin):
    list_display = ["mulai", "hasil", "jumlah_berkas", "jumlah_masalah"]


@admin.register(LaporanCadangan)
class LaporanCadanganAdmin(ReadOnlyAdmin):
    list_display = ["mulai", "jenis", "hasil", "bundel", "ukuran"]
