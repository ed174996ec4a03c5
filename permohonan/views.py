"""Pages of requests and objections: public intake and tracking, the citizen's own list, and the
staff pages (desk, PPID, Penyedia, Atasan). Thin: reads through `selectors`, writes through
`workflow`/`services`, permissions through `ppid_portal.access`."""

from __future__ import annotations

from datetime import datetime, time

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView, ListView, TemplateView

from ppid_portal import audit, ratelimit
from ppid_portal.access import ActionRequiredMixin, can, has_role
from ppid_portal.calendar import load_holidays
from ppid_portal.documents import pdf_response, xlsx_response
from ppid_portal.files import file_response
from ppid_portal.models import HariLibur

from . import conf, documents, selectors, services, tracking, workflow
from .forms import (
    AlasanForm,
    AturanForm,
    DaftarAkunForm,
    DeskPermohonanForm,
    DisposisiForm,
    HapusLiburForm,
    HariLiburForm,
    JawabUnitForm,
    KeberatanForm,
    KeberatanPutusForm,
    KeputusanForm,
    LacakForm,
    LengkapiForm,
    MintaUlangForm,
    PenyampaianForm,
    PerluDilengkapiForm,
    PermohonanForm,
    PerpanjangForm,
    RegisterFilterForm,
    SengketaForm,
    TahunForm,
    TanggapanPemohonForm,
    apply_errors,
)
from .models import (
    AturanTenggat,
    Disposisi,
    DokumenPermohonan,
    Keberatan,
    Keputusan,
    Permohonan,
    Sengketa,
    SurveiKepuasan,
)
from .queues import QUEUES
from .selectors import attach_deadlines

PS = Permohonan.Status


def limited(request, scope: str) -> bool:
    """Count one attempt of `scope` for the client's address; True when over the limit."""
    limit, window = conf.batas(scope)
    return not ratelimit.hit(scope, ratelimit.client_ip(request), limit=limit, window=window)


def too_many(request) -> HttpResponse:
    return render(request, "permohonan/batas.html", status=429)


def _applicant_or_404(request, pk: int) -> tuple[Permohonan, tracking.Pemohon]:
    # The decision in force is read by every applicant page (keberatan window, notice).
    permohonan = Permohonan.objects.filter(pk=pk).select_related("keputusan_aktif").first()
    actor = tracking.applicant_for(request, permohonan) if permohonan else None
    if actor is None:
        # The same answer for a request that does not exist and one that is not yours.
        raise Http404
    return permohonan, actor


class ApplicantPageMixin:
    """Pages with the applicant's data, reached by the tracking code without an account: never
    kept by browsers or proxies (the portal's middleware does this only for signed-in users)."""

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        add_never_cache_headers(response)
        response["Cache-Control"] = "private, no-store, no-cache, must-revalidate, max-age=0"
        return response


def _received_at(day) -> datetime:
    if day == timezone.localdate():
        return timezone.now()
    return timezone.make_aware(datetime.combine(day, time(12, 0)))


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


# ---------------------------------------------------------------------------------------------
# Staff: helpers


class StaffPermohonanMixin:
    """The request of the URL among those the user may open (404 otherwise)."""

    pk_url_kwarg = "pk"

    @cached_property
    def permohonan(self) -> Permohonan:
        return get_object_or_404(
            selectors.permohonan_visible_to(self.request.user), pk=self.kwargs[self.pk_url_kwarg]
        )

    def detail_url(self) -> str:
        return reverse("permohonan:detail", args=[self.permohonan.pk])


class StaffPostView(ActionRequiredMixin, View):
    """POST-only staff step: validate a small form, call one workflow function, report the
    outcome as a message and go back to the detail page."""

    http_method_names = ["post"]
    form_class = None
    success_message = ""

    def get_form(self):
        return self.form_class(self.request.POST, self.request.FILES) if self.form_class else None

    def perform(self, data: dict):
        raise NotImplementedError

    def redirect_url(self) -> str:
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form is not None and not form.is_valid():
            for errors in form.errors.values():
                for message in errors:
                    messages.error(request, message)
            return HttpResponseRedirect(self.redirect_url())
        try:
            self.perform(form.cleaned_data if form is not None else {})
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            if self.success_message:
                messages.success(request, self.success_message)
        return HttpResponseRedirect(self.redirect_url())


