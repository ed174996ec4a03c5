"""A consequence test of the information a request asks for: started from the request (its page,
or a refusal without a decree), linked by `permohonan.UjiPermohonan`, one open at a time (a
database constraint), shown on informasi's pages through `ppid_portal.related`."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from informasi import workflow as informasi_workflow
from informasi.models import UjiKonsekuensi
from permohonan import workflow
from permohonan.models import UjiPermohonan
from ppid_portal import related
from ppid_portal.roles import Role
from tests.informasi.factories import completed_uji, documented_entry, proposed_uji

from .factories import answered, assigned, decided

pytestmark = pytest.mark.django_db


def start(users, p, role=Role.PPID, **kw) -> UjiKonsekuensi:
    return workflow.permohonan_start_test(permohonan_id=p.pk, actor=users[role], **kw)


def test_a_test_started_from_a_request_is_linked_to_it(users):
    p, d = assigned(users)
    uji = start(users, p, usulan="Data pribadi pihak ketiga.", alasan="h")
    link = UjiPermohonan.objects.get(permohonan=p)
    assert link.uji == uji and link.terbuka
    assert uji.atas_permintaan and uji.informasi is None and uji.status == "draf"
    assert uji.judul_informasi == p.rincian_informasi[:300] and uji.unit == d.unit
    assert (uji.usulan, uji.alasan) == ("Data pribadi pihak ketiga.", "h")


def test_one_open_test_per_request_and_a_new_one_once_it_closed(users):
    p, _d = assigned(users)
    first = start(users, p)
    with pytest.raises(ValidationError, match="belum selesai"):
        start(users, p)
    assert UjiPermohonan.objects.filter(permohonan=p).count() == 1
    informasi_workflow.uji_cancel(actor=users[Role.PPID], uji=first, alasan="Salah informasi.")
    assert not UjiPermohonan.objects.get(uji=first).terbuka  # follows the sheet's state
    second = start(users, p)
    assert list(p.uji_set.order_by("uji_id").values_list("uji_id", "terbuka")) == [
        (first.pk, False),
        (second.pk, True),
    ]


def test_the_database_itself_keeps_one_open_test_per_request(users):
    p, _d = assigned(users)
    start(users, p)
    # A second sheet of requested information, linked around the workflow.
    other = informasi_workflow.uji_propose(
        actor=users[Role.PPID], atas_permintaan=True, judul_informasi="Informasi yang sama"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        UjiPermohonan.objects.create(permohonan=p, uji=other, terbuka=True)
    # Closed, it may be linked (a request keeps the history of its tests).
    informasi_workflow.uji_cancel(actor=users[Role.PPID], uji=other, alasan="Ganda.")
    UjiPermohonan.objects.create(permohonan=p, uji=other, terbuka=False)


def test_only_a_sheet_of_requested_information_is_linked_to_a_request(users):
    p, _d = assigned(users)
    entry = documented_entry(users[Role.PENYEDIA], users[Role.DESK])
    sheet = proposed_uji(users[Role.PPID], entry=entry)
    assert not sheet.atas_permintaan
    with pytest.raises(ValueError, match="atas_permintaan"):
        UjiPermohonan.objects.create(permohonan=p, uji=sheet)
    # And the sheet itself must test an entry or requested information.
    with pytest.raises(IntegrityError), transaction.atomic():
        UjiKonsekuensi.objects.filter(pk=sheet.pk).update(informasi=None)


def test_a_refusal_joins_the_open_test_of_its_request(users):
    p, _d = answered(users)
    uji = start(users, p)
    _p, k = _refused(users, p)
    assert list(UjiPermohonan.objects.filter(permohonan=p).values_list("uji_id", flat=True)) == [
        uji.pk
    ]
    assert k.penetapan is None


def _refused(users, p):
    k = workflow.permohonan_decide(
        permohonan_id=p.pk,
        actor=users[Role.PPID],
        putusan=workflow.Putusan(
            hasil="ditolak_dikecualikan",
            dasar_pengecualian="h",
            alasan_pengecualian="Data pribadi.",
            mulai_uji=True,
        ),
    )
    return p, k


@pytest.mark.parametrize(
    "role, allowed",
    [
        (Role.PPID, True),
        (Role.TIM_PERTIMBANGAN, True),
        (Role.PENYEDIA, True),  # the request is assigned to their unit
        (Role.DESK, False),
        (Role.ATASAN, False),
        (Role.PEMBINA, False),
    ],
)
def test_who_may_start_a_test_of_a_request(users, role, allowed):
    p, _d = assigned(users)
    if allowed:
        assert start(users, p, role=role).atas_permintaan
    else:
        with pytest.raises(PermissionDenied):
            start(users, p, role=role)


def test_a_penyedia_of_another_unit_may_not(users, make_user):
    p, _d = assigned(users)
    with pytest.raises(PermissionDenied):
        workflow.permohonan_start_test(permohonan_id=p.pk, actor=make_user(Role.PENYEDIA))


def test_the_request_is_signed_with_the_sheet_and_not_moved_afterwards(users, make_user):
    p, _d = assigned(users)
    tim = make_user(Role.TIM_PERTIMBANGAN)
    uji = completed_uji(
        tim=tim, ppid=users[Role.PPID], unit_user=users[Role.PENYEDIA], permohonan=p
    )
    assert uji.status == "selesai"
    # The digest covers the request as the column of the sheet did before the link moved.
    assert uji.content()["permohonan_id"] == p.pk
    entry_uji = proposed_uji(tim, entry=documented_entry(users[Role.PENYEDIA], users[Role.DESK]))
    assert entry_uji.content()["permohonan_id"] is None
    other, _d = assigned(users)
    link = UjiPermohonan.objects.get(uji=uji)
    link.permohonan = other
    with pytest.raises(ValidationError, match="sudah selesai"):
        link.save()


def test_informasi_pages_reach_the_request_through_the_core_registry(client, users, make_user):
    assert {"informasi.uji", "informasi.penetapan.dirujuk"} <= set(related.registered_slots())
    p, _d = assigned(users)
    uji = start(users, p)
    links = related.links("informasi.uji", uji, users[Role.PPID])
    assert [(link.label, link.url) for link in links] == [
        (f"Permohonan {p.nomor}", reverse("permohonan:detail", args=[p.pk]))
    ]
    # Who may not open the request reads its number only; a document has no reader.
    tim = make_user(Role.TIM_PERTIMBANGAN)
    assert [link.url for link in related.links("informasi.uji", uji, tim)] == [""]
    assert [link.url for link in related.links("informasi.uji", uji)] == [""]
    client.force_login(users[Role.PPID])
    page = client.get(uji.get_absolute_url()).content.decode()
    assert reverse("permohonan:detail", args=[p.pk]) in page and p.nomor in page


def test_a_decree_page_lists_the_notices_that_cite_it(client, users, make_user):
    from tests.permohonan.test_penetapan_pengecualian import decree, refuse

    penetapan = decree(users, make_user)
    p, k = refuse(users, penetapan_id=penetapan.pk)
    client.force_login(users[Role.PPID])
    page = client.get(penetapan.get_absolute_url()).content.decode()
    assert f"{k.nomor} ({p.nomor}," in page
    assert reverse("permohonan:detail", args=[p.pk]) in page


def test_the_request_page_lists_its_tests_and_starts_one(client, users):
    p, _d = decided(users, hasil="ditolak_dikecualikan")
    uji = UjiPermohonan.objects.get(permohonan=p).uji
    client.force_login(users[Role.PPID])
    page = client.get(reverse("permohonan:detail", args=[p.pk])).content.decode()
    assert uji.get_absolute_url() in page
    assert reverse("permohonan:mulai_uji", args=[p.pk]) in page


def test_starting_a_test_through_its_page(client, users, make_user):
    p, _d = assigned(users)
    url = reverse("permohonan:mulai_uji", args=[p.pk])
    client.force_login(users[Role.PENYEDIA])
    page = client.get(url)
    assert page.status_code == 200 and p.rincian_informasi in page.content.decode()
    assert 'name="informasi"' not in page.content.decode()
    response = client.post(url, {"usulan": "Memuat data pribadi.", "alasan": "h"})
    uji = UjiPermohonan.objects.get(permohonan=p).uji
    assert response.status_code == 302 and response["Location"] == uji.get_absolute_url()
    # Again while that one is open: the form says why.
    response = client.post(url, {"usulan": "Lagi."})
    assert response.status_code == 200 and "belum selesai" in response.content.decode()
    assert UjiPermohonan.objects.filter(permohonan=p).count() == 1
    # Someone who may not open the request gets 404; GET is only the form.
    client.force_login(make_user(Role.PENYEDIA))
    assert client.get(url).status_code == 404
    assert client.post(url, {"usulan": "x"}).status_code == 404
