"""Public pages of the published DIP: list, entry page, downloads, the whole DIP as PDF/XLSX."""

from __future__ import annotations

from django.core.cache import cache
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView

from ppid_portal import cache as public_cache
from ppid_portal.access import ActionRequiredMixin
from ppid_portal.cache import PublicPageCacheMixin
from ppid_portal.documents import XLSX_MIME, render_pdf, safe_filename
from ppid_portal.files import file_response

from .. import conf, selectors, services, spreadsheet
from ..forms import PublicFilterForm
from ..models import EntriVersi, Kategori, VersiDIP

# Frozen versions never change, so their documents are cached by version id.
DOCUMENT_CACHE_SECONDS = 24 * 60 * 60


class PublishedVersionMixin:
    _versi: VersiDIP | None | bool = False

    @property
    def versi(self) -> VersiDIP | None:
        if self._versi is False:
            self._versi = selectors.published_version()
        return self._versi


class DipListView(PublishedVersionMixin, ActionRequiredMixin, PublicPageCacheMixin, ListView):
    """Public (anyone): the published DIP, filtered by category, unit, year and format,
    searched, sorted and paginated. Anonymous visits are served from the page cache until the
    next publication."""

    action = "informasi.dip.view"
    cache_groups = selectors.PUBLIC_GROUPS
    template_name = "informasi/dip_list.html"
    context_object_name = "rows"

    def get_paginate_by(self, queryset):
        return conf.public_page_size()

    def get_queryset(self):
        units, years = selectors.facets(self.versi)
        self.form = PublicFilterForm(self.request.GET or None, units=units, years=years)
        self.filters = self.form.filters() if self.request.GET else {}
        if self.versi is None:
            return EntriVersi.objects.none()
        return selectors.filter_rows(selectors.version_rows(self.versi), **self.filters)

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        if self.versi is None:
            return super().get_paginator(queryset, per_page, orphans, allow_empty_first_page)
        # No COUNT over the whole register per request, no OFFSET into it for deep pages.
        return selectors.RegisterPaginator(
            queryset,
            per_page,
            hitungan=selectors.count_rows(self.versi, queryset, self.filters),
            keyset=selectors.uses_keyset(self.filters),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        query_string = query.urlencode()
        context.update(
            versi=self.versi,
            form=self.form,
            query_string=query_string,
            # The filter form renders the same for every page of one filter state: kept until
            # the next publication (rendering its many choices costs more than the rows).
            filter_cache_key=selectors.filter_form_key(self.versi, query_string),
            kategori_aktif=self.request.GET.get("kategori", ""),
            kategori_choices=Kategori.choices,
            searching=bool(self.request.GET.get("q", "").strip()),
            hitungan=getattr(context.get("paginator"), "hitungan", None),
        )
        return context


class DipDetailView(PublishedVersionMixin, ActionRequiredMixin, PublicPageCacheMixin, DetailView):
    """Public (anyone): one entry of the published DIP with its documents; an excepted entry
    shows only its metadata (what, legal ground, until when). Served from the page cache to
    anonymous visitors until the next publication."""

    action = "informasi.dip.view"
    cache_groups = selectors.PUBLIC_GROUPS
    template_name = "informasi/dip_detail.html"
    context_object_name = "row"

    def get_object(self, queryset=None):
        row = selectors.public_entry(self.versi, self.kwargs["pk"])
        if row is None:
            raise Http404(_("Informasi ini tidak ada dalam DIP yang dipublikasikan."))
        return row

    def get_context_data(self, **kwargs):
        return super().get_context_data(versi=self.versi, **kwargs)


class DipDocumentView(PublishedVersionMixin, ActionRequiredMixin, View):
    """Public (anyone): download a document of a published, not excepted entry; counted."""

    action = "informasi.dip.view"

    def get(self, request, pk: int, dokumen: int):
        row, document = selectors.public_document(self.versi, pk, dokumen)
        if document is None:
            raise Http404(_("Dokumen tidak tersedia untuk umum."))
        services.count_download(row.informasi_id)
        if document.is_berkas:
            return file_response(
                document.berkas, actor=request.user, reason=_("unduhan publik DIP")
            )
        return HttpResponseRedirect(document.tautan)


def _version_or_404(view) -> VersiDIP:
    if view.versi is None:
        raise Http404(_("DIP belum dipublikasikan."))
    return view.versi


def _cache_key(kind: str, versi: VersiDIP) -> str:
    # A frozen version never changes; its id, SK and publication moment name it uniquely even
    # after a database is restored from a backup.
    stamp = versi.dipublikasikan_pada.timestamp() if versi.dipublikasikan_pada else 0
    # The documents include the register of excepted information, which changes on its own.
    register = selectors.register_stamp()
    # And the units' names and what the workflow renews for the public pages (an entry
    # excepted without a decree, a decree of a withdrawn entry).
    groups = public_cache.generations(selectors.PUBLIC_GROUPS)
    return (
        f"informasi:dip-{kind}:{versi.pk}:{stamp}:{register}:{groups}:{translation.get_language()}"
    )


class DipPdfView(PublishedVersionMixin, ActionRequiredMixin, View):
    """Public (anyone): the published DIP as one PDF in the Perki table layout, headed with
    the office and the SK of its penetapan."""

    action = "informasi.dip.view"

    def get(self, request):
        versi = _version_or_404(self)
        key = _cache_key("pdf", versi)
        content = cache.get(key)
        if content is None:
            rows = list(selectors.version_rows(versi).order_by("nomor_urut"))
            today = timezone.localdate()
            decrees = selectors.penetapan_by_informasi([r.informasi_id for r in rows], today)
            for row in rows:
                row.penetapan = decrees.get(row.informasi_id)
            groups = [
                (value, label, [r for r in rows if r.kategori == value])
                for value, label in Kategori.choices
            ]
            content = render_pdf(
                "informasi/pdf/dip.html",
                {
                    "versi": versi,
                    "groups": groups,
                    "register": list(selectors.register_rows(today)),
                },
            )
            cache.set(key, content, DOCUMENT_CACHE_SECONDS)
        response = HttpResponse(content, content_type="application/pdf")
        name = safe_filename(f"dip-versi-{versi.nomor}", "pdf")
        response["Content-Disposition"] = f'inline; filename="{name}"'
        return response


class DipXlsxView(PublishedVersionMixin, ActionRequiredMixin, View):
    """Public (anyone): the published DIP as XLSX in the Perki column layout."""

    action = "informasi.dip.view"

    def get(self, request):
        versi = _version_or_404(self)
        key = _cache_key("xlsx", versi)
        content = cache.get(key)
        if content is None:
            content = spreadsheet.export_xlsx(versi, page_links=True, with_register=True)
            cache.set(key, content, DOCUMENT_CACHE_SECONDS)
        response = HttpResponse(content, content_type=XLSX_MIME)
        name = safe_filename(f"dip-versi-{versi.nomor}", "xlsx")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
