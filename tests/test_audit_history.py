"""Every change to meetings, agenda items, recommendations, assessments and documents is
recorded (who, when, what) and visible from the record in the admin."""

import datetime
import re

import pytest
from django.urls import reverse

from meetings.models import Meeting
from recommendations.models import Recommendation

from . import factories
from .admin_pages import page_data

pytestmark = pytest.mark.django_db


def test_editing_in_the_admin_keeps_the_earlier_version_and_who_changed_it(client):
    editor = factories.secretariat_user(username="aigerim")
    client.force_login(editor)
    rec = factories.recommendation(text="Original wording.")
    url = reverse("admin:recommendations_recommendation_change", args=[rec.pk])
    data = page_data(client.get(url)) | {
        "text_en": "Corrected wording.",
        "text_ru": "Исправленная формулировка.",
    }
    assert client.post(url, data).status_code == 302

    versions = list(Recommendation.history.filter(id=rec.pk).order_by("history_date"))
    assert [v.text_en for v in versions] == ["Original wording.", "Corrected wording."]
    assert versions[-1].text_ru == "Исправленная формулировка."
    assert versions[-1].history_user == editor
    assert versions[-1].history_type == "~"


def test_the_history_page_of_a_record_says_what_changed(client):
    client.force_login(factories.secretariat_user())
    meeting = factories.meeting(title="First title")
    meeting.title = "Second title"
    meeting.location = "Astana"
    meeting.save()
    response = client.get(reverse("admin:meetings_meeting_history", args=[meeting.pk]))
    assert response.status_code == 200
    changes = response.content.decode().split('id="change-history"')[1]
    assert re.search(
        r"<strong>Title[^<]*:</strong>\s*First title\s*&nbsp;&rarr;&nbsp;&nbsp;Second title",
        changes,
    )
    assert re.search(r"<strong>Location[^<]*:</strong>", changes)
    assert "changed_fields" not in changes
    assert Meeting.history.filter(id=meeting.pk).count() == 2


@pytest.mark.parametrize(
    "model", ["meeting", "agendaitem", "document", "recommendation", "assessment"]
)
def test_each_audited_record_has_a_history(model):
    meeting = factories.meeting()
    item = factories.agenda_item(meeting=meeting)
    rec = factories.recommendation()
    records = {
        "meeting": meeting,
        "agendaitem": item,
        "document": factories.document(meeting=meeting),
        "recommendation": rec,
        "assessment": rec.record_assessment(date=datetime.date(2020, 1, 1), status="in_progress"),
    }
    assert records[model].history.count() == 1
