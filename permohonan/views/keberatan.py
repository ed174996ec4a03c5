"""Staff pages of objections and disputes: logging a keberatan at the desk, its detail, the
Atasan PPID's decision, withdrawal, the applicant's reply, its documents, and recording or
updating a sengketa before the Komisi Informasi."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView

from ppid_portal import audit
from ppid_portal.access import ActionRequiredMixin, can
from ppid_portal.files import file_response

from .. import documents, selectors, workflow
from ..forms import (
    AlasanForm,
    KeberatanForm,
    KeberatanPutusForm,
    SengketaForm,
    TanggapanPemohonForm,
    apply_errors,
)
from ..models import Keberatan, Sengketa
from ..selectors import attach_deadlines
from .mixins import StaffPermohonanMixin, StaffPostView

# ---------------------------------------------------------------------------------------------
# Staff: keberatan and sengketa


class KeberatanDeskView(ActionRequiredMixin, StaffPermohonanMixin, FormView):
    """Desk: log a keberatan filed at the counter."""

    action = "keberatan.catat"
    template_name = "permohonan/keberatan_form.html"
    form_class = KeberatanForm

    def get_initial(self):
        return {"tujuan_penggunaan": self.permohonan.tujuan_penggunaan}

    def get_context_data(self, **kwargs):
        ground, last_day = workflow.keberatan_window(self.permohonan, timezone.localdate())
        return super().get_context_data(p=self.permohonan, batas_keberatan=last_day, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            keberatan = workflow.keberatan_submit(
                permohonan_id=self.permohonan.pk,
                actor=self.request.user,
                alasan=data["alasan"],
                kasus_posisi=data["kasus_posisi"],
                tujuan_penggunaan=data["tujuan_penggunaan"],
                nama_kuasa=data.get("nama_kuasa", ""),
                alamat_kuasa=data.get("alamat_kuasa", ""),
                telepon_kuasa=data.get("telepon_kuasa", ""),
                berkas_kuasa=data.get("berkas_kuasa"),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Keberatan %(n)s dicatat.") % {"n": keberatan.nomor})
        return redirect(keberatan.get_absolute_url())


class StaffKeberatanMixin:
    @cached_property
    def keberatan(self) -> Keberatan:
        return get_object_or_404(
            selectors.keberatan_for(self.request.user).select_related("permohonan"),
            pk=self.kwargs["pk"],
        )


class KeberatanDetailView(ActionRequiredMixin, StaffKeberatanMixin, DetailView):
    """Desk, PPID, Atasan: one keberatan."""

    action = "keberatan.lihat"
    template_name = "permohonan/keberatan_detail.html"
    context_object_name = "kb"

    def get_object(self, queryset=None):
        return self.keberatan

    def get_context_data(self, **kwargs):
        user = self.request.user
        attach_deadlines([self.keberatan])
        return super().get_context_data(
            p=self.keberatan.permohonan,
            can_putus=can(user, "keberatan.putus", self.keberatan),
            can_tarik=can(user, "permohonan.tarik_desk", self.keberatan),
            can_tanggapan=can(user, "keberatan.tanggapan_pemohon", self.keberatan),
            can_sengketa=can(user, "sengketa.catat", self.keberatan),
            can_identitas=can(user, "permohonan.identitas", self.keberatan),
            riwayat=list(audit.history(self.keberatan)),
            alasan_form=AlasanForm(),
            tanggapan_form=TanggapanPemohonForm(),
            **kwargs,
        )


class KeberatanPutusView(ActionRequiredMixin, StaffKeberatanMixin, FormView):
    """Atasan PPID: answer a keberatan in writing."""

    action = "keberatan.putus"
    template_name = "permohonan/keberatan_putus_form.html"
    form_class = KeberatanPutusForm

    def get_context_data(self, **kwargs):
        attach_deadlines([self.keberatan])
        return super().get_context_data(
            kb=self.keberatan,
            p=self.keberatan.permohonan,
            keputusan_list=list(self.keberatan.permohonan.keputusan_set.all()),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            keberatan = workflow.keberatan_decide(
                keberatan_id=self.keberatan.pk,
                actor=self.request.user,
                putusan=form.cleaned_data["putusan"],
                pertimbangan=form.cleaned_data["pertimbangan"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Tanggapan atas keberatan %(n)s diterbitkan.") % {"n": keberatan.nomor_tanggapan},
        )
        return redirect(keberatan.get_absolute_url())


class KeberatanPostView(StaffKeberatanMixin, StaffPostView):
    def redirect_url(self) -> str:
        return self.keberatan.get_absolute_url()


class KeberatanTarikDeskView(KeberatanPostView):
    """Desk (POST): record the withdrawal of a keberatan (also after musyawarah)."""

    action = "permohonan.tarik_desk"
    form_class = AlasanForm
    success_message = _("Penarikan keberatan dicatat.")

    def perform(self, data):
        workflow.keberatan_withdraw(
            keberatan_id=self.keberatan.pk, actor=self.request.user, alasan=data.get("alasan")
        )


class TanggapanPemohonView(KeberatanPostView):
    """Desk, PPID (POST): record the applicant's reply to the Atasan's answer."""

    action = "keberatan.tanggapan_pemohon"
    form_class = TanggapanPemohonForm
    success_message = _("Tanggapan pemohon dicatat.")

    def perform(self, data):
        workflow.keberatan_record_reply(
            keberatan_id=self.keberatan.pk, actor=self.request.user, tanggapan=data["tanggapan"]
        )


class KeberatanBuktiStafView(ActionRequiredMixin, StaffKeberatanMixin, View):
    """Desk, PPID, Atasan: the keberatan receipt."""

    action = "keberatan.lihat"

    def get(self, request, pk: int):
        response = HttpResponse(
            documents.tanda_bukti_keberatan_pdf(self.keberatan), content_type="application/pdf"
        )
        response["Content-Disposition"] = 'inline; filename="tanda-bukti-keberatan.pdf"'
        return response


class TanggapanStafView(ActionRequiredMixin, StaffKeberatanMixin, View):
    """Desk, PPID, Atasan: the Atasan's answer PDF."""

    action = "keberatan.lihat"

    def get(self, request, pk: int):
        if self.keberatan.berkas_tanggapan is None:
            raise Http404
        return file_response(self.keberatan.berkas_tanggapan, actor=request.user, inline=True)


