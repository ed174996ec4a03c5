"""Staff pages of one request (desk, PPID, Penyedia, Atasan): logging a request at the desk, the
detail page and its steps — verification, completion, lapse, disposisi and the unit's answer,
extension, withdrawal, a new tracking code, the decision and its delivery."""

from __future__ import annotations

from datetime import datetime, time

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView, TemplateView

from informasi.forms_pengecualian import UjiProposeForm
from ppid_portal import audit
from ppid_portal.access import ActionRequiredMixin, can
from ppid_portal.files import file_response
from ppid_portal.forms import apply_errors
from ppid_portal.views_transition import TransitionView

from .. import documents, selectors, tracking, workflow
from ..forms import (
    AlasanForm,
    DeskPermohonanForm,
    DisposisiForm,
    JawabUnitForm,
    KeputusanForm,
    LengkapiForm,
    MintaUlangForm,
    PenyampaianForm,
    PerluDilengkapiForm,
    PerpanjangForm,
)
from ..models import Disposisi, Keputusan
from ..selectors import attach_deadlines
from .mixins import PermohonanPostView, StaffPermohonanMixin


def _received_at(day) -> datetime:
    if day == timezone.localdate():
        return timezone.now()
    return timezone.make_aware(datetime.combine(day, time(12, 0)))


# ---------------------------------------------------------------------------------------------
# Staff: desk intake


