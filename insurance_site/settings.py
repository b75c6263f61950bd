"""Settings for the whole site, read from the environment (see .env.example)."""

import base64
import hashlib
from pathlib import Path

import environ
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent


class Env(environ.Env):
    # redis:// is Django's Redis cache, with one client for each connection pool (caching/redis.py).
    CACHE_SCHEMES = {**environ.Env.CACHE_SCHEMES, **dict.fromkeys(("redis", "rediss"), "caching.redis.RedisCache")}


env = Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="insecure-development-key" if DEBUG else environ.Env.NOTSET)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "reversion",
    "axes",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "csp",
    "search",
    "statutes",
    "guidance",
    "staff",
    "caching",
    "presentation",
]

MIDDLEWARE = [
    "insurance_site.health.HealthCheckMiddleware",  # first: no Host check, HTTPS redirect or page cache
    "caching.middleware.PublicPageCacheMiddleware",  # a cached page needs none of the rest: it keeps their headers
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "insurance_site.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",  # 304 for a page the browser or CDN already has
    "presentation.middleware.LargerTextMiddleware",  # ?text=large: a page's own address, so cached as such
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # locks out an account + address after repeated failures
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.int("AXES_COOLOFF_HOURS", default=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "insurance_site.client.client_address"

# How many reverse proxies of ours stand in front of the site, each adding to X-Forwarded-For. Zero (the
# default): the connection's address is the visitor's and X-Forwarded-For is ignored (see client.py).
TRUSTED_PROXIES = env.int("TRUSTED_PROXIES", default=0)

# Staff sessions end after a working day, and when the browser closes.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

ROOT_URLCONF = "insurance_site.urls"
WSGI_APPLICATION = "insurance_site.wsgi.application"

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
                "insurance_site.context_processors.navigation",
            ],
        },
    },
]

# An embedded SQLite file unless DATABASE_URL points elsewhere (e.g. postgres://...).
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The shared cache: whole public pages, the content version, feedback counts. Every gunicorn worker of one
# server shares the default, files in CACHE_DIR, without another service; CACHE_URL=redis://host:6379/0
# shares it between servers (or dbcache://cache, a table in the database, after createcachetable).
EMBEDDED_CACHE = {
    "BACKEND": "caching.files.FileCache",
    "LOCATION": str(env.path("CACHE_DIR", default=BASE_DIR / "cache")),
    "OPTIONS": {"MAX_ENTRIES": env.int("CACHE_MAX_ENTRIES", default=50_000)},
}
CACHES = {
    "default": env.cache("CACHE_URL") if env("CACHE_URL", default="") else EMBEDDED_CACHE,
    # Each process's own: parts that many pages share, under the content version (caching/local.py).
    "local": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "parts",
        "TIMEOUT": None,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}
# How often each process writes the counts of what visitors searched for (search.tally), at most.
SEARCH_COUNTS_SECONDS = env.int("SEARCH_COUNTS_SECONDS", default=30)
# How long a page is kept (a change of content makes it unused at once), and what browsers and a CDN may do.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=24 * 60 * 60)
PAGE_CACHE_CONTROL = {
    "public": True,
    "max_age": env.int("PAGE_MAX_AGE", default=60),
    "stale_while_revalidate": 10 * 60,
    "stale_if_error": 24 * 60 * 60,
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Simplified Chinese first: the law's own language and most visitors'.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env(
            "STATICFILES_BACKEND",
            default="whitenoise.storage.CompressedManifestStaticFilesStorage",
        ),
    },
}

# Production hardening; each can be relaxed through the environment for local HTTP.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy: everything from this site only, no inline script or style. The self-contained
# error pages (templates/plain_page.html) carry their one style element, allowed by its hash.
PLAIN_PAGE_STYLE_HASH = "'sha256-{}'".format(
    base64.b64encode(hashlib.sha256((BASE_DIR / "templates/includes/plain_page.css").read_bytes()).digest()).decode()
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "style-src": [SELF, PLAIN_PAGE_STYLE_HASH],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# The contact for security reports, published at /.well-known/security.txt (RFC 9116): a mailto: or
# https: address. Without one that address is not found.
SECURITY_CONTACT = env("SECURITY_CONTACT", default="")

LOG_LEVEL = env("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # The level is the handler's as well as the root's: Django's own loggers (a 404's "Not Found" warning)
    # have a level of their own and reach the root's handler past the root's level.
    "handlers": {
        "console": {"class": "logging.StreamHandler", "level": LOG_LEVEL},
        "none": {"class": "logging.NullHandler"},
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # A forged Host is logged once, as a warning without a traceback, by the 400 page (views.bad_request).
    "loggers": {"django.security.DisallowedHost": {"handlers": ["none"], "propagate": False}},
}
