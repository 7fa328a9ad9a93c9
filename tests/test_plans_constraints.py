"""What the database refuses in the plans app, whatever writes to it: a link with other
than two ends or repeated between the same two records, an outside recommendation's
symbol and paragraph twice, values outside a vocabulary."""

import pytest
from django.db import IntegrityError, transaction

from plans.models import ActionPlan, Activity, ActivityBody, Link, OutsideRecommendation

from . import factories

pytestmark = pytest.mark.django_db


def refused(**fields) -> bool:
    try:
        with transaction.atomic():
            Link.objects.create(**fields)
    except IntegrityError:
        return True
    return False


def test_a_link_needs_exactly_two_ends():
    recommendation = factories.recommendation()
    activity = factories.activity()
    outside = factories.outside_recommendation()

    assert refused(recommendation=recommendation)
    assert refused(activity=activity)
    assert refused()
    assert refused(recommendation=recommendation, activity=activity, outside_recommendation=outside)
    assert not refused(recommendation=recommendation, activity=activity)
    assert not refused(recommendation=recommendation, outside_recommendation=outside)
    assert not refused(activity=activity, outside_recommendation=outside)
    assert Link.objects.count() == 3


def test_two_records_are_linked_once():
    recommendation = factories.recommendation()
    activity = factories.activity()
    outside = factories.outside_recommendation()
    Link.objects.create(recommendation=recommendation, activity=activity)
    Link.objects.create(activity=activity, outside_recommendation=outside)
    Link.objects.create(recommendation=recommendation, outside_recommendation=outside)

    assert refused(recommendation=recommendation, activity=activity, kind="implements")
    assert refused(activity=activity, outside_recommendation=outside, kind="same_as")
    assert refused(recommendation=recommendation, outside_recommendation=outside)
    # Another activity is another pair.
    assert not refused(recommendation=recommendation, activity=factories.activity())


def test_a_link_kind_outside_the_vocabulary_is_refused():
    assert refused(
        recommendation=factories.recommendation(), activity=factories.activity(), kind="causes"
    )


def test_a_symbol_and_paragraph_name_one_outside_recommendation():
    factories.outside_recommendation(document_symbol="A/HRC/41/10", paragraph="139.24")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.outside_recommendation(document_symbol="A/HRC/41/10", paragraph="139.24")
    # The same paragraph of another report is another recommendation.
    factories.outside_recommendation(document_symbol="A/HRC/28/10", paragraph="139.24")
    assert OutsideRecommendation.objects.filter(paragraph="139.24").count() == 2


@pytest.mark.parametrize(
    "fields",
    [
        {"mechanism": "parliament"},
        {"response": "rejected"},
        # A treaty body's recommendation names the treaty body.
        {"mechanism": "treaty_body", "body": ""},
    ],
)
def test_an_outside_recommendation_outside_its_vocabularies_is_refused(fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.outside_recommendation(**fields)
    assert not OutsideRecommendation.objects.exists()


def test_a_treaty_body_recommendation_with_its_body_named_and_no_response_is_kept():
    outside = factories.outside_recommendation(
        mechanism="treaty_body", body="Committee against Torture", response=""
    )
    assert OutsideRecommendation.objects.get().pk == outside.pk


def test_statuses_roles_and_legal_acts_stay_within_their_vocabularies():
    activity = factories.activity()
    with pytest.raises(IntegrityError), transaction.atomic():
        Activity.objects.filter(pk=activity.pk).update(status="done")
    with pytest.raises(IntegrityError), transaction.atomic():
        ActivityBody.objects.create(
            activity=activity, organisation=factories.organisation(), role="sponsor"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.action_plan(legal_act_kind="tweet")
    with pytest.raises(IntegrityError), transaction.atomic():
        activity.record_assessment(date="2022-01-01", status="done")
    activity.refresh_from_db()
    assert activity.status == "not_assessed"


def test_an_activity_number_is_unique_within_its_plan():
    plan = factories.action_plan()
    factories.activity(plan=plan, number="1")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.activity(plan=plan, number="1")
    factories.activity(number="1")  # another plan's activity 1
    assert Activity.objects.filter(number="1").count() == 2


def test_a_plan_cannot_end_before_it_was_adopted():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.action_plan(adopted_on="2022-04-28", ends_on="2021-12-31")
    assert not ActionPlan.objects.exists()


def test_a_plan_with_activities_cannot_be_deleted():
    activity = factories.activity()
    with pytest.raises(Exception, match="protected"):
        activity.plan.delete()
    assert ActionPlan.objects.filter(pk=activity.plan_id).exists()
