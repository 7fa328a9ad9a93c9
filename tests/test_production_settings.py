"""With DEBUG off, the settings are production settings, and refuse to start without a real key.

Settings are read once per process, so each case imports them in a fresh interpreter with
exactly the environment a server would have (tests/settings_subprocess.py).
"""

import json

import pytest

from .settings_subprocess import REAL_KEY, import_settings, run, run_python


@pytest.mark.parametrize("key", [None, "", "change-me", "django-insecure-abc123"])
def test_without_a_real_secret_key_production_settings_refuse_to_load(key):
    result = import_settings(DEBUG="0", **({} if key is None else {"SECRET_KEY": key}))

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY must be set" in result.stderr


def test_under_pytest_the_production_settings_are_just_as_strict():
    # pytest marks its whole session, subprocesses included, with PYTEST_VERSION; the test
    # settings are a module of their own (dialogue_platform/test_settings.py).
    result = import_settings(DEBUG="0", PYTEST_VERSION="8.4.2")

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_the_suite_runs_the_production_settings_changing_only_what_tests_need():
    from django.conf import global_settings

    from dialogue_platform import settings as production
    from dialogue_platform import test_settings

    def value(module, name: str):
        return getattr(module, name, getattr(global_settings, name, None))

    names = {name for module in (production, test_settings) for name in dir(module)}
    changed = {
        name
        for name in names
        if name.isupper() and value(test_settings, name) != value(production, name)
    }

    assert changed == {
        "SECURE_SSL_REDIRECT",  # the test client speaks plain http
        "CACHE_KEY_PREFIX",  # each run its own keys
        "CACHES",  # (under that prefix)
        "PASSWORD_HASHERS",  # a fast hasher
        "STORAGES",  # static files without collectstatic,
        "WHITENOISE_USE_FINDERS",  # served from their folders
        "WHITENOISE_AUTOREFRESH",
    }
    assert production.DEBUG is False
    assert production.SESSION_COOKIE_NAME == "__Host-sessionid"


def test_local_mode_runs_without_a_secret_key():
    assert import_settings(DEBUG="1").returncode == 0


def test_production_settings_refuse_to_load_without_the_number_of_proxies():
    # Unset behind a proxy, every visitor would count as the proxy's one address: anyone
    # could lock any staff account, and thirty failures would lock everyone out.
    result = import_settings(DEBUG="0", SECRET_KEY=REAL_KEY)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "NUM_PROXIES must be set when DEBUG is off" in result.stderr


@pytest.mark.parametrize("value", ["", "one", "-1", "1.5"])
def test_a_malformed_number_of_proxies_refuses_to_load(value):
    for debug in ["0", "1"]:
        result = import_settings(DEBUG=debug, SECRET_KEY=REAL_KEY, NUM_PROXIES=value)

        assert result.returncode != 0
        assert "NUM_PROXIES must be a whole number" in result.stderr


@pytest.mark.parametrize("value", ["0", "1", "2"])
def test_production_settings_load_with_the_number_of_proxies_given(value):
    result = run_python(
        "from dialogue_platform import settings; print(settings.NUM_PROXIES)",
        DEBUG="0",
        SECRET_KEY=REAL_KEY,
        NUM_PROXIES=value,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == value


def test_production_settings_are_secure_by_default():
    names = [
        "DEBUG",
        "SECURE_SSL_REDIRECT",
        "SECURE_REDIRECT_EXEMPT",
        "SECURE_PROXY_SSL_HEADER",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SESSION_COOKIE_NAME",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_NAME",
        "CSRF_COOKIE_SECURE",
        "CSRF_COOKIE_HTTPONLY",
    ]
    result = run_python(
        "import json; from dialogue_platform import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {names!r}}}))",
        DEBUG="0",
        SECRET_KEY=REAL_KEY,
        NUM_PROXIES="1",
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == {
        "DEBUG": False,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_REDIRECT_EXEMPT": ["^healthz$", "^readyz$"],
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "SESSION_COOKIE_NAME": "__Host-sessionid",
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_NAME": "__Host-csrftoken",
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_HTTPONLY": True,
    }


def test_the_deploy_check_passes_with_production_settings():
    result = run(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY=REAL_KEY,
        ALLOWED_HOSTS="example.org",
        NUM_PROXIES="1",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
