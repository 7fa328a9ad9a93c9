"""Opening a round records what each body owes: one obligation per published item and
body it is addressed to, never twice; where each obligation stands (upcoming, due,
overdue, submitted) is computed in the query for the day asked."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from plans.models import ActivityBody, BodyRole
from reporting import services
from reporting.models import Obligation, ReportState, Standing
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def addressed(today):
    ministry, court, other = (factories.organisation() for _ in range(3))
    published = factories.recommendation()
    published.responsible_bodies.add(ministry, court)
    draft = factories.recommendation(is_published=False)
    draft.responsible_bodies.add(ministry)
    factories.recommendation()  # addressed to no one
    activity = factories.activity()
    ActivityBody.objects.create(activity=activity, organisation=court)
    ActivityBody.objects.create(
        activity=activity, organisation=ministry, role=BodyRole.CO_IMPLEMENTING, order=1
    )
    unpublished_plan = factories.action_plan(is_published=False)
    hidden = factories.activity(plan=unpublished_plan)
    ActivityBody.objects.create(activity=hidden, organisation=ministry)
    return {
        "ministry": ministry,
        "court": court,
        "other": other,
        "published": published,
        "activity": activity,
    }


def owed(round) -> set:
    return {(obligation.organisation, obligation.item) for obligation in round.obligations.all()}


def test_opening_a_round_records_what_each_body_owes(addressed):
    round = factories.reporting_round()
    created = services.round_open(round=round, user=factories.secretariat_user())
    a = addressed
    assert owed(round) == {
        (a["ministry"], a["published"]),
        (a["court"], a["published"]),
        (a["court"], a["activity"]),
        (a["ministry"], a["activity"]),
    }
    assert created == 4
    assert round.opened_at is not None


def test_opening_it_again_adds_only_what_is_new(addressed):
    round = factories.reporting_round()
    reviewer = factories.secretariat_user()
    services.round_open(round=round, user=reviewer)
    opened = round.opened_at
    assert services.round_open(round=round, user=reviewer) == 0
    addressed["published"].responsible_bodies.add(addressed["other"])
    assert services.round_open(round=round, user=reviewer) == 1
    assert round.obligations.count() == 5
    round.refresh_from_db()
    assert round.opened_at == opened  # reports since the first opening still count


def test_only_the_secretariat_opens_a_round(addressed):
    round = factories.reporting_round()
    for user in (factories.viewer_user(), factories.membership().user):
        with pytest.raises(PermissionDenied):
            services.round_open(round=round, user=user)
    round.refresh_from_db()
    assert (round.opened_at, round.obligations.count()) == (None, 0)


def test_the_standing_follows_the_day_and_the_reports(addressed, today):
    round = factories.reporting_round(due_date=datetime.date(2024, 3, 1))
    services.round_open(round=round, user=factories.secretariat_user())
    ministry, recommendation = addressed["ministry"], addressed["published"]

    def standing(organisation=ministry, item=recommendation) -> str:
        return (
            Obligation.objects.with_standing()
            .get(organisation=organisation, recommendation=item)
            .standing
        )

    for day, expected in [
        (datetime.date(2024, 1, 1), Standing.UPCOMING),
        (datetime.date(2024, 1, 30), Standing.UPCOMING),
        (datetime.date(2024, 1, 31), Standing.DUE),  # 30 days before the due date
        (datetime.date(2024, 3, 1), Standing.DUE),  # the due date itself
        (datetime.date(2024, 3, 2), Standing.OVERDUE),
    ]:
        today(day)
        assert standing() == expected, day

    report = factories.report(organisation=ministry, item=recommendation)
    assert standing() == Standing.OVERDUE  # a draft is not a report received
    member = factories.membership(organisation=ministry).user
    services.report_submit(report=report, user=member, expected_version=1)
    assert standing() == Standing.SUBMITTED
    assert standing(organisation=addressed["court"]) == Standing.OVERDUE  # the court's own
    report.state = ReportState.RETURNED
    report.save()
    assert standing() == Standing.OVERDUE  # returned: owed again


def test_a_report_submitted_before_the_round_opened_does_not_answer_it(addressed, today):
    ministry, recommendation = addressed["ministry"], addressed["published"]
    member = factories.membership(organisation=ministry).user
    report = factories.report(organisation=ministry, item=recommendation)
    services.report_submit(report=report, user=member, expected_version=1)
    round = factories.reporting_round(due_date=datetime.date(2024, 3, 1))
    services.round_open(round=round, user=factories.secretariat_user())
    obligation = Obligation.objects.with_standing().get(
        organisation=ministry, recommendation=recommendation
    )
    assert obligation.standing == Standing.UPCOMING


def test_standing_is_computed_in_one_query(addressed, django_assert_num_queries):
    round = factories.reporting_round()
    services.round_open(round=round, user=factories.secretariat_user())
    with django_assert_num_queries(1):
        assert len({o.standing for o in Obligation.objects.with_standing()}) == 1
