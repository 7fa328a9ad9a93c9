"""The documented meetings since 2013 that `load_demo` ships beside the seed meeting: each
published, each with its source, only the facts its source states."""

import datetime
import html
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from meetings.models import AgendaItem, Meeting, Organisation, Participant, Person
from meetings.real_meetings import REAL_MEETINGS
from meetings.seed import SEED_MEETING, SEED_MEETING_SLUG

pytestmark = pytest.mark.django_db

SOURCES_NOTES = Path(__file__).resolve().parent.parent / "docs" / "sources.md"
REAL_SLUGS = [m["slug"] for m in REAL_MEETINGS] + [SEED_MEETING_SLUG]


def page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_every_real_meeting_is_published_with_its_source(demo):
    meetings = Meeting.objects.filter(slug__in=REAL_SLUGS)
    assert meetings.count() == len(REAL_SLUGS)
    for meeting in meetings:
        assert meeting.is_published, meeting.slug
        assert meeting.source_url.startswith("https://"), meeting.slug


def test_every_real_meetings_source_is_quoted_in_the_research_notes():
    notes = SOURCES_NOTES.read_text(encoding="utf-8")
    for url in [m["fields"]["source_url"] for m in REAL_MEETINGS] + [SEED_MEETING["source_url"]]:
        assert url in notes


def test_each_meeting_page_links_to_its_source(client, demo):
    for meeting in Meeting.objects.filter(slug__in=REAL_SLUGS):
        body = page(client, meeting.get_absolute_url())
        assert f'href="{meeting.source_url}"' in body, meeting.slug


def test_the_meetings_list_shows_the_real_meetings_newest_first(client, demo):
    # Page after page: the illustrative meetings are listed among them.
    shown = []
    for number in range(1, Meeting.objects.count() // 10 + 2):
        response = client.get(reverse("meetings:list"), {"page": number})
        if response.status_code == 404:
            break
        shown += re.findall(r'<time datetime="(\d{4}-\d\d-\d\d)">', response.content.decode())
    expected = sorted(
        (m.date.isoformat() for m in Meeting.objects.filter(slug__in=REAL_SLUGS)), reverse=True
    )
    assert [d for d in shown if d in expected] == expected
    assert expected[0] == "2025-07-04" and expected[-1] == "2015-02-11"


def test_a_format_the_source_does_not_give_is_not_shown(client, demo):
    unstated = Meeting.objects.get(slug="2024-01-29-meeting")
    assert unstated.format == ""
    assert "<dt>Format</dt>" not in page(client, unstated.get_absolute_url())

    held_at_the_ministry = Meeting.objects.get(slug="2016-06-01-meeting")
    assert "<dt>Format</dt><dd>In person</dd>" in page(
        client, held_at_the_ministry.get_absolute_url()
    )


def test_the_2015_meeting_was_chaired_by_the_minister(demo):
    meeting = Meeting.objects.get(date=datetime.date(2015, 2, 11))
    chair = meeting.participants.get(role=Participant.Role.CHAIR)
    assert chair.person.name == "Erlan Idrissov"
    assert chair.organisation.slug == "ministry-of-foreign-affairs"
    assert "democracy, human rights, the rule of law and legislative initiative" in (
        meeting.summary
    )


def test_real_meetings_read_in_russian_and_kazakh(client, demo):
    url = Meeting.objects.get(slug="2024-01-29-meeting").get_absolute_url()
    russian = page(client, "/ru" + url)
    assert "29 января 2024" in russian
    assert "Алуа Надиркулова, Посол по особым поручениям" in russian
    kazakh = page(client, "/kk" + url)
    assert "2024 жылғы 29 қаңтар" in kazakh
    assert "Ерекше тапсырмалар жөніндегі елші" in kazakh
    assert "shown in English" not in kazakh


def test_loading_the_real_meetings_again_writes_nothing(db):
    call_command("load_demo")  # the whole demo, the plans app's organisations among it
    models = (Meeting, AgendaItem, Participant, Person, Organisation)
    before = {m.__name__: sorted(map(str, m.objects.values_list())) for m in models}
    call_command("load_demo")
    assert {m.__name__: sorted(map(str, m.objects.values_list())) for m in models} == before
