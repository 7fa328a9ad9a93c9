"""Browser fixtures: one Chromium shared by all the browser tests of a session, a fresh browser
context per test, pointed at pytest-django's live server.

The live server answers from another thread, so these tests use transactional databases,
emptied after each test. Every one of them is marked `serialized_rollback=True`: what the
migrations put in the database (the Secretariat group, content types, permissions) is restored
before each test, and mixing serialized and plain transactional tests would make the restore
collide with content types recreated by a plain test's flush."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connections
from playwright.sync_api import Browser, Page, sync_playwright

from .pages import PHONE, WIDE

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 10_000


# One browser for all the browser tests: package scope, so that it closes once they are done
# (pytest-django runs them one after another) and the rest of the suite runs without it.
@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip(
            f"Browser tests need Chromium at {CHROMIUM} and none was found there "
            "(on Debian or Ubuntu: apt-get install chromium)."
        )
    # Playwright's sync API keeps an event loop running in the test thread while the browser
    # is open, so Django would refuse the ORM calls made there (factories, the demo loader)
    # as unsafe in an async context. Nothing here is async: the live server answers from its
    # own thread. Set only while the browser is open, so that it reaches no other test (nor
    # the subprocesses they start, where `check --deploy` rightly objects to it).
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # With an event loop running, Django keeps its connections in context-local rather than
    # thread-local storage, and would open new ones there: ones without the test database's
    # serialized contents, so that serialized_rollback would silently restore nothing. Keep
    # using the very connections the test database was set up on.
    test_connections = {alias: connections[alias] for alias in connections}
    try:
        with sync_playwright() as playwright:
            for alias, connection in test_connections.items():
                connections[alias] = connection
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def open_page(browser: Browser, base_url: str, viewport: dict) -> Page:
    context = browser.new_context(base_url=base_url, viewport=viewport, accept_downloads=True)
    context.set_default_timeout(TIMEOUT_MS)
    return context.new_page()


@pytest.fixture
def page(browser: Browser, live_server) -> Iterator[Page]:
    """A tab on a wide screen (1280 px)."""
    tab = open_page(browser, live_server.url, WIDE)
    yield tab
    tab.context.close()


@pytest.fixture
def phone_page(browser: Browser, live_server) -> Iterator[Page]:
    """A tab on a phone-sized screen (390 px)."""
    tab = open_page(browser, live_server.url, PHONE)
    yield tab
    tab.context.close()
