"""Pages of excepted information (UU 14/2008 Ps 17–20).

Staff (`/informasi/staf/uji/…`, `/informasi/staf/penetapan/…`): the consequence test from the
proposal to the participants' sign-offs, the decree the PPID issues and the Atasan PPID approves,
and the decisions that open excepted information again. Reads go through selectors filtered by
the access rules (a guessed id gives 404); writes call one workflow function.

Public (`/informasi/dikecualikan/…`, `/informasi/api/dikecualikan/`): the register of excepted
information — metadata only, never documents, the test sheet's analysis or internal notes.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView, FormView, ListView

from ppid_portal import audit
from ppid_portal.access import ActionRequiredMixin, can
from ppid_portal.documents import (
    PDF_MIME,
    XLSX_MIME,
    csv_response,
    pdf_response,
    safe_filename,
)
from ppid_portal.files import file_response
from ppid_portal.forms import apply_errors
from ppid_portal.views_transition import TransitionView

from .. import conf, documents, selectors, workflow
from .. import register_pengecualian as register
from ..forms import NoteForm, ReasonForm
from ..forms_pengecualian import (
    OriginalForm,
    PembukaanForm,
    PenetapanForm,
    PesertaForm,
    PrioritasForm,
    RegisterFilterForm,
    SignForm,
    UjiForm,
    UjiProposeForm,
)
from ..models import (
    EntriVersi,
    InformasiPublik,
    PenetapanPengecualian,
    PesertaUji,
    UjiKonsekuensi,
)
from .api import _json

# ----------------------------------------------------------------------------- shared


class UjiObjectMixin:
    """Fetch the sheet through the visibility rule before the action check, so a guessed id of
    a sheet the user may not read gives 404."""

    def get_uji(self) -> UjiKonsekuensi:
        if not hasattr(self, "_uji"):
            self._uji = get_object_or_404(
                selectors.uji_visible_to(self.request.user), pk=self.kwargs["pk"]
            )
        return self._uji

    def get_permission_object(self):
        return self.get_uji() if self.request.user.is_authenticated else None


class PenetapanObjectMixin:
    def get_penetapan(self) -> PenetapanPengecualian:
        if not hasattr(self, "_penetapan"):
            self._penetapan = get_object_or_404(
                selectors.penetapan_visible_to(self.request.user), pk=self.kwargs["pk"]
            )
        return self._penetapan

    def get_permission_object(self):
        return self.get_penetapan() if self.request.user.is_authenticated else None


class UjiPostView(UjiObjectMixin, TransitionView):
    def get_object(self):
        return self.get_uji()


class PenetapanPostView(PenetapanObjectMixin, TransitionView):
    def get_object(self):
        return self.get_penetapan()


# ----------------------------------------------------------------------------- the test sheet


class UjiListView(ActionRequiredMixin, ListView):
    """PPID, Tim Pertimbangan, Atasan PPID, Pembina: every consequence test; a Penyedia: their
    unit's; a participant (an outside expert too): the tests they take part in."""

    action = "informasi.uji.view"
    template_name = "informasi/uji_list.html"
    context_object_name = "sheets"
    paginate_by = 25

    def get_queryset(self):
        queryset = selectors.uji_visible_to(self.request.user)
        status = self.request.GET.get("status", "")
        if status in UjiKonsekuensi.Status.values:
            queryset = queryset.filter(status=status)
        return queryset.order_by("-diusulkan_pada", "-id")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            status_choices=UjiKonsekuensi.Status.choices,
            status_aktif=self.request.GET.get("status", ""),
            may_propose=can(self.request.user, "informasi.uji.usulkan"),
            **kwargs,
        )


class UjiProposeView(ActionRequiredMixin, FormView):
    """Tim Pertimbangan, PPID, or the Penyedia of the unit holding the information: propose that
    a DIP entry be excepted. (A test of the information a request asks for starts from the
    request's page, in the requests app.)"""

    action = "informasi.uji.usulkan"
    template_name = "informasi/uji_usul.html"
    form_class = UjiProposeForm

    def entries(self):
        return (
            selectors.entries_visible_to(self.request.user)
            .exclude(status=InformasiPublik.Status.DICABUT)
            .order_by("unit__nama", "ringkasan")
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "entries": self.entries()}

    def get_initial(self):
        initial = {}
        value = self.request.GET.get("informasi", "")
        if value.isdigit():
            initial["informasi"] = self.entries().filter(pk=int(value)).first()
        return initial

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            uji = workflow.uji_propose(
                actor=self.request.user,
                informasi=data["informasi"],
                judul_informasi=data.get("judul_informasi") or "",
                usulan=data["usulan"],
                alasan=data.get("alasan") or "",
            )
        except ValidationError as exc:
            apply_errors(form, exc)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Usulan tercatat. Lengkapi lembar uji konsekuensi dan tambahkan pesertanya."),
        )
        return redirect(uji.get_absolute_url())


