"""A fixture year (July–October 2025) built through the real workflow, with an office holiday
on Tuesday 15 July 2025, for the statistics, the annual report and the rekap.

Requests (received → first written notice; working days counted from the day after receipt,
weekends and the 15 July holiday skipped):

| | received | kanal | first notice | working days | outcome | on time |
|---|---|---|---|---|---|---|
| A | Mon 07-07 | langsung | Tue 07-08 | 1 | seluruhnya | yes |
| B | Mon 07-14 | surat | Fri 07-18 | 3 | ditolak (Ps 17 h) | yes |
| C | Wed 07-02 | email | Wed 07-09 | 5 | sebagian (Ps 17 i) | yes |
| D | Tue 07-01 | telepon | Fri 07-11 | 8 | tidak dikuasai | yes |
| E | Thu 07-03 | langsung | Tue 07-22 | 12 | seluruhnya; keberatan (g) granted | no (due 07-18) |
| F | Mon 07-21 | langsung | Wed 08-06 | 12 | seluruhnya, extended 5 days (due 08-11) | yes |
| G | Tue 07-01 | langsung | — | — | withdrawn | not counted |
| H | Thu 07-24 | faksimili | — | — | still open, long overdue | no |

Median of 1, 3, 5, 8, 12, 12 = 6.5; nearest-rank 90th percentile = 12; on time 5 of 7.
Keberatan: B (a) upheld 07-28; E (g) granted 07-30, carried out 08-05; C (d) withdrawn.
Sengketa: B at adjudication, refused. Survey: A (4,4,4,4,4), F (2,3,3,4,3).
"""

from __future__ import annotations

from datetime import date, datetime, time

from django.utils import timezone

from permohonan import services, workflow
from permohonan.models import Keberatan, Keputusan, Permohonan, Sengketa
from permohonan.tracking import Pemohon
from ppid_portal.calendar import load_holidays
from ppid_portal.roles import Role

from .factories import applicant_data

K = Permohonan.Kanal
H = Keputusan.Hasil
TAHUN = 2025
LIBUR = date(2025, 7, 15)


def at(month: int, day: int, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(date(TAHUN, month, day), time(hour, 0)))


def _submit(users, kanal, month, day, nama):
    p, _code = workflow.permohonan_submit(
        actor=users[Role.DESK],
        kanal=kanal,
        data=applicant_data(nama=nama, email=f"{nama.lower()}@contoh.id"),
        diterima_pada=at(month, day),
    )
    return workflow.permohonan_verify(permohonan_id=p.pk, actor=users[Role.DESK])


def _decide(users, p, hasil, month, day, **fields):
    putusan = {"bentuk": Keputusan.Bentuk.MELIHAT} if hasil in Keputusan.GIVING else {}
    putusan.update(fields)
    return workflow.permohonan_decide(
        permohonan_id=p.pk,
        actor=users[Role.PPID],
        putusan=workflow.Putusan(hasil=hasil, **putusan),
        at=at(month, day, 14),
    )


