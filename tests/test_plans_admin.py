"""The plans back office: a plan's page holds its sections, an activity's page its bodies,
history and links, an outside recommendation's page its links; the change-status action
records an assessment per activity with its audit trail, and only for those who may
change activities; plans are never deleted."""

import datetime

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plans.models import (
    ActionPlan,
    Activity,
    ActivityAssessment,
    ActivityBody,
    Link,
    OutsideRecommendation,
)

from . import factories
from .admin_pages import page_data

pytestmark = pytest.mark.django_db


def change_url(record) -> str:
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def changelist_url(model) -> str:
    return reverse(f"admin:plans_{model._meta.model_name}_changelist")


@pytest.fixture
def activity():
    plan = factories.action_plan(title="Follow-up Plan")
    section = factories.section(plan=plan, number="II", title="Equal rights")
    activity = factories.activity(
        plan=plan, section=section, number="3", title="Gender policy at the local level"
    )
    ActivityBody.objects.create(
        activity=activity, organisation=factories.organisation(name="Ministry of Information")
    )
    ActivityBody.objects.create(
        activity=activity,
        organisation=factories.organisation(name="Prosecutor General's Office"),
        role="co_implementing",
        as_agreed=True,
        order=1,
    )
    activity.record_assessment(
        date=datetime.date(2022, 9, 1), status="in_progress", summary="Draft proposal sent"
    )
    Link.objects.create(
        activity=activity,
        outside_recommendation=factories.outside_recommendation(paragraph="139.24"),
        kind="implements",
    )
    return activity


def test_an_activitys_page_shows_its_bodies_history_and_links(secretariat_client, activity):
    page = secretariat_client.get(change_url(activity))

    assert page.status_code == 200
    content = page.content.decode()
    assert "Ministry of Information" in content
    assert "Prosecutor General" in content
    assert "Draft proposal sent" in content
    assert "A/HRC/41/10, 139.24" in content
    inlines = {inline.formset.prefix for inline in page.context["inline_admin_formsets"]}
    assert inlines == {"bodies", "assessments", "links"}


def test_a_plans_page_shows_its_sections_and_offers_no_delete(secretariat_client, activity):
    page = secretariat_client.get(change_url(activity.plan))
    assert page.status_code == 200
    assert "Equal rights" in page.content.decode()
    assert "deletelink" not in page.content.decode()

    delete = reverse("admin:plans_actionplan_delete", args=[activity.plan.pk])
    assert secretariat_client.post(delete, {"post": "yes"}).status_code == 403
    assert ActionPlan.objects.filter(pk=activity.plan.pk).exists()


def test_an_outside_recommendations_page_shows_its_links(secretariat_client, activity):
    outside = Link.objects.get().outside_recommendation
    page = secretariat_client.get(change_url(outside))
    assert page.status_code == 200
    (links,) = page.context["inline_admin_formsets"]
    assert [form.instance.activity for form in links.formset.forms] == [activity]
    assert "Follow-up Plan: 3" in page.content.decode()


@pytest.mark.parametrize(
    "model", ["actionplan", "activity", "activityassessment", "outsiderecommendation", "link"]
)
def test_every_plans_list_opens(secretariat_client, activity, model):
    page = secretariat_client.get(reverse(f"admin:plans_{model}_changelist"))
    assert page.status_code == 200


def test_the_admin_reads_a_blank_due_date_from_the_deadline(secretariat_client, activity):
    url = change_url(activity)
    data = page_data(secretariat_client.get(url)) | {
        "deadline_en": "August 2022",
        "deadline_ru": "август 2022 года",
        "due_date": "",
    }
    response = secretariat_client.post(url, data)

    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.due_date == datetime.date(2022, 8, 31)


def test_a_due_date_typed_in_is_kept(secretariat_client, activity):
    url = change_url(activity)
    data = page_data(secretariat_client.get(url)) | {
        "deadline_en": "August 2022",
        "due_date": "2022-09-15",
    }
    secretariat_client.post(url, data)
    activity.refresh_from_db()
    assert activity.due_date == datetime.date(2022, 9, 15)


def change_status(client, activities, **form):
    return client.post(
        changelist_url(Activity),
        {
            "action": "change_status",
            "_selected_action": [activity.pk for activity in activities],
            "index": "0",
            "apply": "1",
            **form,
        },
    )


