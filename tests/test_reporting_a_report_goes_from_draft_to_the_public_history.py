"""The whole loop through the services: a focal point drafts and submits a report, the
secretariat returns it with a note, the body corrects and resubmits, the secretariat
publishes it, and it becomes a dated entry of the recommendation's history."""

import datetime

import pytest

from recommendations.models import AssessmentOrigin, Status
from reporting import services
from reporting.models import ReportState
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_report_is_drafted_returned_corrected_and_published(today):
    ministry = factories.organisation(name="Ministry of Justice")
    recommendation = factories.recommendation()
    recommendation.responsible_bodies.add(ministry)
    focal_point = factories.membership(organisation=ministry).user
    reviewer = factories.secretariat_user()

    report = services.report_create(
        user=focal_point,
        organisation=ministry,
        item=recommendation,
        origin=AssessmentOrigin.GOVERNMENT_REPORT,
        claimed_status=Status.IN_PROGRESS,
        narratives={"en": "The draft law is with Parliament."},
    )
    assert (report.state, report.version) == (ReportState.DRAFT, 1)
    report = services.report_submit(report=report, user=focal_point, expected_version=1)
    report = services.report_return(
        report=report, user=reviewer, expected_version=2, note="Name the draft law."
    )
    assert (report.state, report.reviewer_note) == (ReportState.RETURNED, "Name the draft law.")
    report = services.report_update(
        report=report,
        user=focal_point,
        expected_version=3,
        claimed_status=Status.IN_PROGRESS,
        narratives={"en": "The draft law on probation is with Parliament.", "ru": "Проект…"},
    )
    report = services.report_submit(report=report, user=focal_point, expected_version=4)
    report = services.report_publish(
        report=report, user=reviewer, expected_version=5, date=datetime.date(2024, 2, 1)
    )

    assert report.state == ReportState.PUBLISHED
    entry = report.assessment
    assert (entry.date, entry.status, entry.origin, entry.assessed_by) == (
        datetime.date(2024, 2, 1),
        Status.IN_PROGRESS,
        AssessmentOrigin.GOVERNMENT_REPORT,
        ministry,
    )
    assert entry.summary_en == "The draft law on probation is with Parliament."
    recommendation.refresh_from_db()
    assert recommendation.status == Status.IN_PROGRESS
