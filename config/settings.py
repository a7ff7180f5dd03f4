"""Corroborate's one settings file. Every difference between environments is an environment
variable read here through a typed helper; the defaults are safe for development."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def envstr(name: str, default: str) -> str:
    return os.environ.get(name, default)


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={value!r}: expected true/false, 1/0, yes/no or on/off")


def envlist(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r}: expected a whole number") from None


DEBUG = envbool("DEBUG", True)
SECRET_KEY = envstr("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])

INSTALLED_APPS = [
    "accounts.apps.CuratorsAdminConfig",  # Django's admin, open to Curators (accounts/sites.py)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "simple_history",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks_db",
    "axes",
    "sources",
    "claims",
    "accounts",
]

# Long work (reading a long source) runs in the task worker: `manage.py db_worker`, which
# `make demo` starts beside the web server. Tasks are rows in the database, so any number of
# app servers and workers share one queue.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A source longer than this is read by the worker while its review page shows the progress;
# a shorter one (a second or less) is read when its review page is first asked for.
READ_IN_BACKGROUND_OVER = 30_000  # characters

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Production (issue 12): static files before anything else looks at the request, then
    # the Content-Security-Policy, Permissions-Policy and the read-replica mark (config/).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "config.middleware.PermissionsPolicyMiddleware",
    "config.middleware.ReadReplicaMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records who made each change in the history (django-simple-history).
    "simple_history.middleware.HistoryRequestMiddleware",
    # Answers a sign-in locked out by django-axes (AXES_* below); last, as axes asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",  # {% csp_nonce_attr %}
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite by default so a newcomer needs nothing installed; PostgreSQL in production and CI.
# A connection lives for one request unless CONN_MAX_AGE says otherwise: runserver starts a
# thread per request, and a connection kept per thread was never closed (issue 12: PostgreSQL
# ran out of connections). config/gunicorn.py, whose threads live on, sets 600 s; the health
# check replaces a connection the database dropped before a request uses it.
CONN_MAX_AGE = envint("CONN_MAX_AGE", 0)
DATABASES = {
    "default": dj_database_url.parse(
        envstr("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=CONN_MAX_AGE,
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"  # the seed corpus is London news; datetimes are stored in UTC
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(envstr("STATIC_ROOT", str(BASE_DIR / "staticfiles")))

# The site's sign-in page (accounts/); Roles are groups (accounts/roles.py).
LOGIN_URL = "accounts:login"
# Every sign-in form (the site's, the admin's) goes through django-axes first: after
# AXES_FAILURE_LIMIT failures for one username from one address, that username is locked out
# from that address for AXES_COOLOFF_TIME, even with the right password (429).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = envint("AXES_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "accounts.limits.client_ip"  # behind proxies: NUM_PROXIES below
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_VERBOSE = False

# What is kept for a few minutes (a long list's estimated total, claims/keyset.py) is kept in
# the cache, which every app process should share: in production the database's (`manage.py
# createcachetable` makes its table), while debugging this process's memory.
# SHARED_CACHE=true|false chooses. (Rate limits count in their own table: accounts/limits.py.)
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "corroborate_cache",
    }
    if envbool("SHARED_CACHE", not DEBUG)
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

# The URL fetcher refuses private and loopback addresses (no reaching into the server's own
# network); tests turn this on to fetch from a local server.
INGEST_ALLOW_PRIVATE_ADDRESSES = envbool("INGEST_ALLOW_PRIVATE_ADDRESSES", False)

# The JSON API: read for everyone, writes for editors with the model permission, by session
# (with CSRF) or token.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "accounts.tokens.ExpiringTokenAuthentication",  # tokens expire: docs/api.md
    ],
    # Requests per address without signing in, per account, and per account of the group
    # "Load test" (bench.load); "fetch" is the web addresses an editor has fetched (the site's
    # add-source form). Counted in the cache (accounts/limits.py): 429 past them.
    "DEFAULT_THROTTLE_CLASSES": [
        "accounts.limits.AnonymousThrottle",
        "accounts.limits.AccountThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": envstr("API_ANON_RATE", "120/minute"),
        "user": envstr("API_USER_RATE", "600/minute"),
        "load": envstr("API_LOAD_RATE", "6000/minute"),
        "fetch": envstr("URL_FETCH_RATE", "30/hour"),
    },
    # How many proxies in front of the app append to X-Forwarded-For: the client's address is
    # the one the first of them saw (0: the connection's own address).
    "NUM_PROXIES": envint("TRUSTED_PROXY_COUNT", 0),
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Corroborate API",
    "DESCRIPTION": "Topics, sources and claims with their attestations and verdicts.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # The docs page's JavaScript is served from the sidecar package, not a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "claims.api.openapi.document_throttling",
    ],
}

SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"


# --- Production (issue 12): replica, static files, TLS, security headers, logging ----------
# `make serve` runs this with DEBUG off; README "Running in production" lists the variables.

# A read replica: anonymous GET pages read it, everything else the primary (config/routers.py).
DATABASE_REPLICA_URL = envstr("DATABASE_REPLICA_URL", "")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL, conn_max_age=CONN_MAX_AGE, conn_health_checks=True
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}  # tests have one database
    DATABASE_ROUTERS = ["config.routers.ReplicaRouter"]

# collectstatic (run by `make serve`) writes the static files compressed and with hashed names;
# whitenoise serves them with a year's cache. While debugging they come straight from static/.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_AUTOREFRESH = DEBUG
WHITENOISE_USE_FINDERS = DEBUG

# TLS ends at the proxy in front, which says so in a header it always sets (never passed on
# from the client): SECURE_PROXY_SSL_HEADER=X-Forwarded-Proto trusts that header's "https".
# Without TLS (a trial on http://127.0.0.1), SECURE_SSL_REDIRECT=false.
_proxy_header = envstr("SECURE_PROXY_SSL_HEADER", "")
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_" + _proxy_header.upper().replace("-", "_"), "https") if _proxy_header else None
)
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", True)
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

# Scripts and styles only from the site's own files (a template that needs an inline one
# gives it {% csp_nonce_attr %}); nothing from other hosts, no plugins, no framing. The same
# policy in development, tests and production, so the browser tests see what readers get.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# The browsable API's pages allow inline styles, which DRF's templates carry (config/renderers.py).
REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"] = [
    "rest_framework.renderers.JSONRenderer",
    "config.renderers.BrowsableAPIRenderer",
]
# Powerful browser features the site never uses, refused to every page (config/middleware.py).
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}

# Warnings and errors, each one JSON line on stderr (config/logs.py): a 500 leaves its path,
# status and traceback.
LOG_LEVEL = envstr("LOG_LEVEL", "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "config.logs.JsonFormatter"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["stderr"], "level": LOG_LEVEL},
    "loggers": {"django": {"handlers": ["stderr"], "level": LOG_LEVEL, "propagate": False}},
}

# History retention (docs/history.md): unset, every revision is kept; set, `manage.py
# prune_history` folds claims' revisions older than this many days into the last of them.
HISTORY_KEEP_DAYS: int | None = envint("HISTORY_KEEP_DAYS", 0) or None
