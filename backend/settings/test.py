"""Settings for the test suite: fast hashing, in-memory mail and cache."""

import atexit
import shutil
import tempfile

from .base import *  # noqa: F403
from .base import LOGGING, REST_FRAMEWORK

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Throttles are exercised by their own tests with explicit rates.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {"auth": "1000/minute", "auth_refresh": "1000/minute", "public": "1000/minute"},
}
# Account mail is sent at once in the test's own thread, so tests see it in mail.outbox.
ACCOUNT_MAIL_IN_BACKGROUND = False
# Uploads made by tests (reform evidence in the role matrix and the fuzz test) go to a throw-away
# directory, never into the working tree's media/.
MEDIA_ROOT = tempfile.mkdtemp(prefix="cchc-test-media-")
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
# Static files come from the apps' folders (no collectstatic before the tests); the production settings'
# collected, compressed files are tested with gunicorn in tests/backend/test_production_install.py.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# One line per request would bury a failing test's output; the request-log tests raise the level with caplog.
LOGGING = {**LOGGING, "loggers": {**LOGGING["loggers"], "backend.requests": {"level": "WARNING"}}}
