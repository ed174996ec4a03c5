"""Fragments kept per process and language (the public menu and the footer): the same for
everyone, right in each language, and never holding a visitor's own links."""

from __future__ import annotations

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.urls import reverse

from ppid_portal.roles import Role
from ppid_portal.templatetags import portal_tags

pytestmark = pytest.mark.django_db


@pytest.fixture
def fragments(settings):
    settings.PPID_FRAGMENT_CACHE = True
    portal_tags._fixed.clear()
    yield portal_tags._fixed
    portal_tags._fixed.clear()


def _menu(html: str) -> str:
    start = html.index('<ul class="navbar-nav me-auto">')
    return html[start : html.index("</ul>\n", html.index('href="/statistik/'))]


def test_menu_and_footer_are_rendered_once_per_language(client, fragments):
    indonesian = client.get("/").content.decode()
    assert set(fragments) == {("nav-publik", "id"), ("kaki", "id")}
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = client.get("/").content.decode()
    assert set(fragments) == {(n, lang) for n in ("nav-publik", "kaki") for lang in ("id", "en")}
    assert ">Beranda<" in _menu(indonesian) and ">Home<" in _menu(english)
    assert ">Beranda<" not in _menu(english)
    # Served again from the kept fragment: the same bytes.
    assert _menu(client.get(reverse("informasi:dip-list")).content.decode()) == _menu(english)


def test_visitors_own_links_stay_outside_the_fragments(client, users, fragments):
    client.get("/")  # an anonymous visitor fills the fragments first
    client.force_login(users["pemohon"])
    html = client.get("/").content.decode()
    assert "Permohonan saya" in html and "Keluar (" in html
    client.force_login(users[Role.PPID])
    html = client.get("/").content.decode()
    assert "Dasbor staf" in html and "Navigasi staf" in html
    assert "Permohonan saya" not in _menu(html)


def test_nothing_is_kept_in_development(client, settings):
    settings.PPID_FRAGMENT_CACHE = False
    portal_tags._fixed.clear()
    client.get("/")
    assert portal_tags._fixed == {}


def test_the_tag_needs_one_quoted_name():
    with pytest.raises(TemplateSyntaxError):
        Template("{% load portal_tags %}{% fragmen_tetap nama %}x{% endfragmen_tetap %}")
    rendered = Template("{% load portal_tags %}{% fragmen_tetap 'x' %}ok{% endfragmen_tetap %}")
    assert rendered.render(Context()) == "ok"
