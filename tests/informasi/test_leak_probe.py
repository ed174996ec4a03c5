"""The leak rule of excepted information (UU 14/2008 Ps 17): an automated probe fetches every
public URL of the site — found by walking the whole URLconf with the real object ids and by
following links from the home page, the DIP, the register, sitemap.xml, the API and every
download — as an anonymous visitor and as a citizen with an account, and finds none of the
unique canary strings placed in excepted originals (PDF text), in the consequence tests' harm
analysis and internal notes, or in an excepted link.

PDFs are read with pypdf, XLSX with openpyxl and other zip documents member by member, so
compressed text is searched too. Positive controls prove the probe would see a canary.
"""

from __future__ import annotations

import re
import uuid
from itertools import product

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from informasi import workflow
from informasi.models import (
    DokumenInformasi,
    ImporDIP,
    InformasiPublik,
    PenetapanPengecualian,
    PesertaUji,
    UjiKonsekuensi,
    VersiDIP,
)
from permohonan import workflow as permohonan_workflow
from permohonan.models import (
    Disposisi,
    DokumenPermohonan,
    Keberatan,
    Keputusan,
    Permohonan,
    Sengketa,
)
from ppid_portal.models import DokumenRegulasi, HalamanPortal
from tests.informasi.factories import (
    EntryValuesFactory,
    completed_uji,
    documented_entry,
    issued_penetapan,
    proposed_uji,
    publish_version,
    sheet_values,
    upload,
)
from tests.permohonan.factories import applicant_data, ktp, pdf
from tests.portal.samples import docx_bytes, pdf_bytes
from tests.security.helpers import all_routes, body, crawl, readable

pytestmark = pytest.mark.django_db

_PARAM = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>")
MAX_COMBINATIONS = 150


def canary(kind: str) -> str:
    return f"kanari{kind}{uuid.uuid4().hex[:10]}"


# ----------------------------------------------------------------------------- decoding


# ----------------------------------------------------------------------------- the site


