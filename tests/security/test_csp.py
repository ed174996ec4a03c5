"""Every template of the portal works under the Content-Security-Policy: no inline script or
style without the request's nonce, no style attributes, no event-handler attributes, no
javascript: links (the browser would refuse them all). See the comment at
CONTENT_SECURITY_POLICY in ppid_portal/settings.py."""

import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
# PDF layouts are rendered to PDF by xhtml2pdf, never served as HTML.
NOT_SERVED = {"pdf"}
NONCE_ATTRIBUTE = re.compile(r'\bnonce="\{\{ ?(request\.csp_nonce|csp_nonce) ?\}\}"')
DATA_BLOCK = re.compile(r'\btype="application/(ld\+)?json"')


def served_templates() -> list[Path]:
    folders = [Path(d) for d in settings.TEMPLATES[0]["DIRS"]]
    folders += [p for p in ROOT.glob("*/templates") if p.is_dir() and ".venv" not in p.parts]
    found = []
    for folder in folders:
        for path in sorted(folder.rglob("*.html")):
            parts = path.relative_to(folder).parts
            # PDF templates are rendered to PDF on the server (xhtml2pdf); no browser sees them.
            if parts[0] not in NOT_SERVED and "pdf" not in parts[:-1]:
                found.append(path)
    return found


def csp_problems(source: str) -> list[str]:
    problems = []
    for tag in re.finditer(r"<script\b([^>]*)>", source, re.IGNORECASE):
        attributes = tag.group(1)
        if "src=" in attributes or DATA_BLOCK.search(attributes):
            continue
        if not NONCE_ATTRIBUTE.search(attributes):
            problems.append(f"<script> tanpa nonce: {tag.group(0)}")
    for tag in re.finditer(r"<style\b([^>]*)>", source, re.IGNORECASE):
        if not NONCE_ATTRIBUTE.search(tag.group(1)):
            problems.append(f"<style> tanpa nonce: {tag.group(0)}")
    for match in re.finditer(r"<[a-zA-Z][^>]*\sstyle\s*=", source):
        problems.append(f"atribut style: {match.group(0)[:80]}")
    for match in re.finditer(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", source):
        problems.append(f"atribut on…: {match.group(0)[:80]}")
    for match in re.finditer(r"javascript:", source, re.IGNORECASE):
        problems.append(f"tautan javascript: di posisi {match.start()}")
    return problems


def test_the_scanner_catches_what_the_browser_would_refuse():
    bad = (
        "<script>alert(1)</script><style>p{}</style><p style='color:red'>x</p>"
        '<button onclick="go()">x</button><a href="javascript:go()">x</a>'
    )
    assert len(csp_problems(bad)) == 5
    good = (
        '<script src="/static/a.js"></script><script nonce="{{ request.csp_nonce }}">x</script>'
        '<style nonce="{{ request.csp_nonce }}">p{}</style>'
        '<script type="application/json" id="data">{}</script><p class="lead">x</p>'
    )
    assert csp_problems(good) == []


def test_templates_are_found():
    names = {p.name for p in served_templates()}
    assert {"base.html", "500.html", "login.html", "lockout.html"} <= names


@pytest.mark.parametrize("path", served_templates(), ids=lambda p: str(p.relative_to(ROOT)))
def test_template_is_safe_under_the_policy(path):
    assert csp_problems(path.read_text(encoding="utf-8")) == []
