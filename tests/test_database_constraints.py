"""What must always hold is enforced by the database itself, not only by forms."""

import pytest
from django.db import IntegrityError, transaction

from meetings.models import Meeting, Participant
from recommendations.models import Assessment, Recommendation

from . import factories

pytestmark = pytest.mark.django_db


def refused(create) -> bool:
    try:
        with transaction.atomic():
            create()
    except IntegrityError:
        return True
    return False


def test_a_recommendation_before_2013_is_refused_by_the_database():
    assert refused(lambda: factories.recommendation(year=2012))
    assert not refused(lambda: factories.recommendation(year=2013))


def test_a_status_outside_the_vocabulary_is_refused():
    assert refused(lambda: factories.recommendation(status="done"))
    rec = factories.recommendation()
    assert refused(
        lambda: Assessment.objects.create(recommendation=rec, date="2020-01-01", status="done")
    )


def test_references_and_slugs_are_unique():
    factories.recommendation(reference="CAB-2017-001")
    assert refused(lambda: factories.recommendation(reference="CAB-2017-001"))
    factories.topic(slug="children")
    assert refused(lambda: factories.topic(slug="children"))
    factories.meeting(slug="2021-10-22")
    assert refused(lambda: factories.meeting(slug="2021-10-22"))


def test_a_participant_must_name_an_organisation_or_a_person():
    meeting = factories.meeting()
    assert refused(lambda: Participant.objects.create(meeting=meeting, role="member"))
    org = factories.organisation()
    assert not refused(lambda: Participant.objects.create(meeting=meeting, organisation=org))


def test_meeting_format_and_kind_stay_in_their_vocabularies():
    assert refused(lambda: factories.meeting(format="telepathy"))
    assert refused(lambda: factories.meeting(kind="weekly"))


def test_deleting_a_meeting_with_recommendations_is_refused():
    meeting = factories.meeting()
    factories.recommendation(meeting=meeting)
    with pytest.raises(Exception, match="protected"):
        meeting.delete()
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_deleting_an_assessed_recommendation_is_refused():
    rec = factories.recommendation()
    rec.record_assessment(date="2020-01-01", status="in_progress")
    with pytest.raises(Exception, match="protected"):
        rec.delete()
    assert Recommendation.objects.filter(pk=rec.pk).exists()
