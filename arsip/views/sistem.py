"""Reports of the digital archive's upkeep and the monthly system-use report."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Count
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView, View

from ppid_portal.access import ActionRequiredMixin
from ppid_portal.documents import build_xlsx, pdf_response, safe_filename

from .. import selectors
from ..models import LaporanCadangan, PemeriksaanArsip


class PemeriksaanListView(ActionRequiredMixin, ListView):
    """PPID and Atasan PPID: every fixity run, newest first."""

    action = "arsip.sistem.view"
    template_name = "arsip/pemeriksaan_list.html"
    context_object_name = "pemeriksaan_list"
    paginate_by = 50

    def get_queryset(self):
        return PemeriksaanArsip.objects.all()


class PemeriksaanDetailView(ActionRequiredMixin, DetailView):
    """PPID and Atasan PPID: one fixity run with its per-file findings."""

    action = "arsip.sistem.view"
    template_name = "arsip/pemeriksaan_detail.html"
    context_object_name = "pemeriksaan"

    def get_queryset(self):
        return PemeriksaanArsip.objects.all()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["temuan"] = self.object.temuan.select_related("berkas")
        context["per_jenis"] = (
            self.object.temuan.order_by().values("jenis").annotate(n=Count("id")).order_by("jenis")
        )
        return context


class CadanganListView(ActionRequiredMixin, ListView):
    """PPID and Atasan PPID: the backup reports (backups, verifications, restores)."""

    action = "arsip.sistem.view"
    template_name = "arsip/cadangan_list.html"
    context_object_name = "laporan_list"
    paginate_by = 50

    def get_queryset(self):
        return LaporanCadangan.objects.all()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["terakhir"] = (
            LaporanCadangan.objects.filter(
                jenis=LaporanCadangan.Jenis.CADANGAN, hasil=LaporanCadangan.Hasil.BERHASIL
            )
            .order_by("-mulai")
            .first()
        )
        return context


class LaporanBulananMixin(ActionRequiredMixin):
    action = "arsip.laporan.view"

    def get_periode(self) -> tuple[int, int]:
        value = self.request.GET.get("bulan", "")
        if not value:
            today = timezone.localdate()
            return today.year, today.month
        try:
            year, month = (int(part) for part in value.split("-", 1))
        except ValueError:
            raise Http404(_("Bulan tidak dikenal.")) from None
        if not (2000 <= year <= 2100 and 1 <= month <= 12):
            raise Http404(_("Bulan tidak dikenal."))
        return year, month

    def get_laporan(self):
        year, month = self.get_periode()
        return selectors.laporan_bulanan(year, month)


class LaporanBulananView(LaporanBulananMixin, TemplateView):
    """PPID, Atasan PPID, Pembina: the monthly system-use report."""

    template_name = "arsip/laporan_bulanan.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        laporan = self.get_laporan()
        context["laporan"] = laporan
        context["pilihan_bulan"] = [
            (f"{y}-{m:02d}", selectors.label_bulan(y, m)) for y, m in selectors.bulan_tersedia()
        ]
        context["bulan_terpilih"] = f"{laporan.tahun}-{laporan.bulan:02d}"
        return context


class LaporanBulananPdfView(LaporanBulananMixin, View):
    """PPID, Atasan PPID, Pembina: the monthly report as PDF."""

    def get(self, request):
        laporan = self.get_laporan()
        return pdf_response(
            "arsip/pdf/laporan_bulanan.html",
            {"laporan": laporan},
            f"laporan-penggunaan-sistem-{laporan.tahun}-{laporan.bulan:02d}",
        )


class LaporanBulananXlsxView(LaporanBulananMixin, View):
    """PPID, Atasan PPID, Pembina: the monthly report as XLSX (one sheet per section)."""

    def get(self, request):
        from django.http import HttpResponse

        from ppid_portal.documents import XLSX_MIME

        laporan = self.get_laporan()

        def pair(row, first: str, second: str):
            if row is None:
                return [_("belum tersedia"), ""]
            value = getattr(row, second)
            return [getattr(row, first), "" if value is None else value]

        cadangan = [c for c in laporan.cadangan if c.jenis == LaporanCadangan.Jenis.CADANGAN]
        cadangan_ok = sum(1 for c in cadangan if c.hasil == LaporanCadangan.Hasil.BERHASIL)
        periksa_ok = sum(1 for p in laporan.pemeriksaan if p.hasil == PemeriksaanArsip.Hasil.BAIK)
        ringkasan = [
            [
                _("Entri DIP (ditambahkan, diperbarui)"),
                *pair(laporan.entri_dip, "baru", "diperbarui"),
            ],
            [_("Permohonan (diterima, selesai)"), *pair(laporan.permohonan, "baru", "selesai")],
            [_("Jumlah login"), laporan.jumlah_login, ""],
            [_("Pencadangan (berhasil, gagal)"), cadangan_ok, len(cadangan) - cadangan_ok],
            [
                _("Pemeriksaan keutuhan (baik, lainnya)"),
                periksa_ok,
                len(laporan.pemeriksaan) - periksa_ok,
            ],
        ]
        sheets = [
            (_("Ringkasan"), [_("Butir"), _("Nilai 1"), _("Nilai 2")], ringkasan),
            (
                _("Per jenis objek"),
                [_("Jenis objek"), _("Catatan audit"), _("Baru"), _("Diperbarui"), _("Selesai")],
                [
                    [
                        r.label,
                        r.catatan,
                        r.baru,
                        r.diperbarui,
                        "" if r.selesai is None else r.selesai,
                    ]
                    for r in laporan.per_objek
                ],
            ),
            (_("Login per peran"), [_("Peran"), _("Jumlah login")], laporan.login_per_peran),
            (
                _("Cadangan"),
                [
                    _("Mulai"),
                    _("Jenis"),
                    _("Hasil"),
                    _("Ukuran (bita)"),
                    _("Baris"),
                    _("Berkas"),
                    _("SHA-256 manifest"),
                    _("Pesan"),
                ],
                [
                    [
                        c.mulai,
                        c.get_jenis_display(),
                        c.get_hasil_display(),
                        c.ukuran,
                        c.jumlah_objek,
                        c.jumlah_berkas,
                        c.digest_manifest,
                        c.pesan,
                    ]
                    for c in laporan.cadangan
                ],
            ),
            (
                _("Pemeriksaan"),
                [_("Mulai"), _("Hasil"), _("Berkas diperiksa"), _("Masalah")],
                [
                    [p.mulai, p.get_hasil_display(), p.jumlah_berkas, p.jumlah_masalah]
                    for p in laporan.pemeriksaan
                ],
            ),
        ]
        content = build_xlsx(
            sheets,
            title_lines=[
                settings.PPID_OFFICE_NAME,
                _("Laporan bulanan penggunaan sistem: %(periode)s")
                % {"periode": laporan.judul_periode},
            ],
        )
        response = HttpResponse(content, content_type=XLSX_MIME)
        filename = safe_filename(
            f"laporan-penggunaan-sistem-{laporan.tahun}-{laporan.bulan:02d}", "xlsx"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
