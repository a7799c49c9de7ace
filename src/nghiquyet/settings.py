"""Settings read from the environment.

A fresh clone runs with no configuration at all: SQLite in ``var/``, a secret key
generated once and kept there. Production sets ``DATABASE_URL`` (PostgreSQL) and
the allowed hosts; a value that cannot be parsed stops start-up instead of being
silently replaced by a default.
"""

import re
from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from whitenoise.compress import Compressor

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = PACKAGE_DIR.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)


def _flag(name: str, default: bool) -> bool:
    """A yes/no setting; anything but a clear yes or no stops start-up."""
    raw = env.str(name, default=str(default)).strip().lower()
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a yes/no value (use 1/0, true/false).")


def _url(name: str, default: str) -> str:
    """A URL setting. Left empty (``DATABASE_URL=`` in an environment file) it is the
    default, as when it is absent, instead of a database or cache with no engine."""
    return env.str(name, default="").strip() or default


DEBUG = _flag("DEBUG", default=False)
# A server others reach (gunicorn behind nginx, deploy/) says so, and then must be given
# what the embedded install invents for itself: a key shared by every worker and
# machine, and the host names it answers to.
PRODUCTION = _flag("NGHIQUYET_PRODUCTION", default=False)
VAR_DIR = Path(env.str("NGHIQUYET_VAR_DIR", default=str(BASE_DIR / "var")))


def _required(name: str, how: str) -> str:
    """A production setting that has no safe default: stop with what to write, in vi and en."""
    if value := env.str(name, default="").strip():
        return value
    raise ImproperlyConfigured(
        f"Thiếu {name} trong môi trường của máy chủ (NGHIQUYET_PRODUCTION=1): {how} "
        f"/ {name} is not set, and a production server (NGHIQUYET_PRODUCTION=1) cannot "
        f"start without it. Put it in the environment file (deploy/nghiquyet.env.example)."
    )


if PRODUCTION and DEBUG:
    raise ImproperlyConfigured(
        "DEBUG=1 không được dùng khi NGHIQUYET_PRODUCTION=1 / DEBUG=1 shows code and settings "
        "to anyone on an error page; a production server refuses it."
    )


def _secret_key() -> str:
    """SECRET_KEY from the environment, else a random key kept in ``var/``.

    A single-server install then has a strong key that survives restarts without
    anyone having to invent one; a cluster sets SECRET_KEY explicitly.
    """
    if key := env.str("SECRET_KEY", default=""):
        return key
    path = VAR_DIR / "secret_key"
    if not path.exists():
        from django.utils.crypto import get_random_string

        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(get_random_string(64))
        path.chmod(0o600)
    return path.read_text().strip()


if PRODUCTION:
    SECRET_KEY = _required(
        "SECRET_KEY",
        "tạo bằng `python3 -c 'import secrets; print(secrets.token_urlsafe(50))'`.",
    )
    ALLOWED_HOSTS = [
        host.strip()
        for host in _required(
            "ALLOWED_HOSTS", "tên miền của trang, ví dụ nghiquyet.dongthap.gov.vn."
        ).split(",")
    ]
else:
    SECRET_KEY = _secret_key()
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])

#: Where the report PDF's font, Liberation Serif 2 (Times-compatible, every Vietnamese
#: letter), is read from: Debian's fonts-liberation2. Only these fonts are used, so the
#: PDF is the same on every machine whatever else is installed.
REPORT_FONT_DIR = Path(env.str("REPORT_FONT_DIR", default="/usr/share/fonts/truetype/liberation2"))

CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

