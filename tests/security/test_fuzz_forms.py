"""Property-based fuzzing of the forms (issue 7): random and hostile input — huge strings,
control characters, unicode, XSS and SQL-ish payloads, negative and huge numbers, bad dates and
choices — posted to every public form and a few staff forms. Never a 500; when the form is
refused (shown again), no table gained or lost a row.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from permohonan import tracking, workflow
from permohonan.models import Keputusan
from ppid_portal.roles import Role
from tests.permohonan.factories import decided, submit_desk
from tests.security.helpers import changed_counts, row_counts

pytestmark = pytest.mark.django_db

EXAMPLES = 25
TOTALS: dict[str, int] = {}

HOSTILE = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "' OR '1'='1' --",
        "1; DROP TABLE permohonan_permohonan; --",
        '=HYPERLINK("http://x")',
        "\x00\x01\x02\x1b[31m",
        "\u202e\u200b\ufeff",
        "𝕏" * 300,
        "a" * 20000,
        "-1",
        "-99999999999999999999",
        "99999999999999999999999",
        "0",
        "2026-02-30",
        "31/31/2031",
        "9999-99-99",
        "NaN",
        "",
        " ",
        "../../etc/passwd",
        "%00",
        "{{ 7*7 }}",
    ]
)
VALUE = st.one_of(HOSTILE, st.text(max_size=300), st.integers().map(str))


def form_data(fields: list[str]):
    """Each field absent, one hostile value or a list of them."""
    return st.fixed_dictionaries(
        {},
        optional={name: st.one_of(VALUE, st.lists(VALUE, max_size=3)) for name in fields},
    )


def post_and_check(client: Client, url: str, data: dict, name: str) -> None:
    before = row_counts()
    response = client.post(url, data)
    TOTALS[name] = TOTALS.get(name, 0) + 1
    assert response.status_code < 500, (url, data)
    if response.status_code != 302:
        changed = changed_counts(before, row_counts())
        changed.pop("sessions.session", None)
        assert changed == {}, (url, data, changed)


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)

APPLICANT_FIELDS = [
    "jenis_pemohon",
    "nama",
    "nama_lembaga",
    "nik",
    "alamat",
    "pekerjaan",
    "telepon",
    "email",
    "rincian_informasi",
    "tujuan_penggunaan",
    "cara_memperoleh",
    "cara_salinan",
    "persetujuan",
]


@pytest.fixture(autouse=True)
def no_rate_limits(settings):
    for scope in ("AJUKAN", "KEBERATAN", "LACAK", "DAFTAR"):
        setattr(settings, f"PPID_BATAS_{scope}", (10_000, 60))


@FUZZ
@given(data=form_data(APPLICANT_FIELDS))
def test_request_form(client, data):
    post_and_check(client, reverse("permohonan:ajukan"), data, "ajukan")


@FUZZ
@given(data=form_data(["nomor", "kode", "next"]))
def test_tracking_form(client, data):
    post_and_check(client, reverse("permohonan:lacak"), data, "lacak")


@FUZZ
@given(data=form_data(["username", "first_name", "email", "password1", "password2"]))
def test_sign_up_form(client, data):
    post_and_check(client, reverse("permohonan:daftar"), data, "daftar")


@FUZZ
@given(
    data=form_data(["alasan", "kasus_posisi", "tujuan_penggunaan", "nama_kuasa", "alamat_kuasa"])
)
def test_keberatan_form(client, objected_request, data):
    post_and_check(
        client,
        reverse("permohonan:keberatan_ajukan", args=[objected_request.pk]),
        data,
        "keberatan",
    )


@FUZZ
@given(
    data=form_data(
        ["rincian_informasi", "tujuan_penggunaan", "alamat", "pekerjaan", "telepon", "nik"]
    )
)
def test_completion_form(client, incomplete_request, data):
    post_and_check(
        client, reverse("permohonan:lengkapi", args=[incomplete_request.pk]), data, "lengkapi"
    )


@FUZZ
@given(data=form_data([*APPLICANT_FIELDS, "kanal", "diterima_pada"]))
def test_desk_form(desk_client, data):
    post_and_check(desk_client, reverse("permohonan:catat"), data, "catat (staf)")


@FUZZ
@given(
    data=form_data(
        ["kategori", "ringkasan", "pejabat_penguasa", "tahun", "retensi", "pengecualian_berakhir"]
    )
)
def test_entry_form(penyedia_client, data):
    post_and_check(penyedia_client, reverse("informasi:entri-create"), data, "entri (staf)")


@pytest.fixture
def objected_request(client, users):
    p, _k = decided(users, hasil=Keputusan.Hasil.DITOLAK_DIKECUALIKAN)
    _p, code = workflow.permohonan_reset_code(permohonan_id=p.pk, actor=users[Role.DESK])
    client.get(tracking.tracking_path(code))
    return p


@pytest.fixture
def incomplete_request(client, users):
    p, code = submit_desk(users[Role.DESK])
    workflow.permohonan_request_completion(
        permohonan_id=p.pk, actor=users[Role.DESK], kekurangan="Perjelas tahun anggaran."
    )
    client.get(tracking.tracking_path(code))
    return p


@pytest.fixture
def desk_client(users):
    client = Client()
    client.force_login(users[Role.DESK])
    return client


@pytest.fixture
def penyedia_client(users):
    client = Client()
    client.force_login(users[Role.PENYEDIA])
    return client


def test_zz_totals():
    """The run's count, for the closing note (printed with -s)."""
    print(f"\nFuzz: {len(TOTALS)} formulir, {sum(TOTALS.values())} contoh: {TOTALS}")
