"""Staff pages of the DIP, one part per SOP role (seed 001): Penyedia drafts and submits, Desk
documents or returns and publishes, PPID sets versions and imports, Atasan corrects and orders
publication. Reads go through selectors filtered by the access rules; writes call one service."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView, FormView, ListView, TemplateView

from ppid_portal import audit
from ppid_portal.access import ActionRequiredMixin, can
from ppid_portal.documents import XLSX_MIME, build_xlsx, safe_filename
from ppid_portal.files import file_response
from ppid_portal.views_transition import TransitionView

from .. import selectors, services, spreadsheet, workflow
from ..forms import (
    DocumentationForm,
    DocumentForm,
    EntryForm,
    ImportForm,
    NoteForm,
    ReasonForm,
    StaffFilterForm,
    VersionForm,
)
from ..models import DokumenInformasi, EntriVersi, ImporDIP, InformasiPublik, VersiDIP

# ----------------------------------------------------------------------------- entries


class EntryObjectMixin:
    """Fetch the entry through the visibility rule before the action check, so a guessed id of
    another unit's entry gives 404."""

    _entry: InformasiPublik | None = None

    def get_entry(self) -> InformasiPublik:
        if self._entry is None:
            self._entry = get_object_or_404(
                selectors.entries_visible_to(self.request.user), pk=self.kwargs["pk"]
            )
        return self._entry

    def get_permission_object(self):
        # Anonymous visitors are sent to the login page before anything is looked up.
        return self.get_entry() if self.request.user.is_authenticated else None


class EntryListView(ActionRequiredMixin, ListView):
    """Staff of every role: the register. A Penyedia sees only their unit's entries."""

    action = "informasi.entri.view"
    template_name = "informasi/entri_list.html"
    context_object_name = "entries"
    paginate_by = 25

    def get_queryset(self):
        self.form = StaffFilterForm(self.request.GET or None)
        filters = self.form.filters() if self.request.GET else {}
        return selectors.staff_filter(
            selectors.entries_visible_to(self.request.user), **filters
        ).order_by("-diubah_pada", "-id")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            form=self.form,
            query_string=query.urlencode(),
            may_create=can(self.request.user, "informasi.entri.create"),
        )
        return context


class EntryCreateView(ActionRequiredMixin, FormView):
    """Penyedia Informasi (with a unit): propose a new entry for their own unit."""

    action = "informasi.entri.create"
    template_name = "informasi/entri_form.html"
    form_class = EntryForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "unit": self.request.user.unit}

    def form_valid(self, form):
        try:
            entry = workflow.entry_create(actor=self.request.user, values=form.values())
        except ValidationError as exc:
            form.apply_service_error(exc)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Draf tersimpan. Tambahkan dokumen bila ada, lalu ajukan ke Desk."),
        )
        return redirect(entry.get_staff_url())


