"""The secretariat logs meetings and recommendations in the admin back office."""

import datetime

import pytest
from django.urls import reverse

from meetings.models import Meeting

from . import factories
from .admin_pages import page_data

pytestmark = pytest.mark.django_db


def management_form(prefix: str, total: int) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_a_secretariat_user_logs_a_whole_meeting_on_one_page(secretariat_client):
    women = factories.topic(name="Women", slug="women")
    ministry = factories.organisation(name="Ministry of Justice", slug="ministry-of-justice")
    data = {
        "title_en": "Regular meeting on women's rights",
        "title_ru": "Очередное заседание о правах женщин",
        "slug": "2024-03-01-womens-rights",
        "date": "2024-03-01",
        "format": "hybrid",
        "kind": "regular",
        "location_en": "Astana",
        "summary_en": "",
        "source_url": "",
        "is_published": "on",
        **management_form("agenda_items", 2),
        "agenda_items-0-order": "1",
        "agenda_items-0-title_en": "Domestic violence legislation",
        "agenda_items-0-topics": [str(women.pk)],
        "agenda_items-1-order": "2",
        "agenda_items-1-title_en": "Any other business",
        **management_form("participants", 1),
        "participants-0-role": "member",
        "participants-0-organisation": str(ministry.pk),
        **management_form("documents", 1),
        "documents-0-title_en": "Shadow report",
        "documents-0-kind": "analytical_report",
        "documents-0-url": "https://example.org/report.pdf",
        "documents-0-language": "ru",
    }
    response = secretariat_client.post(reverse("admin:meetings_meeting_add"), data)
    assert response.status_code == 302, response.context and response.context["errors"]

    meeting = Meeting.objects.get(slug="2024-03-01-womens-rights")
    assert meeting.title_ru == "Очередное заседание о правах женщин"
    assert [i.title for i in meeting.agenda_items.all()] == [
        "Domestic violence legislation",
        "Any other business",
    ]
    assert list(meeting.agenda_items.first().topics.all()) == [women]
    assert meeting.participants.get().organisation == ministry
    assert meeting.documents.get().url == "https://example.org/report.pdf"


def test_an_assessment_added_in_the_admin_updates_the_status(secretariat_client):
    rec = factories.recommendation()
    url = reverse("admin:recommendations_recommendation_change", args=[rec.pk])
    data = {
        **page_data(secretariat_client.get(url)),  # the record as the page shows it
        **management_form("assessments", 1),
        "assessments-0-date": "2022-06-01",
        "assessments-0-status": "partially_implemented",
        "assessments-0-origin": "secretariat",
        "assessments-0-summary_en": "Law adopted in first reading.",
    }
    response = secretariat_client.post(url, data)
    assert response.status_code == 302
    rec.refresh_from_db()
    assert rec.status == "partially_implemented"
    assert rec.assessments.get().summary == "Law adopted in first reading."


def test_someone_outside_the_staff_cannot_reach_the_admin(client):
    client.force_login(factories.user())
    response = client.get(reverse("admin:meetings_meeting_changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_the_secretariat_cannot_manage_users(secretariat_client):
    response = secretariat_client.get(reverse("admin:dialogue_platform_user_changelist"))
    assert response.status_code == 403


def test_publish_action_publishes_the_selected_meetings(secretariat_client):
    drafts = [factories.meeting(is_published=False) for _ in range(2)]
    response = secretariat_client.post(
        reverse("admin:meetings_meeting_changelist"),
        {"action": "publish", "_selected_action": [m.pk for m in drafts]},
    )
    assert response.status_code == 302
    assert Meeting.objects.filter(is_published=True).count() == 2


def make_recommendations(count: int) -> None:
    topic, body, group = factories.topic(), factories.organisation(), factories.affected_group()
    meeting = factories.meeting()
    for _ in range(count):
        rec = factories.recommendation(meeting=meeting)
        rec.topics.add(topic)
        rec.responsible_bodies.add(body)
        rec.affected_groups.add(group)


# Each list's queries, the same for 5 rows as for 50: the session, the user, the device
# that passed two-factor and their permissions (5), then those named.
@pytest.mark.parametrize(
    ("url_name", "make", "queries"),
    [
        # years of the date hierarchy, topics to filter by, count, full count, the page,
        # first and last date, days of the date hierarchy
        ("admin:meetings_meeting_changelist", lambda n: [factories.meeting() for _ in range(n)], 5 + 7),
        # topics to filter by, count, full count, the page, first and last date, years
        ("admin:meetings_document_changelist",
         lambda n: [factories.document(meeting=factories.meeting()) for _ in range(n)], 5 + 6),
        # topics, affected groups and organisations to filter by, count, the page
        ("admin:recommendations_recommendation_changelist", make_recommendations, 5 + 5),
        # count, full count, the page (the years to filter by are fixed)
        ("admin:recommendations_assessment_changelist",
         lambda n: [factories.recommendation().record_assessment(date="2020-01-01", status="implemented")
                    for _ in range(n)], 5 + 3),
        # count, full count, the page
        ("admin:meetings_person_changelist", lambda n: [factories.person() for _ in range(n)], 5 + 3),
    ],
)  # fmt: skip
def test_admin_lists_run_a_pinned_number_of_queries_however_many_rows(
    secretariat_client, django_assert_num_queries, url_name, make, queries
):
    url = reverse(url_name)
    for rows in (5, 45):
        make(rows)
        with django_assert_num_queries(queries):
            assert secretariat_client.get(url).status_code == 200


def test_the_recommendation_and_assessment_lists_filter_by_year(secretariat_client):
    older = factories.recommendation(reference="CAB-2015-001", year=2015)
    newer = factories.recommendation(reference="CAB-2021-001", year=2021)
    older.record_assessment(date=datetime.date(2016, 3, 1), status="in_progress")
    newer.record_assessment(date=datetime.date(2022, 5, 1), status="implemented")

    recommendations = reverse("admin:recommendations_recommendation_changelist")
    page = secretariat_client.get(recommendations + "?year=2015").content.decode()
    assert "CAB-2015-001" in page and "CAB-2021-001" not in page
    assert 'href="?year=2013"' in page  # every year since the Platform began is offered

    assessments = reverse("admin:recommendations_assessment_changelist")
    page = secretariat_client.get(assessments + "?year=2022").content.decode()
    assert "CAB-2021-001" in page and "CAB-2015-001" not in page
