"""One path for every e-mail: every app renders its notices through `ppid_portal.mail.notify`
with one template convention and one muting rule."""

import pathlib
import re

import pytest
from django.conf import settings
from django.core import mail as django_mail

from ppid_portal import mail
from ppid_portal.models import EmailKeluar
from ppid_portal.roles import Role

ROOT = pathlib.Path(settings.BASE_DIR)
APPS = ("ppid_portal", "informasi", "permohonan", "arsip")


def test_every_notice_has_its_subject_template():
    for folder in sorted((ROOT / "templates").glob("*/emails")):
        bodies = {p.stem for p in folder.glob("*.txt") if not p.stem.endswith("_subject")}
        subjects = {p.stem.removesuffix("_subject") for p in folder.glob("*_subject.txt")}
        assert bodies == subjects, folder


def test_only_the_mail_module_writes_to_the_outbox():
    offenders = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if path.name in ("mail.py", "outbox.py") and path.parent.name == "ppid_portal":
                continue
            text = path.read_text()
            if re.search(r"outbox\.queue\((?!\))|render_to_string\([^)]*emails/", text):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


@pytest.mark.django_db
def test_notify_renders_the_convention_and_the_office(
    users, django_capture_on_commit_callbacks, settings
):
    settings.PPID_OFFICE_NAME = "PPID Uji"
    with django_capture_on_commit_callbacks(execute=True):
        sent = mail.notify(
            "informasi/diajukan",
            to=[users[Role.DESK].email, "", users[Role.DESK].email],
            context={"entry": None, "actor": users[Role.PENYEDIA]},
        )
    assert sent == 1
    (row,) = EmailKeluar.objects.all()
    assert row.templat == "informasi/diajukan"
    (message,) = django_mail.outbox
    assert "\n" not in message.subject and message.body.endswith("PPID Uji\n")


@pytest.mark.django_db
def test_muted_notices_are_not_even_rendered(users):
    with mail.muted():
        assert mail.notify("tidak/ada", to=[users[Role.DESK].email], context={}) == 0
    assert not EmailKeluar.objects.exists()


@pytest.mark.django_db
def test_staff_emails_of_a_unit_include_the_units_own_address(make_user):
    penyedia = make_user(Role.PENYEDIA)
    penyedia.unit.email = "unit@contoh.go.id"
    penyedia.unit.save()
    make_user(Role.PENYEDIA)  # another unit
    assert mail.staff_emails(Role.PENYEDIA, unit=penyedia.unit) == sorted(
        [penyedia.email, "unit@contoh.go.id"]
    )
