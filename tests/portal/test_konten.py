import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ppid_portal import audit, pageviews
from ppid_portal.halaman_awal import PAGES_EN, ensure_default_pages
from ppid_portal.models import DokumenRegulasi, HalamanPortal, KunjunganHarian
from ppid_portal.roles import Role
from tests.portal.samples import pdf_bytes

pytestmark = pytest.mark.django_db


def test_every_office_page_exists_and_is_public(client):
    for slug in HalamanPortal.Jenis.values:
        response = client.get(reverse("portal:halaman", args=[slug]))
        assert response.status_code == 200, slug
        assert "<title>" in response.content.decode()


def test_page_text_is_escaped(client, users):
    halaman = HalamanPortal.objects.get(slug="kontak")
    halaman.isi = "<script>alert('x')</script>\n\nParagraf dua"
    halaman.save()
    html = client.get(halaman.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html and "<p>Paragraf dua</p>" in html


def test_english_text_is_used_when_given(client):
    halaman = HalamanPortal.objects.get(slug="biaya-layanan")
    halaman.judul_en, halaman.isi_en = "Service fees", "The service is free of charge."
    halaman.save()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(halaman.get_absolute_url()).content.decode()
    assert "The service is free of charge." in html


def test_default_pages_come_in_english_too(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    for slug, (judul_en, isi_en) in PAGES_EN.items():
        html = client.get(reverse("portal:halaman", args=[slug])).content.decode()
        assert judul_en in html, slug
        assert isi_en.split("\n")[0] in html, slug


def test_an_older_installation_gets_the_english_defaults_but_keeps_edited_pages():
    HalamanPortal.objects.update(judul_en="", isi_en="")
    HalamanPortal.objects.filter(slug="kontak").update(isi="Telepon 021-555 0101.")
    ensure_default_pages()
    assert HalamanPortal.objects.get(slug="profil").judul_en == "PPID profile"
    kontak = HalamanPortal.objects.get(slug="kontak")
    assert (kontak.judul_en, kontak.isi_en, kontak.isi) == ("", "", "Telepon 021-555 0101.")


@pytest.mark.parametrize("role", [r for r in Role if r != Role.PPID] + ["pemohon"])
def test_only_ppid_edits_pages(client, users, role):
    client.force_login(users[role])
    url = reverse("portal:halaman_ubah", args=["kontak"])
    assert client.get(url).status_code == 403
    assert client.post(url, {"judul": "Diretas", "isi": "x"}).status_code == 403
    assert HalamanPortal.objects.get(slug="kontak").judul == "Kontak"


def test_ppid_edits_a_page_and_it_is_audited(client, users):
    client.force_login(users[Role.PPID])
    url = reverse("portal:halaman_ubah", args=["jam-layanan"])
    response = client.post(url, {"judul": "Jam layanan", "isi": "Senin–Jumat 08.00–16.00"})
    assert response.status_code == 302
    halaman = HalamanPortal.objects.get(slug="jam-layanan")
    assert halaman.isi == "Senin–Jumat 08.00–16.00"
    assert halaman.diperbarui_oleh == users[Role.PPID]
    (log,) = audit.history(halaman)
    assert log.action == "halaman.ubah" and "isi" in log.note


def test_empty_page_text_is_refused_with_message(client, users):
    client.force_login(users[Role.PPID])
    url = reverse("portal:halaman_ubah", args=["kontak"])
    response = client.post(url, {"judul": "", "isi": ""})
    assert response.status_code == 200
    assert "Bidang ini tidak boleh kosong" in response.content.decode()


def _regulasi_post(**extra):
    data = {"jenis": "uu", "nomor": "14/2008", "judul": "Keterbukaan Informasi Publik"}
    data.update({"tahun": 2008, "urutan": 0, "aktif": "on"}, **extra)
    return data


def test_ppid_adds_regulation_with_file_and_public_downloads_it(client, users):
    client.force_login(users[Role.PPID])
    upload = SimpleUploadedFile("uu-14-2008.pdf", pdf_bytes("UU 14/2008"))
    response = client.post(reverse("portal:regulasi_tambah"), _regulasi_post(unggah=upload))
    assert response.status_code == 302, response.content.decode()
    regulasi = DokumenRegulasi.objects.get()
    assert regulasi.berkas.sha256
    client.logout()
    listing = client.get(reverse("portal:regulasi")).content.decode()
    assert "Keterbukaan Informasi Publik" in listing
    download = client.get(reverse("portal:regulasi_unduh", args=[regulasi.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_regulation_with_wrong_file_type_is_refused(client, users):
    client.force_login(users[Role.PPID])
    upload = SimpleUploadedFile("uu.pdf", b"<html><body>bukan pdf</body></html>")
    response = client.post(reverse("portal:regulasi_tambah"), _regulasi_post(unggah=upload))
    assert response.status_code == 200
    assert "Jenis berkas tidak diterima" in response.content.decode()
    assert not DokumenRegulasi.objects.exists()


def test_regulation_needs_a_file_or_a_link(client, users):
    client.force_login(users[Role.PPID])
    response = client.post(reverse("portal:regulasi_tambah"), _regulasi_post())
    assert "Lampirkan berkas atau isi tautan" in response.content.decode()
    assert not DokumenRegulasi.objects.exists()


def test_hidden_regulation_is_not_listed_or_downloadable(client, users):
    client.force_login(users[Role.PPID])
    upload = SimpleUploadedFile("sop.pdf", pdf_bytes())
    client.post(reverse("portal:regulasi_tambah"), _regulasi_post(unggah=upload, nomor="SOP-9"))
    regulasi = DokumenRegulasi.objects.get()
    client.post(
        reverse("portal:regulasi_ubah", args=[regulasi.pk]),
        {k: v for k, v in _regulasi_post(nomor="SOP-9").items() if k != "aktif"},
    )
    regulasi.refresh_from_db()
    assert not regulasi.aktif
    client.logout()
    assert "SOP-9" not in client.get(reverse("portal:regulasi")).content.decode()
    assert client.get(reverse("portal:regulasi_unduh", args=[regulasi.pk])).status_code == 404


def test_sitemap_lists_public_pages_only(client):
    xml = client.get(reverse("sitemap")).content.decode()
    assert "/profil/kontak/" in xml and "/regulasi/" in xml
    assert "/staf/" not in xml and "/admin/" not in xml


def test_page_views_are_counted_per_day_without_personal_data(client, users, settings):
    settings.PPID_PAGEVIEW_FLUSH_EVERY = 1
    client.get(reverse("portal:home"), REMOTE_ADDR="203.0.113.9")
    client.get(reverse("portal:halaman", args=["kontak"]))
    client.get(reverse("portal:home"), {"q": "rahasia"})
    client.force_login(users[Role.PPID])
    client.get(reverse("portal:home"))  # staff browsing is not counted
    client.get(reverse("portal:dashboard"))
    pageviews.flush()
    counts = {k.bagian: k.jumlah for k in KunjunganHarian.objects.all()}
    assert counts == {"beranda": 2, "profil": 1}
    stored = [str(v) for row in KunjunganHarian.objects.values() for v in row.values()]
    assert not any("203.0.113.9" in v or "rahasia" in v for v in stored)
    assert {f.name for f in KunjunganHarian._meta.fields} == {"id", "tanggal", "bagian", "jumlah"}


@pytest.mark.parametrize(
    "path,section",
    [
        ("/", "beranda"),
        ("/informasi/dip/", "informasi"),
        ("/staf/", None),
        ("/informasi/staf/draf/", None),
        ("/informasi/api/dip/", None),
        ("/admin/", None),
    ],
)
def test_sections(path, section):
    assert pageviews.section_for(path) == section


def test_seed_demo_is_safe_to_run_twice():
    from io import StringIO

    from django.core.management import call_command

    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())
    assert DokumenRegulasi.objects.count() == 7
    assert HalamanPortal.objects.count() == 7
