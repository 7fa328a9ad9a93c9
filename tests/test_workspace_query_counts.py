"""The workspace's pages run as many queries for fifty items and reports as for five."""

import datetime

import pytest
from django.urls import reverse

from reporting import services
from reporting.models import ReportState

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def ministry(today, client):
    ministry = factories.organisation(name="Ministry of Justice")
    client.force_login(factories.membership(organisation=ministry).user)
    return ministry


def add_items(ministry, count: int) -> None:
    """`count` recommendations addressed to the ministry, each with a report in some state,
    and a plan activity it leads; then a round opened on all of them."""
    plan = factories.action_plan(is_published=True)
    states = list(ReportState)
    for n in range(count):
        recommendation = factories.recommendation()
        recommendation.responsible_bodies.add(ministry)
        activity = factories.activity(plan=plan)
        activity.bodies.create(organisation=ministry)
        factories.report(organisation=ministry, item=recommendation, state=states[n % len(states)])
    round = factories.reporting_round(due_date=datetime.date(2024, 1, 20))
    services.round_open(round=round, user=factories.secretariat_user())


# Every page: the session, the user, whether the account has an authenticator or
# recovery codes (two-factor, 2), and whether the record has demonstration data (the
# site's notice).
EVERY_PAGE = 5
# memberships (the page's list), obligations (their organisations are a subquery), reports
# (likewise).
HOME_QUERIES = EVERY_PAGE + 3
# evaluator?, count, the page.
ITEMS_QUERIES = EVERY_PAGE + 3


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        (reverse("workspace:home"), HOME_QUERIES),
        (reverse("workspace:items", args=["recommendations"]), ITEMS_QUERIES),
        (reverse("workspace:items", args=["activities"]), ITEMS_QUERIES),
    ],
)
def test_the_pages_run_a_pinned_number_of_queries(
    client, ministry, django_assert_num_queries, url, queries
):
    for count in (5, 45):
        add_items(ministry, count)
        with django_assert_num_queries(queries):
            assert client.get(url).status_code == 200


def test_a_reports_page_runs_a_pinned_number_of_queries(
    client, ministry, django_assert_num_queries
):
    recommendation = factories.recommendation()
    recommendation.responsible_bodies.add(ministry)
    report = factories.report(organisation=ministry, item=recommendation)

    # The report with its item and round, the member's roles (for the permission checks,
    # once).
    with django_assert_num_queries(EVERY_PAGE + 2):
        assert client.get(reverse("workspace:report", args=[report.pk])).status_code == 200
