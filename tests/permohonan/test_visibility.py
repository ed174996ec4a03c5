"""Which requests a user may see is decided once (`selectors.permohonan_visible_to` and its
companions for objections, assignments and documents). For every role, each page, queue, file
and export shows exactly that, and a guessed id outside it gives 404."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from permohonan import selectors, workflow
from permohonan.models import DokumenPermohonan, Keberatan, Keputusan, Permohonan
from permohonan.queues import QUEUES
from ppid_portal.access import can, has_role
from ppid_portal.roles import Role

from .factories import assigned, objected, pdf, submit_desk, verified

pytestmark = pytest.mark.django_db

WHO = [*Role, "penyedia_lain", "pemohon"]


@pytest.fixture
def world(users, make_user):
    """Requests in several hands: unassigned, assigned to the Penyedia's unit, to another unit,
    to both (each unit answered with a document), and one decided and objected to."""
    other = make_user(Role.PENYEDIA)
    ppid = users[Role.PPID]
    submit_desk(users[Role.DESK])
    assigned(users)
    theirs = verified(users)
    workflow.permohonan_assign(permohonan_id=theirs.pk, actor=ppid, units=[other.unit])
    both = verified(users)
    for d in workflow.permohonan_assign(
        permohonan_id=both.pk, actor=ppid, units=[users[Role.PENYEDIA].unit, other.unit]
    ):
        answerer = other if d.unit_id == other.unit_id else users[Role.PENYEDIA]
        workflow.disposisi_answer(disposisi_id=d.pk, actor=answerer, tersedia=True, files=[pdf()])
    objected(users)
    return {**users, "penyedia_lain": other}


def _pks(qs) -> set[int]:
    return set(qs.values_list("pk", flat=True))


def _status(client, url) -> int:
    return client.get(url).status_code


@pytest.mark.parametrize("who", WHO, ids=[str(w) for w in WHO])
def test_every_page_file_queue_and_export_shows_the_visible_requests(client, world, who):
    user = world[who]
    client.force_login(user)
    visible = _pks(selectors.permohonan_visible_to(user))
    staff = can(user, "permohonan.lihat")

    # Pages: the detail of each request.
    for p in Permohonan.objects.all():
        expected = (200 if p.pk in visible else 404) if staff else 403
        assert _status(client, reverse("permohonan:detail", args=[p.pk])) == expected, p.nomor

    # Files: each written notice and each document supplied by a unit.
    for k in Keputusan.objects.all():
        expected = (200 if k.permohonan_id in visible else 404) if staff else 403
        assert _status(client, reverse("permohonan:pemberitahuan", args=[k.pk])) == expected
    documents = _pks(selectors.dokumen_visible_to(user))
    assert {d.permohonan_id for d in DokumenPermohonan.objects.filter(pk__in=documents)} <= visible
    for d in DokumenPermohonan.objects.all():
        expected = (200 if d.pk in documents else 404) if staff else 403
        assert _status(client, reverse("permohonan:dokumen", args=[d.pk])) == expected

    # Objections.
    objections = _pks(selectors.keberatan_visible_to(user))
    assert (
        set(Keberatan.objects.filter(pk__in=objections).values_list("permohonan_id", flat=True))
        <= visible
    )
    may_objections = can(user, "keberatan.lihat")
    for kb in Keberatan.objects.all():
        expected = (200 if kb.pk in objections else 404) if may_objections else 403
        assert _status(client, reverse("permohonan:keberatan_detail", args=[kb.pk])) == expected

    # Queues: the pages of the user's queues list only visible requests.
    for key, (_title, roles, _query, url_name, _order) in QUEUES.items():
        if not has_role(user, *roles):
            continue
        response = client.get(reverse(url_name))
        assert response.status_code == 200
        for item in response.context["object_list"]:
            assert getattr(item, "permohonan_id", item.pk) in visible, key

    # Exports: the register lists the requests visible in the registers.
    if can(user, "permohonan.register"):
        in_register = selectors.permohonan_visible_to(user, register=True)
        assert visible <= _pks(in_register)
        response = client.get(reverse("permohonan:register_permohonan"), {"ekspor": "xlsx"})
        sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
        cells = {str(c) for row in sheet.iter_rows(values_only=True) for c in row if c}
        numbers = set(Permohonan.objects.values_list("nomor", flat=True))
        assert numbers & cells == set(in_register.values_list("nomor", flat=True))
    else:
        response = client.get(reverse("permohonan:register_permohonan"), {"ekspor": "xlsx"})
        assert response.status_code == 403


def test_the_rule_per_role(world):
    everything = _pks(Permohonan.objects.all())
    for role in (Role.DESK, Role.PPID, Role.ATASAN):
        assert _pks(selectors.permohonan_visible_to(world[role])) == everything
    mine = _pks(selectors.permohonan_visible_to(world[Role.PENYEDIA]))
    theirs = _pks(selectors.permohonan_visible_to(world["penyedia_lain"]))
    assert mine and theirs and mine != theirs and mine & theirs  # the shared request
    assert mine | theirs < everything  # the unassigned one is nobody's
    for who in (Role.PEMBINA, Role.TIM_PERTIMBANGAN, "pemohon"):
        assert not selectors.permohonan_visible_to(world[who]).exists()
    # The Pembina oversees the registers, and only there.
    assert _pks(selectors.permohonan_visible_to(world[Role.PEMBINA], register=True)) == everything
    assert not selectors.permohonan_visible_to(world[Role.PENYEDIA], register=True).exists()
    # A Penyedia sees only their own unit's documents, even on a shared request.
    for who in (Role.PENYEDIA, "penyedia_lain"):
        user = world[who]
        units = set(selectors.dokumen_visible_to(user).values_list("unit_id", flat=True))
        assert units == {user.unit_id}


def test_starting_a_consequence_test_of_a_request_needs_the_request_in_view(client, world):
    """The page that starts a test of the requested information opens a request by id through
    the same rule."""
    for who in (Role.PPID, Role.PENYEDIA, "penyedia_lain"):
        user = world[who]
        client.force_login(user)
        visible = _pks(selectors.permohonan_visible_to(user))
        for p in Permohonan.objects.all():
            response = client.get(reverse("permohonan:mulai_uji", args=[p.pk]))
            assert response.status_code == (200 if p.pk in visible else 404), (who, p.nomor)
