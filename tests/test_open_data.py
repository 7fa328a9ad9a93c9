"""Exports, feeds, calendar and sitemap: the record is portable and followable."""

import csv
import io
import json
import re
from urllib.parse import urlencode

import feedparser
import pytest
from django.conf import settings
from django.urls import reverse
from icalendar import Calendar

from dialogue_platform.site.sitemaps import RecordSitemap
from recommendations.exports import COLUMNS

from . import factories
from .csv_files import FORMULA_LIKE

pytestmark = pytest.mark.django_db

# Filters of the list, and the references of the `record` fixture's published
# recommendations each gives.
FILTERS = [
    ({}, {"CAB-2023-002", "CAB-2022-001", "CAB-2019-001", "CAB-2017-001"}),
    ({"topic": "torture-prevention"}, {"CAB-2022-001", "CAB-2019-001"}),
    (
        {"status": ["implemented", "in_progress"], "year_from": "2016"},
        {"CAB-2022-001", "CAB-2019-001"},
    ),
    (
        {"body": "ministry-of-internal-affairs", "group": "persons-deprived-of-liberty"},
        {"CAB-2022-001"},
    ),
    ({"meeting": "2022-06-15-extraordinary"}, {"CAB-2022-001"}),
    # The bad value is ignored, as on the page.
    ({"topic": "no-such-topic", "year_to": "2018"}, {"CAB-2017-001"}),
]


def content(response) -> bytes:
    return b"".join(response.streaming_content)


def shown_count(client, params) -> int:
    url = reverse("recommendations:list") + "?" + urlencode(params, doseq=True)
    return client.get(url).context["page"].paginator.count


