"""Settings for Dialogue Platform Records.

One file, every deploy-time value read from the environment (see README,
"Configuration"). With no environment at all it runs locally on SQLite.
"""

import os
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").strip().lower() in {
        "1",
        "true",
        "yes",
        "on",
    }


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

PLACEHOLDER_SECRET_KEYS = {"", "change-me", "changeme", "secret", "insecure"}
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if SECRET_KEY in PLACEHOLDER_SECRET_KEYS or SECRET_KEY.startswith("django-insecure"):
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set to a long random value when DEBUG is off "
            '(python -c "import secrets; print(secrets.token_urlsafe(50))").'
        )
    SECRET_KEY = "local-development-key-never-used-in-production-" + "x" * 20

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")


def site_url(value: str) -> str:
    """The one origin every absolute URL is built on (hreflang links, sitemaps, robots.txt,
    feeds, the calendar, the exports), never the request's Host or scheme: cached pages are
    served to every request, and a proxy may reach the app by another name. By default the
    development server's address locally, and https on the first allowed host in production."""
    if not value:
        if DEBUG:
            return "http://127.0.0.1:8000"
        host = next((h.lstrip(".") for h in ALLOWED_HOSTS if h != "*"), "localhost")
        return f"https://{host}"
    parts = urlsplit(value)
    origin = parts.scheme in ("http", "https") and parts.netloc and parts.path in ("", "/")
    if not origin or parts.query or parts.fragment:
        raise ImproperlyConfigured(
            f"SITE_URL must be the site's origin, like https://dialogue.example.kz (not {value!r})."
        )
    return f"{parts.scheme}://{parts.netloc}"


SITE_URL = site_url(os.environ.get("SITE_URL", "").strip())

# HTTPS. Production sits behind a reverse proxy that terminates TLS and sets
# X-Forwarded-Proto, overwriting whatever the client sent (README, "Deployment").
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Off locally, which speaks plain http; SECURE_SSL_REDIRECT=0 also serves production
# settings over plain http on loopback (the load script).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# Load balancers and deploy scripts probe the health checks over plain http.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
# Sent only on https responses. Preload and includeSubDomains are switchable because
# they bind every subdomain to https for a year once a browser has seen them.
SECURE_HSTS_SECONDS = 0 if DEBUG else 365 * 24 * 60 * 60
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG
if not DEBUG:
    # Browsers accept __Host- cookies only if Secure, host-only and Path=/, so a
    # neighbouring subdomain can neither plant nor overwrite them.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
SESSION_COOKIE_HTTPONLY = True
# No script on the site or in the admin reads the token: forms carry it in a hidden field.
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"

# Content-Security-Policy (django-csp): same-origin scripts and stylesheets only, no
# inline code or style attributes; the admin's own scripts are all external files.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Permissions-Policy (django-permissions-policy): no page uses the camera, microphone,
# location, payments, sensors or attached devices, so browsers refuse them to every page,
# should a script ever slip in. Only features current browsers recognise (others fill
# their consoles with warnings).
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ]
}

INSTALLED_APPS = [
    "modeltranslation",  # before the admin, which it extends
    "core",
    "meetings",
    "recommendations",
    "plans",
    "reporting",  # the state bodies' reports, rounds and the secretariat's review
    "dialogue_platform.site",  # site-wide pages and commands (load_demo, remove_demo)
    # Accounts (sign-in, invitations, two-factor) and the focal points' workspace.
    "dialogue_platform.workspace",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "simple_history",
    "csp",  # only for its checks of the policy setting
    "axes",
    # Two-factor authentication: authenticator apps (TOTP) and one-time recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # the API docs' Swagger UI, served from our own static files
    "corsheaders",
    "api",
]

