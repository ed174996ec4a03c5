"""The shared per-address rate limit (ppid_portal/ratelimit.py) on Django's cache."""

from django.http import HttpResponse
from django.test import RequestFactory

from ppid_portal import ratelimit


def test_counts_per_scope_and_address():
    for _ in range(3):
        assert ratelimit.hit("uji", "10.0.0.1", limit=3, window=60)
    assert not ratelimit.hit("uji", "10.0.0.1", limit=3, window=60)
    assert ratelimit.is_limited("uji", "10.0.0.1", limit=3, window=60)
    assert ratelimit.hit("uji", "10.0.0.2", limit=3, window=60)
    assert ratelimit.hit("lain", "10.0.0.1", limit=3, window=60)
    ratelimit.reset("uji", "10.0.0.1", window=60)
    assert not ratelimit.is_limited("uji", "10.0.0.1", limit=3, window=60)


def test_client_ip_trusts_forwarded_for_only_behind_configured_proxies(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.254", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7"
    )
    assert ratelimit.client_ip(request) == "10.0.0.254"
    settings.PPID_RATELIMIT_PROXY_COUNT = 1
    # The proxy appends the real client; anything further left could be forged.
    assert ratelimit.client_ip(request) == "203.0.113.7"


def test_decorator_answers_429_in_indonesian():
    @ratelimit.ratelimit("dekor", limit=1, window=60)
    def view(request):
        return HttpResponse("ok")

    factory = RequestFactory()
    assert view(factory.post("/", REMOTE_ADDR="10.1.1.1")).status_code == 200
    refused = view(factory.post("/", REMOTE_ADDR="10.1.1.1"))
    assert refused.status_code == 429 and "Terlalu banyak" in refused.content.decode()
    assert view(factory.get("/", REMOTE_ADDR="10.1.1.1")).status_code == 200
