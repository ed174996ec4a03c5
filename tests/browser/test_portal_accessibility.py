import pytest

pytestmark = pytest.mark.django_db(transaction=True)

PUBLIC_PAGES = ["/", "/masuk/", "/profil/profil/", "/profil/kontak/", "/regulasi/"]


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("language", ["id", "en"])
def test_public_pages_have_no_serious_accessibility_violations(
    page, live_server, axe_violations, width, language
):
    page.set_viewport_size({"width": width, "height": 900})
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    found = {}
    for path in PUBLIC_PAGES:
        page.goto(path)
        violations = axe_violations()
        if violations:
            found[path] = violations
    assert found == {}


@pytest.fixture
def journey_pages(users):
    """A published DIP with an entry and a decided request the visitor may track: the pages of
    the main journeys (DIP list, entry, request form, tracking, statistics, procedures)."""
    from permohonan import workflow
    from ppid_portal.roles import Role
    from tests.informasi.factories import documented_entry, publish_version
    from tests.permohonan.factories import decided

    actors = {
        "penyedia": users[Role.PENYEDIA],
        "desk": users[Role.DESK],
        "ppid": users[Role.PPID],
        "atasan": users[Role.ATASAN],
    }
    entry = documented_entry(
        actors["penyedia"], actors["desk"], document="Laporan kegiatan", ringkasan="Laporan"
    )
    documented_entry(
        actors["penyedia"], actors["desk"], kategori="serta_merta", ringkasan="Peringatan banjir"
    )
    publish_version(actors)
    p, _k = decided(users)
    _p, code = workflow.permohonan_reset_code(permohonan_id=p.pk, actor=users[Role.DESK])
    from permohonan.tracking import tracking_path

    return {
        "pages": [
            "/",
            "/informasi/",
            entry.get_absolute_url(),
            "/permohonan/ajukan/",
            "/permohonan/lacak/",
            tracking_path(code),  # redirects to the tracking page of the request
            f"/permohonan/lacak/{p.pk}/survei/",
            "/permohonan/prosedur/jangka-waktu/",
            "/statistik/",
        ],
    }


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("language", ["id", "en"])
def test_journey_pages_have_no_serious_accessibility_violations(
    page, live_server, axe_violations, journey_pages, width, language
):
    from django.core.cache import cache

    cache.clear()  # the tracking link is rate limited per address
    page.set_viewport_size({"width": width, "height": 900})
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    found = {}
    for path in journey_pages["pages"]:
        response = page.goto(path)
        assert response.status == 200, path
        # Nothing wider than the screen: usable on a phone without sideways scrolling.
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        violations = axe_violations()
        if overflow > 0:
            violations.append({"id": "horizontal-overflow", "px": overflow})
        if violations:
            found[path] = violations
    assert found == {}