MIDDLEWARE = [
    # Outermost: one log line per request, timed across everything below.
    "core.logs.RequestLogMiddleware",
    # Each body the server is handed is one piece, so it leaves in one write.
    "dialogue_platform.middleware.WholeBodyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before anything that may answer: CORS headers on every /api/ response (304s included).
    "corsheaders.middleware.CorsMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.middleware.RejectNulBytesMiddleware",
    # Below WhiteNoise: static files need no policy, every page and admin view gets one.
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session passed two-factor (django-otp).
    "django_otp.middleware.OTPMiddleware",
    # Staff reach the admin only after two-factor (workspace/two_factor.py).
    "dialogue_platform.workspace.two_factor.StaffTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Records who made each change for the audit history.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "dialogue_platform.urls"
WSGI_APPLICATION = "dialogue_platform.wsgi.application"

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
                "dialogue_platform.site.context_processors.site",
            ],
            "builtins": ["core.templatetags.translated"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers and one writer work at once; IMMEDIATE avoids
        # "database is locked" on concurrent writes.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }

# The apps whose every write changes the data version, by database triggers their
# migrations create (core/data_version.py; a system check holds them to it).
DATA_VERSION_TRACKED_APPS = ["meetings", "recommendations", "plans", "reporting"]

# How long a shared proxy (nginx, a CDN) may keep an anonymous public response without
# asking again; browsers always ask (a 304 costs one query). core/http_caching.py.
PUBLIC_CACHE_SECONDS = int(os.environ.get("PUBLIC_CACHE_SECONDS", "60"))

# Cache: in-process memory by default; Redis, shared by every app server, when REDIS_URL
# is set.
CACHE_KEY_PREFIX = "dialogue-platform"
if REDIS_URL := os.environ.get("REDIS_URL", ""):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {
                # A stalled Redis fails the request quickly instead of holding a worker.
                "SOCKET_CONNECT_TIMEOUT": 2,
                "SOCKET_TIMEOUT": 2,
                # A Redis that is down or restarting is a cache miss, logged, not a server
                # error: the cache only saves work, and its keys carry the data version, so
                # what is computed instead is never stale.
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        }
    }

# The read-only API (api/, README "The API"): JSON only, anonymous reads throttled per
# address (the counts live in the cache, so they are shared through Redis with REDIS_URL).
API_THROTTLE_RATE = os.environ.get("API_THROTTLE_RATE", "120/minute")
API_PAGE_SIZE = 25
API_MAX_PAGE_SIZE = 100
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["api.renderers.EscapedJSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    # Read-only and public: no session, so no CSRF and no per-user answers.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.AnonymousReadThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "URL_FORMAT_OVERRIDE": None,
    # The client's address as the login throttling picks it (NUM_PROXIES, below).
    "NUM_PROXIES": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Dialogue Platform Records API",
    "DESCRIPTION": (
        "The public record of the Dialogue Platform on the Human Dimension, read-only: "
        "meetings, documents, recommendations with their implementation history, "
        "organisations, topics and affected groups, the state's action plans and their "
        "activities, the UN recommendations to Kazakhstan, and the links between them. "
        "Only published records."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.error_responses",
    ],
    "ENUM_NAME_OVERRIDES": {
        "OrganisationKindEnum": "meetings.models.OrganisationKind",
        "MeetingKindEnum": "meetings.models.MeetingKind",
        "DocumentKindEnum": "meetings.models.DocumentKind",
        "LinkKindEnum": "plans.models.LinkKind",
    },
}
# CORS (django-cors-headers): any site may read the API from a browser; nothing else.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified"]

# The recommendation list's counts (results, facets, the site pages' charts) from bitmaps in
# memory, brought forward after each write (recommendations/facet_index.py); off, from
# SQL: the same numbers, slower at 100,000 recommendations.
FACET_INDEX = env_bool("FACET_INDEX", True)

AUTH_USER_MODEL = "dialogue_platform.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes): five failed logins for one username from one address
# lock that pair out for 15 minutes, and thirty from one address, whatever the usernames,
# lock the address out (a higher limit, since an office may share one address; see
# security.AddressLimitHandler). Every attempt is kept in the database (admin, "Axes")
# and logged. Axes' backend comes first so a locked-out pair is refused before its
# password is checked; it has no get_user(), so force_login() skips it.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Object-level permissions (a focal point's own reports): reporting/rules.py.
    "rules.permissions.ObjectPermissionBackend",
]
# Where signing in leads when the login form carries no `next`, or one Django refuses
# (another site's address): the back office, which is what staff sign in for. Django's
# default, /accounts/profile/, does not exist here.
LOGIN_REDIRECT_URL = "admin:index"
# Pages that need an account send visitors to the workspace's sign-in page (the admin has
# its own).
LOGIN_URL = "workspace:login"
# Invitation and password reset links work for three days and only once: the token is
# signed over the password, which setting one changes (Django's PasswordResetTokenGenerator).
PASSWORD_RESET_TIMEOUT = 3 * 24 * 60 * 60
# The name authenticator apps show beside the account.
OTP_TOTP_ISSUER = "Dialogue Platform Records"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "core.security.AddressLimitHandler"
LOGIN_ADDRESS_FAILURE_LIMIT = 30
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# Behind reverse proxies REMOTE_ADDR is the proxy's; NUM_PROXIES says how many of the
# X-Forwarded-For entries were appended by our own proxies (the rest a client can forge).
# Production trusts its proxy's X-Forwarded-Proto, so it assumes one, but only the
# deployment knows how many append to X-Forwarded-For. A wrong 0 behind a proxy would
# make every visitor the proxy's one address, so that anyone could lock any account and
# thirty failures everyone: production refuses to start without it, as without a key.
_num_proxies = os.environ.get("NUM_PROXIES", "0" if DEBUG else None)
if _num_proxies is None:
    raise ImproperlyConfigured(
        "NUM_PROXIES must be set when DEBUG is off: the number of reverse proxies in front "
        "of the app that append the client's address to X-Forwarded-For (1 behind one "
        "nginx; 0 if clients connect to the app directly)."
    )
