"""The e-mail outbox (issue 7): every notification is a row written in the step's transaction,
sent on commit, kept as GAGAL when the mail server is down, and sent later by
`kirim_ulang_email` — once."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from django.core import mail as django_mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse

from permohonan.models import Permohonan
from ppid_portal import mail, outbox
from ppid_portal.models import EmailKeluar, LampiranEmailKeluar
from ppid_portal.roles import Role
from tests.portal.samples import pdf_bytes
from tests.security.test_faults import closed_port, request_form

pytestmark = pytest.mark.django_db

S = EmailKeluar.Status
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def smtp_down(settings):
    """A real SMTP backend pointed at a local port nobody listens on."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port()
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 3
    return settings


def age(minutes: int = 2) -> None:
    """Make every row look `minutes` older (the command leaves fresh ones alone)."""
    EmailKeluar.objects.update(dibuat_pada=F("dibuat_pada") - timedelta(minutes=minutes))


def run_command(*args: str) -> str:
    from io import StringIO

    out = StringIO()
    call_command("kirim_ulang_email", *args, stdout=out)
    return out.getvalue()


def test_mail_server_down_keeps_the_notifications_and_the_command_sends_them_once(
    client, smtp_down, users, caplog, django_capture_on_commit_callbacks
):
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("permohonan:ajukan"), request_form())
    assert response.status_code == 302
    p = Permohonan.objects.get()
    rows = list(EmailKeluar.objects.order_by("penerima"))
    # The applicant's receipt and the Desk's notice, one row per recipient, all failed.
    addresses = {r.penerima for r in rows}
    assert "siti@contoh.id" in addresses and users[Role.DESK].email in addresses
    assert all(r.status == S.GAGAL and r.percobaan == 1 for r in rows)
    assert all("ConnectionRefusedError" in r.galat_terakhir for r in rows)
    assert all(r.isi and r.object_id == str(p.pk) for r in rows)
    assert {r.perihal for r in rows} == {str(p)}
    assert [m for m in caplog.records if "gagal dikirim" in m.getMessage()]

    # Still down: the command tries, keeps them, and says so with a non-zero exit.
    age()
    with pytest.raises(CommandError, match="masih gagal"):
        run_command()
    assert set(EmailKeluar.objects.values_list("percobaan", flat=True)) == {2}

    # The server is back.
    smtp_down.EMAIL_BACKEND = LOCMEM
    django_mail.outbox = []
    summary = run_command()
    assert f"{len(rows)} terkirim, 0 gagal" in summary
    assert sorted(m.to[0] for m in django_mail.outbox) == sorted(addresses)
    assert all(len(m.to) == 1 for m in django_mail.outbox)
    receipt = next(m for m in django_mail.outbox if m.to == ["siti@contoh.id"])
    assert p.nomor in receipt.body
    for row in EmailKeluar.objects.all():
        assert row.status == S.TERKIRIM and row.dikirim_pada and row.percobaan == 3
        assert row.isi == "" and row.galat_terakhir == ""  # the body is not kept once sent

    # A second run (or a second cron job) sends nothing twice.
    assert "0 terkirim, 0 gagal" in run_command()
    assert len(django_mail.outbox) == len(rows)


