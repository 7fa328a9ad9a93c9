"""The secretariat reviews in the admin: the queue of submitted reports, oldest first;
each report's page beside its item's current status and last published report; Publish
and Return with a note through the services, with the version the reviewer saw, a stale
one refused with an error message; rounds opened with an action. View-only staff see all
of it and can do none of it."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from recommendations.models import AssessmentOrigin, Status
from reporting import services
from reporting.models import Obligation, Report, ReportingRound, ReportState
from tests import factories

pytestmark = pytest.mark.django_db


def at(day: int) -> datetime.datetime:
    return datetime.datetime(2024, 1, day, 9, tzinfo=datetime.UTC)


@pytest.fixture
def reports(today):
    ministry = factories.organisation(name="Ministry of Justice")
    recommendation = factories.recommendation(reference="CAB-2023-001")
    recommendation.responsible_bodies.add(ministry)
    submitted = dict(state=ReportState.SUBMITTED, version=2)
    return {
        "ministry": ministry,
        "recommendation": recommendation,
        "newer": factories.report(
            organisation=ministry, item=recommendation, submitted_at=at(5), **submitted
        ),
        "older": factories.report(
            organisation=ministry, item=recommendation, submitted_at=at(2), **submitted
        ),
        "draft": factories.report(organisation=ministry, item=recommendation),
    }


def review(client, report: Report, **data):
    url = reverse("admin:reporting_report_review", args=[report.pk])
    return client.post(url, data)


def errors(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "error"]


def test_the_review_queue_lists_submitted_reports_oldest_first(secretariat_client, reports):
    url = reverse("admin:reporting_report_changelist") + "?queue=1"
    response = secretariat_client.get(url)
    assert response.status_code == 200
    listed = list(response.context["cl"].result_list)
    assert listed == [reports["older"], reports["newer"]]


def test_a_reports_page_shows_the_items_status_and_last_published_report(
    secretariat_client, reports
):
    reports["recommendation"].record_assessment(
        date=datetime.date(2023, 5, 1), status=Status.IN_PROGRESS
    )
    earlier = factories.report(
        organisation=reports["ministry"],
        item=reports["recommendation"],
        state=ReportState.PUBLISHED,
        published_at=at(1),
        claimed_status=Status.IN_PROGRESS,
    )
    response = secretariat_client.get(
        reverse("admin:reporting_report_change", args=[reports["older"].pk])
    )
    assert response.status_code == 200
    assert response.context["item_status"] == "In progress"
    assert response.context["last_published"] == earlier
    page = response.content.decode()
    assert 'id="item-status">In progress<' in page
    assert "Publish</button>" in page and "Return with a note</button>" in page


def test_publish_writes_the_history(secretariat_client, reports):
    report = reports["older"]
    response = review(secretariat_client, report, decision="publish", version=2)
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == ReportState.PUBLISHED
    assert report.assessment.origin == AssessmentOrigin.GOVERNMENT_REPORT
    assert report.history.first().history_change_reason == "Report published"


def test_return_keeps_the_note(secretariat_client, reports):
    report = reports["older"]
    review(secretariat_client, report, decision="return", version=2, note="Cite the law.")
    report.refresh_from_db()
    assert (report.state, report.reviewer_note) == (ReportState.RETURNED, "Cite the law.")


def test_a_return_without_a_note_is_an_error_message(secretariat_client, reports):
    report = reports["older"]
    response = review(secretariat_client, report, decision="return", version=2, note="")
    assert errors(response) == ["Say in a note what the body should correct."]
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED


def test_a_stale_page_is_refused_with_an_error_message(secretariat_client, reports):
    report = reports["older"]
    services.report_publish(report=report, user=factories.secretariat_user(), expected_version=2)
    response = review(secretariat_client, report, decision="return", version=2, note="Late.")
    assert errors(response) == [
        "The report changed since you opened it (it is now “Published”): nothing was done. "
        "Look at it again and decide."
    ]
    report.refresh_from_db()
    assert (report.state, report.reviewer_note) == (ReportState.PUBLISHED, "")


@pytest.mark.parametrize("posted", [{}, {"decision": "publish", "version": "x"}, {"version": 2}])
def test_an_incomplete_form_does_nothing(secretariat_client, reports, posted):
    response = review(secretariat_client, reports["older"], **posted)
    assert errors(response) == ["The form was incomplete: nothing was done."]
    reports["older"].refresh_from_db()
    assert reports["older"].state == ReportState.SUBMITTED


def test_view_only_staff_see_but_cannot_review_or_open(client, reports):
    client.force_login(factories.viewer_user())
    page = client.get(reverse("admin:reporting_report_change", args=[reports["older"].pk]))
    assert page.status_code == 200
    assert "Publish</button>" not in page.content.decode()
    for decision in ("publish", "return"):
        response = review(client, reports["older"], decision=decision, version=2, note="No.")
        assert response.status_code == 403
    reports["older"].refresh_from_db()
    assert reports["older"].state == ReportState.SUBMITTED

    round = factories.reporting_round()
    changelist = reverse("admin:reporting_reportinground_changelist")
    assert "open_rounds" not in client.get(changelist).content.decode()
    client.post(changelist, {"action": "open_rounds", "_selected_action": [round.pk]})
    round.refresh_from_db()
    assert round.opened_at is None


def test_a_focal_point_is_no_staff_and_gets_no_admin(client, reports):
    client.force_login(factories.membership(organisation=reports["ministry"]).user)
    response = client.get(reverse("admin:reporting_report_change", args=[reports["draft"].pk]))
    assert response.status_code == 302  # to the admin's login
    response = review(client, reports["older"], decision="publish", version=2)
    assert response.status_code == 302
    reports["older"].refresh_from_db()
    assert reports["older"].state == ReportState.SUBMITTED


def test_the_secretariat_opens_rounds_with_the_action(secretariat_client, reports):
    round = factories.reporting_round()
    response = secretariat_client.post(
        reverse("admin:reporting_reportinground_changelist"),
        {"action": "open_rounds", "_selected_action": [round.pk]},
        follow=True,
    )
    assert "Opened: 1 obligation recorded." in response.content.decode()
    assert Obligation.objects.get().organisation == reports["ministry"]
    assert ReportingRound.objects.get().opened_at is not None


def test_memberships_are_kept_on_the_users_page(secretariat_client, reports):
    admin = factories.user(is_staff=True, is_superuser=True)
    secretariat_client.force_login(admin)
    member = factories.membership(organisation=reports["ministry"]).user
    response = secretariat_client.get(
        reverse("admin:dialogue_platform_user_change", args=[member.pk])
    )
    assert response.status_code == 200
    assert "Ministry of Justice" in response.content.decode()


def test_the_admin_pages_of_reporting_open(secretariat_client, reports):
    for name in ("report", "reportinground", "obligation", "membership"):
        url = reverse(f"admin:reporting_{name}_changelist")
        assert secretariat_client.get(url).status_code == 200, name
    history = reverse("admin:reporting_report_history", args=[reports["older"].pk])
    assert secretariat_client.get(history).status_code == 200


# The session, the user, the device that passed two-factor, their permissions (own and
# group's), the rounds of the filter, the queue's count and the full count, and the rows
# (body and item joined).
QUEUE_QUERIES = 9


@pytest.mark.parametrize("rows", [5, 50])
def test_the_review_queue_takes_the_same_queries_at_5_and_50_rows(
    secretariat_client, django_assert_num_queries, today, rows
):
    ministry = factories.organisation()
    plan = factories.action_plan()
    for n in range(rows):
        item = factories.recommendation() if n % 2 else factories.activity(plan=plan)
        factories.report(
            organisation=ministry, item=item, state=ReportState.SUBMITTED, submitted_at=at(1)
        )
    url = reverse("admin:reporting_report_changelist") + "?queue=1"
    secretariat_client.get(url)  # the session and permissions, read once
    with django_assert_num_queries(QUEUE_QUERIES):
        response = secretariat_client.get(url)
    assert len(response.context["cl"].result_list) == rows


@pytest.mark.parametrize("object_id", ["abc", "999999", "1 OR 1=1", "%00"])
def test_a_review_of_no_such_report_is_not_found(secretariat_client, reports, object_id):
    url = reverse("admin:reporting_report_changelist") + f"{object_id}/review/"
    response = secretariat_client.post(url, {"decision": "publish", "version": "2"})
    assert response.status_code in {400, 404}


def test_a_review_must_be_posted(secretariat_client, reports):
    url = reverse("admin:reporting_report_review", args=[reports["older"].pk])
    assert secretariat_client.get(url).status_code == 405


def test_a_report_on_an_activity_is_shown_beside_the_activitys_status(
    secretariat_client, reports, plan_record
):
    report = factories.report(
        organisation=reports["ministry"],
        item=plan_record["one"],
        state=ReportState.SUBMITTED,
        submitted_at=at(3),
    )
    response = secretariat_client.get(reverse("admin:reporting_report_change", args=[report.pk]))
    assert response.status_code == 200
    assert response.context["item_status"] == "In progress"
    assert response.context["last_published"] is None
    assert "No report on this item has been published yet." in response.content.decode()