def test_changing_the_status_records_an_assessment_per_activity_with_its_trail(client, activity):
    other = factories.activity(plan=activity.plan)
    untouched = factories.activity(plan=activity.plan)
    editor = factories.secretariat_user()
    client.force_login(editor)
    # The action first asks for the status, date and summary.
    page = client.post(
        changelist_url(Activity),
        {"action": "change_status", "_selected_action": [activity.pk, other.pk], "index": "0"},
    )
    assert page.status_code == 200
    assert "Record the status" in page.content.decode()
    assert ActivityAssessment.objects.count() == 1

    response = change_status(
        client, [activity, other], status="implemented", date="2023-01-15", summary="Adopted"
    )

    assert response.status_code == 302
    assert dict(Activity.objects.values_list("pk", "status")) == {
        activity.pk: "implemented",
        other.pk: "implemented",
        untouched.pk: "not_assessed",
    }
    new = ActivityAssessment.objects.filter(date=datetime.date(2023, 1, 15))
    assert sorted(new.values_list("activity", flat=True)) == sorted([activity.pk, other.pk])
    assert set(new.values_list("summary", flat=True)) == {"Adopted"}
    for assessment in new:
        version = assessment.history.get()
        assert version.history_user == editor
        assert version.history_change_reason == "Status changed with the admin action"
    for record in (activity, other):
        latest = Activity.objects.get(pk=record.pk).history.latest()
        assert (latest.status, latest.history_user) == ("implemented", editor)
    entries = LogEntry.objects.filter(action_flag=CHANGE)
    assert sorted(int(entry.object_id) for entry in entries) == sorted([activity.pk, other.pk])
    assert {entry.user for entry in entries} == {editor}
    assert untouched.history.count() == 1


def test_a_bad_status_or_date_changes_nothing_and_says_why(secretariat_client, activity):
    response = change_status(secretariat_client, [activity], status="done", date="not a date")

    assert response.status_code == 200
    content = response.content.decode()
    assert "Select a valid choice" in content
    assert "Enter a valid date" in content
    assert ActivityAssessment.objects.count() == 1
    activity.refresh_from_db()
    assert activity.status == "in_progress"


def test_a_view_only_user_is_neither_offered_nor_allowed_the_status_change(client, activity):
    client.force_login(factories.viewer_user())
    page = client.get(changelist_url(Activity))
    assert page.status_code == 200
    assert b'value="change_status"' not in page.content

    change_status(client, [activity], status="implemented", date="2023-01-15")

    activity.refresh_from_db()
    assert activity.status == "in_progress"
    assert ActivityAssessment.objects.count() == 1
    assert not LogEntry.objects.exists()
    assert activity.history.count() == 1  # its creation alone


def test_a_view_only_user_cannot_save_an_activity(client, activity):
    client.force_login(factories.viewer_user())
    url = change_url(activity)
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, page_data(page) | {"title_en": "Changed by a viewer"})
    assert response.status_code == 403
    activity.refresh_from_db()
    assert activity.title == "Gender policy at the local level"


def test_the_secretariat_may_do_everything_with_plans_records_but_delete_a_plan():
    codenames = set(
        Group.objects.get(name="Secretariat")
        .permissions.filter(content_type__app_label="plans")
        .values_list("codename", flat=True)
    )
    assert {"add_actionplan", "change_actionplan", "view_actionplan"} <= codenames
    assert "delete_actionplan" not in codenames
    for model in ("activity", "activityassessment", "outsiderecommendation", "link", "section"):
        assert {f"add_{model}", f"change_{model}", f"view_{model}"} <= codenames


def test_an_activity_cannot_be_put_in_another_plans_section(secretariat_client, activity):
    elsewhere = factories.section(plan=factories.action_plan(), title="Another plan's section")
    url = change_url(activity)
    response = secretariat_client.post(
        url, page_data(secretariat_client.get(url)) | {"section": str(elsewhere.pk)}
    )

    assert response.status_code == 200
    assert "Choose a section of the activity&#x27;s own plan." in response.content.decode()
    activity.refresh_from_db()
    assert activity.section.title == "Equal rights"


def test_the_activity_list_runs_as_many_queries_for_fifty_activities_as_for_five(
    secretariat_client, activity
):
    def queries_for_the_list() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert secretariat_client.get(changelist_url(Activity)).status_code == 200
        return len(captured)

    for _ in range(4):
        factories.activity(plan=activity.plan, section=activity.section)
    five = queries_for_the_list()
    for _ in range(45):
        factories.activity(plan=activity.plan, section=activity.section)
    assert queries_for_the_list() == five


