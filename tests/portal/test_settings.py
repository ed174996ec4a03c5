import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from ppid_portal.settings import database_from_url

ROOT = Path(__file__).resolve().parents[2]
# Set by the browser tests for Playwright's event loop; never part of a deployment.
TEST_ONLY = {"DJANGO_ALLOW_ASYNC_UNSAFE"}


def test_no_database_url_means_sqlite_in_project_folder(tmp_path):
    config = database_from_url(None, base_dir=tmp_path)
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(tmp_path / "db.sqlite3")
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_postgres_url_uses_psycopg_backend():
    config = database_from_url("postgres://ppid:rahasia@db.contoh:5433/ppid_prod")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["USER"], config["PASSWORD"]) == ("ppid_prod", "ppid", "rahasia")
    assert (config["HOST"], config["PORT"]) == ("db.contoh", 5433)


def test_unsupported_database_is_refused():
    with pytest.raises(ImproperlyConfigured):
        database_from_url("mysql://root@localhost/ppid")


def _load_settings(env: dict) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", *TEST_ONLY}}
    clean.update(env, PPID_ENV_FILE="/dev/null", DJANGO_SETTINGS_MODULE="ppid_portal.settings")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('ok')"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.once  # engine-independent: CI runs it in the SQLite pass only
def test_production_refuses_to_start_without_secret_key():
    result = _load_settings({})
    assert result.returncode != 0
    assert "SECRET_KEY belum diatur" in result.stderr


@pytest.mark.once  # engine-independent: CI runs it in the SQLite pass only
def test_production_starts_with_secret_key():
    result = _load_settings({"SECRET_KEY": "x" * 60})
    assert result.returncode == 0, result.stderr


@pytest.mark.once  # engine-independent: CI runs it in the SQLite pass only
def test_debug_allows_development_key():
    result = _load_settings({"DEBUG": "1"})
    assert result.returncode == 0, result.stderr


@pytest.mark.once  # engine-independent: CI runs it in the SQLite pass only
def test_deploy_check_is_clean_under_production_settings():
    excluded = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", *TEST_ONLY}
    env = {k: v for k, v in os.environ.items() if k not in excluded}
    env.update(
        PPID_ENV_FILE="/dev/null",
        SECRET_KEY="produksi-" + "k3y" * 20,
        ALLOWED_HOSTS="ppid.contoh.go.id",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stderr
