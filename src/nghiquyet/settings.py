"""Settings read from the environment.

A fresh clone runs with no configuration at all: SQLite in ``var/``, a secret key
generated once and kept there. Production sets ``DATABASE_URL`` (PostgreSQL) and
the allowed hosts; a value that cannot be parsed stops start-up instead of being
silently replaced by a default.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

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


DEBUG = _flag("DEBUG", default=False)
VAR_DIR = Path(env.str("NGHIQUYET_VAR_DIR", default=str(BASE_DIR / "var")))


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


SECRET_KEY = _secret_key()

#: Where the report PDF's font, Liberation Serif 2 (Times-compatible, every Vietnamese
#: letter), is read from: Debian's fonts-liberation2. Only these fonts are used, so the
#: PDF is the same on every machine whatever else is installed.
REPORT_FONT_DIR = Path(env.str("REPORT_FONT_DIR", default="/usr/share/fonts/truetype/liberation2"))

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'nghiquyet.sqlite3'}")
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
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
    "nghiquyet.api",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "axes",
    # Listed so that /api/docs serves Swagger UI from the package's own static files:
    # offices run on closed networks, and no page may load code from elsewhere.
    "ninja",
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
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "nghiquyet.urls"
WSGI_APPLICATION = "nghiquyet.wsgi.application"

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
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
WHITENOISE_USE_FINDERS = True

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
AXES_IPWARE_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# The Excel import of targets refuses larger files at once, before reading them.
TARGETS_IMPORT_MAX_ROWS = env.int("TARGETS_IMPORT_MAX_ROWS", default=100_000)
TARGETS_IMPORT_MAX_BYTES = env.int("TARGETS_IMPORT_MAX_BYTES", default=20 * 1024 * 1024)

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="nghiquyet@localhost")

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
# itself, so injected markup can neither run code nor call out. Inline styles stay
# allowed (templates, printed reports and Swagger UI set them; they cannot run code);
# inline scripts, eval and plug-ins do not.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
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