@pytest.mark.parametrize(("params", "references"), FILTERS)
def test_csv_export_has_every_result_of_the_filter_not_one_page(client, record, params, references):
    response = client.get(reverse("recommendations:export_csv"), params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = content(response).decode("utf-8")
    assert text.startswith("\ufeff")  # spreadsheet programs then read UTF-8 (Cyrillic) right
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert {row["reference"] for row in rows} == references
    assert len(rows) == shown_count(client, params)
    assert list(rows[0]) == COLUMNS


@pytest.mark.parametrize(("params", "references"), FILTERS)
def test_json_export_has_every_result_of_the_filter(client, record, params, references):
    response = client.get(reverse("recommendations:export_json"), params)
    records = json.loads(content(response))
    assert {r["reference"] for r in records} == references
    assert len(records) == shown_count(client, params)


def test_exported_row_carries_the_documented_columns(client, record):
    rec = record.adopted
    response = client.get(reverse("recommendations:export_json"), {"q": rec.reference})
    assert json.loads(content(response)) == [
        {
            "reference": "CAB-2022-001",
            "year": 2022,
            "status": "implemented",  # that of the latest assessment
            "text": rec.text,
            "topics": ["torture-prevention"],
            "affected_groups": ["persons-deprived-of-liberty"],
            "responsible_bodies": ["ministry-of-internal-affairs"],
            "meeting": "2022-06-15-extraordinary",
            "last_assessment_date": "2023-03-01",
            "url": f"{settings.SITE_URL}/recommendations/CAB-2022-001/",
            "language": "en",
            "last_assessment_origin": "secretariat",
            "last_assessed_by": "kbhr",
            "last_evaluation_date": "",
            "last_evaluation_status": "",
            "last_evaluated_by": "",
        }
    ]


def test_cyrillic_survives_the_csv_export(client, db):
    factories.recommendation(text="Обеспечить доступ к адвокату с момента задержания")
    text = content(client.get(reverse("recommendations:export_csv"))).decode("utf-8")
    assert "Обеспечить доступ к адвокату" in text


def test_export_leaves_out_drafts_and_the_draft_meeting(client, db):
    draft_meeting = factories.meeting(slug="draft-meeting", is_published=False)
    factories.recommendation(reference="CAB-2020-001", meeting=draft_meeting)
    factories.recommendation(reference="CAB-2020-002", is_published=False)
    records = json.loads(content(client.get(reverse("recommendations:export_json"))))
    assert [r["reference"] for r in records] == ["CAB-2020-001"]
    assert records[0]["meeting"] == ""


@pytest.mark.parametrize("format", ["csv", "json"])
def test_each_exported_row_names_the_language_its_text_is_in(client, db, format):
    factories.recommendation(reference="CAB-2020-001", text="English.", text_ru="Русский.")
    factories.recommendation(reference="CAB-2020-002", text="Only English.")
    factories.recommendation(reference="CAB-2020-003", text="", text_ru="Только русский.")
    url = reverse(f"recommendations:export_{format}")
    found = {}
    for prefix in ("", "/ru", "/kk"):
        body = content(client.get(prefix + url)).decode("utf-8-sig")
        records = json.loads(body) if format == "json" else csv.DictReader(io.StringIO(body))
        for r in records:
            found[prefix, r["reference"]] = (r["language"], r["text"])
    assert found == {
        ("", "CAB-2020-001"): ("en", "English."),
        ("", "CAB-2020-002"): ("en", "Only English."),
        ("", "CAB-2020-003"): ("ru", "Только русский."),
        ("/ru", "CAB-2020-001"): ("ru", "Русский."),
        ("/ru", "CAB-2020-002"): ("en", "Only English."),  # shown in English: marked so
        ("/ru", "CAB-2020-003"): ("ru", "Только русский."),
        ("/kk", "CAB-2020-001"): ("ru", "Русский."),  # Kazakh falls back to Russian first
        ("/kk", "CAB-2020-002"): ("en", "Only English."),
        ("/kk", "CAB-2020-003"): ("ru", "Только русский."),
    }


def test_the_export_gives_each_text_as_the_records_page_shows_it(client, db):
    factories.recommendation(reference="CAB-2020-001", text="English.", text_ru="Русский.")
    factories.recommendation(reference="CAB-2020-002", text="Only English.")
    factories.recommendation(reference="CAB-2020-003", text="", text_ru="Только русский.")
    factories.recommendation(reference="CAB-2020-004", text="", text_kk="Тек қазақша.")
    url = reverse("recommendations:export_csv")
    for prefix in ("", "/ru", "/kk"):
        body = content(client.get(prefix + url))
        rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
        assert len(rows) == 4
        for row in rows:
            page = client.get(f"{prefix}/recommendations/{row['reference']}/").content.decode()
            shown = f'<blockquote class="recommendation__text" lang="{row["language"]}">'
            assert f"{shown}<p>{row['text']}</p></blockquote>" in page


def test_no_csv_cell_begins_like_a_spreadsheet_formula(client, db):
    topic = factories.topic(slug="-minus-first")
    meeting = factories.meeting(slug="-2021-meeting")
    for n, text in enumerate(FORMULA_LIKE, start=1):
        rec = factories.recommendation(reference=f"CAB-2020-{n:03d}", text=text, meeting=meeting)
        rec.topics.add(topic)
    body = content(client.get(reverse("recommendations:export_csv"))).decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(body)))
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r", "\n")]
    shown = [dict(zip(header, row, strict=True)) for row in rows]
    assert sorted(row["text"] for row in shown) == sorted(f"'{text}" for text in FORMULA_LIKE)
    assert {(row["topics"], row["meeting"]) for row in shown} == {
        ("'-minus-first", "'-2021-meeting")
    }


def test_the_json_export_keeps_texts_that_begin_like_a_formula_as_they_are(client, db):
    for n, text in enumerate(FORMULA_LIKE, start=1):
        factories.recommendation(reference=f"CAB-2020-{n:03d}", text=text)
    records = json.loads(content(client.get(reverse("recommendations:export_json"))))
    assert sorted(r["text"] for r in records) == sorted(FORMULA_LIKE)


@pytest.mark.parametrize("export", ["recommendations:export_csv", "recommendations:export_json"])
def test_an_export_sends_its_first_rows_with_its_first_bytes(client, db, export):
    # Nothing goes out before rows are ready: a server lost while the first query runs has
    # sent nothing, so the proxy sends the request to another server instead of passing on
    # a file cut short after its first byte.
    factories.recommendation(reference="CAB-2017-001")

    first = next(iter(client.get(reverse(export)).streaming_content))

    assert b"CAB-2017-001" in first


