"""Every absolute URL the site writes (hreflang links, sitemaps, robots.txt, feeds, the
calendar, the exports' url column) is on SITE_URL, whatever Host or X-Forwarded-Proto the
request came with: a page cached for one request is served to every other."""

import json
import re

import feedparser
import pytest
from django.urls import reverse
from icalendar import Calendar

from . import factories
from .settings_subprocess import REAL_KEY, run_python

pytestmark = pytest.mark.django_db

SITE = "https://dialogue.example.kz"
# Two allowed hosts, by plain http and behind a proxy that says https.
REQUESTS = [
    {"HTTP_HOST": "localhost"},
    {"HTTP_HOST": "127.0.0.1", "HTTP_X_FORWARDED_PROTO": "https"},
]


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def absolute_urls(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", text)


def assert_all_on_the_site(urls: list[str]) -> None:
    assert urls
    assert [url for url in urls if not url.startswith(SITE + "/")] == []


def test_a_page_cached_for_one_host_and_scheme_links_the_site_url_for_every_other(client, record):
    for headers in REQUESTS:
        html = client.get("/ru/recommendations/?status=implemented", **headers).content.decode()
        alternates = re.findall(r'<link rel="alternate" hreflang="[^"]+" href="([^"]+)"', html)
        assert alternates == [
            f"{SITE}/recommendations/?status=implemented",
            f"{SITE}/ru/recommendations/?status=implemented",
            f"{SITE}/kk/recommendations/?status=implemented",
            f"{SITE}/recommendations/?status=implemented",  # x-default
        ]


def test_the_sitemap_index_and_its_pages_list_addresses_on_the_site_url(client, record):
    # A record of each kind the plans sections list, so that no section is empty.
    factories.activity(plan=factories.action_plan())
    factories.outside_recommendation()
    for headers in REQUESTS:
        index = client.get(reverse("sitemap"), **headers).content.decode()
        pages = re.findall(r"<loc>([^<]+)</loc>", index)
        assert_all_on_the_site(pages)
        for page in pages:
            xml = client.get(page.removeprefix(SITE), **headers).content.decode()
            assert_all_on_the_site(re.findall(r'(?:<loc>|href=")([^<"]+)', xml))


def test_robots_txt_names_the_sitemap_on_the_site_url(client, db):
    for headers in REQUESTS:
        text = client.get(reverse("robots"), **headers).content.decode()
        assert f"Sitemap: {SITE}/sitemap.xml\n" in text


@pytest.mark.parametrize("feed", ["meetings:feed", "recommendations:feed"])
def test_feeds_link_the_site_and_every_entry_on_the_site_url(client, record, feed):
    for headers in REQUESTS:
        body = client.get(reverse(feed), **headers).content.decode()
        parsed = feedparser.parse(body)
        assert parsed.entries
        assert_all_on_the_site(
            [parsed.feed.link]
            + [link.href for link in parsed.feed.links]
            + [entry.link for entry in parsed.entries]
        )
        assert "localhost" not in body and "127.0.0.1" not in body


def test_the_calendar_links_and_identifies_meetings_on_the_site_url(client, record):
    meetings = [record.older_meeting, record.meeting]
    for headers in REQUESTS:
        response = client.get(reverse("meetings:calendar"), **headers)
        events = Calendar.from_ical(response.content).walk("VEVENT")
        assert [(str(e["url"]), str(e["uid"])) for e in events] == [
            (SITE + m.get_absolute_url(), f"meeting-{m.pk}@dialogue.example.kz") for m in meetings
        ]


def test_the_exports_url_column_is_on_the_site_url(client, record):
    for headers in REQUESTS:
        response = client.get(reverse("recommendations:export_json"), **headers)
        rows = json.loads(b"".join(response.streaming_content))
        assert_all_on_the_site([row["url"] for row in rows])


def configured_site_url(**env: str):
    result = run_python(
        "from dialogue_platform import settings; print(settings.SITE_URL)",
        SECRET_KEY=REAL_KEY,
        **{"DEBUG": "0", "NUM_PROXIES": "1", "SITE_URL": "", **env},
    )
    return result


def test_site_url_is_read_from_the_environment_without_a_trailing_slash():
    result = configured_site_url(SITE_URL="https://dialogue.example.kz/")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "https://dialogue.example.kz"


def test_without_site_url_production_uses_https_and_the_first_allowed_host():
    result = configured_site_url(ALLOWED_HOSTS="records.example.kz,www.records.example.kz")
    assert result.stdout.splitlines()[-1] == "https://records.example.kz"


def test_without_site_url_local_mode_uses_the_development_servers_address():
    result = configured_site_url(DEBUG="1")
    assert result.stdout.splitlines()[-1] == "http://127.0.0.1:8000"


@pytest.mark.parametrize(
    "value", ["dialogue.example.kz", "ftp://dialogue.example.kz", "https://example.kz/records"]
)
def test_a_site_url_that_is_not_an_origin_is_refused(value):
    result = configured_site_url(SITE_URL=value)
    assert result.returncode != 0
    assert "ImproperlyConfigured: SITE_URL" in result.stderr
