"""The cache is in-process by default and Redis when REDIS_URL names one; a Redis that is
down is a cache miss, never an error, and signs nobody out."""

import pytest
from django.conf import settings
from django.core.cache import cache

from . import factories
from .settings_subprocess import cache_settings_all, closed_port


def cache_settings(**env: str) -> dict:
    return cache_settings_all(**env)["default"]


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


@pytest.mark.django_db
def test_pages_still_answer_while_redis_is_down(client, settings):
    # The cache exactly as production configures it, pointed at a Redis that is not there.
    settings.CACHES = cache_settings_all(REDIS_URL=f"redis://127.0.0.1:{closed_port()}/10")
    factories.meeting(title="Snap meeting", slug="snap")

    for path in ("/", "/meetings/", "/meetings/snap/", "/recommendations/"):
        response = client.get(path)
        assert response.status_code == 200, path
    assert "Snap meeting" in client.get("/meetings/snap/").content.decode()


@pytest.mark.django_db
def test_staff_stay_signed_in_when_the_cache_is_emptied(client):
    # Sessions live in the database: a Redis restarted empty signs nobody out.
    client.force_login(factories.user(is_staff=True, is_superuser=True))
    cache.clear()

    assert client.get("/admin/").status_code == 200