class EntryUpdateView(EntryObjectMixin, ActionRequiredMixin, FormView):
    """Penyedia Informasi of the entry's unit, while it is a draft or returned: edit it."""

    action = "informasi.entri.edit"
    template_name = "informasi/entri_form.html"
    form_class = EntryForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_entry()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(entry=self.get_entry(), **kwargs)

    def form_valid(self, form):
        try:
            entry = workflow.entry_update(
                actor=self.request.user, entry=self.get_entry(), values=form.values()
            )
        except ValidationError as exc:
            form.apply_service_error(exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Perubahan tersimpan."))
        return redirect(entry.get_staff_url())


class EntryDetailView(EntryObjectMixin, ActionRequiredMixin, DetailView):
    """Staff of every role (Penyedia: own unit only): an entry, its documents, the versions it
    is in, the return notes and its audit trail, with the actions the user may take."""

    action = "informasi.entri.view"
    template_name = "informasi/entri_detail.html"
    context_object_name = "entry"

    def get_object(self, queryset=None):
        return self.get_entry()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entry = self.object
        user = self.request.user
        transitions = {t.name: t for t in workflow.available_entry_transitions(entry, user)}
        context.update(
            documents=list(selectors.active_documents(entry)),
            transitions=transitions,
            may_edit=can(user, "informasi.entri.edit", entry),
            may_manage_documents=can(user, "informasi.dokumen.kelola", entry),
            versions=EntriVersi.objects.filter(informasi=entry)
            .select_related("versi")
            .only("id", "nomor_urut", "versi__nomor", "versi__status", "versi__nomor_sk")
            .order_by("-versi__nomor"),
            history=audit.history(entry).select_related("actor"),
            reason_form=ReasonForm(),
            document_form=DocumentForm(),
        )
        return context


class EntryTransitionView(EntryObjectMixin, TransitionView):
    """POST only. Who may use it is the action of the transition (see `workflow`)."""

    transition = ""

    @property
    def action(self):
        return workflow.ENTRY_TRANSITIONS[self.transition].action

    def get_object(self):
        return self.get_entry()

    def get_success_url(self):
        return self.get_entry().get_staff_url()


class EntrySubmitView(EntryTransitionView):
    """Penyedia of the entry's unit: submit a draft or returned entry to the Desk."""

    transition = "ajukan"
    success_message = gettext_lazy("Entri diajukan ke Desk Pelayanan Informasi.")

    def perform(self, form):
        entry = self.get_entry()
        workflow.entry_submit(actor=self.request.user, entry=entry)


class EntryReturnView(EntryTransitionView):
    """Desk Pelayanan Informasi: send a submitted entry back to its unit with a reason."""

    transition = "kembalikan"
    form_class = ReasonForm
    success_message = gettext_lazy("Entri dikembalikan ke unit beserta alasannya.")

    def perform(self, form):
        entry = self.get_entry()
        workflow.entry_return(
            actor=self.request.user, entry=entry, reason=form.cleaned_data["alasan"]
        )


class EntryCorrectView(EntryTransitionView):
    """Atasan PPID: return a unit's entry with correction notes."""

    transition = "koreksi"
    form_class = ReasonForm
    success_message = gettext_lazy("Catatan koreksi dikirim ke unit.")

    def perform(self, form):
        entry = self.get_entry()
        workflow.entry_correct(
            actor=self.request.user, entry=entry, note=form.cleaned_data["alasan"]
        )


class EntryReopenView(EntryTransitionView):
    """Penyedia of the entry's unit: reopen a documented entry to update it."""

    transition = "mutakhirkan"
    success_message = gettext_lazy(
        "Entri dibuka untuk pemutakhiran. Versi DIP yang sudah ditetapkan tidak berubah."
    )

    def perform(self, form):
        entry = self.get_entry()
        workflow.entry_reopen(actor=self.request.user, entry=entry)


class EntryWithdrawView(EntryTransitionView):
    """PPID (any entry) or the unit's Penyedia (own draft): withdraw an entry from the DIP."""

    transition = "cabut"
    form_class = ReasonForm
    success_message = gettext_lazy("Entri dicabut; versi DIP berikutnya tidak memuatnya.")

    def perform(self, form):
        entry = self.get_entry()
        workflow.entry_withdraw(
            actor=self.request.user, entry=entry, reason=form.cleaned_data["alasan"]
        )


class EntryDocumentView(EntryObjectMixin, ActionRequiredMixin, FormView):
    """Desk Pelayanan Informasi, for a submitted entry: classify and document it (category,
    format, where the softcopy and hardcopy are kept, retention)."""

    action = "informasi.entri.dokumentasikan"
    template_name = "informasi/entri_dokumentasi.html"
    form_class = DocumentationForm

    def get_initial(self):
        return DocumentationForm.initial_for(self.get_entry())

    def get_context_data(self, **kwargs):
        entry = self.get_entry()
        return super().get_context_data(
            entry=entry, documents=list(selectors.active_documents(entry)), **kwargs
        )

    def form_valid(self, form):
        try:
            entry = workflow.entry_document(
                actor=self.request.user,
                entry=self.get_entry(),
                klasifikasi=workflow.Klasifikasi(**form.klasifikasi_kwargs()),
                note=form.cleaned_data.get("catatan") or "",
            )
        except ValidationError as exc:
            form.apply_service_error(exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Entri didokumentasikan."))
        return redirect(entry.get_staff_url())


class DocumentAddView(EntryObjectMixin, ActionRequiredMixin, FormView):
    """Penyedia of the unit (draft/returned) or Desk (submitted): attach a file or a link."""

    action = "informasi.dokumen.kelola"
    template_name = "informasi/dokumen_form.html"
    form_class = DocumentForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(entry=self.get_entry(), **kwargs)

    def form_valid(self, form):
        entry = self.get_entry()
        data = form.cleaned_data
        try:
            if data.get("berkas"):
                services.document_add_file(
                    actor=self.request.user, entry=entry, upload=data["berkas"], judul=data["judul"]
                )
            else:
                services.document_add_link(
                    actor=self.request.user, entry=entry, tautan=data["tautan"], judul=data["judul"]
                )
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Dokumen ditambahkan."))
        return redirect(entry.get_staff_url())


class DocumentObjectMixin:
    def get_document(self) -> DokumenInformasi:
        if not hasattr(self, "_document"):
            visible = selectors.entries_visible_to(self.request.user)
            self._document = get_object_or_404(
                DokumenInformasi.objects.select_related("berkas", "informasi"),
                pk=self.kwargs["pk"],
                informasi__in=visible,
            )
        return self._document

    def get_permission_object(self):
        return self.get_document().informasi if self.request.user.is_authenticated else None


class DocumentRemoveView(DocumentObjectMixin, TransitionView):
    """POST only. Penyedia of the unit (draft/returned) or Desk (submitted): remove a document."""

    action = "informasi.dokumen.kelola"
    success_message = gettext_lazy("Dokumen dihapus dari entri.")

    def get_object(self):
        return self.get_document().informasi

    def get_success_url(self):
        return self.get_document().informasi.get_staff_url()

    def perform(self, form):
        services.document_remove(actor=self.request.user, dokumen=self.get_document())


class DocumentDownloadView(DocumentObjectMixin, ActionRequiredMixin, View):
    """Staff who may read the entry (Penyedia: own unit): download a document. Reads of
    excepted files are written to the audit trail."""

    action = "informasi.entri.view"

    def get(self, request, pk: int):
        document = self.get_document()
        if not document.is_berkas:
            return redirect(document.tautan)
        return file_response(document.berkas, actor=request.user, reason=_("unduhan staf DIP"))


# ----------------------------------------------------------------------------- versions


class VersionObjectMixin:
    def get_version(self) -> VersiDIP:
        if not hasattr(self, "_version"):
            self._version = get_object_or_404(VersiDIP, nomor=self.kwargs["nomor"])
        return self._version

    def get_permission_object(self):
        return self.get_version() if self.request.user.is_authenticated else None


class VersionListView(ActionRequiredMixin, ListView):
    """Staff of every role: all versions (penetapan) of the DIP, newest first."""

    action = "informasi.versi.view"
    template_name = "informasi/versi_list.html"
    context_object_name = "versions"
    paginate_by = 25

    def get_queryset(self):
        return VersiDIP.objects.select_related("dibuat_oleh").order_by("-nomor")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            may_set=can(self.request.user, "informasi.versi.tetapkan"),
            awaiting=selectors.entries_awaiting_penetapan().count(),
        )
        return context


class VersionCreateView(ActionRequiredMixin, FormView):
    """PPID: set (penetapan) or update (pemutakhiran) the DIP, after seeing what changes from
    the previous version."""

    action = "informasi.versi.tetapkan"
    template_name = "informasi/versi_form.html"
    form_class = VersionForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        previous, planned = selectors.version_plan()
        old = selectors.version_baris(previous) if previous else {}
        context.update(
            previous=previous,
            planned_count=len(planned),
            comparison=selectors.compare(old, {b.informasi_id: b for b in planned}),
            pending=selectors.pending_version(),
        )
        return context

    def form_valid(self, form):
        try:
            versi = workflow.version_set(actor=self.request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.apply_service_error(exc)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("DIP versi %(nomor)s ditetapkan. Mintalah Atasan PPID memerintahkan pengunggahan.")
            % {"nomor": versi.nomor},
        )
        return redirect(versi.get_absolute_url())


class VersionDetailView(VersionObjectMixin, ActionRequiredMixin, ListView):
    """Staff of every role: one version with its frozen rows, its actions and audit trail."""

    action = "informasi.versi.view"
    template_name = "informasi/versi_detail.html"
    context_object_name = "rows"
    paginate_by = 50

    def get_queryset(self):
        return selectors.version_rows(self.get_version()).order_by("nomor_urut")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        versi = self.get_version()
        context.update(
            versi=versi,
            transitions={
                t.name: t for t in workflow.available_version_transitions(versi, self.request.user)
            },
            history=audit.history(versi).select_related("actor"),
            note_form=NoteForm(),
            reason_form=ReasonForm(),
            may_export=can(self.request.user, "informasi.versi.ekspor", versi),
        )
        return context


class VersionTransitionView(VersionObjectMixin, TransitionView):
    """POST only. Who may use it is the action of the transition (see `workflow`)."""

    transition = ""

    @property
    def action(self):
        return workflow.VERSION_TRANSITIONS[self.transition].action

    def get_object(self):
        return self.get_version()


class VersionOrderView(VersionTransitionView):
    """Atasan PPID: order the upload of a set version."""

    transition = "perintahkan"
    form_class = NoteForm
    success_message = gettext_lazy("Perintah unggah dicatat; Desk dapat mempublikasikan versi ini.")

    def perform(self, form):
        versi = self.get_version()
        workflow.version_order(
            actor=self.request.user, versi=versi, note=form.cleaned_data.get("catatan") or ""
        )


class VersionPublishView(VersionTransitionView):
    """Desk Pelayanan Informasi: publish the ordered version on the website."""

    transition = "publikasikan"
    success_message = gettext_lazy("DIP dipublikasikan di situs; versi sebelumnya digantikan.")

    def perform(self, form):
        versi = self.get_version()
        workflow.version_publish(actor=self.request.user, versi=versi)


class VersionCancelView(VersionTransitionView):
    """PPID: cancel a version that is not yet published."""

    transition = "batalkan"
    form_class = ReasonForm
    success_message = gettext_lazy("Versi dibatalkan.")

    def perform(self, form):
        versi = self.get_version()
        workflow.version_cancel(
            actor=self.request.user, versi=versi, reason=form.cleaned_data["alasan"]
        )


class VersionExportView(VersionObjectMixin, ActionRequiredMixin, View):
    """Staff of every role: a version as XLSX or CSV in the Perki layout (re-importable).
    Excepted entries carry metadata only."""

    action = "informasi.versi.ekspor"

    def get(self, request, nomor: int, fmt: str):
        versi = self.get_version()
        stem = f"dip-versi-{versi.nomor}"
        if fmt == "xlsx":
            response = HttpResponse(spreadsheet.export_xlsx(versi), content_type=XLSX_MIME)
            name = safe_filename(stem, "xlsx")
        elif fmt == "csv":
            response = HttpResponse(
                spreadsheet.export_csv(versi), content_type="text/csv; charset=utf-8"
            )
            name = safe_filename(stem, "csv")
        else:
            raise Http404
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class VersionCompareView(ActionRequiredMixin, TemplateView):
    """Staff of every role: what changed between two versions (added, removed, changed
    entries with each changed value)."""

    action = "informasi.versi.view"
    template_name = "informasi/versi_bandingkan.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        versions = list(
            VersiDIP.objects.order_by("-nomor").only("id", "nomor", "nomor_sk", "status")
        )
        by_number = {v.nomor: v for v in versions}

        def pick(name: str):
            try:
                return by_number.get(int(self.request.GET.get(name, "")))
            except ValueError:
                return None

        new = pick("ke") or (versions[0] if versions else None)
        old = pick("dari")
        if old is None and new is not None:
            old = next((v for v in versions if v.nomor < new.nomor), None)
        context.update(versions=versions, old=old, new=new)
        if old is not None and new is not None and old.pk != new.pk:
            context["comparison"] = selectors.compare_versions(old, new)
        return context