DATABASES = {
    "default": env.db_url_config(_url("DATABASE_URL", f"sqlite:///{VAR_DIR / 'nghiquyet.sqlite3'}"))
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The figures' covering index carries extra columns for PostgreSQL's index-only
    # scans; SQLite keeps the index without them, which is all it needs.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
    # WAL lets the dashboard read while an agency saves. A transaction takes the write
    # lock when it begins (IMMEDIATE) instead of upgrading a read lock half-way, which
    # SQLite refuses at once with "database is locked" whatever the timeout; writers
    # then queue for up to SQLITE_TIMEOUT seconds instead of failing. The test
    # database lives in memory.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": env.int("SQLITE_TIMEOUT", default=20),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
# A production server keeps each process's database connection across requests:
# opening one costs the server a new PostgreSQL backend and a sign-in per request, more
# than most pages' queries. A connection found broken is replaced before it is used. The
# development server opens a thread per request, which would only leave them idle.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=600 if PRODUCTION else 0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# A read-only standby of the primary (PostgreSQL streaming replication): reads outside
# a transaction go there (nghiquyet.core.routers). The test runner points it at the
# test database instead of creating one.
if replica_url := env.str("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = {**environ.Env.db_url_config(replica_url), "TEST": {"MIRROR": "default"}}
DATABASE_ROUTERS = ["nghiquyet.core.routers.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The project's apps come first so that their translations and templates take
# precedence over Django's own ("Đăng xuất", not the admin's "Thoát").
INSTALLED_APPS = [
    "nghiquyet.core",
    "nghiquyet.orgs",
    "nghiquyet.documents",
    "nghiquyet.targets",
    "nghiquyet.tasks",
    "nghiquyet.meetings",
    "nghiquyet.reports",
    "nghiquyet.news",
    "nghiquyet.feedback",
    "nghiquyet.api",
    "nghiquyet.portal",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_htmx",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "axes",
    "captcha",
    # Listed so that /api/docs serves Swagger UI from the package's own static files:
    # offices run on closed networks, and no page may load code from elsewhere.
    "ninja",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "nghiquyet.core.middleware.VietnameseFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out account is refused before its password is checked.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    # Passwords; permissions are the access layer's alone (nghiquyet.orgs.access).
    "nghiquyet.orgs.backends.PasswordBackend",
]

ROOT_URLCONF = "nghiquyet.urls"
WSGI_APPLICATION = "nghiquyet.wsgi.application"

# Every form is drawn with the same Bootstrap layout (see core/forms.py).
FORM_RENDERER = "nghiquyet.core.forms.BootstrapFormRenderer"

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
                "nghiquyet.core.context_processors.principal",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Vietnamese first: officials read the interface in Vietnamese; English is for
# partners and analysts.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
USE_I18N = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
# Production serves the files `nghiquyet collectstatic` wrote to STATIC_ROOT under
# names that carry their content's hash, compressed ahead of time: browsers then keep
# them for a year and never see a stale one after an upgrade. The embedded install and
# the tests serve the files from the apps' folders as they are, with nothing to collect.
if PRODUCTION:
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    # Source maps are read by developers' tools only; compressing the API pages' large
    # ones took most of collectstatic's time.
    WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "map"]
WHITENOISE_USE_FINDERS = not PRODUCTION

# Password guessing: after LOGIN_FAILURE_LIMIT wrong passwords for one account from
# one address (login page, admin, or wrong API tokens from one address), that pair is
# refused for LOGIN_LOCKOUT_MINUTES, and every further failure restarts the wait.
# The address is the peer's unless the server sits behind TRUSTED_PROXY_COUNT
# proxies: a client-set X-Forwarded-For would otherwise give a fresh address per guess.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "nghiquyet.core.lockout.lockout_response"
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "nghiquyet.core.lockout.client_address"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# The Excel import of targets refuses larger files at once, before reading them.
TARGETS_IMPORT_MAX_ROWS = env.int("TARGETS_IMPORT_MAX_ROWS", default=100_000)
TARGETS_IMPORT_MAX_BYTES = env.int("TARGETS_IMPORT_MAX_BYTES", default=20 * 1024 * 1024)
# A sheet declaring more rows than this is imported in the background, with progress.
TARGETS_IMPORT_BACKGROUND_ROWS = env.int("TARGETS_IMPORT_BACKGROUND_ROWS", default=2000)

# Background work runs on Django's Tasks framework (the django-tasks backport until
# Django 6). One office needs nothing more than its database: `nghiquyet db_worker`
# runs the tasks stored there. Several worker machines share a Redis queue instead
# (TASKS_BACKEND=rq, REDIS_URL) served by `nghiquyet rqworker`. "immediate" runs a
# task inside the request, for tests and quick trials only.
TASKS_BACKEND = env.str("TASKS_BACKEND", default="database")
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be one of {', '.join(_TASK_BACKENDS)}, not {TASKS_BACKEND!r}"
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_BACKEND]}}
if TASKS_BACKEND == "rq":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    TASKS["default"]["QUEUES"] = ["default"]
    RQ_QUEUES = {"default": {"URL": env.str("REDIS_URL", default="redis://127.0.0.1:6379/0")}}
