"""An activity's status is that of its latest dated assessment, as a recommendation's is;
overdue is computed in the query from the due date and the status, never stored; a link
is seen from both of its ends."""

import datetime

import pytest

from plans.models import ActionPlan, Activity, Link

from . import factories

pytestmark = pytest.mark.django_db


def test_the_status_follows_the_latest_assessment_whatever_the_order_of_entry():
    activity = factories.activity()
    assert activity.status == "not_assessed"

    activity.record_assessment(date=datetime.date(2022, 6, 1), status="in_progress")
    assert activity.status == "in_progress"
    # An earlier entry, added later, does not move the current status back.
    activity.record_assessment(date=datetime.date(2022, 3, 1), status="not_started")
    assert activity.status == "in_progress"
    activity.record_assessment(date=datetime.date(2023, 1, 10), status="implemented")

    assert Activity.objects.get(pk=activity.pk).status == "implemented"
    assert [entry.status for entry in activity.assessments.all()] == [
        "implemented",
        "in_progress",
        "not_started",
    ]


def test_refreshing_every_status_at_once_gives_each_its_latest():
    first, second, unassessed = factories.activity(), factories.activity(), factories.activity()
    first.record_assessment(date=datetime.date(2022, 6, 1), status="implemented")
    second.record_assessment(date=datetime.date(2022, 6, 1), status="in_progress")
    Activity.objects.update(status="not_started")

    Activity.objects.refresh_statuses()

    assert dict(Activity.objects.values_list("pk", "status")) == {
        first.pk: "implemented",
        second.pk: "in_progress",
        unassessed.pk: "not_assessed",
    }


def overdue_flags(today: datetime.date) -> dict[str, bool]:
    return dict(Activity.objects.with_overdue(today).values_list("number", "is_overdue"))


def test_overdue_flags_change_as_today_moves_and_as_activities_are_settled():
    plan = factories.action_plan()
    factories.activity(plan=plan, number="1", due_date=datetime.date(2022, 8, 31))
    end_of_year = factories.activity(plan=plan, number="2", due_date=datetime.date(2022, 12, 31))
    factories.activity(plan=plan, number="3", due_date=None)  # "Annually": never overdue

    assert overdue_flags(datetime.date(2022, 8, 31)) == {"1": False, "2": False, "3": False}
    assert overdue_flags(datetime.date(2022, 9, 1)) == {"1": True, "2": False, "3": False}
    assert overdue_flags(datetime.date(2023, 1, 1)) == {"1": True, "2": True, "3": False}

    end_of_year.record_assessment(date=datetime.date(2023, 2, 1), status="implemented")
    assert overdue_flags(datetime.date(2023, 3, 1)) == {"1": True, "2": False, "3": False}
    end_of_year.record_assessment(date=datetime.date(2023, 4, 1), status="not_implemented")
    assert overdue_flags(datetime.date(2023, 5, 1)) == {"1": True, "2": True, "3": False}
    assert list(
        Activity.objects.overdue(datetime.date(2022, 9, 1)).values_list("number", flat=True)
    ) == ["1"]


def test_no_longer_relevant_is_never_overdue():
    activity = factories.activity(due_date=datetime.date(2022, 8, 31))
    activity.record_assessment(date=datetime.date(2022, 9, 5), status="no_longer_relevant")
    assert overdue_flags(datetime.date(2024, 1, 1)) == {activity.number: False}


def test_a_link_is_visible_from_both_of_its_ends():
    recommendation = factories.recommendation()
    activity = factories.activity()
    outside = factories.outside_recommendation()
    implements = Link.objects.create(
        activity=activity, outside_recommendation=outside, kind="implements"
    )
    follows_up = Link.objects.create(
        recommendation=recommendation, activity=activity, kind="follows_up"
    )

    assert list(Link.objects.of(activity)) == [implements, follows_up]
    assert list(Link.objects.of(outside)) == [implements]
    assert list(Link.objects.of(recommendation)) == [follows_up]
    assert implements.other_end(activity) == outside
    assert implements.other_end(outside) == activity
    assert follows_up.other_end(activity) == recommendation
    assert list(recommendation.links.all()) == [follows_up]


def test_public_links_are_those_whose_both_ends_are_public():
    activity = factories.activity()
    draft = factories.outside_recommendation(is_published=False)
    public = factories.outside_recommendation()
    Link.objects.create(activity=activity, outside_recommendation=draft)
    shown = Link.objects.create(activity=activity, outside_recommendation=public)

    assert list(Link.objects.of(activity).published()) == [shown]
    activity.plan.is_published = False
    activity.plan.save()
    assert not Link.objects.of(public).published().exists()


def test_the_status_on_a_date_is_that_of_the_latest_assessment_by_then():
    activity = factories.activity()
    activity.record_assessment(date=datetime.date(2021, 9, 1), status="not_started")
    activity.record_assessment(date=datetime.date(2021, 12, 20), status="in_progress")
    activity.record_assessment(date=datetime.date(2022, 5, 1), status="implemented")

    def status_on(date: datetime.date) -> str:
        return Activity.objects.with_status_on(date).get(pk=activity.pk).status_on

    assert status_on(datetime.date(2021, 8, 31)) == "not_assessed"
    assert status_on(datetime.date(2021, 10, 22)) == "not_started"
    assert status_on(datetime.date(2021, 12, 31)) == "in_progress"
    assert status_on(datetime.date(2022, 5, 1)) == "implemented"


def test_a_plans_progress_counts_its_activities_implemented_and_overdue():
    plan = factories.action_plan()
    factories.activity(plan=plan, due_date=datetime.date(2022, 8, 31))
    done = factories.activity(plan=plan, due_date=datetime.date(2022, 8, 31))
    done.record_assessment(date=datetime.date(2022, 8, 1), status="implemented")
    factories.activity(plan=plan, due_date=datetime.date(2023, 12, 31))
    empty = factories.action_plan()

    def progress(today: datetime.date) -> dict:
        return {
            p.pk: (p.activity_count, p.implemented_count, p.overdue_count)
            for p in ActionPlan.objects.with_progress(today)
        }

    assert progress(datetime.date(2022, 6, 1)) == {plan.pk: (3, 1, 0), empty.pk: (0, 0, 0)}
    assert progress(datetime.date(2022, 9, 1)) == {plan.pk: (3, 1, 1), empty.pk: (0, 0, 0)}
    assert progress(datetime.date(2024, 1, 1)) == {plan.pk: (3, 1, 2), empty.pk: (0, 0, 0)}