class UjiDetailView(UjiObjectMixin, ActionRequiredMixin, DetailView):
    """Readers of the sheet (see UjiListView): the sheet, its participants and sign-offs, the
    decree issued from it, the audit trail, and the actions the user may take."""

    action = "informasi.uji.view"
    template_name = "informasi/uji_detail.html"
    context_object_name = "uji"

    def get_object(self, queryset=None):
        return self.get_uji()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        uji = self.object
        user = self.request.user
        peserta = list(uji.peserta.select_related("pengguna"))
        mine = next((p for p in peserta if p.pengguna_id == user.pk), None)
        penetapan = list(uji.penetapan_set.order_by("-diterbitkan_pada"))
        context.update(
            peserta=peserta,
            transitions={t.name: t for t in workflow.available_uji_transitions(uji, user)},
            may_edit=uji.editable and can(user, "informasi.uji.ubah", uji),
            may_sign=uji.status == UjiKonsekuensi.Status.DIEDARKAN
            and mine is not None
            and not mine.sudah_menandatangani,
            signed_count=sum(1 for p in peserta if p.sudah_menandatangani),
            problems=workflow.sheet_problems(uji) if uji.editable else {},
            penetapan_list=penetapan,
            may_issue=uji.status == UjiKonsekuensi.Status.SELESAI
            and uji.kesimpulan == UjiKonsekuensi.Kesimpulan.DIKECUALIKAN
            and not any(p.status != PenetapanPengecualian.Status.DITOLAK for p in penetapan)
            and can(user, "informasi.penetapan.terbitkan"),
            history=audit.history(uji).select_related("actor"),
            peserta_form=PesertaForm(),
            sign_form=SignForm(),
            reason_form=ReasonForm(),
            original_form=OriginalForm(),
            digest=uji.content_digest(),
        )
        return context


class UjiUpdateView(UjiObjectMixin, ActionRequiredMixin, FormView):
    """PPID, Tim Pertimbangan, or the unit's Penyedia, while the sheet is a draft: fill in or
    revise the sheet."""

    action = "informasi.uji.ubah"
    template_name = "informasi/uji_form.html"
    form_class = UjiForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_uji()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(uji=self.get_uji(), **kwargs)

    def form_valid(self, form):
        try:
            uji = workflow.uji_update(
                actor=self.request.user, uji=self.get_uji(), values=form.values()
            )
        except ValidationError as exc:
            apply_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Lembar uji tersimpan."))
        return redirect(uji.get_absolute_url())


class UjiOriginalUploadView(UjiPostView):
    """Editors of a draft sheet (POST): attach the document under test (kept sensitive)."""

    action = "informasi.uji.ubah"
    form_class = OriginalForm
    success_message = gettext_lazy("Dokumen yang diuji dilampirkan sebagai berkas sensitif.")

    def perform(self, form):
        uji = self.get_uji()
        workflow.uji_attach_original(
            actor=self.request.user, uji=uji, upload=form.cleaned_data["berkas"]
        )


class UjiOriginalDownloadView(UjiObjectMixin, ActionRequiredMixin, View):
    """Readers of the sheet: the document under test. Every read is in the audit trail."""

    action = "informasi.uji.view"

    def get(self, request, pk: int):
        uji = self.get_uji()
        if uji.berkas_asli is None:
            raise Http404(_("Lembar uji ini tidak memiliki lampiran."))
        return file_response(
            uji.berkas_asli,
            actor=request.user,
            reason=_("lampiran uji konsekuensi #%(n)s") % {"n": uji.pk},
        )


class UjiPdfView(UjiObjectMixin, ActionRequiredMixin, View):
    """Readers of the sheet: the test sheet as PDF (with the participants' sign-offs)."""

    action = "informasi.uji.view"

    def get(self, request, pk: int):
        uji = self.get_uji()
        return pdf_response(
            "informasi/pdf/uji.html", documents.uji_context(uji), f"uji-konsekuensi-{uji.pk}"
        )


