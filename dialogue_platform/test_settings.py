"""Settings for the test suite (pytest-django's DJANGO_SETTINGS_MODULE, in pyproject.toml).

The production settings of settings.py, DEBUG off, with only what a test run needs and no
server should have. Never deployed: manage.py, wsgi and asgi read dialogue_platform.settings,
which knows nothing of tests.

settings.py refuses to load with DEBUG off and without a real secret key or the number of
proxies, as a server missing them must; a test run is given both here, before it is read.
(pytest-django reads the settings before loading any conftest.py, so this is the place.)
"""

import os
import uuid

# Whatever the shell exports: production mode, a key no server has, and no proxy in front
# of the app (the test client and the browser tests' live server are reached directly).
os.environ["DEBUG"] = "0"
os.environ["SECRET_KEY"] = "tests-only-never-a-servers-key-0123456789-abcdefghijklmnopqrstuvwxyz"
os.environ["NUM_PROXIES"] = "0"

from .settings import *  # noqa: F403
from .settings import CACHES, STORAGES

# The test client speaks plain http; the tests of the redirect switch it on.
SECURE_SSL_REDIRECT = False

# Each test run writes under a key prefix of its own, so that runs sharing a Redis never see
# each other's entries (what they leave behind expires with the default five-minute timeout).
# conftest.py narrows it further, test by test.
CACHE_KEY_PREFIX = f"test-{uuid.uuid4().hex[:12]}"
CACHES = {alias: {**cache, "KEY_PREFIX": CACHE_KEY_PREFIX} for alias, cache in CACHES.items()}

# Hashing the test users' passwords slowly protects nothing.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Static files straight from the source folders, as in local mode: a test run has no
# collectstatic, so no manifest of hashed names.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = True
