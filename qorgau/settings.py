"""Settings, read once from the environment (QORGAU_* variables, DATABASE_URL).

The data directory holds everything a deployment owns: the SQLite database,
stored files and keys. Nothing here reaches the network.
"""

import os
import secrets
import tempfile
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent


def env(name, default=None):
    return os.environ.get(f"QORGAU_{name}", default)


def env_bool(name, default=False):
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _secret_from_file(path):
    return Path(path).read_text(encoding="utf-8").strip()


DATA_DIR = Path(env("DATA_DIR", "qorgau-data")).resolve()


def _secret_key():
    if env("SECRET_KEY"):
        return env("SECRET_KEY")
    if env("SECRET_KEY_FILE"):
        return _secret_from_file(env("SECRET_KEY_FILE"))
    key_file = DATA_DIR / "keys" / "secret_key"
    if key_file.exists():
        return key_file.read_text(encoding="utf-8").strip()
    # Without a data directory yet (tests, `qorgau --help`) a throw-away key is enough:
    # `qorgau init` writes the lasting one.
    return "unsaved-" + secrets.token_urlsafe(40)


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = [h.strip() for h in env("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in env("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "qorgau.accounts",
    "qorgau.audit",
    "qorgau.keys",
    "qorgau.records",
    "qorgau.documents",
    "qorgau.campaigns",
    "qorgau.resolution",
    "qorgau.interchange",
    "qorgau.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "qorgau.keys.middleware.LockedMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "qorgau.urls"
WSGI_APPLICATION = "qorgau.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:dashboard"
LOGOUT_REDIRECT_URL = "web:home"

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
            ],
        },
    }
]

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "qorgau.sqlite3",
            "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON;", "timeout": 20},
            # Tests use a file too, not SQLite's shared in-memory database, whose table locks fail at once
            # instead of waiting: concurrency is then tested as users run it.
            "TEST": {"NAME": os.path.join(tempfile.gettempdir(), f"qorgau-test-{os.getpid()}.sqlite3")},
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = env("LANGUAGE", "en")
LANGUAGES = [("en", "English"), ("ru", "Русский")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
# Static files are served from the package by WhiteNoise; a collected copy is used when present.
STATIC_ROOT = DATA_DIR / "static" if (DATA_DIR / "static").is_dir() else None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

FILES_DIR = DATA_DIR / "files"
# Keys (the keyring, the default master key file, the LOCKED marker) and the audit checkpoints.
QORGAU_KEYS_DIR = DATA_DIR / "keys"
QORGAU_AUDIT_CHECKPOINTS = Path(env("AUDIT_CHECKPOINTS", str(DATA_DIR / "audit" / "checkpoints.log")))
FORMS_URLFIELD_ASSUME_HTTPS = True

# Public reporting of supporters' actions: at most N reports per client per window (seconds); 0 turns it off.
_rate = env("REPORT_RATE", "30/600").split("/")
QORGAU_REPORT_RATE = (int(_rate[0]), int(_rate[1]) if len(_rate) > 1 else 600)
# How many reverse proxies in front of Qorgau add X-Forwarded-For (0: use the connection's address).
QORGAU_TRUSTED_PROXIES = int(env("TRUSTED_PROXIES", "0"))
QORGAU_TRUSTED_PROXY_ADDRESS = env("TRUSTED_PROXY_ADDRESS", "127.0.0.1")
# Documents are read in a background thread after an upload answers; tests read them at once.
QORGAU_INGEST_IN_BACKGROUND = env_bool("INGEST_IN_BACKGROUND", True)
# Bounded input: no form here needs more than this (uploaded files are bounded by the reader's own limit).
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 300

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