class PesertaAddView(UjiPostView):
    """Editors of a draft sheet (POST): add a participant."""

    action = "informasi.uji.ubah"
    form_class = PesertaForm
    success_message = gettext_lazy("Peserta ditambahkan.")

    def perform(self, form):
        uji = self.get_uji()
        workflow.peserta_add(
            actor=self.request.user,
            uji=uji,
            pengguna=form.cleaned_data["pengguna"],
            peran=form.cleaned_data["peran"],
            jabatan=form.cleaned_data.get("jabatan") or "",
        )


class PesertaRemoveView(TransitionView):
    """Editors of a draft sheet (POST): remove a participant."""

    action = "informasi.uji.ubah"
    success_message = gettext_lazy("Peserta dihapus dari uji.")

    def get_peserta(self) -> PesertaUji:
        if not hasattr(self, "_peserta"):
            self._peserta = get_object_or_404(
                PesertaUji.objects.select_related("uji"),
                pk=self.kwargs["pk"],
                uji__in=selectors.uji_visible_to(self.request.user),
            )
        return self._peserta

    def get_permission_object(self):
        return self.get_peserta().uji if self.request.user.is_authenticated else None

    def get_object(self):
        return self.get_peserta().uji

    def perform(self, form):
        workflow.peserta_remove(actor=self.request.user, peserta=self.get_peserta())


class UjiCirculateView(UjiPostView):
    """PPID or Tim Pertimbangan (POST): circulate a complete draft for signature."""

    action = "informasi.uji.edarkan"
    success_message = gettext_lazy("Lembar uji diedarkan; setiap peserta diminta menandatangani.")

    def perform(self, form):
        uji = self.get_uji()
        workflow.uji_circulate(actor=self.request.user, uji=uji)


class UjiReviseView(UjiPostView):
    """PPID, Tim Pertimbangan or a participant (POST): send a circulated sheet back for revision;
    the signatures given lapse."""

    action = "informasi.uji.revisi"
    form_class = ReasonForm
    success_message = gettext_lazy("Lembar uji dikembalikan menjadi draf untuk direvisi.")

    def perform(self, form):
        uji = self.get_uji()
        workflow.uji_revise(actor=self.request.user, uji=uji, catatan=form.cleaned_data["alasan"])


class UjiSignView(UjiPostView):
    """A participant of the sheet (POST): sign the circulated sheet."""

    action = "informasi.uji.tandatangani"
    form_class = SignForm
    success_message = gettext_lazy("Tanda tangan Anda tercatat.")

    def perform(self, form):
        uji = workflow.uji_sign(
            actor=self.request.user,
            uji=self.get_uji(),
            catatan=form.cleaned_data.get("catatan") or "",
        )
        if uji.status == UjiKonsekuensi.Status.SELESAI:
            self.success_message = _(
                "Tanda tangan Anda tercatat. Semua peserta sudah menandatangani: lembar uji "
                "selesai dan tidak dapat diubah lagi."
            )


class UjiCancelView(UjiPostView):
    """PPID (POST): cancel a test that is not complete."""

    action = "informasi.uji.batalkan"
    form_class = ReasonForm
    success_message = gettext_lazy("Uji konsekuensi dibatalkan.")

    def perform(self, form):
        uji = self.get_uji()
        workflow.uji_cancel(actor=self.request.user, uji=uji, alasan=form.cleaned_data["alasan"])


# ----------------------------------------------------------------------------- the decree


class PenetapanCreateView(UjiObjectMixin, ActionRequiredMixin, FormView):
    """PPID: issue the numbered decree from a completed sheet that concludes *dikecualikan*
    (with the redacted document when it is excepted in part)."""

    action = "informasi.penetapan.terbitkan"
    template_name = "informasi/penetapan_form.html"
    form_class = PenetapanForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(uji=self.get_uji(), **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            penetapan = workflow.penetapan_issue(
                actor=self.request.user,
                uji=self.get_uji(),
                tanggal=data["tanggal"],
                tempat=data["tempat"],
                berkas_sensor=data.get("berkas_sensor"),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Penetapan %(n)s diterbitkan dan menunggu persetujuan Atasan PPID.")
            % {"n": penetapan.nomor},
        )
        return redirect(penetapan.get_absolute_url())


class PenetapanListView(ActionRequiredMixin, ListView):
    """PPID, Tim Pertimbangan, Atasan PPID, Pembina: every decree; a Penyedia: their unit's."""

    action = "informasi.penetapan.view"
    template_name = "informasi/penetapan_list.html"
    context_object_name = "decrees"
    paginate_by = 25

    def get_queryset(self):
        queryset = selectors.penetapan_visible_to(self.request.user)
        status = self.request.GET.get("status", "")
        if status in PenetapanPengecualian.Status.values:
            queryset = queryset.filter(status=status)
        return queryset.order_by("-tahun", "-urut")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            status_choices=PenetapanPengecualian.Status.choices,
            status_aktif=self.request.GET.get("status", ""),
            **kwargs,
        )


