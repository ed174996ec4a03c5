"""The access walk (issue 7): every route of the URLconf is declared in tests/security/routes.py,
and every route is requested by every kind of visitor — anonymous, two citizens (one owns the
request of the world), each staff role, a Penyedia of another unit — with the real ids of the
world's objects (tests/security/world.py) and with those ids ±50. Whoever the declaration does
not allow gets a redirect to the login page, 403 or 404: never a page, never a 500, and nothing
written. Allowed visitors never get a 500 either (their POSTs go last, since they change the
world).
"""

from __future__ import annotations

import re

import pytest
from django.test import Client

from ppid_portal.roles import Role
from tests.security.helpers import all_routes, changed_counts, row_counts
from tests.security.routes import PREFIXES, ROUTES, Access
from tests.security.world import ADMIN, ANONIM, PENYEDIA_LAIN, WARGA_A, WARGA_B, build_world

pytestmark = pytest.mark.django_db

ALL_ROUTES = all_routes()
STAFF_ACTORS = (*Role, PENYEDIA_LAIN)
WALKERS = (ANONIM, WARGA_A, WARGA_B, *Role, PENYEDIA_LAIN, ADMIN)
LOGIN_PATHS = ("/masuk/", "/admin/login/")
_INT_PARAM = re.compile(r"<int:(\w+)>")


def declaration(route) -> Access | None:
    if route.name in ROUTES:
        return ROUTES[route.name]
    return next((a for p, a in PREFIXES.items() if route.route.startswith(p)), None)


def allowed(access: Access, actor: str) -> bool:
    if access.kind == "public":
        return True
    if access.kind == "token":
        return actor == WARGA_A
    if access.kind == "signed_in":
        return actor != ANONIM
    if access.kind == "admin":
        return actor == ADMIN
    if actor == PENYEDIA_LAIN:
        return Role.PENYEDIA in access.roles and not access.unit_only
    return actor in access.roles


def refused(response) -> bool:
    if response.status_code in (403, 404):
        return True
    location = response.get("Location", "")
    return response.status_code == 302 and any(p in location for p in LOGIN_PATHS)


def test_every_route_is_declared():
    undeclared = sorted(str(r) for r in ALL_ROUTES if declaration(r) is None)
    assert undeclared == [], f"Rute tanpa deklarasi akses di tests/security/routes.py: {undeclared}"
    names = {r.name for r in ALL_ROUTES}
    stale = sorted(set(ROUTES) - names)
    assert stale == [], f"Deklarasi untuk rute yang tidak ada lagi: {stale}"


def test_declared_roles_agree_with_the_registered_actions():
    """A role the declaration allows must be one the view's action admits (the access rules are
    the source of truth; the declaration must not promise more)."""
    from ppid_portal.access import registered_actions

    rules = registered_actions()
    wrong = []
    for route in ALL_ROUTES:
        access = declaration(route)
        action = getattr(getattr(route.callback, "view_class", None), "action", None)
        rule = rules.get(action) if action else None
        if access is None or access.kind != "staff" or rule is None or not rule.roles:
            continue
        if not access.roles <= rule.roles:
            wrong.append((str(route), sorted(access.roles - rule.roles)))
    assert wrong == []


def _variants(route, values: dict[str, str]) -> list[tuple[str, str]]:
    """(label, url): the real ids, then every int id +50 and (where positive) -50."""
    urls = [("id asli", route.url(**values))]
    ints = [n for n in _INT_PARAM.findall(route.route) if n in values]
    if ints:
        for delta in (50, -50):
            shifted = {**values, **{n: str(int(values[n]) + delta) for n in ints}}
            if all(int(shifted[n]) > 0 for n in ints):
                urls.append((f"id {delta:+d}", route.url(**shifted)))
    return urls


def _request(client: Client, url: str):
    response = client.get(url)
    if response.status_code == 405:  # POST-only: the normal client posts an empty form
        response = client.post(url, {})
    return response


def test_access_walk():
    world = build_world()
    clients: dict[str, Client] = {}
    for actor in WALKERS:
        clients[actor] = Client(raise_request_exception=False)
        if actor != ANONIM:
            clients[actor].force_login(world.users[actor])

    routes = [r for r in ALL_ROUTES if not r.route.startswith("admin/")]
    admin_routes = [r for r in ALL_ROUTES if r.route.startswith("admin/")]
    failures: list[str] = []
    checked = real_ids = 0

    # Pass 1: whoever is not allowed. Nothing may be shown and nothing written.
    before = row_counts()
    for route in routes:
        access = declaration(route)
        values, _missing = world.values(route)
        real_ids += bool(values)
        for label, url in _variants(route, values):
            for actor in WALKERS:
                if allowed(access, actor) and label == "id asli":
                    continue
                response = _request(clients[actor], url)
                checked += 1
                if response.status_code >= 500:
                    failures.append(f"{actor} {url}: {response.status_code}")
                elif not allowed(access, actor) and not refused(response):
                    failures.append(f"{actor} {url} ({access}): {response.status_code}")
    # Public routes given an object that is not public: refused to everyone.
    draft, draft_doc = world.ids["informasi:entri:pk"], world.ids["informasi:dokumen:pk"]
    private = {
        "informasi:dip-detail": {"pk": draft},
        "informasi:api-detail": {"pk": draft},
        "informasi:dip-dokumen": {"pk": draft, "dokumen": draft_doc},
        "arsip:kegiatan_publik_detail": {"pk": world.ids["arsip:kegiatan:pk"]},
        "arsip:lampiran_publik": {
            "pk": world.ids["arsip:kegiatan:pk"],
            "lampiran_pk": world.ids["arsip:lampiran:lampiran_pk"],
        },
    }
    by_name = {r.name: r for r in routes}
    for name, values in private.items():
        url = by_name[name].url(**values)
        for actor in WALKERS:
            response = _request(clients[actor], url)
            checked += 1
            if not refused(response):
                failures.append(f"{actor} {url} (objek tidak publik): {response.status_code}")

    # The admin site has one gate for all its pages (admin_view); a citizen, a staff member
    # without admin rights and an anonymous visitor stand for everyone it refuses.
    for route in admin_routes:
        access = declaration(route)
        url = route.url()
        for actor in (ANONIM, WARGA_A, Role.PPID, PENYEDIA_LAIN):
            if allowed(access, actor):
                continue
            response = clients[actor].get(url)
            checked += 1
            if not refused(response):
                failures.append(f"{actor} {url} ({access}): {response.status_code}")
    written = changed_counts(before, row_counts(exclude={"portal.kunjunganharian"}))
    # The walk signs nobody in or out; page views are counted by design.
    written.pop("sessions.session", None)
    if written:
        failures.append(f"Permintaan yang ditolak mengubah data: {written}")

    # Pass 2: whoever is allowed, with the real ids: never a 500 (logout last).
    for route in sorted(routes, key=lambda r: r.name == "logout"):
        access = declaration(route)
        url = route.url(**world.values(route)[0])
        for actor in WALKERS:
            if allowed(access, actor):
                response = _request(clients[actor], url)
                checked += 1
                if response.status_code >= 500:
                    failures.append(f"{actor} {url} (diizinkan): {response.status_code}")

    print(
        f"\nJalan akses: {len(ALL_ROUTES)} rute × {len(WALKERS)} pengunjung, "
        f"{checked} permintaan, {real_ids} rute berparameter dengan id nyata"
    )
    assert failures == [], "\n".join(failures)
