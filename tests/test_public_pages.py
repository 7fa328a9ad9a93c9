"""Every public page type shows the seed meeting's record as published."""

import html
import re
from collections import Counter

import pytest
from django.urls import reverse

from meetings.models import Document, Meeting
from recommendations.models import Recommendation

pytestmark = pytest.mark.django_db

SEED = "2021-10-22-snap-online-meeting"


def page(client, url: str) -> str:
    """The page's HTML with entities decoded, so texts compare as a reader sees them."""
    response = client.get(url)
    assert response.status_code == 200, url
    return html.unescape(response.content.decode())


def test_home_shows_latest_meetings_totals_charts_topics_and_search(client, demo):
    html = page(client, reverse("home"))
    assert "Gender equality, previous recommendations and interim results" in html
    assert "Recommendations by status" in html and "<svg" in html
    assert "Recommendations by year" in html
    assert "Prohibition of torture and ill-treatment" in html  # a topic
    assert 'type="search"' in html
    total = Recommendation.objects.published().count()
    assert f">{total}</a>" in html


def test_meeting_page_reads_like_the_official_record(client, demo):
    html = page(client, reverse("meetings:detail", args=[SEED]))
    assert "22 October 2021" in html
    assert "Online" in html and "Extraordinary" in html
    assert "Usen Suleimen, Ambassador-at-Large" in html
    agenda = html.index('<ol class="agenda">')
    assert (
        html.index("Empowerment of women and girls", agenda)
        < html.index("Analysis of the Consultative and Advisory Body", agenda)
        < html.index("Interim results of the Consultative", agenda)
    )
    for group in ("State bodies", "Parliament", "Judiciary", "Ombudsman", "Civil society",
                  "International partners"):  # fmt: skip
        assert f"<h3>{group}</h3>" in html
    assert "Office of the United Nations High Commissioner for Human Rights" in html
    assert "Concept of Family and Gender Policy" in html  # UN Women's report
    assert "Analytical report" in html and "Evaluation" in html
    assert "Recommendations adopted" in html
    adopted = Recommendation.objects.filter(meeting=demo).first()
    assert adopted.reference in html


def test_meeting_list_is_newest_first_and_filters_by_year_topic_format_and_organisation(
    client, demo
):
    from tests import factories

    older = factories.meeting(
        title="An older regular meeting", date="2019-05-01", format="in_person"
    )
    html = page(client, reverse("meetings:list"))
    assert html.index(demo.title) < html.index(older.title)

    def titles(query: str) -> list[str]:
        html = page(client, reverse("meetings:list") + query)
        return [m.title for m in (demo, older) if m.title in html]

    assert titles("?year=2019") == [older.title]
    assert titles("?topic=torture-prevention") == [demo.title]
    assert titles("?format=in_person") == [older.title]
    assert titles("?organisation=osce") == [demo.title]
    assert titles("?topic=torture-prevention&topic=children") == [demo.title]


def test_recommendation_page_shows_its_record_and_timeline(client, demo):
    rec = Recommendation.objects.filter(meeting=demo, assessments__isnull=False).distinct().first()
    html = page(client, rec.get_absolute_url())
    assert rec.reference in html
    assert rec.text[:60] in html
    assert f'class="status status--{rec.status}"' in html
    assert demo.title in html  # adopted at, linked
    assert rec.agenda_item.title in html
    for body in rec.responsible_bodies.all():
        assert body.name in html
    for assessment in rec.assessments.all():
        assert f'id="assessment-{assessment.pk}"' in html
    assert "Implementation history" in html


def test_evaluated_recommendation_links_its_source_document(client, demo):
    rec = Recommendation.objects.filter(assessments__source__isnull=False).first()
    html = page(client, rec.get_absolute_url())
    source = Document.objects.get(kind="evaluation")
    assert source.get_absolute_url() in html
    assert "Kazakhstan International Bureau for Human Rights and Rule of Law" in html


def test_topic_page_shows_agenda_items_documents_and_counts_by_status(client, demo):
    html = page(client, reverse("topics:detail", args=["women-gender-equality"]))
    assert "Empowerment of women and girls" in html
    assert "Concept of Family and Gender Policy" in html
    on_topic = Recommendation.objects.published().filter(topics__slug="women-gender-equality")
    counts = Counter(on_topic.values_list("status", flat=True))
    assert counts
    for status, n in counts.items():
        label = Recommendation.Status(status).label
        assert re.search(rf"{label}</a></th><td[^>]*>{n}</td>", html), label
    assert "?topic=women-gender-equality" in html


def test_organisation_page_shows_what_is_addressed_to_it(client, demo):
    html = page(client, reverse("organisations:detail", args=["ministry-of-internal-affairs"]))
    addressed = Recommendation.objects.published().filter(
        responsible_bodies__slug="ministry-of-internal-affairs"
    )
    assert f"See all {addressed.count()} recommendations" in html
    assert "?body=ministry-of-internal-affairs" in html
    assert "body=ministry-of-internal-affairs&topic=" in html  # narrow by topic


def test_organisation_page_lists_meetings_attended_and_documents_authored(client, demo):
    html = page(client, reverse("organisations:detail", args=["kibhr"]))
    assert demo.title in html
    assert (
        "Analysis of the recommendations of the Consultative and Advisory Body since 2013" in html
    )


def test_topic_and_organisation_lists(client, demo):
    html = page(client, reverse("topics:list"))
    assert "Human trafficking and contemporary forms of slavery" in html
    html = page(client, reverse("organisations:list"))
    assert "International organisation" in html and "USAID" in html


def test_document_list_and_detail(client, demo):
    html = page(client, reverse("documents:list"))
    assert "3 documents" in html
    document = Document.objects.get(kind="evaluation")
    html = page(client, document.get_absolute_url())
    assert document.title in html
    assert demo.title in html
    assert "No copy of this document has been published online." in html


def test_every_page_title_names_the_page(client, demo):
    rec = Recommendation.objects.first()
    for url, title in [
        (reverse("meetings:list"), "<title>Meetings ·"),
        (reverse("meetings:detail", args=[SEED]), f"<title>{Meeting.objects.get().title}"),
        (reverse("recommendations:list"), "<title>Recommendations ·"),
        (rec.get_absolute_url(), f"<title>Recommendation {rec.reference} ·"),
        (
            reverse("topics:detail", args=["children"]),
            "<title>Rights of the child; juvenile justice ·",
        ),
    ]:
        assert title in page(client, url)


def test_demonstration_notice_shows_only_while_illustrative_data_is_loaded(client, db):
    from tests import factories

    factories.recommendation(reference="CAB-2017-001")
    assert "Demonstration data" not in page(client, reverse("home"))
    factories.recommendation(reference="DEMO-2017-001")
    assert "Demonstration data" in page(client, reverse("home"))


def test_health_check_answers(client, db):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json()["database"] == "ok"