class PenetapanDetailView(PenetapanObjectMixin, ActionRequiredMixin, DetailView):
    """Readers of decrees (see PenetapanListView): one decree, its approval, its period and
    queue, how it ended, and the actions the user may take."""

    action = "informasi.penetapan.view"
    template_name = "informasi/penetapan_detail.html"
    context_object_name = "penetapan"

    def get_object(self, queryset=None):
        return self.get_penetapan()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        penetapan = self.object
        user = self.request.user
        today = timezone.localdate()
        context.update(
            transitions={
                t.name: t for t in workflow.available_penetapan_transitions(penetapan, user)
            },
            sisa=workflow.sisa_hari_kerja(penetapan, today)
            if penetapan.status == PenetapanPengecualian.Status.BERLAKU
            else None,
            # The priority orders the queue of decrees whose period is ending (seed 004).
            may_prioritize=penetapan.status == PenetapanPengecualian.Status.BERLAKU
            and penetapan.antrean_pada is not None
            and can(user, "informasi.penetapan.prioritas", penetapan),
            pembukaan=list(penetapan.pembukaan.all()),
            history=audit.history(penetapan).select_related("actor"),
            note_form=NoteForm(),
            reason_form=ReasonForm(),
            open_form=PembukaanForm(
                early=penetapan.status == PenetapanPengecualian.Status.BERLAKU
                and workflow.in_opening_window(penetapan, today)
            ),
            priority_form=PrioritasForm(initial={"prioritas": penetapan.prioritas}),
            may_read_sheet=can(user, "informasi.uji.view", penetapan.uji),
        )
        return context


class PenetapanApproveView(PenetapanPostView):
    """Atasan PPID (POST): approve the decree; it enters the public register."""

    action = "informasi.penetapan.setujui"
    form_class = NoteForm
    success_message = gettext_lazy(
        "Penetapan disetujui dan berlaku; daftar informasi yang dikecualikan diperbarui."
    )

    def perform(self, form):
        penetapan = self.get_penetapan()
        workflow.penetapan_approve(
            actor=self.request.user,
            penetapan=penetapan,
            catatan=form.cleaned_data.get("catatan") or "",
        )


class PenetapanRejectView(PenetapanPostView):
    """Atasan PPID (POST): do not approve the decree, with written reasons."""

    action = "informasi.penetapan.tolak"
    form_class = ReasonForm
    success_message = gettext_lazy("Penetapan tidak disetujui; PPID diberi tahu alasannya.")

    def perform(self, form):
        penetapan = self.get_penetapan()
        workflow.penetapan_reject(
            actor=self.request.user, penetapan=penetapan, alasan=form.cleaned_data["alasan"]
        )


class PenetapanOpenView(PenetapanPostView):
    """PPID or Atasan PPID (POST): record the decision that opens the information (keberatan,
    Komisi Informasi, court) or open it within the last 30 working days (PPID)."""

    action = "informasi.penetapan.buka"
    form_class = PembukaanForm
    success_message = gettext_lazy(
        "Putusan dicatat; informasi kembali terbuka dan masuk DIP pada versi berikutnya."
    )

    def perform(self, form):
        penetapan = self.get_penetapan()
        data = form.cleaned_data
        workflow.penetapan_open(
            actor=self.request.user,
            penetapan=penetapan,
            jenis=data["jenis"],
            tanggal_putusan=data["tanggal_putusan"],
            nomor_putusan=data.get("nomor_putusan") or "",
            keterangan=data.get("keterangan") or "",
        )


class PenetapanPriorityView(PenetapanPostView):
    """PPID (POST): set the priority of opening information whose period is ending."""

    action = "informasi.penetapan.prioritas"
    form_class = PrioritasForm
    success_message = gettext_lazy("Prioritas disimpan.")

    def perform(self, form):
        penetapan = self.get_penetapan()
        workflow.penetapan_set_priority(
            actor=self.request.user, penetapan=penetapan, prioritas=form.cleaned_data["prioritas"]
        )