class KuasaView(ActionRequiredMixin, StaffKeberatanMixin, View):
    """Desk, PPID, Atasan: the power of attorney of a keberatan; every view is audited."""

    action = "permohonan.identitas"

    def get(self, request, pk: int):
        if self.keberatan.berkas_kuasa is None:
            raise Http404
        return file_response(
            self.keberatan.berkas_kuasa,
            actor=request.user,
            inline=True,
            reason=_("Surat kuasa keberatan %(n)s") % {"n": self.keberatan.nomor},
        )


class SengketaCreateView(ActionRequiredMixin, StaffPermohonanMixin, FormView):
    """PPID, Atasan PPID: record a dispute at the Komisi Informasi or a court."""

    action = "sengketa.catat"
    template_name = "permohonan/sengketa_form.html"
    form_class = SengketaForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "permohonan": self.permohonan}

    def get_initial(self):
        latest = self.permohonan.keberatan_set.filter(status=Keberatan.Status.DIPUTUS).first()
        return {"keberatan": latest, "tahap": Sengketa.Tahap.MEDIASI}

    def get_context_data(self, **kwargs):
        return super().get_context_data(p=self.permohonan, **kwargs)

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        keberatan = data.pop("keberatan", None)
        try:
            workflow.sengketa_record(
                permohonan_id=self.permohonan.pk,
                actor=self.request.user,
                values=data,
                keberatan_id=keberatan.pk if keberatan else None,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Sengketa dicatat."))
        return redirect(self.detail_url())


class SengketaUpdateView(ActionRequiredMixin, FormView):
    """PPID, Atasan PPID: record the next stage or the result of a dispute."""

    action = "sengketa.catat"
    template_name = "permohonan/sengketa_form.html"
    form_class = SengketaForm

    @cached_property
    def sengketa(self) -> Sengketa:
        return get_object_or_404(
            Sengketa.objects.select_related("permohonan"), pk=self.kwargs["pk"]
        )

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "permohonan": self.sengketa.permohonan,
            "with_keberatan": False,
        }

    def get_initial(self):
        s = self.sengketa
        return {field: getattr(s, field) for field in workflow.SENGKETA_FIELDS}

    def get_context_data(self, **kwargs):
        return super().get_context_data(p=self.sengketa.permohonan, s=self.sengketa, **kwargs)

    def form_valid(self, form):
        try:
            workflow.sengketa_update(
                sengketa_id=self.sengketa.pk, actor=self.request.user, values=form.cleaned_data
            )
        except ValidationError as exc:
            apply_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Sengketa diperbarui."))
        return redirect(self.sengketa.permohonan.get_absolute_url())
