"""Settings for thidua, read from the environment.

One module for development, test and production: what differs between them comes from
environment variables (see docs/operations.md). SQLite is the zero-set-up default;
production sets DATABASE_URL to PostgreSQL and THIDUA_ENV=production.
"""

import os
import sys
import tempfile
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


THIDUA_ENV = os.environ.get("THIDUA_ENV", "development")  # development | test | production
PRODUCTION = THIDUA_ENV == "production"
TESTING = THIDUA_ENV == "test" or "pytest" in sys.modules

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise RuntimeError("SECRET_KEY must be set in production")
    SECRET_KEY = "dev-only-insecure-key-change-me-" + "x" * 32

DEBUG = env_bool("DEBUG", default=not PRODUCTION)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # thidua's own apps, one per domain area (first, so their translations take precedence)
    "core",
    "accounts",
    "organisations",
    "documents",
    "campaigns",
    "awards",
    "publishing",
    "reports",
    "signing",
    # the project itself: what runs across every app (`manage.py load_demo`)
    "thidua",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "ninja",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "core.middleware.RequestBodyLimitMiddleware",
    # an anonymous visitor's portal page this process just served, answered again before the rest
    "publishing.middleware.PortalPagesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.ApiPathMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # the language: the user's choice, else the switch's cookie, else Vietnamese; never Accept-Language
    "core.middleware.LanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
    "core.middleware.StorageFullMiddleware",
    "core.middleware.ApiNumberRangeMiddleware",
    # turns a lockout raised during authentication into the page or JSON of accounts.lockout
    "axes.middleware.AxesMiddleware",
]

if PRODUCTION:
    # static files served by the app servers themselves, compressed and cache-busted
    MIDDLEWARE.insert(2, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = os.environ.get("ROOT_URLCONF", "thidua.urls")

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "core.context_processors.navigation",
                "accounts.context_processors.roles",
            ],
        },
    },
]

WSGI_APPLICATION = "thidua.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the worker and the web server use the file at once; IMMEDIATE makes
    # write transactions take the lock at BEGIN, so they queue instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT compilation: the app's queries are short and many; on the 5,000-unit bench the
    # dashboard's grouped queries spent 100–300 ms compiling (docs/scaling.md).
    # Behind pgbouncer (transaction mode refuses startup options) set PG_OPTIONS="" and use
    # ALTER DATABASE … SET jit = off instead; options given in DATABASE_URL win.
    if os.environ.get("PG_OPTIONS", "-c jit=off"):
        DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
            "options", os.environ.get("PG_OPTIONS", "-c jit=off")
        )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 9}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Every authenticate() call passes django-axes first (the lockout, accounts/lockout.py), then the
# ModelBackend whose get_user also reads the roles and the unread notifications (accounts/auth.py).
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "accounts.auth.RequestUserBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Login lockout: this many failures for one username within the window locks it.
LOGIN_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_LOCKOUT_MINUTES = int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15"))
# ... and this many failures from one client address, whatever the usernames, throttles it.
LOGIN_IP_FAILURE_LIMIT = int(os.environ.get("LOGIN_IP_FAILURE_LIMIT", "20"))
# API tokens: this many wrong bearer tokens from one client address within the window answer 429.
API_TOKEN_FAILURE_LIMIT = int(os.environ.get("API_TOKEN_FAILURE_LIMIT", "30"))
API_TOKEN_FAILURE_WINDOW_MINUTES = int(os.environ.get("API_TOKEN_FAILURE_WINDOW_MINUTES", "15"))
# Behind a reverse proxy, the request header holding the client's address (e.g. HTTP_X_REAL_IP).
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")

# django-axes counts the failures above (accounts/lockout.py reads the LOGIN_* settings at each
# attempt, so the limits stay in one place): per username and, separately, per client address.
AXES_HANDLER = "accounts.lockout.LockoutHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = "accounts.lockout.failure_limit"
AXES_COOLOFF_TIME = "accounts.lockout.cool_off"
AXES_USERNAME_CALLABLE = "accounts.lockout.username_of"
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.client_ip"  # CLIENT_IP_HEADER, as everywhere else
AXES_LOCKOUT_CALLABLE = "accounts.views.lockout_response"
AXES_VERBOSE = False  # no banner on every manage.py command; lockouts are still logged
AXES_RESET_ON_SUCCESS = False  # LockoutHandler clears the username's failures, not the address's
AXES_SENSITIVE_PARAMETERS = [
    "username",
    "ip_address",
    "password",
    "old_password",
    "new_password1",
    "new_password2",
]

SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 3600)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "core.errors.csrf_failure"  # the app's own 403 page, in Vietnamese

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORM_RENDERER = "core.forms.FormRenderer"  # maxlength as data-maxlength: no silent cut of pasted text
FORMAT_MODULE_PATH = ["thidua.formats"]  # dd/mm/yyyy, decimal comma, thousands dot in both languages
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_root"))  # collectstatic writes here
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# What /media/ may serve: a stored-name prefix -> the function deciding (user, name) -> bool for
# one stored file. Every other stored file answers 404 there: it is downloaded through the view
# of the object it belongs to (docs/security.md, "Stored files").
MEDIA_ACCESS = {"publishing/articles/": "publishing.selectors.may_see_article_image"}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

if PRODUCTION:
    # source maps (of the API docs' bundles) are read by developer tools only: not worth
    # compressing (they are most of collectstatic's work)
    from whitenoise.compress import Compressor

    WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "map"]
    # pages link the hashed names only ({% static %}): the unhashed copies would double the work
    WHITENOISE_KEEP_ONLY_HASHED_FILES = True

# The API pages its lists: at most this many items per request.
NINJA_PAGINATION_MAX_LIMIT = 1000

# Uploads: bigger files are refused with a clear message before they are read.
MAX_UPLOAD_MB = int(os.environ.get("MAX_UPLOAD_MB", "20"))
# What an uploaded workbook (member or award-history import) may hold: checked on the zip before
# openpyxl opens it, then while reading (core/spreadsheets.py). A province's 100,000-row member
# file takes about 60 MB unpacked.
SPREADSHEET_LIMITS = {
    "max_rows": int(os.environ.get("IMPORT_MAX_ROWS", "100000")),
    "max_columns": 50,
    "max_parts": 100,
    "max_sheet_mb": 150,
    "max_other_part_mb": 10,
    "max_unpacked_mb": 200,
    "seconds": int(os.environ.get("IMPORT_MAX_SECONDS", "120")),
}
# An import confirmed but not finished after this long, or whose task failed or vanished, is
# marked failed and may be retried (organisations.tasks.expire_if_stale); an upload still being
# checked after this long, or whose check task failed or vanished, is marked invalid
# (core.imports_views.expire_stale_check).
IMPORT_STALE_MINUTES = int(os.environ.get("IMPORT_STALE_MINUTES", "30"))
# A whole request body above this (the file plus room for the form's other fields) answers 413
# before it is read (core.middleware.RequestBodyLimitMiddleware); nginx's client_max_body_size
# must be above it, so that the app, not nginx, answers.
REQUEST_MAX_MB = int(os.environ.get("REQUEST_MAX_MB", str(MAX_UPLOAD_MB + 1)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# The cache: the database cache by default (zero set-up); Redis when CACHE_URL=redis://…
# (production defaults to the local Redis the install sets up; CACHE_URL=db keeps the database cache).
CACHE_URL = os.environ.get("CACHE_URL", "redis://127.0.0.1:6379/0" if PRODUCTION else "")
# Keys are prefixed, so two installations (or the test workers) can share one Redis database.
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "thidua")


def redis_cache(url: str, key_prefix: str) -> dict:
    return {"BACKEND": "core.cache.RedisCache", "LOCATION": url, "KEY_PREFIX": key_prefix}


CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "thidua_cache",
    }
}
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES["default"] = redis_cache(CACHE_URL, CACHE_KEY_PREFIX)
    # every signed-in request reads its session: from Redis then, written through to the database
    # (with the database cache it would be a query either way)
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# A public portal page this process served in the last PORTAL_LOCAL_SECONDS is served again without
# the cache round trip (publishing.portal_cache.recent): another app server's change shows within
# that time (the pages already tell browsers and proxies they may keep them 60 s); this process's own
# changes, and a scheduled article's time, show at once. 0 turns it off (the test suite; see
# docs/scaling.md).
PORTAL_LOCAL_SECONDS = float(os.environ.get("PORTAL_LOCAL_SECONDS", "2"))

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "thidua@localhost")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")  # links in e-mails

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # fontTools (pyHanko subsetting the font of a signature's appearance) logs every table at INFO
    "loggers": {"django.db.backends": {"level": "WARNING"}, "fontTools": {"level": "ERROR"}},
}

