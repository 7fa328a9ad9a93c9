"""Every page, public or back office, is sent with the headers that keep browsers safe."""

from html.parser import HTMLParser

import pytest
from django.test import override_settings
from django.urls import reverse

from . import factories

pytestmark = pytest.mark.django_db


def csp_directives(response) -> dict[str, list[str]]:
    policy = response.headers["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def assert_safe_headers(response) -> None:
    policy = csp_directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    # No page uses the camera, microphone, location, payments or devices; a script that
    # slipped in could not ask for them either.
    permissions = response.headers["Permissions-Policy"].split(", ")
    for feature in ["camera", "microphone", "geolocation", "payment", "usb", "display-capture"]:
        assert f"{feature}=()" in permissions


def test_a_public_page_is_sent_with_a_strict_policy_and_safe_headers(client, record):
    response = client.get(record.meeting.get_absolute_url())

    assert response.status_code == 200
    assert_safe_headers(response)


def test_the_admin_login_page_is_sent_with_the_same_headers(client):
    response = client.get(reverse("admin:login"))

    assert response.status_code == 200
    assert_safe_headers(response)


def test_the_admin_meeting_page_is_sent_with_the_same_headers(secretariat_client):
    response = secretariat_client.get(reverse("admin:meetings_meeting_add"))

    assert response.status_code == 200
    assert_safe_headers(response)


def test_https_responses_carry_hsts_for_subdomains_and_preload(client):
    response = client.get(reverse("home"), secure=True)

    assert response.headers["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )


def test_cookies_are_host_only_secure_httponly_and_same_site(client):
    response = client.get(reverse("admin:login"))

    cookie = response.cookies["__Host-csrftoken"]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/"
    assert not cookie["domain"]  # __Host- cookies must not name a domain


def test_the_session_cookie_is_host_only_secure_and_httponly(client, django_user_model):
    django_user_model.objects.create_user(
        "aigerim", password="correct horse battery staple", is_staff=True
    )

    response = client.post(
        reverse("admin:login"), {"username": "aigerim", "password": "correct horse battery staple"}
    )

    cookie = response.cookies["__Host-sessionid"]
    assert (cookie["secure"], cookie["httponly"], cookie["samesite"]) == (True, True, "Lax")


def test_a_missing_page_is_sent_with_the_same_headers(client, db):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert_safe_headers(response)


def test_signing_in_with_a_next_page_elsewhere_lands_on_the_admin_index(client, db):
    factories.secretariat_user(username="aigerim", password="correct horse battery staple")
    credentials = {"username": "aigerim", "password": "correct horse battery staple"}

    response = client.post(
        reverse("admin:login") + "?next=https://evil.example/",
        {**credentials, "next": "https://evil.example/"},
        follow=True,
    )

    # The admin's index, which first asks staff to set up two-factor.
    assert response.redirect_chain[0] == (reverse("admin:index"), 302)
    assert response.redirect_chain[1][0].startswith(reverse("workspace:two_factor_setup"))
    assert "next=%2Fadmin%2F" in response.redirect_chain[1][0]
    assert response.status_code == 200


@override_settings(SECURE_SSL_REDIRECT=True)
def test_in_production_plain_http_is_redirected_to_https(client):
    response = client.get(reverse("meetings:list"))

    assert response.status_code == 301
    assert response.url == "https://testserver/meetings/"


@override_settings(SECURE_SSL_REDIRECT=True)
def test_in_production_the_proxys_https_header_is_trusted(client):
    response = client.get(reverse("meetings:list"), headers={"x-forwarded-proto": "https"})

    assert response.status_code == 200


@override_settings(SECURE_SSL_REDIRECT=True)
def test_in_production_the_health_check_answers_over_plain_http(client):
    assert client.get(reverse("healthz")).status_code == 200


class InlineCodeFinder(HTMLParser):
    """Collects what a policy without 'unsafe-inline' would block: inline scripts,
    <style> elements, style attributes and on* event handler attributes."""

    # Data blocks are never executed, so the policy leaves them alone.
    DATA_TYPES = {"application/json", "application/ld+json"}

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if tag == "script" and "src" not in names and names.get("type") not in self.DATA_TYPES:
            self.found.append("<script> without src")
        if tag == "style":
            self.found.append("<style>")
        self.found += [
            f"<{tag} {name}=…>" for name in names if name == "style" or name.startswith("on")
        ]

    handle_startendtag = handle_starttag


def public_pages(record: factories.Record) -> list[str]:
    """One of each kind of public page, with the record in it."""
    return [
        reverse("home"),
        reverse("meetings:list"),
        record.meeting.get_absolute_url(),
        reverse("recommendations:list"),
        reverse("recommendations:list") + "?status=in_progress&year_from=nonsense",
        record.adopted.get_absolute_url(),
        reverse("topics:list"),
        record.torture.get_absolute_url(),
        reverse("organisations:list"),
        record.ministry.get_absolute_url(),
        reverse("documents:list"),
        record.report.get_absolute_url(),
        reverse("search") + "?q=detention",
        "/no-such-page/",
    ]


def test_public_pages_have_no_inline_code_the_policy_would_block(client, record):
    for url in public_pages(record):
        response = client.get(url)
        assert response.status_code in {200, 404}, url
        finder = InlineCodeFinder()
        finder.feed(response.text)
        assert finder.found == [], url
