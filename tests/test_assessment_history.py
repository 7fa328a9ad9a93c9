"""A recommendation's status is that of its latest assessment; history is kept."""

import datetime

import pytest

from plans.models import ActivityAssessment
from recommendations.models import Assessment, Status

from . import factories

pytestmark = pytest.mark.django_db


def test_a_new_recommendation_is_not_assessed():
    assert factories.recommendation().status == Status.NOT_ASSESSED


def test_recording_an_assessment_sets_the_current_status():
    rec = factories.recommendation()
    rec.record_assessment(date=datetime.date(2019, 5, 1), status=Status.IN_PROGRESS)
    rec.refresh_from_db()
    assert rec.status == Status.IN_PROGRESS


def test_status_follows_the_latest_date_not_the_latest_entry():
    rec = factories.recommendation()
    rec.record_assessment(date=datetime.date(2021, 1, 1), status=Status.IMPLEMENTED)
    rec.record_assessment(date=datetime.date(2019, 1, 1), status=Status.NOT_STARTED)
    rec.refresh_from_db()
    assert rec.status == Status.IMPLEMENTED


def test_earlier_assessments_stay_as_history():
    rec = factories.recommendation()
    ministry = factories.organisation()
    rec.record_assessment(
        date=datetime.date(2018, 1, 1), status=Status.NOT_STARTED, assessed_by=ministry
    )
    rec.record_assessment(date=datetime.date(2020, 1, 1), status=Status.PARTIALLY_IMPLEMENTED)
    history = list(rec.assessments.values_list("date", "status"))
    assert history == [
        (datetime.date(2020, 1, 1), Status.PARTIALLY_IMPLEMENTED),
        (datetime.date(2018, 1, 1), Status.NOT_STARTED),
    ]


def test_an_independent_evaluation_is_history_but_does_not_set_the_status():
    rec = factories.recommendation()
    ngo = factories.organisation(kind="ngo")
    rec.record_assessment(
        date=datetime.date(2021, 3, 1),
        status=Status.IMPLEMENTED,
        origin=Assessment.Origin.GOVERNMENT_REPORT,
    )
    rec.record_assessment(
        date=datetime.date(2021, 10, 22),
        status=Status.NOT_IMPLEMENTED,
        origin=Assessment.Origin.EVALUATION,
        assessed_by=ngo,
    )
    rec.refresh_from_db()
    assert rec.status == Status.IMPLEMENTED
    assert rec.assessments.count() == 2


def test_an_activity_s_status_ignores_independent_evaluations_too():
    activity = factories.activity()
    activity.record_assessment(
        date=datetime.date(2022, 1, 1),
        status=Status.NOT_IMPLEMENTED,
        origin=ActivityAssessment.Origin.EVALUATION,
    )
    activity.refresh_from_db()
    assert activity.status == Status.NOT_ASSESSED
