"""The one settings module of the PPID portal.

Everything that differs between a laptop demo and a production office comes from environment
variables (see `.env.example` and the README). Production differs from development only by the
environment, never by another settings file.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def read_env_file(path: Path) -> None:
    """Load KEY=VALUE lines from a local `.env` file; real environment variables win."""
    if not path.is_file():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        os.environ.setdefault(key.strip(), value.strip().strip("\"'"))


read_env_file(Path(os.environ.get("PPID_ENV_FILE", BASE_DIR / ".env")))

_TRUE = {"1", "true", "yes", "on", "ya"}


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in _TRUE


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def database_from_url(url: str | None, base_dir: Path = BASE_DIR) -> dict:
    """Turn `DATABASE_URL` into a Django database dict.

    No URL means the embedded SQLite file in the project folder. SQLite gets WAL, a busy timeout
    and IMMEDIATE transactions so that concurrent writers (two citizens submitting at once) wait
    for each other instead of failing with "database is locked".
    """
    if not url:
        url = f"sqlite:///{base_dir / 'db.sqlite3'}"
    config = dj_database_url.parse(url, conn_max_age=0)
    engine = config["ENGINE"]
    if engine == "django.db.backends.sqlite3":
        config["OPTIONS"] = {
            "timeout": 30,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    elif engine == "django.db.backends.postgresql":
        config["CONN_MAX_AGE"] = env_int("DB_CONN_MAX_AGE", 60)
        config["CONN_HEALTH_CHECKS"] = True
    else:
        raise ImproperlyConfigured(
            f"DATABASE_URL memakai mesin basis data yang tidak didukung: {engine}. "
            "Gunakan sqlite:/// atau postgres://."
        )
    return config


DEBUG = env_bool("DEBUG", False)

_DEV_SECRET_KEY = "django-insecure-pengembangan-saja-jangan-dipakai-di-produksi"
SECRET_KEY = os.environ.get("SECRET_KEY", "").strip()
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY belum diatur. Di produksi (DEBUG mati) portal menolak berjalan tanpa "
            "SECRET_KEY yang rahasia; atur variabel lingkungan SECRET_KEY."
        )
    SECRET_KEY = _DEV_SECRET_KEY

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "axes",
    "ppid_portal.apps.PortalConfig",
    "informasi.apps.InformasiConfig",
    "permohonan.apps.PermohonanConfig",
    "arsip.apps.ArsipConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "ppid_portal.middleware.SessionLimitMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "ppid_portal.middleware.PrivatePageCacheMiddleware",
    "ppid_portal.pageviews.PageViewMiddleware",
    # A view that loses the database answers with the 503 page (step rolled back).
    "ppid_portal.errors.DatabaseUnavailableMiddleware",
    # Last, as django-axes requires: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ppid_portal.urls"
WSGI_APPLICATION = "ppid_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ppid_portal.context_processors.office",
            ],
        },
    },
]

DATABASES = {"default": database_from_url(os.environ.get("DATABASE_URL"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "portal.User"
# django-axes first: it refuses a locked-out login before any password is checked. The model
# backend after it refuses inactive accounts, which is what ends the sessions of a deactivated
# user on their next request.
AUTHENTICATION_BACKENDS = [
    "ppid_portal.security.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "portal:dashboard"
LOGOUT_REDIRECT_URL = "portal:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Bahasa Indonesia first; English through Django i18n (locale/en).
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The office's zone: every date a person reads is shown in it (ppid_portal/dates.py). WIB by
# default; an office in WITA sets PPID_TIME_ZONE=Asia/Makassar, in WIT Asia/Jayapura.
TIME_ZONE = os.environ.get("PPID_TIME_ZONE", "").strip() or "Asia/Jakarta"
try:
    ZoneInfo(TIME_ZONE)
except (ValueError, ZoneInfoNotFoundError) as exc:
    raise ImproperlyConfigured(
        f"PPID_TIME_ZONE tidak dikenal: {TIME_ZONE!r} (contoh: Asia/Jakarta, Asia/Makassar, "
        "Asia/Jayapura)."
    ) from exc
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
# Uploaded files live outside static/ and are never served directly: every download goes
# through a view that checks who may see it.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# No URL pattern serves this prefix; it exists only because Django's file API wants one.
MEDIA_URL = "/_berkas_tidak_disajikan/"
if MEDIA_ROOT.resolve().is_relative_to((BASE_DIR / "static").resolve()):
    raise ImproperlyConfigured("MEDIA_ROOT tidak boleh berada di dalam folder static/.")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Upload limits (bytes). Each upload field may set a lower cap.
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_MB", 50) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640

# E-mail: printed on the console unless an SMTP host is configured.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", EMAIL_PORT == 587)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", EMAIL_PORT == 465)
    EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
else:
    EMAIL_BACKEND = os.environ.get(
        "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
    )
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "PPID <ppid@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Days a sent e-mail stays listed in the outbox (recipient and subject only) before
# `kirim_ulang_email` deletes it; unsent e-mails are never deleted.
PPID_EMAIL_SIMPAN_HARI = env_int("PPID_EMAIL_SIMPAN_HARI", 365)

# Cache: local memory by default, Redis when REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "ppid",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Where the page cache's generation stamps live without Redis (ppid_portal/cache.py): one folder
# for gunicorn and the cron jobs; empty = a private folder under the system's temp directory.
PPID_CACHE_STAMP_DIR = os.environ.get("PPID_CACHE_STAMP_DIR", "")

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# The office this installation serves; shown in every page header and on every document.
PPID_OFFICE_NAME = os.environ.get("PPID_OFFICE_NAME", "PPID Kabupaten Contoh")
PPID_OFFICE_ADDRESS = os.environ.get(
    "PPID_OFFICE_ADDRESS", "Jl. Veteran No. 1, Kota Contoh, Provinsi Contoh 12345"
)
PPID_OFFICE_CITY = os.environ.get("PPID_OFFICE_CITY", "Kota Contoh")
PPID_OFFICE_EMAIL = os.environ.get("PPID_OFFICE_EMAIL", "ppid@contoh.go.id")
PPID_OFFICE_PHONE = os.environ.get("PPID_OFFICE_PHONE", "(021) 555-0100")
# Absolute address of the portal, for links in e-mails and QR codes.
PPID_SITE_URL = os.environ.get("PPID_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Security. HTTPS settings switch on whenever DEBUG is off; an office behind a TLS-terminating
# proxy sets SECURE_PROXY_SSL_HEADER through BEHIND_TLS_PROXY.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "ppid_portal.errors.csrf_failure"

# Cookies: never readable from JavaScript, never sent on cross-site sub-requests, and over HTTPS
# only in production. No script of the portal reads the CSRF cookie (forms carry the token).
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Sessions end after PPID_SESSION_IDLE_SECONDS without a request and PPID_SESSION_MAX_SECONDS
# after login, whatever happens in between (ppid_portal.middleware.SessionLimitMiddleware); a
# shared computer at the service desk must not stay signed in.
PPID_SESSION_IDLE_SECONDS = env_int("SESSION_IDLE_MINUTES", 30) * 60
PPID_SESSION_MAX_SECONDS = env_int("SESSION_MAX_HOURS", 12) * 60 * 60
SESSION_COOKIE_AGE = PPID_SESSION_MAX_SECONDS
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
    LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    # "__Host-" cookies are refused by browsers unless Secure, host-only and for path "/": no
    # other site under the same parent domain can plant or overwrite them.
    if SESSION_COOKIE_SECURE:
        SESSION_COOKIE_NAME = "__Host-ppid_sesi"
    if CSRF_COOKIE_SECURE:
        CSRF_COOKIE_NAME = "__Host-ppid_csrf"
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many proxies of our own stand in front of the portal and append to X-Forwarded-For; the
# client address (for login throttling) is the one the outermost of them saw.
PPID_TRUSTED_PROXY_COUNT = env_int(
    "TRUSTED_PROXY_COUNT", 1 if env_bool("BEHIND_TLS_PROXY", False) else 0
)

# Content-Security-Policy (django-csp 4). Scripts and styles come from the portal itself; an
# inline <script> or <style> runs only with the per-request nonce, which templates write as
#
#     <script nonce="{{ request.csp_nonce }}">...</script>
#     <style nonce="{{ request.csp_nonce }}">...</style>
#
# Never use style="..." attributes, on*="..." handlers or javascript: links: no nonce can allow
# them, the browser refuses them (tests/security/test_csp.py scans every template). Put styles in
# static/css/portal.css and behaviour in a static .js file.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        # Bootstrap draws its small icons (menu button, select arrow) as data: SVG images.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "upgrade-insecure-requests": not DEBUG,
    }
}

# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one username from
# one address, that pair is locked for AXES_COOLOFF_TIME; every further try during the lock
# starts the cool-off again. Locking the pair (not the address alone) keeps one mistyping clerk
# from locking out the whole office behind one NAT address, and keeps a stranger from locking a
# known staff account from elsewhere. Attempts live in the database, so every worker sees them,
# with the embedded default as with PostgreSQL. A PPID administrator unlocks early with
# `manage.py axes_reset_username <username>` or in the admin ("Access attempts").
AXES_ENABLED = True
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "ppid_portal.errors.login_locked_out"
AXES_CLIENT_IP_CALLABLE = "ppid_portal.security.client_ip"
AXES_VERBOSE = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
