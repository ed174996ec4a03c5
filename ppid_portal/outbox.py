"""The e-mail outbox every app sends through.

`queue()` stores each message (one per recipient, so nobody sees another's address) as an
`EmailKeluar` row inside the caller's transaction and sends it once that transaction commits:
a rolled-back step neither writes nor tells anyone anything, and a mail server that is down
loses nothing — the row stays GAGAL with the error, is retried by `manage.py kirim_ulang_email`
(cron) and is listed for the PPID at `/staf/email/`. Sending never raises into the request.
Inside `ppid_portal.mail.muted()` nothing is stored or sent.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage, get_connection
from django.db import connection as db_connection
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from . import audit, mail
from .access import require
from .models import EmailKeluar, LampiranEmailKeluar

logger = logging.getLogger(__name__)

S = EmailKeluar.Status
Attachment = tuple[str, bytes, str]  # file name, content, MIME type

# How long a sender may hold a claimed row; longer than any SMTP timeout, so a claim only
# runs out when its sender died (and the command then takes the row over).
CLAIM = timedelta(minutes=10)
# The command leaves fresh rows to the on-commit send that is probably still under way.
RETRY_AFTER = timedelta(minutes=1)
MAX_ATTEMPTS = 10
# The command claims and sends this many at a time; one press of "Kirim ulang semua" sends at
# most PAGE_BATCH, the command does the rest.
BATCH = 50
PAGE_BATCH = 100


@dataclass(frozen=True)
class Result:
    sent: int = 0
    failed: int = 0

    def __add__(self, other: Result) -> Result:
        return Result(self.sent + other.sent, self.failed + other.failed)


def queue(
    *,
    to: Iterable[str],
    subject: str,
    body: str,
    attachments: Sequence[Attachment] = (),
    about: models.Model | None = None,
    perihal: str = "",
    templat: str = "",
) -> list[EmailKeluar]:
    """Store one message per recipient in the current transaction and send them after it
    commits. Returns the stored rows (none when muted or without recipients)."""
    recipients = sorted({r.strip() for r in to if r and r.strip()})
    if not recipients or mail.is_muted():
        return []
    reference: dict = {}
    if about is not None and about.pk is not None:
        reference = {
            "content_type": ContentType.objects.get_for_model(about, for_concrete_model=False),
            "object_id": str(about.pk),
        }
        perihal = perihal or str(about)
    rows = []
    for address in recipients:
        row = EmailKeluar.objects.create(
            penerima=address,
            subjek=" ".join(subject.split())[:300],
            isi=body,
            templat=templat[:120],
            perihal=perihal[:300],
            **reference,
        )
        LampiranEmailKeluar.objects.bulk_create(
            LampiranEmailKeluar(email=row, nama=name[:255], jenis=kind, isi=content)
            for name, content, kind in attachments
        )
        rows.append(row)
    transaction.on_commit(partial(_deliver_after_commit, [row.pk for row in rows]))
    return rows


def _deliver_after_commit(ids: list[int]) -> None:
    try:
        deliver(Q(pk__in=ids))
    except Exception:  # noqa: BLE001 - the step is committed; nothing may turn it into an error
        logger.exception("Kotak keluar: e-mail %s gagal dikirim", ids)


def claim(condition: Q, *, limit: int | None = None) -> list[EmailKeluar]:
    """Take the unsent rows matching `condition` that no other sender holds, for CLAIM.

    PostgreSQL: the rows are locked with SKIP LOCKED for the moment of the claim, so two
    commands running at once split the rows between them. SQLite: the claim is one IMMEDIATE
    transaction, which writers take one at a time."""
    now = timezone.now()
    with transaction.atomic():
        rows = EmailKeluar.objects.filter(condition, status__in=[S.MENUNGGU, S.GAGAL]).filter(
            Q(diklaim_sampai__isnull=True) | Q(diklaim_sampai__lt=now)
        )
        if db_connection.features.has_select_for_update_skip_locked:
            rows = rows.select_for_update(skip_locked=True)
        rows = rows.order_by("dibuat_pada", "id")
        ids = list((rows[:limit] if limit else rows).values_list("pk", flat=True))
        EmailKeluar.objects.filter(pk__in=ids).update(diklaim_sampai=now + CLAIM)
    return list(EmailKeluar.objects.filter(pk__in=ids).order_by("dibuat_pada", "id"))


def deliver(condition: Q, *, limit: int | None = None) -> Result:
    """Claim and send the unsent rows matching `condition`; each ends TERKIRIM or GAGAL."""
    rows = claim(condition, limit=limit)
    if not rows:
        return Result()
    connection = get_connection(fail_silently=False)
    try:
        connection.open()
    except Exception as error:  # noqa: BLE001 - any failure of the mail server
        for row in rows:
            _failed(row, error)
        return Result(failed=len(rows))
    result = Result()
    try:
        for row in rows:
            if _hold(row):
                result += _send(row, connection)
    finally:
        try:
            connection.close()
        except Exception:  # noqa: BLE001, S110 - a connection that is already gone
            pass
    return result


def _hold(row: EmailKeluar) -> bool:
    """Renew this sender's claim on `row` just before it is sent, so a claim never runs out
    while the row waits behind slow sends. False when another sender took it over meanwhile
    (its claim ran out) or it is no longer unsent: then this sender leaves it alone."""
    until = timezone.now() + CLAIM
    held = EmailKeluar.objects.filter(
        pk=row.pk, diklaim_sampai=row.diklaim_sampai, status__in=[S.MENUNGGU, S.GAGAL]
    ).update(diklaim_sampai=until)
    row.diklaim_sampai = until
    return bool(held)


def _mine(row: EmailKeluar):
    """The row, as long as this sender still holds its claim."""
    return EmailKeluar.objects.filter(pk=row.pk, diklaim_sampai=row.diklaim_sampai)


def _send(row: EmailKeluar, connection) -> Result:
    message = EmailMessage(
        row.subjek, row.isi, settings.DEFAULT_FROM_EMAIL, [row.penerima], connection=connection
    )
    for lampiran in row.lampiran.all():
        message.attach(lampiran.nama, bytes(lampiran.isi), lampiran.jenis)
    try:
        message.send(fail_silently=False)
    except Exception as error:  # noqa: BLE001 - any failure of the mail server
        _failed(row, error)
        return Result(failed=1)
    # The message is out: its body and attachments (personal data, tracking codes) are not
    # kept; the row remains as the record of what was sent to whom and when.
    now = timezone.now()
    _mine(row).update(
        status=S.TERKIRIM,
        percobaan=row.percobaan + 1,
        dicoba_pada=now,
        dikirim_pada=now,
        galat_terakhir="",
        isi="",
        diklaim_sampai=None,
    )
    row.lampiran.all().delete()
    return Result(sent=1)


def _failed(row: EmailKeluar, error: Exception) -> None:
    text = f"{type(error).__name__}: {error}"[:2000]
    logger.error(
        "E-mail %r ke %s gagal dikirim (percobaan ke-%d): %s",
        row.subjek,
        row.penerima,
        row.percobaan + 1,
        text,
    )
    # Only while this sender holds the claim: a late failure never overwrites a row that
    # another sender has since sent.
    _mine(row).update(
        status=S.GAGAL,
        percobaan=row.percobaan + 1,
        dicoba_pada=timezone.now(),
        galat_terakhir=text,
        diklaim_sampai=None,
    )


def retry_due(*, everything: bool = False, max_attempts: int = MAX_ATTEMPTS) -> Result:
    """The command's run: unsent rows older than RETRY_AFTER with fewer than `max_attempts`
    attempts (`everything`: every unsent row, now, whatever its attempts).

    Sent in batches of BATCH, each claimed just before it is sent (a claim never runs out
    while its rows wait behind a long list); a row is tried once per run, and the run stops
    at a batch that failed entirely (the server is down: the next run tries again)."""
    started = timezone.now()
    condition = Q(dicoba_pada__isnull=True) | Q(dicoba_pada__lt=started)
    if not everything:
        condition &= Q(dibuat_pada__lt=started - RETRY_AFTER, percobaan__lt=max_attempts)
    total = Result()
    while True:
        result = deliver(condition, limit=BATCH)
        total += result
        if result.sent + result.failed < BATCH or not result.sent:
            return total


def given_up(max_attempts: int = MAX_ATTEMPTS) -> int:
    """Failed rows the command no longer tries by itself."""
    return EmailKeluar.objects.filter(status=S.GAGAL, percobaan__gte=max_attempts).count()


def prune(*, days: int | None = None) -> int:
    """Delete sent rows older than `days` (PPID_EMAIL_SIMPAN_HARI, 365 by default): what was
    sent to whom is not kept longer than a year. Unsent rows are never deleted here."""
    days = days if days is not None else int(getattr(settings, "PPID_EMAIL_SIMPAN_HARI", 365))
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _per_model = EmailKeluar.objects.filter(
        status=S.TERKIRIM, dikirim_pada__lt=cutoff
    ).delete()
    return deleted


def resend(*, actor, ids: Iterable[int] | None = None) -> Result:
    """GAGAL/MENUNGGU → MENUNGGU, then sent at once. PPID: the rows `ids`, or (None) every
    failed row, at most PAGE_BATCH of them. Each is written to the audit trail."""
    require(actor, "portal.email.resend")
    with transaction.atomic():
        rows = EmailKeluar.objects.select_for_update().filter(status__in=[S.MENUNGGU, S.GAGAL])
        rows = rows.filter(pk__in=list(ids)) if ids is not None else rows.filter(status=S.GAGAL)
        chosen = list(rows.order_by("dibuat_pada", "id")[:PAGE_BATCH])
        for row in chosen:
            audit.record(
                actor=actor,
                obj=row,
                action="email.kirim_ulang",
                from_state=row.status,
                to_state=S.MENUNGGU,
                note=f"percobaan ke-{row.percobaan + 1}",
            )
        EmailKeluar.objects.filter(pk__in=[r.pk for r in chosen]).update(status=S.MENUNGGU)
    if not chosen:
        return Result()
    return deliver(Q(pk__in=[r.pk for r in chosen]))
