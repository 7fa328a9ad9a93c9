"""Publishing a report writes a dated entry of the item's history that says who speaks
(origin, assessed_by) in the narrative's languages; a government report's claimed status
becomes the item's current status, an NGO's evaluation stands beside it."""

import datetime

import pytest

from meetings.models import Organisation
from plans.models import ActivityBody, BodyRole
from recommendations.models import AssessmentOrigin, Status
from reporting import services
from reporting.models import MembershipRole, ReportState
from tests import factories

pytestmark = pytest.mark.django_db

DAY = datetime.date(2024, 2, 1)


@pytest.fixture
def bodies(today):
    ministry = factories.organisation(name="Ministry of Justice")
    ngo = factories.organisation(name="Human Rights Bureau", kind=Organisation.Kind.NGO)
    return {
        "ministry": ministry,
        "ngo": ngo,
        "focal_point": factories.membership(organisation=ministry).user,
        "evaluator": factories.membership(organisation=ngo, role=MembershipRole.EVALUATOR).user,
        "reviewer": factories.secretariat_user(),
    }


def report_and_publish(bodies, *, item, origin, claimed_status, narratives):
    member, organisation = (
        (bodies["focal_point"], bodies["ministry"])
        if origin == AssessmentOrigin.GOVERNMENT_REPORT
        else (bodies["evaluator"], bodies["ngo"])
    )
    report = services.report_create(
        user=member,
        organisation=organisation,
        item=item,
        origin=origin,
        claimed_status=claimed_status,
        narratives=narratives,
    )
    report = services.report_submit(report=report, user=member, expected_version=1)
    return services.report_publish(
        report=report, user=bodies["reviewer"], expected_version=2, date=DAY
    )


def test_a_government_report_on_a_recommendation_sets_its_status(bodies):
    recommendation = factories.recommendation()
    recommendation.responsible_bodies.add(bodies["ministry"])
    narratives = {"en": "Adopted.", "ru": "Принят.", "kk": "Қабылданды."}
    report = report_and_publish(
        bodies,
        item=recommendation,
        origin=AssessmentOrigin.GOVERNMENT_REPORT,
        claimed_status=Status.IMPLEMENTED,
        narratives=narratives,
    )
    entry = report.recommendation_assessment
    assert (entry.recommendation, entry.date, entry.status) == (
        recommendation,
        DAY,
        Status.IMPLEMENTED,
    )
    assert (entry.origin, entry.assessed_by) == (
        AssessmentOrigin.GOVERNMENT_REPORT,
        bodies["ministry"],
    )
    assert (entry.summary_en, entry.summary_ru, entry.summary_kk) == (
        "Adopted.",
        "Принят.",
        "Қабылданды.",
    )
    recommendation.refresh_from_db()
    assert recommendation.status == Status.IMPLEMENTED
    assert (report.state, report.reviewed_by, report.published_at is not None) == (
        ReportState.PUBLISHED,
        bodies["reviewer"],
        True,
    )


def test_an_evaluation_of_an_activity_stands_beside_its_status(bodies, plan_record):
    activity = plan_record["one"]  # in progress, by the secretariat's assessment
    report = report_and_publish(
        bodies,
        item=activity,
        origin=AssessmentOrigin.EVALUATION,
        claimed_status=Status.NOT_STARTED,
        narratives={"ru": "Законопроект не внесён."},
    )
    entry = report.activity_assessment
    assert (entry.activity, entry.status, entry.origin, entry.assessed_by) == (
        activity,
        Status.NOT_STARTED,
        AssessmentOrigin.EVALUATION,
        bodies["ngo"],
    )
    assert (entry.summary_ru, entry.summary_en or "") == ("Законопроект не внесён.", "")
    activity.refresh_from_db()
    assert activity.status == Status.IN_PROGRESS


def test_a_government_report_on_an_activity_sets_its_status(bodies, plan_record):
    activity = plan_record["two"]
    ActivityBody.objects.create(
        activity=activity, organisation=bodies["ministry"], role=BodyRole.CO_IMPLEMENTING, order=2
    )
    report = report_and_publish(
        bodies,
        item=activity,
        origin=AssessmentOrigin.GOVERNMENT_REPORT,
        claimed_status=Status.PARTIALLY_IMPLEMENTED,
        narratives={"kk": "Судьялар оқытылды."},
    )
    assert report.assessment.summary_kk == "Судьялар оқытылды."
    activity.refresh_from_db()
    assert activity.status == Status.PARTIALLY_IMPLEMENTED


def test_a_report_that_claims_no_status_keeps_the_current_one(bodies):
    recommendation = factories.recommendation()
    recommendation.responsible_bodies.add(bodies["ministry"])
    recommendation.record_assessment(date=datetime.date(2023, 5, 1), status=Status.IN_PROGRESS)
    report = report_and_publish(
        bodies,
        item=recommendation,
        origin=AssessmentOrigin.GOVERNMENT_REPORT,
        claimed_status="",
        narratives={"en": "Work goes on."},
    )
    assert report.assessment.status == Status.IN_PROGRESS
    recommendation.refresh_from_db()
    assert (recommendation.status, recommendation.assessments.count()) == (Status.IN_PROGRESS, 2)
