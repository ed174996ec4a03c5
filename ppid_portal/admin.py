from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from . import audit
from .models import AuditLog, EmailKeluar, HariLibur, NomorUrut, StoredFile, UnitKerja, User


@admin.register(UnitKerja)
class UnitKerjaAdmin(admin.ModelAdmin):
    list_display = ["nama", "kode", "jenis", "kepala", "aktif"]
    list_filter = ["jenis", "aktif"]
    search_fields = ["nama", "kode"]


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    fieldsets = UserAdmin.fieldsets + (("PPID", {"fields": ("unit", "jabatan", "telepon")}),)
    list_display = ["username", "first_name", "last_name", "unit", "is_active"]
    list_filter = ["groups", "unit", "is_active"]


@admin.register(HariLibur)
class HariLiburAdmin(admin.ModelAdmin):
    list_display = ["tanggal", "nama", "libur", "sumber"]
    list_filter = ["libur", "sumber"]
    date_hierarchy = "tanggal"
    # Bulk deletion would bypass the audit record written in delete_model().
    actions = None

    def save_model(self, request, obj, form, change):
        before = "" if not change else ("libur" if form.initial.get("libur") else "hari kerja")
        super().save_model(request, obj, form, change)
        audit.record(
            actor=request.user,
            obj=obj,
            action="kalender.ubah" if change else "kalender.tambah",
            from_state=before,
            to_state="libur" if obj.libur else "hari kerja",
            note=obj.catatan,
        )

    def delete_model(self, request, obj):
        audit.record(
            actor=request.user,
            obj=obj,
            action="kalender.hapus",
            from_state="libur" if obj.libur else "hari kerja",
            note=obj.nama,
        )
        super().delete_model(request, obj)


@admin.register(AuditLog)
class AuditLogAdmin(admin.ModelAdmin):
    """Read-only: the trail is append-only through the application."""

    list_display = ["created_at", "actor_label", "action", "object_repr", "from_state", "to_state"]
    list_filter = ["action", "content_type"]
    search_fields = ["actor_label", "object_repr", "note"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(StoredFile)
class StoredFileAdmin(admin.ModelAdmin):
    """Metadata only; files are served by the views that know who may see them."""

    list_display = ["original_name", "purpose", "size", "sha256", "uploaded_at"]
    list_filter = ["purpose", "sensitive"]
    readonly_fields = [f.name for f in StoredFile._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(EmailKeluar)
class EmailKeluarAdmin(admin.ModelAdmin):
    """Read-only metadata of the outbox; the body and attachments are never shown (they hold
    personal data and tracking codes; see docs/email.md). The PPID works at /staf/email/."""

    list_display = ["dibuat_pada", "penerima", "subjek", "status", "percobaan", "dikirim_pada"]
    list_filter = ["status"]
    search_fields = ["penerima", "subjek", "perihal"]
    fields = [
        "penerima",
        "subjek",
        "templat",
        "status",
        "percobaan",
        "galat_terakhir",
        "dibuat_pada",
        "dicoba_pada",
        "dikirim_pada",
        "content_type",
        "object_id",
        "perihal",
    ]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).defer("isi")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(NomorUrut)
class NomorUrutAdmin(admin.ModelAdmin):
    """Read-only: a counter set by hand would issue a number twice or skip one."""

    list_display = ["seri", "tahun", "terakhir"]
    list_filter = ["seri"]
    readonly_fields = ["seri", "tahun", "terakhir"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