def build_site(actors, make_user) -> dict:
    """A DIP and requests with every kind of excepted information, made through the real
    services: published before the exceptions (so a version still public lists the entries as
    they were), then excepted in whole, in part, and from a request."""
    c = {
        k: canary(k)
        for k in ["full", "late", "partial", "link", "req", "harm", "note", "public", "reason"]
    }
    penyedia, desk, ppid, tim, atasan = (
        actors["penyedia"],
        actors["desk"],
        actors["ppid"],
        actors["tim"],
        actors["atasan"],
    )
    citizen = actors["pemohon"]

    def internal(kind: str) -> dict:
        return {
            "konsekuensi": f"Analisis kerugian {c['harm']}{kind}",
            "kepentingan_publik": f"Kepentingan {c['harm']}{kind}",
            "pertimbangan": f"Pertimbangan {c['harm']}{kind}",
            "catatan_internal": f"Catatan rapat {c['note']}{kind}",
        }

    public = documented_entry(penyedia, desk, document="Laporan umum yang terbuka")
    from informasi import services

    services.document_add_file(
        actor=penyedia,
        entry=workflow.entry_reopen(actor=penyedia, entry=public),
        upload=upload("lampiran.docx", docx_bytes("Lampiran terbuka")),
    )
    workflow.entry_document(
        actor=desk,
        entry=workflow.entry_submit(actor=penyedia, entry=public),
        klasifikasi=workflow.Klasifikasi(
            kategori="berkala", retensi="5 tahun", softcopy=True, lokasi_softcopy="Server"
        ),
    )
    late = workflow.entry_create(
        actor=penyedia, values=EntryValuesFactory(ringkasan="Laporan pemeriksaan tahunan")
    )
    services.document_add_file(
        actor=penyedia, entry=late, upload=upload("periksa.pdf", pdf_bytes(f"Isi {c['late']}"))
    )
    services.document_add_link(
        actor=penyedia, entry=late, tautan=f"https://arsip.contoh.go.id/{c['link']}.pdf"
    )
    late = workflow.entry_document(
        actor=desk,
        entry=workflow.entry_submit(actor=penyedia, entry=late),
        klasifikasi=workflow.Klasifikasi(
            kategori="berkala",
            retensi="5 tahun",
            softcopy=True,
            hardcopy=True,
            lokasi_softcopy="Server",
            lokasi_hardcopy="Rak",
        ),
    )
    partial = documented_entry(
        penyedia, desk, kategori="setiap_saat", document=f"Rekening {c['partial']}"
    )
    full = documented_entry(
        penyedia,
        desk,
        document=f"Berkas {c['full']}",
        ringkasan="Berkas penyidikan yang dikecualikan",
        kategori="dikecualikan",
        alasan_pengecualian="a",
        pengecualian_berakhir=sheet_values()["berakhir_pada"],
    )
    # The DIP as published before the exceptions below.
    publish_version(actors)

    def decree(entry=None, permohonan=None, berkas_sensor=None, **values):
        uji = completed_uji(
            tim=tim,
            ppid=ppid,
            unit_user=penyedia,
            entry=entry,
            permohonan=permohonan,
            **{**internal(str(entry.pk if entry else "p")), **values},
        )
        penetapan = issued_penetapan(ppid=ppid, uji=uji, berkas_sensor=berkas_sensor)
        return workflow.penetapan_approve(actor=atasan, penetapan=penetapan)

    decrees = {
        "full": decree(full, uraian_publik="Berkas penyidikan Tahun 2025"),
        "late": decree(late, uraian_publik="Laporan pemeriksaan tahunan"),
        "partial": decree(
            partial,
            cakupan="sebagian",
            bagian_dikecualikan=f"Nomor rekening {c['harm']}bagian",
            uraian_publik="Bagian data rekening dalam laporan",
            berkas_sensor=upload("sensor.pdf", pdf_bytes("Rekening XXXX dihitamkan")),
        ),
    }

    # A citizen's request, refused as excepted under a decree made from the request itself,
    # whose sheet carries the original asked for.
    p, _code = permohonan_workflow.permohonan_submit(
        actor=citizen,
        kanal=Permohonan.Kanal.ONLINE,
        data=applicant_data(email=citizen.email or "warga@contoh.id"),
        berkas_identitas=ktp(),
        persetujuan=True,
    )
    permohonan_workflow.permohonan_verify(permohonan_id=p.pk, actor=desk)
    (d,) = permohonan_workflow.permohonan_assign(
        permohonan_id=p.pk, actor=ppid, units=[penyedia.unit]
    )
    permohonan_workflow.disposisi_answer(
        disposisi_id=d.pk,
        actor=penyedia,
        tersedia=True,
        files=[pdf("jawaban.pdf", text=f"Jawaban unit {c['req']}")],
    )
    uji = proposed_uji(tim, permohonan=p, usulan=f"Usulan {c['note']}req")
    workflow.uji_attach_original(
        actor=ppid, uji=uji, upload=upload("asli.pdf", pdf_bytes(f"Asli {c['req']}"))
    )
    workflow.peserta_add(actor=ppid, uji=uji, pengguna=ppid, peran="ppid")
    workflow.peserta_add(actor=ppid, uji=uji, pengguna=penyedia, peran="unit")
    workflow.uji_update(
        actor=ppid,
        uji=uji,
        values=sheet_values(uraian_publik="Dokumen yang diminta pemohon", **internal("req")),
    )
    uji = workflow.uji_circulate(actor=ppid, uji=uji)
    for peserta in list(uji.peserta.select_related("pengguna")):
        uji = workflow.uji_sign(actor=peserta.pengguna, uji=uji)
    decrees["req"] = workflow.penetapan_approve(
        actor=atasan, penetapan=issued_penetapan(ppid=ppid, uji=uji)
    )
    refusal = permohonan_workflow.permohonan_decide(
        permohonan_id=p.pk,
        actor=ppid,
        putusan=permohonan_workflow.Putusan(
            hasil=Keputusan.Hasil.DITOLAK_DIKECUALIKAN,
            dasar_pengecualian="a",
            alasan_pengecualian="Membuka dokumen menghambat proses yang berjalan.",
            penetapan_id=decrees["req"].pk,
        ),
    )

    # Sheets still open, and a decree the Atasan did not approve.
    circulating = proposed_uji(tim, entry=public, usulan=f"Usulan {c['note']}open")
    workflow.peserta_add(actor=ppid, uji=circulating, pengguna=ppid, peran="ppid")
    workflow.peserta_add(actor=ppid, uji=circulating, pengguna=penyedia, peran="unit")
    workflow.uji_update(actor=ppid, uji=circulating, values=sheet_values(**internal("open")))
    workflow.uji_circulate(actor=ppid, uji=circulating)
    refused_sheet = completed_uji(
        tim=tim, ppid=ppid, unit_user=penyedia, entry=late, **internal("refused")
    )
    workflow.penetapan_reject(
        actor=atasan,
        penetapan=issued_penetapan(ppid=ppid, uji=refused_sheet),
        alasan=f"Tidak disetujui {c['reason']}",
    )
    return {
        "canaries": c,
        "document_canaries": [c["full"], c["late"], c["partial"], c["req"]],
        "entries": {"public": public, "late": late, "partial": partial, "full": full},
        "decrees": decrees,
        "refusal": refusal,
        "permohonan": p,
        "citizen": citizen,
    }


