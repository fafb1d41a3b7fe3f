"""Production settings: secrets from the environment with no defaults, HTTPS enforced."""

from .base import *  # noqa: F403
from .base import DATABASES, STORAGES, env

DEBUG = False
SECRET_KEY = env("SECRET_KEY")  # no default: a production server must be given one
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
DATABASES["default"] = {**env.db("DATABASE_URL"), "ATOMIC_REQUESTS": True, "CONN_MAX_AGE": 60}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# The load balancer's or monitor's probe of /health/ may come over plain HTTP from inside the network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env("REDIS_URL", default="redis://127.0.0.1:6379/0"),
    }
}

# STATIC FILES: `manage.py collectstatic` writes compressed copies with content-hashed names into STATIC_ROOT;
# whitenoise (backend/settings/base.py MIDDLEWARE) serves them with a year's cache.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
