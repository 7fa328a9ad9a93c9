"""The interim-results report: each activity's status as its history stood on a date,
counts by section and by body, what changed since an earlier date, and its CSV."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def report(client, plan, query: str = ""):
    response = client.get(reverse("plans:report", args=[plan.slug]) + query)
    assert response.status_code == 200
    return response


def csv_rows(client, plan, query: str) -> list[dict]:
    response = client.get(reverse("plans:report_csv", args=[plan.slug]) + query)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_statuses_are_those_the_history_gave_on_the_date(client, plan_record):
    context = report(client, plan_record["plan"], "?as_of=2022-06-01").context["report"]
    assert {a.number: a.status_on for a in context.activities} == {
        "1": "in_progress", "2": "not_assessed", "3": "not_assessed",
    }  # fmt: skip
    later = report(client, plan_record["plan"], "?as_of=2023-01-01").context["report"]
    assert {a.number: a.status_on for a in later.activities}["3"] == "implemented"


def test_counts_by_section_and_by_body(client, plan_record):
    context = report(client, plan_record["plan"], "?as_of=2023-07-01").context["report"]
    sections = {t.label: (t.total, t.implemented, t.overdue) for t in context.by_section}
    assert sections == {"I. Justice": (2, 0, 1), "II. Detention": (1, 1, 0)}
    bodies = {t.label: (t.total, t.implemented, t.overdue) for t in context.by_body}
    assert bodies == {"Ministry of Justice": (2, 0, 1), "Supreme Court": (2, 1, 0)}


def test_what_changed_since_the_earlier_date(client, plan_record):
    response = report(client, plan_record["plan"], "?as_of=2023-01-01&since=2022-06-01")
    context = response.context["report"]
    assert [a.number for a in context.changed] == ["3"]
    assert [(e.activity.number, e.date) for e in context.changes] == [
        ("3", datetime.date(2022, 11, 1))
    ]
    assert "What changed between" in response.content.decode()


def test_the_csv_holds_the_same_statuses(client, plan_record):
    rows = csv_rows(client, plan_record["plan"], "?as_of=2023-07-01&since=2022-06-01")
    assert [(r["number"], r["status_as_of"], r["overdue_as_of"], r["status_since"],
             r["changed_since"]) for r in rows] == [
        ("1", "in_progress", "yes", "in_progress", "no"),
        ("2", "not_assessed", "no", "not_assessed", "no"),
        ("3", "implemented", "no", "not_assessed", "yes"),
    ]  # fmt: skip
    assert rows[0]["lead_bodies"] == "ministry-of-justice"


@pytest.mark.parametrize(
    "query", ["?as_of=31.12.2023", "?as_of=2023-02-30", "?since=abc", "?as_of=" + "9" * 5000]
)
def test_bad_dates_get_a_clear_message_never_an_error(client, plan_record, query):
    page = report(client, plan_record["plan"], query).content.decode()
    assert "Write the date as YYYY-MM-DD" in page
    download = client.get(reverse("plans:report_csv", args=[plan_record["plan"].slug]) + query)
    assert download.status_code == 400
    assert "Write the date as YYYY-MM-DD" in download.content.decode()


def test_an_earlier_date_after_the_report_date_is_refused(client, plan_record):
    page = report(client, plan_record["plan"], "?as_of=2022-01-01&since=2023-01-01")
    assert "The earlier date must come before" in page.content.decode()
    assert page.context["report"].since is None


def test_a_draft_plan_has_no_report(client, plan_record):
    plan = plan_record["plan"]
    plan.is_published = False
    plan.save()
    assert client.get(reverse("plans:report", args=[plan.slug])).status_code == 404
    assert client.get(reverse("plans:report_csv", args=[plan.slug])).status_code == 404


def test_the_report_prints_without_the_sites_chrome(client, plan_record):
    page = report(client, plan_record["plan"]).content.decode()
    assert 'media="print"' in page
    assert "<script" not in page
