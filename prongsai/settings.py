"""The one settings module of Prongsai.

Every value that differs between a laptop and a production instance is read from the environment through the
strict helpers in ``prongsai.env``; docs/configuration.md lists each variable. There is no production.py:
production is this module with DEBUG off and the secrets set, so what runs in CI is what runs in production.
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from prongsai.env import env_bool, env_int, env_list, env_secret, env_str
from prongsai.ops.logs import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent
# Runtime state of a development or single-machine instance (SQLite file, uploads, collected static files).
VAR_DIR = Path(env_str("PRONGSAI_VAR_DIR", str(BASE_DIR / "var")) or BASE_DIR / "var")

DEBUG = env_bool("DEBUG", False)
VAR_DIR.mkdir(parents=True, exist_ok=True)

# --- Values obtained externally: secrets have no default outside development -----------------------------
SECRET_KEY = env_secret("SECRET_KEY") or ""
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY (or SECRET_KEY_FILE) must be set when DEBUG is off. "
            "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    # Development only: a fixed key is harmless on a laptop and keeps sessions across restarts.
    SECRET_KEY = "development-only-insecure-key-never-used-when-debug-is-off-0123456789"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", ".localhost"] if DEBUG else [])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS must list the host names of every agency served by this instance when DEBUG is off."
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# --- Applications ----------------------------------------------------------------------------------------
INSTALLED_APPS = [
    "prongsai.core",
    "prongsai.portal",
    "prongsai.whistleblower",
    "prongsai.procurement",
    "prongsai.planning",
    "prongsai.ita",
    "prongsai.reports",
    "prongsai.engagement",
    "prongsai.complaints",
    "prongsai.eservice",
    "prongsai.api",
    "prongsai.ops",
    "prongsai.people",
    "prongsai.integrity",
    "prongsai.assets",
    "prongsai.opendata",
    "prongsai.privacy",
    "prongsai.hosting",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
]

MIDDLEWARE = [
    # First of all: the corruption-reporting channel's requests lose the client address and user agent
    # before any other middleware, view or logger sees them (prongsai/whistleblower/middleware.py).
    "prongsai.whistleblower.middleware.ChannelPrivacyMiddleware",
    # Every log line of a request carries its id; /healthz answers before host checks and the HTTPS redirect
    # (monitoring calls it on the server's own address) and before an agency is needed.
    "prongsai.ops.middleware.RequestIdMiddleware",
    "prongsai.ops.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Text responses leave gzipped; after WhiteNoise, which serves its own pre-compressed static files.
    "prongsai.core.compression.TextGZipMiddleware",
    # Cached public pages are answered here, before sessions, locale, authentication, the agency and the
    # access rules: none of them can change a page that is the same for every anonymous visitor (ADR 0128).
    "prongsai.core.pagecache.PublicPageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # The agency of the request is resolved, and its scope entered, before any view or rule runs.
    "prongsai.core.tenancy.AgencyMiddleware",
    # Deny by default: a view without a declared access rule is refused.
    "prongsai.core.permissions.AccessRuleMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "prongsai.urls"
WSGI_APPLICATION = "prongsai.wsgi.application"

# Django's form templates, with select boxes written in Python (core/form_rendering.py).
FORM_RENDERER = "prongsai.core.form_rendering.FormRenderer"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "prongsai.core.context_processors.agency",
            ],
            "builtins": [
                "prongsai.core.templatetags.thai",
                "prongsai.core.templatetags.formtags",
                # {% url %} with remembered answers, in place of Django's own (core/templatetags/urls.py).
                "prongsai.core.templatetags.urls",
                # {% memo %}: header and footer rendered once per set of inputs (core/templatetags/memo.py).
                "prongsai.core.templatetags.memo",
            ],
        },
    },
]

# --- Data stores -----------------------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL or "", conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60, minimum=0)
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while a writer commits; IMMEDIATE avoids "database is locked" on upgrade to write.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
# Connections are kept (DATABASE_CONN_MAX_AGE seconds) on SQLite too: opening one runs the PRAGMAs above, and
# on a page served from the cache that was half of the request's time (3.6 of 7.7 ms). A connection that
# broke meanwhile is replaced at the start of the next request instead of failing it.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Every abuse limit (citizen forms, Open311 and the API, the corruption channel, staff logins) is counted in
# caches["default"], so it must be one store that all web processes share (ADR 0080): Redis when REDIS_URL is
# set, otherwise the database cache table `prongsai_cache` of the embedded default (created by migrate and by
# `manage.py createcachetable`). A local-memory cache would give each gunicorn worker its own allowance.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    _SHARED_CACHE: dict[str, object] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
    }
else:
    _SHARED_CACHE = {
        # Django's database cache with an atomic counter that keeps each row's expiry (core/cache.py).
        "BACKEND": "prongsai.core.cache.DatabaseCache",
        "LOCATION": "prongsai_cache",
        # Culling deletes a third of the rows once the table holds this many: set high so that cached pages
        # cannot push out the counters of a running limit.
        "OPTIONS": {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 200_000, minimum=1000)},
    }
CACHES = {
    "default": _SHARED_CACHE,
    # Login-attempt counters (django-axes) in the same store; keys are hashes, not addresses.
    "axes": dict(_SHARED_CACHE),
}

TASKS_BACKEND = env_str("TASKS_BACKEND", "database")
if TASKS_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
elif TASKS_BACKEND == "immediate":
    TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default"]}
    }
else:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be 'database' or 'immediate'; got {TASKS_BACKEND!r}.")
# Whether tasks need a worker process (`manage.py run_worker`); /healthz checks its heartbeat only then.
TASKS_USE_WORKER = TASKS_BACKEND == "database"

# --- Scheduled jobs, worker heartbeat and backups (prongsai.ops) -----------------------------------------
# The scheduler (`manage.py run_scheduler`) claims due job slots every this many seconds.
SCHEDULER_TICK_SECONDS = env_int("SCHEDULER_TICK_SECONDS", 30, minimum=1)
# Each worker (`manage.py run_worker`) records a heartbeat this often; /healthz reports the worker stopped
# after three missed beats (45 s by default, so within a minute).
WORKER_HEARTBEAT_SECONDS = env_int("WORKER_HEARTBEAT_SECONDS", 15, minimum=1)
# Where `manage.py backup` and the nightly backup job write archives, and how many the job keeps there.
BACKUP_DIR = Path(env_str("BACKUP_DIR", str(VAR_DIR / "backups")) or VAR_DIR / "backups")
BACKUP_KEEP = env_int("BACKUP_KEEP", 7, minimum=1)

# --- Users, login and two-factor authentication ----------------------------------------------------------
AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses a locked-out username/address pair before the password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "portal:staff_home"
LOGOUT_REDIRECT_URL = "portal:home"
OTP_TOTP_ISSUER = "Prongsai"

# Login throttling (django-axes). Attempts are counted in the cache, never written to the database.
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_CACHE = "axes"
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15, minimum=1))
# Per account, whatever the address: 20 wrong passwords for one account from 5 addresses must lock it too.
# The agency's administrator can lift a lock-out early (staff "members" page, core.services_accounts).
AXES_LOCKOUT_PARAMETERS = ["username"]
# axes.W006 asks for the address in the lock-out key so that rotating user agents or cookies does not reset
# it; a key of the username alone is never reset by anything the client sends, so the warning does not apply.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "core/auth/locked_out.html"
AXES_VERBOSE = False
AXES_HTTP_RESPONSE_CODE = 429

SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60, minimum=60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# --- Security headers ------------------------------------------------------------------------------------
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("BEHIND_TLS_PROXY", False):
    # Only behind a proxy that overwrites this header; otherwise a client could claim HTTPS.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# No third-party origin anywhere: fonts, scripts and styles are served by the instance itself.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# The corruption-reporting channel: behind a reverse proxy that appends the client's address to
# X-Forwarded-For, rate limits must key on that address (it is hashed and never stored; see ADR 0041).
WHISTLEBLOWER_TRUST_X_FORWARDED_FOR = env_bool("WHISTLEBLOWER_TRUST_X_FORWARDED_FOR", False)

# --- Language and time -----------------------------------------------------------------------------------
LANGUAGE_CODE = "th"
LANGUAGES = [("th", _("ไทย")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "prongsai" / "locale"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

# --- Files -----------------------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")) or VAR_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")) or VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_MB", 10, minimum=1) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = UPLOAD_MAX_BYTES + 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640

# --- REST API and Open311 (prongsai.api) ------------------------------------------------------------------
# How many Open311 requests one client may create per agency (DRF rate syntax: "120/hour", "10/minute").
OPEN311_SUBMIT_RATE = env_str("OPEN311_SUBMIT_RATE", "120/hour")
# The largest body an Open311 request may carry (a request with its files); larger ones are refused before
# they are read, in Open311's format.
OPEN311_MAX_BODY_BYTES = UPLOAD_MAX_BYTES + 1024 * 1024
# How many read requests of the open-data API (/api/v1/datasets/) and of Open311 one client may make per
# agency.
API_READ_RATE = env_str("API_READ_RATE", "600/hour")
# LINE Messaging API (core/line.py); tests point it at a local server. In development (DEBUG) the default is
# a closed local port: the demo agency's LINE channel has made-up credentials, and its pushes must never leave
# the machine (they stay in the outbox, retried, then failed). Set LINE_API_BASE to try a real channel.
LINE_API_BASE = env_str("LINE_API_BASE", "http://127.0.0.1:9" if DEBUG else "https://api.line.me")

REST_FRAMEWORK = {
    # The public API is anonymous: no session authentication, hence no CSRF on Open311's POST.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
        "rest_framework.parsers.JSONParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "prongsai.api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Prongsai API",
    "DESCRIPTION": "The versioned REST API of a Prongsai agency, and Open311 GeoReport v2 at /open311/v2/.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/(api/v[0-9]+|open311/v2)",
}

# --- E-mail ----------------------------------------------------------------------------------------------
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "") or ""
    EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD") or ""
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Every e-mail to one address, whatever sends it (acknowledgements of citizen forms, staff notices), counts
# against these allowances in the shared store (core.services.email_queue; ADR 0080): a form cannot be used to
# mail a stranger over and over.
EMAIL_PER_RECIPIENT_PER_HOUR = env_int("EMAIL_PER_RECIPIENT_PER_HOUR", 10, minimum=1)
EMAIL_PER_RECIPIENT_PER_DAY = env_int("EMAIL_PER_RECIPIENT_PER_DAY", 30, minimum=1)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "no-reply@localhost") or "no-reply@localhost"
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Open data ------------------------------------------------------------------------------------------
# An OCDS ocid prefix registered with the OCDS Helpdesk (https://standard.open-contracting.org), for an
# instance that publishes for itself: an agency with no hosting operator (a single-agency install), or one
# whose operator has not set its own prefix on its hosting pages. Agencies then publish under
# "<prefix>-<agency code>" unless they set their own full prefix. Empty (the default) means not registered:
# such agencies publish no OCDS and no ocid anywhere, rather than a made-up one (ADR 0120).
OCDS_OCID_PREFIX = env_str("OCDS_OCID_PREFIX", "") or ""
if OCDS_OCID_PREFIX and not re.fullmatch(r"ocds-[a-z0-9]{6}", OCDS_OCID_PREFIX):
    raise ImproperlyConfigured(
        f"OCDS_OCID_PREFIX must be 'ocds-' followed by the 6 registered characters; got {OCDS_OCID_PREFIX!r}."
    )
if OCDS_OCID_PREFIX == "ocds-xxxxxx":  # the former default, a placeholder that belongs to nobody
    raise ImproperlyConfigured(
        "OCDS_OCID_PREFIX=ocds-xxxxxx is a placeholder, not a registered prefix: set the prefix registered "
        "with the OCDS Helpdesk, or leave the variable empty (agencies then publish no OCDS until their "
        "operator or they themselves set one)."
    )
# --- Citizen channels (Q&A, complaints): abuse limits without a third-party service ---------------------
# Accepted submissions per client and form, counted in the cache under a keyed hash of the client's address
# (the address itself is never stored). Behind a reverse proxy that puts the client's address in a header
# it overwrites (e.g. X-Real-IP), name that header here; otherwise REMOTE_ADDR is used.
CITIZEN_SUBMISSIONS_PER_HOUR = env_int("CITIZEN_SUBMISSIONS_PER_HOUR", 5, minimum=1)
CITIZEN_SUBMISSIONS_PER_DAY = env_int("CITIZEN_SUBMISSIONS_PER_DAY", 20, minimum=1)
CLIENT_ADDRESS_HEADER = env_str("CLIENT_ADDRESS_HEADER", "") or ""

# --- Logging ---------------------------------------------------------------------------------------------
# JSON lines (one object per line, with the request id) in production, plain text in development. Every
# record is scrubbed of what looks like personal data before it is written (prongsai/ops/logs.py).
LOG_FORMAT = env_str("LOG_FORMAT", "plain" if DEBUG else "json")
if LOG_FORMAT not in {"json", "plain"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be 'json' or 'plain'; got {LOG_FORMAT!r}.")
LOG_LEVEL = env_str("LOG_LEVEL", "INFO") or "INFO"
if LOG_LEVEL not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
    raise ImproperlyConfigured(
        f"LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL; got {LOG_LEVEL!r}."
    )
LOGGING = logging_config(log_format=LOG_FORMAT, level=LOG_LEVEL)
