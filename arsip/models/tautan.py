"""Links from archive records to objects of other apps (DIP entries, requests), kept generic so
the arsip app does not depend on those apps being installed."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TautanBase(models.Model):
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("jenis objek"), on_delete=models.PROTECT, related_name="+"
    )
    object_id = models.CharField(_("ID objek"), max_length=64)
    target = GenericForeignKey("content_type", "object_id")
    keterangan = models.CharField(_("keterangan"), max_length=200, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)

    class Meta:
        abstract = True

    def target_label(self) -> str:
        target = self.target
        if target is None:
            return _("%(jenis)s #%(id)s (tidak ditemukan)") % {
                "jenis": self.content_type.name,
                "id": self.object_id,
            }
        return str(target)

    def target_url(self) -> str:
        target = self.target
        get_url = getattr(target, "get_absolute_url", None)
        return get_url() if callable(get_url) else ""
