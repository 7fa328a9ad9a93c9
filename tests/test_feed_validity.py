"""Feeds, calendars and robots.txt as the standards have them (RFC 4287, RFC 5545, the
robots exclusion protocol), read with parsers other than the ones that wrote them."""

import datetime
import time
import xml.etree.ElementTree as ET
from urllib.robotparser import RobotFileParser

import feedparser
import pytest
import vobject
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from . import factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = ["recommendations:feed", "meetings:feed"]


def atom(response) -> ET.Element:
    assert response.status_code == 200
    assert not feedparser.parse(response.content).bozo
    return ET.fromstring(response.content)


@pytest.mark.parametrize("name", FEEDS)
def test_every_entry_has_an_author_through_the_feed(client, record, name):
    feed = atom(client.get(reverse(name)))

    # RFC 4287, 4.1.1: a feed with an author covers every entry without one.
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Dialogue Platform on the Human Dimension"
    assert feed.findall(f"{ATOM}entry")


def self_link_and_id(client, url: str) -> tuple[str, str]:
    feed = atom(client.get(url))
    [self_link] = [link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
    return self_link.get("href"), feed.findtext(f"{ATOM}id")


@pytest.mark.parametrize(
    "name, query",
    [
        ("recommendations:feed", "topic=torture-prevention&status=implemented"),
        ("meetings:feed", "topic=torture-prevention"),
    ],
)
def test_a_filtered_feed_names_itself_with_its_filter_and_has_an_id_of_its_own(
    client, record, name, query
):
    path = reverse(name)

    filtered_self, filtered_id = self_link_and_id(client, f"{path}?{query}")
    whole_self, whole_id = self_link_and_id(client, path)

    assert filtered_self == f"{settings.SITE_URL}{path}?{query}"
    assert whole_self == f"{settings.SITE_URL}{path}"
    assert filtered_id != whole_id


def test_a_filter_value_the_feed_ignored_is_not_in_its_self_link(client, record):
    path = reverse("recommendations:feed")

    self_link, _ = self_link_and_id(client, f"{path}?topic=no-such-topic&year_from=2016")

    assert self_link == f"{settings.SITE_URL}{path}?year_from=2016"


def calendar(client, query: str = ""):
    response = client.get(reverse("meetings:calendar") + query)
    assert response.status_code == 200
    return response.content.decode(), vobject.readOne(response.content.decode())


def test_a_timed_meeting_s_zone_is_defined_in_the_calendar(client, db):
    factories.meeting(
        title="Timed", date=datetime.date(2021, 10, 22), start_time=datetime.time(10, 0)
    )

    text, parsed = calendar(client)

    assert f"DTSTART;TZID={settings.TIME_ZONE}:20211022T100000" in text
    # RFC 5545, 3.2.19: every TZID a property names is defined by a VTIMEZONE in the file.
    assert [zone.tzid.value for zone in parsed.vtimezone_list] == [settings.TIME_ZONE]
    start = parsed.vevent.dtstart.value
    assert start.utcoffset() == datetime.timedelta(hours=6)  # Almaty in 2021
    assert start.astimezone(datetime.UTC).hour == 4


def test_a_calendar_without_meetings_is_still_a_valid_calendar(client, db):
    factories.topic(slug="never-discussed")

    text, parsed = calendar(client, "?topic=never-discussed")

    # RFC 5545, 3.6: a calendar holds at least one component.
    assert not hasattr(parsed, "vevent")
    assert text.count("BEGIN:VTIMEZONE") == 1


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_exports_in_every_language(client, db):
    robots = RobotFileParser()
    robots.parse(client.get(reverse("robots")).content.decode().splitlines())

    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            exports = [
                reverse("recommendations:export_csv"),
                reverse("recommendations:export_json"),
            ]
            listed = reverse("recommendations:list")
        for path in exports:
            assert not robots.can_fetch("AnyBot", f"{settings.SITE_URL}{path}?topic=x"), path
        assert robots.can_fetch("AnyBot", f"{settings.SITE_URL}{listed}"), listed
    assert not robots.can_fetch("AnyBot", f"{settings.SITE_URL}/admin/")


def test_the_demo_s_recommendations_are_dated_as_entered_not_as_loaded(client, demo):
    feed = feedparser.parse(client.get(reverse("recommendations:feed")).content)
    updated = [entry.updated_parsed for entry in feed.entries]
    loaded_today = time.gmtime()[:3]

    assert len(updated) >= 20
    assert all(when[:3] != loaded_today for when in updated)
    assert len(set(updated)) >= 10
