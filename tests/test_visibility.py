"""One table of every public surface: an unpublished meeting, recommendation and document
appear on none of them (pages, lists, counts, facets, search, feeds, calendar, sitemap,
exports, downloads)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from . import factories

pytestmark = pytest.mark.django_db

MARK = "Zanzibar"  # a word found only in the drafts
DRAFT_TITLES = [
    f"{MARK} {kind}" for kind in ("meeting", "agenda item", "recommendation", "document")
]


@pytest.fixture
def drafts(demo, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    topic = factories.topic(name="Island affairs", slug="zanzibar-topic")
    meeting = factories.meeting(
        title=f"{MARK} meeting", slug="zanzibar-meeting", summary=MARK, is_published=False,
        date=datetime.date(2025, 5, 5),
    )  # fmt: skip
    item = factories.agenda_item(meeting=meeting, title=f"{MARK} agenda item")
    item.topics.add(topic)
    rec = factories.recommendation(reference="CAB-2025-901", text=f"{MARK} recommendation",
                                   is_published=False)  # fmt: skip
    rec.topics.add(topic)
    rec.record_assessment(date=datetime.date(2025, 6, 1), status="implemented")
    document = factories.document(
        title=f"{MARK} document", is_published=False,
        file=SimpleUploadedFile("draft.pdf", b"%PDF-1.4 draft"),
    )  # fmt: skip
    document.topics.add(topic)
    return {"meeting": meeting, "recommendation": rec, "document": document, "item": item}


def body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode()


SURFACES = [
    # (surface, url builder)
    ("home page and its counts", lambda d: reverse("home")),
    ("meetings list", lambda d: reverse("meetings:list")),
    ("meetings list filtered by the drafts' topic", lambda d: reverse("meetings:list") + "?topic=zanzibar-topic"),
    ("recommendations list and facets", lambda d: reverse("recommendations:list")),
    ("recommendations list filtered by the topic", lambda d: reverse("recommendations:list") + "?topic=zanzibar-topic"),
    ("recommendations list searched", lambda d: reverse("recommendations:list") + f"?q={MARK}"),
    ("topic page and its counts", lambda d: reverse("topics:detail", args=["zanzibar-topic"])),
    ("topics list counts", lambda d: reverse("topics:list")),
    ("organisations list", lambda d: reverse("organisations:list")),
    ("documents list", lambda d: reverse("documents:list")),
    ("search", lambda d: reverse("search") + f"?q={MARK}"),
    ("meetings feed", lambda d: reverse("meetings:feed")),
    ("recommendations feed", lambda d: reverse("recommendations:feed")),
    ("calendar", lambda d: reverse("meetings:calendar")),
    ("sitemap of meetings", lambda d: "/sitemap-meetings.xml"),
    ("sitemap of recommendations", lambda d: "/sitemap-recommendations.xml"),
    ("sitemap of documents", lambda d: "/sitemap-documents.xml"),
    ("CSV export", lambda d: reverse("recommendations:export_csv")),
    ("JSON export", lambda d: reverse("recommendations:export_json")),
    ("Russian home page", lambda d: "/ru/"),
]  # fmt: skip

DIRECT = [
    ("meeting page", lambda d: d["meeting"].get_absolute_url()),
    ("recommendation page", lambda d: d["recommendation"].get_absolute_url()),
    ("document page", lambda d: d["document"].get_absolute_url()),
    ("document download", lambda d: reverse("documents:download", args=[d["document"].pk])),
    ("agenda item, through its meeting", lambda d: d["item"].get_absolute_url()),
]


@pytest.mark.parametrize(("surface", "url"), SURFACES, ids=[s for s, _ in SURFACES])
def test_drafts_appear_on_no_public_surface(client, drafts, surface, url):
    response = client.get(url(drafts))
    assert response.status_code == 200, surface
    text = body(response)
    for title in DRAFT_TITLES:
        assert title not in text, surface
    assert "CAB-2025-901" not in text, surface
    assert "zanzibar-meeting" not in text, surface


@pytest.mark.parametrize(("surface", "url"), DIRECT, ids=[s for s, _ in DIRECT])
def test_drafts_cannot_be_reached_directly(client, drafts, surface, url):
    assert client.get(url(drafts)).status_code == 404, surface


def test_the_drafts_topic_counts_nothing(client, drafts):
    topics = {t.slug: t for t in client.get(reverse("topics:list")).context["topics"]}
    assert topics["zanzibar-topic"].counts == (0, 0, 0)
