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
    "qorgau.analysis",
    "qorgau.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "qorgau.web.requests.refuse_nul",
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
            # Each serving thread keeps its connection: opening one runs the PRAGMAs, and closing the last one
            # checkpoints the write-ahead log, which together cost more than the request itself.
            "CONN_MAX_AGE": 600,
            # Tests use a file too, not SQLite's shared in-memory database, whose table locks fail at once
            # instead of waiting: concurrency is then tested as users run it.
            "TEST": {"NAME": os.path.join(tempfile.gettempdir(), f"qorgau-test-{os.getpid()}.sqlite3")},
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = env("LANGUAGE", "en")
LANGUAGES = [("en", "English"), ("ru", "Русский"), ("kk", "Қазақша")]
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

# Public reporting of supporters' actions: at most N reports per client per Urgent Action per window (seconds,
# aligned to UTC days when 86400); 0 turns it off.
_rate = env("REPORT_RATE", "100/86400").split("/")  # actions reported per client per UA per UTC day
QORGAU_REPORT_RATE = (int(_rate[0]), int(_rate[1]) if len(_rate) > 1 else 86400)
# PostgreSQL: the report's one statement is prepared once per connection. Set QORGAU_PREPARED_REPORT=0 behind a
# pooler in transaction mode (pgbouncer), which may run each statement on another server connection.
QORGAU_PREPARED_REPORT = env_bool("PREPARED_REPORT", True)
# How many reverse proxies in front of Qorgau add X-Forwarded-For (0: use the connection's address).
QORGAU_TRUSTED_PROXIES = int(env("TRUSTED_PROXIES", "0"))
QORGAU_TRUSTED_PROXY_ADDRESS = env("TRUSTED_PROXY_ADDRESS", "127.0.0.1")
# Documents are read in a background thread after an upload answers; tests read them at once.
QORGAU_INGEST_IN_BACKGROUND = env_bool("INGEST_IN_BACKGROUND", True)
# Analysis: an open custody episode whose last act is older than this many years is "unverified", not counted
# as certain in a census; public statistics show a cell holding anyone without consent only from this size on.
QORGAU_CUSTODY_UNVERIFIED_YEARS = int(env("CUSTODY_UNVERIFIED_YEARS", "3"))
QORGAU_MIN_PUBLIC_CELL = int(env("MIN_PUBLIC_CELL", "5"))
QORGAU_OPENDATA_LICENSE = env("OPENDATA_LICENSE", "CC-BY-4.0")
# Sites (origins, space-separated: "https://example.org https://news.example") that may show a saved chart's
# embeddable page in a frame, besides our own; every other page may be framed by nobody.
QORGAU_EMBED_ORIGINS = env("EMBED_ORIGINS", "").split()
# Bounded ingestion (docs/documents.md, "Limits"): a document over any of these is refused or marked failed with
# the reason, and nothing of it is kept.
QORGAU_MAX_FILE_MB = int(env("MAX_FILE_MB", "50"))                  # an uploaded or ingested file
QORGAU_MAX_UNZIPPED_MB = int(env("MAX_UNZIPPED_MB", "100"))          # what a DOCX may decompress to, all parts
QORGAU_MAX_PAGES = int(env("MAX_PAGES", "2000"))                     # pages of a PDF
QORGAU_MAX_TEXT_CHARS = int(env("MAX_TEXT_CHARS", "2000000"))        # characters of text read from one document
QORGAU_MAX_LINE_CHARS = int(env("MAX_LINE_CHARS", "100000"))         # characters in one line
QORGAU_MAX_WORD_CHARS = int(env("MAX_WORD_CHARS", "1000"))           # characters without a space
QORGAU_MAX_PROPOSALS = int(env("MAX_PROPOSALS", "5000"))             # proposals extraction makes from one document
QORGAU_MAX_PROCESSING_SECONDS = int(env("MAX_PROCESSING_SECONDS", "300"))  # reading and extracting one document
# natasha's named-entity tagger on Russian documents, besides the rules (docs/documents.md: what it buys, and its
# cost: about 9,500 words/s on one core, against the rules' 20,000+).
QORGAU_RUSSIAN_NER = env_bool("RUSSIAN_NER", False)
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

# --- Sign-in, sessions, headers and serving (issue 10: accounts; see docs/security.md) -- begin ---------------
INSTALLED_APPS += [
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "qorgau.throttle",
]


def _insert_after(items, anchor, *new):
    index = items.index(anchor) + 1
    items[index:index] = list(new)


_insert_after(MIDDLEWARE, "django.middleware.security.SecurityMiddleware",
              "qorgau.web.csp.CSPMiddleware", "qorgau.accounts.middleware.no_store")
_insert_after(MIDDLEWARE, "django.contrib.auth.middleware.AuthenticationMiddleware",
              "django_otp.middleware.OTPMiddleware", "qorgau.accounts.middleware.session_timeouts",
              "qorgau.accounts.middleware.two_factor_required", "qorgau.accounts.middleware.user_language")
MIDDLEWARE.append("axes.middleware.AxesMiddleware")  # last, as django-axes asks
# A supporter's valid report is stored right after the headers and the panic lock, before sessions and sign-in
# (see qorgau/campaigns/fastpath.py and docs/security.md "Serving").
_insert_after(MIDDLEWARE, "qorgau.keys.middleware.LockedMiddleware", "qorgau.campaigns.fastpath.report_fast_path")

AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    # Older hashes still verify and are upgraded to Argon2 at the next sign-in.
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Lockout (django-axes, counters in the database so every worker process sees them): after
# QORGAU_LOGIN_FAILURES wrong passwords for one account, or from one client address, sign-in is refused for
# QORGAU_LOGIN_LOCKOUT_MINUTES, even with the right password. `qorgau users unlock NAME` lifts it early.
AXES_FAILURE_LIMIT = int(env("LOGIN_FAILURES", "10"))
AXES_COOLOFF_TIME = int(env("LOGIN_LOCKOUT_MINUTES", "30")) / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "qorgau.lib.clients.client_address"
AXES_LOCKOUT_CALLABLE = "qorgau.accounts.views.locked_out"
AXES_DISABLE_ACCESS_LOG = True  # successful sign-ins go to the audit log instead
AXES_VERBOSE = False

# Two-factor sign-in (django-otp): TOTP apps, recovery codes. Required for admins and cleared accounts.
OTP_TOTP_ISSUER = env("OTP_ISSUER", "Qorgau")

# Sessions: signed out after QORGAU_SESSION_IDLE_MINUTES without a request, and QORGAU_SESSION_MAX_HOURS after
# signing in, whatever happens in between.
QORGAU_SESSION_IDLE_MINUTES = int(env("SESSION_IDLE_MINUTES", "30"))
QORGAU_SESSION_MAX_HOURS = int(env("SESSION_MAX_HOURS", "12"))
SESSION_COOKIE_AGE = QORGAU_SESSION_MAX_HOURS * 3600

# Headers. No inline script anywhere: scripts come from /static/ only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],  # style attributes; never script
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
if SESSION_COOKIE_SECURE:
    # Served over HTTPS (at the reverse proxy): browsers must never come back over plain HTTP.
    SECURE_HSTS_SECONDS = int(env("HSTS_SECONDS", str(365 * 24 * 3600)))
    if QORGAU_TRUSTED_PROXIES:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# --- Sign-in, sessions, headers and serving -- end --------------------------------------------------------------