class PermohonanPostView(StaffPermohonanMixin, StaffPostView):
    def redirect_url(self) -> str:
        return self.detail_url()


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

    def perform(self, data):
        workflow.permohonan_verify(permohonan_id=self.permohonan.pk, actor=self.request.user)


class PerluDilengkapiView(PermohonanPostView):
    """Desk, PPID (POST): ask the applicant to complete the request."""

    action = "permohonan.periksa"
    form_class = PerluDilengkapiForm
    success_message = _("Pemohon diminta melengkapi permohonan.")

    def perform(self, data):
        workflow.permohonan_request_completion(
            permohonan_id=self.permohonan.pk, actor=self.request.user, kekurangan=data["kekurangan"]
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

    def perform(self, data):
        workflow.permohonan_lapse(
            permohonan_id=self.permohonan.pk, actor=self.request.user, alasan=data.get("alasan")
        )


class DisposisiView(PermohonanPostView):
    """PPID (POST): assign the request to one or more units."""

    action = "permohonan.disposisi"
    success_message = _("Disposisi dikirim ke unit kerja.")

    def get_form(self):
        return DisposisiForm(self.request.POST, permohonan=self.permohonan)

    def perform(self, data):
        workflow.permohonan_assign(
            permohonan_id=self.permohonan.pk,
            actor=self.request.user,
            units=list(data["units"]),
            catatan=data.get("catatan", ""),
        )


class PerpanjangView(PermohonanPostView):
    """PPID (POST): extend the notice period once."""

    action = "permohonan.perpanjang"
    success_message = _("Jangka waktu pemberitahuan diperpanjang.")

    def get_form(self):
        return PerpanjangForm(self.request.POST, maks=self.permohonan.rules.perpanjangan_maks)

    def perform(self, data):
        workflow.permohonan_extend(
            permohonan_id=self.permohonan.pk,
            actor=self.request.user,
            hari=data["hari"],
            alasan=data["alasan"],
        )


class TarikDeskView(PermohonanPostView):
    """Desk (POST): record the applicant's withdrawal."""

    action = "permohonan.tarik_desk"
    form_class = AlasanForm
    success_message = _("Penarikan permohonan dicatat.")

    def perform(self, data):
        workflow.permohonan_withdraw(
            permohonan_id=self.permohonan.pk, actor=self.request.user, alasan=data.get("alasan")
        )


class KodeBaruView(ActionRequiredMixin, StaffPermohonanMixin, View):
    """Desk, PPID (POST): issue a new tracking code (the old one stops working)."""

    action = "permohonan.kode_baru"
    http_method_names = ["post"]

    def post(self, request, pk: int):
        permohonan, code = workflow.permohonan_reset_code(
            permohonan_id=self.permohonan.pk, actor=request.user
        )
        tracking.remember_new_code(request, permohonan, code)
        return redirect("permohonan:tercatat", pk=permohonan.pk)


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


class MintaUlangView(StaffPostView):
    """PPID (POST): ask a unit again."""

    action = "permohonan.disposisi"
    form_class = MintaUlangForm
    success_message = _("Unit diminta menjawab kembali.")

    @cached_property
    def disposisi(self) -> Disposisi:
        return get_object_or_404(Disposisi, pk=self.kwargs["pk"])

    def redirect_url(self) -> str:
        return reverse("permohonan:detail", args=[self.disposisi.permohonan_id])

    def perform(self, data):
        workflow.disposisi_reopen(
            disposisi_id=self.disposisi.pk, actor=self.request.user, catatan=data["catatan"]
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


class PemberitahuanStafView(ActionRequiredMixin, View):
    """Desk, PPID, Atasan; Penyedia of an assigned unit: the written notice PDF."""

    action = "permohonan.lihat"

    def get(self, request, pk: int):
        keputusan = get_object_or_404(
            Keputusan.objects.filter(permohonan__in=selectors.permohonan_visible_to(request.user)),
            pk=pk,
        )
        return file_response(keputusan.berkas_pdf, actor=request.user, inline=True)


class PenyampaianView(StaffPostView):
    """Desk, PPID (POST): record the delivery of a notice."""

    action = "permohonan.penyampaian"
    form_class = PenyampaianForm
    success_message = _("Penyampaian dicatat.")

    @cached_property
    def keputusan(self) -> Keputusan:
        return get_object_or_404(Keputusan, pk=self.kwargs["pk"])

    def redirect_url(self) -> str:
        return reverse("permohonan:detail", args=[self.keputusan.permohonan_id])

    def perform(self, data):
        workflow.keputusan_record_delivery(
            keputusan_id=self.keputusan.pk,
            actor=self.request.user,
            tanggal=data["tanggal"],
            cara=data["cara"],
        )


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
            selectors.keberatan_visible_to(self.request.user).select_related("permohonan"),
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


# ---------------------------------------------------------------------------------------------
# Staff: queues and registers


class QueueView(ActionRequiredMixin, ListView):
    """The roles of the queue: every item of one work queue, with due dates."""

    template_name = "permohonan/antrean.html"
    paginate_by = 25
    queue_key = ""

    @property
    def action(self) -> str:
        return "portal.dashboard.view"

    def dispatch(self, request, *args, **kwargs):
        title, roles, query, _url, _order = QUEUES[self.queue_key]
        if request.user.is_authenticated and not has_role(request.user, *roles):
            raise PermissionDenied(_("Antrean ini bukan untuk peran Anda."))
        self.title, self.query = title, query
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return self.query(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        attach_deadlines(context["object_list"])
        context["title"] = self.title
        context["queue_key"] = self.queue_key
        return context


class RegisterMixin(ActionRequiredMixin):
    action = "permohonan.register"
    jenis = "permohonan"
    paginate_by = 50

    @cached_property
    def filter_form(self) -> RegisterFilterForm:
        return RegisterFilterForm(self.request.GET or None, jenis=self.jenis)

    def filters(self) -> dict:
        form = self.filter_form
        if form.is_bound and form.is_valid():
            return {k: v for k, v in form.cleaned_data.items() if v}
        return {}

    def get(self, request, *args, **kwargs):
        export = request.GET.get("ekspor")
        if export in ("xlsx", "pdf"):
            return self.export(export)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        query.pop("ekspor", None)
        context.update(
            filter_form=self.filter_form,
            query_string=query.urlencode(),
            today=timezone.localdate(),
        )
        return context

    def period_label(self) -> str:
        f = self.filters()
        if f.get("dari") or f.get("sampai"):
            return _("Periode %(a)s s.d. %(b)s") % {
                "a": f["dari"].strftime("%d-%m-%Y") if f.get("dari") else "…",
                "b": f["sampai"].strftime("%d-%m-%Y") if f.get("sampai") else "…",
            }
        return _("Semua periode")


class RegisterPermohonanView(RegisterMixin, ListView):
    """Desk, PPID, Atasan, Pembina: register permohonan (Perki columns), filters, XLSX/PDF."""

    template_name = "permohonan/register_permohonan.html"

    def get_queryset(self):
        return selectors.register_permohonan(self.filters(), user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        start = context["page_obj"].start_index() if context.get("page_obj") else 1
        context["header"] = selectors.PERMOHONAN_HEADER
        context["rows"] = [
            (p, selectors.permohonan_row(i, p))
            for i, p in enumerate(context["object_list"], start=start)
        ]
        return context

    def export(self, kind: str):
        rows = [selectors.permohonan_row(i, p) for i, p in enumerate(self.get_queryset(), start=1)]
        title = _("Register Permohonan Informasi Publik")
        if kind == "xlsx":
            return xlsx_response(
                "register-permohonan",
                [str(h) for h in selectors.PERMOHONAN_HEADER],
                rows,
                sheet_title=_("Register permohonan"),
                title_lines=[settings_office(), str(title), self.period_label()],
            )
        return pdf_response(
            "permohonan/pdf/register.html",
            {
                "judul": title,
                "periode": self.period_label(),
                "header": selectors.PERMOHONAN_HEADER,
                "rows": rows,
            },
            "register-permohonan",
        )


class RegisterKeberatanView(RegisterMixin, ListView):
    """Desk, PPID, Atasan, Pembina: register keberatan (Perki columns), filters, XLSX/PDF."""

    template_name = "permohonan/register_keberatan.html"
    jenis = "keberatan"

    def filters(self) -> dict:
        f = super().filters()
        if "hasil" in f:
            f["putusan"] = f.pop("hasil")
        return f

    def get_queryset(self):
        return selectors.register_keberatan(self.filters(), user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        start = context["page_obj"].start_index() if context.get("page_obj") else 1
        context["header"] = selectors.KEBERATAN_HEADER
        context["rows"] = [
            (kb, selectors.keberatan_row(i, kb))
            for i, kb in enumerate(context["object_list"], start=start)
        ]
        return context

    def export(self, kind: str):
        rows = [selectors.keberatan_row(i, kb) for i, kb in enumerate(self.get_queryset(), start=1)]
        title = _("Register Keberatan")
        if kind == "xlsx":
            return xlsx_response(
                "register-keberatan",
                [str(h) for h in selectors.KEBERATAN_HEADER],
                rows,
                sheet_title=_("Register keberatan"),
                title_lines=[settings_office(), str(title), self.period_label()],
            )
        return pdf_response(
            "permohonan/pdf/register.html",
            {
                "judul": title,
                "periode": self.period_label(),
                "header": selectors.KEBERATAN_HEADER,
                "rows": rows,
            },
            "register-keberatan",
        )


def settings_office() -> str:
    from django.conf import settings

    return settings.PPID_OFFICE_NAME


# ---------------------------------------------------------------------------------------------
# Staff: calendar and deadline profiles


class KalenderView(ActionRequiredMixin, FormView):
    """PPID: the office calendar of a year; add a holiday with a note."""

    action = "portal.kalender.manage"
    template_name = "permohonan/kalender.html"
    form_class = HariLiburForm

    @cached_property
    def tahun(self) -> int:
        form = TahunForm(self.request.GET or None)
        if form.is_bound and form.is_valid() and form.cleaned_data.get("tahun"):
            return form.cleaned_data["tahun"]
        return timezone.localdate().year

    def get_context_data(self, **kwargs):
        load_holidays([self.tahun])
        days = HariLibur.objects.filter(tanggal__year=self.tahun).order_by("tanggal")
        return super().get_context_data(
            tahun=self.tahun,
            hari_list=days,
            hapus_form=HapusLiburForm(),
            **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.holiday_add(
                actor=self.request.user,
                tanggal=data["tanggal"],
                nama=data["nama"],
                catatan=data["catatan"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Hari libur ditambahkan; tenggat dihitung ulang."))
        return redirect(f"{reverse('permohonan:kalender')}?tahun={data['tanggal'].year}")


class KalenderHapusView(StaffPostView):
    """PPID (POST): make a holiday a working day again, with a note."""

    action = "portal.kalender.manage"
    form_class = HapusLiburForm
    success_message = _("Tanggal dijadikan hari kerja; tenggat dihitung ulang.")

    @cached_property
    def day(self) -> HariLibur:
        return get_object_or_404(HariLibur, pk=self.kwargs["pk"])

    def redirect_url(self) -> str:
        return f"{reverse('permohonan:kalender')}?tahun={self.day.tanggal.year}"

    def perform(self, data):
        services.holiday_remove(
            actor=self.request.user, harilibur_id=self.day.pk, catatan=data["catatan"]
        )


class AturanListView(ActionRequiredMixin, ListView):
    """PPID: the deadline profiles."""

    action = "permohonan.aturan"
    template_name = "permohonan/aturan_list.html"

    def get_queryset(self):
        return AturanTenggat.objects.annotate(
            jumlah=Count("permohonan"),
            terbuka=Count("permohonan", filter=Q(permohonan__status__in=Permohonan.OPEN_STATES)),
        )


class AturanFormMixin(ActionRequiredMixin):
    action = "permohonan.aturan"
    template_name = "permohonan/aturan_form.html"
    form_class = AturanForm

    def form_valid(self, form):
        try:
            services.aturan_save(
                actor=self.request.user, aturan=form.instance, changed=list(form.changed_data)
            )
        except ValidationError as exc:
            apply_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Aturan tenggat disimpan."))
        return redirect("permohonan:aturan")


class AturanCreateView(AturanFormMixin, FormView):
    """PPID: add a deadline profile (e.g. Perki 1/2019 for election information)."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": AturanTenggat()}


class AturanUpdateView(AturanFormMixin, FormView):
    """PPID: edit a deadline profile; requests already received keep their numbers."""

    def get_form_kwargs(self):
        aturan = get_object_or_404(AturanTenggat, pk=self.kwargs["pk"])
        return {**super().get_form_kwargs(), "instance": aturan}
