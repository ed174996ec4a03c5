"""Citizen pages (no staff role): the online request form, tracking by code or link, the
receipt, notices and documents of one's own request, completing or withdrawing it, filing and
withdrawing a keberatan, and the citizen's account with the list of their requests."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from ppid_portal.access import ActionRequiredMixin
from ppid_portal.files import file_response

from .. import documents, selectors, tracking, workflow
from ..forms import (
    AlasanForm,
    DaftarAkunForm,
    KeberatanForm,
    LacakForm,
    LengkapiForm,
    PermohonanForm,
    apply_errors,
)
from ..models import DokumenPermohonan, Keberatan, Permohonan, SurveiKepuasan
from ..selectors import attach_deadlines
from .mixins import PS, ApplicantPageMixin, _applicant_or_404, limited, too_many

# ---------------------------------------------------------------------------------------------
# Public: request, track, complete, withdraw, object


class PermohonanCreateView(FormView):
    """Public (anyone, no account): the online request form. Rate limited per address."""

    template_name = "permohonan/permohonan_form.html"
    form_class = PermohonanForm

    def get_initial(self):
        user = self.request.user
        if user.is_authenticated:
            return {"nama": user.get_full_name(), "email": user.email, "telepon": user.telepon}
        return {}

    def post(self, request, *args, **kwargs):
        if limited(request, "ajukan"):
            return too_many(request)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            permohonan, code = workflow.permohonan_submit(
                actor=self.request.user,
                kanal=Permohonan.Kanal.ONLINE,
                data=data,
                berkas_identitas=data.get("berkas_identitas"),
                persetujuan=data["persetujuan"],
                aturan=data.get("aturan"),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
            return self.form_invalid(form)
        tracking.grant(self.request, permohonan)
        tracking.remember_new_code(self.request, permohonan, code)
        return redirect("permohonan:terkirim", pk=permohonan.pk)


class PermohonanTerkirimView(ApplicantPageMixin, TemplateView):
    """The applicant who just submitted (session): number, code, link, receipt."""

    template_name = "permohonan/permohonan_terkirim.html"

    def get_context_data(self, **kwargs):
        permohonan, _actor = _applicant_or_404(self.request, self.kwargs["pk"])
        code = tracking.new_code_for(self.request, permohonan)
        return super().get_context_data(
            p=permohonan,
            kode=code,
            tautan=tracking.tracking_link(code) if code else "",
            **kwargs,
        )


class LacakView(ApplicantPageMixin, FormView):
    """Public: track a request with its number and code. A wrong number and a wrong code give
    the same answer; attempts are rate limited per address."""

    template_name = "permohonan/lacak.html"
    form_class = LacakForm

    def get_initial(self):
        return {"nomor": self.request.GET.get("nomor", "")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["next"] = self.request.GET.get("next") or self.request.POST.get("next", "")
        return context

    def post(self, request, *args, **kwargs):
        if limited(request, "lacak"):
            return too_many(request)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        permohonan = tracking.verify(form.cleaned_data["nomor"], form.cleaned_data["kode"])
        if permohonan is None:
            form.add_error(None, _("Nomor pendaftaran atau kode pelacakan tidak cocok."))
            return self.form_invalid(form)
        tracking.grant(self.request, permohonan)
        if self.request.POST.get("next") == "keberatan":
            return redirect("permohonan:keberatan_ajukan", pk=permohonan.pk)
        return redirect("permohonan:lacak_detail", pk=permohonan.pk)


class LacakTautanView(ApplicantPageMixin, View):
    """Public: the private link from the e-mail. Rate limited like the form."""

    def get(self, request, kode: str):
        if limited(request, "lacak"):
            return too_many(request)
        permohonan = tracking.find_by_secret(kode)
        if permohonan is None:
            return render(
                request,
                "permohonan/lacak.html",
                {
                    "form": LacakForm(),
                    "gagal": _("Nomor pendaftaran atau kode pelacakan tidak cocok."),
                },
            )
        tracking.grant(request, permohonan)
        return redirect("permohonan:lacak_detail", pk=permohonan.pk)


class LacakDetailView(ApplicantPageMixin, TemplateView):
    """The applicant (proven code, or the owning account): status, history, due dates,
    decisions, documents, keberatan."""

    template_name = "permohonan/lacak_detail.html"

    def get_context_data(self, **kwargs):
        permohonan, actor = _applicant_or_404(self.request, self.kwargs["pk"])
        today = timezone.localdate()
        attach_deadlines([permohonan], today=today)
        keputusan = list(
            permohonan.keputusan_set.prefetch_related("dokumen__berkas").order_by("tanggal", "id")
        )
        keberatan = list(permohonan.keberatan_set.order_by("tanggal_diajukan", "id"))
        attach_deadlines(keberatan, today=today)
        ground, last_day = workflow.keberatan_window(permohonan, today)
        open_keberatan = any(k.status == Keberatan.Status.DIAJUKAN for k in keberatan)
        sudah_survei = SurveiKepuasan.objects.filter(permohonan=permohonan).exists()
        return super().get_context_data(
            p=permohonan,
            keputusan_list=keputusan,
            keberatan_list=keberatan,
            riwayat=selectors.public_history(permohonan),
            bisa_keberatan=bool(
                last_day
                and today <= last_day
                and not open_keberatan
                and permohonan.status not in (PS.DITARIK, PS.GUGUR)
            ),
            batas_keberatan=last_day,
            bisa_tarik=permohonan.is_open,
            sudah_survei=sudah_survei,
            bisa_survei=permohonan.status == PS.SELESAI and not sudah_survei,
            tarik_form=AlasanForm(),
            kode=tracking.new_code_for(self.request, permohonan),
            **kwargs,
        )


class TandaBuktiPublikView(ApplicantPageMixin, View):
    """The applicant: the receipt (with the code only in the session that just submitted)."""

    def get(self, request, pk: int):
        permohonan, _actor = _applicant_or_404(request, pk)
        code = tracking.new_code_for(request, permohonan)
        response = HttpResponse(
            documents.tanda_bukti_pdf(permohonan, code=code), content_type="application/pdf"
        )
        response["Content-Disposition"] = 'inline; filename="tanda-bukti-permohonan.pdf"'
        return response


class PemberitahuanPublikView(ApplicantPageMixin, View):
    """The applicant: the written notice; the first download is recorded as delivery."""

    def get(self, request, pk: int, kid: int):
        permohonan, actor = _applicant_or_404(request, pk)
        keputusan = get_object_or_404(permohonan.keputusan_set, pk=kid)
        workflow.record_applicant_download(actor=actor, keputusan_id=keputusan.pk)
        return file_response(keputusan.berkas_pdf, actor=actor.user, inline=False)


class DokumenPublikView(ApplicantPageMixin, View):
    """The applicant: a document a decision gave them (never one it did not); recorded as
    delivered."""

    def get(self, request, pk: int, did: int):
        permohonan, actor = _applicant_or_404(request, pk)
        dokumen = get_object_or_404(
            DokumenPermohonan.objects.filter(permohonan=permohonan, keputusan_set__isnull=False)
            .select_related("berkas")
            .distinct(),
            pk=did,
        )
        workflow.record_applicant_download(actor=actor, dokumen_id=dokumen.pk)
        return file_response(dokumen.berkas, actor=actor.user)


class LengkapiView(ApplicantPageMixin, FormView):
    """The applicant: complete a request marked perlu dilengkapi."""

    template_name = "permohonan/lengkapi_form.html"
    form_class = LengkapiForm

    @cached_property
    def access(self):
        return _applicant_or_404(self.request, self.kwargs["pk"])

    def dispatch(self, request, *args, **kwargs):
        permohonan, _actor = self.access
        if permohonan.status != PS.PERLU_DILENGKAPI:
            messages.info(request, _("Permohonan ini tidak sedang menunggu dilengkapi."))
            return redirect("permohonan:lacak_detail", pk=permohonan.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        p = self.access[0]
        return {
            "rincian_informasi": p.rincian_informasi,
            "tujuan_penggunaan": p.tujuan_penggunaan,
            "alamat": p.alamat,
            "pekerjaan": p.pekerjaan,
            "telepon": p.telepon,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(p=self.access[0], **kwargs)

    def form_valid(self, form):
        permohonan, actor = self.access
        data = dict(form.cleaned_data)
        upload = data.pop("berkas_identitas", None)
        if not data.get("nik"):
            data.pop("nik", None)
        try:
            workflow.permohonan_complete(
                permohonan_id=permohonan.pk, actor=actor, data=data, berkas_identitas=upload
            )
        except ValidationError as exc:
            apply_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Terima kasih, permohonan Anda telah dilengkapi."))
        return redirect("permohonan:lacak_detail", pk=permohonan.pk)


class TarikPublikView(ApplicantPageMixin, View):
    """The applicant (POST): withdraw the request."""

    http_method_names = ["post"]

    def post(self, request, pk: int):
        permohonan, actor = _applicant_or_404(request, pk)
        form = AlasanForm(request.POST)
        form.is_valid()
        try:
            workflow.permohonan_withdraw(
                permohonan_id=permohonan.pk,
                actor=actor,
                alasan=form.cleaned_data.get("alasan", ""),
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Permohonan Anda telah ditarik."))
        return redirect("permohonan:lacak_detail", pk=permohonan.pk)


class KeberatanPublikView(ApplicantPageMixin, FormView):
    """The applicant: file a keberatan within the window (rate limited per address)."""

    template_name = "permohonan/keberatan_form.html"
    form_class = KeberatanForm

    @cached_property
    def access(self):
        return _applicant_or_404(self.request, self.kwargs["pk"])

    def get_initial(self):
        return {"tujuan_penggunaan": self.access[0].tujuan_penggunaan}

    def get_context_data(self, **kwargs):
        permohonan = self.access[0]
        ground, last_day = workflow.keberatan_window(permohonan, timezone.localdate())
        return super().get_context_data(
            p=permohonan, batas_keberatan=last_day, publik=True, **kwargs
        )

    def post(self, request, *args, **kwargs):
        self.access  # noqa: B018 - 404 before counting an attempt of a stranger
        if limited(request, "keberatan"):
            return too_many(request)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        permohonan, actor = self.access
        data = form.cleaned_data
        try:
            workflow.keberatan_submit(
                permohonan_id=permohonan.pk,
                actor=actor,
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
        messages.success(
            self.request,
            _("Keberatan Anda telah diterima. Tanda bukti dapat diunduh di bawah ini."),
        )
        return redirect("permohonan:lacak_detail", pk=permohonan.pk)


class KeberatanTarikPublikView(ApplicantPageMixin, View):
    """The applicant (POST): withdraw their open keberatan."""

    http_method_names = ["post"]

    def post(self, request, pk: int, kid: int):
        permohonan, actor = _applicant_or_404(request, pk)
        keberatan = get_object_or_404(permohonan.keberatan_set, pk=kid)
        form = AlasanForm(request.POST)
        form.is_valid()
        try:
            workflow.keberatan_withdraw(
                keberatan_id=keberatan.pk, actor=actor, alasan=form.cleaned_data.get("alasan", "")
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Keberatan Anda telah ditarik."))
        return redirect("permohonan:lacak_detail", pk=permohonan.pk)


class KeberatanBuktiPublikView(ApplicantPageMixin, View):
    """The applicant: the keberatan receipt."""

    def get(self, request, pk: int, kid: int):
        permohonan, _actor = _applicant_or_404(request, pk)
        keberatan = get_object_or_404(permohonan.keberatan_set, pk=kid)
        response = HttpResponse(
            documents.tanda_bukti_keberatan_pdf(keberatan), content_type="application/pdf"
        )
        response["Content-Disposition"] = 'inline; filename="tanda-bukti-keberatan.pdf"'
        return response


class TanggapanPublikView(ApplicantPageMixin, View):
    """The applicant: the Atasan's written answer."""

    def get(self, request, pk: int, kid: int):
        permohonan, actor = _applicant_or_404(request, pk)
        keberatan = get_object_or_404(
            permohonan.keberatan_set.exclude(berkas_tanggapan=None), pk=kid
        )
        return file_response(keberatan.berkas_tanggapan, actor=actor.user, inline=False)


class KeberatanMulaiView(TemplateView):
    """Public: how to file a keberatan; the number and code lead to the form."""

    template_name = "permohonan/keberatan_mulai.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        own = list(selectors.own_requests(user)[:50]) if user.is_authenticated else []
        return super().get_context_data(form=LacakForm(), own=own, **kwargs)


class DaftarAkunView(FormView):
    """Public: sign up as a citizen (optional; requests need no account)."""

    template_name = "permohonan/akun_daftar.html"
    form_class = DaftarAkunForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect("permohonan:saya")
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if limited(request, "daftar"):
            return too_many(request)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        user = form.save()
        login(self.request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(self.request, _("Akun Anda telah dibuat."))
        return redirect("permohonan:saya")


class PermohonanSayaView(ActionRequiredMixin, ListView):
    """A signed-in account: all requests made while signed in."""

    action = "permohonan.saya"
    template_name = "permohonan/saya.html"
    paginate_by = 25

    def get_queryset(self):
        return selectors.own_requests(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        attach_deadlines(context["object_list"])
        return context