@pytest.mark.parametrize("ends", ["both", "neither"])
def test_a_link_row_with_other_than_one_other_end_is_refused_with_a_message(
    secretariat_client, activity, ends
):
    url = change_url(activity)
    page = secretariat_client.get(url)
    data = page_data(page)
    row = "links-1"  # after the existing link
    data |= {
        "links-TOTAL_FORMS": "2",
        f"{row}-kind": "same_as",
        f"{row}-recommendation": str(factories.recommendation().pk) if ends == "both" else "",
        f"{row}-outside_recommendation": (
            str(factories.outside_recommendation().pk) if ends == "both" else ""
        ),
    }

    response = secretariat_client.post(url, data)

    assert response.status_code == 200
    assert "choose one record to link to" in response.content.decode()
    assert Link.objects.count() == 1


def test_a_second_link_between_the_same_two_records_is_refused_with_a_message(
    secretariat_client, activity
):
    existing = Link.objects.get()
    url = change_url(activity)
    data = page_data(secretariat_client.get(url)) | {
        "links-TOTAL_FORMS": "2",
        "links-1-kind": "related",
        "links-1-outside_recommendation": str(existing.outside_recommendation_id),
    }

    response = secretariat_client.post(url, data)

    assert response.status_code == 200
    assert "These two records are already linked." in response.content.decode()
    assert Link.objects.count() == 1


def test_two_new_rows_linking_the_same_records_are_refused_with_a_message(
    secretariat_client, activity
):
    other = factories.recommendation()
    url = change_url(activity)
    data = page_data(secretariat_client.get(url)) | {
        "links-TOTAL_FORMS": "3",
        "links-1-kind": "related",
        "links-1-recommendation": str(other.pk),
        "links-2-kind": "implements",
        "links-2-recommendation": str(other.pk),
    }

    response = secretariat_client.post(url, data)

    assert response.status_code == 200
    assert "These two records are already linked." in response.content.decode()
    assert Link.objects.count() == 1


def test_a_treaty_body_recommendation_without_its_body_is_refused_with_a_message(
    secretariat_client,
):
    response = secretariat_client.post(
        reverse("admin:plans_outsiderecommendation_add"),
        {
            "mechanism": "treaty_body",
            "body_en": "",
            "cycle": "",
            "year": "2016",
            "document_symbol": "CAT/C/KAZ/CO/4",
            "paragraph": "12",
            "recommending_state_en": "",
            "response": "",
            "text_en": "Ensure that all allegations of torture are investigated.",
            "source_url": "",
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    assert "Name the treaty body or special procedure" in response.content.decode()
    assert not OutsideRecommendation.objects.exists()


def test_a_plan_ending_before_its_adoption_is_refused_with_a_message(secretariat_client):
    response = secretariat_client.post(
        reverse("admin:plans_actionplan_add"),
        {
            "title_en": "A plan",
            "slug": "a-plan",
            "legal_act_kind": "presidential_decree",
            "adopted_on": "2022-04-28",
            "ends_on": "2021-12-31",
            "sections-TOTAL_FORMS": "0",
            "sections-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    assert "A plan cannot end before it is adopted." in response.content.decode()
    assert not ActionPlan.objects.exists()


def test_naming_a_body_twice_for_one_activity_is_refused_with_a_message(
    secretariat_client, activity
):
    named = activity.bodies.first().organisation
    url = change_url(activity)
    data = page_data(secretariat_client.get(url)) | {
        "bodies-TOTAL_FORMS": "3",
        "bodies-2-organisation": str(named.pk),
        "bodies-2-role": "co_implementing",
        "bodies-2-order": "2",
    }

    response = secretariat_client.post(url, data)

    assert response.status_code == 200
    assert "Please correct the duplicate data for organisation" in response.content.decode()
    assert activity.bodies.count() == 2


def test_a_recommendations_page_shows_its_links_and_adds_one(secretariat_client, activity):
    recommendation = factories.recommendation(reference="CAB-2021-007")
    Link.objects.create(recommendation=recommendation, activity=activity, kind="follows_up")
    outside = factories.outside_recommendation(paragraph="139.99")
    url = change_url(recommendation)
    page = secretariat_client.get(url)
    assert page.status_code == 200
    assert "Follow-up Plan: 3" in page.content.decode()

    data = page_data(page) | {
        "links-TOTAL_FORMS": "2",
        "links-1-kind": "same_as",
        "links-1-outside_recommendation": str(outside.pk),
    }
    assert secretariat_client.post(url, data).status_code == 302

    assert [link.other_end(outside) for link in Link.objects.of(outside)] == [recommendation]
    assert Link.objects.of(recommendation).count() == 2
