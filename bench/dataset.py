"""The benchmark dataset, built fast with COPY but row for row what the workflows write.

    python -m bench.dataset build      # into the (empty, migrated) database of DATABASE_URL
    python -m bench.dataset fixtures   # sessions and ids for the load runs, as JSON on stdout

Fixed seed. What it holds:

- 24 units, 50 staff accounts in every role (Penyedia per unit), a few citizen accounts;
- 100,000 DIP entries documented through the Desk (2,000 of them excepted, Ps 17 a–j with end
  dates for a–f), each with the audit trail the workflow writes (buat, ajukan, dokumentasikan);
  documents: 600 PDF files of realistic sizes (one of exactly 1 MiB) with their text for the
  search, and links on one entry in ten;
- two versions: version 1 (the first 90,000 entries) set, ordered, published and superseded;
  version 2 (all 100,000) published. Their rows are the snapshot `version_set` writes (values,
  DIP number in the workflow's order, documents, `search_text` from `informasi.search.build_text`
  and the search vector from `informasi.search.index_entries`);
- 20,000 requests over the last two years in every state (baru, perlu dilengkapi,
  diverifikasi, diproses, selesai, ditarik, gugur) with their numbers from the per-year counters,
  deadlines from `permohonan.deadlines` on the office calendar, identity scans for the online
  ones, assignments to units, decisions with a numbered notice PDF, unit documents, 300
  objections, and the audit trail of every step.

Values go through the model fields' own `get_db_prep_save`, so each row is what the ORM would
write; only the per-row workflow calls are skipped, which would take an hour for this volume.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core.management.color import no_style  # noqa: E402
from django.db import connection, models, transaction  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from bench import pdfgen, textgen  # noqa: E402
from informasi import search  # noqa: E402
from informasi.models import (  # noqa: E402
    KATEGORI_ORDER,
    DokumenInformasi,
    EntriVersi,
    InformasiPublik,
    Kategori,
    VersiDIP,
)
from permohonan import deadlines  # noqa: E402
from permohonan.models import (  # noqa: E402
    Disposisi,
    DokumenPermohonan,
    JenisNomor,
    Keberatan,
    Keputusan,
    Permohonan,
)
from permohonan.tracking import SESSION_KEY, hash_secret  # noqa: E402
from permohonan.workflow import default_aturan, format_nomor, nomor_seri  # noqa: E402
from ppid_portal import numbering  # noqa: E402
from ppid_portal.calendar import load_holidays  # noqa: E402
from ppid_portal.middleware import LAST_SEEN, LOGIN_AT  # noqa: E402
from ppid_portal.models import AuditLog, StoredFile, UnitKerja, User  # noqa: E402
from ppid_portal.roles import Role  # noqa: E402

SEED = 20_260_901
N_ENTRIES = 100_000
N_EXCEPTED = 2_000
N_VERSION_1 = 90_000
N_REQUESTS = 20_000
N_DOCUMENTS = 600
ONE_MIB = 1024 * 1024
PASSWORD = "bench-Sandi-2026"  # noqa: S105 - benchmark accounts on a scratch database

TZ = timezone.get_default_timezone()
TODAY = timezone.localdate()


def log(message: str) -> None:
    print(f"[dataset {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------- low level


def _db_value(field: models.Field, obj: models.Model):
    if isinstance(field, models.FileField):
        value = getattr(obj, field.attname)
        return getattr(value, "name", value) or ""
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        value = getattr(obj, field.attname) or timezone.now()
        return field.get_db_prep_save(value, connection)
    return field.get_db_prep_save(getattr(obj, field.attname), connection)


def copy_objects(model: type[models.Model], objects) -> int:
    """COPY unsaved instances (primary keys already set) into the model's table."""
    fields = list(model._meta.concrete_fields)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    count = 0
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for obj in objects:
                copy.write_row([_db_value(f, obj) for f in fields])
                count += 1
    return count


def copy_through(through, rows) -> int:
    fields = [f for f in through._meta.concrete_fields if not f.primary_key]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(through._meta.db_table)
    count = 0
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
    return count


def next_id(model) -> int:
    return (model.objects.aggregate(m=models.Max("pk"))["m"] or 0) + 1


def reset_sequences(*model_list) -> None:
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), list(model_list)):
            cursor.execute(sql)


def aware(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, minute), TZ)


