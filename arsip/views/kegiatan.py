"""Dokumentasi kegiatan: the public pages (only records marked public) and the staff pages."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView, View

from ppid_portal.access import ActionRequiredMixin, can
from ppid_portal.files import file_response

from .. import selectors
from ..forms import (
    KegiatanFilterForm,
    KegiatanForm,
    KegiatanPublikFilterForm,
    LampiranForm,
    TautanForm,
)
from ..models import Kegiatan, LampiranKegiatan, TautanKegiatan
from ..services import kegiatan as services
from .base import FilterMixin, ServiceFormMixin

# --- Public -------------------------------------------------------------------------------------


class KegiatanPublikListView(ActionRequiredMixin, FilterMixin, ListView):
    """Anyone: the activity records marked public."""

    action = "arsip.kegiatan.public"
    template_name = "arsip/kegiatan_publik_list.html"
    context_object_name = "kegiatan_list"
    filter_form_class = KegiatanPublikFilterForm
    paginate_by = 20

    def get_queryset(self):
        return selectors.kegiatan_filter(selectors.kegiatan_publik(), **self.get_filters())


class KegiatanPublikDetailView(ActionRequiredMixin, DetailView):
    """Anyone: one public record with its public attachments; an internal one is a 404."""

    action = "arsip.kegiatan.public"
    template_name = "arsip/kegiatan_publik_detail.html"
    context_object_name = "kegiatan"

    def get_queryset(self):
        return selectors.kegiatan_publik()


class LampiranPublikView(ActionRequiredMixin, View):
    """Anyone: a public attachment of a public record (photos shown inline)."""

    action = "arsip.kegiatan.public"

    def get(self, request, pk, lampiran_pk):
        lampiran = get_object_or_404(
            LampiranKegiatan.objects.select_related("berkas"),
            pk=lampiran_pk,
            kegiatan_id=pk,
            kegiatan__publik=True,
            publik=True,
        )
        return file_response(
            lampiran.berkas,
            actor=request.user,
            inline=lampiran.is_image and bool(request.GET.get("tampil")),
        )


# --- Staff --------------------------------------------------------------------------------------


class KegiatanStafListView(ActionRequiredMixin, FilterMixin, ListView):
    """Staff of every role: all activity records, public and internal, with filters."""

    action = "arsip.kegiatan.view"
    template_name = "arsip/kegiatan_staf_list.html"
    context_object_name = "kegiatan_list"
    filter_form_class = KegiatanFilterForm
    paginate_by = 30

    def get_queryset(self):
        return selectors.kegiatan_filter(selectors.kegiatan_list(), **self.get_filters())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["boleh_kelola"] = can(self.request.user, "arsip.kegiatan.manage")
        return context


class KegiatanStafDetailView(ActionRequiredMixin, DetailView):
    """Staff of every role: one record with all its attachments and links."""

    action = "arsip.kegiatan.view"
    template_name = "arsip/kegiatan_staf_detail.html"
    context_object_name = "kegiatan"

    def get_queryset(self):
        return selectors.kegiatan_staf_detail_qs()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["boleh_kelola"] = can(self.request.user, "arsip.kegiatan.manage")
        context["tautan_tersedia"] = bool(selectors.tautan_models())
        return context


class KegiatanCreateView(ActionRequiredMixin, ServiceFormMixin, FormView):
    """Desk and PPID: record an activity, meeting or decision."""

    action = "arsip.kegiatan.manage"
    template_name = "arsip/kegiatan_form.html"
    form_class = KegiatanForm

    def perform(self, form):
        return services.kegiatan_create(actor=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        messages.success(self.request, _("Dokumentasi kegiatan dicatat."))
        return reverse("arsip:kegiatan_staf_detail", args=[self.result.pk])


class KegiatanObjectMixin:
    def dispatch(self, request, *args, **kwargs):
        self.kegiatan = get_object_or_404(Kegiatan, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(kegiatan=self.kegiatan, **kwargs)

    def get_success_url(self):
        return reverse("arsip:kegiatan_staf_detail", args=[self.kegiatan.pk])


class KegiatanUpdateView(ActionRequiredMixin, KegiatanObjectMixin, ServiceFormMixin, FormView):
    """Desk and PPID: correct a record or change whether it is public."""

    action = "arsip.kegiatan.manage"
    template_name = "arsip/kegiatan_form.html"
    form_class = KegiatanForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.kegiatan}

    def perform(self, form):
        return services.kegiatan_update(
            kegiatan=self.kegiatan, actor=self.request.user, **form.cleaned_data
        )

    def get_success_url(self):
        messages.success(self.request, _("Dokumentasi kegiatan diperbarui."))
        return super().get_success_url()


class LampiranCreateView(ActionRequiredMixin, KegiatanObjectMixin, ServiceFormMixin, FormView):
    """Desk and PPID: attach a photo, the minutes or a recording."""

    action = "arsip.kegiatan.manage"
    template_name = "arsip/lampiran_form.html"
    form_class = LampiranForm

    def perform(self, form):
        data = form.cleaned_data
        return services.lampiran_add(
            kegiatan=self.kegiatan,
            upload=data["berkas"],
            actor=self.request.user,
            jenis=data["jenis"],
            keterangan=data["keterangan"],
            publik=data["publik"],
        )

    def get_success_url(self):
        messages.success(self.request, _("Lampiran diunggah."))
        return super().get_success_url()


class LampiranStafView(ActionRequiredMixin, View):
    """Staff of every role: any attachment of any record."""

    action = "arsip.kegiatan.view"

    def get(self, request, pk, lampiran_pk):
        lampiran = get_object_or_404(
            LampiranKegiatan.objects.select_related("berkas"), pk=lampiran_pk, kegiatan_id=pk
        )
        return file_response(
            lampiran.berkas,
            actor=request.user,
            inline=lampiran.is_image and bool(request.GET.get("tampil")),
        )


class KegiatanTautanCreateView(
    ActionRequiredMixin, KegiatanObjectMixin, ServiceFormMixin, FormView
):
    """Desk and PPID: link a record to a DIP entry or a request."""

    action = "arsip.kegiatan.manage"
    template_name = "arsip/tautan_form.html"
    form_class = TautanForm

    def perform(self, form):
        return services.kegiatan_link(
            kegiatan=self.kegiatan, actor=self.request.user, **form.cleaned_data
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            pemilik=self.kegiatan,
            kembali=reverse("arsip:kegiatan_staf_detail", args=[self.kegiatan.pk]),
            **kwargs,
        )

    def get_success_url(self):
        messages.success(self.request, _("Tautan ditambahkan."))
        return super().get_success_url()


class KegiatanTautanDeleteView(ActionRequiredMixin, View):
    """Desk and PPID: remove a link (POST only)."""

    action = "arsip.kegiatan.manage"
    http_method_names = ["post"]

    def post(self, request, pk, tautan_pk):
        tautan = get_object_or_404(
            TautanKegiatan.objects.select_related("kegiatan", "content_type"),
            pk=tautan_pk,
            kegiatan_id=pk,
        )
        services.kegiatan_unlink(tautan=tautan, actor=request.user)
        messages.success(request, _("Tautan dihapus."))
        return redirect("arsip:kegiatan_staf_detail", pk=pk)
