"""The one transition view of every app (`ppid_portal.views_transition`): POST only, one
service call, its refusal shown to the user, back to the object."""

from types import SimpleNamespace

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.test import RequestFactory

from ppid_portal.roles import Role
from ppid_portal.views_transition import TransitionPageView, TransitionView

pytestmark = pytest.mark.django_db

OBJ = SimpleNamespace(get_absolute_url=lambda: "/objek/1/")


class ReasonForm(forms.Form):
    alasan = forms.CharField()


class Step(TransitionView):
    action = "portal.dashboard.view"
    form_class = ReasonForm
    success_message = "Selesai."
    outcome: Exception | None = None
    done: list = []

    def get_object(self):
        if self.kwargs.get("pk") != 1:
            raise Http404
        return OBJ

    def perform(self, form):
        if self.outcome is not None:
            raise self.outcome
        self.done.append(form.cleaned_data["alasan"])
        return "hasil"


class PageStep(Step, TransitionPageView):
    judul = "Langkah"
    tombol = "Jalankan"


def _call(view, user, method="post", data=None, pk=1, **attrs):
    request = getattr(RequestFactory(), method)("/langkah/", data or {})
    request.user = user
    request._messages = CookieStorage(request)
    response = view.as_view(**attrs)(request, pk=pk)
    return response, [str(m) for m in get_messages(request)]


@pytest.fixture
def desk(users):
    return users[Role.DESK]


def test_get_is_refused(desk):
    response, _ = _call(Step, desk, method="get")
    assert response.status_code == 405


def test_success_calls_the_service_says_so_and_goes_back(desk):
    Step.done = []
    response, texts = _call(Step, desk, data={"alasan": "ok"})
    assert (response.status_code, response["Location"]) == (302, "/objek/1/")
    assert Step.done == ["ok"] and texts == ["Selesai."]


@pytest.mark.parametrize(
    "outcome,expected",
    [
        (ValidationError("Status tidak sesuai."), ["Status tidak sesuai."]),
        (ValidationError({"alasan": ["Terlalu pendek."]}), ["Terlalu pendek."]),
        (PermissionDenied("Bukan wewenang Anda."), ["Bukan wewenang Anda."]),
    ],
)
def test_a_refusal_becomes_messages(desk, outcome, expected):
    response, texts = _call(Step, desk, data={"alasan": "ok"}, outcome=outcome)
    assert (response.status_code, response["Location"]) == (302, "/objek/1/")
    assert texts == expected


def test_an_invalid_form_never_reaches_the_service(desk):
    Step.done = []
    response, texts = _call(Step, desk, data={})
    assert response.status_code == 302 and Step.done == [] and len(texts) == 1


def test_an_object_outside_view_is_404_whatever_the_form(desk):
    with pytest.raises(Http404):
        _call(Step, desk, data={}, pk=2)


def test_who_may_use_it_is_the_action(users):
    with pytest.raises(PermissionDenied):
        _call(Step, users["pemohon"], data={"alasan": "ok"})


def test_the_page_variant_shows_the_form_and_its_errors(desk):
    response, _ = _call(PageStep, desk, method="get")
    html = response.content.decode()
    assert response.status_code == 200 and "Langkah" in html and 'name="alasan"' in html
    outcome = ValidationError({"alasan": ["Terlalu pendek."], "lain": ["Di atas."]})
    response, texts = _call(PageStep, desk, data={"alasan": "x"}, outcome=outcome)
    html = response.content.decode()
    assert response.status_code == 200 and texts == []
    assert "Terlalu pendek." in html and "Di atas." in html
    response, texts = _call(PageStep, desk, data={"alasan": "ok"})
    assert response.status_code == 302 and texts == ["Selesai."]
