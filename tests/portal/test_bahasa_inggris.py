"""The English pages of the main journeys carry no untranslated Indonesian interface text.

Data typed by people (entries of the DIP, an applicant's request, unit names) is written in
English here, so that any Indonesian word left on the page can only come from the interface.
"""

import html
import os
import re
import shutil

import polib
import pytest
from django.conf import settings
from django.urls import reverse

from permohonan import workflow
from permohonan.models import Keputusan, Permohonan
from permohonan.tracking import tracking_path
from ppid_portal.roles import Role
from tests.informasi.factories import documented_entry, publish_version

pytestmark = pytest.mark.django_db

# Words of the Indonesian interface that the English translation never keeps. (Legal terms the
# translation keeps on purpose, such as PPID, DIP, Atasan PPID or "keberatan" in brackets, are
# not listed.)
MARKERS = [
    "Beranda",
    "Permohonan",
    "permohonan",
    "Pemberitahuan",
    "pemberitahuan",
    "Unduh",
    "Lacak",
    "Ajukan",
    "Simpan",
    "Kirim",
    "Tanggal",
    "Tahun",
    "hari kerja",
    "Daftar Informasi",
    "Pilih",
    "Belum",
    "Riwayat",
    "Ringkasan",
    "Kategori",
    "Berkala",
    "Setiap saat",
    "Dikecualikan",
    "Diterima",
    "Pemohon",
    "pemohon",
    "Bagaimana",
    "Masuk",
    "Keluar",
    "Statistik",
    "Layanan",
    "Unit kerja",
]
FUNCTION_WORDS = ["dan", "yang", "untuk", "dengan", "atau", "tidak", "dari", "pada", "ini"]


def visible_text(content: str) -> str:
    content = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", content, flags=re.S)
    attributes = " ".join(re.findall(r'(?:aria-label|title|placeholder|alt)="([^"]*)"', content))
    text = re.sub(r"<[^>]+>", " ", content)
    return html.unescape(" ".join((text + " " + attributes).split()))


def indonesian_left(text: str) -> list[str]:
    found = [m for m in MARKERS if m in text]
    found += [w for w in FUNCTION_WORDS if re.search(rf"\b{w}\b", text)]
    return found


@pytest.fixture
def journey(users, client):
    actors = {
        "penyedia": users[Role.PENYEDIA],
        "desk": users[Role.DESK],
        "ppid": users[Role.PPID],
        "atasan": users[Role.ATASAN],
    }
    unit = users[Role.PENYEDIA].unit
    unit.nama, unit.kepala = "Finance Office", "Head of Finance"
    unit.save()
    english = {
        "ringkasan": "Annual budget report",
        "pejabat_penguasa": "Head of Finance",
        "penanggung_jawab": "Secretary",
        "waktu_tempat": "January 2025, Head Office",
        "retensi": "Five years",
        "subjek": "budget",
    }
    entry = documented_entry(actors["penyedia"], actors["desk"], document="Budget", **english)
    documented_entry(
        actors["penyedia"],
        actors["desk"],
        kategori="serta_merta",
        **{**english, "ringkasan": "Flood warning for the polling stations"},
    )
    publish_version(actors)
    p, _code = workflow.permohonan_submit(
        actor=users[Role.DESK],
        kanal=Permohonan.Kanal.LANGSUNG,
        data={
            "jenis_pemohon": "perorangan",
            "nama": "Jane Doe",
            "nik": "3201011508900001",
            "alamat": "1 Main Street",
            "pekerjaan": "Journalist",
            "telepon": "0812 3456 7890",
            "email": "jane@example.org",
            "rincian_informasi": "The budget report.",
            "tujuan_penggunaan": "Research.",
            "cara_memperoleh": "salinan_softcopy",
            "cara_salinan": "email",
        },
    )
    workflow.permohonan_verify(permohonan_id=p.pk, actor=users[Role.DESK])
    workflow.permohonan_decide(
        permohonan_id=p.pk,
        actor=users[Role.PPID],
        putusan=workflow.Putusan(
            hasil=Keputusan.Hasil.DIBERIKAN_SELURUHNYA, bentuk=Keputusan.Bentuk.MELIHAT
        ),
    )
    _p, code = workflow.permohonan_reset_code(permohonan_id=p.pk, actor=users[Role.DESK])
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    return {"entry": entry, "permohonan": p, "code": code}


def test_every_entry_of_the_translation_is_filled():
    po = polib.pofile(str(settings.BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po"))
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []


@pytest.mark.once  # engine-independent: CI runs it in the SQLite pass only
@pytest.mark.skipif(not shutil.which("xgettext"), reason="gettext is not installed")
def test_every_translatable_text_of_the_code_is_in_the_translation(tmp_path):
    """makemessages over a copy of the code finds no text that the catalogue lacks."""
    from django.core.management import call_command

    base = settings.BASE_DIR
    copy = tmp_path / "kode"
    skip = shutil.ignore_patterns(".*", "__pycache__", "media", "staticfiles", "node_modules")
    copy.mkdir()
    for name in os.listdir(base):
        source = base / name
        if name.startswith(".") or name in {"media", "staticfiles", "static", "bench"}:
            continue
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=skip)
    shutil.copy(base / "manage.py", copy / "manage.py")
    here = os.getcwd()
    os.chdir(copy)
    try:
        call_command("makemessages", locale=["en"], verbosity=0)
    finally:
        os.chdir(here)
    extracted = polib.pofile(str(copy / "locale" / "en" / "LC_MESSAGES" / "django.po"))
    missing = [e.msgid for e in extracted if not e.obsolete and not e.translated()]
    assert missing == []


def test_main_journeys_in_english_have_no_indonesian_interface_text(client, journey):
    p = journey["permohonan"]
    pages = {
        "home": reverse("portal:home"),
        "dip list": reverse("informasi:dip-list"),
        "entry": journey["entry"].get_absolute_url(),
        "request form": reverse("permohonan:ajukan"),
        "tracking form": reverse("permohonan:lacak"),
        "tracking page": tracking_path(journey["code"]),
        "survey": reverse("permohonan:survei", args=[p.pk]),
        "procedure": reverse("permohonan:prosedur", args=["jangka-waktu"]),
        "statistics": reverse("portal:statistik"),
    }
    found = {}
    for name, url in pages.items():
        response = client.get(url, follow=True)
        assert response.status_code == 200, name
        content = response.content.decode()
        assert '<html lang="en">' in content, name
        # The name of the office comes from the settings; the rest must be English.
        text = visible_text(content).replace(settings.PPID_OFFICE_NAME, "")
        text = text.replace(settings.PPID_OFFICE_ADDRESS, "")
        text = text.replace("Bahasa Indonesia", "")  # the name of the other language
        left = indonesian_left(text)
        if left:
            found[name] = left
    assert found == {}


def test_the_same_pages_in_indonesian_do_contain_the_markers(client, journey):
    # The check above would be worthless if the markers never appeared at all.
    client.post(reverse("set_language"), {"language": "id", "next": "/"})
    text = visible_text(client.get(reverse("portal:home")).content.decode())
    assert {"Beranda", "Permohonan", "hari kerja", "dan", "yang"} <= set(indonesian_left(text))
