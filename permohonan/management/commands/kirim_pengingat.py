"""Daily reminders to the staff responsible for requests and objections that are due within
`PPID_PENGINGAT_HARI` working days (2 by default) or already late.

Safe to run several times a day: each reminder (item, kind, day, recipient) is recorded in
`PengingatTerkirim` and never sent twice. Cron example (07:00 and 13:00 on weekdays):

    0 7,13 * * 1-5  cd /srv/ppid && .venv/bin/python manage.py kirim_pengingat
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils import timezone

from permohonan import conf, deadlines, selectors
from permohonan.models import Disposisi, Keberatan, PengingatTerkirim, Permohonan
from ppid_portal import mail
from ppid_portal.roles import Role


@dataclass(frozen=True)
class Item:
    objek: str
    objek_id: int
    kategori: str
    nomor: str
    judul: str
    tanggal: date
    keterangan: str
    url: str


class Command(BaseCommand):
    help = (
        "Kirim e-mail pengingat kepada staf tentang permohonan dan keberatan yang segera jatuh "
        "tempo atau terlambat. Aman dijalankan lebih dari sekali sehari."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--coba", action="store_true", help="Tampilkan saja, jangan kirim atau catat."
        )

    def handle(self, *args, coba: bool = False, **options):
        today = timezone.localdate()
        holidays = selectors.display_holidays(today)
        per_recipient: dict[str, list[Item]] = defaultdict(list)
        ppid = mail.staff_emails(Role.PPID)
        desk = mail.staff_emails(Role.DESK)
        atasan = mail.staff_emails(Role.ATASAN)
        unit_emails: dict[int, list[str]] = {}

        requests = Permohonan.objects.filter(
            selectors.needs_attention(deadlines.PEMBERITAHUAN, today)
        ).prefetch_related(
            Prefetch(
                "disposisi",
                queryset=Disposisi.objects.filter(status=Disposisi.Status.MENUNGGU).select_related(
                    "unit"
                ),
            )
        )
        for p in requests:
            item = self._item("permohonan", p, today, holidays)
            recipients = set(ppid)
            if p.status == Permohonan.Status.BARU:
                recipients.update(desk)
            for d in p.disposisi.all():
                if d.unit_id not in unit_emails:
                    unit_emails[d.unit_id] = mail.staff_emails(Role.PENYEDIA, unit=d.unit)
                recipients.update(unit_emails[d.unit_id])
            for email in recipients:
                per_recipient[email].append(item)

        objections = Keberatan.objects.filter(selectors.needs_attention(deadlines.TANGGAPAN, today))
        for kb in objections:
            item = self._item("keberatan", kb, today, holidays)
            for email in atasan:
                per_recipient[email].append(item)

        sent = 0
        for email, items in sorted(per_recipient.items()):
            if coba:
                self.stdout.write(f"{email}: {', '.join(i.nomor for i in items)}")
                continue
            with transaction.atomic():
                fresh = [item for item in items if self._record(item, email, today)]
                if fresh:
                    sent += mail.notify(
                        "permohonan/pengingat", to=[email], context={"items": fresh}
                    )
        self.stdout.write(
            f"{sent} e-mail pengingat dikirim ({len(per_recipient)} penerima dengan tenggat)."
        )

    def _item(self, objek: str, obj, today: date, holidays) -> Item:
        info = selectors.tenggat_info(obj, today, holidays)
        return Item(
            objek=objek,
            objek_id=obj.pk,
            kategori=PengingatTerkirim.Kategori.TERLAMBAT
            if info.terlambat
            else PengingatTerkirim.Kategori.SEGERA,
            nomor=obj.nomor,
            judul=info.judul,
            tanggal=info.tanggal,
            keterangan=str(info.keterangan),
            url=conf.site_url() + obj.get_absolute_url(),
        )

    @staticmethod
    def _record(item: Item, email: str, today: date) -> bool:
        """True when this reminder was not sent before today (and is now recorded)."""
        try:
            with transaction.atomic():
                _row, created = PengingatTerkirim.objects.get_or_create(
                    objek=item.objek,
                    objek_id=item.objek_id,
                    kategori=item.kategori,
                    tanggal=today,
                    penerima=email,
                )
        except IntegrityError:
            return False
        return created
