"""Dashboard queues of the arsip app."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ppid_portal.dashboard import register_queue
from ppid_portal.roles import Role

from . import conf, selectors
from .models import LaporanCadangan, PemeriksaanArsip, TemuanPemeriksaan, UsulPemusnahan


@dataclass(frozen=True)
class Pengingat:
    """A queue entry that is a message rather than an object."""

    teks: str
    url: str

    def __str__(self) -> str:
        return self.teks

    def get_absolute_url(self) -> str:
        return self.url


def _temuan_terakhir():
    last = selectors.pemeriksaan_terakhir()
    if last is None or last.hasil == PemeriksaanArsip.Hasil.BAIK:
        return last, TemuanPemeriksaan.objects.none()
    return last, last.temuan.all()


class _Temuan:
    def __init__(self, finding: TemuanPemeriksaan):
        self.finding = finding

    def __str__(self) -> str:
        return f"{self.finding.get_jenis_display()}: {self.finding.path}"

    def get_absolute_url(self) -> str:
        return reverse("arsip:pemeriksaan_detail", args=[self.finding.pemeriksaan_id])


def _fixity_items(user, limit):
    last, findings = _temuan_terakhir()
    if last is None:
        return [
            Pengingat(
                _("Pemeriksaan keutuhan arsip belum pernah dijalankan."),
                reverse("arsip:pemeriksaan_list"),
            )
        ][:limit]
    if last.hasil == PemeriksaanArsip.Hasil.GAGAL:
        return [Pengingat(_("Pemeriksaan terakhir gagal dijalankan."), last.get_absolute_url())]
    return [_Temuan(f) for f in findings[:limit]]


def _fixity_count(user) -> int:
    last = selectors.pemeriksaan_terakhir()
    if last is None or last.hasil == PemeriksaanArsip.Hasil.GAGAL:
        return 1
    return last.jumlah_masalah


register_queue(
    "arsip.pemeriksaan",
    title=gettext_lazy("Masalah keutuhan arsip digital"),
    roles=[Role.PPID],
    items=_fixity_items,
    count=_fixity_count,
    url_name="arsip:pemeriksaan_list",
    order=60,
)


def _retensi_qs():
    today = timezone.localdate()
    return (
        selectors.item_list()
        .filter(status__in=["aktif", "inaktif"])
        .filter(
            # Due for its final disposition, or an active item due to move to inactive.
            Q(tanggal_nasib__lte=today) | Q(status="aktif", tanggal_inaktif__lte=today)
        )
        .annotate(dalam_usul=selectors.item_dalam_usul_terbuka())
        .filter(dalam_usul=False)
        .order_by("tanggal_nasib", "pk")
    )


register_queue(
    "arsip.retensi",
    title=gettext_lazy("Arsip jatuh tempo retensi"),
    roles=[Role.PPID, Role.DESK],
    items=lambda user, limit: list(_retensi_qs()[:limit]),
    count=lambda user: _retensi_qs().count(),
    url_name="arsip:retensi",
    order=61,
)


def _usul_qs():
    return UsulPemusnahan.objects.filter(status=UsulPemusnahan.Status.DIAJUKAN).order_by(
        "diusulkan_pada", "pk"
    )


register_queue(
    "arsip.usul",
    title=gettext_lazy("Usul pemusnahan arsip menunggu persetujuan"),
    roles=[Role.ATASAN],
    items=lambda user, limit: list(_usul_qs()[:limit]),
    count=lambda user: _usul_qs().count(),
    url_name="arsip:usul_list",
    order=62,
)


def _cadangan_items(user, limit):
    max_age = timedelta(days=conf.cadangan_maks_umur_hari())
    last_ok = (
        LaporanCadangan.objects.filter(
            jenis=LaporanCadangan.Jenis.CADANGAN, hasil=LaporanCadangan.Hasil.BERHASIL
        )
        .order_by("-mulai")
        .first()
    )
    items: list = []
    url = reverse("arsip:cadangan_list")
    if last_ok is None:
        items.append(Pengingat(_("Belum ada cadangan data yang berhasil."), url))
    elif timezone.now() - last_ok.mulai > max_age:
        items.append(
            Pengingat(
                _("Cadangan berhasil terakhir sudah %(hari)s hari yang lalu.")
                % {"hari": (timezone.now() - last_ok.mulai).days},
                url,
            )
        )
    since = last_ok.mulai if last_ok else None
    failed = LaporanCadangan.objects.filter(hasil=LaporanCadangan.Hasil.GAGAL)
    if since is not None:
        failed = failed.filter(mulai__gt=since)
    items.extend(failed.order_by("-mulai")[:limit])
    return items[:limit]


register_queue(
    "arsip.cadangan",
    title=gettext_lazy("Cadangan data perlu perhatian"),
    roles=[Role.PPID],
    items=_cadangan_items,
    count=lambda user: len(_cadangan_items(user, 100)),
    url_name="arsip:cadangan_list",
    order=63,
)
