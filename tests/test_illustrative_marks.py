"""Every page that shows an illustrative record marks it, in its list rows and on its own
page; real records carry no mark."""

import datetime
import re

import pytest
from django.urls import reverse

from . import factories

pytestmark = pytest.mark.django_db

BADGE = re.compile(r'<span class="illustrative">([^<]+)</span>')


@pytest.fixture
def both(db) -> dict:
    """A real and an illustrative meeting, each with an agenda item, a document and a
    recommendation with an assessment, all on one topic and addressed to one ministry."""
    topic = factories.topic(slug="torture-prevention", name="Torture prevention")
    ministry = factories.organisation(slug="ministry")
    made = {}
    for kind, flag in (("real", False), ("demo", True)):
        meeting = factories.meeting(
            title=f"The {kind} meeting", date=datetime.date(2019, 3, 1 + flag), is_illustrative=flag
        )
        item = factories.agenda_item(
            meeting=meeting, title=f"The {kind} item", is_illustrative=flag
        )
        item.topics.add(topic)
        document = factories.document(
            title=f"The {kind} report", meeting=meeting, agenda_item=item, is_illustrative=flag
        )
        document.topics.add(topic)
        document.authors.add(ministry)
        factories.participant(meeting=meeting, organisation=ministry)
        rec = factories.recommendation(
            reference=f"{'DEMO' if flag else 'CAB'}-2019-001",
            text=f"The {kind} recommendation on torture",
            meeting=meeting,
            is_illustrative=flag,
        )
        rec.topics.add(topic)
        rec.responsible_bodies.add(ministry)
        assessment = rec.record_assessment(date=datetime.date(2020, 1, 1), status="in_progress")
        assessment.is_illustrative = flag
        assessment.save()
        made[kind] = {"meeting": meeting, "document": document, "rec": rec}
    return made


def marked_rows(client, url: str) -> dict[str, bool]:
    """For each record row or page header on the page, whether it carries the mark:
    `{text naming the record: marked}` for the real and illustrative records' names."""
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    blocks = re.split(
        r'<li class="(?:record|timeline__entry)"|<header class="record-header">', html
    )
    found = {}
    for block in blocks[1:]:
        block = block.split("</li>")[0].split("</header>")[0]
        for name in ("real", "demo", "CAB-2019-001", "DEMO-2019-001"):
            if re.search(rf"\b{name}\b", block):
                found[name] = found.get(name, False) or bool(BADGE.search(block))
    return found


def pages(both: dict) -> dict[str, str]:
    return {
        "home": reverse("home"),
        "meetings": reverse("meetings:list"),
        "recommendations": reverse("recommendations:list"),
        "documents": reverse("documents:list"),
        "topic": reverse("topics:detail", args=["torture-prevention"]),
        "organisation": reverse("organisations:detail", args=["ministry"]),
        "search": reverse("search") + "?q=torture",
    }


@pytest.mark.parametrize(
    "name", ["home", "meetings", "recommendations", "documents", "topic", "organisation"]
)
def test_lists_mark_illustrative_rows_and_only_those(client, both, name):
    rows = marked_rows(client, pages(both)[name])
    illustrative = {k: v for k, v in rows.items() if k.startswith(("demo", "DEMO"))}
    real = {k: v for k, v in rows.items() if k.startswith(("real", "CAB"))}
    assert illustrative and all(illustrative.values()), rows
    assert real and not any(real.values()), rows


def test_search_marks_illustrative_hits(client, both):
    rows = marked_rows(client, pages(both)["search"])
    assert rows["DEMO-2019-001"] and not rows["CAB-2019-001"]


@pytest.mark.parametrize("record", ["meeting", "document", "rec"])
def test_an_illustrative_records_own_page_says_so_and_a_real_ones_does_not(client, both, record):
    demo = client.get(both["demo"][record].get_absolute_url()).content.decode()
    real = client.get(both["real"][record].get_absolute_url()).content.decode()
    header = demo.split('<header class="record-header">')[1].split("</header>")[0]
    assert BADGE.search(header)
    assert not BADGE.search(real.split("<main")[1])


def test_each_illustrative_assessment_in_a_history_is_marked(client, both):
    html = client.get(both["demo"]["rec"].get_absolute_url()).content.decode()
    entries = html.split('<li class="timeline__entry"')[1:]
    assert entries and all(BADGE.search(entry.split("</li>")[0]) for entry in entries)


@pytest.mark.parametrize(
    ("prefix", "word"),
    [("", "Illustrative"), ("/ru", "Иллюстративная запись"), ("/kk", "Көрнекі мысал")],
)
def test_the_mark_is_a_word_in_the_pages_language(client, both, prefix, word):
    html = client.get(prefix + both["demo"]["meeting"].get_absolute_url()).content.decode()
    assert BADGE.search(html).group(1) == word