def test_the_list_links_to_its_downloads(client, record):
    html = client.get(reverse("recommendations:list") + "?topic=children").content.decode()
    assert "/recommendations/export.csv?topic=children" in html
    assert "/recommendations/export.json?topic=children" in html
    assert "Download these" in html


def test_meetings_feed_parses_and_every_entry_links_back_with_an_updated_date(client, record):
    feed = feedparser.parse(client.get(reverse("meetings:feed")).content)
    assert not feed.bozo
    assert feed.version == "atom10"
    meetings = [record.meeting, record.older_meeting]  # newest first; not the draft
    assert [e.title for e in feed.entries] == [f"{m.date}: {m.title}" for m in meetings]
    assert [e.link for e in feed.entries] == [
        f"{settings.SITE_URL}{m.get_absolute_url()}" for m in meetings
    ]
    assert all(e.updated for e in feed.entries)


def test_recommendations_feed_honours_the_list_filters(client, record):
    params = {"topic": "torture-prevention", "body": "ministry-of-internal-affairs"}
    response = client.get(reverse("recommendations:feed"), params)
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    # The draft on the topic is left out; the newest entered first.
    assert [e.link.rsplit("/", 2)[-2] for e in feed.entries] == ["CAB-2019-001", "CAB-2022-001"]
    assert all(e.updated for e in feed.entries)


def test_calendar_parses_and_links_each_meeting(client, record):
    response = client.get(reverse("meetings:calendar"))
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    meetings = [record.older_meeting, record.meeting]  # in date order; not the draft
    assert [str(e["summary"]) for e in events] == [m.title for m in meetings]
    assert [str(e["url"]) for e in events] == [
        f"{settings.SITE_URL}{m.get_absolute_url()}" for m in meetings
    ]
    assert [e.decoded("dtstart").isoformat() for e in events] == ["2019-05-01", "2022-06-15"]


def test_calendar_per_topic(client, record):
    torture = client.get(reverse("meetings:calendar") + "?topic=torture-prevention")
    assert [str(e["summary"]) for e in Calendar.from_ical(torture.content).walk("VEVENT")] == [
        record.meeting.title
    ]
    assert client.get(reverse("meetings:calendar") + "?topic=no-such-topic").status_code == 404


def every_sitemap(client) -> list[str]:
    """Each sitemap page the index at /sitemap.xml lists."""
    index = client.get(reverse("sitemap")).content.decode()
    pages = re.findall(rf"<loc>{settings.SITE_URL}([^<]+)</loc>", index)
    responses = [client.get(page) for page in pages]
    assert all(response.status_code == 200 for response in responses)
    return [response.content.decode() for response in responses]


def test_sitemap_lists_published_records_only(client, record):
    xml = "".join(every_sitemap(client))
    assert record.meeting.get_absolute_url() in xml
    assert record.adopted.get_absolute_url() in xml
    assert record.report.get_absolute_url() in xml
    assert record.draft_meeting.get_absolute_url() not in xml
    assert record.draft_recommendation.get_absolute_url() not in xml
    assert record.draft_document.get_absolute_url() not in xml


def test_sitemap_pages_list_each_record_once_per_language_within_the_limit(
    client, record, monkeypatch
):
    monkeypatch.setattr(RecordSitemap, "limit", 5)  # pages that split a record's languages
    pages = [page for page in every_sitemap(client) if "/recommendations/CAB-" in page]
    entries = [re.findall(r"<url><loc>([^<]+)</loc>", page) for page in pages]
    # 4 published recommendations in 3 languages: pages of 5, 5 and 2 entries.
    assert [len(page) for page in entries] == [5, 5, 2]
    listed = {url.removeprefix(settings.SITE_URL) for page in entries for url in page}
    assert listed == {
        f"{prefix}/recommendations/{rec.reference}/"
        for rec in record.published_recommendations
        for prefix in ("", "/ru", "/kk")
    }


def test_robots_txt_points_at_the_sitemap(client, db):
    text = client.get(reverse("robots")).content.decode()
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def test_health_check_answers_503_when_the_database_is_unreachable(client, db, monkeypatch):
    from django.db import DatabaseError
    from django.db.backends.utils import CursorWrapper

    def unreachable(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", unreachable)
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