class DeskCatatView(ActionRequiredMixin, FormView):
    """Desk: log a request received in person, by phone, letter, e-mail or fax."""

    action = "permohonan.catat"
    template_name = "permohonan/desk_form.html"
    form_class = DeskPermohonanForm

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            permohonan, code = workflow.permohonan_submit(
                actor=self.request.user,
                kanal=data["kanal"],
                data=data,
                berkas_identitas=data.get("berkas_identitas"),
                aturan=data.get("aturan"),
                diterima_pada=_received_at(data["tanggal_diterima"]),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
            return self.form_invalid(form)
        tracking.remember_new_code(self.request, permohonan, code)
        return redirect("permohonan:tercatat", pk=permohonan.pk)


class DeskTercatatView(ActionRequiredMixin, StaffPermohonanMixin, TemplateView):
    """Desk and PPID: the code to hand to the applicant, right after logging or a new code."""

    action = "permohonan.kode_baru"
    template_name = "permohonan/tercatat.html"

    def get_context_data(self, **kwargs):
        code = tracking.new_code_for(self.request, self.permohonan)
        return super().get_context_data(
            p=self.permohonan,
            kode=code,
            tautan=tracking.tracking_link(code) if code else "",
            **kwargs,
        )


# ---------------------------------------------------------------------------------------------
# Staff: request detail and steps


class PermohonanDetailView(ActionRequiredMixin, StaffPermohonanMixin, DetailView):
    """Desk, PPID, Atasan: any request; Penyedia: requests assigned to their unit, without the
    applicant's identity and contact data."""

    action = "permohonan.lihat"
    template_name = "permohonan/permohonan_detail.html"
    context_object_name = "p"

    def get_object(self, queryset=None):
        return self.permohonan

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        p = self.permohonan
        today = timezone.localdate()
        full = selectors.sees_every_request(user)
        disposisi = list(
            selectors.disposisi_visible_to(user)
            .filter(permohonan=p)
            .select_related("unit", "dijawab_oleh")
        )
        dokumen = list(
            selectors.dokumen_visible_to(user).filter(permohonan=p).select_related("berkas", "unit")
        )
        keberatan = list(selectors.keberatan_visible_to(user).filter(permohonan=p))
        attach_deadlines([p, *keberatan], today=today)
        ground, last_day = workflow.keberatan_window(p, today)
        context.update(
            full=full,
            can_identitas=can(user, "permohonan.identitas", p),
            can_periksa=can(user, "permohonan.periksa", p),
            can_disposisi=can(user, "permohonan.disposisi", p),
            can_putus=can(user, "permohonan.putus", p),
            can_perpanjang=can(user, "permohonan.perpanjang", p),
            can_penyampaian=can(user, "permohonan.penyampaian", p),
            can_tarik=can(user, "permohonan.tarik_desk", p),
            can_kode=can(user, "permohonan.kode_baru", p),
            can_keberatan=can(user, "keberatan.catat", p),
            can_sengketa=can(user, "sengketa.catat", p),
            disposisi_list=disposisi,
            dokumen_list=dokumen,
            keputusan_list=list(p.keputusan_set.prefetch_related("dokumen__berkas")),
            keberatan_list=keberatan,
            sengketa_list=list(p.sengketa_set.all()) if full else [],
            riwayat=list(audit.history(p)) if full else [],
            batas_keberatan=last_day,
            dilengkapi_form=PerluDilengkapiForm(),
            disposisi_form=DisposisiForm(permohonan=p),
            perpanjang_form=PerpanjangForm(maks=p.rules.perpanjangan_maks),
            alasan_form=AlasanForm(),
            minta_ulang_form=MintaUlangForm(),
            penyampaian_form=PenyampaianForm(),
            today=today,
        )
        return context


class IdentitasView(ActionRequiredMixin, StaffPermohonanMixin, View):
    """Desk, PPID, Atasan: the applicant's identity scan; every view is audited."""

    action = "permohonan.identitas"

    def get(self, request, pk: int):
        stored = self.permohonan.berkas_identitas
        if stored is None:
            raise Http404
        return file_response(
            stored,
            actor=request.user,
            inline=True,
            reason=_("Dokumen identitas permohonan %(n)s") % {"n": self.permohonan.nomor},
        )


class VerifikasiView(PermohonanPostView):
    """Desk, PPID (POST): the request is complete."""

    action = "permohonan.periksa"
    success_message = _("Permohonan dinyatakan lengkap dan diteruskan ke PPID.")

    def perform(self, form):
        workflow.permohonan_verify(permohonan_id=self.permohonan.pk, actor=self.request.user)


class PerluDilengkapiView(PermohonanPostView):
    """Desk, PPID (POST): ask the applicant to complete the request."""

    action = "permohonan.periksa"
    form_class = PerluDilengkapiForm
    success_message = _("Pemohon diminta melengkapi permohonan.")

    def perform(self, form):
        workflow.permohonan_request_completion(
            permohonan_id=self.permohonan.pk,
            actor=self.request.user,
            kekurangan=form.cleaned_data["kekurangan"],
        )


class LengkapiDeskView(ActionRequiredMixin, StaffPermohonanMixin, FormView):
    """Desk, PPID: complete the request on the applicant's behalf (walk-in, phone)."""

    action = "permohonan.periksa"
    template_name = "permohonan/lengkapi_form.html"
    form_class = LengkapiForm

    def get_initial(self):
        p = self.permohonan
        return {
            "rincian_informasi": p.rincian_informasi,
            "tujuan_penggunaan": p.tujuan_penggunaan,
            "alamat": p.alamat,
            "pekerjaan": p.pekerjaan,
            "telepon": p.telepon,
            "nik": p.nik,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(p=self.permohonan, staf=True, **kwargs)

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        upload = data.pop("berkas_identitas", None)
        try:
            workflow.permohonan_complete(
                permohonan_id=self.permohonan.pk,
                actor=self.request.user,
                data=data,
                berkas_identitas=upload,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Permohonan telah dilengkapi."))
        return redirect(self.detail_url())


class GugurView(PermohonanPostView):
    """Desk, PPID (POST): close a request not completed in time."""

    action = "permohonan.periksa"
    form_class = AlasanForm
    success_message = _("Permohonan ditutup karena tidak dilengkapi.")

    def perform(self, form):
        workflow.permohonan_lapse(
            permohonan_id=self.permohonan.pk,
            actor=self.request.user,
            alasan=form.cleaned_data.get("alasan"),
        )


class DisposisiView(PermohonanPostView):
    """PPID (POST): assign the request to one or more units."""

    action = "permohonan.disposisi"
    success_message = _("Disposisi dikirim ke unit kerja.")

    def get_form(self):
        return DisposisiForm(self.request.POST, permohonan=self.permohonan)

    def perform(self, form):
        workflow.permohonan_assign(
            permohonan_id=self.permohonan.pk,
            actor=self.request.user,
            units=list(form.cleaned_data["units"]),
            catatan=form.cleaned_data.get("catatan", ""),
        )


class PerpanjangView(PermohonanPostView):
    """PPID (POST): extend the notice period once."""

    action = "permohonan.perpanjang"
    success_message = _("Jangka waktu pemberitahuan diperpanjang.")

    def get_form(self):
        return PerpanjangForm(self.request.POST, maks=self.permohonan.rules.perpanjangan_maks)

    def perform(self, form):
        workflow.permohonan_extend(
            permohonan_id=self.permohonan.pk,
            actor=self.request.user,
            hari=form.cleaned_data["hari"],
            alasan=form.cleaned_data["alasan"],
        )


class TarikDeskView(PermohonanPostView):
    """Desk (POST): record the applicant's withdrawal."""

    action = "permohonan.tarik_desk"
    form_class = AlasanForm
    success_message = _("Penarikan permohonan dicatat.")

    def perform(self, form):
        workflow.permohonan_withdraw(
            permohonan_id=self.permohonan.pk,
            actor=self.request.user,
            alasan=form.cleaned_data.get("alasan"),
        )


class KodeBaruView(PermohonanPostView):
    """Desk, PPID (POST): issue a new tracking code (the old one stops working); the page after
    it shows the code once."""

    action = "permohonan.kode_baru"

    def perform(self, form):
        permohonan, code = workflow.permohonan_reset_code(
            permohonan_id=self.permohonan.pk, actor=self.request.user
        )
        tracking.remember_new_code(self.request, permohonan, code)

    def get_success_url(self) -> str:
        return reverse("permohonan:tercatat", args=[self.permohonan.pk])

    def get_failure_url(self) -> str:
        return self.detail_url()


class TandaBuktiStafView(ActionRequiredMixin, StaffPermohonanMixin, View):
    """Desk, PPID, Atasan: the receipt (with the code only right after logging it)."""

    action = "permohonan.identitas"

    def get(self, request, pk: int):
        code = tracking.new_code_for(request, self.permohonan)
        response = HttpResponse(
            documents.tanda_bukti_pdf(self.permohonan, code=code), content_type="application/pdf"
        )
        response["Content-Disposition"] = 'inline; filename="tanda-bukti-permohonan.pdf"'
        return response


class DokumenStafView(ActionRequiredMixin, View):
    """Desk, PPID, Atasan: any document of a request; Penyedia: their unit's documents of a
    request assigned to them."""

    action = "permohonan.lihat"

    def get(self, request, pk: int):
        dokumen = get_object_or_404(
            selectors.dokumen_visible_to(request.user).select_related("berkas"), pk=pk
        )
        return file_response(dokumen.berkas, actor=request.user)


class JawabUnitView(ActionRequiredMixin, FormView):
    """Penyedia of the assigned unit: upload the documents or answer "tidak dikuasai"."""

    action = "permohonan.jawab_unit"
    template_name = "permohonan/jawab_form.html"
    form_class = JawabUnitForm

    @cached_property
    def disposisi(self) -> Disposisi:
        return get_object_or_404(
            selectors.disposisi_visible_to(self.request.user)
            .filter(unit_id=self.request.user.unit_id)
            .select_related("permohonan", "unit"),
            pk=self.kwargs["pk"],
        )

    def get_permission_object(self):
        # Anonymous visitors go to the login page before anything is looked up.
        return self.disposisi if self.request.user.is_authenticated else None

    def get_context_data(self, **kwargs):
        attach_deadlines([self.disposisi.permohonan])
        return super().get_context_data(d=self.disposisi, p=self.disposisi.permohonan, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            workflow.disposisi_answer(
                disposisi_id=self.disposisi.pk,
                actor=self.request.user,
                tersedia=data["pilihan"] == "tersedia",
                files=data.get("berkas") or [],
                jawaban=data.get("jawaban", ""),
                badan_penguasa=data.get("badan_penguasa", ""),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Jawaban unit telah dikirim ke PPID."))
        return redirect("permohonan:detail", pk=self.disposisi.permohonan_id)


class MintaUlangView(TransitionView):
    """PPID (POST): ask a unit again."""

    action = "permohonan.disposisi"
    form_class = MintaUlangForm
    success_message = _("Unit diminta menjawab kembali.")

    @cached_property
    def disposisi(self) -> Disposisi:
        return get_object_or_404(
            selectors.disposisi_visible_to(self.request.user), pk=self.kwargs["pk"]
        )

    def get_object(self):
        return self.disposisi

    def get_success_url(self) -> str:
        return reverse("permohonan:detail", args=[self.disposisi.permohonan_id])

    def perform(self, form):
        workflow.disposisi_reopen(
            disposisi_id=self.disposisi.pk,
            actor=self.request.user,
            catatan=form.cleaned_data["catatan"],
        )


class PutusView(ActionRequiredMixin, StaffPermohonanMixin, FormView):
    """PPID: decide the request and issue the written notice."""

    action = "permohonan.putus"
    template_name = "permohonan/putus_form.html"
    form_class = KeputusanForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "permohonan": self.permohonan}

    def get_context_data(self, **kwargs):
        attach_deadlines([self.permohonan])
        return super().get_context_data(
            p=self.permohonan,
            disposisi_list=list(self.permohonan.disposisi.select_related("unit")),
            **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        fields = set(workflow.Putusan.__dataclass_fields__) - {"hasil", "penetapan_id"}
        putusan = workflow.Putusan(
            hasil=data["hasil"],
            penetapan_id=data["penetapan"].pk if data.get("penetapan") else None,
            **{name: data[name] for name in fields if data.get(name) not in (None, "")},
        )
        try:
            keputusan = workflow.permohonan_decide(
                permohonan_id=self.permohonan.pk,
                actor=self.request.user,
                putusan=putusan,
                dokumen_ids=[d.pk for d in data.get("dokumen") or []],
                files=data.get("berkas") or [],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Pemberitahuan tertulis %(n)s diterbitkan.") % {"n": keputusan.nomor},
        )
        return redirect(self.detail_url())


class MulaiUjiView(ActionRequiredMixin, StaffPermohonanMixin, FormView):
    """PPID, or the Penyedia of a unit the request is assigned to: start a consequence test of
    the information the request asks for (the sheet is then written on informasi's pages)."""

    action = "permohonan.mulai_uji"
    template_name = "permohonan/uji_mulai.html"
    form_class = UjiProposeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "entries": None}

    def get_context_data(self, **kwargs):
        return super().get_context_data(p=self.permohonan, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            uji = workflow.permohonan_start_test(
                permohonan_id=self.permohonan.pk,
                actor=self.request.user,
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


class PemberitahuanStafView(ActionRequiredMixin, View):
    """Desk, PPID, Atasan; Penyedia of an assigned unit: the written notice PDF."""

    action = "permohonan.lihat"

    def get(self, request, pk: int):
        keputusan = get_object_or_404(
            Keputusan.objects.filter(permohonan__in=selectors.permohonan_visible_to(request.user)),
            pk=pk,
        )
        return file_response(keputusan.berkas_pdf, actor=request.user, inline=True)


class PenyampaianView(TransitionView):
    """Desk, PPID (POST): record the delivery of a notice."""

    action = "permohonan.penyampaian"
    form_class = PenyampaianForm
    success_message = _("Penyampaian dicatat.")

    @cached_property
    def keputusan(self) -> Keputusan:
        return get_object_or_404(
            Keputusan.objects.filter(
                permohonan__in=selectors.permohonan_visible_to(self.request.user)
            ),
            pk=self.kwargs["pk"],
        )

    def get_object(self):
        return self.keputusan

    def get_success_url(self) -> str:
        return reverse("permohonan:detail", args=[self.keputusan.permohonan_id])

    def perform(self, form):
        workflow.keputusan_record_delivery(
            keputusan_id=self.keputusan.pk,
            actor=self.request.user,
            tanggal=form.cleaned_data["tanggal"],
            cara=form.cleaned_data["cara"],
        )
