"""Exports and feeds of a plan's activities and of the UN recommendations: the export
holds exactly what the page shows for the same filters, and an unchanged one is a 304."""

import csv
import datetime
import io
import json

import feedparser
import pytest
from django.urls import reverse

from plans.models import Link

from . import factories

pytestmark = pytest.mark.django_db


def downloaded(response) -> str:
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8-sig")


def shown_activities(client, url: str) -> list[str]:
    sections = client.get(url).context["sections"]
    return [a.number for _, activities in sections for a in activities]


@pytest.mark.parametrize(
    "query", ["", "?overdue=yes", "?body=ministry-of-justice", "?section=II&status=implemented",
              "?status=not_assessed&status=in_progress", "?section=nonsense"],
)  # fmt: skip
def test_the_activity_exports_equal_the_page(client, today, plan_record, query):
    plan = plan_record["plan"]
    page = shown_activities(client, plan.get_absolute_url() + query)
    rows = list(csv.DictReader(io.StringIO(downloaded(
        client.get(reverse("plans:export_csv", args=[plan.slug]) + query)))))  # fmt: skip
    items = json.loads(
        downloaded(client.get(reverse("plans:export_json", args=[plan.slug]) + query))
    )
    assert [r["number"] for r in rows] == page
    assert [r["number"] for r in items] == page


def test_an_activity_row_holds_its_bodies_deadline_and_flag(client, today, plan_record):
    plan = plan_record["plan"]
    [row] = json.loads(
        downloaded(
            client.get(
                reverse("plans:export_json", args=[plan.slug]) + "?section=I&status=not_assessed"
            )
        )
    )
    assert row["lead_bodies"] == ["supreme-court"]
    assert row["co_implementing_bodies"] == ["ministry-of-justice"]
    assert (row["deadline"], row["due_date"], row["overdue"]) == ("June 2024", "2024-06-30", "no")
    today(datetime.date(2024, 7, 1))
    [row] = json.loads(
        downloaded(
            client.get(
                reverse("plans:export_json", args=[plan.slug]) + "?section=I&status=not_assessed"
            )
        )
    )
    assert row["overdue"] == "yes"


@pytest.mark.parametrize(
    "query", ["", "?linked=no", "?linked=yes&response=supported", "?state=Chile"]
)
def test_the_un_exports_equal_the_list(client, plan_record, query):
    factories.outside_recommendation(
        paragraph="139.30", recommending_state="Chile", text="=HYPERLINK()"
    )
    listed = client.get(reverse("upr:list") + query).context["page"].object_list
    rows = list(
        csv.DictReader(io.StringIO(downloaded(client.get(reverse("upr:export_csv") + query))))
    )
    items = json.loads(downloaded(client.get(reverse("upr:export_json") + query)))
    assert [r["paragraph"] for r in rows] == [r.paragraph for r in listed]
    assert [r["paragraph"] for r in items] == [r.paragraph for r in listed]


def test_un_export_cells_that_look_like_formulas_are_text(client, plan_record):
    factories.outside_recommendation(paragraph="139.30", text="=HYPERLINK()")
    rows = list(csv.DictReader(io.StringIO(downloaded(client.get(reverse("upr:export_csv"))))))
    assert {r["paragraph"]: r["text"] for r in rows}["139.30"] == "'=HYPERLINK()"
    linked = {r["paragraph"]: r["linked"] for r in rows}
    assert linked == {"139.24": "yes", "139.30": "no"}


@pytest.mark.parametrize(
    "url",
    [
        lambda r: reverse("plans:export_csv", args=[r["plan"].slug]),
        lambda r: reverse("plans:feed", args=[r["plan"].slug]),
        lambda r: reverse("upr:export_json"),
        lambda r: reverse("upr:feed") + "?linked=yes",
        lambda r: reverse("plans:report_csv", args=[r["plan"].slug]) + "?as_of=2023-01-01",
    ],
)
def test_an_unchanged_export_or_feed_is_not_sent_again(client, today, plan_record, url):
    first = client.get(url(plan_record))
    assert first.status_code == 200
    assert client.get(url(plan_record), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    factories.outside_recommendation(paragraph="139.31")  # any write to the record
    assert client.get(url(plan_record), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_the_feeds_list_the_filtered_records(client, today, plan_record):
    plan = plan_record["plan"]
    feed = feedparser.parse(
        client.get(reverse("plans:feed", args=[plan.slug]) + "?overdue=yes").content
    )
    assert [e.title for e in feed.entries] == ["Activity 1 (In progress), overdue"]
    assert feed.entries[0].link.endswith(plan_record["one"].get_absolute_url())
    unanswered = factories.outside_recommendation(paragraph="139.40", text="Abolish exit visas")
    feed = feedparser.parse(client.get(reverse("upr:feed") + "?linked=no").content)
    assert [e.title for e in feed.entries] == [str(unanswered)]
    Link.objects.create(activity=plan_record["two"], outside_recommendation=unanswered)
    feed = feedparser.parse(client.get(reverse("upr:feed") + "?linked=no").content)
    assert feed.entries == []


def test_a_draft_plan_has_no_export_or_feed(client, plan_record):
    plan = plan_record["plan"]
    plan.is_published = False
    plan.save()
    for name in ("plans:export_csv", "plans:export_json", "plans:feed"):
        assert client.get(reverse(name, args=[plan.slug])).status_code == 404, name