def build(users, settings) -> dict[str, Permohonan]:
    """The fixture year; returns the requests by letter (refreshed)."""
    settings.PPID_CATAT_MUNDUR_MAKS_HARI = 10_000
    load_holidays([TAHUN])
    services.holiday_add(
        actor=users[Role.PPID], tanggal=LIBUR, nama="Libur kantor (uji)", catatan="SK uji 1/2025"
    )
    ppid, atasan = users[Role.PPID], users[Role.ATASAN]
    r = {
        "A": _submit(users, K.LANGSUNG, 7, 7, "Ani"),
        "B": _submit(users, K.SURAT, 7, 14, "Budi"),
        "C": _submit(users, K.EMAIL, 7, 2, "Citra"),
        "D": _submit(users, K.TELEPON, 7, 1, "Dodi"),
        "E": _submit(users, K.LANGSUNG, 7, 3, "Eka"),
        "F": _submit(users, K.LANGSUNG, 7, 21, "Fajar"),
        "G": _submit(users, K.LANGSUNG, 7, 1, "Gita"),
        "H": _submit(users, K.FAKSIMILI, 7, 24, "Hadi"),
    }
    _decide(users, r["A"], H.DIBERIKAN_SELURUHNYA, 7, 8)
    _decide(
        users,
        r["B"],
        H.DITOLAK_DIKECUALIKAN,
        7,
        18,
        dasar_pengecualian="h",
        alasan_pengecualian="Memuat rahasia pribadi pihak ketiga.",
        # No decree in force yet: the refusal starts a consequence test from the request.
        mulai_uji=True,
    )
    _decide(
        users,
        r["C"],
        H.DIBERIKAN_SEBAGIAN,
        7,
        9,
        dasar_pengecualian="i",
        bagian_dihitamkan="Lampiran memorandum",
        alasan_penghitaman="Memorandum internal yang dirahasiakan.",
    )
    _decide(users, r["D"], H.TIDAK_DIKUASAI, 7, 11, badan_penguasa="Dinas Kependudukan")
    _decide(users, r["E"], H.DIBERIKAN_SELURUHNYA, 7, 22)
    workflow.permohonan_extend(
        permohonan_id=r["F"].pk, actor=ppid, hari=5, alasan="Dokumen tersebar.", at=at(7, 30)
    )
    _decide(users, r["F"], H.DIBERIKAN_SELURUHNYA, 8, 6)
    workflow.permohonan_withdraw(
        permohonan_id=r["G"].pk, actor=Pemohon(r["G"].pk), alasan="Tidak jadi.", at=at(7, 2)
    )

    kb_b = workflow.keberatan_submit(
        permohonan_id=r["B"].pk,
        actor=Pemohon(r["B"].pk),
        alasan=["a"],
        kasus_posisi="Informasi ini menyangkut kepentingan publik.",
        at=at(7, 21),
    )
    workflow.keberatan_decide(
        keberatan_id=kb_b.pk,
        actor=atasan,
        putusan=Keberatan.Putusan.MENGUATKAN,
        pertimbangan="Pengecualian sudah tepat.",
        at=at(7, 28),
    )
    kb_e = workflow.keberatan_submit(
        permohonan_id=r["E"].pk,
        actor=Pemohon(r["E"].pk),
        alasan=["g"],
        kasus_posisi="Pemberitahuan melewati batas waktu.",
        at=at(7, 23),
    )
    workflow.keberatan_decide(
        keberatan_id=kb_e.pk,
        actor=atasan,
        putusan=Keberatan.Putusan.MENGABULKAN,
        pertimbangan="Informasi harus segera diberikan.",
        at=at(7, 30),
    )
    _decide(users, Permohonan.objects.get(pk=r["E"].pk), H.DIBERIKAN_SELURUHNYA, 8, 5)
    kb_c = workflow.keberatan_submit(
        permohonan_id=r["C"].pk,
        actor=Pemohon(r["C"].pk),
        alasan=["d"],
        kasus_posisi="Bagian yang dihitamkan terlalu luas.",
        at=at(7, 14),
    )
    workflow.keberatan_withdraw(
        keberatan_id=kb_c.pk, actor=Pemohon(r["C"].pk), alasan="Musyawarah.", at=at(7, 16)
    )
    workflow.sengketa_record(
        permohonan_id=r["B"].pk,
        actor=ppid,
        keberatan_id=kb_b.pk,
        values={
            "nomor_register": "012/VIII/KI-PROV-PS-A/2025",
            "tanggal_diajukan": date(2025, 8, 11),
            "tahap": Sengketa.Tahap.AJUDIKASI,
            "hasil": Sengketa.Hasil.DITOLAK,
            "tanggal_hasil": date(2025, 10, 1),
            "catatan": "",
        },
    )
    for letter, scores, komentar in (
        ("A", (4, 4, 4, 4, 4), "Pelayanan sangat cepat."),
        ("F", (2, 3, 3, 4, 3), ""),
    ):
        services.survei_submit(
            actor=Pemohon(r[letter].pk),
            permohonan_id=r[letter].pk,
            nilai=dict(
                zip(
                    (
                        "nilai_prosedur",
                        "nilai_waktu",
                        "nilai_hasil",
                        "nilai_petugas",
                        "nilai_sarana",
                    ),
                    scores,
                    strict=True,
                )
            ),
            komentar=komentar,
            at=at(8, 15),
        )
    return {key: Permohonan.objects.get(pk=p.pk) for key, p in r.items()}
