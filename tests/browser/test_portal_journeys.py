import pytest

from ppid_portal.roles import Role

pytestmark = pytest.mark.django_db(transaction=True)


def test_visitor_opens_home_page(page):
    page.goto("/")
    assert page.locator("h1").inner_text() == "Layanan Informasi Publik"
    # Skip link and landmarks are present for keyboard and screen-reader users.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Langsung ke konten utama"
    assert page.locator("main#konten").count() == 1
    assert page.locator("nav[aria-label='Navigasi utama']").count() == 1


def test_visitor_switches_to_english(page):
    page.goto("/")
    page.get_by_label("Bahasa").select_option("en")
    page.get_by_role("button", name="Ganti").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Public Information Service"


def test_staff_logs_in_and_sees_dashboard(page, login, make_user):
    user = make_user(Role.DESK, first_name="Rina", last_name="Lestari")
    login(user)
    assert page.url.endswith("/staf/")
    assert "Selamat datang, Rina Lestari" in page.locator("h1").inner_text()
    assert page.locator(".role-name").all_inner_texts() == ["Desk Pelayanan Informasi"]


def test_phone_width_shows_menu_button(page):
    page.set_viewport_size({"width": 375, "height": 700})
    page.goto("/")
    assert page.get_by_role("button", name="Buka menu").is_visible()
