"""Plumbing the informasi state machines share: the `Transition` record and its table builder,
the status aliases (E, V, U, PN), the refusal of a step from the wrong state, the row locks that
more than one machine takes, and small argument checks. No transition lives here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import InformasiPublik, PenetapanPengecualian, UjiKonsekuensi, VersiDIP

E = InformasiPublik.Status
V = VersiDIP.Status
U = UjiKonsekuensi.Status
PN = PenetapanPengecualian.Status


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset[str]
    target: str
    # The access action that decides who may make it; None for a step the system takes.
    action: str | None
    label: str


def _t(name, sources, target, action, label) -> Transition:
    return Transition(name, frozenset(sources), target, action, label)


def _refuse_state(transition: Transition, current: str, labels) -> None:
    if current not in transition.sources:
        raise ValidationError(
            _("Tindakan “%(action)s” tidak dapat dilakukan pada status “%(status)s”.")
            % {"action": transition.label, "status": labels(current).label}
        )


def _lock_entry(entry: InformasiPublik | int) -> InformasiPublik:
    pk = entry.pk if isinstance(entry, InformasiPublik) else entry
    return InformasiPublik.objects.select_for_update().select_related("unit").get(pk=pk)


def _required_text(value: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(message)
    return value


def _now(at: datetime | None) -> datetime:
    return at or timezone.now()


def _today(at: datetime | None) -> date:
    return timezone.localdate(_now(at))


def _person(actor) -> tuple[str, str]:
    return (actor.get_full_name() or actor.get_username()), (actor.jabatan or "")


def _lock_uji(uji: UjiKonsekuensi | int) -> UjiKonsekuensi:
    pk = uji.pk if isinstance(uji, UjiKonsekuensi) else uji
    return UjiKonsekuensi.objects.select_for_update().get(pk=pk)


def _lock_penetapan(penetapan: PenetapanPengecualian | int) -> PenetapanPengecualian:
    pk = penetapan.pk if isinstance(penetapan, PenetapanPengecualian) else penetapan
    return PenetapanPengecualian.objects.select_for_update().get(pk=pk)
