"""Settings as a server reads them: code run in a fresh interpreter, with exactly the
environment a server would have. Settings are read once per process, so a test that needs
them read under another environment runs them here, never in the suite's own process."""

import json
import os
import secrets
import socket
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
REAL_KEY = secrets.token_urlsafe(50)

# What the suite's own environment holds that a server's would not: the test settings'
# DEBUG, key and number of proxies, and DJANGO_ALLOW_ASYNC_UNSAFE from the browser tests,
# which the deploy check rightly reports. pytest's own PYTEST_VERSION is passed on: the
# production settings must be as strict under pytest as anywhere.
NOT_INHERITED = {
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "NUM_PROXIES",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def run(*args: str, **env: str) -> subprocess.CompletedProcess:
    """Run the interpreter on the production settings with this environment, minus any
    setting the caller's had."""
    inherited = {
        name: value
        for name, value in os.environ.items()
        if name not in NOT_INHERITED and not name.startswith("SECURE_")
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=PROJECT,
        env={**inherited, "DJANGO_SETTINGS_MODULE": "dialogue_platform.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def run_python(code: str, **env: str) -> subprocess.CompletedProcess:
    return run("-c", code, **env)


def import_settings(**env: str) -> subprocess.CompletedProcess:
    return run_python("import dialogue_platform.settings", **env)


SHOW_CACHES = (
    "import json; from dialogue_platform import settings; print(json.dumps(settings.CACHES))"
)


def printed_by(code: str, **env: str) -> str:
    """The last line `code` prints under production settings (with a real key and one
    proxy, as a server has) and this environment."""
    result = run_python(code, DEBUG="0", SECRET_KEY=REAL_KEY, NUM_PROXIES="1", **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()[-1]


def cache_settings_all(**env: str) -> dict:
    """CACHES as production settings make them from this environment."""
    return json.loads(printed_by(SHOW_CACHES, **env))


def closed_port() -> int:
    """A loopback port nothing listens on: a Redis that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
