"""A body's organisation page carries its scorecard: what is addressed to it by status, how
many of its activities are overdue, its last published report, and how often it reported
on time in the last rounds; citeable, counted in a fixed number of queries, and built only
from what is public."""

import datetime
import re

import pytest
from django.utils import timezone

from plans.models import ActivityBody, BodyRole
from recommendations.models import AssessmentOrigin, Status
from reporting import services
from reporting.models import Obligation, Report, ReportState

from . import factories

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2024, 6, 1)


def moment(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def scorecard_html(client, organisation, prefix: str = "") -> str:
    html = client.get(prefix + organisation.get_absolute_url()).content.decode()
    return html.split('<section id="scorecard"')[1].split("</section>")[0]


def published_report(*, organisation, item, status: str, on: datetime.date, author):
    """A report taken through the services: created, submitted and published."""
    report = services.report_create(
        user=author, organisation=organisation, item=item,
        origin=AssessmentOrigin.GOVERNMENT_REPORT, claimed_status=status,
        narratives={"en": "The body's account."},
    )  # fmt: skip
    report = services.report_submit(report=report, user=author, expected_version=report.version)
    return services.report_publish(
        report=report, user=factories.secretariat_user(), expected_version=report.version, date=on
    )


def open_round(title: str, due: datetime.date, opened: datetime.date):
    round = factories.reporting_round(title=title, due_date=due)
    services.round_open(round=round, user=factories.secretariat_user())
    round.__class__.objects.filter(pk=round.pk).update(opened_at=moment(opened))
    return round


def submitted(report: Report, on: datetime.date, state: str = ReportState.SUBMITTED) -> None:
    Report.objects.filter(pk=report.pk).update(submitted_at=moment(on), state=state)


@pytest.fixture
def ministry(today):
    """The ministry: three recommendations (implemented, in progress twice) and two
    activities (one overdue, one implemented); two past rounds and one still running."""
    today(TODAY)
    ministry = factories.organisation(name="Ministry of Justice", slug="ministry-of-justice")
    focal = factories.membership(organisation=ministry).user
    recs = [factories.recommendation() for _ in range(3)]
    for rec in recs:
        rec.responsible_bodies.add(ministry)
    recs[1].record_assessment(date=datetime.date(2023, 1, 1), status=Status.IN_PROGRESS)
    recs[2].record_assessment(date=datetime.date(2023, 1, 1), status=Status.IN_PROGRESS)
    late = factories.activity(due_date=datetime.date(2023, 6, 30))
    done = factories.activity(plan=late.plan, due_date=datetime.date(2023, 6, 30))
    ActivityBody.objects.create(activity=late, organisation=ministry)
    ActivityBody.objects.create(activity=done, organisation=ministry, role=BodyRole.CO_IMPLEMENTING)
    done.record_assessment(date=datetime.date(2023, 5, 1), status=Status.IMPLEMENTED)

    first = open_round("First round", datetime.date(2024, 3, 1), datetime.date(2024, 1, 5))
    second = open_round("Second round", datetime.date(2024, 5, 1), datetime.date(2024, 4, 1))
    open_round("Running round", datetime.date(2024, 7, 1), datetime.date(2024, 5, 20))

    # First round: one on time (then published), one late, a draft, a withdrawn one.
    on_time = published_report(
        organisation=ministry, item=recs[0], status=Status.IMPLEMENTED,
        on=datetime.date(2024, 2, 25), author=focal,
    )  # fmt: skip
    submitted(on_time, datetime.date(2024, 2, 20), ReportState.PUBLISHED)
    submitted(factories.report(organisation=ministry, item=recs[1]), datetime.date(2024, 3, 5))
    factories.report(organisation=ministry, item=recs[2])
    submitted(
        factories.report(organisation=ministry, item=late),
        datetime.date(2024, 2, 1),
        ReportState.WITHDRAWN,
    )
    # Second round: one on time; a returned one does not count.
    submitted(factories.report(organisation=ministry, item=late), datetime.date(2024, 4, 20))
    submitted(
        factories.report(organisation=ministry, item=recs[2], reviewer_note="Internal note."),
        datetime.date(2024, 4, 10),
        ReportState.RETURNED,
    )
    return {"ministry": ministry, "recs": recs, "late": late, "done": done,
            "first": first, "second": second, "on_time": on_time, "focal": focal}  # fmt: skip


def test_items_addressed_to_it_are_counted_by_status_with_the_overdue_activities(client, ministry):
    card = text(scorecard_html(client, ministry["ministry"]))
    assert "Implemented 1 1 2" in card  # a recommendation (published report) and an activity
    assert "In progress 2 0 2" in card
    assert "Not assessed 0 1 1" in card
    assert "Total 3 2 5" in card
    assert "1 plan activity is overdue." in card


def test_the_on_time_rate_covers_the_past_rounds_submitted_by_the_due_date(client, ministry):
    html = scorecard_html(client, ministry["ministry"])
    card = text(html)
    assert Obligation.objects.filter(organisation=ministry["ministry"]).count() == 15
    assert "Second round" in card and "First round" in card
    assert "Running round" not in card  # not due yet: its rate is not final
    first, second = ministry["first"], ministry["second"]
    assert re.search(rf'<tr id="round-{first.pk}">.*?5.*?1.*?20%', html, re.S)
    assert re.search(rf'<tr id="round-{second.pk}">.*?5.*?1.*?20%', html, re.S)
    assert (
        "In the last 2 rounds it submitted 2 of the 10 reports it owed by the due date (20%)."
        in card
    )
    assert '<svg class="chart__svg"' in html and ">20%</text>" in html


def test_the_last_published_report_links_to_its_entry_in_the_history(client, ministry):
    html = scorecard_html(client, ministry["ministry"])
    entry = ministry["on_time"].recommendation_assessment
    rec = ministry["recs"][0]
    assert f'href="{rec.get_absolute_url()}#assessment-{entry.pk}"' in html
    assert rec.reference in html
    assert "Government report of Ministry of Justice" in text(html)


def test_a_later_draft_returned_or_submitted_report_is_never_the_last_published(client, ministry):
    html = scorecard_html(client, ministry["ministry"])
    assert ministry["recs"][1].reference not in html
    assert ministry["recs"][2].reference not in html
    assert (
        "Internal note." not in client.get(ministry["ministry"].get_absolute_url()).content.decode()
    )


def test_an_ngo_s_page_shows_its_last_published_evaluation(client, today):
    today(TODAY)
    ngo = factories.organisation(name="Charter for Human Rights", kind="ngo")
    activity = factories.activity()
    activity.record_assessment(
        date=datetime.date(2024, 2, 1), status=Status.NOT_STARTED, assessed_by=ngo,
        origin=AssessmentOrigin.EVALUATION,
    )  # fmt: skip
    card = text(scorecard_html(client, ngo))
    assert "Evaluation of Charter for Human Rights" in card
    assert f"Activity {activity.number}" in card


def test_a_body_with_nothing_to_count_has_no_scorecard(client, today):
    today(TODAY)
    body = factories.organisation()
    assert 'id="scorecard"' not in client.get(body.get_absolute_url()).content.decode()


def test_the_scorecard_can_be_cited_with_its_date_and_address(client, ministry):
    card = text(scorecard_html(client, ministry["ministry"]))
    assert (
        "How to cite: Dialogue Platform Records, “Scorecard: Ministry of Justice”, "
        "as of 1 June 2024, https://localhost/organisations/ministry-of-justice/#scorecard"
    ) in card


@pytest.mark.parametrize(
    ("prefix", "words"),
    [
        ("/ru", ["Оценочная карта", "Как цитировать:"]),
        ("/kk", ["Бағалау картасы", "Қалай сілтеме жасау керек:"]),
    ],
)
def test_the_scorecard_speaks_the_reader_s_language(client, ministry, prefix, words):
    card = text(scorecard_html(client, ministry["ministry"], prefix))
    for word in words:
        assert word in card


@pytest.mark.parametrize("rows", [5, 50])
def test_the_page_runs_the_same_queries_with_5_or_50_items_and_reports(
    client, today, django_assert_num_queries, rows
):
    today(TODAY)
    ministry = factories.organisation(slug="ministry")
    focal = factories.membership(organisation=ministry).user
    plan = factories.action_plan()
    for n in range(rows):
        rec = factories.recommendation()
        rec.responsible_bodies.add(ministry)
        activity = factories.activity(plan=plan, due_date=datetime.date(2023, 1, 1))
        ActivityBody.objects.create(activity=activity, organisation=ministry)
        if n % 2:
            published_report(
                organisation=ministry, item=rec, status=Status.IN_PROGRESS,
                on=datetime.date(2024, 2, 1), author=focal,
            )  # fmt: skip
    for month in (2, 3, 4):
        open_round(f"Round {month}", datetime.date(2024, month, 1), datetime.date(2024, 1, 5))
    # The same pinned count as the other public pages' (tests/test_query_counts.py).
    with django_assert_num_queries(17):
        assert client.get(ministry.get_absolute_url()).status_code == 200
