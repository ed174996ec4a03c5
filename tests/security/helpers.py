"""Walk the URLconf and check requests in bulk; for this issue's tests and for later ones.

    for route in all_routes():                       # every pattern, every app, the admin too
        url = route.url(pk=some_object.pk)           # placeholders filled, checked by resolve()
    assert_csrf_refused(client, url)                 # POST without a token -> 403, nothing written
    assert_gets_change_nothing(client, urls)         # GETs leave every table's row count alone

A route whose parameters cannot be filled with the sample values below (a new custom path
converter, say) makes `Route.url()` fail with a message naming it; add a value to
SAMPLE_VALUES or pass it as a keyword argument.
"""

from __future__ import annotations

import io
import itertools
import re
import uuid
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.apps import apps
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.urls.resolvers import RegexPattern, RoutePattern
from django.utils.regex_helper import normalize
from openpyxl import load_workbook
from pypdf import PdfReader

# Placeholder values tried for a parameter, by path converter (path()) and in general (re_path).
SAMPLE_VALUES: dict[str, list[str]] = {
    "int": ["1"],
    "slug": ["contoh"],
    "str": ["contoh"],
    "uuid": [str(uuid.UUID(int=1))],
    "path": ["1", "contoh/1"],
}
_GENERIC_CANDIDATES = ["1", "contoh", str(uuid.UUID(int=1)), "contoh/1"]

# Models whose rows a GET may add by design: page views per day are counted by the portal
# itself, without personal data (ppid_portal.pageviews).
GET_SIDE_EFFECT_MODELS = {"portal.kunjunganharian"}

CSRF_FAILURE_TEXT = "Formulir tidak dapat diproses"

_ROUTE_PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


@dataclass(frozen=True)
class Route:
    """One URL pattern with the patterns that include it."""

    parts: tuple  # URLResolver/URLPattern pattern objects, outermost first
    name: str | None  # namespaced, e.g. "portal:halaman"
    callback: Callable

    @property
    def route(self) -> str:
        # As ResolverMatch.route joins them (django.urls.resolvers._join_route).
        joined = ""
        for part in self.parts:
            text = str(part)
            joined = joined + text.removeprefix("^") if joined else text
        return joined

    @property
    def namespace(self) -> str:
        return self.name.rpartition(":")[0] if self.name and ":" in self.name else ""

    @property
    def params(self) -> list[str]:
        names: list[str] = []
        for part in self.parts:
            if isinstance(part, RoutePattern):
                names += [m.group("name") for m in _ROUTE_PARAM.finditer(str(part))]
            else:
                names += list(part.regex.groupindex)
        return names

    @property
    def csrf_exempt(self) -> bool:
        view_class = getattr(self.callback, "view_class", None)
        return bool(
            getattr(self.callback, "csrf_exempt", False)
            or getattr(view_class, "csrf_exempt", False)
        )

    def url(self, **values: object) -> str:
        """A URL that resolves to this route; `values` fill named parameters (real object ids),
        the rest get SAMPLE_VALUES."""
        given = {k: str(v) for k, v in values.items()}
        options = [_fillings(part, given) for part in self.parts]
        for combination in itertools.product(*options):
            url = "/" + "".join(combination)
            try:
                match = resolve(url)
            except Resolver404:
                continue
            if match.route == self.route:
                return url
        raise AssertionError(
            f"Tidak dapat membuat URL untuk rute {self.name or self.route!r}; "
            f"tambahkan nilai contoh di tests/security/helpers.SAMPLE_VALUES "
            f"atau berikan nilainya ({', '.join(self.params)})."
        )

    def __str__(self) -> str:
        return self.name or self.route


def _fillings(part, given: dict[str, str]) -> list[str]:
    if isinstance(part, RoutePattern):
        text = str(part)
        slots = list(_ROUTE_PARAM.finditer(text))
        choices = [
            [given[m.group("name")]]
            if m.group("name") in given
            else SAMPLE_VALUES.get(m.group("converter") or "str", _GENERIC_CANDIDATES)
            for m in slots
        ]
        results = []
        for combination in itertools.product(*choices):
            filled, last = [], 0
            for slot, value in zip(slots, combination, strict=True):
                filled.append(text[last : slot.start()] + value)
                last = slot.end()
            results.append("".join(filled) + text[last:])
        return results
    assert isinstance(part, RegexPattern), part
    results = []
    for template, params in normalize(part.regex.pattern):
        choices = [[given[p]] if p in given else _regex_candidates() for p in params]
        for combination in itertools.product(*choices):
            candidate = template % dict(zip(params, combination, strict=True))
            if part.regex.fullmatch(candidate) or part.regex.match(candidate):
                results.append(candidate)
    return results


def _regex_candidates() -> list[str]:
    labels = [config.label for config in apps.get_app_configs()]
    return _GENERIC_CANDIDATES + labels


def all_routes(patterns: Iterable | None = None) -> list[Route]:
    """Every URL pattern of the URLconf (admin included), with its namespaced name."""
    found: list[Route] = []

    def walk(entries, parents: tuple, namespaces: tuple[str, ...]):
        for entry in entries:
            if isinstance(entry, URLResolver):
                spaces = namespaces + ((entry.namespace,) if entry.namespace else ())
                walk(entry.url_patterns, parents + (entry.pattern,), spaces)
            elif isinstance(entry, URLPattern):
                name = ":".join(namespaces + (entry.name,)) if entry.name else None
                found.append(Route(parents + (entry.pattern,), name, entry.callback))

    walk(get_resolver().url_patterns if patterns is None else patterns, (), ())
    return found


