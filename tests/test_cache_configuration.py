"""The cache is in-process by default and Redis when REDIS_URL names one."""

import json

from django.conf import settings
from django.core.cache import cache

from .settings_subprocess import REAL_KEY, run_python

SHOW_CACHE = (
    "import json; from dialogue_platform import settings; "
    "print(json.dumps(settings.CACHES['default']))"
)


def cache_settings(**env: str) -> dict:
    result = run_python(SHOW_CACHE, DEBUG="0", SECRET_KEY=REAL_KEY, NUM_PROXIES="1", **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_without_redis_url_the_cache_is_in_process_memory():
    assert cache_settings(REDIS_URL="")["BACKEND"] == (
        "django.core.cache.backends.locmem.LocMemCache"
    )


def test_with_redis_url_the_cache_is_that_redis_under_the_sites_prefix():
    configured = cache_settings(REDIS_URL="redis://cache.internal:6379/2")

    assert configured["BACKEND"] == "django_redis.cache.RedisCache"
    assert configured["LOCATION"] == "redis://cache.internal:6379/2"
    assert configured["KEY_PREFIX"] == "dialogue-platform"


def test_each_test_run_writes_under_its_own_key_prefix():
    prefix = settings.CACHES["default"]["KEY_PREFIX"]

    assert prefix.startswith("test-")
    assert prefix != "dialogue-platform"
    # conftest.py narrows it further, test by test.
    assert cache.make_key("anything").startswith(prefix)
