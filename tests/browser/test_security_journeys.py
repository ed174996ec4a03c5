"""The pages work in a real browser under the Content-Security-Policy (the `page` fixture fails
a test on any violation), and a locked-out login shows its page."""

import pytest
from django.conf import settings

from ppid_portal.roles import Role

pytestmark = pytest.mark.django_db(transaction=True)


def wait_for_violations(page, csp_violations, at_least=1):
    for _ in range(20):
        if len(csp_violations) >= at_least:
            return
        page.wait_for_timeout(100)


def test_the_browser_enforces_the_policy_and_the_fixture_sees_it(page, csp_violations):
    page.goto("/")
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.disusupkan = true;";
            document.body.appendChild(script);
            document.querySelector("h1").setAttribute("style", "color: red");
        }"""
    )
    wait_for_violations(page, csp_violations, at_least=2)
    assert page.evaluate("window.disusupkan === undefined")
    joined = "\n".join(csp_violations)
    assert "script-src" in joined and "style-src" in joined
    csp_violations.clear()


def test_public_pages_run_their_scripts_under_the_policy(page):
    for path in ["/", "/profil/profil/", "/regulasi/", "/masuk/", "/halaman-tidak-ada/"]:
        page.goto(path)
        page.wait_for_load_state("load")
    page.goto("/")
    # Bootstrap's dropdown is driven by the static bundle: it works without inline script.
    page.get_by_role("button", name="Profil").or_(page.get_by_role("link", name="Profil")).click()
    assert page.get_by_role("link", name="Regulasi dan SOP").is_visible()


def test_staff_pages_work_under_the_policy(page, login, make_user):
    login(make_user(Role.PPID))
    for path in ["/staf/", "/staf/audit/", "/staf/konten/", "/staf/konten/halaman/kontak/"]:
        page.goto(path)
        assert page.locator("h1").count() == 1, path
    page.goto("/staf/konten/regulasi/baru/")
    page.get_by_role("button", name="Simpan").click()
    assert page.locator(".invalid-feedback, .alert-danger, .errorlist").count() >= 1


def test_admin_pages_work_under_the_policy(page, login, make_user):
    login(make_user(is_staff=True, is_superuser=True))
    for path in ["/admin/", "/admin/portal/harilibur/", "/admin/portal/harilibur/add/"]:
        page.goto(path)
        page.wait_for_load_state("load")
        assert page.locator("#content").count() == 1, path


def test_locked_out_login_shows_a_clear_page(page, login, make_user):
    user = make_user(Role.DESK)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(user, password="bukan-sandinya")
    assert page.locator("h1").inner_text() == "Akun dikunci sementara"
    assert "coba lagi setelah 15 menit" in page.locator("main").inner_text().lower()
    login(user)  # the right password is refused while the lock lasts
    assert page.locator("h1").inner_text() == "Akun dikunci sementara"
    login(make_user(Role.PPID))  # another account from the same browser is not locked
    assert page.url.endswith("/staf/")
