"""One settings file, driven by the environment.

Defaults give a development setup on embedded SQLite under ``KLYNGE_DATA_DIR``;
``DATABASE_URL`` switches to PostgreSQL (or another SQLite file). See the
configuration reference in README.md.
"""

import datetime
import os
import secrets
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "ja"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DATA_DIR = Path(os.environ.get("KLYNGE_DATA_DIR", Path.cwd() / "data")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", False)


def _secret_key() -> str:
    """SECRET_KEY from the environment, else one generated once and kept in the data dir.

    No secret is ever committed; a development machine gets a stable random key.
    """
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(64))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "klynge.core",
    "klynge.organisation",
    "klynge.outbox",
    "klynge.documents",
    "klynge.meetings",
    "klynge.importer",
    "klynge.funds",
    "klynge.governance",
    "klynge.involvement",
    "klynge.offers",
    "klynge.improvement",
    "klynge.indicators",
    "klynge.agreements",
    "klynge.transition",
    "klynge.api",
    "klynge.oparl",
    "klynge.search",
    "ninja",  # serves the bundled Swagger UI at /api/v1/docs instead of a CDN copy
    "axes",
]

MIDDLEWARE = [
    "klynge.core.logs.RequestIdMiddleware",  # first: every later line of the request carries its id
    "klynge.core.health.HealthCheckMiddleware",  # /sundhed/ for load balancers, whatever the Host header
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "klynge.organisation.permissions.PermissionCacheMiddleware",  # per-request permission sets (reads only)
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    "klynge.core.middleware.CprRefusedMiddleware",
    "klynge.core.versioning.StaleEditMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into the Danish lockout page
]

ROOT_URLCONF = "klynge.urls"
WSGI_APPLICATION = "klynge.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "klynge.core.context_processors.site",
                "klynge.core.params.query_errors",
                "klynge.outbox.context_processors.outbox_failures",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
# SQLite in WAL mode by default: readers never block the writer, so `make run`
# serves several users at once from one file. IMMEDIATE transactions avoid
# "database is locked" on lock upgrades. Which requests open a transaction is
# decided in "Transactions and background jobs" below.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'klynge.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
# "documents": the public Word and PDF files of meetings as the OParl API serves them (klynge/oparl/
# documents.py), kept on disk so every worker and a restart reuse a file rendered once.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "documents": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                  "LOCATION": str(DATA_DIR / "cache" / "documents"), "OPTIONS": {"MAX_ENTRIES": 2000}},
}
FORMS_URLFIELD_ASSUME_HTTPS = True  # Django 6 default, opted into now
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Transactions and background jobs ----------------------------------------------
# Reads run in autocommit and take no lock (on SQLite they read a WAL snapshot and never
# wait for a writer). Every request with a non-safe method (POST, PUT, PATCH, DELETE) runs
# its view in one transaction (klynge.core.transactions.AtomicWritesMiddleware, the last
# with a process_view), so the write lock is taken only where something is written. ATOMIC_REQUESTS
# stays off: it made every GET take the write lock under IMMEDIATE.
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Its process_view runs the view, so no process_view after it would run: it goes after every
# middleware that has one (before AxesMiddleware, which must stay last and has none).
_before = "axes.middleware.AxesMiddleware"
MIDDLEWARE.insert(MIDDLEWARE.index(_before) if _before in MIDDLEWARE else len(MIDDLEWARE),
                  "klynge.core.transactions.AtomicWritesMiddleware")
# Long work (imports, e-mails to many) runs as background jobs on django-tasks with the
# database backend (django-tasks-db): `klynge serve` runs a worker thread in-process,
# production runs `klynge worker` beside gunicorn.
# A history record's reason names what changed and why (a warning overridden, a correction's reason); it is
# free text of any length, so it is stored as text rather than simple_history's default varchar(100), which
# PostgreSQL enforces and SQLite does not.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

INSTALLED_APPS += ["django_tasks", "django_tasks_db", "klynge.jobs", "klynge.reminders"]
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# Import limits: the unpacked size of a .docx, the text read from any file, its lines,
# and the seconds the reading may take in the worker.
IMPORT_MAX_UNPACKED_BYTES = int(os.environ.get("KLYNGE_IMPORT_MAX_UNPACKED_MB", "10")) * 1024 * 1024
IMPORT_MAX_TEXT_CHARS = int(os.environ.get("KLYNGE_IMPORT_MAX_TEXT_CHARS", "5000000"))
IMPORT_MAX_LINES = int(os.environ.get("KLYNGE_IMPORT_MAX_LINES", "100000"))
IMPORT_TIME_LIMIT_SECONDS = float(os.environ.get("KLYNGE_IMPORT_TIME_LIMIT", "120"))