def row_counts(exclude: Iterable[str] = GET_SIDE_EFFECT_MODELS) -> dict[str, int]:
    """Rows per concrete model ("app_label.modelname"), every installed app."""
    skip = set(exclude)
    return {
        model._meta.label_lower: model._base_manager.count()
        for model in apps.get_models()
        if model._meta.label_lower not in skip and not model._meta.proxy
    }


def changed_counts(before: dict[str, int], after: dict[str, int]) -> dict[str, tuple[int, int]]:
    return {
        label: (before[label], after[label]) for label in before if before[label] != after[label]
    }


def csrf_client(user=None) -> Client:
    """A test client that, like a browser, must send the CSRF token (Django's test client is
    exempt by default)."""
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    return client


def assert_csrf_refused(client: Client, url: str, data: dict | None = None) -> None:
    """POST without a token: refused with the portal's CSRF page, no row written."""
    before = row_counts()
    response = client.post(url, data or {"judul": "tanpa token"})
    assert response.status_code == 403, f"POST {url} tanpa token CSRF: {response.status_code}"
    assert CSRF_FAILURE_TEXT in response.content.decode(), f"POST {url}: bukan penolakan CSRF"
    assert changed_counts(before, row_counts()) == {}, f"POST {url} tanpa token mengubah data"


def assert_gets_change_nothing(
    client: Client, urls: Iterable[str], *, allowed_models: Iterable[str] = ()
) -> int:
    """GET every URL; no table may gain or lose rows. Returns the number of GETs.

    `allowed_models` lists models that a GET may write by design (the audit record of reading
    a sensitive file, say)."""
    exclude = GET_SIDE_EFFECT_MODELS | set(allowed_models)
    urls = list(urls)
    before = row_counts(exclude)
    statuses = {url: client.get(url).status_code for url in urls}
    assert all(status < 500 for status in statuses.values()), statuses
    changed = changed_counts(before, row_counts(exclude))
    if changed:
        # Find the culprit for the failure message.
        for url in urls:
            step_before = row_counts(exclude)
            client.get(url)
            step = changed_counts(step_before, row_counts(exclude))
            assert step == {}, f"GET {url} mengubah jumlah baris: {step}"
        raise AssertionError(f"GET mengubah jumlah baris: {changed}")
    return len(urls)


# ----------------------------------------------------------------------------- crawling
# What a person could read in any response, and a crawler that follows every link
# (tests/informasi/test_leak_probe.py, tests/security/test_canary_crawl.py).

_HREF = re.compile(r"""(?:href|src|action)\s*=\s*["']([^"'#]+)""", re.IGNORECASE)
_LOC = re.compile(r"<loc>([^<]+)</loc>")
_JSON_URL = re.compile(r'"(https?://[^"]+)"')
HOSTS = {"testserver", urlsplit(settings.PPID_SITE_URL).netloc}
MAX_PER_PATH = 12  # query-string variants followed per path (filters, sort, pages)


def readable(content: bytes, content_type: str) -> str:
    """Everything a person could read in a response: the raw bytes, plus the text of PDFs,
    spreadsheets and zipped office documents."""
    parts = [content.decode("utf-8", errors="ignore"), content.decode("latin-1")]
    if content.startswith(b"%PDF"):
        reader = PdfReader(io.BytesIO(content))
        parts += [page.extract_text() or "" for page in reader.pages]
        parts.append(str(reader.metadata or ""))
    elif content.startswith(b"PK"):
        if "spreadsheetml" in content_type or content_type.endswith("xlsx"):
            workbook = load_workbook(io.BytesIO(content), read_only=True)
            for sheet in workbook.worksheets:
                for row in sheet.iter_rows(values_only=True):
                    parts += [str(c) for c in row if c is not None]
            workbook.close()
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            for name in archive.namelist():
                parts.append(re.sub(r"<[^>]+>", " ", archive.read(name).decode("utf-8", "ignore")))
    return "\n".join(parts)


def body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def internal_path(base: str, link: str) -> str | None:
    url = urljoin(base, link.strip())
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https", "") or (parts.netloc and parts.netloc not in HOSTS):
        return None
    path = parts.path or "/"
    if path.startswith(("/static/", "/i18n/", "/keluar/")):
        return None
    return path + (f"?{parts.query}" if parts.query else "")


def crawl(client: Client, start: list[str], canaries: list[str]) -> dict[str, int]:
    """GET every URL reachable from `start`; fail on any canary. Returns status per URL."""
    queue, seen, statuses = list(start), set(), {}
    per_path: Counter = Counter()
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        path = url.split("?", 1)[0]
        if "?" in url:
            per_path[path] += 1
            if per_path[path] > MAX_PER_PATH:
                continue
        seen.add(url)
        response = client.get(url)
        statuses[url] = response.status_code
        assert response.status_code < 500, url
        location = response.get("Location", "")
        content = body(response)
        text = readable(content, response.get("Content-Type", "")) + "\n" + location
        found = [c for c in canaries if c in text]
        assert not found, f"{url} ({response.status_code}) membocorkan {found}"
        if location:
            target = internal_path(url, location)
            if target:
                queue.append(target)
        kind = response.get("Content-Type", "")
        if response.status_code != 200:
            continue
        if "html" in kind:
            links = _HREF.findall(content.decode("utf-8", "ignore"))
        elif "xml" in kind:
            links = _LOC.findall(content.decode("utf-8", "ignore"))
        elif "json" in kind:
            links = _JSON_URL.findall(content.decode("utf-8", "ignore"))
        else:
            links = []
        for link in links:
            target = internal_path(url, link.replace("&amp;", "&"))
            if target and target not in seen:
                queue.append(target)
    return statuses