# ----------------------------------------------------------------------------- the crawl


def id_pools() -> dict[str, list[str]]:
    def ids(*models) -> list[str]:
        values: set[int] = set()
        for model in models:
            values.update(model.objects.values_list("pk", flat=True))
        return [str(v) for v in sorted(values)]

    informasi = ids(
        InformasiPublik,
        DokumenInformasi,
        UjiKonsekuensi,
        PenetapanPengecualian,
        PesertaUji,
        ImporDIP,
    )
    informasi += [str(n) for n in VersiDIP.objects.values_list("nomor", flat=True)]
    return {
        "informasi": sorted(set(informasi), key=int),
        # The office calendar and deadline profiles hold nothing of a request: their staff
        # routes are walked with the ids below too, which is enough for them.
        "permohonan": ids(Permohonan, Keputusan, DokumenPermohonan, Keberatan, Disposisi, Sengketa),
        "portal": ids(DokumenRegulasi),
    }


def route_urls() -> list[str]:
    """Every route of the URLconf, its parameters filled with the real ids of the objects."""
    pools = id_pools()
    slugs = list(HalamanPortal.objects.values_list("slug", flat=True)) or ["profil"]
    urls: list[str] = []
    for route in all_routes():
        slots = list(_PARAM.finditer(route.route))
        if not slots:
            urls.append(route.url())
            continue
        if route.namespace in ("", "admin") or route.route.startswith("admin/"):
            urls.append(route.url())  # the admin needs a staff account anyway
            continue
        choices = []
        for slot in slots:
            conv, name = slot.group("conv") or "str", slot.group("name")
            if name == "fmt":
                choices.append(["pdf", "xlsx", "csv"])
            elif conv == "int":
                pool = pools.get(route.namespace, []) or ["1"]
                choices.append(pool if len(slots) == 1 else pool[:12])
            elif conv == "slug":
                choices.append(slugs)
            else:
                choices.append(["contoh"])
        names = [slot.group("name") for slot in slots]
        for combination in list(product(*choices))[:MAX_COMBINATIONS]:
            urls.append(route.url(**dict(zip(names, combination, strict=True))))
    return urls