class PenetapanPdfView(PenetapanObjectMixin, ActionRequiredMixin, View):
    """Readers of decrees: the decree with the test sheet attached, as PDF. Once approved it is
    the stored document, and every read is audited."""

    action = "informasi.penetapan.view"

    def get(self, request, pk: int):
        penetapan = self.get_penetapan()
        if penetapan.berkas_pdf is not None:
            return file_response(
                penetapan.berkas_pdf,
                actor=request.user,
                inline=True,
                reason=_("penetapan %(n)s") % {"n": penetapan.nomor},
            )
        response = HttpResponse(documents.penetapan_pdf(penetapan), content_type=PDF_MIME)
        name = safe_filename(f"rancangan-penetapan-{penetapan.pk}", "pdf")
        response["Content-Disposition"] = f'inline; filename="{name}"'
        return response


# ----------------------------------------------------------------------------- public register


def _register_filters(request) -> tuple[RegisterFilterForm, str]:
    form = RegisterFilterForm(request.GET or None)
    alasan = form.cleaned_data.get("alasan", "") if form.is_valid() else ""
    return form, alasan


class RegisterView(ActionRequiredMixin, ListView):
    """Public (anyone): the register of excepted information in force — number and date of the
    decree, a description that reveals nothing excepted, the ground and the period."""

    action = "informasi.pengecualian.register"
    template_name = "informasi/dikecualikan_list.html"
    context_object_name = "rows"

    def get_paginate_by(self, queryset):
        return conf.register_page_size()

    def get_queryset(self):
        self.form, alasan = _register_filters(self.request)
        return selectors.register_rows(timezone.localdate(), alasan=alasan)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        versi = selectors.published_version()
        rows = list(context["rows"])
        # Link a decree to its DIP page only where the published DIP has that entry.
        in_dip = set()
        if versi is not None:
            in_dip = set(
                EntriVersi.objects.filter(
                    versi=versi, informasi_id__in=[p.informasi_id for p in rows if p.informasi_id]
                ).values_list("informasi_id", flat=True)
            )
        for p in rows:
            p.di_dip = p.informasi_id in in_dip
        context.update(rows=rows, form=self.form, tanggal=timezone.localdate())
        return context


class RegisterDownloadView(ActionRequiredMixin, View):
    """Public (anyone): the register of excepted information as PDF, XLSX or CSV."""

    action = "informasi.pengecualian.register"

    def get(self, request, fmt: str):
        today = timezone.localdate()
        stem = f"daftar-informasi-dikecualikan-{today.isoformat()}"
        if fmt == "csv":
            with translation.override("id"):
                rows = register.export_rows(selectors.register_rows(today))
                return csv_response(stem, register.headers(), rows)
        if fmt not in ("pdf", "xlsx"):
            raise Http404
        key = f"informasi:dikecualikan-{fmt}:{selectors.register_stamp()}"
        content = cache.get(key)
        if content is None:
            with translation.override("id"):
                if fmt == "pdf":
                    content = documents.register_pdf(today)
                else:
                    content = register.export_xlsx(selectors.register_rows(today), today)
            cache.set(key, content, 60 * 60)
        response = HttpResponse(content, content_type=PDF_MIME if fmt == "pdf" else XLSX_MIME)
        disposition = "inline" if fmt == "pdf" else "attachment"
        response["Content-Disposition"] = f'{disposition}; filename="{safe_filename(stem, fmt)}"'
        return response


class ApiRegisterView(ActionRequiredMixin, View):
    """Public (anyone): the register of excepted information as JSON (filter `alasan`)."""

    action = "informasi.pengecualian.register"

    def get(self, request):
        form = RegisterFilterForm(request.GET)
        if request.GET and not form.is_valid():
            return _json(
                {
                    "galat": _("Parameter tidak valid."),
                    "rincian": {k: [str(m) for m in v] for k, v in form.errors.items()},
                },
                status=400,
            )
        today = timezone.localdate()
        alasan = form.cleaned_data.get("alasan", "") if form.is_valid() else ""
        rows = list(selectors.register_rows(today, alasan=alasan))
        return _json(
            {
                "tanggal": today.isoformat(),
                "jumlah": len(rows),
                "hasil": [register.row_json(p) for p in rows],
            }
        )
