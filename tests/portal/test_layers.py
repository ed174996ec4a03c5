"""Layers point one way (docs: house style, "Layers point one way"): the core (`ppid_portal`)
imports no app; `informasi` builds on the core only; `permohonan` on the core and `informasi`;
`arsip` on the core, reaching the others through its registries or string references.

Two checks: the import-linter contracts of pyproject.toml (every import, lazy ones inside
functions included), and a reading of informasi's code, migrations and templates for the ways a
layer reaches a later one without an import: foreign-key strings, migration dependencies, URL
names, reverse relations and the later layer's field names.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

# No database: CI's PostgreSQL pass need not read the code again.
pytestmark = pytest.mark.once

BASE: Path = settings.BASE_DIR
APPS = ("ppid_portal", "informasi", "permohonan", "arsip")
# The names through which informasi's code could still reach requests and objections.
LATER_FIELDS = {
    "permohonan",
    "permohonan_id",
    "keberatan",
    "keberatan_id",
    "keputusan_set",
    "keberatan_set",
    "uji_set",
}
# "permohonan.Keberatan", "permohonan:detail", the app label "permohonan"; "arsip.ItemArsip"
# ("arsip" alone is also a word of the DIP's subjects).
LATER_STRING = re.compile(r"^(permohonan([.:]|$)|arsip[.:])")


def python_files(app: str) -> list[Path]:
    return sorted((BASE / app).rglob("*.py"))


def imported_modules(tree: ast.AST) -> list[tuple[int, str]]:
    """Every module an import statement names, anywhere in the file (inside functions too)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def references_to_later_layers(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    problems = [
        f"{line}: import {name}"
        for line, name in imported_modules(tree)
        if name.split(".")[0] in ("permohonan", "arsip")
    ]
    for node in ast.walk(tree):
        line = getattr(node, "lineno", "?")
        # "permohonan.Permohonan" (a foreign key), "permohonan:detail" (a URL name),
        # ("permohonan", "0002_…") (a migration dependency), apps.get_model("permohonan", …).
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if LATER_STRING.match(node.value):
                problems.append(f"{line}: string {node.value!r}")
        elif isinstance(node, ast.Attribute) and node.attr in LATER_FIELDS:
            problems.append(f"{line}: attribute .{node.attr}")
        elif isinstance(node, ast.keyword) and node.arg:
            if node.arg.split("__")[0] in LATER_FIELDS:
                problems.append(f"{line}: keyword {node.arg}=")
    return problems


TEMPLATE_PATTERNS = [
    re.compile(r"""['"](permohonan|arsip):"""),  # {% url 'permohonan:detail' … %}
    re.compile(r"""['"](permohonan|arsip)/"""),  # {% include "permohonan/_x.html" %}
    re.compile(r"\b(permohonan|arsip)_tags\b"),  # {% load permohonan_tags %}
    re.compile(r"\w\.(" + "|".join(sorted(LATER_FIELDS)) + r")\b"),  # uji.permohonan.nomor
]


def test_import_linter_contracts_are_kept():
    """`lint-imports` with the contracts of pyproject.toml (what CI would run by hand)."""
    code = (
        "import sys\n"
        "from importlinter.cli import lint_imports\n"
        "sys.exit(lint_imports(no_cache=True, no_logo=True))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "Contracts: 2 kept, 0 broken." in result.stdout, result.stdout[-4000:]


def test_the_contracts_name_every_app():
    import tomllib

    config = tomllib.loads((BASE / "pyproject.toml").read_text(encoding="utf-8"))
    linter = config["tool"]["importlinter"]
    assert set(linter["root_packages"]) == set(APPS)
    layers = next(c for c in linter["contracts"] if c["type"] == "layers")["layers"]
    assert [set(re.split(r"\s*\|\s*", layer)) for layer in layers] == [
        {"arsip", "permohonan"},
        {"informasi"},
        {"ppid_portal"},
    ]


def test_informasi_code_and_migrations_do_not_reach_later_layers():
    problems = {}
    for path in python_files("informasi"):
        found = references_to_later_layers(path)
        if found:
            problems[str(path.relative_to(BASE))] = found
    assert problems == {}


def test_informasi_templates_do_not_reach_later_layers():
    problems = {}
    for path in sorted((BASE / "templates" / "informasi").rglob("*")):
        if not path.is_file():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for pattern in TEMPLATE_PATTERNS:
                match = pattern.search(line)
                if match:
                    problems.setdefault(str(path.relative_to(BASE)), []).append(
                        f"{number}: {match.group(0)}"
                    )
    assert problems == {}


def test_the_core_imports_no_app():
    problems = {}
    for path in python_files("ppid_portal"):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found = [
            f"{line}: import {name}"
            for line, name in imported_modules(tree)
            if name.split(".")[0] in ("informasi", "permohonan", "arsip")
        ]
        if found:
            problems[str(path.relative_to(BASE))] = found
    assert problems == {}


def test_arsip_imports_neither_informasi_nor_permohonan():
    problems = {}
    for path in python_files("arsip"):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found = [
            f"{line}: import {name}"
            for line, name in imported_modules(tree)
            if name.split(".")[0] in ("informasi", "permohonan")
        ]
        if found:
            problems[str(path.relative_to(BASE))] = found
    assert problems == {}


def test_the_checks_see_lazy_imports_and_the_other_shapes(tmp_path):
    """The reader above would be worthless if it missed an import inside a function or a
    foreign key written as a string."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from django.db import models\n"
        "def view(request):\n"
        "    from permohonan import selectors\n"
        "    import arsip.selectors as s\n"
        "    return selectors, s\n"
        "class M(models.Model):\n"
        "    p = models.ForeignKey('permohonan.Permohonan', on_delete=models.PROTECT)\n"
        "DEPENDENCIES = [('permohonan', '0002_aturan_utama')]\n"
        "def q(uji, qs):\n"
        "    return uji.permohonan.nomor, qs.filter(keberatan__isnull=False)\n",
        encoding="utf-8",
    )
    found = " ".join(references_to_later_layers(sample))
    for expected in [
        "3: import permohonan",
        "4: import arsip.selectors",
        "'permohonan.Permohonan'",
        "8: string 'permohonan'",
        ".permohonan",
        "keberatan__isnull=",
    ]:
        assert expected in found, (expected, found)
    line = """{% url 'permohonan:detail' uji.permohonan_id %}"""
    assert sum(bool(p.search(line)) for p in TEMPLATE_PATTERNS) == 2