if not (_num_proxies.isascii() and _num_proxies.strip().isdigit()):
    raise ImproperlyConfigured(
        f"NUM_PROXIES must be a whole number of proxies, 0 or more, not {_num_proxies!r}."
    )
NUM_PROXIES = int(_num_proxies)
REST_FRAMEWORK["NUM_PROXIES"] = NUM_PROXIES
AXES_CLIENT_IP_CALLABLE = "core.security.client_ip_address"

# English unprefixed (/meetings/), Russian and Kazakh under /ru/ and /kk/.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ru", "Русский"), ("kk", "Қазақша")]
# Two catalogues of the project's, both consulted before any app's (Django's own included),
# the first winning where both translate a msgid: locale/ holds the project's own strings
# (`make messages` keeps it); locale_django/, kept by hand, the Kazakh that Django's admin
# and the admin's apps lack or get wrong, and the few Russian corrections (README,
# "Translations"). check_translations reads them in this order.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_django"]
# Content fields exist in every language; a missing translation falls back in this order.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
# (Kazakh readers are likelier to read Russian than English.)
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "ru", "kk"), "kk": ("ru", "en")}
TIME_ZONE = "Asia/Almaty"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["core.formats"]

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Largest document upload accepted, in megabytes.
DOCUMENT_MAX_UPLOAD_MB = int(os.environ.get("DOCUMENT_MAX_UPLOAD_MB", "20"))


def object_storage(environ: Mapping[str, str]) -> dict[str, Any]:
    """Uploads in an S3-compatible bucket (django-storages), which every app server shares.

    The objects are private: they get the bucket's default ACL (keep the bucket private,
    with no public policy) and are downloaded only through the view that refuses
    unpublished documents, which reads them with the keys below. Without keys, boto3 looks
    for credentials as usual (an instance role, ~/.aws)."""
    from botocore.config import Config

    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": environ.get("AWS_S3_REGION_NAME") or None,
            "access_key": environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": environ.get("AWS_SECRET_ACCESS_KEY") or None,
            # No ACL of our own: buckets with ACLs disabled (the default on AWS) refuse any,
            # and the bucket's default is private.
            "default_acl": None,
            # Names are random (meetings/uploads.py); never replace an object silently.
            "file_overwrite": False,
            # The admin links to the current file with a signed URL, for staff only: short.
            "querystring_auth": True,
            "querystring_expire": 300,
            # A download is read from the bucket into memory up to this size, then into a
            # temporary file, before its first byte is sent (meetings/views.py).
            "max_memory_size": 2_621_440,
            "client_config": Config(
                # path (bucket in the URL's path, as MinIO serves by default) or virtual
                # (bucket in the host name); unset, boto3 chooses.
                s3={"addressing_style": environ.get("AWS_S3_ADDRESSING_STYLE") or None},
                # A bucket that does not answer fails the request in seconds, not minutes.
                connect_timeout=5,
                read_timeout=30,
                retries={"mode": "standard", "max_attempts": 3},
            ),
        },
    }


STORAGES = {
    # Uploaded documents: MEDIA_ROOT on the local disk, or the bucket AWS_STORAGE_BUCKET_NAME
    # names (README, "Configuration"), which several app servers need.
    "default": (
        object_storage(os.environ)
        if os.environ.get("AWS_STORAGE_BUCKET_NAME")
        else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    ),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Serve static files straight from the source folders in local mode (no collectstatic
# needed there); production serves the collected, hashed files.
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = DEBUG

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# E-mail (invitations, password resets, reminders): through an SMTP server in production;
# locally, printed to the console unless EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST or not DEBUG
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = EMAIL_HOST or "localhost"
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
# A server that does not answer fails the command or the request in seconds, not minutes.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Dialogue Platform Records <noreply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Logs go to standard error: one line per request with its duration
# (core/logs.py) among the rest; LOG_FORMAT=json writes each line as a JSON object.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text").strip().lower() or "text"
if LOG_FORMAT not in {"text", "json"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be text or json, not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "core.logs.JSONFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
