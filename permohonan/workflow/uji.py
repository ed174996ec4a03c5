"""Consequence tests of the information a request asks for (UU 14/2008 Ps 17, 19; Perki 1/2021:
"uji konsekuensi ... ketika permohonan diterima").

The sheet and its state machine belong to `informasi` (`informasi.workflow.uji_propose` and
after); this module starts one for a request and keeps the link (`UjiPermohonan`), because
requests build on excepted information and not the reverse. One test at a time per request is
open: the partial unique constraint `permohonan_uji_satu_terbuka` keeps it in the database.
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from informasi import workflow as informasi_workflow
from informasi.models import UjiKonsekuensi
from ppid_portal.models import User

from ..models import Permohonan, UjiPermohonan
from ._common import _audit, _lock, _staff, _text


def _already_open() -> ValidationError:
    return ValidationError(
        _(
            "Masih ada uji konsekuensi yang belum selesai untuk informasi ini. Lanjutkan uji "
            "tersebut atau batalkan dahulu."
        )
    )


def open_test(p: Permohonan) -> UjiKonsekuensi | None:
    """The request's test still in draft or circulating, if any."""
    link = UjiPermohonan.objects.filter(permohonan=p, terbuka=True).select_related("uji").first()
    return link.uji if link is not None else None


def _new_test(
    p: Permohonan,
    *,
    actor: User,
    judul_informasi: str,
    usulan: str,
    alasan: str,
    at: datetime | None,
) -> UjiKonsekuensi:
    if open_test(p) is not None:
        raise _already_open()
    # The unit holding the information: the first unit the request was assigned to.
    first = p.disposisi.select_related("unit").order_by("pk").first()
    uji = informasi_workflow.uji_propose(
        actor=actor,
        atas_permintaan=True,
        judul_informasi=_text(judul_informasi) or p.rincian_informasi[:300],
        unit=first.unit if first else None,
        usulan=usulan,
        alasan=alasan,
        at=at,
    )
    try:
        with transaction.atomic():
            UjiPermohonan.objects.create(permohonan=p, uji=uji, terbuka=True)
    except IntegrityError:
        raise _already_open() from None
    return uji


@transaction.atomic
def permohonan_start_test(
    *,
    permohonan_id: int,
    actor: User,
    judul_informasi: str = "",
    usulan: str = "",
    alasan: str = "",
    at: datetime | None = None,
) -> UjiKonsekuensi:
    """(new) → draf, for the information a request asks for. The PPID, the Tim Pertimbangan, or
    the Penyedia of a unit the request is assigned to proposes the test; the sheet is linked to
    the request. Refused while another test of the request is open."""
    p = _lock(Permohonan, permohonan_id)
    _staff(actor, "permohonan.mulai_uji", p)
    uji = _new_test(
        p, actor=actor, judul_informasi=judul_informasi, usulan=usulan, alasan=alasan, at=at
    )
    _audit(
        actor, p, "permohonan.mulai_uji", p.status, p.status,
        _("uji konsekuensi #%(n)s dimulai") % {"n": uji.pk},
    )  # fmt: skip
    return uji


def start_test_for_refusal(
    p: Permohonan, *, actor: User, dasar: str, at: datetime | None
) -> UjiKonsekuensi:
    """A refusal without a decree starts a consequence test of the information asked for, or
    joins the one already open for the request. Called by `permohonan_decide` (PPID), inside its
    transaction, with the request locked."""
    current = open_test(p)
    if current is not None:
        return current
    return _new_test(
        p,
        actor=actor,
        judul_informasi="",
        usulan=_("Permohonan %(n)s ditolak karena informasi dikecualikan; uji konsekuensi "
                 "dimulai dari permohonan ini.") % {"n": p.nomor},
        alasan=dasar,
        at=at,
    )  # fmt: skip