# How often a background job is tried before it is shown as failed: a worker that died
# or a database that was briefly away gets another chance, a refusal does not.
JOBS_MAX_ATTEMPTS = env.int("JOBS_MAX_ATTEMPTS", default=3)

# The cache holds the public portal's pages (nghiquyet.portal.cache), the feedback rate
# limits and, with a shared cache, the sessions. The default lives in each server
# process; a server with several processes (gunicorn) sets CACHE_URL to Redis
# (redis://127.0.0.1:6379/1), so that a publication or an approval empties the portal's
# pages in every process at once and a limit counts every process's visits.
CACHES = {"default": env.cache_url_config(_url("CACHE_URL", "locmemcache://"))}
SHARED_CACHE = not CACHES["default"]["BACKEND"].endswith(("LocMemCache", "DummyCache"))
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # Django's, reusing its Redis client (nghiquyet.core.cache says why).
    CACHES["default"]["BACKEND"] = "nghiquyet.core.cache.RedisCache"
if SHARED_CACHE:
    # Sessions are read from the shared cache and written to both it and the database:
    # one query less on every signed-in page, and nobody is signed out if Redis restarts.
    # Never with a per-process cache, where a sign-out would reach one process only.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Citizens' feedback on the public portal. The captcha is drawn by the site itself
# (a small sum to work out), so no outside service sees the visitors. Each address
# may post this many comments, ratings and page views before it is asked to wait.
# django-ratelimit keeps the counters in the default cache: per server process
# with the built-in memory cache (each process then allows this much), shared by
# all of them once CACHES names memcached or Redis. Its app is not installed, since
# its only part is a start-up check that refuses the memory cache outright.
CAPTCHA_CHALLENGE_FUNCT = "captcha.helpers.math_challenge"
CAPTCHA_MATH_CHALLENGE_OPERATOR = "+"
CAPTCHA_TIMEOUT = 20
CAPTCHA_IMAGE_SIZE = (120, 44)
CAPTCHA_FONT_SIZE = 28


def _rate(name: str, default: str) -> str:
    """A rate such as ``5/10m`` (count per period of s, m, h or d); anything else stops
    start-up, rather than failing on the first visitor's comment."""
    value = env.str(name, default=default).strip()
    if not re.fullmatch(r"[1-9]\d*/\d*[smhd]", value):
        raise ImproperlyConfigured(f"{name}={value!r} is not a rate such as 5/10m or 30/h.")
    return value


FEEDBACK_COMMENT_RATE = _rate("FEEDBACK_COMMENT_RATE", "5/10m")
FEEDBACK_RATING_RATE = _rate("FEEDBACK_RATING_RATE", "30/h")
FEEDBACK_VIEW_RATE = _rate("FEEDBACK_VIEW_RATE", "120/m")

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="nghiquyet@localhost")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = _flag("EMAIL_USE_TLS", default=False)

# Hardening is on whenever DEBUG is off. A server behind a TLS-terminating proxy
# keeps it; the local demo runs with DEBUG on and plain HTTP.
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_SSL_REDIRECT = _flag("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy: every script, style, font and image comes from the site
# itself, so injected markup can neither run code nor call out nor restyle the page:
# no inline script, no inline style, no eval, no plug-in. Templates put their styles in
# static stylesheets; the one page that must carry its own (the printable report) allows
# its own stylesheet by hash.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
