"""Every public page type shows the record as published (the `record` fixture)."""

import html
import re

import pytest
from django.urls import reverse

from . import factories

pytestmark = pytest.mark.django_db


def page(client, url: str) -> str:
    """The page's HTML with entities decoded, so texts compare as a reader sees them."""
    response = client.get(url)
    assert response.status_code == 200, url
    return html.unescape(response.content.decode())


def test_home_shows_latest_meetings_totals_charts_topics_and_search(client, record):
    html = page(client, reverse("home"))
    latest = html.index('id="latest-meetings"')
    assert latest < html.index(record.meeting.title) < html.index(record.older_meeting.title)
    assert "Recommendations by status" in html and "<svg" in html
    assert "Recommendations by year" in html
    assert record.torture.name in html  # a topic
    assert 'type="search"' in html
    # Published only: two meetings, four recommendations, three documents.
    assert '<a href="/meetings/">2</a>' in html
    assert '<a href="/recommendations/">4</a>' in html
    assert '<a href="/documents/">3</a>' in html


def test_meeting_page_reads_like_the_official_record(client, record):
    html = page(client, record.meeting.get_absolute_url())
    assert "15 June 2022" in html
    assert "Online" in html and "Extraordinary" in html and "Astana" in html
    assert "Aliya Bekova, Ambassador-at-Large" in html
    agenda = html.index('<ol class="agenda">')
    assert (
        html.index(record.item.title, agenda)
        < html.index(record.second_item.title, agenda)
        < html.index("</ol>", agenda)
    )
    groups = re.findall(r'<section class="participant-group" aria-label="([^"]+)">', html)
    assert groups == ["State bodies", "Civil society", "International partners"]
    participants = html[
        html.index('id="participants-heading"') : html.index('id="documents-heading"')
    ]
    for name in (record.ministry.name, record.ngo.name, record.osce.name):
        assert name in participants
    assert "(speaker)" in participants and "(observer)" in participants
    assert record.report.title in html and record.evaluation.title in html
    assert "Analytical report" in html and "Evaluation" in html
    adopted = html.index("Recommendations adopted")
    assert record.adopted.reference in html[adopted:]
    assert record.in_progress.reference not in html  # adopted at another meeting


def test_meeting_list_is_newest_first_and_filters_by_year_topic_format_and_organisation(
    client, record
):
    meeting, older = record.meeting, record.older_meeting
    html = page(client, reverse("meetings:list"))
    assert html.index(meeting.title) < html.index(older.title)

    def titles(query: str) -> list[str]:
        html = page(client, reverse("meetings:list") + query)
        return [m.title for m in (meeting, older) if m.title in html]

    assert titles("?year=2019") == [older.title]
    assert titles("?topic=torture-prevention") == [meeting.title]
    assert titles("?format=in_person") == [older.title]
    assert titles("?organisation=osce") == [meeting.title]
    assert titles("?organisation=supreme-court") == [older.title]
    assert titles("?topic=torture-prevention&topic=children") == [meeting.title, older.title]


def test_recommendation_page_shows_its_record_and_timeline(client, record):
    rec = record.adopted
    html = page(client, rec.get_absolute_url())
    assert rec.reference in html
    assert rec.text in html
    assert 'Current status: <span class="status status--implemented">Implemented</span>' in html
    assert record.meeting.title in html  # adopted at, linked
    assert record.item.title in html
    assert record.ministry.name in html  # responsible
    assessments = [f'id="assessment-{a.pk}"' for a in rec.assessments.order_by("-date")]
    assert len(assessments) == 2
    assert html.index(assessments[0]) < html.index(assessments[1])  # newest first
    assert "Implementation history" in html


def test_evaluated_recommendation_links_its_source_document(client, record):
    html = page(client, record.adopted.get_absolute_url())
    assert record.evaluation.get_absolute_url() in html
    assert record.ngo.name in html  # who assessed it


def test_topic_page_shows_agenda_items_documents_and_counts_by_status(client, record):
    html = page(client, reverse("topics:detail", args=["torture-prevention"]))
    assert record.item.title in html
    assert record.report.title in html
    # Published recommendations on the topic: one implemented, one in progress.
    rows = re.findall(r'<th scope="row"><a [^>]*>([^<]+)</a></th><td[^>]*>(\d+)</td>', html)
    assert rows == [("In progress", "1"), ("Implemented", "1")]
    assert "?topic=torture-prevention" in html


def test_organisation_page_shows_what_is_addressed_to_it(client, record):
    html = page(client, reverse("organisations:detail", args=["ministry-of-internal-affairs"]))
    # adopted, in_progress and the one adopted at the draft meeting; not the draft
    assert "See all 3 recommendations" in html
    assert "?body=ministry-of-internal-affairs" in html
    assert "body=ministry-of-internal-affairs&topic=" in html  # narrow by topic


def test_organisation_page_lists_meetings_attended_and_documents_authored(client, record):
    html = page(client, reverse("organisations:detail", args=["kbhr"]))
    assert record.meeting.title in html
    assert record.older_meeting.title not in html
    assert record.report.title in html and record.evaluation.title in html


def test_topic_and_organisation_lists(client, record):
    html = page(client, reverse("topics:list"))
    assert record.torture.name in html and record.children.name in html
    html = page(client, reverse("organisations:list"))
    assert "International organisation" in html and "OSCE Programme Office in Astana" in html


def test_document_list_and_detail(client, record):
    html = page(client, reverse("documents:list"))
    assert "3 documents" in html
    html = page(client, record.evaluation.get_absolute_url())
    assert record.evaluation.title in html
    assert record.meeting.title in html
    assert "No copy of this document has been published online." in html


def test_every_page_title_names_the_page(client, record):
    rec = record.adopted
    for url, title in [
        (reverse("meetings:list"), "<title>Meetings ·"),
        (record.meeting.get_absolute_url(), f"<title>{record.meeting.title}"),
        (reverse("recommendations:list"), "<title>Recommendations ·"),
        (rec.get_absolute_url(), f"<title>Recommendation {rec.reference} ·"),
        (reverse("topics:detail", args=["children"]), "<title>Rights of the child ·"),
    ]:
        assert title in page(client, url)


def test_demonstration_notice_shows_only_while_illustrative_data_is_loaded(client, db):
    factories.recommendation(reference="CAB-2017-001")
    assert "Demonstration data" not in page(client, reverse("home"))
    factories.recommendation(reference="DEMO-2017-001", is_illustrative=True)
    assert "Demonstration data" in page(client, reverse("home"))


@pytest.mark.parametrize(
    "make",
    [
        lambda: factories.meeting(is_illustrative=True),
        lambda: factories.document(is_illustrative=True),
        lambda: factories.recommendation(reference="DEMO-2017-001", is_illustrative=True),
    ],
    ids=["meeting", "document", "recommendation"],
)
def test_any_published_illustrative_record_brings_the_notice(client, db, make):
    factories.meeting()  # a real one
    assert "Demonstration data" not in page(client, reverse("meetings:list"))
    record = make()
    assert "Demonstration data" in page(client, reverse("meetings:list"))
    record.is_published = False
    record.save()
    assert "Demonstration data" not in page(client, reverse("meetings:list"))


def test_health_check_answers(client, db):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json()["database"] == "ok"
