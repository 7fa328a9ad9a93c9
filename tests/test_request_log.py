"""The log has one line per request, with its duration, once the response is sent; as JSON
when LOG_FORMAT=json."""

import json
import logging
import sys

import pytest
from django.urls import reverse

from core.logs import JSONFormatter

from . import factories
from .settings_subprocess import printed_by, run_python

pytestmark = pytest.mark.django_db

REQUESTS = "dialogue_platform.requests"


def request_lines(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == REQUESTS]


def test_each_request_is_one_line_with_its_status_and_duration(client, caplog):
    caplog.set_level(logging.INFO, logger=REQUESTS)

    client.get("/meetings/?year=2021", headers={"x-forwarded-for": "203.0.113.9"})
    client.get("/meetings/no-such-meeting/")

    first, second = request_lines(caplog)
    assert first.getMessage().startswith("GET /meetings/?year=2021 200 ")
    assert first.http["duration_ms"] > 0
    assert second.http["status"] == 404


def test_the_client_is_the_address_the_proxy_saw(client, caplog, settings):
    settings.NUM_PROXIES = 1
    caplog.set_level(logging.INFO, logger=REQUESTS)

    client.get("/", headers={"x-forwarded-for": "198.51.100.1, 203.0.113.9"})

    assert request_lines(caplog)[0].http["client"] == "203.0.113.9"


def test_a_streamed_export_is_logged_once_it_is_all_sent(client, caplog):
    caplog.set_level(logging.INFO, logger=REQUESTS)
    factories.recommendation()

    response = client.get(reverse("recommendations:export_csv"))
    assert request_lines(caplog) == []
    b"".join(response.streaming_content)

    [line] = request_lines(caplog)
    assert line.http["path"] == "/recommendations/export.csv"


def test_health_probes_are_left_out_of_the_ordinary_log(client, caplog):
    caplog.set_level(logging.INFO, logger=REQUESTS)

    client.get(reverse("healthz"))
    client.get(reverse("readyz"))

    assert request_lines(caplog) == []


def test_a_json_line_holds_the_requests_fields(client, caplog):
    caplog.set_level(logging.INFO, logger=REQUESTS)
    staff = factories.user(is_staff=True, is_superuser=True)
    client.force_login(staff)

    client.get("/admin/")

    entry = json.loads(JSONFormatter().format(request_lines(caplog)[0]))
    assert entry["level"] == "INFO"
    assert entry["logger"] == REQUESTS
    assert entry["message"].startswith("GET /admin/ 200")
    assert (entry["method"], entry["path"], entry["status"]) == ("GET", "/admin/", 200)
    assert entry["user"] == staff.pk
    assert entry["time"].endswith("+00:00")


def test_a_json_line_carries_the_traceback_of_an_error():
    try:
        raise ValueError("the bucket said no")
    except ValueError:
        record = logging.getLogger("x").makeRecord(
            "x", logging.ERROR, __file__, 1, "upload failed", (), sys.exc_info()
        )

    entry = json.loads(JSONFormatter().format(record))

    assert entry["message"] == "upload failed"
    assert "ValueError: the bucket said no" in entry["exception"]


SHOW_FORMATTER = (
    "import logging, django; django.setup(); "
    "print(type(logging.getLogger().handlers[0].formatter).__name__)"
)


def formatter(**env: str) -> str:
    return printed_by(SHOW_FORMATTER, **env)


def test_log_format_json_writes_every_line_as_json():
    assert formatter(LOG_FORMAT="json") == "JSONFormatter"
    assert formatter() == "Formatter"


def test_an_unknown_log_format_is_refused():
    result = run_python("import dialogue_platform.settings", LOG_FORMAT="xml", DEBUG="1")

    assert result.returncode != 0
    assert "LOG_FORMAT must be text or json" in result.stderr


def test_a_request_around_the_proxy_is_logged_without_a_warning(client, caplog, settings):
    # The balancer's health probes reach an app server directly, without X-Forwarded-For;
    # only a login counted by the wrong address deserves a warning.
    settings.NUM_PROXIES = 1
    caplog.set_level(logging.INFO)

    client.get("/", REMOTE_ADDR="10.0.0.5")

    assert [r.levelname for r in caplog.records if r.levelno >= logging.WARNING] == []
    assert request_lines(caplog)[0].http["client"] == "10.0.0.5"