# The name of the organisation that runs this installation, shown in headers and documents.
THIDUA_ORGANISATION_NAME = os.environ.get("THIDUA_ORGANISATION_NAME", "Liên đoàn Lao động tỉnh Cao Bằng")

# Digital signatures (signing/, docs/signing.md). Keys live in a PKCS#11 token (a USB token or HSM in
# production; SoftHSM2 in the demo and tests, its configuration and token files under SIGNING_DIR) or
# in a PKCS#12 file. SIGNING_DIR also holds the demo CA that `manage.py setup_signing` creates.
SIGNING_DIR = Path(os.environ.get("SIGNING_DIR", BASE_DIR / "var" / "signing"))
SIGNING_PKCS11_LIB = os.environ.get("SIGNING_PKCS11_LIB", "/usr/lib/softhsm/libsofthsm2.so")
SIGNING_TOKEN_LABEL = os.environ.get("SIGNING_TOKEN_LABEL", "thidua")
SIGNING_PIN = os.environ.get("SIGNING_PIN", "")
SIGNING_SO_PIN = os.environ.get("SIGNING_SO_PIN", "")
SIGNING_PKCS12_PASSPHRASE = os.environ.get("SIGNING_PKCS12_PASSPHRASE", "")
if not PRODUCTION:  # production sets its own; without them nothing is signed (signing/keys.py says why)
    SIGNING_PIN = SIGNING_PIN or "1234-demo"
    SIGNING_SO_PIN = SIGNING_SO_PIN or "5678-demo"
    SIGNING_PKCS12_PASSPHRASE = SIGNING_PKCS12_PASSPHRASE or "demo-passphrase"
# PEM files of the certificate authorities a signature is checked against; empty: the demo CA.
SIGNING_TRUST_ROOTS = env_list("SIGNING_TRUST_ROOTS")
# The public check of an uploaded PDF (/xac-minh/<code>): its bounds, and checks per address per minute.
SIGNING_VERIFY_MAX_MB = int(os.environ.get("SIGNING_VERIFY_MAX_MB", "10"))
SIGNING_VERIFY_MAX_PAGES = int(os.environ.get("SIGNING_VERIFY_MAX_PAGES", "200"))
SIGNING_VERIFY_SECONDS = int(os.environ.get("SIGNING_VERIFY_SECONDS", "10"))
SIGNING_VERIFY_PER_MINUTE = int(os.environ.get("SIGNING_VERIFY_PER_MINUTE", "10"))
SIGNING_LOOKUP_PER_MINUTE = int(os.environ.get("SIGNING_LOOKUP_PER_MINUTE", "30"))

# Apps whose demo.py contributes to `manage.py load_demo`, in the order they run.
DEMO_LOADERS = [
    "organisations.demo",
    "accounts.demo",
    "documents.demo",
    "campaigns.demo",
    "signing.demo",
    "awards.demo",
    "publishing.demo",
    # the 2025 structure, then the live year (today's date at load time)
    "thidua.demo_2025",
    "campaigns.demo_live",
    "awards.demo_live",
    # the past years' history dated by its own dates, not the day of loading
    "thidua.demo_dates",
]

# What makes an installation not empty (a restore refuses to overwrite it without --force).
INSTALLATION_DATA_MODELS = ["accounts.User", "organisations.Unit"]

if TESTING:
    # Live tests restore the database by serialisation after each one; content types and
    # permissions are rebuilt by migrate's post_migrate after any other transactional test's flush,
    # so restoring them too collided with the rebuilt rows (unique app_label, model).
    TEST_NON_SERIALIZED_APPS = ["django.contrib.contenttypes", "django.contrib.auth"]
    # Fast hashing, tasks run inline, uploads in a throw-away folder per test process.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # every portal request reads the shared cache, so a test's change (also one made around the
    # signals) is seen at once; publishing/tests/test_portal_local.py turns the memo on
    PORTAL_LOCAL_SECONDS = 0.0
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="thidua-test-media-"))
    # Each test process its own SoftHSM2 token and demo CA (made once, by signing/testing.py).
    SIGNING_DIR = Path(tempfile.mkdtemp(prefix="thidua-test-signing-"))
    if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
        # CI runs the PostgreSQL half of the suite on Redis: each pytest-xdist worker (and each
        # run) has its own key prefix, so workers never see, nor clear, each other's keys.
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        CACHES = {"default": redis_cache(CACHE_URL, f"{CACHE_KEY_PREFIX}-test-{os.getpid()}-{worker}")}
    else:
        CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
