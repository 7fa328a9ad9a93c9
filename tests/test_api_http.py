"""The API over HTTP: throttling, CORS, conditional GET, security headers, the OpenAPI
schema and the docs page under the site's Content-Security-Policy."""

import io
import re

import pytest
import yaml
from django.core.management import call_command

from . import factories

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "meetings",
    "documents",
    "recommendations",
    "topics",
    "organisations",
    "affected-groups",
    "plans",
    "plans/priority-measures/activities",
    "activities",
    "un-recommendations",
    "links",
    "sdg-goals",
]


@pytest.fixture(autouse=True)
def plans(record) -> None:
    """A published plan with an activity, at the addresses ENDPOINTS names."""
    factories.activity(plan=factories.action_plan(slug="priority-measures"), number="1")


def test_anonymous_reads_are_throttled_per_address(client, record, settings):
    settings.API_THROTTLE_RATE = "3/minute"
    for _ in range(3):
        assert client.get("/api/v1/topics/").status_code == 200
    refused = client.get("/api/v1/topics/children/")
    assert refused.status_code == 429
    assert "detail" in refused.json()
    assert int(refused["Retry-After"]) > 0
    assert "ETag" not in refused
    # Another address has its own count.
    assert client.get("/api/v1/topics/", REMOTE_ADDR="192.0.2.7").status_code == 200


def test_the_site_pages_are_not_throttled_by_the_api_limit(client, record, settings):
    settings.API_THROTTLE_RATE = "1/minute"
    assert client.get("/api/v1/topics/").status_code == 200
    assert client.get("/topics/").status_code == 200
    assert client.get("/topics/").status_code == 200


def test_any_site_may_read_the_api_from_a_browser(client, record):
    response = client.get("/api/v1/meetings/", HTTP_ORIGIN="https://research.example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/v1/meetings/",
        HTTP_ORIGIN="https://research.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 200
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    # The pages are not opened to other sites.
    page = client.get("/meetings/", HTTP_ORIGIN="https://research.example.org")
    assert "Access-Control-Allow-Origin" not in page


def test_writes_are_refused(client, record):
    for method in (client.post, client.put, client.patch, client.delete):
        assert method("/api/v1/topics/children/").status_code == 405


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_an_unchanged_answer_is_a_304_and_a_write_changes_it(client, record, endpoint):
    url = f"/api/v1/{endpoint}/"
    first = client.get(url)
    assert first.status_code == 200
    assert first["Last-Modified"]
    assert "public" in first["Cache-Control"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    # Another query, another language: another ETag.
    assert client.get(url + "?lang=ru")["ETag"] != first["ETag"]
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="kk")["ETag"] != first["ETag"]
    record.torture.name = "Torture prevention"
    record.torture.save()
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_a_bad_query_is_never_a_304(client, record):
    bad = client.get("/api/v1/recommendations/?status=lost")
    assert bad.status_code == 400
    assert "ETag" not in bad


def test_api_responses_carry_the_site_security_headers(client, record):
    response = client.get("/api/v1/recommendations/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]


def test_the_schema_describes_every_endpoint(client, record):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    for endpoint in ENDPOINTS:
        assert f"/api/v1/{endpoint.replace('priority-measures', '{plan_slug}')}/" in schema["paths"]
    parameters = {
        p["name"] for p in schema["paths"]["/api/v1/recommendations/"]["get"]["parameters"]
    }
    assert {"q", "topic", "group", "status", "body", "year_from", "year_to", "meeting", "sort",
            "page", "page_size", "lang"} <= parameters  # fmt: skip
    assert client.get("/api/v1/schema/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_the_schema_is_valid_and_generated_without_a_warning():
    # Warnings name what the schema gets wrong or leaves vague (a parameter of unknown type,
    # two enums under one name): none is let through.
    schema = io.StringIO()
    call_command("spectacular", "--validate", "--fail-on-warn", stdout=schema)
    assert "/api/v1/plans/{plan_slug}/activities/{number}/" in schema.getvalue()


def test_the_docs_load_their_own_assets_under_the_sites_policy(client, record):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    html = response.content.decode()
    # Nothing inline, which the policy would block: no script body, style element or attribute.
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert "<style" not in html and "style=" not in html and " on" not in html.replace("\n", " ")
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert len(assets) == 6  # favicon, two stylesheets, two Swagger UI scripts, the start-up
    for asset in assets:
        assert asset.startswith("/"), asset  # same origin: no CDN
        loaded = client.get(asset)
        assert loaded.status_code == 200, asset
        body = b"".join(loaded.streaming_content) if loaded.streaming else loaded.content
        assert body, asset
    startup = next(a for a in assets if "script=" in a)
    assert client.get(startup)["Content-Type"].startswith("application/javascript")


def test_signed_in_staff_get_private_answers_that_are_never_stored(client, record):
    client.force_login(factories.secretariat_user())
    first = client.get("/api/v1/topics/")
    assert first.status_code == 200
    assert "private" in first["Cache-Control"]
    assert "ETag" not in first
    # Nothing stored for anyone: a change shows at once, to staff and to the public.
    record.torture.name = "Torture prevention"
    record.torture.save()
    assert "Torture prevention" in client.get("/api/v1/topics/").content.decode()


def test_the_schema_says_how_many_characters_q_takes_as_the_api_enforces_them(client, record):
    schema = yaml.safe_load(client.get("/api/v1/schema/").content)
    lists = ["/api/v1/recommendations/", "/api/v1/activities/", "/api/v1/un-recommendations/",
             "/api/v1/plans/{plan_slug}/activities/"]  # fmt: skip
    for path in lists:
        [q] = [p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == "q"]
        assert q["schema"] == {"type": "string", "maxLength": 200}, path

    assert client.get("/api/v1/recommendations/", {"q": "torture " * 25}).status_code == 200
    too_long = client.get("/api/v1/recommendations/", {"q": "torture " * 25 + "x"})
    assert too_long.status_code == 400
    assert list(too_long.json()) == ["q"]
