"""Two reviewers act on the same submitted report at the same moment, each on their own
database connection: one wins, the other is refused with a message, and the report, its
history entry and its note are exactly the winner's.

PostgreSQL only: there the row lock (select_for_update) makes the second transaction wait
for the first and then find the version it saw gone. SQLite serialises every write to the
whole database and has no row locks, so two threads would only test its file lock; the
CI runs this file on PostgreSQL too, so this is not a check left unrun. (The same stale
versions are refused on both databases in tests/test_reporting_state_transitions.py.)"""

import threading
import time

import pytest
from django.db import connection

from recommendations.models import Assessment, Recommendation, Status
from reporting import services
from reporting.models import Report, ReportState
from tests import factories

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks: PostgreSQL only (see docstring)"
    ),
]


def race(*actions) -> list:
    """Run each action in its own thread (its own connection), released together; the
    result of each, or the exception it raised."""
    start = threading.Barrier(len(actions))
    results: list = [None] * len(actions)

    def run(index: int, action) -> None:
        try:
            start.wait()
            results[index] = action()
        except Exception as error:
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.fixture
def submitted(today, monkeypatch):
    ministry = factories.organisation()
    recommendation = factories.recommendation()
    recommendation.responsible_bodies.add(ministry)
    report = factories.report(
        organisation=ministry,
        item=recommendation,
        state=ReportState.SUBMITTED,
        version=2,
        claimed_status=Status.IMPLEMENTED,
    )
    # Publishing holds the row lock a little longer than it needs, so the other
    # reviewer's transaction surely arrives while it is held.
    record = Recommendation.record_assessment

    def slow_record(self, **kwargs):
        time.sleep(0.3)
        return record(self, **kwargs)

    monkeypatch.setattr(Recommendation, "record_assessment", slow_record)
    return report


def test_two_reviewers_publish_at_once_and_one_is_refused(submitted):
    first, second = factories.secretariat_user(), factories.secretariat_user()
    results = race(
        lambda: services.report_publish(report=submitted, user=first, expected_version=2),
        lambda: services.report_publish(report=submitted, user=second, expected_version=2),
    )
    published = [r for r in results if isinstance(r, Report)]
    refused = [r for r in results if isinstance(r, services.Refused)]
    assert (len(published), len(refused)) == (1, 1), results
    assert "it is now “Published”" in refused[0].message
    submitted.refresh_from_db()
    assert (submitted.state, submitted.version) == (ReportState.PUBLISHED, 3)
    assert Assessment.objects.count() == 1
    assert submitted.reviewed_by == published[0].reviewed_by


def test_a_publish_and_a_return_at_once_leave_exactly_one_of_them(submitted):
    first, second = factories.secretariat_user(), factories.secretariat_user()
    results = race(
        lambda: services.report_publish(report=submitted, user=first, expected_version=2),
        lambda: services.report_return(
            report=submitted, user=second, expected_version=2, note="Add the law's number."
        ),
    )
    assert sum(isinstance(r, Report) for r in results) == 1, results
    assert sum(isinstance(r, services.Refused) for r in results) == 1, results
    submitted.refresh_from_db()
    if submitted.state == ReportState.PUBLISHED:
        assert (submitted.reviewer_note, Assessment.objects.count()) == ("", 1)
    else:
        assert submitted.state == ReportState.RETURNED
        assert (submitted.reviewer_note, Assessment.objects.count()) == (
            "Add the law's number.",
            0,
        )
    assert submitted.version == 3


def test_a_withdrawal_racing_a_publication_leaves_exactly_one_of_them(submitted):
    """The body takes back its submitted report while a reviewer publishes it."""
    member = factories.membership(organisation=submitted.organisation).user
    reviewer = factories.secretariat_user()
    results = race(
        lambda: services.report_publish(report=submitted, user=reviewer, expected_version=2),
        lambda: services.report_withdraw(report=submitted, user=member, expected_version=2),
    )
    assert sum(isinstance(r, Report) for r in results) == 1, results
    assert sum(isinstance(r, services.Refused) for r in results) == 1, results
    submitted.refresh_from_db()
    published = submitted.state == ReportState.PUBLISHED
    assert submitted.state in {ReportState.PUBLISHED, ReportState.WITHDRAWN}
    assert (Assessment.objects.count(), submitted.version) == (int(published), 3)
