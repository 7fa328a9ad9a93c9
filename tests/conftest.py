import uuid
from typing import Any

import django.test
import pytest
from django.core.cache import caches
from django.http import HttpRequest
from django.utils import translation

from recommendations.demo import load_demo

from . import factories


class Client(django.test.Client):
    """Django's test client, whose login() also works with django-axes' throttling."""

    def login(self, **credentials: Any) -> bool:
        # Axes counts failures per request and refuses to authenticate without one; the
        # admin's login form always passes it, the test client's login() does not.
        credentials.setdefault("request", HttpRequest())
        return super().login(**credentials)


@pytest.fixture(autouse=True)
def english():
    """Each test starts in English: a request to /ru/ or /kk/ leaves its language active
    in the thread, which would otherwise leak into the next test's URLs."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def own_cache_keys():
    """Each test gets cache keys of its own, so a page one test cached is never served to
    another that starts from the same data (same data version)."""
    backend = caches["default"]
    shared = backend.key_prefix
    backend.key_prefix = f"{shared}-{uuid.uuid4().hex[:12]}"
    yield
    backend.key_prefix = shared


@pytest.fixture
def client() -> Client:
    return Client()


@pytest.fixture
def record(db) -> factories.Record:
    """Some published and some draft records, each named (tests/factories.py, `record()`)."""
    return factories.record()


@pytest.fixture
def demo(db):
    """The full demo data set: vocabularies, organisations, the seed meeting, illustrative
    recommendations. Only for tests of the demo itself: its numbers and texts will change;
    tests that need "some records" take `record`."""
    return load_demo()


@pytest.fixture
def secretariat_client(client, db):
    client.force_login(factories.secretariat_user())
    return client