# --- Auth -------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# Login throttling (django-axes through klynge.core.throttle): an account is locked after 5 failed
# logins, an address after 20 (over all accounts), each until 15 minutes after the last failure.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
KLYNGE_LOGIN_ACCOUNT_LIMIT = int(os.environ.get("KLYNGE_LOGIN_ACCOUNT_LIMIT", "5"))
KLYNGE_LOGIN_ADDRESS_LIMIT = int(os.environ.get("KLYNGE_LOGIN_ADDRESS_LIMIT", "20"))
# "Glemt adgangskode?" mails to one address per hour; further requests show the same page, send nothing.
KLYNGE_PASSWORD_RESET_PER_HOUR = int(os.environ.get("KLYNGE_PASSWORD_RESET_PER_HOUR", "3"))
KLYNGE_PROXY_COUNT = int(os.environ.get("KLYNGE_PROXY_COUNT", "0"))  # trusted reverse proxies in front
AXES_HANDLER = "klynge.core.throttle.LoginThrottle"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = KLYNGE_LOGIN_ACCOUNT_LIMIT
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("KLYNGE_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_CALLABLE = "klynge.core.throttle.lockout_response"
AXES_CLIENT_IP_CALLABLE = "klynge.core.throttle.client_ip"
AXES_RESET_ON_SUCCESS = False  # a success must not wipe the address's count of other accounts' failures
AXES_VERBOSE = False
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "front"
LOGOUT_REDIRECT_URL = "front"

# --- Language and time --------------------------------------------------------
LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk")]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
# Years must never read "2.023": numbers are not grouped by default; amounts group through the
# kroner filter (klynge.core.formats), and our own format module fixes one Danish date style.
USE_THOUSAND_SEPARATOR = False
FORMAT_MODULE_PATH = ["klynge.core.locale_formats"]

# --- Static and uploaded files -------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", DATA_DIR / "static"))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "files"))
MEDIA_URL = "/filer/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve static files straight from the apps in development and tests.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

UPLOAD_MAX_BYTES = int(os.environ.get("KLYNGE_UPLOAD_MAX_MB", "50")) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- E-mail ---------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ["EMAIL_TIMEOUT"]) if os.environ.get("EMAIL_TIMEOUT") else 30
EMAIL_SSL_CERTFILE = os.environ.get("EMAIL_SSL_CERTFILE") or None
EMAIL_SSL_KEYFILE = os.environ.get("EMAIL_SSL_KEYFILE") or None
# With EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend: the folder the mails are written to.
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(DATA_DIR / "mail"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "klynge@localhost")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
EMAIL_SUBJECT_PREFIX = os.environ.get("EMAIL_SUBJECT_PREFIX", "[Klynge] ")
# How long a password link (forgotten password, invitation) works, in seconds (default three days).
PASSWORD_RESET_TIMEOUT = int(os.environ.get("PASSWORD_RESET_TIMEOUT", str(3 * 24 * 3600)))
# The accessibility statement (/tilgaengelighed/): who runs the site and where to write.
KLYNGE_OPERATOR = os.environ.get("KLYNGE_OPERATOR", "")
KLYNGE_ACCESSIBILITY_CONTACT = os.environ.get("KLYNGE_ACCESSIBILITY_CONTACT", "")
# The public address of the site, for links in e-mails and calendar feeds.
KLYNGE_SITE_URL = os.environ.get("KLYNGE_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# --- Security ---------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SECURE_REFERRER_POLICY = "same-origin"
# KLYNGE_HTTPS=true in production, behind a TLS-terminating reverse proxy:
# secure cookies, redirect to https, HSTS.
if env_bool("KLYNGE_HTTPS", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^sundhed/$"]  # load balancers probe the health check over plain HTTP
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

# Content-Security-Policy (django-csp): scripts, styles, fonts and images only from this site; no
# inline script, no inline style, no event-handler attributes, no framing, forms only to this site.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    },
}

# --- Logs and health -----------------------------------------------------------------
# LOG_FORMAT=json: one JSON object a line (time, level, logger, message, request_id); otherwise
# plain text with the request id. See docs/operations.md.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text").strip().lower()
KLYNGE_ACCESS_LOG = env_bool("KLYNGE_ACCESS_LOG", LOG_FORMAT == "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "klynge.core.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "klynge.core.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["request_id"],
                             "formatter": "json" if LOG_FORMAT == "json" else "text"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
# /sundhed/ answers 503 when the media directory has less free space than this.
KLYNGE_HEALTH_MIN_FREE_MB = int(os.environ.get("KLYNGE_HEALTH_MIN_FREE_MB", "200"))
# Backups (`klynge backup`) go here unless --output names a file.
KLYNGE_BACKUP_DIR = Path(os.environ.get("KLYNGE_BACKUP_DIR", DATA_DIR / "backups"))