def seeds() -> list[str]:
    return [
        "/",
        reverse("informasi:dip-list"),
        reverse("informasi:dikecualikan-list"),
        "/sitemap.xml",
        reverse("informasi:api-list"),
        reverse("informasi:api-list") + "?per_halaman=200",
        reverse("informasi:api-dikecualikan"),
        reverse("informasi:dip-pdf"),
        reverse("informasi:dip-xlsx"),
        *[reverse("informasi:dikecualikan-unduh", args=[f]) for f in ("pdf", "xlsx", "csv")],
        reverse("permohonan:saya"),
    ]


def assert_searches_find_nothing(client: Client, words: list[str]) -> None:
    for word in words:
        page = client.get(reverse("informasi:dip-list"), {"q": word})
        assert page.status_code == 200 and page.context["paginator"].count == 0, word
        assert client.get(reverse("informasi:api-list"), {"q": word}).json()["jumlah"] == 0


# ----------------------------------------------------------------------------- the probe


def test_no_public_url_leaks_excepted_information(
    actors, make_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        site = build_site(actors, make_user)
    c = site["canaries"]
    canaries = list(c.values())

    # Positive controls: the probe reads what staff may read, so it would see a leak.
    staff = Client()
    staff.force_login(actors["ppid"])
    original = DokumenInformasi.objects.get(informasi=site["entries"]["full"])
    response = staff.get(reverse("informasi:dokumen-unduh", args=[original.pk]))
    assert c["full"] in readable(body(response), response["Content-Type"])
    sheet_pdf = staff.get(reverse("informasi:uji-pdf", args=[site["decrees"]["full"].uji_id]))
    assert c["harm"] in readable(body(sheet_pdf), "application/pdf")
    assert c["note"] in staff.get(site["decrees"]["full"].uji.get_absolute_url()).content.decode()

    # Nothing written to the citizen carries a canary either.
    citizen_mail = [m for m in mail.outbox if site["citizen"].email in m.to]
    for message in citizen_mail:
        texts = [message.subject, message.body] + [
            readable(content, kind) for _name, content, kind in message.attachments
        ]
        assert not [x for x in canaries if any(x in t for t in texts)]

    routes = route_urls()
    anonymous = Client()
    citizen = Client()
    citizen.force_login(site["citizen"])
    for client in (anonymous, citizen):
        statuses = crawl(client, seeds() + routes, canaries)
        ok = {url for url, status in statuses.items() if status == 200}
        # The probe really went everywhere the public can go.
        for url in seeds()[:-1]:
            assert url in ok, url
        late = site["entries"]["late"]
        assert reverse("informasi:dip-detail", args=[late.pk]) in ok
        public_docs = DokumenInformasi.objects.filter(informasi=site["entries"]["public"])
        assert any(
            reverse("informasi:dip-dokumen", args=[d.informasi_id, d.pk]) in ok for d in public_docs
        )
        assert len(ok) > 40
        assert_searches_find_nothing(client, site["document_canaries"])
    citizen_ok = {
        url
        for url, status in crawl(citizen, [reverse("permohonan:saya")], canaries).items()
        if status == 200
    }
    p, refusal = site["permohonan"], site["refusal"]
    notice = reverse("permohonan:lacak_pemberitahuan", args=[p.pk, refusal.pk])
    assert notice in citizen_ok
    text = readable(body(citizen.get(notice)), "application/pdf")
    assert site["decrees"]["req"].nomor in text and "Pasal 17 huruf a" in text

    # The register names what is excepted, without its content.
    register = anonymous.get(reverse("informasi:dikecualikan-list")).content.decode()
    for key in ("full", "late", "partial", "req"):
        assert site["decrees"][key].nomor in register

    # After the next DIP version (the exceptions in it): only the redacted copy is public.
    publish_version(actors)
    statuses = crawl(anonymous, seeds(), canaries)
    partial = site["entries"]["partial"]
    redacted = site["decrees"]["partial"].dokumen_sensor
    assert reverse("informasi:dip-dokumen", args=[partial.pk, redacted.pk]) in {
        url for url, status in statuses.items() if status == 200
    }
    assert_searches_find_nothing(anonymous, site["document_canaries"])
