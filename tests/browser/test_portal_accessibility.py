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
