"""The daily expiry check of excepted information (`periksa_pengecualian`, seed 004): decrees
nearing the end of their period enter the PPID's queue with a priority; decrees past it end and
their information moves back to the open DIP."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ppid_portal import audit
from ppid_portal.calendar import holidays_around
from ppid_portal.roles import Role
from ppid_portal.workdays import working_days_between

from .. import conf, notify
from ..models import PembukaanInformasi, PenetapanPengecualian
from ._common import PN, _lock_penetapan
from .penetapan import _end_penetapan

# ----------------------------------------------------------------------------- expiry (cron)


SYSTEM_LABEL = "Sistem (periksa_pengecualian)"


@dataclass
class HasilPemeriksaan:
    """What one run of `periksa_pengecualian` did."""

    antrean_baru: list[PenetapanPengecualian] = field(default_factory=list)
    prioritas_naik: list[PenetapanPengecualian] = field(default_factory=list)
    dibuka: list[PenetapanPengecualian] = field(default_factory=list)


def computed_priority(left: int) -> int:
    tinggi, sedang = conf.hari_prioritas()
    if left <= tinggi:
        return PenetapanPengecualian.Prioritas.TINGGI
    if left <= sedang:
        return PenetapanPengecualian.Prioritas.SEDANG
    return PenetapanPengecualian.Prioritas.RENDAH


def check_expiry(*, today: date | None = None) -> HasilPemeriksaan:
    """The daily run (seed 004). Each decree in force whose period ends within 30 working days
    enters the PPID's queue with a priority (raised as the end nears, never lowered); each whose
    last day has passed ends, and its information moves back to the open DIP. Each decree is
    handled in its own transaction; running it twice on a day changes nothing more."""
    today = today or timezone.localdate()
    result = HasilPemeriksaan()
    window = conf.hari_antrean_pembukaan()
    holidays = holidays_around(today)
    # 30 working days never span more than about eight calendar weeks, even around Lebaran.
    horizon = today + timedelta(days=window * 3)
    candidates = PenetapanPengecualian.objects.filter(
        status=PN.BERLAKU, permanen=False, berakhir_pada__lte=horizon
    ).order_by("berakhir_pada", "id")
    for pk in candidates.values_list("pk", flat=True):
        with transaction.atomic():
            locked = _lock_penetapan(pk)
            if locked.status != PN.BERLAKU or locked.berakhir_pada is None:
                continue
            if today > locked.berakhir_pada:
                _end_penetapan(
                    locked,
                    "akhiri",
                    actor=None,
                    actor_label=SYSTEM_LABEL,
                    jenis=PembukaanInformasi.Jenis.MASA_BERAKHIR,
                    tanggal_putusan=locked.berakhir_pada + timedelta(days=1),
                    keterangan=_("Jangka waktu pengecualian berakhir pada %(t)s.")
                    % {"t": locked.berakhir_pada.strftime("%d-%m-%Y")},
                )
                result.dibuka.append(locked)
                continue
            left = working_days_between(today, locked.berakhir_pada, holidays)
            if left > window:
                continue
            priority = computed_priority(left)
            if locked.antrean_pada is None:
                locked.antrean_pada = today
                locked.prioritas = min(priority, locked.prioritas or priority)
                locked.save(update_fields=["antrean_pada", "prioritas"])
                audit.record(
                    actor=None, actor_label=SYSTEM_LABEL, obj=locked,
                    action="informasi.penetapan.antrean", from_state=locked.status,
                    to_state=locked.status,
                    note=_("%(n)s hari kerja lagi; prioritas %(p)s")
                    % {"n": left, "p": locked.get_prioritas_display()},
                )  # fmt: skip
                result.antrean_baru.append(locked)
            elif priority < (locked.prioritas or PenetapanPengecualian.Prioritas.RENDAH + 1):
                before = locked.get_prioritas_display()
                locked.prioritas = priority
                locked.save(update_fields=["prioritas"])
                audit.record(
                    actor=None, actor_label=SYSTEM_LABEL, obj=locked,
                    action="informasi.penetapan.prioritas", from_state=locked.status,
                    to_state=locked.status,
                    note=f"{before} → {locked.get_prioritas_display()} ({left})",
                )  # fmt: skip
                result.prioritas_naik.append(locked)
    if result.antrean_baru or result.dibuka:
        notify.send_on_commit(
            "pengecualian_diperiksa",
            notify.role_emails(Role.PPID),
            {"hasil": result, "tanggal": today},
        )
    return result