# ----------------------------------------------------------------------------- import


class ImportCreateView(ActionRequiredMixin, FormView):
    """PPID: upload an XLSX/CSV in the Perki layout for a dry run."""

    action = "informasi.impor"
    template_name = "informasi/impor_form.html"
    form_class = ImportForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            columns=spreadsheet.COLUMNS,
            recent=ImporDIP.objects.select_related("berkas", "unit")[:10],
        )
        return context

    def form_valid(self, form):
        try:
            impor = services.import_upload(
                actor=self.request.user,
                unit=form.cleaned_data["unit"],
                upload=form.cleaned_data["berkas"],
            )
        except ValidationError as exc:
            form.add_error("berkas", exc)
            return self.form_invalid(form)
        return redirect(impor.get_absolute_url())


class ImportTemplateView(ActionRequiredMixin, View):
    """PPID: an empty XLSX with the import headers."""

    action = "informasi.impor"

    def get(self, request):
        with translation.override("id"):
            content = build_xlsx([(_("DIP"), spreadsheet.headers(), [])])
        response = HttpResponse(content, content_type=XLSX_MIME)
        response["Content-Disposition"] = (
            f'attachment; filename="{safe_filename("templat-impor-dip", "xlsx")}"'
        )
        return response


class ImportDetailView(ActionRequiredMixin, DetailView):
    """PPID: the dry run of an uploaded file: every row to be created and every error."""

    action = "informasi.impor"
    template_name = "informasi/impor_detail.html"
    context_object_name = "impor"

    def get_queryset(self):
        return ImporDIP.objects.select_related("berkas", "unit", "dibuat_oleh")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["result"] = services.import_check(self.object)
        return context


class ImportRunView(TransitionView):
    """POST only. PPID: import every row as drafts of the chosen unit, or nothing."""

    action = "informasi.impor"

    @cached_property
    def impor(self) -> ImporDIP:
        return get_object_or_404(ImporDIP, pk=self.kwargs["pk"])

    def get_object(self):
        return self.impor

    def perform(self, form):
        return services.import_run(actor=self.request.user, impor=self.impor)

    def get_success_message(self):
        return _("%(n)s entri diimpor sebagai draf %(unit)s.") % {
            "n": len(self.result),
            "unit": self.impor.unit,
        }

    def get_success_url(self):
        return f"{reverse('informasi:entri-list')}?unit={self.impor.unit_id}&status=draf"

    def get_failure_url(self):
        return self.impor.get_absolute_url()
