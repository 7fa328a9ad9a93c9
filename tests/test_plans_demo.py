"""The plans demo: the real plans, Follow-up Plan rows and UPR cycles, each with its
source; the illustrative rest marked; the SDG vocabulary whole; loading twice changes
nothing."""

import datetime

import pytest
from django.core.management import call_command

from plans import real_plans
from plans.models import (
    ActionPlan,
    Activity,
    ActivityAssessment,
    ActivityBody,
    Link,
    OutsideRecommendation,
    SdgGoal,
    SdgTarget,
    Section,
    UprCycle,
)

pytestmark = pytest.mark.django_db

PLANS_MODELS = (
    ActionPlan,
    Section,
    Activity,
    ActivityBody,
    ActivityAssessment,
    OutsideRecommendation,
    Link,
    SdgGoal,
    SdgTarget,
    UprCycle,
)


def snapshot() -> dict:
    return {model.__name__: sorted(map(str, model.objects.values_list())) for model in PLANS_MODELS}


@pytest.fixture
def loaded(db):
    call_command("load_demo")


def test_running_load_demo_twice_changes_nothing(loaded):
    first = snapshot()
    assert first["Activity"]
    call_command("load_demo")
    assert snapshot() == first


def test_every_real_plan_and_cycle_has_its_source(loaded):
    assert ActionPlan.objects.count() == 4
    for plan in ActionPlan.objects.all():
        assert plan.source_url.startswith("https://"), plan
    assert not ActionPlan.objects.filter(source_url="").exists()
    assert UprCycle.objects.count() == 4
    assert not UprCycle.objects.filter(source_url="").exists()


def test_the_plans_follow_one_another_as_the_record_says(loaded):
    follow_up = ActionPlan.objects.get(slug=real_plans.FOLLOW_UP_PLAN)
    assert (follow_up.legal_act_kind, follow_up.legal_act_number) == (
        "government_resolution",
        "258",
    )
    assert follow_up.adopted_on == datetime.date(2022, 4, 28)
    assert follow_up.follows.slug == real_plans.PRIORITY_PLAN
    assert follow_up.follows.legal_act_number == "597"
    assert follow_up.follows.legal_act_date == datetime.date(2021, 6, 9)
    assert follow_up.follows.follows.slug == real_plans.FIRST_PLAN
    assert list(follow_up.followed_by.values_list("slug", flat=True)) == [
        real_plans.ACTION_PLAN_2023
    ]


def test_the_follow_up_plan_has_its_27_activities_in_8_sections(loaded):
    plan = ActionPlan.objects.get(slug=real_plans.FOLLOW_UP_PLAN)
    assert plan.sections.count() == 8
    assert plan.activities.count() == 27
    # Only what action-plans.md verifies is real; everything else is marked.
    assert list(plan.sections.filter(is_illustrative=False).values_list("number", flat=True)) == [
        "I",
        "II",
    ]
    assert sorted(
        plan.activities.filter(is_illustrative=False).values_list("number", flat=True)
    ) == ["1", "2", "3", "4"]
    assert not ActivityAssessment.objects.filter(is_illustrative=False).exists()
    assert not Link.objects.filter(is_illustrative=False).exists()
    assert not OutsideRecommendation.objects.filter(is_illustrative=False).exists()


def test_the_verified_rows_are_as_the_plan_writes_them(loaded):
    plan = ActionPlan.objects.get(slug=real_plans.FOLLOW_UP_PLAN)
    third = plan.activities.get(number="3")
    assert third.section.number == "II"
    assert third.deadline_en == "August 2022"
    assert third.due_date == datetime.date(2022, 8, 31)
    bodies = [
        (body.organisation.slug, body.as_agreed)
        for body in third.bodies.select_related("organisation")
    ]
    assert bodies == [
        ("ministry-of-information-and-social-development", False),
        ("ministry-of-national-economy", False),
        ("agency-for-civil-service-affairs", True),
        ("national-centre-for-human-rights", True),
        ("local-executive-bodies", False),
    ]
    first = plan.activities.get(number="1")
    assert first.deadline_en == "By the end of 2022"
    assert first.due_date == datetime.date(2022, 12, 31)
    assert first.bodies.get(organisation__slug="prosecutor-generals-office").as_agreed
    # Row 4 is cut off in the source: nothing beyond its title is filled in.
    fourth = plan.activities.get(number="4")
    assert (fourth.deadline, fourth.due_date, fourth.bodies.count()) == ("", None, 0)


def test_the_sdg_vocabulary_is_whole(loaded):
    assert SdgGoal.objects.count() == 17
    assert SdgTarget.objects.count() == 169
    assert SdgGoal.objects.get(number=16).targets.count() == 12
    target = SdgTarget.objects.get(number="16.3")
    assert target.text_en.startswith("Promote the rule of law")
    assert target.text_ru.startswith("Содействовать верховенству права")
    assert not SdgTarget.objects.filter(text_ru__isnull=True).exists()
    assert not SdgTarget.objects.filter(text_ru="").exists()
    assert not SdgGoal.objects.filter(name_ru="").exists()
    assert not SdgGoal.objects.filter(name_kk="").exists()


def test_illustrative_records_leave_no_audit_history_and_are_linked_both_ways(loaded):
    assert not Activity.history.filter(is_illustrative=True).exists()
    assert Activity.history.filter(is_illustrative=False).exists()
    activity = Activity.objects.get(plan__slug=real_plans.FOLLOW_UP_PLAN, number="14")
    linked = [link.other_end(activity) for link in Link.objects.of(activity)]
    assert {type(record).__name__ for record in linked} == {
        "OutsideRecommendation",
        "Recommendation",
    }
    for record in linked:
        assert activity in [link.other_end(record) for link in Link.objects.of(record)]
