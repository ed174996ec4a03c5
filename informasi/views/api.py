"""The read-only JSON API of the published DIP, for open-data use (documented on /informasi/api/).

Plain JsonResponse views: the list takes the same filters as the public page, plus `halaman`
and `per_halaman`; the detail adds the documents. Excepted entries give metadata only.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from ppid_portal.access import ActionRequiredMixin
from ppid_portal.cache import PublicPageCacheMixin

from .. import conf, pengecualian, register_pengecualian, selectors
from ..forms import PublicFilterForm
from ..models import BENTUK_FIELDS, Kategori
from .public import PublishedVersionMixin


def _json(data: dict[str, Any], status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    # Public open data: any site may read it (GET only, no cookies used).
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _version_json(versi) -> dict[str, Any] | None:
    if versi is None:
        return None
    return {
        "nomor": versi.nomor,
        "nomor_sk": versi.nomor_sk,
        "tanggal_sk": versi.tanggal_sk.isoformat(),
        "penandatangan": versi.penandatangan,
        "jabatan_penandatangan": versi.jabatan_penandatangan,
        # ISO 8601 with the office's offset (+07:00 for WIB), the moment a reader sees.
        "dipublikasikan_pada": timezone.localtime(versi.dipublikasikan_pada).isoformat()
        if versi.dipublikasikan_pada
        else None,
    }


def row_json(request, row, *, detail: bool = False, penetapan=None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": row.informasi_id,
        "nomor": row.nomor_urut,
        "ringkasan": row.ringkasan,
        "kategori": row.kategori,
        "kategori_label": row.get_kategori_display(),
        "unit": {"kode": row.unit.kode, "nama": row.unit.nama},
        "pejabat_penguasa": row.pejabat_penguasa,
        "penanggung_jawab": row.penanggung_jawab,
        "waktu_tempat": row.waktu_tempat,
        "bentuk": [name for name, _label in BENTUK_FIELDS if getattr(row, name)],
        "retensi": row.retensi,
        "kode_klasifikasi": row.kode_klasifikasi,
        "tahun": row.tahun,
        "subjek": row.subjek_list,
        "tanggal": timezone.localtime(row.tanggal).isoformat(),
        "url": request.build_absolute_uri(row.get_absolute_url()),
        "api_url": request.build_absolute_uri(
            reverse("informasi:api-detail", args=[row.informasi_id])
        ),
        "pengecualian": None,
        # The decree in force that excepts it (in whole or in part): number, date, period.
        "penetapan_pengecualian": register_pengecualian.entry_penetapan_json(penetapan),
    }
    if row.kategori == Kategori.DIKECUALIKAN:
        # UU 14/2008 Ps 17: what is excepted, on which ground, until when; nothing more.
        data["pengecualian"] = {
            "huruf": row.alasan_pengecualian,
            "dasar": pengecualian.short_label(row.alasan_pengecualian),
            "alasan": row.uraian_pengecualian,
            "berlaku_sampai": row.pengecualian_berakhir.isoformat()
            if row.pengecualian_berakhir
            else None,
        }
    if detail:
        documents = []
        for document in getattr(row, "dokumen_publik", []):
            url = request.build_absolute_uri(
                reverse("informasi:dip-dokumen", args=[row.informasi_id, document.pk])
            )
            item = {"judul": document.judul, "jenis": document.jenis, "url": url}
            if document.is_berkas:
                item.update(
                    nama_berkas=document.berkas.original_name,
                    ukuran=document.berkas.size,
                    jenis_isi=document.berkas.content_type,
                )
            documents.append(item)
        data["dokumen"] = documents
    return data


class ApiListView(PublishedVersionMixin, ActionRequiredMixin, PublicPageCacheMixin, View):
    """Public (anyone): the published DIP as JSON, with the public page's filters. Answers
    are kept in the page cache until the next publication."""

    action = "informasi.dip.view"
    cache_groups = selectors.PUBLIC_GROUPS

    def get(self, request):
        # The unit and year choices are needed only to check those two filters.
        if request.GET.get("unit") or request.GET.get("tahun"):
            units, years = selectors.facets(self.versi)
        else:
            units, years = (), ()
        form = PublicFilterForm(request.GET, units=units, years=years)
        if request.GET and not form.is_valid():
            return _json(
                {
                    "galat": _("Parameter tidak valid."),
                    "rincian": {k: [str(m) for m in v] for k, v in form.errors.items()},
                },
                status=400,
            )
        try:
            per_page = int(request.GET.get("per_halaman") or conf.api_page_size())
        except ValueError:
            per_page = 0
        if not 1 <= per_page <= conf.api_max_page_size():
            return _json(
                {
                    "galat": _("per_halaman harus antara 1 dan %(max)s.")
                    % {"max": conf.api_max_page_size()}
                },
                status=400,
            )
        if self.versi is None:
            return _json(
                {
                    "versi": None,
                    "jumlah": 0,
                    "jumlah_terbatas": False,
                    "halaman": 1,
                    "jumlah_halaman": 0,
                    "sebelumnya": None,
                    "berikutnya": None,
                    "hasil": [],
                }
            )
        filters = form.filters()
        queryset = selectors.filter_rows(selectors.version_rows(self.versi), **filters)
        hitungan = selectors.count_rows(self.versi, queryset, filters)
        paginator = selectors.RegisterPaginator(
            queryset, per_page, hitungan=hitungan, keyset=selectors.uses_keyset(filters)
        )
        try:
            page = paginator.page(request.GET.get("halaman") or 1)
        except (EmptyPage, PageNotAnInteger):
            return _json({"galat": _("Halaman tidak ada.")}, status=404)

        rows = list(page.object_list)
        decrees = selectors.penetapan_by_informasi(
            [row.informasi_id for row in rows], timezone.localdate()
        )

        def link(number: int) -> str:
            query = request.GET.copy()
            query["halaman"] = number
            return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

        return _json(
            {
                "versi": _version_json(self.versi),
                "jumlah": paginator.count,
                "jumlah_terbatas": hitungan.terbatas,
                "halaman": page.number,
                "jumlah_halaman": paginator.num_pages,
                "sebelumnya": link(page.previous_page_number()) if page.has_previous() else None,
                "berikutnya": link(page.next_page_number()) if page.has_next() else None,
                "hasil": [
                    row_json(request, row, penetapan=decrees.get(row.informasi_id)) for row in rows
                ],
            }
        )


class ApiDetailView(PublishedVersionMixin, ActionRequiredMixin, PublicPageCacheMixin, View):
    """Public (anyone): one published entry as JSON, with its public documents (page cache as
    for the list)."""

    action = "informasi.dip.view"
    cache_groups = selectors.PUBLIC_GROUPS

    def get(self, request, pk: int):
        row = selectors.public_entry(self.versi, pk)
        if row is None:
            return _json(
                {"galat": _("Informasi ini tidak ada dalam DIP yang dipublikasikan.")},
                status=404,
            )
        decree = selectors.penetapan_by_informasi([pk], timezone.localdate()).get(pk)
        data = row_json(request, row, detail=True, penetapan=decree)
        data["versi"] = _version_json(self.versi)
        return _json(data)


class ApiDocsView(ActionRequiredMixin, TemplateView):
    """Public (anyone): how to use the DIP API."""

    action = "informasi.dip.view"
    template_name = "informasi/api_docs.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            list_url=self.request.build_absolute_uri(reverse("informasi:api-list")),
            kategori_choices=Kategori.choices,
            bentuk_choices=BENTUK_FIELDS,
            default_page_size=conf.api_page_size(),
            max_page_size=conf.api_max_page_size(),
            search_count_limit=conf.search_count_limit(),
            alasan_choices=pengecualian.Alasan.choices,
        )
        return context
