"""A small world of real objects for the access walk, made through the apps' own services and
test factories: citizen A's request (decided, objected) and a second citizen, a draft and a
documented DIP entry of unit A with documents, a consequence test and its decree, and the
archive's records of unit A. Penyedia of unit B and citizen B own none of it.

`World.values(route)` fills a route's parameters with these objects' ids, chosen by the path
segment before each parameter (``entri/<int:pk>`` → the draft entry, and so on).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from permohonan import workflow
from permohonan.models import Keputusan, Permohonan
from permohonan.tracking import Pemohon
from ppid_portal import services
from ppid_portal.models import DokumenRegulasi, EmailKeluar, HalamanPortal
from ppid_portal.roles import Role
from tests.arsip.factories import (
    JadwalRetensiFactory,
    add_photo,
    add_scan,
    make_item,
    make_kegiatan,
    make_tree,
)
from tests.informasi.factories import (
    attach_pdf,
    completed_uji,
    create_entry,
    documented_entry,
    issued_penetapan,
    proposed_uji,
    publish_version,
)
from tests.permohonan.factories import applicant_data, ktp, pdf
from tests.portal.factories import UnitKerjaFactory, UserFactory
from tests.portal.samples import pdf_bytes

_PARAM = re.compile(r"(?P<segment>[\w-]*)[/.]?<(?:(?P<conv>\w+):)?(?P<name>\w+)>")

# Who walks the site: the label of each actor of the access table.
ANONIM = "anonim"
WARGA_A = "warga_a"  # owns the request of the world
WARGA_B = "warga_b"  # another citizen with an account
PENYEDIA_LAIN = "penyedia_lain"  # Penyedia of another unit
ADMIN = "admin"  # superuser (Django admin)
ACTORS: tuple[str, ...] = (ANONIM, WARGA_A, WARGA_B, *Role, PENYEDIA_LAIN, ADMIN)


@dataclass
class World:
    users: dict[str, object]
    ids: dict[str, object] = field(default_factory=dict)

    def values(self, route) -> tuple[dict[str, str], list[str]]:
        """Parameter values for `route` and the names of parameters no object fills."""
        values: dict[str, str] = {}
        missing: list[str] = []
        for match in _PARAM.finditer(route.route):
            segment, name = match.group("segment"), match.group("name")
            for key in (
                f"{route.name}:{name}",
                f"{route.namespace}:{segment}:{name}",
                f"{route.namespace}:{name}",
                f":{name}",
            ):
                if key in self.ids:
                    values[name] = str(self.ids[key])
                    break
            else:
                missing.append(name)
        return values, missing


def _user(role: Role | None = None, **kwargs):
    user = UserFactory(**kwargs)
    if role is not None:
        user.groups.add(Group.objects.get(name=role.value))
    return user


def build_world(canaries: dict[str, str] | None = None) -> World:
    """The world; `canaries` (see tests/security/test_canary_crawl.py) are written into every
    private text and file of it."""
    c = canaries or {}
    unit_a, unit_b = UnitKerjaFactory(), UnitKerjaFactory()
    users: dict[str, object] = {
        WARGA_A: _user(),
        WARGA_B: _user(),
        Role.PENYEDIA: _user(Role.PENYEDIA, unit=unit_a),
        PENYEDIA_LAIN: _user(Role.PENYEDIA, unit=unit_b),
        ADMIN: _user(is_staff=True, is_superuser=True),
    }
    for role in Role:
        if role != Role.PENYEDIA:
            users[role] = _user(role)
    penyedia, desk, ppid = users[Role.PENYEDIA], users[Role.DESK], users[Role.PPID]
    tim, atasan = users[Role.TIM_PERTIMBANGAN], users[Role.ATASAN]
    actors = {"penyedia": penyedia, "desk": desk, "ppid": ppid, "tim": tim, "atasan": atasan}
    world = World(users)
    ids = world.ids

    # --- informasi: a published entry, a draft, a documented entry under a decree
    public = documented_entry(penyedia, desk, document="Laporan umum yang terbuka")
    versi = publish_version(actors)
    draft = create_entry(penyedia, ringkasan="Rancangan entri unit A")
    draft_doc = attach_pdf(penyedia, draft, text=f"Rancangan dokumen unit A {c.get('draf', '')}")
    documented = documented_entry(
        penyedia,
        desk,
        document=f"Dokumen unit A {c.get('dikecualikan', '')}",
        kategori="dikecualikan",
        alasan_pengecualian="a",
        pengecualian_berakhir=timezone.localdate() + timedelta(days=3 * 365),
    )
    uji = completed_uji(
        tim=tim,
        ppid=ppid,
        unit_user=penyedia,
        entry=documented,
        catatan_internal=f"Catatan rapat {c.get('catatan', '')}",
    )
    penetapan = issued_penetapan(ppid=ppid, uji=uji)
    ids.update(
        {
            "informasi:dip:pk": public.pk,
            "informasi:dokumen:dokumen": public.dokumen.first().pk,
            "informasi:entri:pk": draft.pk,
            "informasi:dokumen:pk": draft_doc.pk,
            "informasi:versi:nomor": versi.nomor,
            "informasi:uji:pk": uji.pk,
            "informasi:peserta:pk": uji.peserta.first().pk,
            "informasi:penetapan:pk": penetapan.pk,
            "informasi:impor:pk": draft.pk,
            ":fmt": "pdf",
            ":format": "pdf",
        }
    )

    # --- permohonan: citizen A's request, answered by unit A, refused, objected
    p, _code = workflow.permohonan_submit(
        actor=users[WARGA_A],
        kanal=Permohonan.Kanal.ONLINE,
        data=applicant_data(
            email=users[WARGA_A].email or "warga-a@contoh.id",
            **(
                {
                    "rincian_informasi": f"Rincian {c['rincian']}",
                    "alamat": f"Jl. {c['alamat']} No. 1",
                    "nik": c["nik"],
                }
                if c
                else {}
            ),
        ),
        berkas_identitas=pdf("ktp.pdf", text=f"KTP {c['identitas']}") if c else ktp(),
        persetujuan=True,
    )
    workflow.permohonan_verify(permohonan_id=p.pk, actor=desk)
    (disposisi,) = workflow.permohonan_assign(permohonan_id=p.pk, actor=ppid, units=[unit_a])
    workflow.disposisi_answer(
        disposisi_id=disposisi.pk,
        actor=penyedia,
        tersedia=True,
        files=[pdf(text=f"Jawaban unit {c.get('jawaban', '')}")],
    )
    keputusan = workflow.permohonan_decide(
        permohonan_id=p.pk,
        actor=ppid,
        putusan=workflow.Putusan(
            hasil=Keputusan.Hasil.DITOLAK_DIKECUALIKAN,
            dasar_pengecualian="h",
            alasan_pengecualian="Rahasia pribadi pihak ketiga.",
            mulai_uji=True,
        ),
        dokumen_ids=[],
    )
    keberatan = workflow.keberatan_submit(
        permohonan_id=p.pk,
        actor=Pemohon(p.pk),
        alasan=["a"],
        kasus_posisi="Informasi ini menyangkut kepentingan publik.",
    )
    dokumen = p.dokumen.first()
    ids.update(
        {
            "permohonan:pk": p.pk,
            "permohonan:kid": keputusan.pk,
            "permohonan:keberatan:kid": keberatan.pk,
            "permohonan:pemberitahuan:kid": keputusan.pk,
            "permohonan:did": dokumen.pk,
            "permohonan:dokumen:pk": dokumen.pk,
            "permohonan:disposisi:pk": disposisi.pk,
            "permohonan:keputusan:pk": keputusan.pk,
            "permohonan:keberatan:pk": keberatan.pk,
            "permohonan:kode": "ABCD-EFGH-JKMN-PQRS",
            "permohonan:halaman": "permohonan",
        }
    )

    # --- arsip: unit A's item with a scan in a location tree, a private meeting with a photo
    tree = make_tree(ppid)
    JadwalRetensiFactory(kode_klasifikasi="KU.01")
    item = make_item(ppid, unit=unit_a, lokasi=tree["b1"])
    berkas = add_scan(ppid, item)
    kegiatan = make_kegiatan(ppid, publik=False)
    lampiran = add_photo(ppid, kegiatan, publik=False)
    ids.update(
        {
            "arsip:lokasi:pk": tree["b1"].pk,
            "arsip:item:pk": item.pk,
            "arsip:berkas:berkas_pk": berkas.pk,
            "arsip:kegiatan:pk": kegiatan.pk,
            "arsip:lampiran:lampiran_pk": lampiran.pk,
            "arsip:jadwal-retensi:pk": JadwalRetensiFactory._meta.model.objects.first().pk,
        }
    )

    # --- portal and staff records with no owner
    regulasi = services.regulasi_save(
        actor=ppid,
        regulasi=DokumenRegulasi(jenis="uu", nomor="14/2008", judul="KIP", tahun=2008),
        upload=SimpleUploadedFile("uu.pdf", pdf_bytes()),
    )
    laporan = workflow.laporan_create(actor=ppid, tahun=timezone.localdate().year)
    draft_uji = proposed_uji(tim, entry=draft)
    ids.update(
        {
            "portal:pk": regulasi.pk,
            "permohonan:laporan:pk": laporan.pk,
            "informasi:uji-ubah:pk": draft_uji.pk,
            "informasi:uji-lampiran-unggah:pk": draft_uji.pk,
            "informasi:uji-peserta-tambah:pk": draft_uji.pk,
            "informasi:uji-batalkan:pk": draft_uji.pk,
        }
    )
    # The outbox holds what the workflow above wrote to citizen A (the canaries included).
    email = EmailKeluar.objects.filter(penerima=p.email).values_list("pk", flat=True).first()
    if email is not None:
        ids["portal:email:pk"] = email
    ids[":slug"] = HalamanPortal.objects.values_list("slug", flat=True).first() or "profil"
    return world