class Files:
    """Writes files under MEDIA_ROOT the way `store_upload` names them and returns StoredFile
    rows (digest and size of the bytes written)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.rows: list[StoredFile] = []
        self.next_pk = next_id(StoredFile)
        self.root = Path(settings.MEDIA_ROOT)

    def add(
        self,
        data: bytes,
        *,
        name: str,
        mime: str,
        purpose: str,
        when: datetime,
        sensitive: bool = False,
        uploaded_by=None,
    ) -> StoredFile:
        suffix = Path(name).suffix.lower()
        relative = f"berkas/{when:%Y/%m}/{self.rng.getrandbits(128):032x}{suffix}"
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        os.chmod(path, 0o640)
        row = StoredFile(
            pk=self.next_pk,
            file=relative,
            original_name=name,
            content_type=mime,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            purpose=purpose,
            sensitive=sensitive,
            uploaded_by_id=uploaded_by,
            uploaded_at=when,
        )
        self.next_pk += 1
        self.rows.append(row)
        return row

    def flush(self) -> None:
        copy_objects(StoredFile, self.rows)
        self.rows = []


class Audit:
    """Audit rows as `ppid_portal.audit.record` writes them."""

    def __init__(self):
        self.rows: list[AuditLog] = []
        self.next_pk = next_id(AuditLog)
        self.types: dict[type, ContentType] = {}

    def add(
        self,
        *,
        when: datetime,
        actor: User | None,
        obj_model,
        obj_pk: int,
        obj_repr: str,
        action: str,
        from_state: str = "",
        to_state: str = "",
        note: str = "",
        actor_label: str | None = None,
    ) -> None:
        ct = self.types.get(obj_model)
        if ct is None:
            ct = self.types[obj_model] = ContentType.objects.get_for_model(
                obj_model, for_concrete_model=False
            )
        if actor_label is None:
            actor_label = (
                f"{actor.get_full_name()} ({actor.username})" if actor is not None else "Sistem"
            )
        self.rows.append(
            AuditLog(
                pk=self.next_pk,
                created_at=when,
                actor_id=actor.pk if actor is not None else None,
                actor_label=actor_label[:200],
                content_type_id=ct.pk,
                object_id=str(obj_pk),
                object_repr=obj_repr[:300],
                action=action,
                from_state=from_state,
                to_state=to_state,
                note=note,
            )
        )
        self.next_pk += 1

    def flush(self) -> None:
        # AuditLog.save refuses updates; COPY writes fresh rows like create() does.
        copy_objects(AuditLog, self.rows)
        self.rows = []


# ----------------------------------------------------------------------------- people


def build_people(text: textgen.Text):
    units = []
    for index, (kode, nama, kepala) in enumerate(textgen.UNITS):
        units.append(
            UnitKerja.objects.create(
                kode=kode,
                nama=nama,
                jenis=UnitKerja.Jenis.SUB_BAGIAN if index < 7 else UnitKerja.Jenis.SATUAN_KERJA,
                kepala=kepala,
                email=f"{kode}@contoh.go.id",
            )
        )
    password = make_password(PASSWORD)
    groups = {role: Group.objects.get(name=role.value) for role in Role}
    plan = (
        [(Role.PPID, None)] * 2
        + [(Role.ATASAN, None)] * 2
        + [(Role.DESK, None)] * 6
        + [(Role.PENYEDIA, unit) for unit in units]
        + [(Role.PENYEDIA, units[i]) for i in range(6)]
        + [(Role.TIM_PERTIMBANGAN, None)] * 5
        + [(Role.PEMBINA, None)] * 5
    )
    assert len(plan) == 50, len(plan)
    staff: dict[Role, list[User]] = {role: [] for role in Role}
    for index, (role, unit) in enumerate(plan, start=1):
        first, last = text.nama().split(" ", 1)
        user = User.objects.create(
            username=f"staf{index:02d}",
            first_name=first,
            last_name=last,
            email=f"staf{index:02d}@contoh.go.id",
            password=password,
            unit=unit,
            jabatan=str(role.value),
        )
        user.groups.add(groups[role])
        staff[role].append(user)
    citizens = [
        User.objects.create(
            username=f"warga{i}",
            first_name=text.nama(),
            email=f"warga{i}@contoh.id",
            password=password,
        )
        for i in range(1, 6)
    ]
    return units, staff, citizens


# ----------------------------------------------------------------------------- DIP


def build_dip(text: textgen.Text, rng: random.Random, units, staff, files: Files, audit: Audit):
    penyedia_by_unit = {u.unit_id: u for u in staff[Role.PENYEDIA]}
    desk = staff[Role.DESK]
    unit_names = {u.pk: u.nama for u in units}
    excepted = set(rng.sample(range(N_ENTRIES), N_EXCEPTED))
    rare = set(rng.sample([i for i in range(N_ENTRIES) if i not in excepted], textgen.RARE_COUNT))
    first_pk = next_id(InformasiPublik)
    entries: list[InformasiPublik] = []
    log("DIP entries")
    for index in range(N_ENTRIES):
        unit = units[int(rng.triangular(0, len(units) - 0.01, 2))]
        tahun = rng.randint(2016, 2026)
        if index in excepted:
            kategori = Kategori.DIKECUALIKAN
        else:
            roll = rng.random()
            kategori = (
                Kategori.SERTA_MERTA
                if roll < 0.04
                else Kategori.BERKALA
                if roll < 0.5
                else Kategori.SETIAP_SAAT
            )
        start = date(tahun, 1, 1)
        end = min(date(tahun, 12, 31), TODAY - timedelta(days=3))
        created = start + timedelta(days=rng.randint(0, max((end - start).days, 0)))
        dibuat = aware(created, rng.randint(8, 15), rng.randint(0, 59))
        diajukan = dibuat + timedelta(hours=rng.randint(1, 30))
        documented = diajukan + timedelta(hours=rng.randint(2, 48))
        hardcopy = rng.random() < 0.6
        # The Desk refuses an entry without any form of information (validation.clean_values).
        softcopy = rng.random() < 0.9 or not hardcopy
        alasan = ""
        berakhir = None
        if kategori == Kategori.DIKECUALIKAN:
            alasan = rng.choice("abcdefghij")
            if alasan in "abcdef":
                berakhir = date(tahun + rng.randint(3, 10), 12, 31)
        entry = InformasiPublik(
            pk=first_pk + index,
            unit_id=unit.pk,
            kategori=kategori,
            ringkasan=text.ringkasan(index, unit.nama, tahun, rare=index in rare),
            pejabat_penguasa=unit.kepala,
            penanggung_jawab=text.choice(textgen.PENANGGUNG_JAWAB),
            waktu_tempat=f"{textgen.BULAN[created.month - 1]} {tahun}, Kantor {unit.nama}",
            softcopy=softcopy,
            hardcopy=hardcopy,
            cetak=rng.random() < 0.4,
            rekam=rng.random() < 0.05,
            online=rng.random() < 0.5,
            retensi=text.choice(textgen.RETENSI),
            kode_klasifikasi=text.choice(textgen.KODE_KLASIFIKASI),
            tahun=tahun,
            subjek=text.subjek(),
            alasan_pengecualian=alasan,
            pengecualian_berakhir=berakhir,
            status=InformasiPublik.Status.DIDOKUMENTASIKAN,
            lokasi_softcopy=f"Server PPID /dip/{tahun}/{unit.kode}/" if softcopy else "",
            lokasi_hardcopy=f"Ruang arsip {unit.kode}, lemari {rng.randint(1, 9)}"
            if hardcopy
            else "",
            dibuat_oleh_id=penyedia_by_unit[unit.pk].pk,
            dibuat_pada=dibuat,
            diubah_pada=dibuat,
            diajukan_pada=diajukan,
            didokumentasikan_oleh_id=rng.choice(desk).pk,
            didokumentasikan_pada=documented,
        )
        entries.append(entry)
        penyedia = penyedia_by_unit[unit.pk]
        repr_ = str(entry)
        audit.add(
            when=dibuat,
            actor=penyedia,
            obj_model=InformasiPublik,
            obj_pk=entry.pk,
            obj_repr=repr_,
            action="informasi.buat",
            to_state="draf",
        )
        audit.add(
            when=diajukan,
            actor=penyedia,
            obj_model=InformasiPublik,
            obj_pk=entry.pk,
            obj_repr=repr_,
            action="informasi.ajukan",
            from_state="draf",
            to_state="diajukan",
        )
        documenter = next(u for u in desk if u.pk == entry.didokumentasikan_oleh_id)
        audit.add(
            when=documented,
            actor=documenter,
            obj_model=InformasiPublik,
            obj_pk=entry.pk,
            obj_repr=repr_,
            action="informasi.dokumentasikan",
            from_state="diajukan",
            to_state="didokumentasikan",
        )
    copy_objects(InformasiPublik, entries)
    log(f"{len(entries)} entries written; documents")

    # Documents: files on some entries (never on excepted ones here), links on one in ten.
    documents: list[DokumenInformasi] = []
    docs_of: dict[int, list[DokumenInformasi]] = {}
    next_doc = next_id(DokumenInformasi)
    candidates = [e for i, e in enumerate(entries) if i not in excepted]
    with_files = rng.sample(candidates, N_DOCUMENTS + 1)
    for number, entry in enumerate(with_files):
        if number == 0:
            size = ONE_MIB
        else:
            size = int(min(max(rng.lognormvariate(11.6, 0.9), 20_000), 3_000_000))
        body = text.dokumen_text(rng.randint(150, 900))
        if (entry.pk - first_pk) % 2 == 0:
            body += f" Disusun untuk {textgen.COMMON_TERM}."
        data = pdfgen.pdf_bytes(body, size, seed=rng.getrandbits(32))
        judul = entry.ringkasan.split(",")[0][:200]
        stored = files.add(
            data,
            name=f"{judul[:60].strip()}.pdf".replace("/", "-"),
            mime="application/pdf",
            purpose=StoredFile.Purpose.DOKUMEN_DIP,
            when=entry.diajukan_pada,
            uploaded_by=entry.dibuat_oleh_id,
        )
        doc = DokumenInformasi(
            pk=next_doc,
            informasi_id=entry.pk,
            jenis=DokumenInformasi.Jenis.BERKAS,
            judul=judul,
            berkas_id=stored.pk,
            teks=body,
            ditambahkan_oleh_id=entry.dibuat_oleh_id,
            ditambahkan_pada=entry.diajukan_pada,
        )
        next_doc += 1
        documents.append(doc)
        docs_of.setdefault(entry.pk, []).append(doc)
    for entry in rng.sample(candidates, len(candidates) // 10):
        doc = DokumenInformasi(
            pk=next_doc,
            informasi_id=entry.pk,
            jenis=DokumenInformasi.Jenis.TAUTAN,
            judul=f"Dokumen daring {entry.tahun}",
            tautan=f"https://jdih.contoh.go.id/dokumen/{entry.pk}",
            ditambahkan_oleh_id=entry.dibuat_oleh_id,
            ditambahkan_pada=entry.diajukan_pada,
        )
        next_doc += 1
        documents.append(doc)
        docs_of.setdefault(entry.pk, []).append(doc)
    files.flush()
    copy_objects(DokumenInformasi, documents)
    one_mib_entry = with_files[0].pk
    log(f"{len(documents)} documents; versions")

    # Versions: what version_set freezes, in its order, then order and publish.
    ppid, atasan = staff[Role.PPID][0], staff[Role.ATASAN][0]
    first_version_day = date(2026, 1, 15)
    v1_entries = [e for e in entries if e.didokumentasikan_pada.date() < first_version_day]
    v1_entries = v1_entries[:N_VERSION_1]
    last_day = max(e.didokumentasikan_pada for e in entries) + timedelta(days=2)
    versions = [
        (1, "001/PPID/SK/I/2026", first_version_day, v1_entries),
        (2, f"002/PPID/SK/{last_day.month}/2026", last_day.date(), entries),
    ]
    next_row = next_id(EntriVersi)
    through = EntriVersi.dokumen.through
    previous = None
    created_versions = []
    for nomor, sk, day, members in versions:
        set_at = aware(day, 10)
        versi = VersiDIP.objects.create(
            nomor=nomor,
            nomor_sk=sk,
            tanggal_sk=day,
            penandatangan=ppid.get_full_name(),
            jabatan_penandatangan="PPID Kabupaten Contoh",
            sebelumnya=previous,
            status=VersiDIP.Status.DITETAPKAN,
            dibuat_oleh=ppid,
            dibuat_pada=set_at,
        )
        with translation.override("id"):
            planned = sorted(
                members,
                key=lambda e: (
                    KATEGORI_ORDER.index(e.kategori),
                    unit_names[e.unit_id].lower(),
                    -e.tahun,
                    e.ringkasan.lower(),
                    e.pk,
                ),
            )
            rows = []
            links = []
            for position, entry in enumerate(planned, start=1):
                entry_docs = docs_of.get(entry.pk, [])
                row = EntriVersi(
                    pk=next_row,
                    versi_id=versi.pk,
                    informasi_id=entry.pk,
                    nomor_urut=position,
                    tanggal=entry.didokumentasikan_pada,
                    search_text=search.build_text(
                        entry, unit_name=unit_names[entry.unit_id], documents=entry_docs
                    ),
                    unit_id=entry.unit_id,
                    **{
                        name: getattr(entry, name)
                        for name in (
                            "kategori",
                            "ringkasan",
                            "pejabat_penguasa",
                            "penanggung_jawab",
                            "waktu_tempat",
                            "softcopy",
                            "hardcopy",
                            "cetak",
                            "rekam",
                            "online",
                            "retensi",
                            "kode_klasifikasi",
                            "tahun",
                            "subjek",
                            "alasan_pengecualian",
                            "pengecualian_berakhir",
                        )
                    },
                )
                next_row += 1
                rows.append(row)
                links.extend((row.pk, d.pk) for d in sorted(entry_docs, key=lambda d: d.pk))
        copy_objects(EntriVersi, rows)
        copy_through(through, links)
        audit.add(
            when=set_at,
            actor=ppid,
            obj_model=VersiDIP,
            obj_pk=versi.pk,
            obj_repr=str(versi),
            action="informasi.versi.tetapkan",
            to_state="ditetapkan",
            note=f"SK {sk} tanggal {day:%d-%m-%Y}; {len(rows)} entri",
        )
        ordered_at = set_at + timedelta(hours=3)
        published_at = set_at + timedelta(days=1)
        versi.status = VersiDIP.Status.DIPERINTAHKAN
        versi.diperintahkan_oleh = atasan
        versi.diperintahkan_pada = ordered_at
        versi.save()
        audit.add(
            when=ordered_at,
            actor=atasan,
            obj_model=VersiDIP,
            obj_pk=versi.pk,
            obj_repr=str(versi),
            action="informasi.versi.perintahkan",
            from_state="ditetapkan",
            to_state="diperintahkan",
        )
        if previous is not None:
            previous.status = VersiDIP.Status.DIGANTIKAN
            previous.digantikan_pada = published_at
            previous.save()
            audit.add(
                when=published_at,
                actor=desk[0],
                obj_model=VersiDIP,
                obj_pk=previous.pk,
                obj_repr=str(previous),
                action="informasi.versi.gantikan",
                from_state="dipublikasikan",
                to_state="digantikan",
                note=f"Digantikan versi {nomor}",
            )
        versi.status = VersiDIP.Status.DIPUBLIKASIKAN
        versi.dipublikasikan_oleh = desk[0]
        versi.dipublikasikan_pada = published_at
        versi.save()
        audit.add(
            when=published_at,
            actor=desk[0],
            obj_model=VersiDIP,
            obj_pk=versi.pk,
            obj_repr=str(versi),
            action="informasi.versi.publikasikan",
            from_state="diperintahkan",
            to_state="dipublikasikan",
        )
        previous = versi
        created_versions.append(versi)
        log(f"version {nomor}: {len(rows)} rows")
    # The versions were numbered here, not by the counter: the next one follows them.
    numbering.raise_to(VersiDIP.SERI_NOMOR, value=max(v.nomor for v in created_versions))
    log("search vectors")
    search.rebuild()
    return {"one_mib_entry": one_mib_entry, "excepted": len(excepted)}


# ----------------------------------------------------------------------------- requests

STATE_WEIGHTS = [
    (Permohonan.Status.SELESAI, 0.55),
    (Permohonan.Status.DIPROSES, 0.10),
    (Permohonan.Status.DIVERIFIKASI, 0.06),
    (Permohonan.Status.BARU, 0.10),
    (Permohonan.Status.PERLU_DILENGKAPI, 0.06),
    (Permohonan.Status.DITARIK, 0.07),
    (Permohonan.Status.GUGUR, 0.06),
]
OPEN = {
    Permohonan.Status.BARU,
    Permohonan.Status.PERLU_DILENGKAPI,
    Permohonan.Status.DIVERIFIKASI,
    Permohonan.Status.DIPROSES,
}


def nik(rng: random.Random) -> str:
    """A NIK as the portal checks it: region, birth date (day + 40 for women), serial."""
    day = rng.randint(1, 28) + (40 if rng.random() < 0.5 else 0)
    return (
        f"3604{rng.randint(1, 29):02d}{day:02d}{rng.randint(1, 12):02d}"
        f"{rng.randint(60, 99):02d}{rng.randint(1, 9999):04d}"
    )


def _working_days_back(day: date, count: int, holidays) -> date:
    while count > 0:
        day -= timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            count -= 1
    return day


def build_requests(
    text: textgen.Text, rng: random.Random, units, staff, citizens, files: Files, audit: Audit
) -> dict:
    aturan = default_aturan()
    rules = aturan.as_rules()
    holidays = load_holidays(range(TODAY.year - 2, TODAY.year + 2))
    desk, ppid, atasan = staff[Role.DESK], staff[Role.PPID], staff[Role.ATASAN]
    penyedia_by_unit = {u.unit_id: u for u in staff[Role.PENYEDIA]}
    counters: dict[tuple[str, int], int] = {}

    def take(jenis: str, day: date) -> tuple[int, int, str]:
        key = (jenis, day.year)
        counters[key] = counters.get(key, 0) + 1
        return day.year, counters[key], format_nomor(jenis, counters[key], day)

    # Receipt days: closed requests over the last two years, open ones in the last few weeks.
    states = rng.choices(
        [s for s, _w in STATE_WEIGHTS], weights=[w for _s, w in STATE_WEIGHTS], k=N_REQUESTS
    )
    start = date(TODAY.year - 1, 1, 2)
    plans = []
    for status in states:
        if status in OPEN:
            day = _working_days_back(TODAY, rng.randint(0, 14), holidays)
        else:
            day = start + timedelta(days=rng.randint(0, (TODAY - start).days - 20))
            while day.weekday() >= 5:
                day -= timedelta(days=1)
        plans.append((day, status))
    plans.sort(key=lambda p: p[0])

    scans = [
        pdfgen.pdf_bytes(f"Pindaian KTP {i}", rng.randint(25_000, 90_000), seed=i)
        for i in range(12)
    ]
    pk = next_id(Permohonan)
    next_disp, next_kep, next_doc, next_keb = (
        next_id(Disposisi),
        next_id(Keputusan),
        next_id(DokumenPermohonan),
        next_id(Keberatan),
    )
    requests, assignments, decisions, unit_docs, objections = [], [], [], [], []
    decision_docs = []
    tracking_code = None
    sample_selesai = None
    for day, status in plans:
        received = aware(day, rng.randint(7, 16), rng.randint(0, 59))
        kanal = rng.choices(list(Permohonan.Kanal.values), weights=[45, 30, 5, 10, 8, 2])[0]
        online = kanal == Permohonan.Kanal.ONLINE
        year, urut, nomor = take(JenisNomor.PERMOHONAN, day)
        clock = deadlines.notice_clock(day, rules)
        unit = units[int(rng.triangular(0, len(units) - 0.01, 5))]
        nama = text.nama()
        code = f"BENCH{pk:011d}"
        p = Permohonan(
            pk=pk,
            nomor=nomor,
            tahun=year,
            urut=urut,
            status=status,
            kanal=kanal,
            jenis_pemohon=rng.choices(Permohonan.JenisPemohon.values, weights=[85, 10, 5])[0],
            nama=nama,
            nik=nik(rng) if rng.random() < 0.8 else "",
            alamat=f"Jl. {text.choice(textgen.KECAMATAN)} No. {rng.randint(1, 200)}, "
            f"Kecamatan {text.choice(textgen.KECAMATAN)}",
            pekerjaan=text.choice(textgen.PEKERJAAN),
            telepon=f"08{rng.randint(10**9, 10**10 - 1)}",
            email=(
                f"{nama.lower().replace(' ', '.')}{pk}@surel.contoh.id"
                if rng.random() < 0.7
                else ""
            ),
            rincian_informasi=text.permintaan(unit.nama, rng.randint(2019, 2026)),
            tujuan_penggunaan=text.choice(textgen.TUJUAN),
            cara_memperoleh=rng.choice(Permohonan.CaraMemperoleh.values),
            cara_salinan=rng.choice(["", *Permohonan.CaraSalinan.values]),
            persetujuan_pada=received if online else None,
            dicatat_oleh_id=None if online else rng.choice(desk).pk,
            token_hash=hash_secret(code),
            diterima_pada=received,
            tanggal_diterima=day,
            aturan_id=aturan.pk,
            aturan_hari=rules.as_dict(),
            jam_mulai=clock.mulai,
            jam_hari=clock.hari,
            tenggat_pemberitahuan=deadlines.notice_due(clock, holidays),
            pemeriksaan_mulai=day,
            tenggat_pemeriksaan=deadlines.check_due(day, rules, holidays),
            created_at=received,
            updated_at=received,
        )
        if online:
            scan = files.add(
                scans[pk % len(scans)] + f"%{pk}\n".encode(),
                name="ktp.pdf",
                mime="application/pdf",
                purpose=StoredFile.Purpose.IDENTITAS,
                when=received,
                sensitive=True,
            )
            p.berkas_identitas_id = scan.pk
        repr_ = nomor
        if online:
            audit.add(
                when=received,
                actor=None,
                actor_label="Pemohon (daring)",
                obj_model=Permohonan,
                obj_pk=pk,
                obj_repr=repr_,
                action="permohonan.ajukan",
                to_state="baru",
                note=str(p.get_kanal_display()),
            )
        else:
            clerk = next(u for u in desk if u.pk == p.dicatat_oleh_id)
            audit.add(
                when=received,
                actor=clerk,
                obj_model=Permohonan,
                obj_pk=pk,
                obj_repr=repr_,
                action="permohonan.catat",
                to_state="baru",
                note=str(p.get_kanal_display()),
            )
        step = received + timedelta(hours=rng.randint(2, 40))
        checker = rng.choice(desk)
        if status == Permohonan.Status.PERLU_DILENGKAPI or (status == Permohonan.Status.GUGUR):
            p.kekurangan = (
                "Lampirkan pindaian KTP yang terbaca dan rincian informasi yang lebih jelas."
            )
            p.perlu_dilengkapi_pada = step.date()
            p.tenggat_melengkapi = deadlines.completion_due(step.date(), rules, holidays)
            audit.add(
                when=step,
                actor=checker,
                obj_model=Permohonan,
                obj_pk=pk,
                obj_repr=repr_,
                action="permohonan.perlu_dilengkapi",
                from_state="baru",
                to_state="perlu_dilengkapi",
                note=p.kekurangan,
            )
            if status == Permohonan.Status.GUGUR:
                closed = aware(p.tenggat_melengkapi + timedelta(days=3), 10)
                p.ditutup_pada = closed
                p.alasan_penarikan = "Tidak dilengkapi sampai batas waktu."
                audit.add(
                    when=closed,
                    actor=checker,
                    obj_model=Permohonan,
                    obj_pk=pk,
                    obj_repr=repr_,
                    action="permohonan.gugur",
                    from_state="perlu_dilengkapi",
                    to_state="gugur",
                    note=p.alasan_penarikan,
                )
        elif status == Permohonan.Status.DITARIK:
            closed = step + timedelta(days=1)
            p.ditutup_pada = closed
            p.alasan_penarikan = "Informasi sudah diperoleh dari sumber lain."
            audit.add(
                when=closed,
                actor=None,
                actor_label="Pemohon (tautan pelacakan)",
                obj_model=Permohonan,
                obj_pk=pk,
                obj_repr=repr_,
                action="permohonan.tarik",
                from_state="baru",
                to_state="ditarik",
                note=p.alasan_penarikan,
            )
        elif status in (
            Permohonan.Status.DIVERIFIKASI,
            Permohonan.Status.DIPROSES,
            Permohonan.Status.SELESAI,
        ):
            audit.add(
                when=step,
                actor=checker,
                obj_model=Permohonan,
                obj_pk=pk,
                obj_repr=repr_,
                action="permohonan.verifikasi",
                from_state="baru",
                to_state="diverifikasi",
            )
            if status != Permohonan.Status.DIVERIFIKASI:
                assigned_at = step + timedelta(hours=rng.randint(1, 20))
                officer = rng.choice(ppid)
                chosen = rng.sample(units, 1 if rng.random() < 0.8 else 2)
                for u in chosen:
                    answered = status == Permohonan.Status.SELESAI
                    d = Disposisi(
                        pk=next_disp,
                        permohonan_id=pk,
                        unit_id=u.pk,
                        status=Disposisi.Status.TERSEDIA if answered else Disposisi.Status.MENUNGGU,
                        catatan_ppid="Mohon disiapkan salinan dokumennya.",
                        ditugaskan_oleh_id=officer.pk,
                        ditugaskan_pada=assigned_at,
                        jawaban="Dokumen terlampir." if answered else "",
                        dijawab_oleh_id=penyedia_by_unit[u.pk].pk if answered else None,
                        dijawab_pada=assigned_at + timedelta(days=2) if answered else None,
                    )
                    next_disp += 1
                    assignments.append(d)
                    audit.add(
                        when=assigned_at,
                        actor=officer,
                        obj_model=Disposisi,
                        obj_pk=d.pk,
                        obj_repr=f"{nomor} → {u.nama}",
                        action="disposisi.buat",
                        to_state="menunggu",
                        note=d.catatan_ppid,
                    )
                audit.add(
                    when=assigned_at,
                    actor=officer,
                    obj_model=Permohonan,
                    obj_pk=pk,
                    obj_repr=repr_,
                    action="permohonan.disposisi",
                    from_state="diverifikasi",
                    to_state="diproses",
                    note=", ".join(u.nama for u in chosen),
                )
                if status == Permohonan.Status.SELESAI:
                    decided_day = min(p.tenggat_pemberitahuan, TODAY - timedelta(days=1))
                    decided = aware(decided_day, 14)
                    hasil = rng.choices(Keputusan.Hasil.values, weights=[60, 12, 8, 12, 8])[0]
                    kyear, kurut, knomor = take(JenisNomor.PEMBERITAHUAN, decided_day)
                    notice = pdfgen.pdf_bytes(
                        f"Pemberitahuan tertulis {knomor} atas permohonan {nomor} {nama}",
                        rng.randint(3_000, 6_000),
                        seed=next_kep,
                    )
                    stored = files.add(
                        notice,
                        name=f"pemberitahuan-{knomor.replace('/', '-')}.pdf",
                        mime="application/pdf",
                        purpose=StoredFile.Purpose.JAWABAN,
                        when=decided,
                        uploaded_by=officer.pk,
                    )
                    k = Keputusan(
                        pk=next_kep,
                        permohonan_id=pk,
                        nomor=knomor,
                        tanggal=decided_day,
                        hasil=hasil,
                        bentuk=Keputusan.Bentuk.SOFTCOPY,
                        biaya=0,
                        diputus_oleh_id=officer.pk,
                        nama_pejabat=officer.get_full_name(),
                        jabatan_pejabat="PPID",
                        berkas_pdf_id=stored.pk,
                        created_at=decided,
                        disampaikan_pada=decided_day if rng.random() < 0.8 else None,
                    )
                    H = Keputusan.Hasil
                    if hasil == H.DIBERIKAN_SEBAGIAN:
                        k.bagian_dihitamkan = "NIK dan alamat penerima"
                        k.alasan_penghitaman = "Data pribadi (Pasal 17 huruf h)"
                        k.dasar_pengecualian = "h"
                        k.alasan_pengecualian = "Mengungkap rahasia pribadi"
                    elif hasil == H.DITOLAK_DIKECUALIKAN:
                        k.dasar_pengecualian = rng.choice("abcdefghij")
                        k.alasan_pengecualian = "Hasil uji konsekuensi PPID"
                    elif hasil == H.TIDAK_DIKUASAI:
                        k.badan_penguasa = "Pemerintah Provinsi"
                    elif hasil == H.BELUM_DIDOKUMENTASIKAN:
                        k.tanggal_didokumentasikan = decided_day + timedelta(days=30)
                    next_kep += 1
                    decisions.append(k)
                    if k.memberi and rng.random() < 0.2:
                        data = pdfgen.pdf_bytes(
                            text.dokumen_text(200), rng.randint(40_000, 160_000), seed=next_doc
                        )
                        stored = files.add(
                            data,
                            name="salinan-dokumen.pdf",
                            mime="application/pdf",
                            purpose=StoredFile.Purpose.JAWABAN,
                            when=decided,
                            uploaded_by=penyedia_by_unit[chosen[0].pk].pk,
                        )
                        unit_docs.append(
                            DokumenPermohonan(
                                pk=next_doc,
                                permohonan_id=pk,
                                berkas_id=stored.pk,
                                disposisi_id=assignments[-1].pk,
                                unit_id=chosen[-1].pk,
                                diunggah_oleh_id=penyedia_by_unit[chosen[-1].pk].pk,
                                diunggah_pada=decided - timedelta(days=1),
                            )
                        )
                        decision_docs.append((k.pk, next_doc))
                        next_doc += 1
                    p.keputusan_aktif_id = k.pk
                    p.ditutup_pada = decided
                    audit.add(
                        when=decided,
                        actor=officer,
                        obj_model=Permohonan,
                        obj_pk=pk,
                        obj_repr=repr_,
                        action="permohonan.putus",
                        from_state="diproses",
                        to_state="selesai",
                        note=f"{knomor}: {k.get_hasil_display()}",
                    )
                    if sample_selesai is None and TODAY - decided_day < timedelta(days=40):
                        sample_selesai = pk
                        tracking_code = code
                    objection_due = (
                        len(objections) < 300
                        and hasil in (H.DITOLAK_DIKECUALIKAN, H.TIDAK_DIKUASAI)
                        and TODAY - decided_day < timedelta(days=120)
                    )
                    if objection_due:
                        filed = decided_day + timedelta(days=rng.randint(1, 10))
                        if filed < TODAY:
                            byear, burut, bnomor = take(JenisNomor.KEBERATAN, filed)
                            kb_state = rng.choices(Keberatan.Status.values, weights=[25, 65, 10])[0]
                            kb = Keberatan(
                                pk=next_keb,
                                nomor=bnomor,
                                tahun=byear,
                                urut=burut,
                                permohonan_id=pk,
                                status=kb_state,
                                kanal=Keberatan.Kanal.ONLINE,
                                alasan="a" if hasil == H.DITOLAK_DIKECUALIKAN else "e",
                                kasus_posisi="Pemohon tidak menerima alasan penolakan PPID.",
                                tujuan_penggunaan=p.tujuan_penggunaan,
                                diajukan_pada=aware(filed, 11),
                                tanggal_diajukan=filed,
                                tanggal_alasan=decided_day,
                                tenggat_tanggapan=deadlines.atasan_due(filed, rules, holidays),
                                created_at=aware(filed, 11),
                            )
                            audit.add(
                                when=aware(filed, 11),
                                actor=None,
                                actor_label="Pemohon (tautan pelacakan)",
                                obj_model=Keberatan,
                                obj_pk=kb.pk,
                                obj_repr=bnomor,
                                action="keberatan.ajukan",
                                to_state="diajukan",
                            )
                            if kb_state == Keberatan.Status.DIPUTUS:
                                answered_day = min(kb.tenggat_tanggapan, TODAY)
                                tyear, turut, tnomor = take(JenisNomor.TANGGAPAN, answered_day)
                                kb.putusan = Keberatan.Putusan.MENGUATKAN
                                kb.pertimbangan = "Alasan penolakan PPID telah sesuai Pasal 17."
                                kb.nomor_tanggapan = tnomor
                                kb.tanggal_tanggapan = answered_day
                                kb.diputus_oleh_id = atasan[0].pk
                                kb.nama_atasan = atasan[0].get_full_name()
                                kb.jabatan_atasan = "Atasan PPID"
                                kb.tenggat_sengketa = deadlines.sengketa_last_day(
                                    answered_day, rules, holidays
                                )
                                audit.add(
                                    when=aware(answered_day, 15),
                                    actor=atasan[0],
                                    obj_model=Keberatan,
                                    obj_pk=kb.pk,
                                    obj_repr=bnomor,
                                    action="keberatan.putus",
                                    from_state="diajukan",
                                    to_state="diputus",
                                    note=kb.pertimbangan,
                                )
                            elif kb_state == Keberatan.Status.DITARIK:
                                kb.ditarik_pada = aware(filed + timedelta(days=2), 9)
                                kb.alasan_penarikan = "Selesai dengan musyawarah."
                                audit.add(
                                    when=kb.ditarik_pada,
                                    actor=desk[0],
                                    obj_model=Keberatan,
                                    obj_pk=kb.pk,
                                    obj_repr=bnomor,
                                    action="keberatan.tarik",
                                    from_state="diajukan",
                                    to_state="ditarik",
                                    note=kb.alasan_penarikan,
                                )
                            next_keb += 1
                            objections.append(kb)
        requests.append(p)
        pk += 1
    files.flush()
    copy_objects(Permohonan, requests)
    copy_objects(Disposisi, assignments)
    copy_objects(Keputusan, decisions)
    copy_objects(DokumenPermohonan, unit_docs)
    copy_through(Keputusan.dokumen.through, decision_docs)
    copy_objects(Keberatan, objections)
    for (jenis, year), last in counters.items():
        numbering.raise_to(nomor_seri(jenis), year=year, value=last)
    log(
        f"{len(requests)} requests, {len(assignments)} assignments, {len(decisions)} decisions, "
        f"{len(unit_docs)} unit documents, {len(objections)} objections"
    )
    return {"tracking_pk": sample_selesai, "tracking_code": tracking_code}


# ----------------------------------------------------------------------------- commands


def build() -> None:
    started = time.monotonic()
    rng = random.Random(SEED)
    text = textgen.Text(SEED)
    with transaction.atomic():
        units, staff, citizens = build_people(text)
        files = Files(random.Random(SEED + 1))
        audit = Audit()
        dip = build_dip(text, rng, units, staff, files, audit)
        requests = build_requests(text, rng, units, staff, citizens, files, audit)
        log(f"{len(audit.rows)} audit records")
        audit.flush()
        reset_sequences(
            StoredFile,
            AuditLog,
            InformasiPublik,
            DokumenInformasi,
            EntriVersi,
            VersiDIP,
            Permohonan,
            Disposisi,
            Keputusan,
            DokumenPermohonan,
            Keberatan,
        )
    with connection.cursor() as cursor:
        # The search vectors are written by an UPDATE of every row (as `version_set` does); a
        # running portal has autovacuum tidy that up, the benchmark does it at once.
        cursor.execute("VACUUM (ANALYZE)")
    info = {"seed": SEED, **dip, **requests}
    Path(settings.MEDIA_ROOT, ".bench-dataset.json").write_text(json.dumps(info))
    log(f"dataset built in {time.monotonic() - started:.0f} s")


def fixtures() -> None:
    """Print what the load runs need: ids of pages, the 1 MiB document and two sessions (a
    signed-in Desk officer and an applicant who proved a tracking code)."""
    info = json.loads(Path(settings.MEDIA_ROOT, ".bench-dataset.json").read_text())
    versi = VersiDIP.objects.get(status=VersiDIP.Status.DIPUBLIKASIKAN)
    detail = EntriVersi.objects.filter(versi=versi, kategori=Kategori.BERKALA).order_by(
        "nomor_urut"
    )[500]
    document = DokumenInformasi.objects.get(
        informasi_id=info["one_mib_entry"], jenis=DokumenInformasi.Jenis.BERKAS
    )
    year_row = (
        EntriVersi.objects.filter(versi=versi, kategori=Kategori.SETIAP_SAAT)
        .values("tahun")
        .annotate(n=models.Count("id"))
        .order_by("-n")
        .first()
    )
    desk = User.objects.filter(groups__name=Role.DESK.value).order_by("pk").first()
    now = int(time.time())
    staff_session = SessionStore()
    staff_session.update(
        {
            "_auth_user_id": str(desk.pk),
            "_auth_user_backend": "django.contrib.auth.backends.ModelBackend",
            "_auth_user_hash": desk.get_session_auth_hash(),
            LOGIN_AT: now,
            LAST_SEEN: now,
        }
    )
    staff_session.create()
    applicant_session = SessionStore()
    applicant_session[SESSION_KEY] = [info["tracking_pk"]]
    applicant_session.create()
    print(
        json.dumps(
            {
                "session_cookie": settings.SESSION_COOKIE_NAME,
                "staff_session": staff_session.session_key,
                "applicant_session": applicant_session.session_key,
                "detail_id": detail.informasi_id,
                "document_entry": info["one_mib_entry"],
                "document_id": document.pk,
                "document_size": document.berkas.size,
                "tracking_pk": info["tracking_pk"],
                "kategori": Kategori.SETIAP_SAAT.value,
                "tahun": year_row["tahun"],
                "rare_term": textgen.RARE_TERM,
                "common_term": textgen.COMMON_TERM,
            }
        )
    )


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "build"
    {"build": build, "fixtures": fixtures}[command]()
