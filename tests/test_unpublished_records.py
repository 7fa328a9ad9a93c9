"""Drafts appear on no public page, count or facet; links to them are not shown either."""

import pytest
from django.urls import reverse

from recommendations.models import Recommendation

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def drafts(demo):
    topic = factories.topic(name="Draft-only topic", slug="draft-only")
    meeting = factories.meeting(title="SECRET DRAFT MEETING", is_published=False)
    item = factories.agenda_item(meeting=meeting, title="SECRET DRAFT ITEM")
    item.topics.add(topic)
    draft_rec = factories.recommendation(
        reference="CAB-2020-999", text="SECRET DRAFT TEXT", is_published=False
    )
    draft_rec.topics.add(topic)
    draft_doc = factories.document(title="SECRET DRAFT DOCUMENT", is_published=False)
    draft_doc.topics.add(topic)
    # Published records that point at the draft meeting.
    adopted = factories.recommendation(reference="CAB-2020-998", meeting=meeting, agenda_item=item)
    adopted.topics.add(topic)
    paper = factories.document(title="Published paper of a draft meeting", meeting=meeting)
    return {"meeting": meeting, "recommendation": draft_rec, "document": draft_doc,
            "adopted": adopted, "paper": paper, "topic": topic}  # fmt: skip


def public_urls(drafts) -> list[str]:
    return [
        reverse("home"),
        reverse("meetings:list"),
        reverse("meetings:list") + "?topic=draft-only",
        reverse("recommendations:list"),
        reverse("recommendations:list") + "?topic=draft-only",
        drafts["adopted"].get_absolute_url(),
        drafts["paper"].get_absolute_url(),
        reverse("topics:list"),
        reverse("topics:detail", args=["draft-only"]),
        reverse("organisations:list"),
        reverse("documents:list"),
    ]


def test_drafts_appear_on_no_public_page(client, drafts):
    for url in public_urls(drafts):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "SECRET DRAFT" not in html, url
        assert drafts["meeting"].get_absolute_url() not in html, url


def test_draft_pages_are_not_found(client, drafts):
    for record in ("meeting", "recommendation", "document"):
        assert client.get(drafts[record].get_absolute_url()).status_code == 404


def test_drafts_are_not_counted(client, drafts):
    response = client.get(reverse("recommendations:list") + "?topic=draft-only")
    assert response.context["page"].paginator.count == 1  # only the published one
    assert {v.value: v.count for v in response.context["facets"]["topic"]}["draft-only"] == 1
    topics = {t.slug: t for t in client.get(reverse("topics:list")).context["topics"]}
    assert topics["draft-only"].counts == (1, 0, 0)  # recommendations, agenda items, documents
    home = client.get(reverse("home")).context
    assert home["totals"]["recommendations"] == Recommendation.objects.published().count()
    assert home["totals"]["meetings"] == 1


def test_a_draft_meeting_cannot_be_chosen_as_a_filter(client, drafts):
    response = client.get(reverse("recommendations:list") + f"?meeting={drafts['meeting'].slug}")
    assert response.status_code == 200
    assert "SECRET DRAFT" not in response.content.decode()
    assert "meeting" in response.context["filter"].form.errors
