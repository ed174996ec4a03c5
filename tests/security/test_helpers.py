"""The walking helpers catch what they are meant to catch (so a green walk means something)."""

import pytest

from tests.security.helpers import (
    all_routes,
    assert_csrf_refused,
    assert_gets_change_nothing,
    csrf_client,
)

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.security.urls")]


def routes_by_name():
    return {str(route): route for route in all_routes()}


def test_routes_are_filled_and_checked_by_resolve():
    route = routes_by_name()["tulis_lewat_get"]
    assert route.params == ["nomor"]
    assert route.url() == "/uji/tulis-lewat-get/1/"
    assert route.url(nomor=42) == "/uji/tulis-lewat-get/42/"
    with pytest.raises(AssertionError, match="Tidak dapat membuat URL"):
        route.url(nomor="bukan-angka")


def test_a_get_that_writes_is_caught_and_named(client):
    with pytest.raises(AssertionError, match="GET /uji/tulis-lewat-get/7/"):
        assert_gets_change_nothing(client, ["/uji/umum/", "/uji/tulis-lewat-get/7/"])
    assert_gets_change_nothing(client, ["/uji/umum/"])


def test_an_exempt_view_is_found_and_its_post_is_not_refused():
    route = routes_by_name()["tanpa_csrf"]
    assert route.csrf_exempt
    with pytest.raises(AssertionError, match="tanpa token CSRF: 200"):
        assert_csrf_refused(csrf_client(), route.url())
