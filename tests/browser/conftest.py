"""Browser journeys in Debian's Chromium, driven by Playwright (never `playwright install`).

Without /usr/bin/chromium these tests are skipped with a visible reason; with
REQUIRE_BROWSER=1 (as in CI) a missing browser fails them instead.
"""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
# Playwright's sync API keeps an event loop in the test thread; the test still talks to the
# database synchronously (fixtures, assertions), which Django allows only when told.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    if not os.path.exists(CHROMIUM):
        message = f"Chromium tidak ditemukan di {CHROMIUM}: uji peramban dilewati"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message + " (REQUIRE_BROWSER=1)")
        pytest.skip(message + " (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
            ],
        )
        yield browser
        browser.close()


# Runs before any script of each page (Playwright injects it outside the page's CSP): every
# Content-Security-Policy violation is reported on the console, where the fixture collects it.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error("CSP violation: " + event.violatedDirective + " blocked " +
    (event.blockedURI || "inline") + " at " + event.sourceFile + ":" + event.lineNumber);
});
"""


def is_csp_violation(text: str) -> bool:
    return "CSP violation" in text or "Content Security Policy" in text


@pytest.fixture
def csp_violations():
    """Console messages about Content-Security-Policy violations on any page of the test.

    The `page` fixture fails the test when any are left at the end; a test that provokes one on
    purpose asserts on this list and clears it."""
    return []


@pytest.fixture
def page(chromium, live_server, csp_violations):
    context = chromium.new_context(base_url=live_server.url, locale="id-ID")
    context.set_default_timeout(15_000)
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    page.on(
        "console",
        lambda message: (
            csp_violations.append(f"{page.url}: {message.text}")
            if is_csp_violation(message.text)
            else None
        ),
    )
    yield page
    context.close()
    if csp_violations:
        pytest.fail(
            "Pelanggaran Content-Security-Policy di peramban:\n" + "\n".join(csp_violations)
        )


@pytest.fixture
def login(page):
    def _login(user, password: str = "sandi-uji-123"):
        page.goto("/masuk/")
        page.locator("#id_username").fill(user.username)
        page.locator("#id_password").fill(password)
        page.get_by_role("button", name="Masuk", exact=True).click()
        page.wait_for_load_state()

    return _login


AXE_JS = os.path.join(os.path.dirname(__file__), "vendor", "axe.min.js")


@pytest.fixture
def axe_violations(page):
    """axe_violations() -> serious/critical WCAG 2.1 A/AA violations on the current page.

    axe-core is evaluated from tests/browser/vendor (no network) through the DevTools
    protocol, which the page's Content-Security-Policy does not govern: a <script> tag added to
    the page would be (rightly) refused without the nonce."""

    with open(AXE_JS, encoding="utf-8") as source:
        axe_source = source.read()

    def _run() -> list[dict]:
        page.evaluate(axe_source)
        result = page.evaluate(
            """async () => await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
            })"""
        )
        return [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"]][:5],
            }
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]

    return _run