def test_sent_on_commit_when_the_server_answers(settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        outbox.queue(
            to=["b@contoh.id", "a@contoh.id", "a@contoh.id", ""],
            subject="Uji\n  satu",
            body="Isi",
            attachments=[("surat.pdf", pdf_bytes("Surat"), "application/pdf")],
        )
        assert django_mail.outbox == []  # not before the commit
        assert LampiranEmailKeluar.objects.count() == 2
    assert [m.to for m in django_mail.outbox] == [["a@contoh.id"], ["b@contoh.id"]]
    assert django_mail.outbox[0].subject == "Uji satu"
    assert django_mail.outbox[0].attachments[0][0] == "surat.pdf"
    assert set(EmailKeluar.objects.values_list("status", flat=True)) == {S.TERKIRIM}
    assert not LampiranEmailKeluar.objects.exists()


def test_a_rolled_back_step_writes_and_sends_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            outbox.queue(to=["a@contoh.id"], subject="S", body="B")
            assert EmailKeluar.objects.count() == 1
            raise RuntimeError("langkah gagal")
    assert not EmailKeluar.objects.exists() and not callbacks
    assert django_mail.outbox == []


def test_muted_writes_no_row(django_capture_on_commit_callbacks, users):
    with django_capture_on_commit_callbacks(execute=True), mail.muted():
        assert outbox.queue(to=["a@contoh.id"], subject="S", body="B") == []
        mail.notify("informasi/diajukan", to=[users[Role.DESK].email], context={"entry": None})
    assert not EmailKeluar.objects.exists() and django_mail.outbox == []


def test_dip_notices_go_one_per_recipient(users, django_capture_on_commit_callbacks, unit):
    with django_capture_on_commit_callbacks(execute=True):
        mail.notify(
            "informasi/versi_ditetapkan",
            to=["x@contoh.go.id", "y@contoh.go.id"],
            context={"versi": unit, "actor": users[Role.PPID]},
            about=unit,
        )
    assert [m.to for m in django_mail.outbox] == [["x@contoh.go.id"], ["y@contoh.go.id"]]
    assert {r.perihal for r in EmailKeluar.objects.all()} == {str(unit)}


def test_the_command_leaves_fresh_and_exhausted_rows_alone(settings):
    outbox.queue(to=["a@contoh.id", "b@contoh.id"], subject="S", body="B")  # not committed
    a, b = EmailKeluar.objects.order_by("penerima")
    assert "0 terkirim, 0 gagal, 0 dilewati" in run_command()  # younger than a minute
    age()
    EmailKeluar.objects.filter(pk=b.pk).update(status=S.GAGAL, percobaan=10)
    with pytest.raises(CommandError):
        run_command()  # b has had its 10 attempts: left for the PPID, and the exit says so
    assert [m.to for m in django_mail.outbox] == [["a@contoh.id"]]
    assert "1 terkirim" in run_command("--semua")
    assert EmailKeluar.objects.filter(status=S.TERKIRIM).count() == 2


def test_two_senders_never_take_the_same_row():
    outbox.queue(to=["a@contoh.id", "b@contoh.id"], subject="S", body="B")
    EmailKeluar.objects.update(status=S.GAGAL)
    first = outbox.claim(Q())
    assert len(first) == 2
    assert outbox.claim(Q()) == []  # claimed by the first sender
    assert outbox.deliver(Q()).sent == 0
    # A sender that died leaves its claim behind; once it runs out, the row is taken over.
    EmailKeluar.objects.update(diklaim_sampai=F("diklaim_sampai") - outbox.CLAIM)
    assert outbox.deliver(Q()).sent == 2


def test_a_slow_sender_whose_claim_ran_out_never_sends_a_row_taken_over(settings):
    """Sender 1 claims two rows, then stalls (a slow mail server) until its claim has run
    out; sender 2 takes both over and sends them. Sender 1, going on, sends neither again
    and cannot mark them failed."""
    settings.EMAIL_BACKEND = LOCMEM
    outbox.queue(to=["a@contoh.id", "b@contoh.id"], subject="S", body="B")
    slow = outbox.claim(Q())
    EmailKeluar.objects.update(diklaim_sampai=F("diklaim_sampai") - outbox.CLAIM)
    assert outbox.deliver(Q()).sent == 2
    assert len(django_mail.outbox) == 2
    for row in slow:
        assert not outbox._hold(row)
        outbox._failed(row, OSError("timeout"))
    assert len(django_mail.outbox) == 2
    assert set(EmailKeluar.objects.values_list("status", flat=True)) == {S.TERKIRIM}


def test_a_broken_send_never_raises_into_the_request(
    monkeypatch, caplog, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise RuntimeError("basis data hilang")

    monkeypatch.setattr(outbox, "claim", broken)
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        outbox.queue(to=["a@contoh.id"], subject="S", body="B")
    assert any("gagal dikirim" in r.getMessage() for r in caplog.records)
    assert EmailKeluar.objects.get().status == S.MENUNGGU  # the command will send it


def test_the_command_works_in_batches_and_stops_when_the_server_is_down(
    settings, smtp_down, monkeypatch
):
    monkeypatch.setattr(outbox, "BATCH", 2)
    outbox.queue(to=[f"w{i}@contoh.id" for i in range(5)], subject="S", body="B")
    age()
    with pytest.raises(CommandError):
        run_command()  # the first batch fails entirely: the rest waits for the next run
    assert sorted(EmailKeluar.objects.values_list("percobaan", flat=True)) == [0, 0, 0, 1, 1]
    settings.EMAIL_BACKEND = LOCMEM
    assert "5 terkirim, 0 gagal" in run_command()
    assert len(django_mail.outbox) == 5


def test_sent_rows_are_kept_for_a_year_then_removed_by_the_command(settings):
    outbox.queue(to=["lama@contoh.id", "baru@contoh.id", "gagal@contoh.id"], subject="S", body="B")
    lama, baru, gagal = (
        EmailKeluar.objects.get(penerima=f"{n}@contoh.id") for n in ("lama", "baru", "gagal")
    )
    long_ago = lama.dibuat_pada - timedelta(days=400)
    EmailKeluar.objects.filter(pk__in=[lama.pk, baru.pk]).update(status=S.TERKIRIM)
    EmailKeluar.objects.filter(pk=lama.pk).update(dikirim_pada=long_ago)
    EmailKeluar.objects.filter(pk=baru.pk).update(dikirim_pada=lama.dibuat_pada)
    # An unsent row is never removed, however old.
    EmailKeluar.objects.filter(pk=gagal.pk).update(
        status=S.GAGAL, percobaan=10, dibuat_pada=long_ago
    )
    with pytest.raises(CommandError):
        run_command()  # the failed row is still there, and the exit says so
    assert set(EmailKeluar.objects.values_list("penerima", flat=True)) == {
        "baru@contoh.id",
        "gagal@contoh.id",
    }
    settings.PPID_EMAIL_SIMPAN_HARI = 0
    assert outbox.prune() == 1
